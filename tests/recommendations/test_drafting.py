"""Drafting, editing, co-authors and supports of recommendations, through the pages."""

import pytest
from django.urls import reverse

from ateliers.recommendations import services
from ateliers.recommendations.models import (
    Recommendation,
    RecommendationAuthor,
    RecommendationVersion,
    Support,
)
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Des bancs à l'ombre",
    "text": "Installer des *bancs* sous les platanes.",
    "general_interest": "Les personnes âgées peuvent se reposer en été.",
    "cost_note": "Environ 800 € par banc.",
    "feasibility_note": "",
}


def participant_of(workshop):
    return ParticipationFactory(workshop=workshop).user


def drafted(workshop, by, **changes):
    return services.recommendation_draft(workshop=workshop, by=by, **{**CONTENT, **changes})


def draft(client, workshop, **changes):
    return client.post(
        reverse("recommendations:draft", args=[workshop.slug]), {**CONTENT, **changes}
    )


def test_a_participant_drafts_a_recommendation_with_its_first_version(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    person = participant_of(workshop)
    client.force_login(person)

    response = draft(client, workshop)

    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == recommendation.get_absolute_url()
    assert recommendation.version == 1 and recommendation.status == "draft"
    assert list(recommendation.versions.values_list("number", "title")) == [
        (1, "Des bancs à l'ombre")
    ]
    assert [a.user for a in recommendation.authors.all()] == [person]
    client.logout()
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "<p>Installer des <em>bancs</em> sous les platanes.</p>" in page
    assert "Les personnes âgées peuvent se reposer en été." in page
    assert "Environ 800 € par banc." in page
    listing = client.get(reverse("recommendations:of_workshop", args=[workshop.slug]))
    assert "Des bancs à l&#x27;ombre" in listing.content.decode()
    assert "Des bancs à l&#x27;ombre" in client.get(workshop.get_absolute_url()).content.decode()


def test_typed_html_shows_as_text(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(
        workshop, participant_of(workshop), text="<script>alert(1)</script> Des bancs."
    )

    page = client.get(recommendation.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in page


def test_the_general_interest_is_required(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    client.force_login(participant_of(workshop))

    response = draft(client, workshop, general_interest="   ")

    assert response.status_code == 200
    assert "Say which general interest this recommendation serves" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_the_service_also_requires_the_general_interest():
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    with pytest.raises(services.InvalidInput) as refused:
        drafted(workshop, participant_of(workshop), general_interest="\u200b")
    assert "general_interest" in refused.value.errors


def test_someone_who_does_not_take_part_cannot_draft(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    client.force_login(UserFactory())

    assert draft(client, workshop).status_code == 403
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("phase", [PhaseKind.DEBATE, PhaseKind.PRESENTATION])
def test_nobody_drafts_outside_the_recommendations_phase(client, phase):
    workshop = WorkshopFactory(phase=phase)
    client.force_login(participant_of(workshop))

    assert draft(client, workshop).status_code == 403
    assert not Recommendation.objects.exists()


def test_an_author_edits_into_a_new_version_and_others_are_refused(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    author = participant_of(workshop)
    recommendation = drafted(workshop, author)
    edit = reverse("recommendations:edit", args=[recommendation.pk])

    client.force_login(participant_of(workshop))
    assert client.get(edit).status_code == 403
    assert client.post(edit, {**CONTENT, "title": "Autre"}).status_code == 403

    client.force_login(author)
    assert client.post(edit, {**CONTENT, "title": "Des bancs et des fontaines"}).status_code == 302
    client.post(edit, {**CONTENT, "title": "Des bancs et des fontaines"})  # nothing changed

    recommendation.refresh_from_db()
    assert recommendation.title == "Des bancs et des fontaines"
    assert recommendation.version == 2
    assert list(
        RecommendationVersion.objects.filter(recommendation=recommendation)
        .order_by("number")
        .values_list("number", "title")
    ) == [(1, "Des bancs à l'ombre"), (2, "Des bancs et des fontaines")]
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Version 2," in page and "Version 1," in page


def test_an_added_co_author_can_then_edit(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    author, other = participant_of(workshop), participant_of(workshop)
    outsider = UserFactory()
    recommendation = drafted(workshop, author)
    add = reverse("recommendations:coauthor", args=[recommendation.pk])
    edit = reverse("recommendations:edit", args=[recommendation.pk])

    client.force_login(other)
    assert client.post(add, {"user": other.pk}).status_code == 403
    client.force_login(author)
    refused = client.post(add, {"user": outsider.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert client.post(add, {"user": other.pk}).status_code == 302

    assert set(recommendation.authors.values_list("user", flat=True)) == {author.pk, other.pk}
    client.force_login(other)
    assert client.post(edit, {**CONTENT, "text": "Et des fontaines."}).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.version == 2
    assert recommendation.versions.get(number=2).edited_by == other


def test_the_co_author_service_refuses_outsiders_and_duplicates():
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    author = participant_of(workshop)
    recommendation = drafted(workshop, author)

    with pytest.raises(services.NotAParticipant):
        services.coauthor_add(recommendation=recommendation, user=UserFactory(), by=author)
    with pytest.raises(services.AlreadyAuthor):
        services.coauthor_add(recommendation=recommendation, user=author, by=author)
    assert RecommendationAuthor.objects.count() == 1


def test_one_support_per_person_withdrawable(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(workshop, participant_of(workshop))
    supporter = participant_of(workshop)
    support = reverse("recommendations:support", args=[recommendation.pk])
    withdraw = reverse("recommendations:withdraw", args=[recommendation.pk])
    client.force_login(supporter)

    assert client.post(support).status_code == 302
    again = client.post(support, follow=True).content.decode()

    assert "You already support this recommendation." in again
    assert "Withdraw my support" in again
    recommendation.refresh_from_db()
    assert recommendation.support_count == Support.objects.count() == 1

    assert client.post(withdraw).status_code == 302
    twice = client.post(withdraw, follow=True).content.decode()
    assert "You do not support this recommendation" in twice
    recommendation.refresh_from_db()
    assert recommendation.support_count == Support.objects.count() == 0


def test_supports_are_refused_outside_the_phase_and_to_outsiders(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(workshop, participant_of(workshop))
    support = reverse("recommendations:support", args=[recommendation.pk])

    client.force_login(UserFactory())
    assert client.post(support).status_code == 403
    assert client.get(support).status_code == 405
    assert not Support.objects.exists()


def test_a_draft_workshops_recommendations_are_hidden_from_the_public(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(workshop, participant_of(workshop))
    workshop.status = workshop.Status.DRAFT
    workshop.save(update_fields=["status"])

    assert client.get(recommendation.get_absolute_url()).status_code == 404
    listing = reverse("recommendations:of_workshop", args=[workshop.slug])
    assert client.get(listing).status_code == 404


def test_the_support_button_shows_only_to_who_may_support(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(workshop, participant_of(workshop))
    url = recommendation.get_absolute_url()

    assert "Support this recommendation" not in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert "Support this recommendation" not in client.get(url).content.decode()
    client.force_login(participant_of(workshop))
    assert "Support this recommendation" in client.get(url).content.decode()


def test_after_the_phase_it_is_read_but_no_longer_changed_nor_supported(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    author = participant_of(workshop)
    recommendation = drafted(workshop, author)
    services.support_add(recommendation=recommendation, by=author)
    later = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    type(recommendation).objects.filter(pk=recommendation.pk).update(workshop=later)
    later.participations.create(user=author, capacity="resident")
    client.force_login(author)

    page = client.get(recommendation.get_absolute_url()).content.decode()
    edit = client.post(reverse("recommendations:edit", args=[recommendation.pk]), CONTENT)
    withdraw = client.post(reverse("recommendations:withdraw", args=[recommendation.pk]))

    assert "Des bancs à l&#x27;ombre" in page and "Withdraw my support" not in page
    assert edit.status_code == withdraw.status_code == 403
    assert Support.objects.count() == 1


def test_the_service_refuses_an_edit_by_someone_who_is_not_an_author():
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    recommendation = drafted(workshop, participant_of(workshop))

    with pytest.raises(services.ApplicationError):
        services.recommendation_edit(
            recommendation=recommendation, by=participant_of(workshop), **CONTENT
        )
    assert RecommendationVersion.objects.count() == 1
