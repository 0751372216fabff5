"""Each answer and each milestone update is told by e-mail to the workshop's participants (or
to the council's current members), one e-mail per person and per action, even when the task
runs twice."""

import datetime

import pytest
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.models import Role
from ateliers.townhall import answers, tasks
from ateliers.townhall.models import Answer
from tests.factories import MandateFactory, ParticipationFactory, UserFactory

from .followup_factories import adopted, answering_workshop, milestone, submission

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff():
    return UserFactory(role=Role.CITY_STAFF)


@pytest.fixture
def recommendation():
    workshop = answering_workshop()
    for _ in range(3):
        ParticipationFactory(workshop=workshop)
    # Someone of another workshop hears nothing.
    ParticipationFactory(workshop=answering_workshop())
    return adopted(workshop, title="Des fontaines")


def answer(recommendation, staff, status=Answer.Status.ACCEPTED):
    return answers.answer_save(
        actor=staff,
        recommendation=recommendation,
        status=status,
        justification="Pour l'été.",
        service="Eau",
        elected_official="Adjointe",
    )


def participants_emails(recommendation) -> set[str]:
    return {p.user.email for p in recommendation.workshop.participations.select_related("user")}


def test_each_participant_hears_once_of_the_answer(
    recommendation, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(recommendation, staff)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        participants_emails(recommendation)
    )
    assert "Des fontaines" in mailoutbox[0].subject
    assert f"/suivi/preconisations/{recommendation.pk}/" in mailoutbox[0].body

    # The task runs again (a retry, a restarted worker): nobody gets a second e-mail.
    action = Action.objects.get(verb="townhall.answered")
    tasks.tell_about.call(action.pk)
    tasks.tell_about.call(action.pk)
    assert len(mailoutbox) == 3


def test_a_changed_answer_and_each_milestone_update_are_told_once_each(
    recommendation, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        given = answer(recommendation, staff, status=Answer.Status.UNDER_STUDY)
        answer(recommendation, staff)
    step = milestone(given, title="Étude")
    with django_capture_on_commit_callbacks(execute=True):
        answers.milestone_update(
            actor=staff, milestone=step, status="in_progress", progress=30, note="Lancée."
        )
        answers.milestone_update(
            actor=staff, milestone=step, status="done", progress=100, note="Finie."
        )

    # Four actions (answered, changed, two updates) × three participants.
    assert len(mailoutbox) == 12
    for action in Action.objects.filter(verb__startswith="townhall."):
        tasks.tell_about.call(action.pk)
    assert len(mailoutbox) == 12
    news = [m for m in mailoutbox if "News of" in m.subject]
    assert len(news) == 6 and "Étude" in news[0].subject


def test_a_new_milestone_is_told_once_each_by_the_notifications_not_by_the_town_hall(
    recommendation, staff, mailoutbox, django_capture_on_commit_callbacks
):
    given = Answer.objects.create(
        recommendation=recommendation,
        status=Answer.Status.ACCEPTED,
        service="Eau",
        elected_official="Adjointe",
        answered_at=timezone.now(),
        updated_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        answers.milestone_add(
            actor=staff, answer=given, title="Étude", target_date=timezone.localdate() + DAY
        )

    # The town hall e-mails its progress reports only; the notifications tell of the new
    # milestone, with their unsubscribe link.
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        participants_emails(recommendation)
    )
    assert all("List-Unsubscribe" in message.extra_headers for message in mailoutbox)


def test_a_councils_current_members_hear_of_the_answer_to_its_submission(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    sent = submission(title="Des bancs")
    today = timezone.localdate()
    current = MandateFactory(council=sent.council, starts_on=today - 100 * DAY)
    MandateFactory(council=sent.council, starts_on=today - 900 * DAY, ends_on=today - 400 * DAY)

    with django_capture_on_commit_callbacks(execute=True):
        answers.answer_save(
            actor=staff,
            submission=sent,
            status=Answer.Status.ACCEPTED,
            justification="",
            service="Parcs",
            elected_official="Adjoint",
        )

    assert [message.to[0] for message in mailoutbox] == [current.user.email]
    assert f"/mairie/saisines/{sent.pk}/" in mailoutbox[0].body
