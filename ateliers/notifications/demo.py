"""The demo's follows and news: the demo resident follows her neighbourhood, a theme and a
workshop, and what moved lately in the demo city is on her notifications page (and on that
of everyone it concerns), as the worker would have left it."""

import datetime

from django.db.models import F

from ateliers.activity.models import Action
from ateliers.core.demo_city import DemoCity

from . import delivery, follows
from .kinds import BY_VERB
from .models import Notification

# The news of this many last days are on the demo's notifications pages.
RECENT_DAYS = 60


def build(city: DemoCity) -> None:
    alice = city.get("people", "resident")
    themes = city.all("themes")
    workshops = city.all("workshops")
    subjects = [alice.neighbourhood, themes.get("mobilites") or next(iter(themes.values()))]
    subjects += [next(iter(workshops.values()))] if workshops else []
    for subject in subjects:
        if subject is not None:
            follows.follow(user=alice, subject=subject)
    recent = Action.objects.filter(
        verb__in=BY_VERB, created_at__gte=city.now - datetime.timedelta(days=RECENT_DAYS)
    ).order_by("created_at", "pk")
    for action_id in recent.values_list("pk", flat=True):
        delivery.fan_out(action_id)
    # Those news went out when they happened: nobody is e-mailed them again now.
    Notification.objects.filter(emailed_at=None).update(emailed_at=F("created_at"))
