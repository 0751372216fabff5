from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Neighbourhood


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: the public profile."""

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

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.neighbourhood = self.cleaned_data["neighbourhood"]
        user.save(update_fields=["display_name", "neighbourhood"])
