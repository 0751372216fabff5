"""Every text of the debate — a topic's title and description, a contribution, a reply, a
synthesis, a conclusion, a moderator's reason, a report's details, a request for review —
filled with script-injection attempts stays inert on every page and in the e-mails."""

import pytest
from django.urls import reverse

from ateliers.debate import services
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.xss import PAYLOADS, live_problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_people_write_in_the_debate_never_runs(
    client, payload, mailoutbox, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory(phase="3")
    facilitator = UserFactory()
    workshop.facilitators.add(facilitator)
    author = ParticipationFactory(workshop=workshop).user
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_open(
            workshop=workshop, title=f"Sujet {payload}", description=payload, by=facilitator
        )
        contribution = services.contribution_post(topic=topic, kind="for", text=payload, by=author)
        services.contribution_reply(parent=contribution, text=payload, by=facilitator)
        hidden = services.contribution_post(topic=topic, kind="remark", text=payload, by=author)
        services.contribution_report(
            contribution=contribution, reason="other", details=payload, by=facilitator
        )
        services.contribution_hide(contribution=hidden, reason=payload, by=facilitator)
        services.review_ask(contribution=hidden, message=payload, by=author)
        services.topic_set_synthesis(topic=topic, synthesis=payload, by=facilitator)
        services.topic_close(topic=topic, conclusion=payload, by=facilitator)
    client.force_login(facilitator)

    pages = {
        url: client.get(url).content.decode()
        for url in [
            workshop.get_absolute_url(),
            reverse("debate:of_workshop", args=[workshop.slug]),
            topic.get_absolute_url(),
            reverse("debate:columns", args=[topic.pk]),
            contribution.get_absolute_url(),
            hidden.get_absolute_url(),
            reverse("debate:moderate", args=[hidden.pk]),
            reverse("debate:queue", args=[workshop.slug]),
            reverse("debate:moderation_log", args=[workshop.slug]),
            f"/ateliers/{workshop.slug}/historique/",
        ]
    }

    for url, html in pages.items():
        assert live_problems(html) == [], url
    if "{%" in payload:  # template delimiters show as typed, never evaluated
        assert payload in pages[topic.get_absolute_url()]
    # To the author: the reply (a notification), hidden; to the facilitator: review asked.
    assert len(mailoutbox) == 3
    for message in mailoutbox:
        assert not getattr(message, "alternatives", None)  # plain text only
        assert payload in message.body
