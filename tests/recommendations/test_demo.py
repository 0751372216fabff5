"""The demo city's recommendations: drafted in the workshop in its recommendations phase."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from ateliers.recommendations.demo import (
    ADOPTION_RECOMMENDATIONS,
    ADOPTION_WORKSHOP,
    RECOMMENDATIONS,
    WORKSHOP,
)
from ateliers.recommendations.models import Recommendation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_city")]


def test_the_demo_has_recommendations_with_versions_co_authors_and_supports(client):
    drafted = Recommendation.objects.filter(workshop__slug__startswith=WORKSHOP)
    assert drafted.count() == len(RECOMMENDATIONS)
    first = drafted.get(title=RECOMMENDATIONS[0]["title"])
    assert first.version == 3 and first.authors.count() == 2
    assert first.support_count == first.supports.count() > 0
    page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    # Loading it again changes nothing (the town hall's demo drafts in finished workshops too).
    before = Recommendation.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Recommendation.objects.count() == before
    assert drafted.count() == len(RECOMMENDATIONS)


def test_the_demo_workshop_in_presentation_decided_its_recommendations_each_way(client):
    from ateliers.recommendations.models import Adoption, AdoptionOpening, Ballot, Dissent

    opening = AdoptionOpening.objects.get(workshop__slug__startswith=ADOPTION_WORKSHOP)
    adoptions = Adoption.objects.filter(recommendation__workshop=opening.workshop)
    assert {a.method for a in adoptions} == set(Adoption.Method.values)
    assert {a.result for a in adoptions} == {"adopted", "not_adopted"}
    online = adoptions.get(method=Adoption.Method.ONLINE_VOTE)
    assert online.votes_for + online.votes_against + online.abstentions == online.ballots.count()
    assert Ballot.objects.filter(adoption=online).count() > 0
    amended = adoptions.get(amendment__isnull=False).recommendation
    assert amended.version == 2 and "samedi" in amended.text
    assert Dissent.objects.filter(adoption__in=adoptions).exists()
    page = client.get(f"/preconisations/atelier/{opening.workshop.slug}/adoption/")
    assert page.status_code == 200 and "Quatre participants" in page.content.decode()


def test_the_demo_has_an_accepted_a_rejected_and_a_pending_amendment(client):
    from ateliers.recommendations.models import Amendment, AmendmentStatus

    drafted = Recommendation.objects.filter(workshop__slug__startswith=WORKSHOP)
    first = drafted.get(title=RECOMMENDATIONS[0]["title"])
    second = drafted.get(title=RECOMMENDATIONS[1]["title"])
    assert first.version == 3 and first.versions.count() == 3
    amendments = Amendment.objects.filter(recommendation__workshop__slug__startswith=WORKSHOP)
    accepted = amendments.get(status=AmendmentStatus.ACCEPTED)
    assert accepted.recommendation == first and accepted.made_version == 3
    assert first.text == accepted.text
    rejected = amendments.get(status=AmendmentStatus.REJECTED)
    assert rejected.recommendation == second and rejected.answer and rejected.put_to_vote
    assert amendments.get(status=AmendmentStatus.PENDING).recommendation == second
    for url in (
        second.get_absolute_url(),
        reverse("recommendations:versions", args=[first.pk]),
        reverse("recommendations:amendments", args=[second.pk]),
    ):
        assert client.get(url).status_code == 200
    assert (
        "From version 2 to version 3"
        in client.get(reverse("recommendations:versions", args=[first.pk])).content.decode()
    )
    call_command("load_demo", stdout=StringIO())
    assert amendments.count() == 3


def test_the_demo_links_what_its_workshops_debated_if_they_did(client):
    """The first recommendation of each demo workshop links to what its workshop's debate and
    opinion map hold (none today: only the workshop on cool islands debates in the demo)."""
    from ateliers.debate.models import Contribution
    from ateliers.opinions.models import Statement

    for slug, title in (
        (WORKSHOP, RECOMMENDATIONS[0]["title"]),
        (ADOPTION_WORKSHOP, ADOPTION_RECOMMENDATIONS[0][0]),
    ):
        first = Recommendation.objects.get(workshop__slug__startswith=slug, title=title)
        debated = Contribution.objects.filter(topic__workshop=first.workshop).exists()
        mapped = Statement.objects.filter(conversation__workshop=first.workshop).exists()
        assert first.contributions.exists() is debated
        assert first.statements.exists() is mapped
        assert client.get(first.get_absolute_url()).status_code == 200
