"""Following with one button (without JavaScript), the notifications page with its unread
count in the header, and the e-mail settings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.activity.services import record
from ateliers.notifications import delivery, follows
from ateliers.notifications.models import Frequency, Notification, Preference
from ateliers.workshops.services.lifecycle import workshop_publish
from tests.factories import (
    CouncilFactory,
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

INBOX = reverse("notifications:inbox")
SETTINGS = reverse("notifications:settings")


def follow_url(kind: str, pk: int) -> str:
    return reverse("notifications:follow", args=[kind, pk])


@pytest.mark.parametrize("kind", ["workshop", "council", "neighbourhood"])
def test_follow_then_stop_from_the_page(client, kind):
    subject = {"workshop": WorkshopFactory, "council": CouncilFactory}.get(
        kind, NeighbourhoodFactory
    )()
    person = UserFactory()
    client.force_login(person)
    page = subject.get_absolute_url()

    assert follow_url(kind, subject.pk) in client.get(page).content.decode()
    response = client.post(follow_url(kind, subject.pk), {"follow": "1", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert follows.follows(person, subject)
    assert 'aria-pressed="true"' in client.get(page).content.decode()
    client.post(follow_url(kind, subject.pk), {"follow": "0", "next": page})
    assert not follows.follows(person, subject)


def test_following_twice_follows_once(client):
    workshop, person = WorkshopFactory(), UserFactory()
    client.force_login(person)
    for _ in range(2):
        client.post(follow_url("workshop", workshop.pk), {"follow": "1"})

    assert person.follows.count() == 1


def test_a_visitor_is_asked_to_log_in_and_unknown_things_are_not_found(client):
    workshop = WorkshopFactory()
    response = client.post(follow_url("workshop", workshop.pk), {"follow": "1"})
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.post(follow_url("recipe", 1)).status_code == 404
    assert client.post(follow_url("workshop", 999999)).status_code == 404
    # Somewhere else after following: never another site.
    response = client.post(
        follow_url("workshop", workshop.pk), {"follow": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == SETTINGS


def notifications_for(person, number: int) -> None:
    workshops = WorkshopFactory.create_batch(3)
    for index in range(number):
        from django.db import transaction

        with transaction.atomic():
            action = record(actor=None, verb="workshop.updated", target=workshops[index % 3])
        Notification.objects.create(
            recipient=person, action=action, kind="new_workshop", created_at=action.created_at
        )
    delivery.count_unread([person.pk])


def test_the_page_lists_them_and_the_header_counts_the_unread(client):
    person = UserFactory()
    notifications_for(person, 3)
    client.force_login(person)

    page = client.get(INBOX).content.decode()

    assert page.count('class="unread"') == 3
    assert '<span class="badge">3<span class="visually-hidden"> unread</span>' in page
    client.post(reverse("notifications:mark_all_read"))
    page = client.get(INBOX).content.decode()
    assert 'class="unread"' not in page and 'class="badge"' not in page


def test_a_fan_out_shows_in_the_count(client, django_capture_on_commit_callbacks):
    quartier, person = NeighbourhoodFactory(), UserFactory()
    follows.follow(user=person, subject=quartier)
    client.force_login(person)
    assert 'class="badge"' not in client.get(INBOX).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        workshop_publish(
            workshop=WorkshopFactory(status="draft", neighbourhood=quartier), by=UserFactory()
        )
        workshop_publish(
            workshop=WorkshopFactory(status="draft", neighbourhood=quartier), by=UserFactory()
        )

    assert '<span class="badge">2<span' in client.get(INBOX).content.decode()


def test_the_page_asks_as_many_queries_for_10_and_60_notifications(client):
    person = UserFactory()
    client.force_login(person)
    notifications_for(person, 10)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX).status_code == 200
        return len(captured)

    few = queries()
    notifications_for(person, 50)
    assert queries() == few


def test_an_empty_page_says_how_to_get_news(client):
    client.force_login(UserFactory())

    assert 'class="empty"' in client.get(INBOX).content.decode()


def test_the_settings_choose_per_kind_and_the_themes(client):
    person, theme, other = UserFactory(), ThemeFactory(name="Mobilités"), ThemeFactory()
    client.force_login(person)
    data = {"new_workshop": Frequency.DAILY, "reply": Frequency.NEVER, "themes": [theme.pk]}
    for name in ("phase_started", "new_document", "new_meeting", "new_training_session"):
        data[name] = Frequency.IMMEDIATE
    for name in ("moderation", "answer", "milestone"):
        data[name] = Frequency.IMMEDIATE

    response = client.post(SETTINGS, data)

    assert response.status_code == 302
    chosen = dict(Preference.objects.filter(user=person).values_list("kind", "frequency"))
    assert chosen["new_workshop"] == Frequency.DAILY and chosen["reply"] == Frequency.NEVER
    assert follows.follows(person, theme) and not follows.follows(person, other)
    assert client.get(SETTINGS).context["form"].initial["themes"] == [theme.pk]


def test_a_wrong_choice_is_refused_and_changes_nothing(client):
    person = UserFactory()
    client.force_login(person)

    response = client.post(SETTINGS, {"new_workshop": "weekly"})

    assert response.status_code == 200 and response.context["form"].errors
    assert not Preference.objects.filter(user=person).exists()
