from collections.abc import Callable

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import fields
from .errors import ApplicationError
from .models import Neighbourhood
from .services import profile_update


class ProfileForm(forms.Form):
    """The public profile: edited on /compte/profil/, first filled in at sign-up."""

    display_name = fields.NameField(
        label=_("Display name"),
        max_length=80,
        help_text=_("Shown next to your contributions. Your e-mail address is never shown."),
    )
    neighbourhood = fields.ModelChoiceField(
        label=_("Your neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("I'd rather not say"),
    )


class SignupForm(ProfileForm):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): the public profile."""

    def signup(self, request, user):
        profile_update(
            user=user,
            display_name=self.cleaned_data["display_name"],
            neighbourhood=self.cleaned_data["neighbourhood"],
        )
        # Their notifications are written in the language they signed up in.
        language = translation.get_language() or settings.LANGUAGE_CODE
        type(user).objects.filter(pk=user.pk).update(language=language[:8])


def add_service_errors(form: forms.Form, error: ApplicationError) -> None:
    """Show a service's refusal on the form: next to the field it names, else at the top."""
    for field, messages in error.errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def run_validator(form: forms.Form, check: Callable[..., None], **values) -> bool:
    """Run one of the services' rules on the form's values; show its refusal on the form.

    Forms call the same functions as the services, so each rule and its message are written
    once. Returns whether the values passed."""
    try:
        check(**values)
    except ApplicationError as error:
        add_service_errors(form, error)
        return False
    return True


def posted(request):
    """The form data of a POST, even an empty one (so that the form says what is missing);
    None for a GET, which shows the form unbound."""
    return request.POST if request.method == "POST" else None


def act_on_form(request, form: forms.Form, action: Callable[[dict], object], *, done, then: str):
    """For a view whose valid form changes something: run `action(cleaned_data)` (a service
    call), say `done` and go to `then`. A service's refusal is shown on the form, and None
    tells the view to show the form again (also for a GET or an invalid form)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    if request.method != "POST" or not form.is_valid():
        return None
    try:
        action(form.cleaned_data)
    except ApplicationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, done)
    return redirect(then)
