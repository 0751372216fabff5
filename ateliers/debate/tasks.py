"""E-mails of the debate's moderation, each sent once (core/outbox.py): to the author of a
hidden contribution, with the reason and how to ask for a review; to the workshop's
facilitators when an author asks for one."""

from django.conf import settings
from django.utils.translation import gettext_lazy
from django_tasks import task

from ateliers.core.outbox import send_text_mail, send_to_each


@task()
def tell_author_hidden(entry_id: int) -> None:
    from .models import ModerationEntry

    entry = (
        ModerationEntry.objects.select_related(
            "contribution__author", "contribution__topic__workshop"
        )
        .filter(pk=entry_id)
        .first()
    )
    if entry is None or entry.contribution.author is None:
        return
    contribution = entry.contribution
    topic = contribution.topic
    send_text_mail(
        key=f"debate-hidden:{entry.pk}",
        to=contribution.author.email,
        language=contribution.language,
        subject=gettext_lazy("Your contribution to “%(title)s” was hidden"),
        template="debate/emails/hidden.txt",
        subject_values={"title": topic.title},
        context={
            "person": contribution.author,
            "topic": topic,
            "workshop": topic.workshop,
            "contribution": contribution,
            "reason": entry.reason,
            "url": settings.SITE_URL + contribution.get_absolute_url(),
        },
    )


@task()
def tell_moderators_review_asked(contribution_id: int) -> None:
    from .models import Contribution

    contribution = (
        Contribution.objects.select_related("author", "topic__workshop")
        .filter(pk=contribution_id, review_requested_at__isnull=False)
        .first()
    )
    if contribution is None:
        return
    workshop = contribution.topic.workshop
    stamp = int(contribution.review_requested_at.timestamp())
    send_to_each(
        workshop.facilitators.all(),
        key=f"debate-review:{contribution.pk}:{stamp}",
        language=settings.LANGUAGE_CODE,
        subject=gettext_lazy("Review asked for a hidden contribution: %(title)s"),
        subject_values={"title": contribution.topic.title},
        template="debate/emails/review_asked.txt",
        context={
            "contribution": contribution,
            "workshop": workshop,
            "url": settings.SITE_URL + contribution.get_absolute_url(),
        },
    )
