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


def _render(request, name: str):
    return render(request, f"site/legal/{name}.html", _publisher())


@public_page
@require_safe
def legal_notice(request):
    return _render(request, "legal_notice")


@public_page
@require_safe
def privacy(request):
    return _render(request, "privacy")


@public_page
@require_safe
def accessibility(request):
    return _render(request, "accessibility")


@public_page
@require_safe
def open_data(request):
    return _render(request, "open_data")
