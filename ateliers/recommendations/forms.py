"""Forms of the recommendations: draft or edit one, add a co-author."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.once import SubmitOnceForm

from .grounds import MAX_GROUNDS
from .services import MAX_NOTE, MAX_TEXT, MAX_TITLE

MARKDOWN_HELP = _("You may use *italics*, **bold**, lists and [links](https://…).")


class EditForm(forms.Form):
    """What an author writes; the draft form adds its one-time key."""

    title = fields.NameField(label=_("Title"), max_length=MAX_TITLE)
    text = fields.TextField(
        label=_("The recommendation"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_TEXT,
        help_text=MARKDOWN_HELP,
    )
    general_interest = fields.TextField(
        label=_("The general interest it serves"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_NOTE,
        help_text=_(
            "What it brings to the neighbourhood or the city, beyond one person's situation."
        ),
        error_messages={
            "required": _(
                "Say which general interest this recommendation serves: what it brings to "
                "the neighbourhood or the city, beyond one person's situation."
            )
        },
    )
    cost_note = fields.TextField(
        label=_("Cost (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_NOTE,
    )
    feasibility_note = fields.TextField(
        label=_("Feasibility (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_NOTE,
    )
    # What it builds on (grounds.py): links checked by the service, one per line.
    grounds = fields.TextField(
        label=_("Debate contributions and opinion-map statements it builds on (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_GROUNDS,
        help_text=_(
            "Paste their addresses, one per line: a contribution's address (click its date "
            "in the debate), or a statement's link (its number in the list of the opinion "
            "map's statements, linked from its results). At most 20, all of this workshop."
        ),
    )


class DraftForm(SubmitOnceForm, EditForm):
    pass


class CoauthorForm(forms.Form):
    user = fields.ModelChoiceField(label=_("Participant"), queryset=None)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = choices
