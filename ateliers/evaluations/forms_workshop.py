"""Forms of the facilitators' evaluation: the outcome and its explanation, an indicator. They
check the shape; the services decide (services.py) and their refusals show on the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields

from .models import Outcome
from .services import MAX_TEXT

MAX_NAME = 160
MAX_SHORT = 80
MARKDOWN_HELP = _("You may use *italics*, **bold**, lists and [links](https://…).")


class EvaluationForm(forms.Form):
    """Both may stay empty while the team drafts; publishing needs both."""

    outcome = forms.ChoiceField(
        label=_("Was the objective met?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    explanation = fields.TextField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=MAX_TEXT,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, in the reader's language (a lazy string % is not lazy).
        self.fields["explanation"].help_text = _(
            "What was achieved against the objective and the planned evaluation, what was "
            "not, and why. %(markdown)s"
        ) % {"markdown": MARKDOWN_HELP}

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("outcome") and not data.get("explanation"):
            raise forms.ValidationError(
                _(
                    "Choose whether the objective was met, or write the explanation: there "
                    "is nothing to save yet."
                ),
                code="empty",
            )
        return data


class IndicatorForm(forms.Form):
    """An indicator measured by the platform (a measure not used yet), or typed by the team
    (a name and a value)."""

    measure = forms.ChoiceField(
        label=_("Measured by the platform"),
        required=False,
        help_text=_(
            "The platform counts it, and its value is kept as it is on the day the "
            "evaluation is published. Leave “Typed by the team” to give a name and a value."
        ),
    )
    name = fields.NameField(
        label=_("Indicator"),
        max_length=MAX_NAME,
        required=False,
        help_text=_("Required for a typed indicator; for a measured one, its own name if empty."),
    )
    value = fields.NameField(
        label=_("Measured value"),
        max_length=MAX_SHORT,
        required=False,
        help_text=_("Required for a typed indicator: “12 benches”, “3 of 5”, “80 %”…"),
    )
    target = fields.NameField(
        label=_("Target (optional)"),
        max_length=MAX_SHORT,
        required=False,
        help_text=_("What the planned evaluation hoped for: “10”, “half of them”…"),
    )

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", _("Typed by the team")), *measures]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("measure"):
            if data.get("value"):
                self.add_error("value", _("The platform measures this one: leave its value empty."))
            return data
        if not data.get("name"):
            self.add_error("name", _("Name the indicator, or choose what the platform measures."))
        if not data.get("value"):
            self.add_error("value", _("Give the value measured."))
        return data
