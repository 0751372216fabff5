"""The read-only JSON API, version 1 (django-ninja): every list cursor-paginated, every
answer built by rows.py from the selectors' querysets. Each list costs the same number of
queries for a page of 10 rows or of 100 (tests/api/test_query_budgets.py counts them)."""

from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError

from . import rows, schemas, selectors
from .cursor import DEFAULT_LIMIT, MAX_LIMIT, BadCursor, Page, page_of
from .lists import LISTINGS, Listing

api = NinjaAPI(
    title="Ateliers open data",
    version="1",
    description=(
        "The public data of the local democracy platform, read-only, under the Licence "
        "Ouverte 2.0 (Etalab). No personal data: people appear only as council members, by "
        "their public name. Every list is paginated with an opaque cursor: follow `next`."
    ),
    urls_namespace="api",
    docs_url=None,  # our own page documents it (docs.py), under the site's CSP
)
# Every operation is within the client's budget (429 beyond it) through urls.py's wrapper,
# kept.served, which the schema's 429 answers describe.


class PageQuery(Schema):
    cursor: str | None = Field(None, description="The cursor in the address of the next page.")
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Rows per page, {MAX_LIMIT} at most.",
    )


def _page(queryset, params: PageQuery, *, field: str) -> Page:
    """One page of `queryset`, or a 400 for a cursor this list did not make."""
    try:
        return page_of(queryset, field=field, cursor=params.cursor, limit=params.limit)
    except BadCursor:
        raise HttpError(400, _("This cursor is not valid: follow the “next” address.")) from None


def _paged(request, page: Page, params: PageQuery, items: list[dict]) -> dict:
    """The answer: the rows, and the address of the next page (null on the last)."""
    next_url = None
    if page.next_cursor is not None:
        query = {"cursor": page.next_cursor}
        if params.limit != DEFAULT_LIMIT:
            query["limit"] = str(params.limit)
        next_url = request.build_absolute_uri(f"{request.path}?{urlencode(query)}")
    return {"items": items, "next": next_url}


ERRORS = {400: schemas.Error, 429: schemas.Error}

DESCRIPTIONS = {
    "workshops": ("Workshops", "Published and archived workshops by start, with their phases."),
    "councils": ("Councils", "The councils by name, with the members holding a mandate today."),
    "meetings": (
        "Meetings",
        "Meetings of public workshops and of councils, by start, past ones included.",
    ),
    "trainings": ("Trainings", "The training catalogue by title, with sessions and seats left."),
    "documents": (
        "Documents",
        "Documents of public workshops and of councils: their metadata and every version with "
        "its download address (not the files themselves).",
    ),
    "conversations": (
        "Opinion maps",
        "The opinion maps of public workshops by opening date, with the groups of the last "
        "computation and the statements that set each apart. Votes are counted, never shown.",
    ),
    "recommendations": (
        "Recommendations and the city's answers",
        "Every adopted recommendation of a public workshop with its deadline, the city's "
        "answer and its milestones: the rows of the follow-up.",
    ),
    "evaluations": ("Evaluations", "The published evaluations of workshops, with indicators."),
}


def _list_endpoint(listing: Listing):
    summary, description = DESCRIPTIONS[listing.name]

    @api.get(
        f"/{listing.name}/",
        response={200: schemas.page_of(listing.schema), **ERRORS},
        operation_id=f"list_{listing.name}",
        summary=summary,
        description=description,
        tags=[listing.name],
        by_alias=True,
    )
    def endpoint(request, params: Query[PageQuery]):
        page = _page(listing.queryset(), params, field=listing.order)
        return _paged(request, page, params, listing.items(request, page.rows))

    return endpoint


for _listing in LISTINGS.values():
    _list_endpoint(_listing)


@api.get(
    "/workshops/{slug}/",
    response={200: schemas.Workshop, 404: schemas.Error, 429: schemas.Error},
    operation_id="get_workshop",
    summary="A workshop",
    tags=["workshops"],
)
def workshop(request, slug: str):
    found = selectors.workshops().filter(slug=slug).first()
    if found is None:
        raise Http404
    return rows.workshop(request, found, now=timezone.now())


@api.get(
    "/conversations/{id}/statements/",
    response={200: schemas.page_of(schemas.Statement), 404: schemas.Error, **ERRORS},
    operation_id="list_statements",
    by_alias=True,
    summary="A conversation's statements",
    description="The accepted statements by number, with their agree, disagree and pass counts.",
    tags=["conversations"],
)
def statements(request, id: int, params: Query[PageQuery]):
    found = selectors.conversation(id)
    if found is None:
        raise Http404
    page = _page(selectors.statements(found), params, field="position")
    return _paged(request, page, params, [rows.statement(s) for s in page.rows])
