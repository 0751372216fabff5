from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.models import Neighbourhood, Theme
from ateliers.core.once import SubmitOnceForm
from ateliers.workshops.models import Workshop

from . import services


class ProposalForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label=_("Kind of workshop"),
        choices=Workshop.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A neighbourhood workshop works on one concrete project in one neighbourhood; "
            "a city workshop on a public policy for the whole city."
        ),
    )
    title = fields.NameField(label=_("Subject"), max_length=160)
    rationale = fields.TextField(
        label=_("Why this workshop"),
        widget=forms.Textarea,
        max_length=10_000,
        help_text=_("The project or policy, and why it needs residents."),
    )
    objective = fields.TextField(
        label=_("Objective"),
        widget=forms.Textarea,
        required=False,
        max_length=10_000,
        help_text=_("What the workshop should achieve."),
    )
    neighbourhood = fields.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        help_text=_("Required for a neighbourhood workshop."),
    )
    themes = fields.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        if "kind" in cleaned:
            run_validator(
                self,
                services.validate_proposal_fields,
                kind=cleaned["kind"],
                neighbourhood=cleaned.get("neighbourhood"),
            )
        return cleaned

    def proposal_values(self) -> dict:
        """The answers, named as `services.proposal_create` takes them."""
        return {k: v for k, v in self.cleaned_data.items() if k != "submission_key"}
