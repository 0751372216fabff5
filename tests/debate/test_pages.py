"""The debate's pages: the same number of queries for 10 and for many contributions, and who
may use them, through HTTP, as the permission matrix says."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.debate import services
from ateliers.debate.models import Contribution
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    ContributionFactory,
    ParticipationFactory,
    TopicFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.roles import ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_contributions(topic, number, *, replies=2):
    people = UserFactory.create_batch(3)
    for index in range(number):
        contribution = ContributionFactory(
            topic=topic, author=people[index % 3], kind=["for", "against", "question"][index % 3]
        )
        for _ in range(replies):
            ContributionFactory(topic=topic, parent=contribution, kind="", author=people[0])


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator"])
def test_the_topic_page_does_not_grow_with_its_contributions(client, who):
    topic = TopicFactory()
    log_in(client, who, workshops=[topic.workshop])
    add_contributions(topic, 10)
    few = queries(client, topic.get_absolute_url())
    add_contributions(topic, 50)

    assert queries(client, topic.get_absolute_url()) == few
    assert queries(client, topic.get_absolute_url() + "?page=3") == few
    assert few <= 14


def test_the_contribution_page_and_the_columns_do_not_grow_with_their_rows(client):
    topic = TopicFactory()
    add_contributions(topic, 3, replies=3)
    contribution = Contribution.objects.filter(parent=None).first()
    url = contribution.get_absolute_url()
    columns = reverse("debate:columns", args=[topic.pk])
    few = (queries(client, url), queries(client, columns))
    add_contributions(topic, 40)
    for _ in range(60):
        ContributionFactory(topic=topic, parent=contribution, kind="")

    assert (queries(client, url), queries(client, columns)) == few


def test_the_moderation_log_and_queue_do_not_grow_with_their_rows(client):
    topic = TopicFactory()
    moderator = UserFactory(role="city_staff")
    client.force_login(moderator)
    log = reverse("debate:moderation_log", args=[topic.workshop.slug])
    queue = reverse("debate:queue", args=[topic.workshop.slug])

    def hide(number):
        for _ in range(number):
            contribution = ContributionFactory(topic=topic)
            services.contribution_hide(contribution=contribution, reason="Non.", by=moderator)
            services.review_ask(contribution=contribution, message="Si.", by=contribution.author)

    hide(2)
    few = (queries(client, log), queries(client, queue))
    hide(20)

    assert (queries(client, log), queries(client, queue)) == few


# (workshop's moment, the topic is closed) → who may post there
MOMENTS = {
    "debate phase": ({"phase": PhaseKind.DEBATE}, False),
    "recommendations phase": ({"phase": PhaseKind.RECOMMENDATIONS}, False),
    "closed topic": ({"phase": PhaseKind.DEBATE}, True),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_posting_and_replying(client, role, moment):
    when, closed = MOMENTS[moment]
    workshop = WorkshopFactory(**when)
    topic = TopicFactory(workshop=workshop)
    contribution = ContributionFactory(topic=topic)
    if closed:
        services.topic_close(topic=topic, conclusion="Fini.", by=UserFactory())
    log_in(client, role, workshops=[workshop])

    posted = client.post(
        reverse("debate:post", args=[topic.pk]), {"kind": "remark", "text": "Une idée."}
    )
    replied = client.post(reverse("debate:reply", args=[contribution.pk]), {"text": "Oui."})

    if role in WORKSHOP_MANAGERS | {"participant"} and moment == "debate phase":
        assert posted.status_code == replied.status_code == 302
        assert Contribution.objects.count() == 3
    else:
        assert_refused(posted, role)
        assert_refused(replied, role)
        assert Contribution.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_moderating_and_opening_topics(client, role):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    contribution = ContributionFactory(topic=TopicFactory(workshop=workshop))
    log_in(client, role, workshops=[workshop])

    opened = client.post(
        reverse("debate:open_topic", args=[workshop.slug]), {"title": "Bruit", "description": ""}
    )
    hidden = client.post(
        reverse("debate:moderate", args=[contribution.pk]), {"hide": "1", "hide-reason": "Non."}
    )

    if role in WORKSHOP_MANAGERS:
        assert opened.status_code == hidden.status_code == 302
        assert not Contribution.objects.get().is_visible
    else:
        assert_refused(opened, role)
        assert_refused(hidden, role)
        assert Contribution.objects.get().is_visible


def test_a_participant_of_the_workshop_sees_the_form_and_a_visitor_is_asked_to_log_in(client):
    topic = TopicFactory()
    anonymous = client.get(topic.get_absolute_url()).content.decode()
    client.force_login(ParticipationFactory(workshop=topic.workshop).user)
    participant = client.get(topic.get_absolute_url()).content.decode()

    assert "Log in to take part" in anonymous and 'name="text"' not in anonymous
    assert 'name="text"' in participant and 'name="kind"' in participant
