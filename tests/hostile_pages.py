"""The pages where the project's forms (and allauth's) take answers, who may use each, and
what each answers: the ground on which tests/test_hostile_input.py sends hostile values
through the views."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from ateliers.activity.forms import AuditFilterForm
from ateliers.core.forms import ProfileForm, SignupForm
from ateliers.core.once import SubmitOnceForm
from ateliers.councils.forms import CouncilForm, MandateCreateForm, MandateForm, PersonSearchForm
from ateliers.debate import forms as debate
from ateliers.documents.forms import ContentForm, DetailsForm, DocumentForm, VersionForm
from ateliers.meetings.forms import CancelForm, CloseForm, MeetingForm
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
from ateliers.search.forms import SearchForm
from ateliers.site.account_views import DeletionForm
from ateliers.site.calendar_views import CalendarFilters
from ateliers.townhall import forms_bodies as bodies
from ateliers.townhall import forms_delegates as townhall
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
from .hostile_forms import FORM_USES, polis_zip
from .hostile_values import kind_of

PASSWORD = "correct-horse-battery"


@dataclass(frozen=True)
class FormPage:
    """A page that takes answers, the person who may use it, and what it answers to them."""

    name: str
    who: str | None  # a person of City, or None for a visitor
    path: Callable[[City], str]
    answers: Callable[[City], dict]  # valid: each field is then replaced by a hostile value
    fields: Callable[[City], dict[str, tuple[str, bool]]]  # name → (kind, required)
    form: type[forms.Form] | None = None  # the project's form behind the page
    method: str = "post"
    valid_status: int = 302  # what the valid answers get: proof that they are valid
    refused_status: int = 200  # what a refused value gets (the form and its errors, mostly)


def fields_of(form_class: type[forms.Form], use: int = 0):
    """The fields of one of the project's forms, built as FORM_USES says."""

    def fields_(city: City) -> dict[str, tuple[str, bool]]:
        form = form_class(**FORM_USES[form_class][use].kwargs(city))
        return {name: (kind_of(field_), field_.required) for name, field_ in form.fields.items()}

    return fields_


def listed(**kinds: str):
    """Fields of a form that is not the project's (allauth's), all required."""
    return lambda city: {name: (kind, True) for name, kind in kinds.items()}


def with_page(fields_):
    """Add ?page= to a list's fields."""
    return lambda city: {**fields_(city), "page": ("page", False)}


def answers_of(form_class: type[forms.Form], use: int = 0, **extra):
    return lambda city: {**FORM_USES[form_class][use].data(city), **extra}


def nothing(city: City) -> dict:
    return {}


NEW_PASSWORD = "un-jardin-partagé-2026"
SPAN = ("span_starts_at", "span_ends_at")
WORKSHOP = "/ateliers/{0.open_workshop.slug}/"
COUNCIL = "/conseils/{0.council.slug}/"
BODY = "/mairie/{0.townhall_body.slug}/"
SESSION = "/mairie/{0.body.slug}/seances/{0.pk}/"

FORM_PAGES = [
    # Visitors: allauth's pages, our sign-up fields with them
    FormPage(
        "sign-up",
        None,
        lambda c: "/compte/signup/",
        answers_of(
            SignupForm, email="nadia@example.org", password1=NEW_PASSWORD, password2=NEW_PASSWORD
        ),
        lambda c: {
            **listed(email="email", password1="password", password2="password")(c),
            **fields_of(SignupForm)(c),
        },
        form=SignupForm,
    ),
    FormPage(
        "log-in",
        None,
        lambda c: "/compte/login/",
        lambda c: {"login": c.resident.email, "password": PASSWORD},
        listed(login="email", password="password"),
    ),
    FormPage(
        "password-reset",
        None,
        lambda c: "/compte/password/reset/",
        lambda c: {"email": c.resident.email},
        listed(email="email"),
    ),
    # Residents
    FormPage(
        "profile",
        "resident",
        lambda c: "/compte/profil/",
        answers_of(ProfileForm),
        fields_of(ProfileForm),
        form=ProfileForm,
    ),
    FormPage(
        "password-change",
        "resident",
        lambda c: "/compte/password/change/",
        lambda c: {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        listed(oldpassword="password", password1="password", password2="password"),
    ),
    FormPage(
        "account-delete",
        "resident",
        lambda c: "/compte/supprimer/",
        answers_of(DeletionForm),
        fields_of(DeletionForm),
        form=DeletionForm,
    ),
    FormPage(
        "e-mail-add",
        "resident",
        lambda c: "/compte/email/",
        lambda c: {"action_add": "", "email": "alice.bis@example.org"},
        listed(email="email"),
    ),
    # allauth's other buttons on the e-mail page: an unknown address goes back to the page.
    FormPage(
        "e-mail-make-primary",
        "resident",
        lambda c: "/compte/email/",
        lambda c: {"action_primary": "", "email": c.resident.email},
        listed(email="email"),
        refused_status=302,
    ),
    FormPage(
        "e-mail-remove-confirm",
        "resident",
        lambda c: "/compte/adresses/retirer/",
        lambda c: {"email": c.resident.email},
        listed(email="email"),
        valid_status=200,
        refused_status=404,
    ),
    FormPage(
        "join",
        "president",
        lambda c: f"{WORKSHOP.format(c)}participer/",
        answers_of(JoinForm),
        fields_of(JoinForm),
        form=JoinForm,
    ),
    # A council's president
    FormPage(
        "proposal",
        "president",
        lambda c: f"{COUNCIL.format(c)}proposer-un-atelier/",
        answers_of(ProposalForm),
        fields_of(ProposalForm),
        form=ProposalForm,
    ),
    # Facilitators and city staff
    FormPage(
        "workshop-create",
        "staff",
        lambda c: "/ateliers/nouveau/",
        answers_of(WorkshopForm),
        fields_of(WorkshopForm),
        form=WorkshopForm,
    ),
    FormPage(
        "workshop-edit",
        "facilitator",
        lambda c: f"{WORKSHOP.format(c)}modifier/",
        answers_of(WorkshopForm, 1),
        fields_of(WorkshopForm, 1),
        form=WorkshopForm,
    ),
    FormPage(
        "workshop-phases-computed",
        "staff",
        lambda c: "/ateliers/nouveau/",
        answers_of(WorkshopForm, 2, prefill="1"),
        # Only the span counts on this path; the other fields go to the same address above.
        lambda c: {name: fields_of(WorkshopForm, 2)(c)[name] for name in SPAN},
        form=WorkshopForm,
        valid_status=200,
    ),
    FormPage(
        "council-create",
        "staff",
        lambda c: "/conseils/nouveau/",
        answers_of(CouncilForm),
        fields_of(CouncilForm),
        form=CouncilForm,
    ),
    FormPage(
        "council-edit",
        "staff",
        lambda c: f"{COUNCIL.format(c)}modifier/",
        answers_of(CouncilForm),
        fields_of(CouncilForm),
        form=CouncilForm,
    ),
    FormPage(
        "mandate-create",
        "staff",
        lambda c: f"{COUNCIL.format(c)}mandats/",
        answers_of(MandateCreateForm),
        fields_of(MandateCreateForm),
        form=MandateCreateForm,
    ),
    FormPage(
        "mandate-edit",
        "staff",
        lambda c: f"{COUNCIL.format(c)}mandats/{c.mandate.pk}/",
        answers_of(MandateForm),
        fields_of(MandateForm),
        form=MandateForm,
    ),
    # Documents: a workshop's team, a council's president
    FormPage(
        "document-add",
        "facilitator",
        lambda c: f"/documents/atelier/{c.open_workshop.slug}/ajouter/",
        answers_of(DocumentForm),
        fields_of(DocumentForm),
        form=DocumentForm,
    ),
    FormPage(
        "council-document-add",
        "president",
        lambda c: f"/documents/conseil/{c.council.slug}/ajouter/",
        answers_of(DocumentForm),
        fields_of(DocumentForm),
        form=DocumentForm,
    ),
    FormPage(
        "document-version",
        "facilitator",
        lambda c: f"/documents/{c.document.pk}/nouvelle-version/",
        answers_of(VersionForm),
        fields_of(VersionForm),
        form=VersionForm,
    ),
    FormPage(
        "document-details",
        "facilitator",
        lambda c: f"/documents/{c.document.pk}/modifier/",
        answers_of(DetailsForm),
        fields_of(DetailsForm),
        form=DetailsForm,
    ),
    # Meetings: a workshop's team, a council's president
    FormPage(
        "meeting-plan",
        "facilitator",
        lambda c: f"/reunions/atelier/{c.open_workshop.slug}/nouvelle/",
        answers_of(MeetingForm),
        fields_of(MeetingForm),
        form=MeetingForm,
    ),
    FormPage(
        "council-meeting-plan",
        "president",
        lambda c: f"/reunions/conseil/{c.council.slug}/nouvelle/",
        answers_of(MeetingForm),
        fields_of(MeetingForm),
        form=MeetingForm,
    ),
    FormPage(
        "meeting-edit",
        "facilitator",
        lambda c: f"/reunions/{c.meeting.pk}/modifier/",
        answers_of(MeetingForm, 1),
        fields_of(MeetingForm, 1),
        form=MeetingForm,
    ),
    FormPage(
        "meeting-cancel",
        "facilitator",
        lambda c: f"/reunions/{c.meeting.pk}/annuler/",
        answers_of(CancelForm),
        fields_of(CancelForm),
        form=CancelForm,
    ),
    FormPage(
        "meeting-close",
        "facilitator",
        lambda c: f"/reunions/{c.past_meeting.pk}/cloturer/",
        answers_of(CloseForm),
        fields_of(CloseForm),
        form=CloseForm,
    ),
    # The debate: the workshop's participants and team, anyone with an account for reports
    *[
        FormPage(name, who, path, answers_of(form), fields_of(form), form=form)
        for name, who, path, form in [
            (
                "topic-open",
                "staff",
                lambda c: f"/debat/atelier/{c.debate_workshop.slug}/nouveau-sujet/",
                debate.TopicForm,
            ),
            (
                "contribute",
                "resident",
                lambda c: f"/debat/sujets/{c.topic.pk}/contribuer/",
                debate.ContributionForm,
            ),
            (
                "reply",
                "resident",
                lambda c: f"/debat/contributions/{c.contribution.pk}/repondre/",
                debate.ReplyForm,
            ),
            (
                "edit",
                "resident",
                lambda c: f"/debat/contributions/{c.contribution.pk}/modifier/",
                debate.EditForm,
            ),
            (
                "report",
                "president",
                lambda c: f"/debat/contributions/{c.contribution.pk}/signaler/",
                debate.ReportForm,
            ),
            (
                "review",
                "resident",
                lambda c: f"/debat/contributions/{c.hidden_contribution.pk}/reexamen/",
                debate.ReviewForm,
            ),
            (
                "synthesis",
                "staff",
                lambda c: f"/debat/sujets/{c.topic.pk}/synthese/",
                debate.SynthesisForm,
            ),
            (
                "topic-close",
                "staff",
                lambda c: f"/debat/sujets/{c.topic.pk}/cloturer/",
                debate.CloseForm,
            ),
        ]
    ],
    # Recommendations: the workshop's participants draft; authors edit and add co-authors
    *[
        FormPage(name, who, path, answers_of(form), fields_of(form), form=form)
        for name, who, path, form in [
            (
                "recommendation-draft",
                "resident",
                lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/rediger/",
                recommendations.DraftForm,
            ),
            (
                "recommendation-edit",
                "resident",
                lambda c: f"/preconisations/{c.recommendation.pk}/modifier/",
                recommendations.EditForm,
            ),
            (
                "recommendation-coauthor",
                "resident",
                lambda c: f"/preconisations/{c.recommendation.pk}/co-auteurs/",
                recommendations.CoauthorForm,
            ),
        ]
    ],
    # The adoption: the team opens it, records decisions and dissents; participants vote.
    *[
        FormPage(name, "staff", path, answers_of(form), fields_of(form), form=form)
        for name, path, form in [
            (
                "adoption-open",
                lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/adoption/ouvrir/",
                adoption_forms.ConfirmForm,
            ),
            (
                "adoption-record",
                lambda c: f"/preconisations/{c.submitted.pk}/adoption/",
                adoption_forms.RecordForm,
            ),
            (
                "adoption-record-amendment",
                lambda c: f"/preconisations/amendements/{c.amendment_to_vote.pk}/adoption/",
                adoption_forms.RecordForm,
            ),
            (
                "adoption-dissent",
                lambda c: f"/preconisations/adoption/{c.decided.pk}/divergence/",
                adoption_forms.DissentForm,
            ),
        ]
    ],
    # A vote's refusal is a message on the adoption page it goes back to.
    FormPage(
        "adoption-vote",
        "resident",
        lambda c: f"/preconisations/adoption/{c.online_vote.pk}/voter/",
        answers_of(adoption_forms.VoteForm),
        fields_of(adoption_forms.VoteForm),
        form=adoption_forms.VoteForm,
        refused_status=302,
    ),
    # The town hall: the team chooses the delegates; the city team sets the answer deadline.
    *[
        FormPage(name, "staff", path, answers_of(form), fields_of(form), form=form)
        for name, path, form in [
            (
                "delegates-draw",
                lambda c: f"/mairie/ateliers/{c.city_workshop.slug}/delegues/tirage/",
                townhall.DrawForm,
            ),
            (
                "delegates-elect",
                lambda c: f"/mairie/ateliers/{c.city_workshop.slug}/delegues/election/",
                townhall.ElectForm,
            ),
            (
                "answer-deadline",
                lambda c: f"/mairie/ateliers/{c.finished_workshop.slug}/delai/",
                townhall.DeadlineForm,
            ),
        ]
    ],
    # Amendments: a participant (the resident too) proposes; the resident, the author, rejects
    *[
        FormPage(name, who, path, answers_of(form), fields_of(form), form=form)
        for name, who, path, form in [
            (
                "amendment-propose",
                "resident",
                lambda c: f"/preconisations/{c.recommendation.pk}/amender/",
                amendment_forms.AmendmentForm,
            ),
            (
                "amendment-reject",
                "resident",
                lambda c: f"/preconisations/amendements/{c.amendment.pk}/rejeter/",
                amendment_forms.RejectForm,
            ),
        ]
    ],
    FormPage(
        "recommendation-versions",
        None,
        lambda c: f"/preconisations/{c.recommendation.pk}/versions/",
        answers_of(amendment_forms.CompareForm),
        fields_of(amendment_forms.CompareForm),
        form=amendment_forms.CompareForm,
        method="get",
        valid_status=200,
    ),
    FormPage(
        "hide",
        "staff",
        lambda c: f"/debat/contributions/{c.contribution.pk}/moderer/",
        lambda c: {"hide": "1", "hide-reason": "Injure."},
        lambda c: {"hide-reason": ("text", True)},
        form=debate.HideForm,
    ),
    FormPage(
        "restore",
        "staff",
        lambda c: f"/debat/contributions/{c.hidden_contribution.pk}/moderer/",
        lambda c: {"restore": "1", "restore-reason": "Erreur."},
        lambda c: {"restore-reason": ("text", False)},
        form=debate.RestoreForm,
    ),
    FormPage(
        "topic",
        None,
        lambda c: f"/debat/sujets/{c.topic.pk}/",
        answers_of(debate.KindFilter),
        with_page(fields_of(debate.KindFilter)),
        form=debate.KindFilter,
        method="get",
        valid_status=200,
    ),
    # The opinion map: the team of a debating workshop, its participants
    FormPage(
        "conversation-open",
        "staff",
        lambda c: f"/carte-des-avis/atelier/{c.debate_workshop.slug}/nouvelle/",
        answers_of(ConversationForm),
        fields_of(ConversationForm),
        form=ConversationForm,
    ),
    FormPage(
        "polis-import",
        "staff",
        lambda c: f"/carte-des-avis/atelier/{c.debate_workshop.slug}/importer/",
        lambda c: {"file": polis_zip(c), "question": "Une rue scolaire, sur Polis"},
        fields_of(ImportForm),
        form=ImportForm,
    ),
    FormPage(
        "statement-write",
        "resident",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/proposer/",
        answers_of(StatementForm),
        fields_of(StatementForm),
        form=StatementForm,
    ),
    FormPage(
        "vote",
        "resident",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/voter/",
        answers_of(VoteForm),
        fields_of(VoteForm),
        form=VoteForm,
        # A refused vote goes back to the statement with a message.
        refused_status=302,
    ),
    FormPage(
        "statement-review",
        "staff",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/moderation/",
        answers_of(ReviewForm),
        fields_of(ReviewForm),
        form=ReviewForm,
    ),
    # Trainings: the city's team, a workshop's team, a council's president
    FormPage(
        "training-create",
        "staff",
        lambda c: "/formations/nouvelle/",
        answers_of(TrainingForm),
        fields_of(TrainingForm),
        form=TrainingForm,
    ),
    FormPage(
        "training-edit",
        "staff",
        lambda c: f"/formations/{c.training.slug}/modifier/",
        answers_of(TrainingForm),
        fields_of(TrainingForm),
        form=TrainingForm,
    ),
    FormPage(
        "session-create",
        "staff",
        lambda c: f"/formations/{c.training.slug}/seances/nouvelle/",
        answers_of(SessionForm),
        fields_of(SessionForm),
        form=SessionForm,
    ),
    FormPage(
        "session-edit",
        "staff",
        lambda c: f"/formations/seances/{c.session.pk}/modifier/",
        answers_of(SessionForm),
        fields_of(SessionForm),
        form=SessionForm,
    ),
    FormPage(
        "session-cancel",
        "staff",
        lambda c: f"/formations/seances/{c.session.pk}/annuler/",
        answers_of(SessionCancelForm),
        fields_of(SessionCancelForm),
        form=SessionCancelForm,
    ),
    FormPage(
        "attendance",
        "staff",
        lambda c: f"/formations/seances/{c.past_session.pk}/presences/",
        lambda c: {"attended": [c.resident.pk]},
        lambda c: fields_of(AttendanceForm)(c),
        form=AttendanceForm,
    ),
    FormPage(
        "recommend-for-workshop",
        "facilitator",
        lambda c: f"/formations/atelier/{c.open_workshop.slug}/recommander/",
        answers_of(RecommendForm),
        fields_of(RecommendForm),
        form=RecommendForm,
    ),
    FormPage(
        "recommend-for-council",
        "president",
        lambda c: f"/formations/conseil/{c.council.slug}/recommander/",
        answers_of(RecommendForm),
        fields_of(RecommendForm),
        form=RecommendForm,
    ),
    # Searches, filters and pages of lists (GET)
    FormPage(
        "person-search",
        "staff",
        lambda c: f"{COUNCIL.format(c)}mandats/",
        answers_of(PersonSearchForm),
        fields_of(PersonSearchForm),
        form=PersonSearchForm,
        method="get",
        valid_status=200,
    ),
    FormPage(
        "workshop-list",
        None,
        lambda c: "/ateliers/",
        answers_of(WorkshopFilterForm),
        with_page(fields_of(WorkshopFilterForm)),
        form=WorkshopFilterForm,
        method="get",
        valid_status=200,
    ),
    FormPage(
        "calendar",
        None,
        lambda c: "/agenda/",
        answers_of(CalendarFilters),
        fields_of(CalendarFilters),
        form=CalendarFilters,
        method="get",
        valid_status=200,
    ),
    FormPage(
        "search",
        None,
        lambda c: "/recherche/",
        answers_of(SearchForm),
        with_page(fields_of(SearchForm)),
        form=SearchForm,
        method="get",
        valid_status=200,
    ),
    FormPage(
        "activity-log",
        "staff",
        lambda c: "/activite/",
        answers_of(AuditFilterForm),
        with_page(fields_of(AuditFilterForm)),
        form=AuditFilterForm,
        method="get",
        valid_status=200,
    ),
    *[
        FormPage(name, who, path, nothing, with_page(nothing), method="get", valid_status=200)
        for name, who, path in [
            ("my-workshops", "resident", lambda c: "/ateliers/mes-ateliers/"),
            ("training-catalogue", None, lambda c: "/formations/"),
            ("workshop-meetings", None, lambda c: f"/reunions/atelier/{c.open_workshop.slug}/"),
            ("workshop-documents", None, lambda c: f"/documents/atelier/{c.open_workshop.slug}/"),
            ("council-documents", None, lambda c: f"/documents/conseil/{c.council.slug}/"),
            ("workshop-history", None, lambda c: f"{WORKSHOP.format(c)}historique/"),
            ("contribution", None, lambda c: f"/debat/contributions/{c.contribution.pk}/"),
            (
                "moderation-log",
                None,
                lambda c: f"/debat/atelier/{c.debate_workshop.slug}/moderation/",
            ),
            ("manage", "staff", lambda c: "/ateliers/gestion/"),
            ("participants", "staff", lambda c: f"{WORKSHOP.format(c)}participants/"),
            ("proposals", "staff", lambda c: "/conseils/propositions/"),
            ("my-votes", "resident", lambda c: f"/carte-des-avis/{c.conversation.pk}/mes-votes/"),
        ]
    ],
    # The town hall's bodies, sessions and agendas: the city team manages them.
    *[
        FormPage(name, "staff", path, answers_of(form), fields_of(form), form=form)
        for name, path, form in [
            ("townhall-body-create", lambda c: "/mairie/instances/nouvelle/", bodies.BodyForm),
            ("townhall-body-edit", lambda c: f"{BODY.format(c)}modifier/", bodies.BodyForm),
            ("townhall-members", lambda c: f"{BODY.format(c)}membres/", bodies.MemberForm),
            (
                "townhall-session-create",
                lambda c: f"{BODY.format(c)}seances/nouvelle/",
                bodies.SessionForm,
            ),
            (
                "townhall-session-edit",
                lambda c: f"{SESSION.format(c.townhall_session)}modifier/",
                bodies.SessionForm,
            ),
            (
                "townhall-session-outcome",
                lambda c: f"{SESSION.format(c.townhall_past_session)}compte-rendu/",
                bodies.SessionOutcomeForm,
            ),
            (
                "townhall-item-add",
                lambda c: f"{SESSION.format(c.townhall_session)}ordre-du-jour/ajouter/",
                bodies.ItemForm,
            ),
            (
                "townhall-item-outcome",
                lambda c: (
                    f"{SESSION.format(c.townhall_past_session)}"
                    f"points/{c.townhall_past_item.pk}/issue/"
                ),
                bodies.ItemOutcomeForm,
            ),
        ]
    ],
    FormPage(
        "townhall-body",
        None,
        lambda c: BODY.format(c),
        nothing,
        with_page(nothing),
        method="get",
        valid_status=200,
    ),
]

# Pages that take a POST with no field: a confirmation, whose only answer is the button.
NO_FORM_DATA = {
    "workshops:leave",
    "workshops:publish",
    "workshops:archive",
    "councils:mandate_delete",
    "proposals:accept",
    "proposals:decline",
    "trainings:register",
    "trainings:cancel",
    "meetings:register",
    "meetings:cancel_registration",
    "site:my_calendar",
    "debate:delete",
    "recommendations:support",
    "recommendations:withdraw",
    "recommendations:amendment_accept",
    "recommendations:amendment_put_to_vote",
    "recommendations:make_dossier",
    "townhall:member_remove",
    "townhall:session_cancel",
    "townhall:item_up",
    "townhall:item_down",
    "townhall:item_remove",
    "townhall:volunteer",
    "townhall:volunteer_withdraw",
    # The team opens the questionnaire with a plain button (its page is the confirmation).
    "evaluations:questionnaire_open",
}
# A base class: its one field reaches the pages through ProposalForm and WorkshopForm.
NOT_ON_A_PAGE_ITSELF = {SubmitOnceForm}
# The two halves of DocumentForm (VersionForm and the details page use them too).
NOT_ON_A_PAGE_ITSELF |= {ContentForm}
# The neighbourhood and theme filters, on the pages through the workshops' and the follow-up's.
NOT_ON_A_PAGE_ITSELF |= {PlaceFilterForm}

# The follow-up of the recommendations and the councils' submissions (townhall).
from .townhall.hostile_followup import followup_form_pages  # noqa: E402

FORM_PAGES += followup_form_pages(FormPage, answers_of, fields_of, with_page)

# The evaluations' questionnaire, answered by an invited participant.
from .evaluations.questionnaire_data import questionnaire_form_pages  # noqa: E402

FORM_PAGES += questionnaire_form_pages(FormPage, answers_of, fields_of)

# The facilitators' evaluation of a workshop (evaluations).
from .evaluations import hostile_evaluation  # noqa: E402

FORM_PAGES += hostile_evaluation.evaluation_form_pages(FormPage, answers_of, fields_of)
NO_FORM_DATA |= hostile_evaluation.NO_FORM_DATA

# Following, and the notifications' settings (notifications).
from .notifications import hostile_notifications  # noqa: E402

FORM_PAGES += hostile_notifications.notification_form_pages(FormPage, answers_of, fields_of)
NO_FORM_DATA |= hostile_notifications.NO_FORM_DATA
