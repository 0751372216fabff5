"""Parts of a workshop's dossier that apps higher in the layers contribute.

The town hall (the workshop's delegates and its hearing) and the evaluation belong to apps
that import this one, never the other way round: like a page's sections (core/sections.py),
they register a part from their `AppConfig.ready()`:

    dossier_parts.register("townhall", template="townhall/dossier_part.html",
                           context=delegates_and_hearing, order=10)

`context(workshop)` returns the part's data, or None to show nothing. The data goes into the
dossier (dossier.py) and so into its digest, which decides whether the PDF is out of date: it
holds plain values only — text, numbers, booleans, None, dates, and lists and dicts of them
(lazy translations are read as text) — and its queries count in the dossier's budget, so a
part reads what it needs in a fixed number of queries. The template renders the part on the
dossier's page and in its PDF with `part` in its context; its headings start at h2.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ateliers.workshops.models import Workshop


@dataclass(frozen=True)
class Part:
    name: str
    template: str
    context: Callable[[Workshop], dict | None]
    order: int = 100


@dataclass(frozen=True)
class PartData:
    """One registered part as the dossier holds it: what to render, and with what."""

    name: str
    template: str
    data: dict


_PARTS: dict[str, Part] = {}


def register(
    name: str, *, template: str, context: Callable[[Workshop], dict | None], order: int = 100
) -> None:
    """Add (or replace, when an app is reloaded) the dossier's part `name`."""
    _PARTS[name] = Part(name, template, context, order)


def parts() -> list[Part]:
    return sorted(_PARTS.values(), key=lambda part: (part.order, part.name))


def parts_of(workshop: Workshop) -> list[PartData]:
    """Each part's data for the workshop, in order; the parts with nothing to show left out."""
    found = []
    for part in parts():
        data = part.context(workshop)
        if data is not None:
            found.append(PartData(part.name, part.template, data))
    return found
