"""Forms for meetings: plan or change one, cancel it, close it with its minutes."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.once import SubmitOnceForm
from ateliers.documents.models import Document

from . import services
from .models import MAX_ATTENDEES, MAX_SEATS, Meeting


class MeetingForm(SubmitOnceForm):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Meeting.Kind.choices)
    title = fields.NameField(label=_("Title"), max_length=160)
    starts_at = fields.PlausibleDateTimeField(label=_("Starts at"))
    ends_at = fields.PlausibleDateTimeField(label=_("Ends at"))
    place = fields.TextField(label=_("Place"), required=False, max_length=200)
    address = fields.TextField(label=_("Address"), required=False, max_length=300)
    accessibility = fields.TextField(
        label=_("Accessibility"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Step-free access, hearing loop, public transport…"),
    )
    online_link = forms.URLField(
        label=_("Online link"), required=False, max_length=500, assume_scheme="https"
    )
    description = fields.TextField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10_000,
        help_text=_("Markdown: **bold**, *italics*, lists, [links](https://…)."),
    )
    agenda = fields.TextField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10_000,
        help_text=_("One item per line, in order."),
    )
    contact = fields.TextField(
        label=_("Contact"),
        required=False,
        max_length=200,
        help_text=_("Who to ask about it: a name, an e-mail address or a phone number."),
    )
    registration_required = forms.BooleanField(label=_("Registration required"), required=False)
    capacity = fields.WholeNumberField(
        label=_("Seats"),
        required=False,
        min_value=1,
        max_value=MAX_SEATS,
        help_text=_("With registration only; empty for no limit. Beyond them, a waitlist."),
    )

    def __init__(self, *args, meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            run_validator(
                self,
                services.validate_meeting_fields,
                starts_at=cleaned["starts_at"],
                ends_at=cleaned["ends_at"],
                place=cleaned.get("place") or "",
                online_link=cleaned.get("online_link") or "",
                registration_required=cleaned.get("registration_required", False),
                capacity=cleaned.get("capacity"),
                agenda=services.agenda_lines(cleaned.get("agenda") or ""),
                now=timezone.now(),
                new=self.meeting is None or cleaned["starts_at"] != self.meeting.starts_at,
                registered=self.meeting.registered_count if self.meeting else 0,
            )
        return cleaned

    def meeting_values(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "description": data.get("description") or "",
            "place": data.get("place") or "",
            "address": data.get("address") or "",
            "accessibility": data.get("accessibility") or "",
            "online_link": data.get("online_link") or "",
            "contact": data.get("contact") or "",
            "registration_required": data.get("registration_required", False),
            "capacity": data.get("capacity"),
            "agenda": services.agenda_lines(data.get("agenda") or ""),
        }


class CancelForm(forms.Form):
    reason = fields.TextField(
        label=_("Why it is cancelled"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown on the meeting's page and sent to the people registered."),
    )


class CloseForm(forms.Form):
    minutes = fields.TextField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=50_000,
        help_text=_("What was said and decided. Markdown: **bold**, lists, [links](https://…)."),
    )
    attendee_count = fields.WholeNumberField(
        label=_("Number of people who came"), min_value=0, max_value=MAX_ATTENDEES
    )
    documents = fields.ModelMultipleChoiceField(
        label=_("Documents attached"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Documents of the workshop or council: add them there first."),
    )

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["documents"].queryset = documents
