"""Writes for the councils: councils and their members' mandates.

The rules a council and a mandate follow are the `validate_*` functions, which the forms call
too, so each rule and its message are written once. Every write is logged in the activity
log, in its transaction.
"""

import datetime
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput
from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.core.names import clean_name
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.core.slugs import unique_slug

from .models import Council, Mandate

# Councils tied to one neighbourhood by nature.
TERRITORIAL_KINDS = {Council.Kind.NEIGHBOURHOOD, Council.Kind.CITIZENS}


def validate_council_fields(
    *, kind: str, neighbourhood: Neighbourhood | None, name: str | None = None
) -> None:
    errors = Collected()
    if kind not in Council.Kind.values:
        errors.add("kind", _("Choose the kind of council."))
    if kind in TERRITORIAL_KINDS and neighbourhood is None:
        errors.add("neighbourhood", _("Choose the neighbourhood of this council."))
    errors.raise_if_any()


def validate_mandate_dates(*, starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    errors = Collected()
    if not is_plausible_date(starts_on):
        errors.add("starts_on", date_message())
    if ends_on is not None and not is_plausible_date(ends_on):
        errors.add("ends_on", date_message())
    elif ends_on is not None and ends_on < starts_on:
        errors.add("ends_on", _("The mandate cannot end before it starts."))
    errors.raise_if_any()


# Councils


def _name_taken(name: str, *, other_than: Council | None = None) -> bool:
    others = Council.objects.filter(name__iexact=name)
    if other_than is not None:
        others = others.exclude(pk=other_than.pk)
    return others.exists()


def _name_taken_error() -> InvalidInput:
    return InvalidInput(_("A council with this name already exists."), field="name")


@transaction.atomic
def council_create(
    *,
    by: User | None,
    kind: str,
    name: str,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
) -> Council:
    name = clean_name(name, field="name")
    validate_council_fields(kind=kind, neighbourhood=neighbourhood)
    if _name_taken(name):
        raise _name_taken_error()
    try:
        # A savepoint: a double-click's second insert fails alone on the unique name.
        with transaction.atomic():
            council = Council.objects.create(
                kind=kind,
                name=name,
                slug=unique_slug(Council, name, fallback="conseil"),
                description=description,
                neighbourhood=neighbourhood,
            )
    except IntegrityError:
        raise _name_taken_error() from None
    council.themes.set(themes)
    record(actor=by, verb="council.created", target=council)
    return council


@transaction.atomic
def council_update(
    *,
    council: Council,
    by: User | None,
    kind: str,
    name: str,
    description: str,
    neighbourhood: Neighbourhood | None,
    themes: Iterable[Theme],
) -> Council:
    name = clean_name(name, field="name")
    validate_council_fields(kind=kind, neighbourhood=neighbourhood)
    if _name_taken(name, other_than=council):
        raise _name_taken_error()
    # The slug stays: links to the council's page keep working after a rename.
    council.kind = kind
    council.name = name
    council.description = description
    council.neighbourhood = neighbourhood
    try:
        with transaction.atomic():
            council.save(update_fields=["kind", "name", "description", "neighbourhood"])
    except IntegrityError:
        raise _name_taken_error() from None
    council.themes.set(themes)
    record(actor=by, verb="council.updated", target=council)
    return council


# Mandates


def _overlapping(starts_on: datetime.date, ends_on: datetime.date | None) -> Q:
    """Mandates whose dates share at least one day with [starts_on, ends_on]."""
    overlap = Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    if ends_on is not None:
        overlap &= Q(starts_on__lte=ends_on)
    return overlap


def _check_mandate(
    *,
    council: Council,
    user: User,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    exclude_pk: int | None = None,
) -> None:
    if role not in Mandate.Role.values:
        raise InvalidInput(_("Choose the role of this mandate."), field="role")
    validate_mandate_dates(starts_on=starts_on, ends_on=ends_on)
    same_dates = Mandate.objects.filter(_overlapping(starts_on, ends_on), council=council)
    if exclude_pk is not None:
        same_dates = same_dates.exclude(pk=exclude_pk)
    if same_dates.filter(user=user).exists():
        raise InvalidInput(
            _(
                "%(name)s already has a mandate in this council for these dates. "
                "Change that mandate, or choose other dates."
            )
            % {"name": user.public_name},
            field="user",
        )
    if role != Mandate.Role.PRESIDENT:
        return
    rival = same_dates.filter(role=Mandate.Role.PRESIDENT).select_related("user").first()
    if rival is not None:
        raise InvalidInput(
            _(
                "This council already has a president for these dates: %(name)s. "
                "End that mandate first, or choose other dates."
            )
            % {"name": rival.user.public_name},
            field="role",
        )


def _lock_council(council: Council) -> None:
    # Serialises mandate writes per council (PostgreSQL row lock; SQLite's IMMEDIATE
    # transactions already queue writers), so two presidents, or the same mandate saved
    # twice, cannot slip in together.
    Council.objects.select_for_update().filter(pk=council.pk).exists()


def _mandate_data(mandate: Mandate) -> dict:
    return {
        "member": str(mandate.user.public_name),
        "role": mandate.role,
        "starts_on": mandate.starts_on.isoformat(),
        "ends_on": mandate.ends_on.isoformat() if mandate.ends_on else None,
    }


@transaction.atomic
def mandate_create(
    *,
    council: Council,
    by: User | None,
    user: User,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Mandate:
    _lock_council(council)
    _check_mandate(council=council, user=user, role=role, starts_on=starts_on, ends_on=ends_on)
    mandate = Mandate.objects.create(
        council=council, user=user, role=role, starts_on=starts_on, ends_on=ends_on
    )
    record(actor=by, verb="mandate.created", target=council, data=_mandate_data(mandate))
    return mandate


@transaction.atomic
def mandate_update(
    *,
    mandate: Mandate,
    by: User | None,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
) -> Mandate:
    _lock_council(mandate.council)
    _check_mandate(
        council=mandate.council,
        user=mandate.user,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        exclude_pk=mandate.pk,
    )
    mandate.role = role
    mandate.starts_on = starts_on
    mandate.ends_on = ends_on
    mandate.save(update_fields=["role", "starts_on", "ends_on"])
    record(actor=by, verb="mandate.updated", target=mandate.council, data=_mandate_data(mandate))
    return mandate


@transaction.atomic
def mandate_delete(*, mandate: Mandate, by: User | None) -> None:
    record(actor=by, verb="mandate.deleted", target=mandate.council, data=_mandate_data(mandate))
    mandate.delete()
