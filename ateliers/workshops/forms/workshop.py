"""The form facilitators and city staff use to create and edit a workshop.

Works without JavaScript in two steps: the person gives the workshop's overall start and end,
presses "Compute the phases" (a submit button named `prefill`), and the form comes back with
the five phases' dates filled in by `default_phase_bounds`, ready to adjust. Saving with the
phases left empty computes them the same way.
"""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.models import Neighbourhood, Role, Theme, User
from ateliers.core.once import SubmitOnceForm
from ateliers.councils.models import Council

from ..models import MAX_CAPACITY, Workshop
from ..phases import PHASE_TYPES, PhaseKind, default_phase_bounds
from ..services.lifecycle import (
    phase_field_name,
    validate_phases,
    validate_workshop_fields,
)

PHASE_BOUNDS = ("starts_at", "ends_at")
PREFILL_BUTTON = "prefill"


def _label(field_name: str) -> str:
    return capfirst(Workshop._meta.get_field(field_name).verbose_name)


def _help(field_name: str) -> str:
    return Workshop._meta.get_field(field_name).help_text


def _datetime_field(label, *, required=True, help_text="") -> forms.DateTimeField:
    return fields.PlausibleDateTimeField(label=label, required=required, help_text=help_text)


TEXT_MAX_LENGTH = 10_000


class WorkshopForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label=_label("kind"), choices=Workshop.Kind.choices, widget=forms.RadioSelect
    )
    title = fields.NameField(label=_label("title"), max_length=160)
    project = fields.TextField(
        label=_label("project"),
        help_text=_help("project"),
        widget=forms.Textarea,
        max_length=TEXT_MAX_LENGTH,
    )
    objective = fields.TextField(
        label=_label("objective"), widget=forms.Textarea, max_length=TEXT_MAX_LENGTH
    )
    evaluation_plan = fields.TextField(
        label=_label("evaluation_plan"),
        help_text=_help("evaluation_plan"),
        widget=forms.Textarea,
        max_length=TEXT_MAX_LENGTH,
    )
    neighbourhood = fields.ModelChoiceField(
        label=_label("neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("None (city workshop)"),
        help_text=_("Required for a neighbourhood workshop; a city workshop covers the city."),
    )
    themes = fields.ModelMultipleChoiceField(
        label=_label("themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = fields.WholeNumberField(
        label=_label("capacity"),
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=_help("capacity"),
    )
    sponsors = fields.ModelMultipleChoiceField(
        label=_label("sponsors"),
        queryset=Council.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    facilitators = fields.ModelMultipleChoiceField(
        label=_label("facilitators"),
        queryset=User.objects.filter(role=Role.FACILITATOR).order_by("display_name", "pk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The overall span, only used to pre-fill the phases.
    span_starts_at = _datetime_field(
        _("Workshop start"), required=False, help_text=_("The first phase starts then.")
    )
    span_ends_at = _datetime_field(
        _("Workshop end"), required=False, help_text=_("The last phase ends then.")
    )

    def __init__(
        self,
        *args,
        workshop: Workshop | None = None,
        can_assign_facilitators: bool = False,
        prefill: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.prefill = prefill
        for kind in PhaseKind:
            self.fields[phase_field_name(kind, "starts_at")] = _datetime_field(
                _("Start"), required=False
            )
            self.fields[phase_field_name(kind, "ends_at")] = _datetime_field(
                _("End"), required=False
            )
        if not can_assign_facilitators:
            del self.fields["facilitators"]
        if prefill:
            # Only the span is checked when computing the phases: the rest may come later.
            for name, field in self.fields.items():
                field.required = name in ("span_starts_at", "span_ends_at")

    @classmethod
    def initial_for(cls, workshop: Workshop) -> dict:
        """The edit form's starting values, phases included, from the database."""
        initial = {
            "kind": workshop.kind,
            "title": workshop.title,
            "project": workshop.project,
            "objective": workshop.objective,
            "evaluation_plan": workshop.evaluation_plan,
            "neighbourhood": workshop.neighbourhood_id,
            "themes": [theme.pk for theme in workshop.themes.all()],
            "capacity": workshop.capacity,
            "sponsors": [council.pk for council in workshop.sponsors.all()],
            "facilitators": [person.pk for person in workshop.facilitators.all()],
            "span_starts_at": workshop.starts_at,
            "span_ends_at": workshop.ends_at,
        }
        for phase in workshop.ordered_phases:
            initial[phase_field_name(phase.kind, "starts_at")] = phase.starts_at
            initial[phase_field_name(phase.kind, "ends_at")] = phase.ends_at
        return initial

    # What the template shows

    def phase_fieldsets(self) -> list[dict]:
        return [
            {
                "kind": kind,
                "label": kind.label,
                "summary": PHASE_TYPES[kind].summary,
                "starts_at": self[phase_field_name(kind, "starts_at")],
                "ends_at": self[phase_field_name(kind, "ends_at")],
            }
            for kind in PhaseKind
        ]

    def error_summary(self) -> list[tuple[str, str]]:
        """(field id or "", message) for every error, phase fields named by their phase."""
        phase_of = {
            phase_field_name(kind, bound): kind for kind in PhaseKind for bound in PHASE_BOUNDS
        }
        summary = [("", str(message)) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            bound_field = self[name]
            for message in bound_field.errors:
                label = field.label
                if name in phase_of:
                    label = _("%(phase)s, %(bound)s") % {
                        "phase": phase_of[name].label,
                        "bound": str(field.label).lower(),
                    }
                entry = _("%(label)s: %(message)s") % {"label": label, "message": message}
                summary.append((bound_field.id_for_label, entry))
        return summary

    # Validation

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("span_starts_at"), cleaned.get("span_ends_at")
        if start and end and end <= start:
            self.add_error("span_ends_at", _("The workshop must end after it starts."))
        if self.prefill:
            return cleaned
        if cleaned.get("kind") == Workshop.Kind.CITY and cleaned.get("neighbourhood"):
            self.add_error(
                "neighbourhood",
                _("A city workshop covers the whole city: leave the neighbourhood empty."),
            )
        try:
            validate_workshop_fields(
                kind=cleaned.get("kind", ""),
                neighbourhood=cleaned.get("neighbourhood"),
                capacity=cleaned.get("capacity"),
                participant_count=self.workshop.participant_count if self.workshop else 0,
            )
        except ApplicationError as error:
            self.add_service_errors(error)
        self._clean_phases(cleaned)
        return cleaned

    def _clean_phases(self, cleaned) -> None:
        names = [phase_field_name(kind, bound) for kind in PhaseKind for bound in PHASE_BOUNDS]
        if any(name in self.errors for name in names):
            return  # a date that did not parse already has its message
        values = [cleaned.get(name) for name in names]
        if not any(values):
            start, end = cleaned.get("span_starts_at"), cleaned.get("span_ends_at")
            if start and end and end > start:
                cleaned["phases"] = default_phase_bounds(start, end)
            elif not self.has_error("span_ends_at"):
                self.add_error(
                    None,
                    _(
                        "Give the workshop's start and end (the phases are then computed), "
                        "or the dates of its five phases."
                    ),
                )
            return
        for name, value in zip(names, values, strict=True):
            if value is None:
                self.add_error(name, forms.Field.default_error_messages["required"])
        if any(value is None for value in values):
            return
        phases = [
            (
                kind,
                cleaned[phase_field_name(kind, "starts_at")],
                cleaned[phase_field_name(kind, "ends_at")],
            )
            for kind in PhaseKind
        ]
        try:
            validate_phases(phases)
        except ApplicationError as error:
            self.add_service_errors(error)
            return
        cleaned["phases"] = phases

    def add_service_errors(self, error: ApplicationError) -> None:
        add_service_errors(self, error)

    def with_default_phases(self) -> "WorkshopForm":
        """After a valid `prefill` submission: the same answers, phases computed from the span."""
        data = self.data.copy()
        bounds = default_phase_bounds(
            self.cleaned_data["span_starts_at"], self.cleaned_data["span_ends_at"]
        )
        for kind, start, end in bounds:
            data[self.add_prefix(phase_field_name(kind, "starts_at"))] = start
            data[self.add_prefix(phase_field_name(kind, "ends_at"))] = end
        return type(self)(
            data,
            workshop=self.workshop,
            can_assign_facilitators="facilitators" in self.fields,
            prefill=True,
        )

    def service_kwargs(self) -> dict:
        """The cleaned answers, named as the lifecycle services take them."""
        data = self.cleaned_data
        kwargs = {
            "kind": data["kind"],
            "title": data["title"],
            "project": data["project"],
            "objective": data["objective"],
            "evaluation_plan": data["evaluation_plan"],
            "neighbourhood": data["neighbourhood"],
            "themes": data["themes"],
            "capacity": data["capacity"],
            "sponsors": data["sponsors"],
            "phases": data["phases"],
        }
        if "facilitators" in self.fields:
            kwargs["facilitators"] = data["facilitators"]
        return kwargs
