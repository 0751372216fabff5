from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core.forms import add_service_errors
from ateliers.core.models import Neighbourhood, Theme, User

from . import services
from .models import Council, Mandate


def _validate(form: forms.Form, check, **values) -> None:
    """Run one of the services' rules and show its refusal next to the field concerned."""
    try:
        check(**values)
    except forms.ValidationError as error:
        add_service_errors(form, error)


class CouncilForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of council"), choices=Council.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=160)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Territory"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("The whole city"),
        help_text=_("Neighbourhood councils and citizens' councils have a neighbourhood."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes followed"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, council: Council | None = None, **kwargs):
        self.council = council
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Council.objects.filter(name__iexact=name)
        if self.council is not None:
            others = others.exclude(pk=self.council.pk)
        if others.exists():
            raise forms.ValidationError(_("A council with this name already exists."))
        return name

    def clean(self):
        cleaned = super().clean()
        if "kind" in cleaned:
            _validate(
                self,
                services.validate_council_fields,
                kind=cleaned["kind"],
                neighbourhood=cleaned.get("neighbourhood"),
            )
        return cleaned


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.public_name} <{obj.email}>"


class DateInput(forms.DateInput):
    """The browser's date picker, which reads and sends ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MandateForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Mandate.Role.choices, initial=Mandate.Role.MEMBER
    )
    starts_on = forms.DateField(label=_("Mandate start"), widget=DateInput)
    ends_on = forms.DateField(
        label=_("Mandate end"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty while the mandate runs with no set end."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on"):
            _validate(
                self,
                services.validate_mandate_dates,
                starts_on=cleaned["starts_on"],
                ends_on=cleaned.get("ends_on"),
            )
        return cleaned


class MandateCreateForm(MandateForm):
    user = MemberChoiceField(
        label=_("Member"),
        queryset=User.objects.filter(is_active=True).order_by("display_name", "email"),
        help_text=_("The person must already have an account."),
    )

    field_order = ["user", "role", "starts_on", "ends_on"]
