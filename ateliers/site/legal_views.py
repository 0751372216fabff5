"""The pages every French public website must publish, linked from every footer: the legal
notice, how personal data is handled (RGPD), the accessibility statement (RGAA), and the
licence of the city's open data."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import public_page


def _publisher() -> dict:
    """Who publishes the site and whom to write to (the city's settings)."""
    return {
        "publisher": settings.PUBLISHER,
        "publisher_address": settings.PUBLISHER_ADDRESS,
        "publication_director": settings.PUBLICATION_DIRECTOR,
        "contact_email": settings.CONTACT_EMAIL,
        "dpo_email": settings.DPO_EMAIL,
        "hosting_provider": settings.HOSTING_PROVIDER,
    }


@public_page
@require_safe
def legal_page(request, name: str):
    """One of the four pages (`name`: legal_notice, privacy, accessibility, open_data; each
    address gives its own in ateliers/urls.py)."""
    return render(request, f"site/legal/{name}.html", _publisher())
