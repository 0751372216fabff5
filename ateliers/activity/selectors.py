"""Reads of the activity log: an object's public history, and the audit trail."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import Action


def history_of(target: models.Model, *, public_only: bool = True) -> QuerySet[Action]:
    """What happened to `target`, newest first (an index serves it)."""
    actions = Action.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    )
    if public_only:
        actions = actions.filter(public=True)
    return actions.select_related("actor")


def audit_trail(*, verb: str = "", actor_id: int | None = None) -> QuerySet[Action]:
    """Everything, newest first, with what each line shows read in a fixed number of queries
    (the targets: one query per kind of object)."""
    actions = Action.objects.select_related("actor", "target_type")
    if verb:
        actions = actions.filter(verb=verb)
    if actor_id:
        actions = actions.filter(actor_id=actor_id)
    return actions.prefetch_related("target")
