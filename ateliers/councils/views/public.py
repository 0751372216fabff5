"""The councils' public pages: anyone may read them."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import TIMELESS_PAGE_TTL, lazy_value, public_page

from .. import selectors
from ..models import Council


@public_page(params={"type", "page"}, ttl=TIMELESS_PAGE_TTL)
@require_safe
def council_list(request):
    """Every kind with its first councils; or, with ?type=, all the councils of one kind."""
    today = timezone.localdate()
    kind = request.GET.get("type", "")
    if kind not in Council.Kind.values:
        sections = lazy_value(lambda: selectors.council_sections(today=today))
        return render(request, "councils/list.html", {"nav": "councils", "sections": sections})
    councils = selectors.council_list(today=today).filter(kind=kind)
    page = lazy_value(
        lambda: Paginator(councils, settings.ATELIERS_PAGE_SIZE * 2).get_page(
            request.GET.get("page")
        )
    )
    return render(
        request,
        "councils/kind.html",
        {
            "nav": "councils",
            "kind": kind,
            "label": Council.Kind(kind).label,
            "page_obj": page,
            "querystring_without_page": f"type={kind}&",
        },
    )


@public_page(counts="all")
@require_safe
def council_detail(request, slug):
    try:
        council = selectors.council_for_page(slug=slug)
    except Council.DoesNotExist as exc:
        raise Http404 from exc
    members = lazy_value(
        lambda: selectors.council_mandates(council=council, today=timezone.localdate())
    )
    return render(
        request,
        "councils/detail.html",
        {
            "nav": "councils",
            "council": council,
            "members": members,
        },
    )


@public_page(params={"page"}, ttl=TIMELESS_PAGE_TTL)
@require_safe
def former_members(request, slug):
    council = get_object_or_404(Council, slug=slug)
    mandates = selectors.former_mandates(council=council, today=timezone.localdate())
    page = Paginator(mandates, settings.ATELIERS_PAGE_SIZE * 2).get_page(request.GET.get("page"))
    return render(
        request,
        "councils/former_members.html",
        {"nav": "councils", "council": council, "page_obj": page, "querystring_without_page": ""},
    )
