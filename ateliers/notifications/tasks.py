"""The background work of notifications: from one action to its people's notifications and
e-mails, run by the worker so that the request that caused it does not wait (10,000
followers of a workshop are told after the response)."""

from django_tasks import task

from . import delivery


@task()
def notify(action_id: int) -> None:
    delivery.fan_out(action_id)
    delivery.send_immediate(action_id)


@task()
def send_digests() -> None:
    delivery.send_digests()
