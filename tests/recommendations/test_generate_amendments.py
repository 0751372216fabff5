"""The generated city's amendments: about two per recommendation, from the workshop's
participants, each accepted one the version it says it made, as the services leave them."""

import pytest
from django.db.models import F

from ateliers.recommendations.models import (
    Amendment,
    AmendmentStatus,
    Recommendation,
    RecommendationVersion,
)
from tests.demo.test_generate_city import SMALL

pytestmark = pytest.mark.django_db


def test_the_generated_amendments_are_consistent_with_the_versions(small_city):
    count = Amendment.objects.count()
    assert SMALL.recommendations < count < 3 * SMALL.recommendations
    for status in AmendmentStatus.values:
        assert Amendment.objects.filter(status=status).exists(), status
    assert Amendment.objects.filter(put_to_vote=True).exists()
    assert (
        not Amendment.objects.filter(put_to_vote=True)
        .exclude(status=AmendmentStatus.REJECTED)
        .exists()
    )
    assert not Amendment.objects.filter(status=AmendmentStatus.REJECTED, answer="").exists()
    assert not Amendment.objects.exclude(
        author__participations__workshop=F("recommendation__workshop")
    ).exists()
    # Each accepted amendment made the version it names, with its text, by its author…
    for amendment in Amendment.objects.filter(status=AmendmentStatus.ACCEPTED)[:200]:
        version = RecommendationVersion.objects.get(
            recommendation=amendment.recommendation_id, number=amendment.made_version
        )
        assert (version.text, version.edited_by_id) == (amendment.text, amendment.author_id)
        assert amendment.base_version == amendment.made_version - 1
    # …and a recommendation's text is its latest version's.
    for recommendation in Recommendation.objects.all()[:200]:
        latest = recommendation.versions.get(number=recommendation.version)
        assert latest.text == recommendation.text
    assert not Amendment.objects.filter(base_version__gt=F("recommendation__version")).exists()
