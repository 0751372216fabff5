"""The generated city's follows and notifications (see core/generated_city.py), as the
services would have left them:

- one account in FOLLOWING_SHARE follows its own neighbourhood (or a drawn one), one or two
  themes, and one workshop in two of them a workshop they take part in or a drawn one;
- each follower of a neighbourhood or a theme was told of every workshop published there in
  the last NOTIFIED_DAYS days (the log's "workshop.published" actions), most of those read;
- each account's unread count is what its notifications say.

Rows are bulk-inserted; everything is drawn from the generator's seed."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from ateliers.activity.models import Action
from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.workshops.models import Workshop

from .delivery import count_unread
from .models import Follow, Notification

FOLLOWING_SHARE = 0.2
NOTIFIED_DAYS = 60
READ_SHARE = 0.7
DAY = datetime.timedelta(days=1)


def generate(city: GeneratedCity) -> None:
    rng = city.rng("notifications")
    neighbourhood_type = ContentType.objects.get_for_model(Neighbourhood)
    theme_type = ContentType.objects.get_for_model(Theme)
    workshop_type = ContentType.objects.get_for_model(Workshop)
    neighbourhoods = city.ids["neighbourhoods"]
    themes = list(Theme.objects.values_list("pk", flat=True))
    workshops = list(Workshop.objects.values_list("pk", flat=True))
    homes = dict(
        User.objects.filter(pk__in=city.ids["accounts"]).values_list("pk", "neighbourhood_id")
    )
    followers: dict[tuple[int, int], list[int]] = defaultdict(list)

    def follows():
        for user_id in city.ids["accounts"]:
            if rng.random() >= FOLLOWING_SHARE:
                continue
            place = homes.get(user_id) or rng.choice(neighbourhoods)
            chosen = [(neighbourhood_type.pk, place)]
            chosen += [(theme_type.pk, theme) for theme in rng.sample(themes, rng.randint(1, 2))]
            if workshops and rng.random() < 0.5:
                chosen.append((workshop_type.pk, rng.choice(workshops)))
            for type_id, subject_id in dict.fromkeys(chosen):
                followers[(type_id, subject_id)].append(user_id)
                yield Follow(user_id=user_id, subject_type_id=type_id, subject_id=subject_id)

    city.bulk_plain(Follow, follows(), label="follows")
    _notifications(city, rng, followers, neighbourhood_type.pk, theme_type.pk)


def _notifications(city, rng, followers, neighbourhood_type_id, theme_type_id) -> None:
    since = city.now - NOTIFIED_DAYS * DAY
    published = Action.objects.filter(
        verb="workshop.published", created_at__gte=since, created_at__lte=city.now
    ).values_list("pk", "target_id", "created_at")
    places = dict(Workshop.objects.values_list("pk", "neighbourhood_id"))
    themes_of: dict[int, list[int]] = defaultdict(list)
    for workshop_id, theme_id in Workshop.themes.through.objects.values_list(
        "workshop_id", "theme_id"
    ):
        themes_of[workshop_id].append(theme_id)

    def rows():
        for action_id, workshop_id, created_at in published.iterator():
            told = set(followers.get((neighbourhood_type_id, places.get(workshop_id)), []))
            for theme_id in themes_of[workshop_id]:
                told.update(followers.get((theme_type_id, theme_id), []))
            for user_id in sorted(told):
                read = rng.random() < READ_SHARE
                yield Notification(
                    recipient_id=user_id,
                    action_id=action_id,
                    kind="new_workshop",
                    created_at=created_at,
                    read_at=created_at + DAY if read else None,
                    emailed_at=created_at,
                )

    city.bulk_plain(Notification, rows(), label="notifications")
    count_unread(Notification.objects.values("recipient_id").distinct())
    city.say("unread counts: done")
