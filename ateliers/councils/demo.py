"""The demo city's permanent councils and their members' mandates, made through the councils'
services (see ateliers/demo). Dates are offsets from today; building again moves them."""

import datetime

from ateliers.core.demo import NEIGHBOURHOODS
from ateliers.core.demo_city import DemoCity

from . import services
from .models import Council, Mandate

DAY = datetime.timedelta(days=1)

# Councils. A neighbourhood council for every neighbourhood, a citizens' council for each
# priority neighbourhood, and the three city-wide councils. Mandates are
# (person key, role, starts N days ago, ends in N days — negative for a past mandate, None
# for an open-ended one).
NEIGHBOURHOOD_COUNCIL_MEMBERS = {
    "centre-ville": [("jules", "president"), ("hugo", "secretary"), ("ana", "member")],
    "les-tilleuls": [("marc", "president"), ("resident", "member"), ("zoe", "member")],
    "la-gare": [("lea", "president"), ("yasmine", "vice_president"), ("lucas", "member")],
    "bellevue": [("karim", "president"), ("nadia", "member"), ("mamadou", "member")],
    "les-hauts-de-belle": [("oumar", "president"), ("ines", "member")],
    "le-port": [("thomas", "president"), ("mei", "secretary"), ("elena", "member")],
    "saint-eloi": [("sophie", "president"), ("camille", "member"), ("noah", "member")],
    "les-coteaux": [("paul", "president"), ("claire", "member")],
}

COUNCILS = [
    *[
        {
            "slug": f"conseil-de-quartier-{slug}",
            "kind": "neighbourhood",
            "name": f"Conseil de quartier {name}",
            "neighbourhood": slug,
            "description": f"Le conseil de quartier réunit les habitants de {name} qui "
            "veulent suivre les projets du quartier et en proposer. Réunion publique "
            "chaque trimestre.",
            "themes": ["espaces-publics"],
            "mandates": [
                (person, role, 420, 310) for person, role in NEIGHBOURHOOD_COUNCIL_MEMBERS[slug]
            ],
        }
        for slug, name in [(n["slug"], n["name"]) for n in NEIGHBOURHOODS]
    ],
    {
        "slug": "conseil-citoyen-bellevue",
        "kind": "citizens",
        "name": "Conseil citoyen de Bellevue",
        "neighbourhood": "bellevue",
        "description": "Habitants tirés au sort et acteurs locaux du quartier prioritaire de "
        "Bellevue, associés au contrat de ville.",
        "themes": ["solidarites", "jeunesse"],
        "mandates": [
            ("amina", "president", 300, 795),
            ("nadia", "vice_president", 300, 795),
            ("mamadou", "member", 300, 795),
            # The council's previous president: a mandate that has ended.
            ("karim", "president", 1400, -301),
        ],
    },
    {
        "slug": "conseil-citoyen-hauts-de-belle",
        "kind": "citizens",
        "name": "Conseil citoyen des Hauts-de-Belle",
        "neighbourhood": "les-hauts-de-belle",
        "description": "Le conseil citoyen du quartier prioritaire des Hauts-de-Belle.",
        "themes": ["solidarites", "culture-sport"],
        "mandates": [
            ("fatou", "president", 300, 795),
            ("ines", "secretary", 300, 795),
            ("oumar", "member", 1400, -301),
        ],
    },
    {
        "slug": "conseil-des-residents-etrangers",
        "kind": "foreign_residents",
        "name": "Conseil des résidents étrangers",
        "neighbourhood": None,
        "description": "Les habitants de Villebelle qui n'ont pas la nationalité française "
        "donnent leur avis sur la vie de la ville. Séances en français, avec interprètes "
        "en arabe, portugais, roumain et mandarin.",
        "themes": ["solidarites"],
        "mandates": [
            ("ana", "president", 500, 595),
            ("mei", "member", 500, 595),
            ("elena", "member", 500, 595),
            ("mamadou", "member", 500, 595),
        ],
    },
    {
        "slug": "conseil-des-jeunes",
        "kind": "youth",
        "name": "Conseil des jeunes",
        "neighbourhood": None,
        "description": "Des jeunes de 15 à 25 ans élus dans les lycées, les clubs et les "
        "maisons de quartier pour deux ans.",
        "themes": ["jeunesse", "culture-sport"],
        "mandates": [
            ("zoe", "president", 200, 530),
            ("noah", "member", 200, 530),
            ("lucas", "member", 200, 530),
            ("hugo", "president", 930, -201),
        ],
    },
    {
        "slug": "conseil-de-developpement",
        "kind": "development",
        "name": "Conseil de développement",
        "neighbourhood": None,
        "description": "Acteurs économiques, associatifs et habitants qui éclairent les "
        "grandes orientations de la ville : urbanisme, climat, mobilités.",
        "themes": ["plan-climat", "mobilite"],
        "mandates": [
            ("claire", "president", 700, None),
            ("paul", "vice_president", 700, None),
            ("sophie", "member", 700, None),
            ("thomas", "member", 700, None),
        ],
    },
]


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    for item in COUNCILS:
        values = {
            "kind": item["kind"],
            "name": item["name"],
            "description": item["description"],
            "neighbourhood": city.get("neighbourhoods", item["neighbourhood"]),
            "themes": [city.get("themes", slug) for slug in item["themes"]],
        }
        council = Council.objects.filter(name=item["name"]).first()
        if council is None:
            council = services.council_create(by=staff, **values)
        elif _differs(council, values):
            council = services.council_update(council=council, by=staff, **values)
        city.add("councils", item["slug"], council)
        for person, role, started_days_ago, ends_in_days in item["mandates"]:
            _mandate(
                city,
                council=council,
                user=city.get("people", person),
                role=role,
                starts_on=city.today - started_days_ago * DAY,
                ends_on=None if ends_in_days is None else city.today + ends_in_days * DAY,
            )


def _differs(council: Council, values: dict) -> bool:
    themes = {theme.pk for theme in values["themes"]}
    return (
        any(getattr(council, name) != values[name] for name in ("kind", "name", "description"))
        or council.neighbourhood != values["neighbourhood"]
        or set(council.themes.values_list("pk", flat=True)) != themes
    )


def _mandate(city: DemoCity, *, council, user, role, starts_on, ends_on) -> None:
    """Create the mandate, or move its dates along with today's."""
    staff = city.get("people", "city_staff")
    mandate = Mandate.objects.filter(council=council, user=user, role=role).first()
    if mandate is None:
        services.mandate_create(
            council=council, by=staff, user=user, role=role, starts_on=starts_on, ends_on=ends_on
        )
    elif (mandate.starts_on, mandate.ends_on) != (starts_on, ends_on):
        services.mandate_update(
            mandate=mandate, by=staff, role=role, starts_on=starts_on, ends_on=ends_on
        )
