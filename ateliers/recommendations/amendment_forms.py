"""Forms of the amendments: propose one, reject one (with the reason), compare two versions."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.once import SubmitOnceForm

from .amendments import MAX_REASON
from .forms import MARKDOWN_HELP
from .services import MAX_TEXT


class AmendmentForm(SubmitOnceForm):
    text = fields.TextField(
        label=_("The text you propose"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_TEXT,
        help_text=format_lazy(
            "{} {}",
            _(
                "It replaces the whole text of the recommendation: change what you want to "
                "change and keep the rest."
            ),
            MARKDOWN_HELP,
        ),
    )
    reason = fields.TextField(
        label=_("Why this change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_REASON,
        help_text=_("The authors read it before they answer; it shows next to the amendment."),
        error_messages={"required": _("Say why you propose this change.")},
    )


class RejectForm(forms.Form):
    reason = fields.TextField(
        label=_("Why the amendment is rejected"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_REASON,
        help_text=_("Its author and the workshop read it next to the amendment."),
        error_messages={
            "required": _(
                "Say why the amendment is rejected: its author and the workshop will read it."
            )
        },
    )


class CompareForm(forms.Form):
    """Two versions of a recommendation, by number (GET: ?de=1&a=3)."""

    de = forms.TypedChoiceField(label=_("From version"), coerce=int, required=False)
    a = forms.TypedChoiceField(label=_("To version"), coerce=int, required=False)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(number, _("Version %(number)s") % {"number": number}) for number in numbers]
        for name in ("de", "a"):
            self.fields[name].choices = choices
