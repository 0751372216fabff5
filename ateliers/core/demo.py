"""The demo city's territory and people: neighbourhoods, themes, the demo accounts and the
residents who take part (see ateliers/demo). The text is in French: it is what a French city
would write. Everything is keyed by a slug or an e-mail address, so that building it again
changes nothing."""

from django.contrib.auth.hashers import make_password

from . import services
from .demo_city import DemoCity
from .models import Neighbourhood, Role, Theme, User

DEMO_PASSWORD = "ateliers-demo-2026"  # noqa: S105 - printed by the command, for the demo only
DEMO_DOMAIN = "villebelle.example"

NEIGHBOURHOODS = [
    {
        "slug": "centre-ville",
        "name": "Centre-ville",
        "description": "Le cœur commerçant autour de la mairie, du marché couvert et de la "
        "rue du Marché.",
    },
    {
        "slug": "les-tilleuls",
        "name": "Les Tilleuls",
        "description": "Un quartier résidentiel de maisons et de petits immeubles, organisé "
        "autour de la place des Tilleuls.",
    },
    {
        "slug": "la-gare",
        "name": "La Gare",
        "description": "Le quartier de la gare et de l'ancienne friche ferroviaire, en pleine "
        "transformation.",
    },
    {
        "slug": "bellevue",
        "name": "Bellevue",
        "description": "Un grand ensemble des années 1970 sur le plateau, quartier prioritaire "
        "de la politique de la ville.",
        "is_priority": True,
    },
    {
        "slug": "les-hauts-de-belle",
        "name": "Les Hauts-de-Belle",
        "description": "Des tours et des barres rénovées, un city-stade, un centre social : "
        "quartier prioritaire de la politique de la ville.",
        "is_priority": True,
    },
    {
        "slug": "le-port",
        "name": "Le Port",
        "description": "Les anciens quais de la Belle, leurs hangars et leurs guinguettes.",
    },
    {
        "slug": "saint-eloi",
        "name": "Saint-Éloi",
        "description": "Le quartier du parc Saint-Éloi, de l'hôpital et du lycée Marie-Curie.",
    },
    {
        "slug": "les-coteaux",
        "name": "Les Coteaux",
        "description": "Des pavillons et des jardins sur les pentes, à la limite des vignes.",
    },
]

THEMES = [
    {
        "slug": "mobilite",
        "name": "Mobilité",
        "description": "Marche, vélo, transports en commun, stationnement.",
    },
    {
        "slug": "jeunesse",
        "name": "Jeunesse",
        "description": "Les 11-25 ans : loisirs, engagement, lieux.",
    },
    {
        "slug": "plan-climat",
        "name": "Plan climat",
        "description": "Réduire les émissions, s'adapter aux fortes chaleurs.",
    },
    {
        "slug": "espaces-publics",
        "name": "Espaces publics et cadre de vie",
        "description": "Places, parcs, rues, propreté, éclairage.",
    },
    {
        "slug": "solidarites",
        "name": "Solidarités",
        "description": "Accès aux droits, santé, lutte contre l'isolement.",
    },
    {
        "slug": "culture-sport",
        "name": "Culture et sport",
        "description": "Équipements, pratiques, horaires, tarifs.",
    },
]

# The accounts whose logins the command prints. Keys name them in the rest of the data.
ACCOUNTS = [
    {
        "key": "resident",
        "email": f"habitante@{DEMO_DOMAIN}",
        "display_name": "Alice Martin",
        "role": "resident",
        "neighbourhood": "les-tilleuls",
    },
    {
        "key": "facilitator",
        "email": f"animateur@{DEMO_DOMAIN}",
        "display_name": "Bruno Lefèvre",
        "role": "facilitator",
        "neighbourhood": "centre-ville",
    },
    {
        "key": "city_staff",
        "email": f"agente@{DEMO_DOMAIN}",
        "display_name": "Chloé Dubois",
        "role": "city_staff",
        "neighbourhood": None,
    },
    {
        "key": "elected",
        "email": f"elu@{DEMO_DOMAIN}",
        "display_name": "Denis Moreau",
        "role": "elected",
        "neighbourhood": "la-gare",
    },
    {
        "key": "administrator",
        "email": f"admin@{DEMO_DOMAIN}",
        "display_name": "Eva Laurent",
        "role": "administrator",
        "neighbourhood": None,
        "is_staff": True,
        "is_superuser": True,
    },
]

# Residents who take part in workshops and sit in councils: (key, display name, neighbourhood).
RESIDENTS = [
    ("amina", "Amina Benali", "bellevue"),
    ("jules", "Jules Petit", "centre-ville"),
    ("fatou", "Fatou Diallo", "les-hauts-de-belle"),
    ("marc", "Marc Girard", "les-tilleuls"),
    ("lea", "Léa Fontaine", "la-gare"),
    ("karim", "Karim Haddad", "bellevue"),
    ("sophie", "Sophie Bernard", "saint-eloi"),
    ("thomas", "Thomas Roux", "le-port"),
    ("ines", "Inès Carvalho", "les-hauts-de-belle"),
    ("paul", "Paul Lambert", "les-coteaux"),
    ("yasmine", "Yasmine Cherif", "la-gare"),
    ("hugo", "Hugo Mercier", "centre-ville"),
    ("nadia", "Nadia Ouali", "bellevue"),
    ("louis", "Louis Garnier", "les-tilleuls"),
    ("mei", "Mei Chen", "le-port"),
    ("camille", "Camille Faure", "saint-eloi"),
    ("oumar", "Oumar Sow", "les-hauts-de-belle"),
    ("claire", "Claire Morel", "les-coteaux"),
    ("ana", "Ana Popescu", "centre-ville"),
    ("lucas", "Lucas Henry", "la-gare"),
    ("zoe", "Zoé Blanc", "les-tilleuls"),
    ("mamadou", "Mamadou Traoré", "bellevue"),
    ("elena", "Elena Rossi", "le-port"),
    ("noah", "Noah Perrin", "saint-eloi"),
]


def resident_email(key: str) -> str:
    return f"{key}@{DEMO_DOMAIN}"


def build(city: DemoCity) -> None:
    for item in NEIGHBOURHOODS:
        city.add(
            "neighbourhoods",
            item["slug"],
            services.neighbourhood_save(
                slug=item["slug"],
                name=item["name"],
                description=item["description"],
                is_priority=item.get("is_priority", False),
            ),
        )
    for item in THEMES:
        city.add(
            "themes",
            item["slug"],
            services.theme_save(
                slug=item["slug"], name=item["name"], description=item["description"]
            ),
        )
    # Hashing is slow on purpose: hash the one demo password once for everybody.
    password_hash = make_password(DEMO_PASSWORD)
    for item in ACCOUNTS:
        person = _person(
            city,
            email=item["email"],
            display_name=item["display_name"],
            role=item["role"],
            neighbourhood=item["neighbourhood"],
            password_hash=password_hash,
            is_superuser=item.get("is_superuser", False),
        )
        city.add("people", item["key"], person)
        city.logins.append(person)
    for key, display_name, neighbourhood in RESIDENTS:
        city.add(
            "people",
            key,
            _person(
                city,
                email=resident_email(key),
                display_name=display_name,
                role=Role.RESIDENT,
                neighbourhood=neighbourhood,
                password_hash=password_hash,
            ),
        )


def _person(city: DemoCity, *, email, display_name, role, neighbourhood, password_hash, **flags):
    values = {
        "display_name": display_name,
        "role": role,
        "neighbourhood": city.get("neighbourhoods", neighbourhood),
        "password_hash": password_hash,
        "is_superuser": flags.get("is_superuser", False),
    }
    existing = User.objects.filter(email=email).first()
    if existing is None:
        return services.account_create(email=email, **values)
    return services.account_update(user=existing, **values)


__all__ = ["DEMO_DOMAIN", "DEMO_PASSWORD", "Neighbourhood", "Theme", "build"]
