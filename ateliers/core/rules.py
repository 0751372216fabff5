"""Predicates about people, shared by every app's rules."""

import rules

from .models import Role


@rules.predicate
def is_city_staff(user) -> bool:
    return user.is_authenticated and user.role == Role.CITY_STAFF


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.role == Role.ADMINISTRATOR or user.is_superuser)


@rules.predicate
def is_facilitator(user) -> bool:
    return user.is_authenticated and user.role == Role.FACILITATOR


@rules.predicate
def is_logged_in(user) -> bool:
    """Logged in with an active account (allauth lets people log in only once their e-mail
    address is verified)."""
    return user.is_authenticated and user.is_active


is_city_team = is_city_staff | is_administrator
