"""From an action of the log to the people it concerns: their notifications, then their
e-mails, at once or in the day's digest.

Each step can run twice without telling anyone twice: a notification is unique per person and
action, and each e-mail is keyed in the outbox (core/outbox.py)."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ateliers.activity.models import Action
from ateliers.core.models import User
from ateliers.core.outbox import send_text_mail

from .kinds import BY_VERB, KINDS, recipients, told_by_its_app
from .models import Frequency, Notification, Preference

BATCH = 1000
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def fan_out(action_id: int) -> int:
    """Make the notifications of one action; how many were made now."""
    action = Action.objects.select_related("target_type").filter(pk=action_id).first()
    kind = BY_VERB.get(action.verb) if action is not None else None
    if kind is None:
        return 0
    told = set(told_by_its_app(kind, action).values_list("pk", flat=True))
    made = 0
    batch: list[Notification] = []
    for user_id in recipients(kind, action).values_list("pk", flat=True).iterator(BATCH):
        batch.append(
            Notification(
                recipient_id=user_id,
                action=action,
                kind=kind.name,
                created_at=action.created_at,
                emailed_at=action.created_at if user_id in told else None,
            )
        )
        if len(batch) == BATCH:
            made += _keep(batch)
            batch = []
    return made + _keep(batch)


def _keep(batch: list[Notification]) -> int:
    if not batch:
        return 0
    Notification.objects.bulk_create(batch, ignore_conflicts=True)
    count_unread([notification.recipient_id for notification in batch])
    return len(batch)


def count_unread(user_ids) -> None:
    """Count again the unread notifications of these people (one statement): exact however
    many times a fan-out runs."""
    unread = (
        Notification.objects.filter(recipient_id=OuterRef("pk"), read_at=None)
        .order_by()
        .values("recipient_id")
        .annotate(number=Count("pk"))
        .values("number")
    )
    User.objects.filter(pk__in=user_ids).update(unread_notifications=Coalesce(Subquery(unread), 0))


def _frequency_is(frequency: str, kind_field: str = "kind"):
    """A condition on notifications: their person chose `frequency` for their kind (no
    choice means at once)."""
    chosen = Preference.objects.filter(user_id=OuterRef("recipient_id"), kind=OuterRef(kind_field))
    if frequency == Frequency.IMMEDIATE:
        return ~Exists(chosen.exclude(frequency=Frequency.IMMEDIATE))
    return Exists(chosen.filter(frequency=frequency))


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps({"user": user_id, "kind": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


# The digest's link stops every kind that goes into it.
DIGEST = "digest"


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("kind") not in {*KINDS, DIGEST}:
        return None
    if not isinstance(data.get("user"), int):
        return None
    return data["user"], data["kind"]


def unsubscribe(user_id: int, kind: str) -> list[str]:
    """No more e-mail of `kind` (of every kind in the digest for DIGEST); the kinds stopped."""
    if kind == DIGEST:
        kinds = list(
            Preference.objects.filter(user_id=user_id, frequency=Frequency.DAILY).values_list(
                "kind", flat=True
            )
        )
    else:
        kinds = [kind]
    for name in kinds:
        Preference.objects.update_or_create(
            user_id=user_id, kind=name, defaults={"frequency": Frequency.NEVER}
        )
    return kinds


def _unsubscribe_url(user_id: int, kind: str) -> str:
    return settings.SITE_URL + reverse(
        "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id, kind)}
    )


def _headers(url: str) -> dict[str, str]:
    # RFC 8058: mail programs offer a one-click unsubscribe, which POSTs to the address.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _target_url(action: Action) -> str:
    target = action.target
    if target is None or not hasattr(target, "get_absolute_url"):
        return settings.SITE_URL + reverse("notifications:inbox")
    return settings.SITE_URL + target.get_absolute_url()


def send_immediate(action_id: int) -> int:
    """E-mail the notifications of one action to the people who want them at once. What the
    e-mails share (the action's sentence in each language, its link) is made once."""
    action = Action.objects.select_related("actor", "target_type").filter(pk=action_id).first()
    if action is None:
        return 0
    target_url = _target_url(action)
    settings_url = settings.SITE_URL + reverse("notifications:settings")
    sentences: dict[str, str] = {}
    waiting = (
        Notification.objects.filter(action=action, emailed_at=None)
        .filter(_frequency_is(Frequency.IMMEDIATE))
        .select_related("recipient")
    )
    sent, done = 0, []
    for notification in waiting.iterator(BATCH):
        person = notification.recipient
        if person.language not in sentences:
            with translation.override(person.language):
                sentences[person.language] = action.sentence
        sentence = sentences[person.language]
        url = _unsubscribe_url(person.pk, notification.kind)
        sent += send_text_mail(
            key=f"notification:{notification.pk}",
            to=person.email,
            language=person.language,
            subject=_("%(about)s: %(sentence)s"),
            subject_values={"about": action.target_label, "sentence": _short(sentence)},
            template="notifications/email/notification.txt",
            context={
                "person": person,
                "about": action.target_label,
                "sentence": sentence,
                "url": target_url,
                "kind": KINDS[notification.kind].label,
                "unsubscribe_url": url,
                "settings_url": settings_url,
            },
            headers=_headers(url),
        )
        done.append(notification.pk)
        if len(done) == BATCH:
            _mark_emailed(done)
            done = []
    _mark_emailed(done)
    return sent


def _mark_emailed(pks: list[int]) -> None:
    """A run stopped midway leaves some unmarked: the next one finds their e-mails' keys
    taken in the outbox and sends nothing twice."""
    if pks:
        Notification.objects.filter(pk__in=pks, emailed_at=None).update(emailed_at=timezone.now())


def _short(sentence: str, length: int = 120) -> str:
    return sentence if len(sentence) <= length else sentence[: length - 1] + "…"


def send_digests(now: datetime.datetime | None = None) -> int:
    """One e-mail per person with the notifications they chose to get daily, not sent yet:
    run once a day (`manage.py send_digests`); a second run the same day sends nothing."""
    now = now or timezone.now()
    waiting = (
        Notification.objects.filter(emailed_at=None, created_at__lte=now)
        .filter(_frequency_is(Frequency.DAILY))
        .select_related("action__actor", "action__target_type")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_person: dict[int, list[Notification]] = defaultdict(list)
    for notification in waiting.iterator(BATCH):
        by_person[notification.recipient_id].append(notification)
    day = timezone.localdate(now).isoformat()
    sent = 0
    for person in User.objects.filter(pk__in=list(by_person)).iterator(BATCH):
        notifications = by_person[person.pk]
        with translation.override(person.language):
            lines = [
                (n.action.target_label, n.action.sentence, _target_url(n.action))
                for n in notifications
            ]
        url = _unsubscribe_url(person.pk, DIGEST)
        sent += send_text_mail(
            key=f"digest:{person.pk}:{day}",
            to=person.email,
            language=person.language,
            subject=_("Your news of the day: %(count)s"),
            subject_values={"count": len(lines)},
            template="notifications/email/digest.txt",
            context={
                "person": person,
                "lines": lines,
                "unsubscribe_url": url,
                "settings_url": settings.SITE_URL + reverse("notifications:settings"),
            },
            headers=_headers(url),
        )
        Notification.objects.filter(pk__in=[n.pk for n in notifications], emailed_at=None).update(
            emailed_at=now
        )
    return sent
