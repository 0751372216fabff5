"""The demo city's workshops, made through the workshops' services (see ateliers/demo).

A workshop is built as it would happen: created as a draft, published, joined by its
participants while its communication phase runs, then its dates are moved to where the
demo shows it today (in a given phase, upcoming or finished) and, for one, archived. Building
again moves the dates along with today's and adds nobody twice.
"""

import datetime

from ateliers.core.demo_city import DemoCity
from ateliers.councils.models import Council, Mandate

from .models import Workshop
from .phases import default_phase_bounds
from .services import lifecycle, participation

DAY = datetime.timedelta(days=1)
# Dates already within this of where they should be are left alone (no needless update).
CLOSE_ENOUGH = datetime.timedelta(hours=12)

# Workshops. "when" places them: ("phase", n) runs phase n (1 to 5) today; ("upcoming", d)
# starts in d days; ("finished", d) ended d days ago. "days" is the whole duration.
# "participants": people with a particular capacity; "residents": how many more residents,
# taken in turn from RESIDENTS.
WORKSHOPS = [
    {
        "slug": "reamenager-la-place-des-tilleuls",
        "kind": "neighbourhood",
        "title": "Réaménager la place des Tilleuls",
        "neighbourhood": "les-tilleuls",
        "themes": ["espaces-publics"],
        "project": "La place des Tilleuls est aujourd'hui un parking de 40 places entouré de "
        "commerces. La ville prévoit de la refaire en 2027 avec un budget de 850 000 € et "
        "demande aux habitants comment ils veulent l'utiliser.",
        "objective": "Un programme d'aménagement partagé (usages, stationnement, plantations) "
        "remis au bureau d'études avant l'esquisse.",
        "evaluation_plan": "Part des préconisations reprises dans l'esquisse ; nombre et "
        "diversité des participants (âge, commerçants, riverains).",
        "capacity": 40,
        "when": ("phase", 1),
        "days": 120,
        "sponsors": ["conseil-de-quartier-les-tilleuls"],
        "participants": [("marc", "council_member"), ("city_staff", "city_staff")],
        "residents": 6,
    },
    {
        "slug": "plan-velo-2027",
        "kind": "city",
        "title": "Plan vélo 2027 : quelles pistes cyclables d'abord ?",
        "neighbourhood": None,
        "themes": ["mobilite", "plan-climat"],
        "project": "Le plan vélo prévoit 25 km d'aménagements cyclables sur six ans. Il faut "
        "choisir l'ordre des travaux et les itinéraires prioritaires.",
        "objective": "Un classement argumenté des itinéraires à réaliser en premier.",
        "evaluation_plan": "Itinéraires retenus dans la programmation pluriannuelle ; "
        "questionnaire aux participants à la fin de l'atelier.",
        "capacity": None,
        "when": ("phase", 1),
        "days": 150,
        "sponsors": ["conseil-de-developpement"],
        "participants": [
            ("elected", "elected"),
            ("claire", "association", "Villebelle à vélo"),
        ],
        "residents": 9,
    },
    {
        "slug": "rue-aux-ecoles-jules-ferry",
        "kind": "neighbourhood",
        "title": "Une rue aux écoles devant l'école Jules-Ferry",
        "neighbourhood": "bellevue",
        "themes": ["mobilite", "jeunesse"],
        "project": "Fermer aux voitures la rue Jules-Ferry aux heures d'entrée et de sortie "
        "des classes, et l'aménager pour les enfants.",
        "objective": "Des horaires, un plan de circulation et des aménagements acceptés par "
        "les parents, les riverains et l'école.",
        "evaluation_plan": "Mesure du trafic avant et après ; enquête auprès des parents "
        "six mois après.",
        "capacity": 30,
        "when": ("phase", 2),
        "days": 100,
        "proposed_by": "conseil-citoyen-bellevue",
        "sponsors": ["conseil-citoyen-bellevue", "conseil-de-quartier-bellevue"],
        "participants": [("amina", "council_member"), ("city_staff", "city_staff")],
        "residents": 7,
    },
    {
        "slug": "un-lieu-pour-les-15-25-ans",
        "kind": "city",
        "title": "Un lieu pour les 15-25 ans",
        "neighbourhood": None,
        "themes": ["jeunesse", "culture-sport"],
        "project": "La ville peut transformer l'ancienne bibliothèque du Centre-ville. Les "
        "jeunes y veulent-ils un tiers-lieu, un studio de musique, un espace de travail ?",
        "objective": "Un projet d'usages et de gestion pour le lieu, porté par des jeunes.",
        "evaluation_plan": "Nombre de jeunes participants ; projet retenu au budget 2027.",
        "capacity": 60,
        "when": ("phase", 2),
        "days": 130,
        "sponsors": ["conseil-des-jeunes"],
        "participants": [("zoe", "council_member"), ("noah", "council_member")],
        "residents": 5,
    },
    {
        "slug": "jardin-partage-friche-de-la-gare",
        "kind": "neighbourhood",
        "title": "Un jardin partagé sur la friche de la gare",
        "neighbourhood": "la-gare",
        "themes": ["espaces-publics", "plan-climat"],
        "project": "2 000 m² de l'ancienne friche ferroviaire restent libres jusqu'en 2030 : "
        "un jardin partagé est possible, si l'on s'accorde sur sa gestion.",
        "objective": "Un projet de jardin et une association prête à le gérer.",
        "evaluation_plan": "Jardin ouvert dans l'année ; nombre de parcelles attribuées.",
        "capacity": 25,
        "when": ("phase", 3),
        "days": 90,
        "sponsors": ["conseil-de-quartier-la-gare"],
        "participants": [
            ("lea", "council_member"),
            ("yasmine", "association", "Les Incroyables Comestibles de Villebelle"),
            ("paul", "expert"),
        ],
        "residents": 6,
    },
    {
        "slug": "ilots-de-fraicheur",
        "kind": "city",
        "title": "Îlots de fraîcheur : végétaliser cours d'école et places",
        "neighbourhood": None,
        "themes": ["plan-climat", "espaces-publics"],
        "project": "Le plan climat prévoit de désimperméabiliser dix cours d'école et cinq "
        "places d'ici 2030. Lesquelles d'abord, et comment ?",
        "objective": "Une liste de sites prioritaires et des principes d'aménagement.",
        "evaluation_plan": "Sites retenus au plan pluriannuel ; mesure des températures "
        "l'été suivant les travaux.",
        "capacity": None,
        "when": ("phase", 3),
        "days": 140,
        "sponsors": ["conseil-de-developpement"],
        "participants": [
            ("elected", "elected"),
            ("city_staff", "city_staff"),
            ("sophie", "expert"),
        ],
        "residents": 10,
    },
    {
        "slug": "pietonniser-la-rue-du-marche",
        "kind": "neighbourhood",
        "title": "Piétonniser la rue du Marché le samedi",
        "neighbourhood": "centre-ville",
        "themes": ["mobilite", "espaces-publics"],
        "project": "Essayer une rue du Marché réservée aux piétons le samedi, de 8 h à 19 h, "
        "avec les commerçants et les riverains.",
        "objective": "Des conditions d'essai (livraisons, accès riverains, animations) "
        "acceptées par les commerçants.",
        "evaluation_plan": "Fréquentation et chiffre d'affaires déclaré par les commerçants "
        "pendant l'essai.",
        "capacity": 35,
        "when": ("phase", 4),
        "days": 110,
        "sponsors": ["conseil-de-quartier-centre-ville"],
        "participants": [
            ("jules", "council_member"),
            ("hugo", "association", "Union des commerçants du Centre"),
        ],
        "residents": 8,
    },
    {
        "slug": "acces-aux-droits",
        "kind": "city",
        "title": "Accès aux droits : une maison des services au public",
        "neighbourhood": None,
        "themes": ["solidarites"],
        "project": "Regrouper dans un même lieu CAF, CPAM, France Travail et services "
        "municipaux, avec un accompagnement au numérique.",
        "objective": "Un lieu, des horaires et des services qui répondent aux besoins.",
        "evaluation_plan": "Fréquentation la première année ; délais de traitement des demandes.",
        "capacity": 50,
        "when": ("phase", 5),
        "days": 120,
        "sponsors": ["conseil-des-residents-etrangers", "conseil-citoyen-hauts-de-belle"],
        "participants": [("ana", "council_member"), ("fatou", "council_member")],
        "residents": 6,
    },
    {
        "slug": "hangar-des-quais-du-port",
        "kind": "neighbourhood",
        "title": "Quais du Port : que faire de l'ancien hangar ?",
        "neighbourhood": "le-port",
        "themes": ["culture-sport", "espaces-publics"],
        "project": "La ville a racheté le hangar n° 3 des quais. Halle de marché, salle de "
        "spectacle, ateliers d'artistes ? Rien n'est décidé.",
        "objective": "Trois scénarios d'usage chiffrés, soumis au conseil municipal.",
        "evaluation_plan": "Scénario retenu et calendrier des travaux votés.",
        "capacity": 45,
        "when": ("upcoming", 12),
        "days": 120,
        "sponsors": ["conseil-de-quartier-le-port"],
        "participants": [],
        "residents": 0,
    },
    {
        "slug": "horaires-des-equipements-sportifs",
        "kind": "city",
        "title": "Horaires des équipements sportifs",
        "neighbourhood": None,
        "themes": ["culture-sport", "jeunesse"],
        "project": "Les gymnases et la piscine ferment à 20 h en semaine. Faut-il ouvrir plus "
        "tard, le dimanche, l'été ?",
        "objective": "De nouveaux horaires à budget constant.",
        "evaluation_plan": "Fréquentation des créneaux nouveaux un an après.",
        "capacity": None,
        "when": ("finished", 40),
        "days": 100,
        "sponsors": ["conseil-des-jeunes"],
        "participants": [("lucas", "council_member"), ("elected", "elected")],
        "residents": 7,
    },
    {
        "slug": "stationnement-autour-de-la-gare",
        "kind": "neighbourhood",
        "title": "Stationnement autour de la gare",
        "neighbourhood": "la-gare",
        "themes": ["mobilite"],
        "project": "Les rues autour de la gare sont saturées par les voitures des "
        "voyageurs. Zone bleue, parking relais, stationnement résidentiel ?",
        "objective": "Un plan de stationnement que les riverains approuvent.",
        "evaluation_plan": "Taux d'occupation des rues mesuré avant et après.",
        "capacity": 30,
        "when": ("finished", 150),
        "days": 90,
        "sponsors": ["conseil-de-quartier-la-gare"],
        "participants": [("lea", "council_member")],
        "residents": 5,
    },
    {
        "slug": "eclairage-du-parc-saint-eloi",
        "kind": "neighbourhood",
        "title": "Éclairage du parc Saint-Éloi",
        "neighbourhood": "saint-eloi",
        "themes": ["espaces-publics", "plan-climat"],
        "project": "Éclairer les allées du parc le soir sans gêner la faune ni gaspiller "
        "l'énergie.",
        "objective": "Un plan d'éclairage sobre et rassurant.",
        "evaluation_plan": "Consommation électrique ; sentiment de sécurité mesuré par enquête.",
        "capacity": None,
        "when": ("finished", 400),
        "days": 90,
        "status": "archived",
        "sponsors": ["conseil-de-quartier-saint-eloi"],
        "participants": [("sophie", "council_member")],
        "residents": 4,
    },
    {
        "slug": "renovation-du-city-stade",
        "kind": "neighbourhood",
        "title": "Rénovation du city-stade des Hauts-de-Belle",
        "neighbourhood": "les-hauts-de-belle",
        "themes": ["culture-sport", "jeunesse"],
        "project": "Le city-stade est abîmé. Le refaire à l'identique ou en changer les "
        "usages (basket, street workout, espace pour les plus petits) ?",
        "objective": "Un programme de rénovation décidé avec les jeunes du quartier.",
        "evaluation_plan": "Fréquentation et diversité des usagers après travaux.",
        "capacity": 25,
        "when": ("upcoming", 45),
        "days": 90,
        "status": "draft",
        "sponsors": [],
        "participants": [],
        "residents": 0,
    },
]

# Who facilitates the workshops (all of them, in the demo: one facilitator account).
FACILITATORS = ["facilitator"]


def workshop_span(when: tuple[str, int], days: int, now) -> tuple[datetime.datetime, ...]:
    """Start and end of a workshop placed as `when` says (see WORKSHOPS)."""
    position, value = when
    total = days * DAY
    if position == "upcoming":
        start = now + value * DAY
    elif position == "finished":
        start = now - value * DAY - total
    else:
        # Put today in the middle of phase `value`, with the default phase proportions.
        bounds = default_phase_bounds(now, now + total)
        _kind, phase_start, phase_end = bounds[value - 1]
        start = now - (phase_start - now + (phase_end - phase_start) / 2)
    start = start.replace(minute=0, second=0, microsecond=0)
    return start, start + total


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    facilitators = [city.get("people", key) for key in FACILITATORS]
    residents = _resident_turns(city)
    for item in WORKSHOPS:
        values = {
            "kind": item["kind"],
            "title": item["title"],
            "project": item["project"],
            "objective": item["objective"],
            "evaluation_plan": item["evaluation_plan"],
            "neighbourhood": city.get("neighbourhoods", item["neighbourhood"]),
            "themes": [city.get("themes", slug) for slug in item["themes"]],
            "capacity": item["capacity"],
            "sponsors": [city.get("councils", slug) for slug in item["sponsors"]],
            "facilitators": facilitators,
        }
        target = default_phase_bounds(*workshop_span(item["when"], item["days"], city.now))
        # A council's accepted proposal already made this workshop as a draft.
        workshop = Workshop.objects.filter(title=item["title"]).first()
        stays_draft = item.get("status") == Workshop.Status.DRAFT
        if workshop is None and stays_draft:
            workshop = lifecycle.workshop_create(created_by=staff, phases=target, **values)
        elif workshop is None or (workshop.status == Workshop.Status.DRAFT and not stays_draft):
            workshop = _open_for_joining(city, workshop, values, by=staff)
            lifecycle.workshop_publish(workshop=workshop, by=staff)
            _join(city, workshop, item, residents)
        if workshop.status != Workshop.Status.ARCHIVED and _needs_moving(workshop, target):
            lifecycle.workshop_update(workshop=workshop, by=staff, phases=target, **values)
        if item.get("status") == Workshop.Status.ARCHIVED:
            if workshop.status != Workshop.Status.ARCHIVED:
                lifecycle.workshop_archive(workshop=workshop, by=staff)
        city.add("workshops", item["slug"], workshop)


def _open_for_joining(city: DemoCity, workshop: Workshop | None, values: dict, *, by):
    """A draft whose communication phase runs now, so that participants can join it."""
    start = city.now.replace(minute=0, second=0, microsecond=0) - DAY
    phases = default_phase_bounds(start, start + 100 * DAY)
    if workshop is None:
        return lifecycle.workshop_create(created_by=by, phases=phases, **values)
    return lifecycle.workshop_update(workshop=workshop, by=by, phases=phases, **values)


def _needs_moving(workshop: Workshop, target) -> bool:
    current = {phase.kind: phase for phase in workshop.phases.all()}
    return any(
        abs(current[kind].starts_at - start) > CLOSE_ENOUGH
        or abs(current[kind].ends_at - end) > CLOSE_ENOUGH
        for kind, start, end in target
    )


def _resident_turns(city: DemoCity):
    """The residents in turn, round and round, for the workshops' extra participants."""
    keys = [key for key in city.all("people") if key not in _ACCOUNT_KEYS]
    turn = 0
    while True:
        yield keys[turn % len(keys)]
        turn += 1


_ACCOUNT_KEYS = {"resident", "facilitator", "city_staff", "elected", "administrator"}


def _join(city: DemoCity, workshop: Workshop, item: dict, residents) -> None:
    wanted = [tuple(entry) for entry in item["participants"]]
    named = {entry[0] for entry in wanted}
    while len(wanted) < len(item["participants"]) + item["residents"]:
        key = next(residents)
        if key not in named:
            wanted.append((key, "resident"))
            named.add(key)
    for entry in wanted:
        key, capacity = entry[0], entry[1]
        person = city.get("people", key)
        participation.workshop_join(
            workshop=workshop,
            user=person,
            capacity=capacity,
            association_name=entry[2] if len(entry) > 2 else "",
            council=_council_of(city, person, workshop) if capacity == "council_member" else None,
        )


def _council_of(city: DemoCity, person, workshop: Workshop) -> Council | None:
    """The council a member takes part for: a sponsor if they sit in one."""
    mandates = Mandate.objects.current(city.today).filter(user=person).select_related("council")
    sponsored = mandates.filter(council__in=workshop.sponsors.all()).first()
    mandate = sponsored or mandates.first()
    return mandate.council if mandate else None
