"""Forms of the adoption: opening it, recording how something was decided, a vote, a dissenting
opinion. The services check everything again and say what is wrong (adoption.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.once import SubmitOnceForm

from .adoption import MAX_DISSENT, MAX_HELD_BY, MAX_VOTES
from .models import AdoptionMethod

CONFIRM = _("I confirm: this is final and cannot be undone.")


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=CONFIRM,
        error_messages={"required": _("Tick the box to confirm: this cannot be undone.")},
    )


class RecordForm(ConfirmForm):
    method = forms.ChoiceField(
        label=_("How it was decided"),
        choices=AdoptionMethod.choices,
        widget=forms.RadioSelect,
    )
    adopted = forms.TypedChoiceField(
        label=_("Result of the consensus"),
        choices=[
            ("", _("(only for a consensus)")),
            ("yes", _("Adopted")),
            ("no", _("Not adopted")),
        ],
        required=False,
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    meeting = fields.ModelChoiceField(
        label=_("Meeting (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Not in one of the workshop's meetings"),
        help_text=_("For a consensus or a vote in a meeting."),
    )
    votes_for = fields.WholeNumberField(
        label=_("Votes for"), required=False, min_value=0, max_value=MAX_VOTES
    )
    votes_against = fields.WholeNumberField(
        label=_("Votes against"), required=False, min_value=0, max_value=MAX_VOTES
    )
    abstentions = fields.WholeNumberField(
        label=_("Abstentions"), required=False, min_value=0, max_value=MAX_VOTES
    )
    vote_opens_at = fields.PlausibleDateTimeField(label=_("Online vote opens"), required=False)
    vote_closes_at = fields.PlausibleDateTimeField(label=_("Online vote closes"), required=False)
    note = fields.TextField(
        label=_("Note (optional)"),
        required=False,
        max_length=MAX_DISSENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = [
        "method",
        "adopted",
        "meeting",
        "votes_for",
        "votes_against",
        "abstentions",
        "vote_opens_at",
        "vote_closes_at",
        "note",
        "confirm",
    ]

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=[("for", _("For")), ("against", _("Against")), ("abstain", _("Abstain"))],
    )


class DissentForm(SubmitOnceForm, forms.Form):
    text = fields.TextField(
        label=_("The dissenting opinion"),
        max_length=MAX_DISSENT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("You may use *italics*, **bold**, lists and [links](https://…)."),
    )
    held_by = fields.NameField(
        label=_("Held by (optional)"),
        max_length=MAX_HELD_BY,
        required=False,
        help_text=_("As they wish to be named: “three participants”, a name given with consent."),
    )
