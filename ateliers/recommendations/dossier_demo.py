"""The demo city's dossiers for the town hall: the PDF of every published workshop in its
presentation phase that has adopted recommendations, made at once (no worker needed to see
it). Loading the demo again makes it again only when its content changed (dates move with
today's date, so it usually does)."""

from ateliers.core.demo_city import DemoCity
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.selectors import workshop_for_page

from .dossier_pdf import dossier_request
from .models import Recommendation


def build(city: DemoCity) -> None:
    slugs = (
        Workshop.objects.published()
        .in_phase(PhaseKind.PRESENTATION, city.now)
        .filter(recommendations__status=Recommendation.Status.ADOPTED)
        .values_list("slug", flat=True)
        .distinct()
        .order_by("slug")
    )
    for slug in slugs:
        workshop = workshop_for_page(slug=slug)
        if workshop is not None:
            dossier_request(workshop=workshop, in_background=False)
