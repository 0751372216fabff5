"""The form a person fills in to join a workshop: in which capacity they take part."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.councils.models import Council

from ..models import Capacity


class JoinForm(forms.Form):
    capacity = forms.ChoiceField(
        label=_("I take part as"),
        choices=Capacity.choices,
        initial=Capacity.RESIDENT,
        widget=forms.RadioSelect,
    )
    association_name = forms.CharField(
        label=_("Name of your association"),
        max_length=160,
        required=False,
        help_text=_("Required if you take part for an association."),
    )
    council = forms.ModelChoiceField(
        label=_("Your council"),
        queryset=Council.objects.order_by("kind", "name"),
        required=False,
        empty_label=_("— choose a council —"),
        help_text=_("Required if you take part as a council member."),
    )

    def clean(self):
        data = super().clean()
        capacity = data.get("capacity")
        if capacity == Capacity.ASSOCIATION and not data.get("association_name", "").strip():
            self.add_error("association_name", _("Please give the name of your association."))
        if capacity == Capacity.COUNCIL_MEMBER and not data.get("council"):
            self.add_error("council", _("Please choose your council."))
        return data
