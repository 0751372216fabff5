"""Posting, replying, changing and deleting one's words, synthesis and conclusion, through
the pages."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ateliers.debate.models import Contribution, Topic
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    ContributionFactory,
    ParticipationFactory,
    TopicFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def participant_of(workshop):
    return ParticipationFactory(workshop=workshop).user


def post(client, topic, text="Plus d'arbres.", kind="for"):
    return client.post(reverse("debate:post", args=[topic.pk]), {"kind": kind, "text": text})


def test_a_participant_posts_and_everyone_reads_it_with_its_kind_counted(client):
    topic = TopicFactory(title="Arbres et ombre")
    client.force_login(participant_of(topic.workshop))

    response = post(client, topic, "Les *platanes* font de l'ombre.", "for")
    post(client, topic, "Ils coûtent cher à entretenir.", "against")
    post(client, topic, "Quelles essences ?", "question")

    contribution = Contribution.objects.get(kind="for")
    assert response.status_code == 302
    assert response["Location"] == contribution.get_absolute_url()
    client.logout()
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "<p>Les <em>platanes</em> font de l'ombre.</p>" in page
    assert "Ils coûtent cher" in page and "Quelles essences ?" in page
    topic.refresh_from_db()
    assert (topic.for_count, topic.against_count, topic.question_count) == (1, 1, 1)
    columns = client.get(reverse("debate:columns", args=[topic.pk])).content.decode()
    assert columns.index("platanes") < columns.index("coûtent")  # for, then against


def test_links_in_a_contribution_are_marked_as_written_by_users(client):
    contribution = ContributionFactory(text="Voir [le plan](https://example.org/plan).")

    page = client.get(contribution.get_absolute_url()).content.decode()

    assert 'href="https://example.org/plan"' in page
    assert 'rel="nofollow ugc noopener noreferrer"' in page


def test_headings_and_quotes_are_not_part_of_a_contributions_markdown(client):
    contribution = ContributionFactory(text="# Titre énorme\n\n> citation")

    page = client.get(contribution.get_absolute_url()).content.decode()

    assert "<h3>Titre énorme" not in page and "<blockquote>\n<p>citation" not in page
    assert "Titre énorme" in page and "citation" in page


def test_someone_who_does_not_take_part_is_told_why_there_is_no_form(client):
    topic = TopicFactory()
    client.force_login(UserFactory())

    page = client.get(topic.get_absolute_url()).content.decode()
    refused = post(client, topic)

    assert "Only the workshop&#x27;s participants and its team post here." in page
    assert refused.status_code == 403
    assert not Contribution.objects.exists()


def test_nothing_is_posted_outside_the_debate_phase(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    topic = TopicFactory(workshop=workshop)
    client.force_login(participant_of(workshop))

    page = client.get(topic.get_absolute_url()).content.decode()

    assert post(client, topic).status_code == 403
    assert "Contributions are posted while the workshop&#x27;s debate phase runs." in page


def test_an_empty_or_unknown_kind_of_contribution_is_refused_with_a_message(client):
    topic = TopicFactory()
    client.force_login(participant_of(topic.workshop))

    empty = post(client, topic, "   ")
    unknown = post(client, topic, "Texte", "maybe")

    assert empty.status_code == unknown.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert "Select a valid choice" in unknown.content.decode()
    assert not Contribution.objects.exists()


def test_a_reply_to_a_reply_answers_the_contribution_one_level_down(client):
    contribution = ContributionFactory()
    workshop = contribution.topic.workshop
    first = ContributionFactory(topic=contribution.topic, parent=contribution, kind="")
    client.force_login(participant_of(workshop))

    response = client.post(reverse("debate:reply", args=[first.pk]), {"text": "D'accord."})

    reply = Contribution.objects.latest("pk")
    assert response.status_code == 302
    assert reply.parent_id == contribution.pk and reply.kind == ""
    contribution.refresh_from_db()
    assert contribution.reply_count == 2
    assert Topic.objects.get().reply_count == 2
    # The reply's own address leads to its contribution's page, at its place.
    assert client.get(reply.get_absolute_url())["Location"].endswith(f"#contribution-{reply.pk}")


def test_the_author_changes_a_contribution_within_the_window_and_it_says_so(client, settings):
    settings.DEBATE_EDIT_MINUTES = 15
    author = UserFactory()
    contribution = ContributionFactory(author=author, text="Premier jet.")
    ParticipationFactory(workshop=contribution.topic.workshop, user=author)
    client.force_login(author)
    edit = reverse("debate:edit", args=[contribution.pk])

    changed = client.post(edit, {"text": "Version relue."})
    with time_machine.travel(contribution.created_at + datetime.timedelta(minutes=16)):
        too_late = client.post(edit, {"text": "Trop tard."})

    assert changed.status_code == 302
    assert too_late.status_code == 403
    contribution.refresh_from_db()
    assert contribution.text == "Version relue." and contribution.edited_at is not None
    assert ">edited<" in client.get(contribution.get_absolute_url()).content.decode()


def test_nobody_changes_or_deletes_someone_elses_contribution(client):
    contribution = ContributionFactory(text="Le mien.")
    facilitator = UserFactory()
    contribution.topic.workshop.facilitators.add(facilitator)

    for person in (participant_of(contribution.topic.workshop), facilitator):
        client.force_login(person)
        assert (
            client.post(reverse("debate:edit", args=[contribution.pk]), {"text": "X"}).status_code
            == 403
        )
        assert client.post(reverse("debate:delete", args=[contribution.pk])).status_code == 403

    contribution.refresh_from_db()
    assert contribution.text == "Le mien." and contribution.deleted_at is None


def test_a_deleted_contribution_loses_its_text_and_keeps_its_replies(client):
    author = UserFactory()
    contribution = ContributionFactory(author=author, text="À retirer.", kind="against")
    ContributionFactory(topic=contribution.topic, parent=contribution, kind="", text="Réponse.")
    client.force_login(author)

    confirm = client.get(reverse("debate:delete", args=[contribution.pk]))
    client.post(reverse("debate:delete", args=[contribution.pk]))

    assert "This cannot be undone." in confirm.content.decode()
    page = client.get(contribution.topic.get_absolute_url()).content.decode()
    assert "Deleted by its author." in page and "Réponse." in page
    assert "À retirer." not in page
    assert Contribution.objects.get(pk=contribution.pk).text == ""
    assert Topic.objects.get().against_count == 0


def test_the_team_pins_a_synthesis_then_closes_the_topic_and_nothing_more_is_posted(client):
    topic = TopicFactory()
    facilitator = UserFactory()
    topic.workshop.facilitators.add(facilitator)
    client.force_login(facilitator)

    client.post(reverse("debate:synthesis", args=[topic.pk]), {"synthesis": "Deux camps."})
    empty = client.post(reverse("debate:close", args=[topic.pk]), {"conclusion": " "})
    client.post(reverse("debate:close", args=[topic.pk]), {"conclusion": "On plante."})
    client.force_login(participant_of(topic.workshop))

    assert empty.status_code == 200
    page = client.get(topic.get_absolute_url()).content.decode()
    assert page.index("On plante.") < page.index("Deux camps.")
    assert "The topic is closed: nothing more can be posted in it." in page
    assert post(client, topic).status_code == 403


def test_the_topic_lists_its_contributions_by_pages_and_by_kind(client):
    topic = TopicFactory()
    ContributionFactory.create_batch(25, topic=topic, kind="for")
    ContributionFactory(topic=topic, kind="question", text="Une question ?")

    first = client.get(topic.get_absolute_url()).content.decode()
    second = client.get(topic.get_absolute_url() + "?page=2").content.decode()
    questions = client.get(topic.get_absolute_url() + "?sorte=question").content.decode()

    assert "Page 1 of 2" in first and "Une question ?" not in first
    assert "Une question ?" in second
    assert "Une question ?" in questions and "Argument numéro" not in questions


def test_posting_too_fast_is_refused_with_a_message(client):
    topic = TopicFactory()
    client.force_login(participant_of(topic.workshop))

    # The limit counts per minute: the clock stands still, so that the eleven posts never
    # straddle two minutes (each then allows ten) however slow the machine.
    with time_machine.travel(timezone.now().replace(second=5), tick=False):
        answers = [post(client, topic, f"Idée {number}.") for number in range(11)]

    assert [answer.status_code for answer in answers[:10]] == [302] * 10
    assert answers[10].status_code == 429
    assert "Too many attempts" in answers[10].content.decode()
    assert Contribution.objects.count() == 10


def test_a_workshops_topics_open_ones_first_by_pages_and_a_few_on_its_page(client):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    closed = TopicFactory(workshop=workshop, title="Sujet clos")
    Topic.objects.filter(pk=closed.pk).update(closed_at=timezone.now(), conclusion="Fini.")
    for number in range(25):
        TopicFactory(workshop=workshop, title=f"Sujet ouvert {number:02}")
    debate = reverse("debate:of_workshop", args=[workshop.slug])

    first = client.get(debate).content.decode()
    second = client.get(debate + "?page=2").content.decode()
    workshop_page = client.get(workshop.get_absolute_url()).content.decode()

    assert "Sujet ouvert 00" in first and "Sujet clos" not in first and "Page 1 of 2" in first
    assert "Sujet clos" in second and second.index("Sujet ouvert 24") < second.index("Sujet clos")
    assert workshop_page.count("Sujet ouvert") == 6 and debate in workshop_page
