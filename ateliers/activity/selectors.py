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
    """Everything, newest first, with what each line shows, in one query whatever the kinds
    of objects listed: the targets are not loaded (the line shows the label kept when it
    happened, and links through `target_of`)."""
    actions = Action.objects.select_related("actor", "target_type")
    if verb:
        actions = actions.filter(verb=verb)
    if actor_id:
        actions = actions.filter(actor_id=actor_id)
    return actions


def target_of(*, pk: int) -> models.Model | None:
    """What the action `pk` was about, or None if it was deleted since. Raises
    Action.DoesNotExist for an unknown action."""
    return Action.objects.select_related("target_type").get(pk=pk).target
