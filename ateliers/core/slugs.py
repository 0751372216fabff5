"""Slugs: the readable part of an address ("/ateliers/place-du-marche/").

A slug must never be one of the fixed words its address shares a place with: a workshop
titled "Nouveau" would get "/ateliers/nouveau/", which is the page to create a workshop, and
its own page could never be reached. The reserved words are read from the URL patterns
themselves, so a fixed address added later is reserved at once.
"""

import functools
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import URLResolver, get_resolver
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# A path segment that takes a value rather than a fixed word: "<slug:slug>", "<str:name>".
_PARAMETER = re.compile(r"^<(?:(?:slug|str):)?\w+>$")


def _routes(patterns, prefix: tuple[str, ...] = ()):
    """Every URL pattern as its list of path segments ("ateliers", "<slug:slug>", …)."""
    for pattern in patterns:
        segments = prefix + tuple(s for s in str(pattern.pattern).strip("^$").split("/") if s)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, segments)
        else:
            yield segments


@functools.cache
def reserved_slugs() -> frozenset[str]:
    """Fixed words found where another pattern with the same start takes a slug."""
    routes = set(_routes(get_resolver().url_patterns))
    reserved = set()
    for route in routes:
        for index, segment in enumerate(route):
            if not _PARAMETER.match(segment):
                continue
            prefix = route[:index]
            for other in routes:
                if len(other) > index and other[:index] == prefix:
                    word = other[index]
                    if "<" not in word:
                        reserved.add(word)
    return frozenset(reserved)


def validate_slug_not_reserved(value: str) -> None:
    """A model field validator (the admin's forms run it too)."""
    if value in reserved_slugs():
        raise ValidationError(
            _("“%(slug)s” is a reserved word of the site's addresses: choose another."),
            code="reserved_slug",
            params={"slug": value},
        )


def unique_slug(model: type[models.Model], text: str, *, fallback: str) -> str:
    """A slug for `text` that no row of `model` uses yet and that is not a reserved word:
    "place", then "place-2", "place-3"…

    The database's unique constraint still has the last word if two are made at once.
    """
    max_length = model._meta.get_field("slug").max_length
    # Leave room for a "-123" suffix within the column's length.
    base = slugify(text)[: max_length - 10].strip("-") or fallback
    slug, suffix = base, 2
    reserved = reserved_slugs()
    while slug in reserved or model._default_manager.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug
