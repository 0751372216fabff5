"""The demo city's meetings, planned through the meetings' services (see ateliers/demo): in
every phase of the running workshops, the past ones closed with their minutes; and the
councils' meetings."""

import datetime

from django.utils import timezone

from ateliers.core.demo_city import DemoCity
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind

from . import services
from .models import Meeting

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)

# (phase, days after the phase starts, hour, kind, title, registration seats or None)
WORKSHOP_MEETINGS = [
    (PhaseKind.COMMUNICATION, 3, 18, "information", "Réunion de lancement", None),
    (PhaseKind.INFORMATION, 2, 18, "information", "Réunion d'information", None),
    (PhaseKind.INFORMATION, 6, 10, "site_visit", "Visite de terrain", 15),
    (PhaseKind.DEBATE, 3, 19, "debate", "Soirée de débat", None),
    (PhaseKind.RECOMMENDATIONS, 4, 18, "drafting", "Réunion de rédaction", 25),
    (PhaseKind.PRESENTATION, 5, 18, "presentation", "Présentation à la mairie", None),
]
AGENDA = {
    "information": ["Accueil", "Le projet et son calendrier", "Questions et réponses"],
    "site_visit": ["Rendez-vous devant la mairie annexe", "Le tour du site", "Échanges"],
    "debate": ["Rappel des enjeux", "Débat en petits groupes", "Mise en commun"],
    "drafting": ["Relecture des propositions", "Rédaction des préconisations"],
    "presentation": ["Présentation des préconisations", "Réponses des élus"],
    "council": ["Approbation du dernier compte rendu", "Points d'actualité", "Divers"],
}
MINUTES = (
    "**Présents** : voir le nombre ci-dessous.\n\n"
    "- Le projet a été présenté, avec son budget et son calendrier.\n"
    "- Les participants ont posé leurs questions ; les réponses sont dans les documents.\n"
    "- Prochaine étape : la réunion suivante de l'atelier."
)


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    workshops = [
        workshop
        for workshop in city.all("workshops").values()
        if workshop.status == Workshop.Status.PUBLISHED
    ]
    for workshop in workshops[:8]:
        phases = {phase.kind: phase for phase in workshop.phases.all()}
        for kind, days, hour, meeting_kind, title, seats in WORKSHOP_MEETINGS:
            day = timezone.localtime(phases[kind].starts_at + days * DAY)
            starts_at = day.replace(hour=hour, minute=0, second=0, microsecond=0)
            _meeting(city, workshop, staff, meeting_kind, title, starts_at, seats)
    for key in ("conseil-citoyen-bellevue", "conseil-des-jeunes"):
        council = city.get("councils", key)
        for days in (-20, 25):
            day = timezone.localtime(city.now + days * DAY)
            starts_at = day.replace(hour=19, minute=0, second=0, microsecond=0)
            _meeting(city, council, staff, "council", "Réunion plénière", starts_at, None)


def _meeting(city, owner, staff, kind, title, starts_at, seats) -> None:
    owner_field = "workshop" if isinstance(owner, Workshop) else "council"
    if Meeting.objects.filter(**{owner_field: owner}, title=title, kind=kind).exists():
        return
    planned_on = min(city.now, starts_at - 20 * DAY)
    meeting = services.meeting_create(
        owner=owner,
        created_by=staff,
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        place="Maison des associations" if kind != "site_visit" else "Devant la mairie annexe",
        address="Villebelle",
        accessibility="Accès de plain-pied, boucle magnétique.",
        contact="participation@villebelle.example",
        registration_required=seats is not None,
        capacity=seats,
        agenda=AGENDA[kind],
        now=planned_on,
    )
    if starts_at + 2 * HOUR < city.now:
        services.meeting_close(
            meeting=meeting,
            by=staff,
            minutes=MINUTES,
            attendee_count=12 + len(title) % 20,
            now=starts_at + 3 * HOUR,
        )
