"""The shared core: territory (neighbourhoods, themes) and people with their public role."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .slugs import validate_slug_not_reserved


class Neighbourhood(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"), blank=True)
    is_priority = models.BooleanField(
        _("priority neighbourhood"),
        default=False,
        help_text=_("A priority neighbourhood of the city policy (it has a citizens' council)."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("neighbourhood", args=[self.slug])


class Theme(models.Model):
    """A public-policy theme (mobility, youth, climate plan…)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """A person's public role on the platform, shown next to their name where it matters."""

    RESIDENT = "resident", _("Resident")
    FACILITATOR = "facilitator", _("Facilitator")
    CITY_STAFF = "city_staff", _("City staff")
    ELECTED = "elected", _("Elected official")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles whose word carries the institution's weight: a badge shows them wherever the name does.
BADGED_ROLES = {Role.ELECTED, Role.CITY_STAFF}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. Logs in with an e-mail address; shows a display name, never the address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    # Set when the person deleted their account: the row stays, emptied of everything that
    # named them, so that what they wrote stays in the record (site/account_deletion.py).
    deleted_at = models.DateTimeField(_("account deleted on"), null=True, blank=True)
    # The language the person last chose: their notifications are written in it.
    language = models.CharField(_("language"), max_length=8, default="fr")
    # How many of their notifications they have not read, kept with the account so that the
    # header shows it without a query (ateliers/notifications/delivery.py keeps it).
    unread_notifications = models.PositiveIntegerField(_("unread notifications"), default=0)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return str(self.public_name)

    @property
    def public_name(self) -> str:
        if self.deleted_at is not None:
            return _("Deleted participant")
        return self.display_name or _("Anonymous participant")

    @property
    def has_badge(self) -> bool:
        return self.role in BADGED_ROLES

    def get_absolute_url(self) -> str:
        return reverse("profile")


class SubmissionKey(models.Model):
    """A form's one-time key, claimed when its submission is carried out (core/once.py), so a
    double click or a resent form does the work once."""

    key = models.UUIDField(_("key"), unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    # Where the first submission led: the second one goes there too.
    result_url = models.CharField(_("result"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return str(self.key)


class SentEmail(models.Model):
    """An e-mail that went out, by the key of what it said (core/outbox.py): a task that runs
    twice sends nothing twice."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")

    def __str__(self) -> str:
        return self.key
