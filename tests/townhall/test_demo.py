"""The demo city's town hall: its bodies and sessions, a workshop's delegates drawn by lot,
answers of every kind with milestones on time and late, an answer overdue, a council's
proposal heard and answered; loading the demo twice adds nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.recommendations.models import Recommendation
from ateliers.townhall import models
from ateliers.townhall.deadlines import answer_due, is_overdue
from ateliers.townhall.delegates import draw
from ateliers.townhall.demo import DRAW_SEATS, DRAW_SEED, MAYOR, PRESENTING, VOLUNTEERS
from ateliers.townhall.selectors import answer_months_of, hearing_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_city")]

COUNTED = [
    Action,
    Recommendation,
    models.Body,
    models.BodyMember,
    models.Session,
    models.AgendaItem,
    models.CouncilSubmission,
    models.Delegation,
    models.Delegate,
    models.Volunteer,
    models.AnswerDeadline,
    models.Answer,
    models.Milestone,
    models.MilestoneUpdate,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_the_bodies_as_the_law_has_them():
    council = models.Body.objects.get(kind=models.BodyKind.MUNICIPAL_COUNCIL)
    assert council.members.get(role=models.MemberRole.CHAIR).name == MAYOR
    commissions = models.Body.objects.filter(kind=models.BodyKind.COMMISSION)
    assert commissions.count() == 2
    for body in (council, *commissions):
        capacities = set(body.members.values_list("capacity", flat=True))
        assert capacities == {models.MemberCapacity.COUNCILLOR}, body
    assert not commissions.filter(public_sessions=True).exists()
    assert not models.Session.objects.filter(body__in=commissions, public=True).exists()
    committee = models.Body.objects.get(kind=models.BodyKind.CONSULTATIVE_COMMITTEE)
    assert {
        models.MemberCapacity.RESIDENT,
        models.MemberCapacity.ASSOCIATION,
        models.MemberCapacity.COUNCILLOR,
    } <= set(committee.members.values_list("capacity", flat=True))


def test_sessions_past_with_their_outcomes_and_planned():
    now = timezone.now()
    for body in models.Body.objects.all():
        past = body.sessions.filter(starts_at__lt=now)
        assert past.exists() and body.sessions.filter(starts_at__gt=now).exists(), body
        assert not past.filter(held_at__isnull=True).exists(), body
        assert not past.filter(minutes="").exists(), body
        assert not body.sessions.filter(starts_at__gt=now, held_at__isnull=False).exists()
    decided = models.AgendaItem.objects.exclude(deliberation_number="")
    assert decided.exists()
    assert set(decided.values_list("session__body__kind", flat=True)) == {"municipal_council"}
    assert not decided.filter(deliberation_date__isnull=True).exists()
    # Every item of a held session has its outcome; none of a planned one.
    assert not models.AgendaItem.objects.filter(
        session__held_at__isnull=False, outcome_recorded_at__isnull=True
    ).exists()
    assert not models.AgendaItem.objects.filter(
        session__starts_at__gt=now, outcome_recorded_at__isnull=False
    ).exists()


def test_the_presenting_workshop_drew_its_delegates_by_lot_reproducibly():
    delegation = models.Delegation.objects.get(workshop__slug__startswith=PRESENTING)
    assert delegation.method == models.DelegateMethod.LOT
    assert delegation.seed == DRAW_SEED and delegation.seats == DRAW_SEATS
    assert len(delegation.candidates) == VOLUNTEERS
    chosen = list(delegation.delegates.order_by("position").values_list("user_id", flat=True))
    assert draw(delegation.seed, delegation.candidates, delegation.seats) == chosen
    # Its hearing: in a commission's session still to come.
    hearing = hearing_of(delegation.workshop)
    assert hearing.session.body.kind == models.BodyKind.COMMISSION
    assert hearing.session.starts_at > timezone.now()
    assert answer_months_of(delegation.workshop) == 4
    # Other workshops elected theirs.
    assert models.Delegation.objects.filter(method=models.DelegateMethod.ELECTION).exists()


def test_answers_of_every_kind_and_one_overdue():
    answered = models.Answer.objects.filter(recommendation__isnull=False)
    assert set(answered.values_list("status", flat=True)) == set(models.AnswerStatus.values)
    assert not answered.filter(answered_at__gt=timezone.now()).exists()
    today = timezone.localdate()
    overdue, waiting = [], []
    for recommendation in Recommendation.objects.filter(
        status=Recommendation.Status.ADOPTED, answer__isnull=True
    ).select_related("workshop"):
        hearing = hearing_of(recommendation.workshop)
        due = answer_due(
            hearing.session.starts_at.date() if hearing else None,
            answer_months_of(recommendation.workshop),
        )
        (overdue if is_overdue(due, None, today) else waiting).append(recommendation)
    assert len(overdue) == 1
    assert waiting  # answered later, within their deadline


def test_milestones_done_late_and_planned():
    today = timezone.localdate()
    milestones = models.Milestone.objects.all()
    done = milestones.filter(status=models.MilestoneStatus.DONE)
    assert done.count() == 2
    assert all(each.progress == 100 and each.completed_on <= today for each in done)
    # One recommendation is implemented: all its milestones are done.
    implemented = models.Answer.objects.exclude(milestones__status__in=["planned", "in_progress"])
    assert implemented.filter(milestones__isnull=False).distinct().count() == 1
    late = [milestone for milestone in milestones if milestone.is_late(today)]
    assert len(late) == 1 and late[0].status == models.MilestoneStatus.IN_PROGRESS
    assert late[0].updates.count() == 2
    assert milestones.filter(status=models.MilestoneStatus.PLANNED, target_date__gt=today).exists()
    # Milestones follow what the city committed to.
    assert not milestones.exclude(
        answer__status__in=[models.AnswerStatus.ACCEPTED, models.AnswerStatus.PARTIALLY_ACCEPTED]
    ).exists()


def test_a_councils_proposal_on_an_agenda_heard_and_answered():
    submission = models.CouncilSubmission.objects.get(
        answer__isnull=False, council__kind="neighbourhood"
    )
    item = submission.agenda_items.get()
    assert item.outcome and item.session.held_at is not None
    assert submission.answer.session == item.session
    # Another waits on a planned agenda, unanswered.
    waiting = models.CouncilSubmission.objects.get(answer__isnull=True)
    assert waiting.agenda_items.get().session.starts_at > timezone.now()


def test_the_story_is_logged_in_the_past():
    now = timezone.now()
    answered = Action.objects.filter(verb="townhall.answered")
    assert answered.count() == models.Answer.objects.count()
    assert not answered.filter(created_at__gt=now - datetime.timedelta(days=20)).exists()
    assert Action.objects.filter(verb="townhall.delegates_drawn", data__seed=DRAW_SEED).exists()


def test_loading_twice_changes_nothing():
    first = counts()
    assert first["Session"] >= 9 and first["Answer"] >= 6
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
