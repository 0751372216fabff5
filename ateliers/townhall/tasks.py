"""E-mails of the road to the town hall: each answer and each milestone update is told to the
workshop's participants (or to the council's current members), once each, by a background
task (core/outbox.py keys each e-mail by the logged action and the person)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks import task

from ateliers.core.outbox import send_to_each

SUBJECTS = {
    "townhall.answered": gettext_lazy("The city answered “%(title)s”"),
    "townhall.answer_changed": gettext_lazy("The city's answer to “%(title)s” changed"),
    "townhall.milestone_updated": gettext_lazy("News of “%(title)s”: %(milestone)s"),
}


def _recipients(target):
    """Who hears of it: the workshop's participants, or the council's current members."""
    from ateliers.core.models import User
    from ateliers.councils.models import current_mandate_q
    from ateliers.recommendations.models import Recommendation

    if isinstance(target, Recommendation):
        people = User.objects.filter(participations__workshop_id=target.workshop_id)
    else:
        people = User.objects.filter(
            current_mandate_q(timezone.localdate(), prefix="mandates__"),
            mandates__council_id=target.council_id,
        )
    return people.filter(is_active=True).exclude(email="").distinct().order_by("pk")


@task()
def tell_about(action_id: int) -> None:
    from ateliers.activity.models import Action

    action = Action.objects.filter(pk=action_id, verb__in=SUBJECTS).first()
    target = action.target if action is not None else None
    if target is None:
        return
    send_to_each(
        _recipients(target).iterator(chunk_size=500),
        key=f"townhall:{action.pk}",
        language=settings.LANGUAGE_CODE,
        subject=SUBJECTS[action.verb],
        subject_values={"title": target.title, "milestone": action.data.get("milestone", "")},
        template="townhall/emails/news.txt",
        context={
            "action": action,
            "title": target.title,
            "data": action.data,
            "answer": getattr(target, "answer", None),
            "url": settings.SITE_URL + followup_url(target),
        },
    )


def followup_url(target) -> str:
    from django.urls import reverse

    from .models import CouncilSubmission

    if isinstance(target, CouncilSubmission):
        return target.get_absolute_url()
    return reverse("townhall:followup_recommendation", kwargs={"pk": target.pk})
