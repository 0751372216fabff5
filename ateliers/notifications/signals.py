"""Every action the log records is looked at once: the news among them go to the worker."""

from django.db import transaction

from .kinds import BY_VERB


def action_recorded(sender, instance, created, **kwargs) -> None:
    if not created or instance.verb not in BY_VERB:
        return
    from .tasks import notify

    action_id = instance.pk
    transaction.on_commit(lambda: notify.enqueue(action_id))
