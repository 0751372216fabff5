from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core.forms import add_service_errors
from ateliers.core.models import Neighbourhood, Theme
from ateliers.workshops.models import Workshop

from . import services


def _validate(form: forms.Form, check, **values) -> None:
    """Run one of the services' rules and show its refusal next to the field concerned."""
    try:
        check(**values)
    except forms.ValidationError as error:
        add_service_errors(form, error)


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of workshop"),
        choices=Workshop.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A neighbourhood workshop works on one concrete project in one neighbourhood; "
            "a city workshop on a public policy for the whole city."
        ),
    )
    title = forms.CharField(label=_("Subject"), max_length=160)
    rationale = forms.CharField(
        label=_("Why this workshop"),
        widget=forms.Textarea,
        help_text=_("The project or policy, and why it needs residents."),
    )
    objective = forms.CharField(
        label=_("Objective"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What the workshop should achieve."),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        help_text=_("Required for a neighbourhood workshop."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        if "kind" in cleaned:
            _validate(
                self,
                services.validate_proposal_fields,
                kind=cleaned["kind"],
                neighbourhood=cleaned.get("neighbourhood"),
            )
        return cleaned
