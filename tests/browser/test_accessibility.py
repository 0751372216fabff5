"""Every page of the foundation passes axe-core (WCAG 2.1 A and AA) in Chromium, with a clean
console (so no inline style or script was refused by the CSP), for the person who sees it."""

import datetime
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve
from django.utils import timezone

from ateliers.core.models import Role
from ateliers.councils.models import Mandate
from ateliers.debate import services as debate_services
from ateliers.documents.models import Category
from ateliers.meetings import services as meeting_services
from ateliers.meetings.models import AgendaItem
from ateliers.opinions import services as opinion_services
from ateliers.proposals.models import WorkshopProposal
from ateliers.recommendations import services as recommendation_services
from ateliers.trainings import services as training_services
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    CouncilFactory,
    DocumentFactory,
    MandateFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    ThemeFactory,
    TrainingFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)

from .conftest import (
    assert_accessible,
    assert_no_console_errors,
    check_page,
    committed_for_the_module,
    log_in,
)

pytestmark = pytest.mark.browser


@dataclass
class Demo:
    """A small city: what the demo shows, enough for every page to have content."""

    resident: object
    staff: object
    president: object
    open_workshop: Workshop  # communication phase: people can join
    debate_workshop: Workshop
    draft_workshop: Workshop
    council: object
    proposal: WorkshopProposal
    document: object
    session: object
    past_session: object
    meeting: object
    topic: object
    contribution: object
    hidden_contribution: object
    conversation: object
    recommendation: object  # of the city workshop, in its recommendations phase


def _debate(workshop, *, resident, elected, staff):
    """A topic of the debate workshop: a contribution of each kind, replies, a synthesis,
    and one contribution hidden by moderation."""
    topic = debate_services.topic_open(
        workshop=workshop, title="Sécurité des enfants", description="Comment venir ?", by=staff
    )
    first = None
    for kind, text in [
        ("for", "Fermer la rue à **8 h 20**."),
        ("against", "Les livraisons seront bloquées."),
        ("question", "Et les riverains ?"),
        ("remark", "- Un plot\n- Un panneau"),
    ]:
        contribution = debate_services.contribution_post(
            topic=topic, kind=kind, text=text, by=resident
        )
        first = first or contribution
    debate_services.contribution_reply(parent=first, text="D'accord.", by=staff)
    hidden = debate_services.contribution_post(
        topic=topic, kind="remark", text="Hors sujet.", by=resident
    )
    debate_services.contribution_hide(contribution=hidden, reason="Sans rapport.", by=staff)
    debate_services.contribution_report(contribution=first, reason="spam", details="", by=elected)
    debate_services.topic_set_synthesis(topic=topic, synthesis="Deux avis.", by=staff)
    return topic, first, hidden


def opinion_map(workshop, staff, resident):
    """A conversation of the debating workshop with two opinion groups and its map."""
    conversation = opinion_services.conversation_open(
        workshop=workshop,
        by=staff,
        question="Faut-il fermer l'avenue Jaurès aux voitures à l'heure de l'école ?",
        review="before",
        seeds=[f"Proposition numéro {n} pour la rue." for n in range(1, 11)],
    )
    statements = list(conversation.statements.order_by("position"))
    for index, person in enumerate(UserFactory.create_batch(12)):
        for number, statement in enumerate(statements):
            opinion_services.vote_cast(
                conversation=conversation,
                statement_id=statement.pk,
                user=person,
                value=0 if number == index % 10 else (1 if (index < 6) == (number < 5) else -1),
            )
    opinion_services.vote_cast(
        conversation=conversation, statement_id=statements[0].pk, user=resident, value=1
    )
    opinion_services.statement_submit(
        conversation=conversation, by=resident, text="Un policier municipal le matin."
    )
    opinion_services.map_compute(conversation_id=conversation.pk, force=True)
    return conversation


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[Demo]:
    """The small city, built once for the module: its tests only read it."""
    with committed_for_the_module(django_db_blocker):
        yield _small_city()


@pytest.fixture
def transactional_db(demo, django_db_blocker):
    """pytest-django's, replaced in this module: the live server reads the module's city,
    which no test here changes, instead of a database emptied after each test."""
    with django_db_blocker.unblock():
        yield


def _small_city() -> Demo:
    centre, gare, _quiet = (
        NeighbourhoodFactory(name="Centre-ville", slug="centre-ville"),
        NeighbourhoodFactory(name="Quartier de la Gare", slug="gare"),
        NeighbourhoodFactory(name="Les Coteaux", slug="coteaux"),
    )
    mobility, greenery = (
        ThemeFactory(name="Mobilités", slug="mobilites"),
        ThemeFactory(name="Nature en ville", slug="nature"),
    )
    resident = UserFactory(role=Role.RESIDENT, display_name="Alice Habitante", neighbourhood=centre)
    staff = UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne")
    elected = UserFactory(role=Role.ELECTED, display_name="Denis Élu")
    president = UserFactory(role=Role.RESIDENT, display_name="Gaëlle Présidente")

    open_workshop = WorkshopFactory(
        title="Réaménager la place du marché", neighbourhood=centre, capacity=30
    )
    open_workshop.themes.add(greenery)
    debate_workshop = WorkshopFactory(
        title="Une rue scolaire avenue Jaurès",
        slug="rue-scolaire",
        neighbourhood=gare,
        phase=PhaseKind.DEBATE,
    )
    debate_workshop.themes.add(mobility)
    city_workshop = WorkshopFactory(
        title="Plan vélo de la ville",
        kind=Workshop.Kind.CITY,
        neighbourhood=None,
        phase=PhaseKind.RECOMMENDATIONS,
    )
    city_workshop.themes.add(mobility)
    WorkshopFactory(title="Jardin partagé des Tilleuls", neighbourhood=gare, upcoming=True)
    WorkshopFactory(title="Éclairage du parc", neighbourhood=centre, finished=True)
    draft_workshop = WorkshopFactory(
        title="Cour d'école oasis", neighbourhood=centre, status=Workshop.Status.DRAFT
    )
    for person, workshop, capacity in [
        (resident, open_workshop, "resident"),
        (elected, open_workshop, "elected"),
        (resident, debate_workshop, "resident"),
        (resident, city_workshop, "resident"),
        (elected, city_workshop, "elected"),
    ]:
        ParticipationFactory(user=person, workshop=workshop, capacity=capacity)
    recommendation = recommendation_services.recommendation_draft(
        workshop=city_workshop,
        by=resident,
        title="Des arceaux devant chaque école",
        text="Installer **dix arceaux** devant chaque école.",
        general_interest="Les enfants vont à l'école à vélo en sécurité.",
        cost_note="Environ 2 000 € par école.",
    )
    recommendation_services.support_add(recommendation=recommendation, by=elected)

    council = CouncilFactory(
        name="Conseil de quartier du Centre", slug="cq-centre", neighbourhood=centre
    )
    MandateFactory(council=council, user=president, role=Mandate.Role.PRESIDENT)
    MandateFactory(council=council, user=resident)
    MandateFactory(council=council, user=elected, role=Mandate.Role.SECRETARY)
    CouncilFactory(name="Conseil des jeunes", slug="jeunes", kind="youth", neighbourhood=None)
    proposal = WorkshopProposal.objects.create(
        council=council,
        kind="neighbourhood",
        title="Des bancs rue Victor-Hugo",
        rationale="Les personnes âgées n'ont nulle part où s'asseoir.",
        objective="Dix bancs installés.",
        neighbourhood=centre,
        submitted_by=president,
    )
    document = DocumentFactory(
        workshop=open_workshop, title="Plan de la place", category=Category.SITE_FACTS, pdf=True
    )
    DocumentFactory(workshop=open_workshop, title="Budget prévisionnel", category=Category.BUDGET)
    DocumentFactory(
        council=council, workshop=None, title="Compte rendu de mars", category=Category.MINUTES
    )
    session = TrainingSessionFactory(
        training=TrainingFactory(title="Lire un plan d'urbanisme"), capacity=1
    )
    session.training.recommended_for.add(open_workshop)
    training_services.session_register(session=session, user=resident)
    training_services.session_register(session=session, user=elected)
    last_week = timezone.now() - datetime.timedelta(days=7)
    past_session = TrainingSessionFactory(
        training=session.training,
        starts_at=last_week,
        ends_at=last_week + datetime.timedelta(hours=2),
    )
    training_services.session_register(
        session=past_session, user=resident, now=last_week - datetime.timedelta(days=7)
    )
    training_services.attendance_record(session=past_session, by=staff, attended=[resident.pk])
    meeting = MeetingFactory(
        workshop=open_workshop,
        title="Visite de la place",
        description="Une **visite** des lieux.",
        registration_required=True,
        capacity=1,
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Accueil")
    meeting_services.meeting_register(meeting=meeting, user=resident)
    meeting_services.meeting_register(meeting=meeting, user=elected)
    topic, contribution, hidden = _debate(
        debate_workshop, resident=resident, elected=elected, staff=staff
    )
    return Demo(
        resident,
        staff,
        president,
        open_workshop,
        debate_workshop,
        draft_workshop,
        council,
        proposal,
        document,
        session,
        past_session,
        meeting,
        topic,
        contribution,
        hidden,
        opinion_map(debate_workshop, staff, resident),
        recommendation,
    )


# (page id, who is logged in, path given the demo data, expected HTTP status)
PAGES = [
    ("home", None, lambda d: "/", 200),
    ("home-resident", "resident", lambda d: "/", 200),
    ("workshop-list", None, lambda d: "/ateliers/", 200),
    ("workshop-list-page-2", None, lambda d: "/ateliers/?page=2", 200),
    ("workshop-detail", None, lambda d: d.open_workshop.get_absolute_url(), 200),
    ("workshop-detail-resident", "resident", lambda d: d.open_workshop.get_absolute_url(), 200),
    ("workshop-detail-debate", "resident", lambda d: d.debate_workshop.get_absolute_url(), 200),
    (
        "workshop-detail-recommendations",
        "resident",
        lambda d: d.recommendation.workshop.get_absolute_url(),
        200,
    ),
    (
        "recommendations",
        None,
        lambda d: f"/preconisations/atelier/{d.recommendation.workshop.slug}/",
        200,
    ),
    ("recommendation", "resident", lambda d: d.recommendation.get_absolute_url(), 200),
    (
        "recommendation-draft",
        "resident",
        lambda d: f"/preconisations/atelier/{d.recommendation.workshop.slug}/rediger/",
        200,
    ),
    (
        "recommendation-edit",
        "resident",
        lambda d: f"/preconisations/{d.recommendation.pk}/modifier/",
        200,
    ),
    (
        "recommendation-versions",
        None,
        lambda d: f"/preconisations/{d.recommendation.pk}/versions/",
        200,
    ),
    (
        "recommendation-amendments",
        None,
        lambda d: f"/preconisations/{d.recommendation.pk}/amendements/",
        200,
    ),
    (
        "recommendation-amend",
        "resident",
        lambda d: f"/preconisations/{d.recommendation.pk}/amender/",
        200,
    ),
    (
        "recommendations-adoption",
        None,
        lambda d: f"/preconisations/atelier/{d.recommendation.workshop.slug}/adoption/",
        200,
    ),
    (
        "recommendations-dossier",
        None,
        lambda d: f"/preconisations/atelier/{d.recommendation.workshop.slug}/dossier/",
        200,
    ),
    (
        "recommendation-coauthor",
        "resident",
        lambda d: f"/preconisations/{d.recommendation.pk}/co-auteurs/",
        200,
    ),
    ("workshop-join", "staff", lambda d: f"/ateliers/{d.open_workshop.slug}/participer/", 200),
    ("workshop-leave", "resident", lambda d: f"/ateliers/{d.open_workshop.slug}/quitter/", 200),
    ("my-workshops", "resident", lambda d: "/ateliers/mes-ateliers/", 200),
    ("council-list", None, lambda d: "/conseils/", 200),
    ("council-detail", None, lambda d: d.council.get_absolute_url(), 200),
    ("login", None, lambda d: "/compte/login/", 200),
    ("signup", None, lambda d: "/compte/signup/", 200),
    ("password-reset", None, lambda d: "/compte/password/reset/", 200),
    ("profile", "resident", lambda d: "/compte/profil/", 200),
    ("manage", "staff", lambda d: "/ateliers/gestion/", 200),
    ("workshop-create", "staff", lambda d: "/ateliers/nouveau/", 200),
    ("workshop-edit", "staff", lambda d: f"/ateliers/{d.draft_workshop.slug}/modifier/", 200),
    ("workshop-publish", "staff", lambda d: f"/ateliers/{d.draft_workshop.slug}/publier/", 200),
    ("workshop-archive", "staff", lambda d: f"/ateliers/{d.open_workshop.slug}/archiver/", 200),
    ("participants", "staff", lambda d: f"/ateliers/{d.open_workshop.slug}/participants/", 200),
    ("proposal-list", "staff", lambda d: "/conseils/propositions/", 200),
    ("proposal-review", "staff", lambda d: f"/conseils/propositions/{d.proposal.pk}/", 200),
    (
        "proposal-form",
        "president",
        lambda d: f"/conseils/{d.council.slug}/proposer-un-atelier/",
        200,
    ),
    ("council-create", "staff", lambda d: "/conseils/nouveau/", 200),
    ("council-edit", "staff", lambda d: f"/conseils/{d.council.slug}/modifier/", 200),
    ("mandates", "staff", lambda d: f"/conseils/{d.council.slug}/mandats/", 200),
    ("document", None, lambda d: d.document.get_absolute_url(), 200),
    ("document-manager", "staff", lambda d: d.document.get_absolute_url(), 200),
    ("workshop-documents", None, lambda d: f"/documents/atelier/{d.open_workshop.slug}/", 200),
    ("council-documents", None, lambda d: f"/documents/conseil/{d.council.slug}/", 200),
    (
        "document-add",
        "staff",
        lambda d: f"/documents/atelier/{d.open_workshop.slug}/ajouter/",
        200,
    ),
    (
        "council-document-add",
        "president",
        lambda d: f"/documents/conseil/{d.council.slug}/ajouter/",
        200,
    ),
    ("document-version", "staff", lambda d: f"/documents/{d.document.pk}/nouvelle-version/", 200),
    ("document-edit", "staff", lambda d: f"/documents/{d.document.pk}/modifier/", 200),
    ("training-catalogue", None, lambda d: "/formations/", 200),
    ("training", "resident", lambda d: d.session.training.get_absolute_url(), 200),
    ("training-session", "resident", lambda d: d.session.get_absolute_url(), 200),
    ("training-session-staff", "staff", lambda d: d.session.get_absolute_url(), 200),
    (
        "training-register",
        "president",
        lambda d: f"/formations/seances/{d.session.pk}/inscription/",
        200,
    ),
    ("my-trainings", "resident", lambda d: "/formations/mes-formations/", 200),
    ("session-edit", "staff", lambda d: f"/formations/seances/{d.session.pk}/modifier/", 200),
    ("session-cancel", "staff", lambda d: f"/formations/seances/{d.session.pk}/annuler/", 200),
    (
        "attendance",
        "staff",
        lambda d: f"/formations/seances/{d.past_session.pk}/presences/",
        200,
    ),
    ("training-create", "staff", lambda d: "/formations/nouvelle/", 200),
    (
        "session-create",
        "staff",
        lambda d: f"/formations/{d.session.training.slug}/seances/nouvelle/",
        200,
    ),
    (
        "recommend",
        "staff",
        lambda d: f"/formations/atelier/{d.open_workshop.slug}/recommander/",
        200,
    ),
    ("meeting", None, lambda d: d.meeting.get_absolute_url(), 200),
    ("meeting-registered", "resident", lambda d: d.meeting.get_absolute_url(), 200),
    ("meeting-staff", "staff", lambda d: d.meeting.get_absolute_url(), 200),
    ("meeting-register", "president", lambda d: f"/reunions/{d.meeting.pk}/inscription/", 200),
    (
        "meeting-plan",
        "staff",
        lambda d: f"/reunions/atelier/{d.open_workshop.slug}/nouvelle/",
        200,
    ),
    ("meeting-edit", "staff", lambda d: f"/reunions/{d.meeting.pk}/modifier/", 200),
    ("meeting-cancel", "staff", lambda d: f"/reunions/{d.meeting.pk}/annuler/", 200),
    ("debate", None, lambda d: f"/debat/atelier/{d.debate_workshop.slug}/", 200),
    ("topic", None, lambda d: d.topic.get_absolute_url(), 200),
    ("topic-participant", "resident", lambda d: d.topic.get_absolute_url(), 200),
    ("topic-staff", "staff", lambda d: d.topic.get_absolute_url(), 200),
    ("topic-columns", None, lambda d: f"/debat/sujets/{d.topic.pk}/pour-et-contre/", 200),
    ("contribution", "resident", lambda d: d.contribution.get_absolute_url(), 200),
    ("hidden-contribution", "resident", lambda d: d.hidden_contribution.get_absolute_url(), 200),
    ("report", "president", lambda d: f"/debat/contributions/{d.contribution.pk}/signaler/", 200),
    ("moderate", "staff", lambda d: f"/debat/contributions/{d.contribution.pk}/moderer/", 200),
    (
        "moderation-queue",
        "staff",
        lambda d: f"/debat/atelier/{d.debate_workshop.slug}/a-moderer/",
        200,
    ),
    ("moderation-log", None, lambda d: f"/debat/atelier/{d.debate_workshop.slug}/moderation/", 200),
    (
        "topic-open",
        "staff",
        lambda d: f"/debat/atelier/{d.debate_workshop.slug}/nouveau-sujet/",
        200,
    ),
    ("topic-close", "staff", lambda d: f"/debat/sujets/{d.topic.pk}/cloturer/", 200),
    (
        "polis-import",
        "staff",
        lambda d: f"/carte-des-avis/atelier/{d.debate_workshop.slug}/importer/",
        200,
    ),
    ("conversation", None, lambda d: d.conversation.get_absolute_url(), 200),
    ("conversation-vote", "resident", lambda d: d.conversation.get_absolute_url(), 200),
    (
        "conversation-results",
        None,
        lambda d: f"/carte-des-avis/{d.conversation.pk}/resultats/",
        200,
    ),
    (
        "conversation-statements",
        None,
        lambda d: f"/carte-des-avis/{d.conversation.pk}/propositions/",
        200,
    ),
    (
        "conversation-statement",
        None,
        lambda d: "/carte-des-avis/{}/propositions/{}/".format(
            d.conversation.pk,
            d.conversation.statements.filter(status="accepted").order_by("position")[0].position,
        ),
        200,
    ),
    (
        "conversation-my-votes",
        "resident",
        lambda d: f"/carte-des-avis/{d.conversation.pk}/mes-votes/",
        200,
    ),
    (
        "statement-write",
        "resident",
        lambda d: f"/carte-des-avis/{d.conversation.pk}/proposer/",
        200,
    ),
    (
        "statement-review",
        "staff",
        lambda d: f"/carte-des-avis/{d.conversation.pk}/moderation/",
        200,
    ),
    (
        "conversation-open",
        "staff",
        lambda d: f"/carte-des-avis/atelier/{d.debate_workshop.slug}/nouvelle/",
        200,
    ),
    ("calendar", None, lambda d: "/agenda/", 200),
    ("neighbourhoods", None, lambda d: "/quartiers/", 200),
    ("neighbourhood", None, lambda d: d.open_workshop.neighbourhood.get_absolute_url(), 200),
    ("legal-notice", None, lambda d: "/mentions-legales/", 200),
    ("privacy", None, lambda d: "/donnees-personnelles/", 200),
    ("accessibility-statement", None, lambda d: "/accessibilite/", 200),
    ("open-data", None, lambda d: "/donnees-ouvertes/", 200),
    ("api-docs", None, lambda d: "/api/v1/docs", 200),
    ("search", None, lambda d: "/recherche/", 200),
    ("search-results", None, lambda d: "/recherche/?q=march%C3%A9s", 200),
    ("search-results-filtered", "resident", lambda d: "/recherche/?q=place&type=atelier", 200),
    ("search-no-result", None, lambda d: "/recherche/?q=zeppelin", 200),
    ("my-calendar", "resident", lambda d: "/agenda/mon-agenda/", 200),
    ("my-data", "resident", lambda d: "/compte/mes-donnees/", 200),
    ("delete-account", "resident", lambda d: "/compte/supprimer/", 200),
    ("second-factor", "staff", lambda d: "/compte/2fa/", 200),
    ("notifications", "resident", lambda d: "/notifications/", 200),
    ("notification-settings", "resident", lambda d: "/notifications/reglages/", 200),
    ("forbidden", "resident", lambda d: "/ateliers/gestion/", 403),
    ("not-found", None, lambda d: "/cette-page-n-existe-pas/", 404),
]


@pytest.mark.parametrize(
    ("who", "path", "status"), [pytest.param(*row[1:], id=row[0]) for row in PAGES]
)
def test_page_passes_axe(page, demo, who, path, status):
    if who is not None:
        log_in(page, getattr(demo, who).email)
    page.console_errors.clear()
    url = path(demo)
    response = page.goto(url)
    assert response.status == status, f"{page.url} answered {response.status}"
    # A redirection (to the login page, say) would check another page than the one named.
    assert urlsplit(page.url).path == urlsplit(url).path, f"{url} led to {page.url}"
    # An error page reports its own status in the console; nothing else may.
    check_page(page, allow_console=(f"status of {status}",) if status >= 400 else ())


def _submit_empty(page, form) -> None:
    """Submit a form as is, past the browser's own checks, to see the server's errors."""
    form.evaluate("form => form.setAttribute('novalidate', '')")
    with page.expect_navigation():
        form.locator("button[type=submit], input[type=submit]").last.click()


@pytest.mark.parametrize(
    ("who", "path"),
    [
        pytest.param(None, "/compte/signup/", id="signup"),
        pytest.param(None, "/compte/login/", id="login"),
        pytest.param("resident", "/compte/supprimer/", id="delete-account"),
        pytest.param("staff", "/ateliers/nouveau/", id="workshop-create"),
        pytest.param("president", "/conseils/cq-centre/proposer-un-atelier/", id="proposal"),
        pytest.param("president", "/documents/conseil/cq-centre/ajouter/", id="document-add"),
        pytest.param("staff", "/formations/nouvelle/", id="training-create"),
        pytest.param("president", "/reunions/conseil/cq-centre/nouvelle/", id="meeting-plan"),
        pytest.param("staff", "/debat/atelier/rue-scolaire/nouveau-sujet/", id="topic-open"),
    ],
)
def test_form_errors_pass_axe(page, demo, who, path):
    """Errors shown next to fields and in the summary are accessible too."""
    if who is not None:
        log_in(page, getattr(demo, who).email)
    page.goto(path)
    form = page.locator("main form[method=post], main form[method=POST]").last
    _submit_empty(page, form)
    check_page(page)


def _apply_filters(page, form) -> None:
    """Submit the filter form; with JavaScript htmx swaps the results and pushes the address."""
    form.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ateliers/\?"))
    page.wait_for_load_state("networkidle")


def test_workshop_list_filters_pass_axe(page, demo):
    """The list filtered by the filter form, with results and with none, passes axe."""
    page.goto("/ateliers/")
    form = page.locator("main form[method=get]").first
    selects = form.locator("select")
    assert selects.count() >= 1, "the workshop list has no filter <select>"
    # The neighbourhood of the open workshop only: some results.
    form.locator("select").filter(has_text="Centre-ville").select_option(label="Centre-ville")
    _apply_filters(page, form)
    results = page.locator("main")
    assert results.get_by_text("Réaménager la place du marché").count() == 1
    assert results.get_by_text("Une rue scolaire avenue Jaurès").count() == 0
    check_page(page)
    # A neighbourhood without workshops: the empty state.
    page.goto("/ateliers/")
    form.locator("select").filter(has_text="Les Coteaux").select_option(label="Les Coteaux")
    _apply_filters(page, form)
    assert results.get_by_text("Réaménager la place du marché").count() == 0
    check_page(page)


# The crawl ------------------------------------------------------------------------------

MAX_PAGES = 60
# Pages of one kind (one URL pattern, the same query parameters) look alike: a few of each
# leave room in the budget for the other kinds.
MAX_PER_ROUTE = 3
# Never follow: the admin (Django's own markup), logging out, switching language.
SKIPPED_PREFIXES = ("/admin/", "/compte/logout/", "/langue/")
# Files, not pages: a download has no page to check.
SKIPPED_PATHS = re.compile(
    r"^/documents/\d+/versions/\d+/$|^/formations/inscriptions/\d+/attestation/$"
    r"|^/.*\.(ics|zip|csv|json|pdf|atom)$"
)


def _links(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        url, _fragment = urldefrag(href)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin or parts.path.startswith(SKIPPED_PREFIXES):
            continue
        if SKIPPED_PATHS.match(parts.path):
            continue
        found.append(url)
    return found


def _route(url: str) -> tuple:
    parts = urlsplit(url)
    try:
        name = resolve(parts.path).view_name
    except Resolver404:
        return (parts.path,)
    return (name, tuple(sorted(parse_qs(parts.query))))


def crawl(page, origin: str) -> tuple[dict[str, int], dict[str, str]]:
    """Breadth-first from the home page; every page reached is checked like the others.

    Answers {url: status} and {url: what failed} (axe, console, server error).
    """
    statuses: dict[str, int] = {}
    failures: dict[str, str] = {}
    queue = deque([f"{origin}/"])
    seen = {f"{origin}/"}
    per_route: Counter = Counter()
    while queue and len(statuses) < MAX_PAGES:
        url = queue.popleft()
        page.console_errors.clear()
        response = page.goto(url)
        statuses[url] = response.status
        if response.status >= 500 or response.status == 404:
            failures[url] = f"answered {response.status}"
            continue
        try:
            assert_no_console_errors(page)
            assert_accessible(page)
        except pytest.fail.Exception as failure:
            failures[url] = str(failure.msg)
        for link in _links(page, origin):
            if link not in seen and per_route[_route(link)] < MAX_PER_ROUTE:
                seen.add(link)
                per_route[_route(link)] += 1
                queue.append(link)
    return statuses, failures


@pytest.mark.parametrize("who", [None, "resident", "staff"])
def test_crawl_from_home(page, demo, live_server, who):
    """Whatever a visitor, a resident or city staff can reach by links works and passes axe."""
    if who is not None:
        log_in(page, getattr(demo, who).email)
    statuses, failures = crawl(page, live_server.url)
    assert len(statuses) > 5, f"the crawl reached only {sorted(statuses)}"
    assert not failures, f"{len(failures)} of {len(statuses)} pages failed:\n" + "\n\n".join(
        f"{url}: {problem}" for url, problem in failures.items()
    )
