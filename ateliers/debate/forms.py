"""Forms of the debate: a topic, a contribution or a reply, an edit, a report, a moderator's
decision, an author's request for a review, a synthesis and a conclusion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.once import SubmitOnceForm

from .models import Kind, ReportReason
from .services import MAX_REASON, MAX_TEXT

MARKDOWN_HELP = _("You may use *italics*, **bold**, lists and [links](https://…).")


class TopicForm(SubmitOnceForm):
    title = fields.NameField(
        label=_("Title"), max_length=160, help_text=_("For example “Parking” or “Trees and shade”.")
    )
    description = fields.TextField(
        label=_("What is discussed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_TEXT,
        help_text=MARKDOWN_HELP,
    )


class ContributionForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label=_("Your contribution is"), choices=Kind.choices, widget=forms.RadioSelect
    )
    text = fields.TextField(
        label=_("Your contribution"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_TEXT,
        help_text=MARKDOWN_HELP,
    )


class ReplyForm(SubmitOnceForm):
    text = fields.TextField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_TEXT,
        help_text=MARKDOWN_HELP,
    )


class EditForm(forms.Form):
    text = fields.TextField(
        label=_("Your contribution"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_TEXT,
        help_text=MARKDOWN_HELP,
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you report it?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = fields.TextField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_REASON,
        help_text=_("Required for “Another reason”. Only the moderators read it."),
    )


class HideForm(forms.Form):
    reason = fields.TextField(
        label=_("Reason, shown in place of the contribution and in the moderation log"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_REASON,
    )


class RestoreForm(forms.Form):
    reason = fields.TextField(
        label=_("Reason, shown in the moderation log (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=MAX_REASON,
    )


class ReviewForm(forms.Form):
    message = fields.TextField(
        label=_("Why should the moderators look again?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_REASON,
    )


class SynthesisForm(forms.Form):
    synthesis = fields.TextField(
        label=_("Synthesis"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=20_000,
        help_text=_(
            "What the discussion has brought out so far, pinned at the top of the topic. "
            "Empty: no synthesis."
        ),
    )


class CloseForm(forms.Form):
    conclusion = fields.TextField(
        label=_("Conclusion"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_("Shown at the top of the topic; nothing more can be posted once it is closed."),
    )


class KindFilter(forms.Form):
    """The kind of contributions a topic page lists, from its address (?sorte=pour)."""

    sorte = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Every contribution")), *Kind.choices],
    )
