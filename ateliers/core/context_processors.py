from django.conf import settings

from . import page_cache


def site(request):
    """The city's name, and what templates key their shared fragments on: the generation of
    public content and how long a fragment is kept (`{% cache page_ttl "name"
    page_generation LANGUAGE_CODE … %}`, see core/page_cache.py)."""
    return {
        "site_name": settings.SITE_NAME,
        "page_generation": page_cache.generation(),
        "participants_generation": page_cache.generation(page_cache.PARTICIPANTS),
        "page_ttl": page_cache.PAGE_TTL if settings.ATELIERS_PAGE_CACHE else 0,
    }
