"""The demo city's recommendations: drafted in the workshop in its recommendations phase."""

from io import StringIO

import pytest
from django.core.management import call_command

from ateliers.recommendations.demo import RECOMMENDATIONS, WORKSHOP
from ateliers.recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


def test_the_demo_has_recommendations_with_versions_co_authors_and_supports(client):
    call_command("load_demo", stdout=StringIO())

    drafted = Recommendation.objects.filter(workshop__slug__startswith=WORKSHOP)
    assert drafted.count() == len(RECOMMENDATIONS)
    first = drafted.get(title=RECOMMENDATIONS[0]["title"])
    assert first.version == 2 and first.authors.count() == 2
    assert first.support_count == first.supports.count() > 0
    page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    # Loading it again changes nothing.
    call_command("load_demo", stdout=StringIO())
    assert Recommendation.objects.count() == len(RECOMMENDATIONS)
