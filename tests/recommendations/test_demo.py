"""The demo city's recommendations: drafted in the workshop in its recommendations phase."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from ateliers.recommendations.demo import RECOMMENDATIONS, WORKSHOP
from ateliers.recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


def test_the_demo_has_recommendations_with_versions_co_authors_and_supports(client):
    call_command("load_demo", stdout=StringIO())

    drafted = Recommendation.objects.filter(workshop__slug__startswith=WORKSHOP)
    assert drafted.count() == len(RECOMMENDATIONS)
    first = drafted.get(title=RECOMMENDATIONS[0]["title"])
    assert first.version == 3 and first.authors.count() == 2
    assert first.support_count == first.supports.count() > 0
    page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    # Loading it again changes nothing.
    call_command("load_demo", stdout=StringIO())
    assert Recommendation.objects.count() == len(RECOMMENDATIONS)


def test_the_demo_has_an_accepted_a_rejected_and_a_pending_amendment(client):
    from ateliers.recommendations.models import Amendment, AmendmentStatus

    call_command("load_demo", stdout=StringIO())

    drafted = Recommendation.objects.filter(workshop__slug__startswith=WORKSHOP)
    first = drafted.get(title=RECOMMENDATIONS[0]["title"])
    second = drafted.get(title=RECOMMENDATIONS[1]["title"])
    assert first.version == 3 and first.versions.count() == 3
    accepted = Amendment.objects.get(status=AmendmentStatus.ACCEPTED)
    assert accepted.recommendation == first and accepted.made_version == 3
    assert first.text == accepted.text
    rejected = Amendment.objects.get(status=AmendmentStatus.REJECTED)
    assert rejected.recommendation == second and rejected.answer and rejected.put_to_vote
    assert Amendment.objects.get(status=AmendmentStatus.PENDING).recommendation == second
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
    assert Amendment.objects.count() == 3
