"""The questionnaire's invitations, each sent once (core/outbox.py)."""

from django_tasks import task


@task()
def invite(questionnaire_id: int) -> None:
    """E-mail every invited participant the questionnaire's link (written with its pages)."""
