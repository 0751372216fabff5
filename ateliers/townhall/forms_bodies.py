"""Forms of the town hall's bodies, sessions and agendas. They check the shape of what is
typed; the services (services.py) decide what the law and the dates allow, and their refusals
show next to the field they name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.models import Theme
from ateliers.core.once import SubmitOnceForm

from .models import BodyKind, CouncilSubmission, ItemKind, MemberCapacity, MemberRole
from .services import MAX_NAME, MAX_PLACE, MAX_TEXT

TEXTAREA = {"rows": 4}


class BodyForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label=_("Kind of body"),
        choices=BodyKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Commissions seat councillors only (CGCT L2121-22); consultative committees may "
            "include residents and associations (L2143-2)."
        ),
    )
    name = fields.NameField(label=_("Name"), max_length=MAX_NAME)
    description = fields.TextField(
        label=_("Its role"),
        widget=forms.Textarea(attrs=TEXTAREA),
        required=False,
        max_length=MAX_TEXT,
    )
    public_sessions = forms.BooleanField(
        label=_("Its sessions are open to the public"),
        required=False,
        initial=True,
        help_text=_("The municipal council sits in public; a commission, behind closed doors."),
    )
    themes = fields.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def values(self) -> dict:
        """The answers, named as body_save takes them."""
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "name", "description", "public_sessions", "themes")
        }


class MemberForm(forms.Form):
    name = fields.NameField(label=_("Name"), max_length=MAX_NAME)
    capacity = forms.ChoiceField(
        label=_("Capacity"),
        choices=MemberCapacity.choices,
        initial=MemberCapacity.COUNCILLOR,
        help_text=_(
            "The municipal council and its commissions seat municipal councillors only; "
            "consultative committees may seat residents and associations."
        ),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)


class SessionForm(SubmitOnceForm):
    starts_at = fields.PlausibleDateTimeField(label=_("Date and time"))
    place = fields.NameField(label=_("Place"), max_length=MAX_PLACE)
    public = forms.BooleanField(
        label=_("Open to the public"),
        required=False,
        help_text=_("A commission meets behind closed doors unless the council decides otherwise."),
    )

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("starts_at", "place", "public")}


class SessionOutcomeForm(forms.Form):
    minutes = fields.TextField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_TEXT * 5
    )
    record_url = forms.URLField(
        label=_("Link to the official record (optional)"), required=False, assume_scheme="https"
    )


class SubmissionChoiceField(fields.ModelChoiceField):
    def label_from_instance(self, obj: CouncilSubmission) -> str:
        return f"{obj.title} ({obj.council.name})"


class ItemForm(SubmitOnceForm):
    """An agenda item: what it carries, and the workshop or the submission it carries."""

    kind = forms.ChoiceField(
        label=_("What it carries"),
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
    )
    workshop = fields.ModelChoiceField(
        label=_("Workshop (for a workshop's dossier)"),
        queryset=None,
        required=False,
        empty_label=_("Choose a workshop"),
        help_text=_("Workshops with adopted recommendations, from their presentation on."),
    )
    submission = SubmissionChoiceField(
        label=_("Council's proposal or opinion"),
        queryset=None,
        required=False,
        empty_label=_("Choose a proposal or an opinion"),
    )
    title = fields.NameField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional for a dossier or a council's text: their own title is used."),
    )
    summary = fields.TextField(
        label=_("Summary (optional)"),
        widget=forms.Textarea(attrs=TEXTAREA),
        required=False,
        max_length=MAX_TEXT,
    )

    def __init__(self, *args, workshops, submissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = workshops
        self.fields["submission"].queryset = submissions

    def values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "workshop", "submission", "title", "summary")
        }


class ItemOutcomeForm(forms.Form):
    outcome = fields.TextField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=MAX_TEXT,
        help_text=_("What the session made of it: its decision, its opinion, what comes next."),
    )
    deliberation_number = fields.NameField(
        label=_("Deliberation number (municipal council only)"), max_length=40, required=False
    )
    deliberation_date = fields.PlausibleDateField(
        label=_("Deliberation date (municipal council only)"), required=False
    )
    record_url = forms.URLField(
        label=_("Link to the official record (optional)"), required=False, assume_scheme="https"
    )
