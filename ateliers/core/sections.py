"""Parts of a page that apps higher in the layers contribute.

A council's page belongs to the councils app, but the workshops a council sponsors (and later
its documents and meetings) belong to apps that import councils, never the other way round.
Those apps register a section for the page from their `AppConfig.ready()`; the page renders
whatever is registered, in order, with `{% page_sections "page name" key=value … %}`.

A section is a template and a function that returns its context (or None to show nothing).
Its queries count in the page's budget, so a section reads what it needs in a fixed number
of queries, whatever the number of rows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Section:
    page: str
    name: str
    template: str
    # Called with the request and the page's keyword arguments; returns the template's
    # context, or None when the section has nothing to show.
    context: Callable[..., dict | None]
    order: int = 100


_SECTIONS: dict[str, dict[str, Section]] = {}


def register(
    page: str, name: str, *, template: str, context: Callable[..., dict | None], order: int = 100
) -> None:
    """Add (or replace, when an app is reloaded) section `name` of `page`."""
    _SECTIONS.setdefault(page, {})[name] = Section(page, name, template, context, order)


def sections_of(page: str) -> list[Section]:
    return sorted(
        _SECTIONS.get(page, {}).values(), key=lambda section: (section.order, section.name)
    )


def render_sections(page: str, request: HttpRequest, **page_context) -> SafeString:
    parts = []
    for section in sections_of(page):
        context = section.context(request, **page_context)
        if context is not None:
            parts.append(render_to_string(section.template, context, request=request))
    # Each part is a rendered template: escaped where it had to be.
    return mark_safe("".join(parts))  # noqa: S308
