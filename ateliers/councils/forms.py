"""Forms of the councils' management pages. They run the services' own rules
(`run_validator`), so each rule and its message are written once."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.core.once import SubmitOnceForm

from . import services
from .models import Council, Mandate


class CouncilForm(SubmitOnceForm):
    kind = forms.ChoiceField(label=_("Kind of council"), choices=Council.Kind.choices)
    name = fields.NameField(label=_("Name"), max_length=160)
    description = fields.TextField(
        label=_("Description"), widget=forms.Textarea, required=False, max_length=5000
    )
    neighbourhood = fields.ModelChoiceField(
        label=_("Territory"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("The whole city"),
        help_text=_("Neighbourhood councils and citizens' councils have a neighbourhood."),
    )
    themes = fields.ModelMultipleChoiceField(
        label=_("Themes followed"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        if "kind" in cleaned:
            run_validator(
                self,
                services.validate_council_fields,
                kind=cleaned["kind"],
                neighbourhood=cleaned.get("neighbourhood"),
            )
        return cleaned

    def council_values(self) -> dict:
        """The answers, named as the services take them."""
        return {k: v for k, v in self.cleaned_data.items() if k != "submission_key"}


class MandateForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Mandate.Role.choices, initial=Mandate.Role.MEMBER
    )
    starts_on = fields.PlausibleDateField(label=_("Mandate start"))
    ends_on = fields.PlausibleDateField(
        label=_("Mandate end"),
        required=False,
        help_text=_("Leave empty while the mandate runs with no set end."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on"):
            run_validator(
                self,
                services.validate_mandate_dates,
                starts_on=cleaned["starts_on"],
                ends_on=cleaned.get("ends_on"),
            )
        return cleaned


class PersonSearchForm(forms.Form):
    """Find the person a mandate is for: a city has far too many accounts for one list."""

    personne = fields.TextField(
        label=_("Find the person"),
        max_length=120,
        required=False,
        help_text=_("Part of their display name, or their exact e-mail address."),
    )


def person_label(person: User) -> str:
    """Who the person is, as the public sees it: never their e-mail address."""
    parts = [str(person.public_name)]
    if person.neighbourhood_id:
        parts.append(person.neighbourhood.name)
    if person.has_badge:
        parts.append(str(person.get_role_display()))
    return " — ".join(parts)


class MandateCreateForm(MandateForm):
    user = fields.ModelChoiceField(
        label=_("Member"),
        queryset=User.objects.filter(is_active=True),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the person among those found.")},
    )
    # The search that listed the candidates, kept to list them again after an error.
    personne = fields.TextField(widget=forms.HiddenInput, required=False, max_length=120)

    field_order = ["user", "role", "starts_on", "ends_on"]

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [(person.pk, person_label(person)) for person in candidates]
        if not candidates:
            self.fields["user"].help_text = _("Find the person first: the matches appear here.")
