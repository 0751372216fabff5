"""Forms of the follow-up: its filters, the city's answer, milestones and their progress, and a
council's submission. They check the shape; the services decide and say what is wrong
(answers.py, services.py): a justification, for one, is required unless the answer is
"accepted", and that message comes from the service."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ateliers.core import fields
from ateliers.core.once import SubmitOnceForm
from ateliers.core.widgets import FastSelect
from ateliers.councils.models import Council
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.workshops.forms.filters import PlaceFilterForm
from ateliers.workshops.models import Workshop

from .answers import MAX_TEXT
from .models import AnswerStatus, CouncilSubmission, MilestoneStatus, Session
from .selectors_followup import AWAITING, VISIBLE


class FollowupFilterForm(PlaceFilterForm):
    field_order = ["workshop", "neighbourhood", "theme", "answer", "overdue"]

    workshop = forms.ModelChoiceField(
        label=_("Workshop"),
        required=False,
        queryset=Workshop.objects.filter(
            status__in=VISIBLE, recommendations__status=RecommendationStatus.ADOPTED
        )
        .distinct()
        .order_by("title"),
        to_field_name="slug",
        empty_label=pgettext_lazy("workshop", "All workshops"),
        widget=FastSelect,
    )
    answer = forms.ChoiceField(
        label=_("The city's answer"),
        required=False,
        widget=FastSelect,
        choices=[
            ("", pgettext_lazy("answer", "All answers")),
            (AWAITING, _("Awaiting an answer")),
            *AnswerStatus.choices,
        ],
    )
    overdue = forms.BooleanField(label=_("Overdue answers only"), required=False)


class SessionChoiceField(fields.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        day = formats.date_format(timezone.localtime(obj.starts_at), "DATE_FORMAT")
        return f"{obj.body.name} – {day}"


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("The city's answer"), choices=AnswerStatus.choices, widget=forms.RadioSelect
    )
    justification = fields.TextField(
        label=_("Justification"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Required unless the answer is “accepted”: what is kept, what is studied, and why "
            "not the rest."
        ),
    )
    service = fields.NameField(label=_("Service responsible"), max_length=160)
    elected_official = fields.NameField(label=_("Elected official responsible"), max_length=160)
    session = SessionChoiceField(
        label=_("Decided at the session (optional)"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("Not decided at a session"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The sessions that have taken place, the latest first.
        self.fields["session"].queryset = (
            Session.objects.filter(cancelled=False, starts_at__lte=timezone.now())
            .select_related("body")
            .order_by("-starts_at", "pk")
        )


class MilestoneForm(forms.Form):
    title = fields.NameField(label=_("Milestone"), max_length=160)
    target_date = fields.PlausibleDateField(label=_("Target date"))


class MilestoneUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=MilestoneStatus.choices, widget=forms.RadioSelect
    )
    progress = fields.WholeNumberField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        help_text=_("From 0 to 100. “Done” means 100 %."),
    )
    note = fields.TextField(
        label=_("What happened"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published on the follow-up and sent to the people concerned."),
    )


class SubmissionForm(SubmitOnceForm):
    council = fields.ModelChoiceField(
        label=_("Council"), queryset=Council.objects.order_by("name"), empty_label=None
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CouncilSubmission.Kind.choices, widget=forms.RadioSelect
    )
    title = fields.NameField(label=_("Title"), max_length=160)
    text = fields.TextField(
        label=_("Text"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 8})
    )
    answer_months = fields.WholeNumberField(
        label=_("Months to answer after the hearing"),
        min_value=1,
        max_value=24,
        initial=3,
    )
