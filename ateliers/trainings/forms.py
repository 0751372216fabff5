"""Forms for trainings: a training of the catalogue, a session, the trainings a workshop or
a council recommends."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.models import Theme
from ateliers.core.once import SubmitOnceForm

from . import services
from .models import MAX_SEATS, Training


class TrainingForm(SubmitOnceForm):
    title = fields.NameField(label=_("Title"), max_length=160)
    summary = fields.TextField(
        label=_("What it teaches"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    audience = fields.TextField(
        label=_("For whom"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("For example: “residents taking part in a workshop on a building site”."),
    )
    trainer = fields.NameField(
        label=_("Trainer"), max_length=160, help_text=_("A person or an organisation.")
    )
    prerequisites = fields.TextField(
        label=_("Prerequisites"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Leave empty when the training is open to beginners."),
    )
    themes = fields.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def training_values(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in ("title", "summary", "audience", "trainer", "prerequisites", "themes")
        }


class SessionForm(SubmitOnceForm):
    """A new session, or changes to one (`session`): a date already set may stay."""

    starts_at = fields.PlausibleDateTimeField(label=_("Starts at"))
    duration_minutes = fields.WholeNumberField(
        label=_("Duration (minutes)"), min_value=1, max_value=10_000, initial=120
    )
    capacity = fields.WholeNumberField(
        label=_("Seats"),
        min_value=1,
        max_value=MAX_SEATS,
        help_text=_("Beyond them, people are put on a waitlist."),
    )
    place = fields.TextField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("Its name, e.g. “Maison des associations, salle 2”."),
    )
    address = fields.TextField(label=_("Address"), required=False, max_length=300)
    accessibility = fields.TextField(
        label=_("Accessibility"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Step-free access, hearing loop, public transport…"),
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For a session held online, or also online."),
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            run_validator(
                self,
                services.validate_session_fields,
                starts_at=cleaned["starts_at"],
                duration_minutes=cleaned["duration_minutes"],
                capacity=cleaned["capacity"],
                place=cleaned.get("place") or "",
                online_link=cleaned.get("online_link") or "",
                now=timezone.now(),
                new=self.session is None or cleaned["starts_at"] != self.session.starts_at,
            )
        return cleaned

    def session_values(self) -> dict:
        values = {
            key: self.cleaned_data[key]
            for key in ("starts_at", "duration_minutes", "capacity", "online_link")
        }
        for key in ("place", "address", "accessibility"):
            values[key] = self.cleaned_data.get(key) or ""
        return values


class RecommendForm(forms.Form):
    trainings = fields.ModelMultipleChoiceField(
        label=_("Trainings recommended"),
        queryset=Training.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class AttendanceForm(forms.Form):
    """Who of the registered people came: one box each."""

    attended = forms.TypedMultipleChoiceField(
        label=_("Who came"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, registrations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (registration.user_id, registration.user.public_name) for registration in registrations
        ]


class SessionCancelForm(forms.Form):
    reason = fields.TextField(
        label=_("Why it is cancelled"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown on the session's page and sent to the people registered."),
    )
