from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Neighbourhood
from .services import profile_update


class ProfileForm(forms.Form):
    """The public profile: edited on /compte/profil/, first filled in at sign-up."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("Shown next to your contributions. Your e-mail address is never shown."),
    )
    neighbourhood = forms.ModelChoiceField(
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


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: next to the field it names, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
