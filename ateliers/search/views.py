"""The search page, /recherche/: the form and a page of results."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import public_page

from . import selectors
from .forms import SearchForm


# The index changes with the content the pages show (the same writes move the generation on):
# a search asked again by an anonymous visitor is served whole from the cache.
@public_page(params={"q", "type", "quartier", "page"})
@require_safe
def search(request):
    form = SearchForm(request.GET)
    # An invalid value (an unknown neighbourhood, a query too long) says so on the form; the
    # valid ones still apply.
    form.is_valid()
    text = form.cleaned_data.get("q", "")
    page = None
    if text:
        kind = form.cleaned_data.get("type")
        page = selectors.query(
            text,
            kinds=[kind] if kind else [],
            neighbourhood=form.cleaned_data.get("quartier"),
            page=request.GET.get("page"),
        )
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "text": text,
            "page_obj": page,
            "capped": page is not None and selectors.is_capped(page),
            "querystring_without_page": f"{encoded}&" if encoded else "",
        },
    )
