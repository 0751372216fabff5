"""Following a workshop, a council, a neighbourhood or a theme."""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.councils.models import Council
from ateliers.workshops.models import Workshop

from .models import Follow

# What may be followed, by the name its follow button posts.
FOLLOWABLE: dict[str, type[models.Model]] = {
    "workshop": Workshop,
    "council": Council,
    "neighbourhood": Neighbourhood,
    "theme": Theme,
}


def kind_of(subject: models.Model) -> str:
    for name, model in FOLLOWABLE.items():
        if isinstance(subject, model):
            return name
    raise TypeError(f"{type(subject).__name__} cannot be followed")


def _of(subject: models.Model) -> dict:
    return {
        "subject_type": ContentType.objects.get_for_model(type(subject)),
        "subject_id": subject.pk,
    }


def _matching(subject: models.Model) -> dict:
    """A filter on follows of `subject`: its kind is joined, not looked up first, so that
    the query count does not depend on what the content types' cache holds."""
    meta = type(subject)._meta
    return {
        "subject_type__app_label": meta.app_label,
        "subject_type__model": meta.model_name,
        "subject_id": subject.pk,
    }


def follow(*, user: User, subject: models.Model) -> None:
    kind_of(subject)
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, **_of(subject))
    except IntegrityError:
        pass  # already following: a second click changes nothing


def unfollow(*, user: User, subject: models.Model) -> None:
    Follow.objects.filter(user=user, **_matching(subject)).delete()


def follows(user: User, subject: models.Model) -> bool:
    return Follow.objects.filter(user=user, **_matching(subject)).exists()


def followers_of(*subjects: models.Model | None):
    """The ids of the people following any of `subjects` (a values queryset)."""
    conditions = [models.Q(**_matching(subject)) for subject in subjects if subject is not None]
    if not conditions:
        return Follow.objects.none().values("user_id")
    return Follow.objects.filter(reduce(operator.or_, conditions)).values("user_id")


def followed_themes(user: User) -> list[int]:
    return list(
        Follow.objects.filter(
            user=user, **{"subject_type": ContentType.objects.get_for_model(Theme)}
        ).values_list("subject_id", flat=True)
    )
