"""Small builders for the search tests: things with the words a test looks for."""

from ateliers.recommendations.models import Recommendation
from ateliers.search import selectors
from tests.factories import WorkshopFactory


def recommendation(title: str, text: str = "Un texte.", workshop=None) -> Recommendation:
    return Recommendation.objects.create(
        workshop=workshop or WorkshopFactory(),
        title=title,
        text=text,
        general_interest="Pour tout le monde.",
    )


def found(text: str, **filters) -> list[str]:
    """The URLs of the first page of results, best first."""
    return [hit.url for hit in selectors.query(text, **filters).object_list]
