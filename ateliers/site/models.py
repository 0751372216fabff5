"""What the pages that combine apps keep of their own: the secret key of a person's calendar
feed."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_urlsafe(24)


class CalendarKey(models.Model):
    """The secret in the address of a person's calendar feed: whoever has the address reads
    the feed, so the person can renew it (the old address then stops working)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_key",
    )
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_key)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar key")
        verbose_name_plural = _("calendar keys")

    def __str__(self) -> str:
        return str(self.user)
