"""The participants' questionnaire as a form: five statements rated from 1 to 5, "would you
take part again", "what should change", and three optional questions about the person. Every
question may be left unanswered; the service (questionnaire.py) asks for at least one answer
and says so."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.models import Neighbourhood
from ateliers.core.widgets import FastSelect

from .models import RATED, Again, AgeBand, Agreement, Response

# Within the service's limit (questionnaire.py), so that the form says it first.
LONGEST_CHANGE = 3_000
ABOUT_YOU = ("age_band", "first_time", "neighbourhood")


def _rating(name: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=Response._meta.get_field(name).verbose_name,
        choices=Agreement.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def _first_time(value: str) -> bool:
    return value == "yes"


class QuestionnaireForm(forms.Form):
    understood = _rating("understood")
    could_speak = _rating("could_speak")
    listened_to = _rating("listened_to")
    fair = _rating("fair")
    influence = _rating("influence")
    again = forms.ChoiceField(
        label=_("Would you take part in a workshop again?"),
        choices=Again.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    change = fields.TextField(
        label=_("What should change in the next workshops?"),
        required=False,
        max_length=LONGEST_CHANGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Read by the workshop's team only, never published. Avoid writing anything that "
            "would tell who you are."
        ),
    )
    age_band = forms.ChoiceField(
        label=_("Your age"),
        choices=[("", _("I'd rather not say")), *AgeBand.choices],
        required=False,
        widget=FastSelect,
    )
    first_time = forms.TypedChoiceField(
        label=_("Was this your first workshop?"),
        choices=[
            ("", _("I'd rather not say")),
            ("yes", _("Yes, my first one")),
            ("no", _("No, I had taken part before")),
        ],
        coerce=_first_time,
        empty_value=None,
        required=False,
        widget=FastSelect,
    )
    neighbourhood = fields.ModelChoiceField(
        label=_("Your neighbourhood"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=_("I'd rather not say"),
        widget=FastSelect,
    )

    def rated_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in RATED]

    def about_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ABOUT_YOU]
