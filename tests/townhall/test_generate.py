"""`generate_city`'s town hall at the smallest scale: its bodies, the delegates, hearings,
answers and milestones of the workshops that reached their presentation, the councils'
submissions; consistent as the services would leave them, and the same from the same seed
(tests/demo/test_generate_seed.py)."""

import datetime

import pytest
from django.db.models import Count, Q

from ateliers.recommendations.models import Recommendation
from ateliers.townhall import models
from ateliers.townhall.deadlines import answer_due, is_overdue
from ateliers.townhall.delegates import draw
from ateliers.workshops.models import Participation, Workshop
from ateliers.workshops.phases import PhaseKind
from tests.conftest import CITY_NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_city")]

NOW = CITY_NOW  # when small_city was generated
TODAY = NOW.date()


def test_the_bodies_and_their_members():
    bodies = models.Body.objects.annotate(seats=Count("members"))
    assert bodies.filter(kind=models.BodyKind.MUNICIPAL_COUNCIL).count() == 1
    assert 6 <= bodies.filter(kind=models.BodyKind.COMMISSION).count() <= 8
    assert bodies.filter(kind=models.BodyKind.CONSULTATIVE_COMMITTEE).count() == 3
    assert all(body.seats >= 5 for body in bodies)
    # Councillors only in the council and its commissions; residents sit in committees.
    assert (
        not models.BodyMember.objects.filter(body__kind__in=models.COUNCILLORS_ONLY)
        .exclude(capacity=models.MemberCapacity.COUNCILLOR)
        .exists()
    )
    assert models.BodyMember.objects.filter(capacity=models.MemberCapacity.RESIDENT).exists()
    assert models.BodyMember.objects.filter(capacity=models.MemberCapacity.ASSOCIATION).exists()
    chairs = models.BodyMember.objects.filter(role=models.MemberRole.CHAIR)
    assert chairs.values("body").distinct().count() == bodies.count() == chairs.count()


def test_every_presented_workshop_chose_its_delegates_by_election_or_by_lot():
    presented = Workshop.objects.filter(
        phases__kind=PhaseKind.PRESENTATION, phases__starts_at__lte=NOW, participant_count__gt=0
    ).exclude(status=Workshop.Status.DRAFT)
    delegations = models.Delegation.objects.filter(workshop__in=presented)
    assert presented.exists() and delegations.count() == presented.count()
    assert {d.method for d in delegations} == set(models.DelegateMethod.values)
    for delegation in delegations.prefetch_related("delegates"):
        people = [d.user_id for d in delegation.delegates.all()]
        assert len(people) == delegation.seats
        participants = set(
            Participation.objects.filter(workshop=delegation.workshop_id).values_list(
                "user_id", flat=True
            )
        )
        assert set(people) <= participants
        assert delegation.decided_at <= NOW
        if delegation.method == models.DelegateMethod.LOT:
            # The published draw gives the same delegates, among the volunteers.
            assert draw(delegation.seed, delegation.candidates, delegation.seats) == people
            volunteers = models.Volunteer.objects.filter(workshop=delegation.workshop_id)
            assert sorted(volunteers.values_list("user_id", flat=True)) == delegation.candidates


def test_hearings_around_the_presentation_and_sessions_held_with_outcomes():
    heard = Recommendation.objects.filter(status="adopted").values("workshop").distinct()
    hearings = models.AgendaItem.objects.filter(
        kind=models.ItemKind.DOSSIER, session__body__kind=models.BodyKind.COMMISSION
    ).select_related("session", "workshop")
    assert hearings.count() == heard.count() > 0
    for item in hearings:
        presented = item.workshop.phases.get(kind=PhaseKind.PRESENTATION).starts_at
        assert presented <= item.session.starts_at <= presented + datetime.timedelta(days=25)
    past = models.Session.objects.filter(starts_at__lt=NOW)
    assert past.exists() and models.Session.objects.filter(starts_at__gt=NOW).exists()
    assert not past.filter(Q(held_at__isnull=True) | Q(minutes="")).exists()
    assert not models.Session.objects.filter(starts_at__gt=NOW, held_at__isnull=False).exists()
    assert not models.AgendaItem.objects.filter(session__held_at__isnull=False, outcome="").exists()
    numbered = models.AgendaItem.objects.exclude(deliberation_number="")
    assert numbered.exists()
    assert set(numbered.values_list("session__body__kind", flat=True)) == {"municipal_council"}
    assert not models.Session.objects.filter(
        body__kind=models.BodyKind.COMMISSION, public=True
    ).exists()
    # Positions run 1, 2, 3… in each session.
    for session in models.Session.objects.prefetch_related("items"):
        assert [item.position for item in session.items.all()] == list(
            range(1, session.items.count() + 1)
        )


def test_answers_of_every_kind_some_overdue_and_milestones():
    answers = models.Answer.objects.filter(recommendation__isnull=False)
    assert set(answers.values_list("status", flat=True)) == set(models.AnswerStatus.values)
    assert not answers.filter(recommendation__status__in=["draft", "not_adopted"]).exists()
    assert not answers.filter(answered_at__gt=NOW).exists()
    months = dict(models.AnswerDeadline.objects.values_list("workshop_id", "months"))
    hearing = {}
    for item in models.AgendaItem.objects.filter(kind="dossier").order_by("session__starts_at"):
        hearing.setdefault(item.workshop_id, item.session.starts_at.date())
    overdue = [
        recommendation
        for recommendation in Recommendation.objects.filter(status="adopted", answer__isnull=True)
        if is_overdue(
            answer_due(
                hearing.get(recommendation.workshop_id), months.get(recommendation.workshop_id)
            ),
            None,
            TODAY,
        )
    ]
    assert overdue
    # Milestones follow what the city committed to, done, late and planned.
    milestones = models.Milestone.objects.all()
    assert milestones.exists()
    assert not milestones.exclude(answer__status__in=list(models.COMMITTING)).exists()
    assert milestones.filter(status="done").exists()
    assert any(milestone.is_late(TODAY) for milestone in milestones)
    assert milestones.filter(status="planned").exists()
    for milestone in milestones.prefetch_related("updates"):
        updates = list(milestone.updates.all())
        if milestone.status == "planned":
            assert not updates and milestone.progress == 0
        else:
            assert (updates[-1].status, updates[-1].progress) == (
                milestone.status,
                milestone.progress,
            )
            assert [u.written_at for u in updates] == sorted(u.written_at for u in updates)
        if milestone.status == "done":
            assert milestone.completed_on <= TODAY


def test_councils_submissions_heard_and_answered():
    submissions = models.CouncilSubmission.objects.annotate(items=Count("agenda_items"))
    assert submissions.count() >= 12 and all(s.items == 1 for s in submissions)
    assert models.Answer.objects.filter(submission__isnull=False).exists()
    assert not submissions.filter(submitted_at__gt=NOW).exists()


def fingerprint() -> list:
    return [
        sorted(models.Session.objects.values_list("body__slug", "starts_at", "held_at")),
        sorted(models.Delegation.objects.values_list("workshop__slug", "method", "seats", "seed")),
        sorted(
            (str(answer.recommendation or answer.submission), answer.status, answer.answered_at)
            for answer in models.Answer.objects.select_related("recommendation", "submission")
        ),
        sorted(models.Milestone.objects.values_list("title", "status", "progress", "target_date")),
    ]
