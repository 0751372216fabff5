"""The generated city's follows and notifications are what the services would have left."""

import pytest
from django.db.models import Count, Q

from ateliers.core.models import User
from ateliers.notifications.generate import NOTIFIED_DAYS
from ateliers.notifications.models import Follow, Notification
from tests.conftest import CITY_NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_city")]


def test_people_follow_places_themes_and_workshops():
    kinds = set(Follow.objects.values_list("subject_type__model", flat=True))
    assert kinds == {"neighbourhood", "theme", "workshop"}
    assert 0 < Follow.objects.values("user").distinct().count() < User.objects.count()


def test_the_notifications_are_of_workshops_published_lately_where_people_follow():
    assert Notification.objects.exists()
    oldest = Notification.objects.order_by("created_at").first().created_at
    assert (CITY_NOW - oldest).days <= NOTIFIED_DAYS
    for notification in Notification.objects.select_related("action")[:200]:
        assert notification.action.verb == "workshop.published"


def test_each_unread_count_is_what_the_notifications_say():
    counted = User.objects.annotate(
        unread=Count("notifications", filter=Q(notifications__read_at=None))
    ).exclude(unread_notifications=0)
    assert counted.exists()
    for person in counted:
        assert person.unread_notifications == person.unread
    assert not User.objects.filter(unread_notifications__gt=0, notifications=None).exists()
