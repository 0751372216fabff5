"""Forms of the delegates: the draw, the election's result, the answer deadline. They check
the shape; the services decide (delegates.py, answers.py) and their refusals show on the form.
The election names its delegates in text fields (a public name or an e-mail address): a
select of every participant would be thousands of options long in a large workshop."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.workshops.models import Workshop

from . import selectors_delegates
from .models import DEFAULT_ANSWER_MONTHS, MAX_DELEGATES

SEED_LENGTH = 64
MAX_NOTE = 3_000
MAX_VOTES = 1_000_000
FINAL = _("I confirm: the choice is final and cannot be undone.")


def confirm_field() -> forms.BooleanField:
    """The box that confirms a final choice (a field, not a base form: each form says it)."""
    return forms.BooleanField(
        label=FINAL,
        error_messages={"required": _("Tick the box to confirm: this cannot be undone.")},
    )


class DrawForm(forms.Form):
    seats = fields.WholeNumberField(
        label=_("Number of delegates"),
        min_value=1,
        max_value=MAX_DELEGATES,
        initial=MAX_DELEGATES,
    )
    seed = fields.NameField(
        label=_("Public seed (optional)"),
        max_length=SEED_LENGTH,
        required=False,
        help_text=_(
            "A word or number announced before the draw (the date and a lottery's result, "
            "say), so that nobody can choose it afterwards. Left empty, a random one is drawn "
            "and published."
        ),
    )

    confirm = confirm_field()

    field_order = ["seats", "seed", "confirm"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, in the reader's language (a lazy string % is not lazy).
        self.fields["seats"].help_text = _("From 1 to %(most)s.") % {"most": MAX_DELEGATES}


class ElectForm(forms.Form):
    """Up to three delegates, each by public name or e-mail, with their votes if counted."""

    note = fields.TextField(
        label=_("How they were elected (optional)"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For instance: “elected by show of hands at the meeting of 12 May”."),
    )
    confirm = confirm_field()

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        order = []
        for number in range(1, MAX_DELEGATES + 1):
            self.fields[f"person_{number}"] = fields.NameField(
                label=_("Delegate %(number)s: public name or e-mail address") % {"number": number},
                max_length=254,
                required=number == 1,
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            )
            self.fields[f"votes_{number}"] = fields.WholeNumberField(
                label=_("Votes for delegate %(number)s (optional)") % {"number": number},
                required=False,
                min_value=0,
                max_value=MAX_VOTES,
            )
            order += [f"person_{number}", f"votes_{number}"]
        self.order_fields([*order, "note", "confirm"])

    def clean(self):
        data = super().clean()
        elected = []
        for number in range(1, MAX_DELEGATES + 1):
            field = f"person_{number}"
            text = data.get(field)
            if not text:
                if data.get(f"votes_{number}") is not None:
                    self.add_error(field, _("Name the person these votes are for."))
                continue
            found = selectors_delegates.participants_matching(self.workshop, text)
            if not found:
                self.add_error(
                    field,
                    _(
                        "No participant of this workshop has this public name or e-mail "
                        "address. Check the list of participants."
                    ),
                )
            elif len(found) > 1:
                self.add_error(
                    field,
                    _("Several participants have this public name: type their e-mail instead."),
                )
            else:
                elected.append((found[0], data.get(f"votes_{number}")))
        data["elected"] = elected
        return data


class DeadlineForm(forms.Form):
    months = fields.WholeNumberField(
        label=_("Months to answer after the hearing"),
        min_value=1,
        max_value=24,
        initial=DEFAULT_ANSWER_MONTHS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["months"].help_text = _(
            "From 1 to 24 months; %(default)s when the workshop sets none."
        ) % {"default": DEFAULT_ANSWER_MONTHS}
