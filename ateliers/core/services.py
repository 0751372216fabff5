"""Writes on people and their accounts."""

from django.db import transaction

from .models import Neighbourhood, User
from .names import clean_name


@transaction.atomic
def profile_update(*, user: User, display_name: str, neighbourhood: Neighbourhood | None) -> User:
    """Change the public profile: the name shown next to contributions, and the neighbourhood."""
    user.display_name = clean_name(display_name, field="display_name")
    user.neighbourhood = neighbourhood
    user.save(update_fields=["display_name", "neighbourhood"])
    return user
