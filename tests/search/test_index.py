"""The index holds what the public may see, and follows every change: a draft is never found,
a hidden or deleted contribution disappears, a published workshop appears; the text of PDF
files is found; `rebuild_search_index` builds it all again."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from ateliers.debate import services as debate
from ateliers.debate.models import Contribution
from ateliers.documents import samples
from ateliers.documents import services as documents
from ateliers.documents.models import DocumentVersion
from ateliers.opinions import services as opinions
from ateliers.opinions.models import StatementStatus
from ateliers.search import selectors
from ateliers.search.models import Entry, FileText
from ateliers.townhall.models import Answer
from ateliers.workshops.models import Workshop
from ateliers.workshops.services.lifecycle import workshop_publish
from tests.factories import (
    ContributionFactory,
    CouncilFactory,
    DocumentFactory,
    NeighbourhoodFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.townhall.followup_factories import adopted, answered, submission

from .helpers import found

pytestmark = pytest.mark.django_db


def test_nothing_of_a_draft_workshop_is_found_until_it_is_published(city_staff):
    draft = WorkshopFactory(title="Le square des Tilleuls", status=Workshop.Status.DRAFT)
    contribution = ContributionFactory(topic__workshop=draft, text="Des tilleuls taillés.")
    document = DocumentFactory(workshop=draft, title="Plan des tilleuls")
    assert found("tilleuls") == []

    workshop_publish(workshop=draft, by=city_staff)

    assert set(found("tilleuls")) == {
        draft.get_absolute_url(),
        contribution.get_absolute_url(),
        document.get_absolute_url(),
    }


def test_a_contribution_hidden_by_a_moderator_disappears_and_comes_back_restored(city_staff):
    contribution = ContributionFactory(text="Une remarque sur la fontaine.")
    assert found("fontaine") == [contribution.get_absolute_url()]

    debate.contribution_hide(contribution=contribution, reason="Injure.", by=city_staff)
    assert found("fontaine") == []

    contribution.refresh_from_db()
    debate.contribution_restore(contribution=contribution, reason="Erreur.", by=city_staff)
    assert found("fontaine") == [contribution.get_absolute_url()]


def test_a_contribution_hidden_by_reports_disappears(settings):
    settings.DEBATE_REPORTS_TO_HIDE = 2
    contribution = ContributionFactory(text="Une remarque sur le lavoir.")
    for _ in range(2):
        debate.contribution_report(
            contribution=contribution, reason="insult", details="", by=UserFactory()
        )
    assert Contribution.objects.get(pk=contribution.pk).moderation == "awaiting"
    assert found("lavoir") == []


def test_a_contribution_withdrawn_or_deleted_disappears():
    withdrawn = ContributionFactory(text="Un avis sur le kiosque.")
    deleted = ContributionFactory(text="Un autre avis sur le kiosque.")
    assert len(found("kiosque")) == 2

    debate.contribution_delete(contribution=withdrawn, by=withdrawn.author)
    deleted.delete()

    assert found("kiosque") == []
    assert not Entry.objects.filter(kind="contribution").exists()


def test_a_deleted_workshop_takes_its_things_out_of_the_index():
    contribution = ContributionFactory(text="Un mot sur la passerelle.")
    contribution.topic.workshop.delete()
    assert found("passerelle") == []


def test_only_accepted_statements_are_found(city_staff):
    pending = StatementFactory(text="Plus de bancs ombragés.", status=StatementStatus.PENDING)
    StatementFactory(text="Des bancs sans ombre.", status=StatementStatus.REJECTED)
    assert found("bancs") == []

    opinions.statement_moderate(statement=pending, by=city_staff, decision="accept")

    assert len(found("bancs")) == 1


def test_a_topic_renamed_shows_with_its_contributions():
    topic = TopicFactory(title="La halle")
    ContributionFactory(topic=topic, text="Rénover la charpente.")
    topic.title = "La halle couverte"
    topic.save()
    assert [hit.context for hit in selectors.query("charpente")] == ["La halle couverte"]


def test_the_text_of_a_pdf_is_found(city_staff):
    document = DocumentFactory(title="Étude de circulation", workshop__phase=1)
    pdf = samples.pdf("Comptages", ["Les trottinettes passent surtout le matin."])
    documents.document_add_version(
        document=document,
        added_by=city_staff,
        upload=SimpleUploadedFile("etude.pdf", pdf, content_type="application/pdf"),
    )
    assert found("trottinette") == [document.get_absolute_url()]


def test_a_broken_pdf_leaves_its_document_found_by_its_title(city_staff):
    document = DocumentFactory(title="Annexe illisible", workshop__phase=1)
    broken = b"%PDF-1.4\n" + b"\x00garbage" * 50
    version = DocumentVersion(
        document=document, number=2, filename="annexe.pdf", content_type="application/pdf"
    )
    version.file.save("annexe.pdf", SimpleUploadedFile("annexe.pdf", broken), save=False)
    version.save()
    assert FileText.objects.get(version=version).text == ""
    assert found("illisible") == [document.get_absolute_url()]


def test_answers_of_the_town_hall_are_found():
    recommendation = adopted(title="Des fontaines à eau")
    Answer.objects.create(
        recommendation=recommendation,
        status=Answer.Status.PARTIALLY_ACCEPTED,
        justification="Deux fontaines seront posées, pas quatre.",
        service="Eau",
        elected_official="M. le maire",
        answered_at=recommendation.created_at,
        updated_at=recommendation.created_at,
    )
    assert f"/suivi/preconisations/{recommendation.pk}/" in found("posées fontaines")


def test_a_councils_submission_is_found_by_its_text_under_the_councils_neighbourhood():
    council = CouncilFactory(name="Conseil citoyen des Chalets")
    proposal = submission(
        council, title="Des abris", text="Trois abris couverts près de la médiathèque."
    )

    assert found("médiathèques") == [proposal.get_absolute_url()]
    assert found("médiathèque", neighbourhood=council.neighbourhood) == [
        proposal.get_absolute_url()
    ]
    assert found("médiathèque", kinds=["saisine"]) == [proposal.get_absolute_url()]


def test_a_council_moved_to_another_neighbourhood_takes_its_things_along():
    council = CouncilFactory(name="Conseil des Chalets")
    before, after = council.neighbourhood, NeighbourhoodFactory(name="Les Épinettes")
    document = DocumentFactory(workshop=None, council=council, title="Carte des jardins")
    proposal = submission(council, title="Des jardins partagés")
    answered(submission=proposal, justification="Deux jardins seront ouverts.")

    def kinds_found_in(neighbourhood) -> set[str]:
        hits = selectors.query("jardins", neighbourhood=neighbourhood).object_list
        return {hit.kind for hit in hits}

    assert kinds_found_in(before) == {"document", "saisine", "reponse"}

    council.neighbourhood = after
    council.name = "Conseil des Épinettes"
    council.save()

    assert kinds_found_in(before) == set()
    assert kinds_found_in(after) == {"document", "saisine", "reponse"}
    hits = selectors.query("jardins").object_list
    by_kind = {hit.kind: hit.context for hit in hits}
    assert by_kind["document"] == by_kind["saisine"] == "Conseil des Épinettes"
    assert {hit.url for hit in hits} == {document.get_absolute_url(), proposal.get_absolute_url()}


def test_the_rebuild_command_builds_the_index_again():
    council = CouncilFactory(name="Conseil des aînés", description="Les aînés de la ville.")
    contribution = ContributionFactory(text="Des aînés sur les bancs.")
    Entry.objects.all().delete()
    assert found("aînés") == []

    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)

    assert "1 conseil" in output.getvalue()

    assert set(found("aînés")) == {council.get_absolute_url(), contribution.get_absolute_url()}


def test_the_actions_that_change_visibility_are_verbs_the_services_log():
    from ateliers.activity import verbs
    from ateliers.search.signals import CHANGES_VISIBILITY

    for verb in CHANGES_VISIBILITY:
        assert verbs.get(verb).name == verb
