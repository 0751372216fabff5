"""Forms that create something do it once, however many times they are sent.

A double click on "Save as draft" used to make two drafts. Such a form carries a one-time key
(`SubmitOnceForm`); `submit_once` claims the key in the same transaction as the service's
write, so of two submissions with the same key, one does the work and the other is told
where the first one led. If the work fails, the claim is rolled back with it and the person
can send the form again.
"""

import uuid
from collections.abc import Callable

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .errors import ApplicationError
from .models import SubmissionKey, User


class AlreadySubmitted(ApplicationError):
    default_message = _("This form had already been sent: it was not sent a second time.")

    def __init__(self, *, url: str):
        super().__init__()
        self.url = url


class SubmitOnceForm(forms.Form):
    """Adds the hidden one-time key; a new one is drawn each time the empty form is shown."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


def submit_once(*, key: uuid.UUID | None, user: User, action: Callable[[], str]) -> str:
    """Run `action` (a service call that returns the address to go to next) once per `key`.

    Without a key (a client that sent none) the action simply runs. A key already claimed
    raises AlreadySubmitted with the first submission's address."""
    if key is None:
        return action()
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: the duplicate fails alone
                claim = SubmissionKey.objects.create(key=key, user=user)
        except IntegrityError:
            first = SubmissionKey.objects.filter(key=key, user=user).first()
            raise AlreadySubmitted(url=first.result_url if first else "") from None
        url = action()
        claim.result_url = url[: SubmissionKey._meta.get_field("result_url").max_length]
        claim.save(update_fields=["result_url"])
        return url


def submit_form_once(request, form, action: Callable[[], str], *, done: str, back: str):
    """For a view whose valid form creates something: run `action` once for the form's key
    and go where it leads with `done` as the message. A resent form goes where the first one
    led; a service's refusal is shown on the form (the view shows the form again on None)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .forms import add_service_errors

    try:
        next_url = submit_once(
            key=form.cleaned_data.get("submission_key"), user=request.user, action=action
        )
    except AlreadySubmitted as first:
        messages.info(request, str(first))
        return redirect(first.url or back)
    except ApplicationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, done)
    return redirect(next_url)
