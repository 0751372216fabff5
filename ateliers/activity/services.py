"""Recording what happened. Every service that changes something calls `record` inside its own
transaction, so an action is logged exactly when it took effect."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from ateliers.core.models import User
from ateliers.core.page_cache import content_changed

from . import verbs
from .models import Action

MAX_LABEL_LENGTH = Action._meta.get_field("target_label").max_length


def record(
    *,
    actor: User | None,
    verb: str,
    target: models.Model,
    data: dict | None = None,
    public: bool | None = None,
) -> Action:
    """Log that `actor` did `verb` to `target`. `data` holds what the sentence needs (names,
    dates, codes: JSON values); `public` overrides the verb's default."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record() belongs inside the service's transaction.")
    declared = verbs.get(verb)
    # What a service did may show on the public pages: they are stale once it commits. (A
    # change of who takes part touches only the counts, and its own signal says so.)
    if declared.stales_pages and not declared.changes_counts_only:
        content_changed()
    return Action.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        target_label=str(target)[:MAX_LABEL_LENGTH],
        data=data or {},
        public=declared.public if public is None else public,
    )
