"""The generated city's territory and people (see core/generated_city.py)."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from .generated_city import GeneratedCity
from .models import Neighbourhood, Role, Theme, User

# The password of every generated account: the load test logs in with it.
GENERATED_PASSWORD = "ville-generee-2026"  # noqa: S105 - a test city's, printed by the command
GENERATED_DOMAIN = "ville.example"

FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Jade Louise Emma Lina Nour Yasmine Aïcha Mei Ana Zoé "
    "Lucas Hugo Louis Jules Adam Karim Mamadou Noah Tom Nathan Youssef Malik Paul Oscar Ibrahim"
).split()
FAMILY_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
    "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Benali Diallo "
    "Nguyen Haddad Traoré Popescu Rossi Chen Carvalho Ouali Sow Cherif Mercier Faure Blanc"
).split()
PLACES = (
    "Les Acacias|La Butte|Le Canal|Les Charmes|La Croix-Rouge|Les Étangs|La Fontaine|Le Fort|"
    "Les Glycines|La Halle|Les Hirondelles|L'Île|Les Jardins|Le Lac|Les Lilas|Le Moulin|"
    "Les Noyers|L'Orée|La Pépinière|Les Peupliers|Le Pont|La Prairie|Les Remparts|La Rivière|"
    "Les Roses|Saint-Jean|Saint-Michel|Les Saules|La Source|Le Stade|Les Tanneurs|La Tour|"
    "Le Val|Les Vergers|Les Vignes|Le Viaduc|Les Capucins|La Gare|Le Centre|Les Hauts"
).split("|")
THEMES = (
    "Mobilité|Jeunesse|Plan climat|Espaces publics|Solidarités|Culture|Sport|Santé|Logement|"
    "Éducation|Commerce|Propreté|Sécurité|Numérique|Alimentation|Eau"
).split("|")
# How many accounts of each role, per 100,000 accounts (at least one each).
ROLE_SHARE = {
    Role.FACILITATOR: 40,
    Role.CITY_STAFF: 60,
    Role.ELECTED: 20,
    Role.ADMINISTRATOR: 2,
}


def _place(index: int) -> str:
    base = PLACES[index % len(PLACES)]
    return base if index < len(PLACES) else f"{base} {index // len(PLACES) + 1}"


def generate(city: GeneratedCity) -> None:
    scale = city.scale
    neighbourhoods = [
        Neighbourhood(
            name=_place(index),
            slug=slugify(_place(index)),
            description=f"Le quartier {_place(index)}.",
            is_priority=index < scale.priority_neighbourhoods,
        )
        for index in range(scale.neighbourhoods)
    ]
    city.ids["neighbourhoods"] = city.bulk(Neighbourhood, neighbourhoods, label="neighbourhoods")
    city.ids["priority_neighbourhoods"] = city.ids["neighbourhoods"][
        : scale.priority_neighbourhoods
    ]
    themes = [
        Theme(name=THEMES[index % len(THEMES)], slug=slugify(THEMES[index % len(THEMES)]))
        for index in range(min(scale.themes, len(THEMES)))
    ]
    city.ids["themes"] = city.bulk(Theme, themes, label="themes")
    _accounts(city)


def _accounts(city: GeneratedCity) -> None:
    rng = city.rng("accounts")
    scale = city.scale
    password = make_password(GENERATED_PASSWORD)  # hashed once for everybody
    roles: list[str] = []
    for role, share in ROLE_SHARE.items():
        roles += [role] * max(1, scale.accounts * share // 100_000)
    roles += [Role.RESIDENT] * (scale.accounts - len(roles))
    history = datetime.timedelta(days=365 * (scale.years + 1))
    neighbourhoods = city.ids["neighbourhoods"]

    def people():
        for index, role in enumerate(roles):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
            yield User(
                email=f"personne{index}@{GENERATED_DOMAIN}",
                password=password,
                display_name=name,
                role=role,
                # Three in four say where they live.
                neighbourhood_id=rng.choice(neighbourhoods) if rng.random() < 0.75 else None,
                is_staff=role == Role.ADMINISTRATOR,
                is_superuser=role == Role.ADMINISTRATOR,
                date_joined=city.now - history * rng.random(),
            )

    ids = city.bulk(User, people(), label="accounts")
    city.ids["accounts"] = ids
    by_role: dict[str, list[int]] = {}
    for pk, role in zip(ids, roles, strict=True):
        by_role.setdefault(role, []).append(pk)
    city.facts["accounts_by_role"] = by_role
    city.bulk_plain(
        EmailAddress,
        (
            EmailAddress(
                user_id=pk, email=f"personne{index}@{GENERATED_DOMAIN}", verified=True, primary=True
            )
            for index, pk in enumerate(ids)
        ),
        label="verified e-mail addresses",
    )
