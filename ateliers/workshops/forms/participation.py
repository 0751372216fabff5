"""The form a person fills in to join a workshop: in which capacity they take part.

It offers only the capacities the person can claim (an elected official's, city staff's, a
council member's for the councils where they hold a mandate) and runs the service's own
check, so each refusal and its message are written once."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.models import User
from ateliers.councils.models import Council

from ..models import Capacity
from ..services.participation import claimable_capacities, councils_of, validate_capacity


class JoinForm(forms.Form):
    capacity = forms.ChoiceField(
        label=_("I take part as"),
        choices=Capacity.choices,
        initial=Capacity.RESIDENT,
        widget=forms.RadioSelect,
    )
    association_name = fields.NameField(
        label=_("Name of your association"),
        max_length=160,
        required=False,
        help_text=_("Required if you take part for an association."),
    )
    council = fields.ModelChoiceField(
        label=_("Your council"),
        queryset=Council.objects.none(),
        required=False,
        empty_label=_("— choose a council —"),
        help_text=_("Required if you take part as a council member."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = timezone.localdate()
        allowed = set(claimable_capacities(user, today=self.today))
        self.fields["capacity"].choices = [
            (value, label) for value, label in Capacity.choices if value in allowed
        ]
        if Capacity.COUNCIL_MEMBER in allowed:
            self.fields["council"].queryset = councils_of(user, today=self.today)
        else:
            del self.fields["council"]

    def clean(self):
        data = super().clean()
        if "capacity" in data:
            run_validator(
                self,
                validate_capacity,
                user=self.user,
                capacity=data["capacity"],
                association_name=data.get("association_name") or "",
                council=data.get("council"),
                today=self.today,
            )
        return data

    def join_values(self) -> dict:
        """The answers, named as `workshop_join` takes them."""
        return {
            "capacity": self.cleaned_data["capacity"],
            "association_name": self.cleaned_data.get("association_name") or "",
            "council": self.cleaned_data.get("council"),
        }
