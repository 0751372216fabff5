"""Every form class of the project, and how to build it with answers it takes as valid: the
ground on which tests/test_hostile_input.py changes one field at a time to a hostile value."""

import importlib
import pkgutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.utils import timezone

from ateliers.activity.forms import AuditFilterForm
from ateliers.core.forms import ProfileForm, SignupForm
from ateliers.core.models import Neighbourhood, Theme
from ateliers.core.once import SubmitOnceForm
from ateliers.councils.forms import CouncilForm, MandateCreateForm, MandateForm, PersonSearchForm
from ateliers.debate import forms as debate
from ateliers.documents.forms import ContentForm, DetailsForm, DocumentForm, VersionForm
from ateliers.meetings.forms import CancelForm, CloseForm, MeetingForm
from ateliers.meetings.models import Meeting
from ateliers.opinions.forms import (
    ConversationForm,
    ImportForm,
    ReviewForm,
    StatementForm,
    VoteForm,
)
from ateliers.proposals.forms import ProposalForm
from ateliers.recommendations import adoption_forms, amendment_forms
from ateliers.recommendations import forms as recommendations
from ateliers.recommendations.selectors import possible_coauthors
from ateliers.search.forms import SearchForm
from ateliers.site.account_views import DeletionForm
from ateliers.site.calendar_views import CalendarFilters
from ateliers.townhall import forms_bodies as bodies
from ateliers.townhall import forms_delegates as townhall
from ateliers.townhall import selectors_bodies as bodies_selectors
from ateliers.trainings.forms import (
    AttendanceForm,
    RecommendForm,
    SessionCancelForm,
    SessionForm,
    TrainingForm,
)
from ateliers.workshops.forms.filters import PlaceFilterForm, WorkshopFilterForm
from ateliers.workshops.forms.participation import JoinForm
from ateliers.workshops.forms.workshop import WorkshopForm

from .city import City
from .factories import DAY
from .workshops.manage_data import (
    as_input,
    contiguous_phases,
    next_month_start,
    workshop_form_data,
)


def polis_zip(city: City):
    """The city's conversation in Polis's export format, zipped as a city would upload it."""
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    from ateliers.opinions.exchange import export_polis

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, text in export_polis(city.conversation).items():
            archive.writestr(f"export/{name}", text)
    return SimpleUploadedFile("rue-scolaire.zip", packed.getvalue(), "application/zip")


def project_form_classes() -> set[type[forms.Form]]:
    """Every Form subclass defined in the `ateliers` package: each app's forms module (or
    package) is imported, then Form's subclasses are walked."""
    for app in apps.get_app_configs():
        if not app.name.startswith("ateliers."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.forms")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.forms":
                raise
            continue
        for submodule in pkgutil.walk_packages(
            getattr(module, "__path__", []), f"{module.__name__}."
        ):
            importlib.import_module(submodule.name)
    found, pending = set(), [forms.Form]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("ateliers."):
                found.add(subclass)
    return found


def neighbourhood(slug: str = "centre-ville") -> int:
    return Neighbourhood.objects.get(slug=slug).pk


def theme(slug: str = "nature") -> int:
    return Theme.objects.get(slug=slug).pk


def today() -> str:
    return timezone.localdate().isoformat()


def recommendation_answers() -> dict:
    return {
        "title": "Des arceaux devant les écoles",
        "text": "Dix arceaux par école.",
        "general_interest": "Les enfants vont à l'école à vélo.",
        "cost_note": "2 000 € par école.",
        "feasibility_note": "Les services techniques les posent en un jour.",
    }


def coauthor_of(city: City) -> int:
    """A participant of the recommendation's workshop who is not its author yet."""
    return possible_coauthors(city.recommendation).values_list("pk", flat=True)[0]


@dataclass(frozen=True)
class FormUse:
    """One way a form is built: its constructor's arguments and answers it takes as valid."""

    name: str
    kwargs: Callable[[City], dict]
    data: Callable[[City], dict]


def workshop_answers(city: City) -> dict:
    return {
        **workshop_form_data(
            neighbourhood=city.open_workshop.neighbourhood,
            phases=contiguous_phases(next_month_start()),
        ),
        "themes": [theme()],
        "capacity": "30",
        "sponsors": [city.council.pk],
        "facilitators": [city.facilitator.pk],
        "submission_key": str(uuid.uuid4()),
    }


def workshop_span(city: City) -> dict:
    """The answers sent with "Compute the phases": the overall start and end only."""
    start = next_month_start()
    return {
        "kind": "neighbourhood",
        "span_starts_at": as_input(start),
        "span_ends_at": as_input(start + 50 * DAY),
    }


def profile_answers(city: City) -> dict:
    return {"display_name": "Alice du Centre", "neighbourhood": neighbourhood()}


def no_arguments(city: City) -> dict:
    return {}


def meeting_answers() -> dict:
    start = next_month_start()
    return {
        "kind": "site_visit",
        "title": "Visite de la place",
        "starts_at": as_input(start),
        "ends_at": as_input(start + DAY / 12),
        "place": "Devant la fontaine",
        "address": "Place du marché",
        "accessibility": "Accès de plain-pied.",
        "online_link": "",
        "description": "Une **visite** pour voir les lieux.",
        "agenda": "Accueil\nLe tour de la place",
        "contact": "mairie@villebelle.example",
        "registration_required": "on",
        "capacity": "30",
        "submission_key": str(uuid.uuid4()),
    }


def conversation_answers() -> dict:
    return {
        "question": "Que faire de la place du marché le dimanche ?",
        "description": "Le marché s'arrête à 13 h.",
        "review": "after",
        "seeds": "Un marché aux fleurs.\nDes jeux pour enfants.",
        "submission_key": str(uuid.uuid4()),
    }


def vote_answers(city: City) -> dict:
    statement = city.conversation.statements.order_by("position").last()
    return {"statement": statement.pk, "vote": "agree", "back": "next"}


def document_details() -> dict:
    return {"title": "Plan de la place", "summary": "Le relevé du géomètre.", "category": "budget"}


def document_link() -> dict:
    return {"link": "https://example.org/plan", "alt_text": "La place vue du ciel"}


# How to build each form class; a new class must be added here (the test says so).
FORM_USES: dict[type[forms.Form], list[FormUse]] = {
    ProfileForm: [FormUse("profile", no_arguments, profile_answers)],
    SignupForm: [FormUse("sign-up", no_arguments, profile_answers)],
    DeletionForm: [
        FormUse(
            "account-delete",
            lambda city: {"user": city.resident},
            lambda city: {"password": "correct-horse-battery", "confirm": "on"},
        )
    ],
    SubmitOnceForm: [
        FormUse("key", no_arguments, lambda city: {"submission_key": str(uuid.uuid4())})
    ],
    AuditFilterForm: [FormUse("filter", no_arguments, lambda city: {"verb": "council.created"})],
    CouncilForm: [
        FormUse(
            "council",
            no_arguments,
            lambda city: {
                "kind": "neighbourhood",
                "name": "Conseil de quartier de la Gare",
                "description": "Il veille sur le quartier de la Gare.",
                "neighbourhood": neighbourhood("gare"),
                "themes": [theme()],
            },
        )
    ],
    MandateForm: [
        FormUse(
            "mandate",
            no_arguments,
            lambda city: {"role": "member", "starts_on": today(), "ends_on": ""},
        )
    ],
    PersonSearchForm: [FormUse("search", no_arguments, lambda city: {"personne": "Denis"})],
    MandateCreateForm: [
        FormUse(
            "new mandate",
            lambda city: {"candidates": [city.elected]},
            lambda city: {
                "user": city.elected.pk,
                "role": "member",
                "starts_on": today(),
                "personne": "Denis",
            },
        )
    ],
    ProposalForm: [
        FormUse(
            "proposal",
            no_arguments,
            lambda city: {
                "kind": "neighbourhood",
                "title": "Des bancs rue Victor-Hugo",
                "rationale": "Les personnes âgées n'ont nulle part où s'asseoir.",
                "objective": "Dix bancs installés.",
                "neighbourhood": neighbourhood(),
                "themes": [theme()],
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    DetailsForm: [FormUse("document details", no_arguments, lambda city: document_details())],
    ContentForm: [FormUse("document content", no_arguments, lambda city: document_link())],
    DocumentForm: [
        FormUse(
            "document",
            no_arguments,
            lambda city: {
                **document_details(),
                **document_link(),
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    VersionForm: [
        FormUse(
            "version",
            no_arguments,
            lambda city: {
                **document_link(),
                "note": "Les chiffres de 2027.",
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    TrainingForm: [
        FormUse(
            "training",
            no_arguments,
            lambda city: {
                "title": "Lire un budget communal",
                "summary": "Investissement et fonctionnement.",
                "audience": "Tous les habitants.",
                "trainer": "Direction des finances",
                "prerequisites": "",
                "themes": [theme()],
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    SessionForm: [
        FormUse(
            "session",
            no_arguments,
            lambda city: {
                "starts_at": as_input(next_month_start()),
                "duration_minutes": "120",
                "capacity": "12",
                "place": "Maison des associations",
                "address": "3 rue de la République",
                "accessibility": "Accès de plain-pied.",
                "online_link": "https://visio.example.org/formation",
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    MeetingForm: [
        FormUse("meeting", no_arguments, lambda city: meeting_answers()),
        FormUse(
            "meeting changed",
            lambda city: {"meeting": city.meeting},
            lambda city: meeting_answers(),
        ),
    ],
    CancelForm: [FormUse("cancel", no_arguments, lambda city: {"reason": "La salle est fermée."})],
    debate.TopicForm: [
        FormUse(
            "topic",
            no_arguments,
            lambda city: {"title": "Stationnement", "description": "Où se garer ?"},
        )
    ],
    debate.ContributionForm: [
        FormUse("contribution", no_arguments, lambda city: {"kind": "against", "text": "Non."})
    ],
    debate.ReplyForm: [FormUse("reply", no_arguments, lambda city: {"text": "Pourquoi ?"})],
    debate.EditForm: [FormUse("edit", no_arguments, lambda city: {"text": "Relu."})],
    debate.ReportForm: [
        FormUse("report", no_arguments, lambda city: {"reason": "other", "details": "Publicité."})
    ],
    debate.HideForm: [FormUse("hide", no_arguments, lambda city: {"reason": "Injure."})],
    debate.RestoreForm: [FormUse("restore", no_arguments, lambda city: {"reason": "Erreur."})],
    debate.ReviewForm: [FormUse("review", no_arguments, lambda city: {"message": "Relisez."})],
    debate.SynthesisForm: [
        FormUse("synthesis", no_arguments, lambda city: {"synthesis": "Deux avis."})
    ],
    debate.CloseForm: [FormUse("close", no_arguments, lambda city: {"conclusion": "Adopté."})],
    debate.KindFilter: [FormUse("kind filter", no_arguments, lambda city: {"sorte": "for"})],
    recommendations.DraftForm: [
        FormUse(
            "recommendation",
            no_arguments,
            lambda city: {**recommendation_answers(), "submission_key": str(uuid.uuid4())},
        )
    ],
    recommendations.EditForm: [
        FormUse("recommendation edited", no_arguments, lambda city: recommendation_answers())
    ],
    # The adoption (recommendations/adoption_forms.py).
    adoption_forms.ConfirmForm: [FormUse("confirm", no_arguments, lambda city: {"confirm": "on"})],
    adoption_forms.RecordForm: [
        FormUse(
            "adoption recorded",
            lambda city: {"meetings": Meeting.objects.filter(workshop=city.adoption_workshop)},
            lambda city: {
                "method": "meeting_vote",
                "votes_for": "7",
                "votes_against": "2",
                "abstentions": "1",
                "note": "Vote à main levée.",
                "confirm": "on",
            },
        )
    ],
    adoption_forms.VoteForm: [FormUse("vote", no_arguments, lambda city: {"choice": "for"})],
    adoption_forms.DissentForm: [
        FormUse(
            "dissent",
            no_arguments,
            lambda city: {
                "text": "Trop cher.",
                "held_by": "Trois participants",
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    recommendations.CoauthorForm: [
        FormUse(
            "co-author",
            lambda city: {"choices": possible_coauthors(city.recommendation)},
            lambda city: {"user": coauthor_of(city)},
        )
    ],
    # Amendments and versions of a recommendation
    amendment_forms.AmendmentForm: [
        FormUse(
            "amendment",
            no_arguments,
            lambda city: {
                "text": "Installer **vingt arceaux** devant chaque école.",
                "reason": "Plus d'élèves à vélo.",
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    amendment_forms.RejectForm: [
        FormUse("amendment rejected", no_arguments, lambda city: {"reason": "Trop cher."})
    ],
    amendment_forms.CompareForm: [
        FormUse("versions compared", lambda city: {"numbers": [1]}, lambda city: {"de": 1, "a": 1})
    ],
    # The town hall: a workshop's delegates and answer deadline (townhall/forms_delegates.py).
    townhall.DrawForm: [
        FormUse("draw", no_arguments, lambda city: {"seats": "1", "seed": "loto", "confirm": "on"})
    ],
    townhall.ElectForm: [
        FormUse(
            "election",
            lambda city: {"workshop": city.city_workshop},
            lambda city: {"person_1": city.resident.email, "votes_1": "12", "confirm": "on"},
        )
    ],
    townhall.DeadlineForm: [FormUse("answer deadline", no_arguments, lambda city: {"months": "6"})],
    ConversationForm: [FormUse("conversation", no_arguments, lambda city: conversation_answers())],
    StatementForm: [
        FormUse(
            "statement",
            no_arguments,
            lambda city: {
                "text": "Un trottoir plus large devant l'école.",
                "submission_key": str(uuid.uuid4()),
            },
        )
    ],
    VoteForm: [
        FormUse(
            "vote",
            lambda city: {"conversation": city.conversation},
            lambda city: vote_answers(city),
        )
    ],
    ImportForm: [
        FormUse(
            "polis import",
            lambda city: {"files": {"file": polis_zip(city)}},
            lambda city: {"question": "Une rue scolaire, sur Polis"},
        )
    ],
    ReviewForm: [
        FormUse(
            "review",
            lambda city: {"conversation": city.conversation},
            lambda city: {
                "statement": city.pending_statement.pk,
                "decision": "accept",
                "reason": "",
            },
        )
    ],
    CloseForm: [
        FormUse(
            "minutes",
            lambda city: {"documents": city.open_workshop.documents.all()},
            lambda city: {
                "minutes": "Les participants ont choisi trois usages.",
                "attendee_count": "18",
                "documents": [city.document.pk],
            },
        )
    ],
    SessionCancelForm: [
        FormUse("session cancel", no_arguments, lambda city: {"reason": "Formateur malade."})
    ],
    AttendanceForm: [
        FormUse(
            "attendance",
            lambda city: {"registrations": list(city.session.registrations.all())},
            lambda city: {"attended": [city.resident.pk]},
        )
    ],
    RecommendForm: [
        FormUse("recommend", no_arguments, lambda city: {"trainings": [city.training.pk]})
    ],
    SearchForm: [
        FormUse(
            "search",
            no_arguments,
            lambda city: {"q": "vélos", "type": "atelier", "quartier": "centre-ville"},
        )
    ],
    CalendarFilters: [
        FormUse(
            "calendar",
            no_arguments,
            lambda city: {
                "kind": "training",
                "neighbourhood": neighbourhood(),
                "theme": theme(),
                "debut": today(),
                "atelier": city.open_workshop.slug,
                "conseil": city.council.slug,
            },
        )
    ],
    PlaceFilterForm: [
        FormUse(
            "place filters",
            no_arguments,
            lambda city: {"neighbourhood": "centre-ville", "theme": "nature"},
        )
    ],
    WorkshopFilterForm: [
        FormUse(
            "filters",
            no_arguments,
            lambda city: {
                "kind": "neighbourhood",
                "neighbourhood": "centre-ville",
                "theme": "nature",
                "phase": "1",
            },
        )
    ],
    JoinForm: [
        # The president may also take part as a council member: the council field shows.
        FormUse(
            "join",
            lambda city: {"user": city.president},
            lambda city: {"capacity": "association", "association_name": "Les Amis du Parc"},
        )
    ],
    WorkshopForm: [
        FormUse(
            "saved by city staff",
            lambda city: {"can_assign_facilitators": True},
            workshop_answers,
        ),
        FormUse(
            "edited by its facilitator",
            lambda city: {"workshop": city.open_workshop},
            workshop_answers,
        ),
        FormUse("phases computed", lambda city: {"prefill": True}, workshop_span),
    ],
    # The town hall's bodies, sessions and agendas (townhall/forms_bodies.py)
    bodies.BodyForm: [
        FormUse(
            "body",
            no_arguments,
            lambda city: {
                "kind": "consultative_committee",
                "name": "Comité des usagers du port",
                "description": "Il donne son avis sur le port.",
                "public_sessions": "on",
                "themes": [theme()],
            },
        )
    ],
    bodies.MemberForm: [
        FormUse(
            "member",
            no_arguments,
            lambda city: {"name": "Paul Conseiller", "capacity": "councillor", "role": "member"},
        )
    ],
    bodies.SessionForm: [
        FormUse(
            "session",
            no_arguments,
            lambda city: {"starts_at": "2030-03-04T18:30", "place": "Salle Jaurès", "public": ""},
        )
    ],
    bodies.SessionOutcomeForm: [
        FormUse(
            "minutes",
            no_arguments,
            lambda city: {"minutes": "Séance tenue.", "record_url": "https://ville.example/pv"},
        )
    ],
    bodies.ItemForm: [
        FormUse(
            "agenda item",
            lambda city: {
                "workshops": bodies_selectors.workshops_for_agenda(city.staff),
                "submissions": bodies_selectors.submissions_for_agenda(),
            },
            lambda city: {"kind": "voeu", "title": "Un vœu pour la gare", "summary": "Vite."},
        )
    ],
    bodies.ItemOutcomeForm: [
        FormUse(
            "item outcome",
            no_arguments,
            lambda city: {
                "outcome": "Avis favorable.",
                "deliberation_number": "",
                "deliberation_date": "",
                "record_url": "https://ville.example/avis",
            },
        )
    ],
}

# The follow-up of the recommendations and the councils' submissions (townhall).
from .townhall.hostile_followup import followup_form_uses  # noqa: E402

FORM_USES.update(followup_form_uses(FormUse, no_arguments))

# The evaluations' questionnaire (evaluations/forms_questionnaire.py).
from .evaluations.questionnaire_data import questionnaire_form_uses  # noqa: E402

FORM_USES.update(questionnaire_form_uses(FormUse, no_arguments))

# The facilitators' evaluation of a workshop (evaluations).
from .evaluations.hostile_evaluation import evaluation_form_uses  # noqa: E402

FORM_USES.update(evaluation_form_uses(FormUse, no_arguments))

# The notifications' settings (notifications).
from .notifications.hostile_notifications import notification_form_uses  # noqa: E402

FORM_USES.update(notification_form_uses(FormUse, no_arguments))
