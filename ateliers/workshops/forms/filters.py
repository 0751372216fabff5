"""The GET form that narrows the public list of workshops."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ateliers.core.models import Neighbourhood, Theme
from ateliers.core.widgets import FastSelect

from ..models import Workshop
from ..phases import PhaseKind

UPCOMING = "upcoming"
FINISHED = "finished"


def neighbourhood_field() -> forms.ModelChoiceField:
    """A neighbourhood chosen by its slug (in the address), or all of them."""
    return forms.ModelChoiceField(
        label=_("Neighbourhood"),
        required=False,
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        empty_label=pgettext_lazy("neighbourhood", "All neighbourhoods"),
        widget=FastSelect,
    )


class PlaceFilterForm(forms.Form):
    """Where and on what: the neighbourhood and theme filters of every list of a workshop's
    things (the workshops, the follow-up of their recommendations)."""

    neighbourhood = neighbourhood_field()
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        empty_label=pgettext_lazy("theme", "All themes"),
        widget=FastSelect,
    )


class WorkshopFilterForm(PlaceFilterForm):
    field_order = ["kind", "neighbourhood", "theme", "phase"]

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        widget=FastSelect,
        choices=[("", pgettext_lazy("workshop kind", "All kinds")), *Workshop.Kind.choices],
    )
    phase = forms.ChoiceField(
        label=_("Current phase"),
        required=False,
        widget=FastSelect,
        choices=[
            ("", pgettext_lazy("phase", "All phases")),
            (UPCOMING, _("Upcoming")),
            *[(str(value), label) for value, label in PhaseKind.choices],
            (FINISHED, _("Finished")),
        ],
    )
