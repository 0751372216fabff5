"""Writes on the territory, people and their accounts."""

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import Neighbourhood, Role, Theme, User
from .names import clean_name


@transaction.atomic
def profile_update(*, user: User, display_name: str, neighbourhood: Neighbourhood | None) -> User:
    """Change the public profile: the name shown next to contributions, and the neighbourhood."""
    user.display_name = clean_name(display_name, field="display_name")
    user.neighbourhood = neighbourhood
    user.save(update_fields=["display_name", "neighbourhood"])
    return user


@transaction.atomic
def account_create(
    *,
    email: str,
    password_hash: str,
    display_name: str,
    role: str = Role.RESIDENT,
    neighbourhood: Neighbourhood | None = None,
    is_superuser: bool = False,
) -> User:
    """An account made by the city (not through sign-up), its address already verified.

    Takes a password hash (`make_password`), so that a batch of accounts is hashed once."""
    user = User.objects.create(
        email=User.objects.normalize_email(email).lower(),
        password=password_hash,
        display_name=clean_name(display_name, field="display_name"),
        role=role,
        neighbourhood=neighbourhood,
        is_staff=is_superuser,
        is_superuser=is_superuser,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@transaction.atomic
def account_update(
    *,
    user: User,
    password_hash: str,
    display_name: str,
    role: str,
    neighbourhood: Neighbourhood | None,
    is_superuser: bool = False,
) -> User:
    """Set an account made by the city back to the given values (its address verified)."""
    user.password = password_hash
    user.display_name = clean_name(display_name, field="display_name")
    user.role = role
    user.neighbourhood = neighbourhood
    user.is_active = True
    user.is_staff = user.is_superuser = is_superuser
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def neighbourhood_save(
    *, slug: str, name: str, description: str = "", is_priority: bool = False
) -> Neighbourhood:
    """Create the neighbourhood `slug`, or set it to these values."""
    neighbourhood, _created = Neighbourhood.objects.update_or_create(
        slug=slug,
        defaults={
            "name": clean_name(name, field="name"),
            "description": description,
            "is_priority": is_priority,
        },
    )
    return neighbourhood


@transaction.atomic
def theme_save(*, slug: str, name: str, description: str = "") -> Theme:
    """Create the theme `slug`, or set it to these values."""
    theme, _created = Theme.objects.update_or_create(
        slug=slug, defaults={"name": clean_name(name, field="name"), "description": description}
    )
    return theme
