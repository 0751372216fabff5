"""One log of what happened: who did what to which object, and when."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import verbs


class Action(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verb = models.CharField(_("what"), max_length=60)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    # The target's name when it happened: the log stays readable if it is renamed or deleted.
    target_label = models.CharField(_("on"), max_length=200)
    data = models.JSONField(_("details"), default=dict, blank=True)
    public = models.BooleanField(_("public"), default=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [
            # An object's history, newest first (a workshop's "what happened").
            models.Index(
                fields=["target_type", "target_id", "-created_at"], name="action_target_history"
            ),
            # The whole log, newest first (the audit trail).
            models.Index(fields=["-created_at", "-id"], name="action_newest_first"),
        ]

    def __str__(self) -> str:
        return self.sentence

    @property
    def target_has_page(self) -> bool:
        """Whether the kind of object acted on has a page (asks the model class, no query)."""
        model = self.target_type.model_class()
        return model is not None and hasattr(model, "get_absolute_url")

    @property
    def sentence(self) -> str:
        verb = verbs.get(self.verb)
        values = dict(self.data)
        if verb.describe is not None:
            values.update(verb.describe(self.data))
        values["actor"] = self.actor.public_name if self.actor_id else _("Someone")
        values["target"] = self.target_label
        try:
            return str(verb.sentence) % values
        except (KeyError, TypeError, ValueError):
            # Data recorded before the sentence changed: still say what happened.
            return f"{values['actor']}: {verb.name} ({self.target_label})"
