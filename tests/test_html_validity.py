"""Every page is valid HTML, as the W3C's Nu HTML Checker reads it (RGAA criterion 8.2).

The pages are rendered by Django's test client for the people who see them — public pages,
pages of residents, council presidents, facilitators and city staff, forms showing their
errors, error pages — written to a folder, and checked in one run of the checker.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.lifecycle import phase_field_name

from . import nu_checker
from .ci import require
from .city import City, build_city
from .factories import DAY
from .workshops.manage_data import as_input

pytestmark = [pytest.mark.html, pytest.mark.urls("tests.core.error_urls")]


@dataclass(frozen=True)
class Page:
    name: str  # the file's name, and how a failure names the page
    who: str | None  # a person of City, or None for a visitor
    path: Callable[[City], str]
    data: Callable[[City], dict] | None = None  # POSTed when given
    status: int = 200
    headers: dict = field(default_factory=dict)


def unsubscribe_page(city: City) -> str:
    from ateliers.notifications.delivery import unsubscribe_token

    return f"/notifications/desabonnement/{unsubscribe_token(city.resident.pk, 'reply')}/"


def workshop_path(attribute: str, suffix: str = "") -> Callable[[City], str]:
    return lambda city: f"/ateliers/{getattr(city, attribute).slug}/{suffix}"


def council_path(suffix: str = "") -> Callable[[City], str]:
    return lambda city: f"/conseils/{city.council.slug}/{suffix}"


def span_data(city: City) -> dict:
    """The workshop form sent with "Compute the phases": it comes back with ten dates."""
    start = timezone.localtime() + 30 * DAY
    return {
        "kind": "neighbourhood",
        "title": "Un marché couvert",
        "span_starts_at": as_input(start),
        "span_ends_at": as_input(start + 50 * DAY),
        "prefill": "1",
    }


def phases_out_of_order(city: City) -> dict:
    start = timezone.localtime() + 30 * DAY
    data = {"kind": "neighbourhood", "title": "Un marché couvert", "capacity": "0"}
    data[phase_field_name(PhaseKind.COMMUNICATION, "starts_at")] = as_input(start)
    data[phase_field_name(PhaseKind.COMMUNICATION, "ends_at")] = as_input(start - DAY)
    return data


PAGES = [
    # Anyone
    Page("home", None, lambda c: "/"),
    Page("workshop-list", None, lambda c: "/ateliers/"),
    Page(
        "workshop-list-filtered",
        None,
        lambda c: "/ateliers/?kind=neighbourhood&neighbourhood=centre-ville&theme=nature&phase=1",
    ),
    Page("workshop-list-page-2", None, lambda c: "/ateliers/?page=2"),
    Page("workshop-list-empty", None, lambda c: "/ateliers/?neighbourhood=coteaux"),
    Page("workshop-list-unknown-filter", None, lambda c: "/ateliers/?neighbourhood=nulle-part"),
    Page("workshop-communication", None, workshop_path("open_workshop")),
    Page("workshop-debate", None, workshop_path("debate_workshop")),
    Page("workshop-city-recommendations", None, workshop_path("city_workshop")),
    Page("workshop-upcoming", None, workshop_path("upcoming_workshop")),
    Page("workshop-finished", None, workshop_path("finished_workshop")),
    Page("workshop-archived", None, workshop_path("archived_workshop")),
    Page("workshop-history", None, workshop_path("open_workshop", "historique/")),
    Page("workshop-history-archived", None, workshop_path("archived_workshop", "historique/")),
    Page("council-list", None, lambda c: "/conseils/"),
    Page("council", None, council_path()),
    Page("council-without-members", None, lambda c: "/conseils/jeunes/"),
    Page("login", None, lambda c: "/compte/login/"),
    Page("login-errors", None, lambda c: "/compte/login/", lambda c: {"login": "x"}),
    Page("signup", None, lambda c: "/compte/signup/"),
    Page(
        "signup-errors",
        None,
        lambda c: "/compte/signup/",
        lambda c: {"email": "pas-une-adresse", "password1": "a", "display_name": "\u200b"},
    ),
    Page("password-reset", None, lambda c: "/compte/password/reset/"),
    Page(
        "password-reset-errors",
        None,
        lambda c: "/compte/password/reset/",
        lambda c: {"email": "pas-une-adresse"},
    ),
    Page("password-reset-done", None, lambda c: "/compte/password/reset/done/"),
    Page("verification-sent", None, lambda c: "/compte/confirm-email/"),
    Page("not-found", None, lambda c: "/cette-page-n-existe-pas/", status=404),
    Page("server-error", None, lambda c: "/test-erreur/", status=500),
    # Residents
    Page("home-resident", "resident", lambda c: "/"),
    Page("workshop-participant", "resident", workshop_path("open_workshop")),
    Page("workshop-debate-participant", "resident", workshop_path("debate_workshop")),
    Page("my-workshops", "resident", lambda c: "/ateliers/mes-ateliers/"),
    Page("leave", "resident", workshop_path("open_workshop", "quitter/")),
    Page("join", "facilitator", workshop_path("open_workshop", "participer/")),
    Page(
        "join-errors",
        "facilitator",
        workshop_path("open_workshop", "participer/"),
        lambda c: {"capacity": "association", "association_name": "\u202eevil"},
    ),
    Page("profile", "resident", lambda c: "/compte/profil/"),
    Page("profile-errors", "resident", lambda c: "/compte/profil/", lambda c: {"display_name": ""}),
    Page("email", "resident", lambda c: "/compte/email/"),
    Page(
        "email-errors",
        "resident",
        lambda c: "/compte/email/",
        lambda c: {"action_add": "", "email": "pas-une-adresse"},
    ),
    Page(
        "email-remove-confirm",
        "resident",
        lambda c: "/compte/adresses/retirer/",
        lambda c: {"email": c.resident.email},
    ),
    Page("password-change", "resident", lambda c: "/compte/password/change/"),
    Page(
        "password-change-errors",
        "resident",
        lambda c: "/compte/password/change/",
        lambda c: {"oldpassword": "faux", "password1": "a", "password2": "b"},
    ),
    Page("logout", "resident", lambda c: "/compte/logout/"),
    Page("forbidden", "resident", lambda c: "/ateliers/gestion/", status=403),
    # A council's president
    Page("proposal-form", "president", council_path("proposer-un-atelier/")),
    Page(
        "proposal-form-errors",
        "president",
        council_path("proposer-un-atelier/"),
        lambda c: {"kind": "neighbourhood", "themes": ["9223372036854775808"]},
    ),
    # Facilitators
    Page("manage-facilitator", "facilitator", lambda c: "/ateliers/gestion/"),
    Page("workshop-edit-facilitator", "facilitator", workshop_path("draft_workshop", "modifier/")),
    # City staff
    Page("manage", "staff", lambda c: "/ateliers/gestion/"),
    Page("workshop-create", "staff", lambda c: "/ateliers/nouveau/"),
    Page("workshop-create-errors", "staff", lambda c: "/ateliers/nouveau/", lambda c: {}),
    Page("workshop-create-phases-computed", "staff", lambda c: "/ateliers/nouveau/", span_data),
    Page(
        "workshop-create-phase-errors", "staff", lambda c: "/ateliers/nouveau/", phases_out_of_order
    ),
    Page("workshop-draft", "staff", workshop_path("draft_workshop")),
    Page("workshop-edit", "staff", workshop_path("open_workshop", "modifier/")),
    Page(
        "workshop-edit-errors",
        "staff",
        workshop_path("open_workshop", "modifier/"),
        lambda c: {"kind": "city", "capacity": "1", "title": "\u200b\u200b"},
    ),
    Page("workshop-publish", "staff", workshop_path("draft_workshop", "publier/")),
    Page("workshop-publish-incomplete", "staff", workshop_path("incomplete_draft", "publier/")),
    Page("workshop-archive", "staff", workshop_path("open_workshop", "archiver/")),
    Page("participants", "staff", workshop_path("open_workshop", "participants/")),
    Page("council-staff", "staff", council_path()),
    Page("council-create", "staff", lambda c: "/conseils/nouveau/"),
    Page("council-create-errors", "staff", lambda c: "/conseils/nouveau/", lambda c: {}),
    Page("council-edit", "staff", council_path("modifier/")),
    Page(
        "council-edit-errors",
        "staff",
        council_path("modifier/"),
        lambda c: {"kind": "neighbourhood", "name": "Conseil", "neighbourhood": ""},
    ),
    Page("mandates", "staff", council_path("mandats/")),
    Page("mandates-search", "staff", lambda c: f"/conseils/{c.council.slug}/mandats/?personne=a"),
    Page(
        "mandates-errors",
        "staff",
        council_path("mandats/"),
        lambda c: {"personne": "Alice", "role": "member", "starts_on": "0001-01-01"},
    ),
    Page("mandate-edit", "staff", lambda c: f"{council_path('mandats/')(c)}{c.mandate.pk}/"),
    Page(
        "mandate-edit-errors",
        "staff",
        lambda c: f"{council_path('mandats/')(c)}{c.mandate.pk}/",
        lambda c: {"role": "member", "starts_on": "2026-03-01", "ends_on": "2025-03-01"},
    ),
    Page(
        "mandate-delete",
        "staff",
        lambda c: f"{council_path('mandats/')(c)}{c.mandate.pk}/supprimer/",
    ),
    Page("proposals", "staff", lambda c: "/conseils/propositions/"),
    Page("proposal-review", "staff", lambda c: f"/conseils/propositions/{c.proposal.pk}/"),
    Page("proposal-decline", "staff", lambda c: f"/conseils/propositions/{c.proposal.pk}/refuser/"),
    Page(
        "method-not-allowed",
        "staff",
        lambda c: f"/conseils/propositions/{c.proposal.pk}/accepter/",
        status=405,
    ),
    Page("document", None, lambda c: c.document.get_absolute_url()),
    Page("document-for-its-team", "facilitator", lambda c: c.document.get_absolute_url()),
    Page("workshop-documents", None, lambda c: f"/documents/atelier/{c.open_workshop.slug}/"),
    Page("council-documents", None, lambda c: f"/documents/conseil/{c.council.slug}/"),
    Page(
        "document-add",
        "facilitator",
        lambda c: f"/documents/atelier/{c.open_workshop.slug}/ajouter/",
    ),
    Page(
        "document-add-errors",
        "facilitator",
        lambda c: f"/documents/atelier/{c.open_workshop.slug}/ajouter/",
        lambda c: {"title": "", "category": "budget"},
    ),
    Page(
        "document-version", "facilitator", lambda c: f"/documents/{c.document.pk}/nouvelle-version/"
    ),
    Page("document-details", "facilitator", lambda c: f"/documents/{c.document.pk}/modifier/"),
    Page("training-catalogue", None, lambda c: "/formations/"),
    Page("training", "resident", lambda c: c.training.get_absolute_url()),
    Page("training-session", "resident", lambda c: c.session.get_absolute_url()),
    Page("training-session-for-staff", "staff", lambda c: c.session.get_absolute_url()),
    Page(
        "training-register", "elected", lambda c: f"/formations/seances/{c.session.pk}/inscription/"
    ),
    Page("my-trainings", "resident", lambda c: "/formations/mes-formations/"),
    Page("session-edit", "staff", lambda c: f"/formations/seances/{c.session.pk}/modifier/"),
    Page("session-cancel", "staff", lambda c: f"/formations/seances/{c.session.pk}/annuler/"),
    Page("attendance", "staff", lambda c: f"/formations/seances/{c.past_session.pk}/presences/"),
    Page("training-create", "staff", lambda c: "/formations/nouvelle/"),
    Page(
        "session-create-errors",
        "staff",
        lambda c: f"/formations/{c.training.slug}/seances/nouvelle/",
        lambda c: {"starts_at": "2020-01-01T10:00", "duration_minutes": "5", "capacity": "0"},
    ),
    Page(
        "recommend",
        "facilitator",
        lambda c: f"/formations/atelier/{c.open_workshop.slug}/recommander/",
    ),
    Page("meeting", None, lambda c: c.meeting.get_absolute_url()),
    Page("meeting-for-its-team", "facilitator", lambda c: c.meeting.get_absolute_url()),
    Page("meeting-registered", "resident", lambda c: c.meeting.get_absolute_url()),
    Page("meeting-register", "elected", lambda c: f"/reunions/{c.meeting.pk}/inscription/"),
    Page(
        "meeting-plan",
        "facilitator",
        lambda c: f"/reunions/atelier/{c.open_workshop.slug}/nouvelle/",
    ),
    Page(
        "meeting-plan-errors",
        "facilitator",
        lambda c: f"/reunions/atelier/{c.open_workshop.slug}/nouvelle/",
        lambda c: {
            "kind": "debate",
            "title": "x",
            "starts_at": "2020-01-01T10:00",
            "ends_at": "2019-01-01T10:00",
        },
    ),
    Page("workshop-meetings", None, lambda c: f"/reunions/atelier/{c.open_workshop.slug}/"),
    Page("meeting-edit", "facilitator", lambda c: f"/reunions/{c.meeting.pk}/modifier/"),
    Page("meeting-cancel", "facilitator", lambda c: f"/reunions/{c.meeting.pk}/annuler/"),
    Page("meeting-close", "facilitator", lambda c: f"/reunions/{c.past_meeting.pk}/cloturer/"),
    # Recommendations
    Page("recommendations", None, lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/"),
    Page(
        "recommendations-for-a-participant",
        "resident",
        lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/",
    ),
    Page(
        "recommendations-empty",
        None,
        lambda c: f"/preconisations/atelier/{c.debate_workshop.slug}/",
    ),
    Page("recommendation", None, lambda c: c.recommendation.get_absolute_url()),
    Page(
        "recommendation-for-its-author", "resident", lambda c: c.recommendation.get_absolute_url()
    ),
    Page(
        "recommendation-draft",
        "resident",
        lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/rediger/",
    ),
    Page(
        "recommendation-draft-errors",
        "resident",
        lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/rediger/",
        lambda c: {"title": "", "text": "", "general_interest": ""},
    ),
    Page(
        "recommendation-edit",
        "resident",
        lambda c: f"/preconisations/{c.recommendation.pk}/modifier/",
    ),
    Page(
        "recommendation-coauthor",
        "resident",
        lambda c: f"/preconisations/{c.recommendation.pk}/co-auteurs/",
    ),
    # The adoption of the recommendations
    *[
        Page(name, who, path)
        for name, who, path in [
            (
                "adoption",
                None,
                lambda c: f"/preconisations/atelier/{c.adoption_workshop.slug}/adoption/",
            ),
            (
                "adoption-for-a-voter",
                "resident",
                lambda c: f"/preconisations/atelier/{c.adoption_workshop.slug}/adoption/",
            ),
            (
                "adoption-for-its-team",
                "staff",
                lambda c: f"/preconisations/atelier/{c.adoption_workshop.slug}/adoption/",
            ),
            (
                "adoption-not-open",
                "staff",
                lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/adoption/",
            ),
            (
                "adoption-open",
                "staff",
                lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/adoption/ouvrir/",
            ),
            ("adoption-record", "staff", lambda c: f"/preconisations/{c.submitted.pk}/adoption/"),
            (
                "adoption-dissent",
                "staff",
                lambda c: f"/preconisations/adoption/{c.decided.pk}/divergence/",
            ),
            ("recommendation-decided", None, lambda c: c.decided.recommendation.get_absolute_url()),
            ("recommendation-frozen", None, lambda c: c.submitted.get_absolute_url()),
        ]
    ],
    Page(
        "adoption-record-errors",
        "staff",
        lambda c: f"/preconisations/{c.submitted.pk}/adoption/",
        lambda c: {"method": "meeting_vote", "votes_for": "-1", "confirm": ""},
    ),
    # Amendments and versions (the city's recommendation has a pending amendment)
    Page(
        "amendment-propose",
        "resident",
        lambda c: f"/preconisations/{c.recommendation.pk}/amender/",
    ),
    Page(
        "amendment-propose-errors",
        "resident",
        lambda c: f"/preconisations/{c.recommendation.pk}/amender/",
        lambda c: {"text": "", "reason": ""},
    ),
    Page(
        "amendment-accept",
        "resident",
        lambda c: f"/preconisations/amendements/{c.amendment.pk}/accepter/",
    ),
    Page(
        "amendment-reject",
        "resident",
        lambda c: f"/preconisations/amendements/{c.amendment.pk}/rejeter/",
    ),
    Page("amendments", None, lambda c: f"/preconisations/{c.recommendation.pk}/amendements/"),
    Page(
        "recommendation-versions",
        None,
        lambda c: f"/preconisations/{c.recommendation.pk}/versions/",
    ),
    # The workshop's dossier for the town hall
    Page("dossier", None, lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/dossier/"),
    Page(
        "dossier-for-the-city-team",
        "staff",
        lambda c: f"/preconisations/atelier/{c.city_workshop.slug}/dossier/",
    ),
    # The debate
    Page("workshop-page-in-debate", None, lambda c: c.debate_workshop.get_absolute_url()),
    Page("debate", None, lambda c: f"/debat/atelier/{c.debate_workshop.slug}/"),
    Page("debate-for-its-team", "staff", lambda c: f"/debat/atelier/{c.debate_workshop.slug}/"),
    Page("topic", None, lambda c: c.topic.get_absolute_url()),
    Page("topic-for-a-participant", "resident", lambda c: c.topic.get_absolute_url()),
    Page("topic-for-its-team", "staff", lambda c: c.topic.get_absolute_url()),
    Page("topic-questions", None, lambda c: f"{c.topic.get_absolute_url()}?sorte=question"),
    Page("topic-columns", None, lambda c: f"/debat/sujets/{c.topic.pk}/pour-et-contre/"),
    Page("contribution", "resident", lambda c: c.contribution.get_absolute_url()),
    Page("contribution-hidden", "resident", lambda c: c.hidden_contribution.get_absolute_url()),
    Page(
        "contribute-errors",
        "resident",
        lambda c: f"/debat/sujets/{c.topic.pk}/contribuer/",
        lambda c: {"kind": "", "text": ""},
    ),
    Page("reply", "resident", lambda c: f"/debat/contributions/{c.contribution.pk}/repondre/"),
    Page("edit", "resident", lambda c: f"/debat/contributions/{c.contribution.pk}/modifier/"),
    Page("delete", "resident", lambda c: f"/debat/contributions/{c.contribution.pk}/supprimer/"),
    Page("report", "president", lambda c: f"/debat/contributions/{c.contribution.pk}/signaler/"),
    Page(
        "review", "resident", lambda c: f"/debat/contributions/{c.hidden_contribution.pk}/reexamen/"
    ),
    Page("moderate", "staff", lambda c: f"/debat/contributions/{c.contribution.pk}/moderer/"),
    Page(
        "moderate-hidden",
        "staff",
        lambda c: f"/debat/contributions/{c.hidden_contribution.pk}/moderer/",
    ),
    Page(
        "moderation-queue", "staff", lambda c: f"/debat/atelier/{c.debate_workshop.slug}/a-moderer/"
    ),
    Page("moderation-log", None, lambda c: f"/debat/atelier/{c.debate_workshop.slug}/moderation/"),
    Page(
        "topic-open", "staff", lambda c: f"/debat/atelier/{c.debate_workshop.slug}/nouveau-sujet/"
    ),
    Page("synthesis", "staff", lambda c: f"/debat/sujets/{c.topic.pk}/synthese/"),
    Page(
        "polis-import",
        "staff",
        lambda c: f"/carte-des-avis/atelier/{c.debate_workshop.slug}/importer/",
    ),
    Page("topic-close", "staff", lambda c: f"/debat/sujets/{c.topic.pk}/cloturer/"),
    Page("conversation", None, lambda c: c.conversation.get_absolute_url()),
    Page("conversation-to-vote", "resident", lambda c: c.conversation.get_absolute_url()),
    Page("conversation-results", None, lambda c: f"/carte-des-avis/{c.conversation.pk}/resultats/"),
    Page(
        "conversation-statements",
        None,
        lambda c: f"/carte-des-avis/{c.conversation.pk}/propositions/",
    ),
    Page(
        "conversation-statement",
        None,
        lambda c: reverse(
            "opinions:statement",
            args=[
                c.conversation.pk,
                c.conversation.statements.filter(status="accepted")
                .order_by("position")[0]
                .position,
            ],
        ),
    ),
    Page(
        "conversation-results-team",
        "staff",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/resultats/",
    ),
    Page(
        "conversation-my-votes",
        "resident",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/mes-votes/",
    ),
    Page("statement-write", "resident", lambda c: f"/carte-des-avis/{c.conversation.pk}/proposer/"),
    Page(
        "statement-write-errors",
        "resident",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/proposer/",
        lambda c: {"text": "x" * 141},
    ),
    Page("statement-review", "staff", lambda c: f"/carte-des-avis/{c.conversation.pk}/moderation/"),
    Page(
        "statement-review-errors",
        "staff",
        lambda c: f"/carte-des-avis/{c.conversation.pk}/moderation/",
        lambda c: {"statement": c.pending_statement.pk, "decision": "reject", "reason": ""},
    ),
    Page(
        "conversation-open",
        "staff",
        lambda c: f"/carte-des-avis/atelier/{c.debate_workshop.slug}/nouvelle/",
    ),
    Page("workshop-with-conversation", "staff", workshop_path("debate_workshop")),
    Page("calendar", None, lambda c: "/agenda/"),
    Page("calendar-of-a-workshop", None, lambda c: f"/agenda/?atelier={c.open_workshop.slug}"),
    Page("my-calendar", "resident", lambda c: "/agenda/mon-agenda/"),
    Page("my-data", "resident", lambda c: "/compte/mes-donnees/"),
    Page("second-factor", "staff", lambda c: "/compte/2fa/"),
    # Following and notifications
    Page("notifications", "resident", lambda c: "/notifications/"),
    Page("notification-settings", "resident", lambda c: "/notifications/reglages/"),
    Page("unsubscribe", None, lambda c: unsubscribe_page(c)),
    Page("workshop-followed", "resident", lambda c: f"/ateliers/{c.open_workshop.slug}/"),
    Page("delete-account", "resident", lambda c: "/compte/supprimer/"),
    Page(
        "delete-account-errors",
        "resident",
        lambda c: "/compte/supprimer/",
        lambda c: {"password": "x"},
    ),
    Page("activity-log", "staff", lambda c: "/activite/"),
    # The pages every footer links to
    Page("legal-notice", None, lambda c: "/mentions-legales/"),
    Page("privacy", None, lambda c: "/donnees-personnelles/"),
    Page("accessibility-statement", None, lambda c: "/accessibilite/"),
    Page("open-data", None, lambda c: "/donnees-ouvertes/"),
    Page("api-docs", None, lambda c: "/api/v1/docs"),
    # The neighbourhoods, and the home page that starts with the person's own
    Page("neighbourhoods", None, lambda c: "/quartiers/"),
    Page("neighbourhood", None, lambda c: "/quartiers/centre-ville/"),
    Page("neighbourhood-empty", None, lambda c: "/quartiers/coteaux/"),
    Page("home-with-my-neighbourhood", "resident", lambda c: "/"),
    Page("activity-log-filtered", "staff", lambda c: "/activite/?verb=mandate.created"),
    # The town hall's bodies, sessions and agendas
    Page("townhall-bodies", None, lambda c: "/mairie/"),
    Page("townhall-bodies-staff", "staff", lambda c: "/mairie/"),
    Page("townhall-body", None, lambda c: f"/mairie/{c.townhall_body.slug}/"),
    Page("townhall-body-staff", "staff", lambda c: f"/mairie/{c.townhall_body.slug}/"),
    Page("townhall-session", None, lambda c: c.townhall_session.get_absolute_url()),
    Page("townhall-session-staff", "staff", lambda c: c.townhall_session.get_absolute_url()),
    Page(
        "townhall-past-session-staff", "staff", lambda c: c.townhall_past_session.get_absolute_url()
    ),
    Page("townhall-body-create", "staff", lambda c: "/mairie/instances/nouvelle/"),
    Page("townhall-body-edit", "staff", lambda c: f"/mairie/{c.townhall_body.slug}/modifier/"),
    Page("townhall-members", "staff", lambda c: f"/mairie/{c.townhall_body.slug}/membres/"),
    Page(
        "townhall-members-errors",
        "staff",
        lambda c: f"/mairie/{c.townhall_body.slug}/membres/",
        lambda c: {"name": "Alice Habitante", "capacity": "resident", "role": "member"},
    ),
    Page(
        "townhall-member-remove",
        "staff",
        lambda c: f"/mairie/{c.townhall_body.slug}/membres/{c.townhall_member.pk}/retirer/",
    ),
    Page(
        "townhall-session-create",
        "staff",
        lambda c: f"/mairie/{c.townhall_body.slug}/seances/nouvelle/",
    ),
    Page(
        "townhall-session-edit",
        "staff",
        lambda c: f"{c.townhall_session.get_absolute_url()}modifier/",
    ),
    Page(
        "townhall-session-cancel",
        "staff",
        lambda c: f"{c.townhall_session.get_absolute_url()}annuler/",
    ),
    Page(
        "townhall-session-outcome",
        "staff",
        lambda c: f"{c.townhall_past_session.get_absolute_url()}compte-rendu/",
    ),
    Page(
        "townhall-item-add-errors",
        "staff",
        lambda c: f"{c.townhall_session.get_absolute_url()}ordre-du-jour/ajouter/",
        lambda c: {"kind": "dossier"},
    ),
    Page(
        "townhall-item-remove",
        "staff",
        lambda c: f"{c.townhall_session.get_absolute_url()}points/{c.townhall_item.pk}/retirer/",
    ),
    Page(
        "townhall-item-outcome-errors",
        "staff",
        lambda c: (
            f"{c.townhall_past_session.get_absolute_url()}points/{c.townhall_past_item.pk}/issue/"
        ),
        lambda c: {"outcome": "Avis.", "deliberation_number": "12"},
    ),
    # What the city learns from its workshops (evaluations; with answers: tests/evaluations)
    Page("evaluations-city", None, lambda c: "/evaluations/"),
    Page("evaluations-city-staff", "staff", lambda c: "/evaluations/"),
]

# The evaluations' questionnaire (tests/evaluations/questionnaire_data.py).
from .evaluations.questionnaire_data import questionnaire_html_pages  # noqa: E402

PAGES += questionnaire_html_pages(Page)

# A document the checker must find fault with: proof that it ran and that its report is read.
BROKEN_DOCUMENT = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>x</title></head>'
    "<body><p>unclosed<div></p></body></html>"
)


def render(city: City, page: Page) -> tuple[int, str]:
    client = Client(raise_request_exception=False)
    if page.who is not None:
        client.force_login(getattr(city, page.who))
    if page.data is None:
        response = client.get(page.path(city))
    else:
        response = client.post(page.path(city), page.data(city))
    return response.status_code, response.content.decode()


def describe(problem: nu_checker.Problem, paths: dict[str, str]) -> str:
    where = paths.get(problem.file.stem, str(problem.file))
    extract = " ".join(problem.extract.split())
    return f"{problem.file.stem} ({where}), line {problem.line}: {problem.message}\n    {extract}"


def test_every_page_is_valid_html(db, tmp_path: Path, settings):
    missing = nu_checker.missing_tool()
    require(missing is None, missing or "")
    # Short pages, so that lists show their pagination.
    settings.ATELIERS_PAGE_SIZE = 3
    city = build_city()
    files, paths, wrong_status = [], {}, []
    for page in PAGES:
        status, html = render(city, page)
        method = "GET" if page.data is None else "POST"
        paths[page.name] = f"{method} {page.path(city)}"
        if status != page.status:
            wrong_status.append(f"{page.name}: {paths[page.name]} answered {status}")
            continue
        files.append(tmp_path / f"{page.name}.html")
        files[-1].write_text(html, encoding="utf-8")
    assert not wrong_status, "pages not shown as expected:\n" + "\n".join(wrong_status)
    broken = tmp_path / "checker-self-test.html"
    broken.write_text(BROKEN_DOCUMENT, encoding="utf-8")

    problems = nu_checker.check([*files, broken])

    assert any(problem.file == broken for problem in problems), (
        "the HTML checker found nothing wrong in a broken document: its report was not read"
    )
    errors = [describe(problem, paths) for problem in problems if problem.file != broken]
    assert not errors, f"{len(errors)} HTML error(s) in {len(files)} pages:\n" + "\n".join(errors)


# The facilitators' evaluation of a workshop (evaluations).
from .evaluations.hostile_evaluation import evaluation_pages  # noqa: E402

PAGES += evaluation_pages(Page)
