from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, fallback: str) -> str:
    """A slug for `text` that no row of `model` uses yet: "place", then "place-2", "place-3"…

    The database's unique constraint still has the last word if two are made at once.
    """
    max_length = model._meta.get_field("slug").max_length
    # Leave room for a "-123" suffix within the column's length.
    base = slugify(text)[: max_length - 10].strip("-") or fallback
    slug, suffix = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug
