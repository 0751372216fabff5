"""A person who follows something is told of each kind of news about it, on their
notifications page and by e-mail (at once, or in a daily digest), once, in their language,
with a one-click unsubscribe."""

import datetime
import urllib.parse

import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation

from ateliers.core.models import Role
from ateliers.debate.services import contribution_hide, contribution_reply, contribution_restore
from ateliers.documents.services import document_add
from ateliers.meetings.services import meeting_create
from ateliers.notifications import delivery, follows
from ateliers.notifications.models import Frequency, Notification, Preference
from ateliers.notifications.tasks import notify
from ateliers.townhall import answers
from ateliers.townhall.models import Answer
from ateliers.trainings.services import session_create
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.lifecycle import workshop_publish
from ateliers.workshops.tasks import phase_started
from tests.factories import (
    ContributionFactory,
    CouncilFactory,
    MandateFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    ThemeFactory,
    TrainingFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.townhall.followup_factories import adopted, answering_workshop

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run what the worker would run once the transaction commits (tests: at once)."""

    def run_(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run_


def told(*people) -> set[str]:
    return {person.email for person in people}


def mailed() -> set[str]:
    return {message.to[0] for message in mail.outbox}


@pytest.fixture
def staff():
    return UserFactory(role=Role.CITY_STAFF)


def test_a_new_workshop_is_told_to_its_neighbourhood_theme_and_councils(run, staff):
    quartier, theme = NeighbourhoodFactory(), ThemeFactory()
    by_place, by_theme, elsewhere = UserFactory(), UserFactory(), UserFactory()
    follows.follow(user=by_place, subject=quartier)
    follows.follow(user=by_theme, subject=theme)
    follows.follow(user=elsewhere, subject=NeighbourhoodFactory())
    member = MandateFactory(council=CouncilFactory(neighbourhood=quartier)).user
    workshop = WorkshopFactory(
        status="draft", neighbourhood=quartier, phase=PhaseKind.COMMUNICATION
    )
    workshop.themes.add(theme)

    run(workshop_publish, workshop=workshop, by=staff)

    assert mailed() == told(by_place, by_theme, member)
    assert Notification.objects.filter(kind="new_workshop").count() == 3
    assert workshop.title in mail.outbox[0].body


def test_a_phase_start_is_told_to_followers_and_participants(run):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    follower, participant = UserFactory(), ParticipationFactory(workshop=workshop).user
    follows.follow(user=follower, subject=workshop)
    debate = workshop.phases.get(kind=PhaseKind.DEBATE)

    run(phase_started.call, debate.pk)  # too early: the phase has not started
    assert mail.outbox == []
    with time_machine.travel(debate.starts_at + DAY):
        run(phase_started.call, debate.pk)
        run(phase_started.call, debate.pk)  # a second run logs and tells nothing more

    assert mailed() == told(follower, participant) and len(mail.outbox) == 2
    with translation.override("fr"):
        assert str(PhaseKind.DEBATE.label) in mail.outbox[0].body


def test_new_documents_meetings_and_sessions_are_told(run, staff):
    workshop = WorkshopFactory(phase=PhaseKind.INFORMATION)
    follower = UserFactory()
    follows.follow(user=follower, subject=workshop)
    theme = ThemeFactory()
    training = TrainingFactory()
    training.themes.add(theme)
    theme_follower = UserFactory()
    follows.follow(user=theme_follower, subject=theme)

    run(
        document_add,
        owner=workshop,
        added_by=staff,
        title="Plan du square",
        category="study",
        link="https://example.org/plan",
    )
    start = timezone.now() + 10 * DAY
    run(
        meeting_create,
        owner=workshop,
        created_by=staff,
        kind="information",
        title="Réunion publique",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Salle des fêtes",
    )
    run(
        session_create,
        training=training,
        created_by=staff,
        starts_at=start,
        duration_minutes=120,
        capacity=10,
        place="Maison des associations",
    )

    kinds = dict(Notification.objects.values_list("kind", "recipient__email"))
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        "new_document",
        "new_meeting",
        "new_training_session",
    }
    assert kinds["new_training_session"] == theme_follower.email
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [follower.email, follower.email, theme_follower.email]
    )


def test_a_reply_is_told_to_the_author_only(run):
    contribution = ContributionFactory(author=UserFactory(email="auteur@example.org"))
    replier = UserFactory()
    ParticipationFactory(workshop=contribution.topic.workshop, user=replier)

    run(contribution_reply, parent=contribution, text="Bien vu !", by=replier)

    assert mailed() == {"auteur@example.org"}
    # Replying to one's own contribution tells nobody.
    mail.outbox.clear()
    run(contribution_reply, parent=contribution, text="Merci.", by=contribution.author)
    assert mail.outbox == []


def test_moderation_is_told_once_to_the_author(run, staff):
    author = UserFactory(email="auteur@example.org")
    contribution = ContributionFactory(author=author)

    run(contribution_hide, contribution=contribution, reason="Hors sujet.", by=staff)
    # The debate e-mails the author itself: the notification shows on the page only.
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=author, kind="moderation").count() == 1
    run(contribution_restore, contribution=contribution, reason="Erreur.", by=staff)

    assert len(mail.outbox) == 2 and mailed() == {"auteur@example.org"}
    assert Notification.objects.filter(recipient=author, kind="moderation").count() == 2


def test_the_answer_is_told_to_followers_and_once_to_participants(run, staff):
    workshop = answering_workshop()
    participant = ParticipationFactory(workshop=workshop).user
    follower = UserFactory()
    follows.follow(user=follower, subject=workshop)
    recommendation = adopted(workshop)

    run(
        answers.answer_save,
        actor=staff,
        recommendation=recommendation,
        status=Answer.Status.ACCEPTED,
        justification="",
        service="Voirie",
        elected_official="Adjointe",
    )

    # The participant: the town hall's own e-mail, and the notification on the page.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([participant.email, follower.email])
    assert Notification.objects.filter(kind="answer").count() == 2


def test_each_person_is_told_once_even_if_the_task_runs_twice(run, staff):
    quartier = NeighbourhoodFactory()
    follower = UserFactory()
    follows.follow(user=follower, subject=quartier)
    workshop = WorkshopFactory(status="draft", neighbourhood=quartier)
    run(workshop_publish, workshop=workshop, by=staff)
    action_id = Notification.objects.get().action_id

    notify.call(action_id)
    notify.call(action_id)

    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_the_daily_digest_gathers_the_news_of_the_day_once(run, staff):
    quartier = NeighbourhoodFactory()
    person = UserFactory()
    follows.follow(user=person, subject=quartier)
    Preference.objects.create(user=person, kind="new_workshop", frequency=Frequency.DAILY)
    for title in ("Square Lagrive", "Rue de Vesle"):
        run(
            workshop_publish,
            workshop=WorkshopFactory(title=title, status="draft", neighbourhood=quartier),
            by=staff,
        )
    assert mail.outbox == []

    assert delivery.send_digests() == 1
    assert delivery.send_digests() == 0

    (digest,) = mail.outbox
    assert "Square Lagrive" in digest.body and "Rue de Vesle" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers


def test_never_by_email_keeps_the_page_only(run, staff):
    quartier = NeighbourhoodFactory()
    person = UserFactory()
    follows.follow(user=person, subject=quartier)
    Preference.objects.create(user=person, kind="new_workshop", frequency=Frequency.NEVER)

    run(
        workshop_publish, workshop=WorkshopFactory(status="draft", neighbourhood=quartier), by=staff
    )
    delivery.send_digests()

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=person).count() == 1


def _published_for(run, staff, person) -> None:
    quartier = NeighbourhoodFactory()
    follows.follow(user=person, subject=quartier)
    run(
        workshop_publish, workshop=WorkshopFactory(status="draft", neighbourhood=quartier), by=staff
    )


def test_each_email_carries_a_signed_one_click_unsubscribe(run, staff, client):
    person = UserFactory()
    _published_for(run, staff, person)
    (message,) = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header.strip("<>") in message.body
    url = urllib.parse.urlsplit(header.strip("<>")).path

    # The link shows what it will do; only the button (or the mail program's POST) does it.
    assert client.get(url).status_code == 200
    assert not Preference.objects.filter(user=person).exists()
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Preference.objects.get(user=person, kind="new_workshop").frequency == Frequency.NEVER
    # A changed token is refused.
    assert client.get(url[:-3] + "abc/").status_code == 404


def test_emails_are_written_in_the_person_language(run, staff):
    english, french = UserFactory(language="en"), UserFactory(language="fr")
    for person in (english, french):
        _published_for(run, staff, person)

    by_person = {message.to[0]: message for message in mail.outbox}
    assert "Hello" in by_person[english.email].body
    assert "Bonjour" in by_person[french.email].body


def test_the_request_does_not_wait_for_the_followers(
    client, staff, django_capture_on_commit_callbacks
):
    """Publishing asks as many queries for 5 and 300 followers: the fan-out is the worker's."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def publish_with(followers: int) -> int:
        quartier = NeighbourhoodFactory()
        for person in UserFactory.create_batch(followers):
            follows.follow(user=person, subject=quartier)
        workshop = WorkshopFactory(status="draft", neighbourhood=quartier)
        with CaptureQueriesContext(connection) as queries:
            with django_capture_on_commit_callbacks(execute=False) as callbacks:
                workshop_publish(workshop=workshop, by=staff)
        assert callbacks, "the fan-out is queued for after the commit"
        return len(queries)

    assert publish_with(5) == publish_with(300)
    assert mail.outbox == []
