"""The questionnaire's invitations, each sent once (core/outbox.py keys each e-mail by the
questionnaire and the person), in the site's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks import task

from ateliers.core.outbox import send_to_each

SUBJECT = gettext_lazy("Your opinion on the workshop “%(title)s”: an anonymous questionnaire")


@task()
def invite(questionnaire_id: int) -> None:
    """E-mail every invited participant the questionnaire's link: what it is for, how it
    stays anonymous, when it closes."""
    from .models import MINIMUM_ANSWERS, Questionnaire
    from .selectors_questionnaire import invited_people

    questionnaire = (
        Questionnaire.objects.select_related("workshop").filter(pk=questionnaire_id).first()
    )
    # A worker that was stopped past the closing day invites nobody to a closed questionnaire.
    if questionnaire is None or not questionnaire.is_open(timezone.now()):
        return
    workshop = questionnaire.workshop
    url = settings.SITE_URL + reverse("evaluations:questionnaire", args=[workshop.slug])
    send_to_each(
        invited_people(questionnaire).iterator(chunk_size=500),
        key=f"questionnaire:{questionnaire.pk}",
        language=settings.LANGUAGE_CODE,
        subject=SUBJECT,
        subject_values={"title": workshop.title},
        template="evaluations/emails/invitation.txt",
        context={
            "title": workshop.title,
            "closes_at": questionnaire.closes_at,
            "minimum": MINIMUM_ANSWERS,
            "url": url,
        },
    )
