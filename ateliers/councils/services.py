"""Writes for the councils: councils and their members' mandates."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.core.slugs import unique_slug

from .models import Council, Mandate

# The rules, shared with the forms so each is written once


# Councils tied to one neighbourhood by nature.
TERRITORIAL_KINDS = {Council.Kind.NEIGHBOURHOOD, Council.Kind.CITIZENS}


def validate_council_fields(*, kind: str, neighbourhood: Neighbourhood | None) -> None:
    if kind in TERRITORIAL_KINDS and neighbourhood is None:
        raise ValidationError({"neighbourhood": _("Choose the neighbourhood of this council.")})


def validate_mandate_dates(*, starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The mandate cannot end before it starts.")})


# Councils


@transaction.atomic
def council_create(
    *,
    kind: str,
    name: str,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
) -> Council:
    validate_council_fields(kind=kind, neighbourhood=neighbourhood)
    council = Council.objects.create(
        kind=kind,
        name=name,
        slug=unique_slug(Council, name, fallback="conseil"),
        description=description,
        neighbourhood=neighbourhood,
    )
    council.themes.set(themes)
    return council


@transaction.atomic
def council_update(
    *,
    council: Council,
    kind: str,
    name: str,
    description: str,
    neighbourhood: Neighbourhood | None,
    themes: Iterable[Theme],
) -> Council:
    validate_council_fields(kind=kind, neighbourhood=neighbourhood)
    # The slug stays: links to the council's page keep working after a rename.
    council.kind = kind
    council.name = name
    council.description = description
    council.neighbourhood = neighbourhood
    council.save(update_fields=["kind", "name", "description", "neighbourhood"])
    council.themes.set(themes)
    return council


# Mandates


def _check_mandate(
    *,
    council: Council,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    exclude_pk: int | None = None,
) -> None:
    validate_mandate_dates(starts_on=starts_on, ends_on=ends_on)
    if role != Mandate.Role.PRESIDENT:
        return
    # Two presidents at the same time: any president mandate whose dates overlap.
    overlap = Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    if ends_on is not None:
        overlap &= Q(starts_on__lte=ends_on)
    rival = (
        Mandate.objects.filter(overlap, council=council, role=Mandate.Role.PRESIDENT)
        .exclude(pk=exclude_pk)
        .select_related("user")
        .first()
    )
    if rival is not None:
        raise ValidationError(
            {
                "role": _(
                    "This council already has a president for these dates: %(name)s. "
                    "End that mandate first, or choose other dates."
                )
                % {"name": rival.user.public_name}
            }
        )


def _lock_council(council: Council) -> None:
    # Serialises mandate writes per council (PostgreSQL row lock; SQLite's IMMEDIATE
    # transactions already queue writers), so two presidents cannot slip in together.
    Council.objects.select_for_update().filter(pk=council.pk).exists()


@transaction.atomic
def mandate_create(
    *,
    council: Council,
    user: User,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Mandate:
    _lock_council(council)
    _check_mandate(council=council, role=role, starts_on=starts_on, ends_on=ends_on)
    return Mandate.objects.create(
        council=council, user=user, role=role, starts_on=starts_on, ends_on=ends_on
    )


@transaction.atomic
def mandate_update(
    *,
    mandate: Mandate,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
) -> Mandate:
    _lock_council(mandate.council)
    _check_mandate(
        council=mandate.council,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        exclude_pk=mandate.pk,
    )
    mandate.role = role
    mandate.starts_on = starts_on
    mandate.ends_on = ends_on
    mandate.save(update_fields=["role", "starts_on", "ends_on"])
    return mandate


@transaction.atomic
def mandate_delete(*, mandate: Mandate) -> None:
    mandate.delete()
