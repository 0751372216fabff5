"""The demo city's training catalogue, made through the trainings' services (see
ateliers/demo): sessions to come, one full with people waiting, one that took place."""

import datetime

from django.utils import timezone

from ateliers.core.demo_city import DemoCity

from . import services
from .models import Training

DAY = datetime.timedelta(days=1)

TRAININGS = [
    {
        "title": "Lire un plan d'urbanisme",
        "summary": "Ce que dit un plan local d'urbanisme (PLU), comment lire un zonage, un "
        "règlement et une orientation d'aménagement, à partir des plans de Villebelle.",
        "audience": "Tous les habitants, en particulier les participants des ateliers de "
        "quartier sur un aménagement.",
        "trainer": "Agence d'urbanisme de la région de Villebelle",
        "themes": ["espaces-publics"],
        "recommended_for": ["reamenager-la-place-des-tilleuls"],
        # (days from now, hour, minutes, seats, place, registered residents)
        "sessions": [
            (12, 18, 120, 3, "Maison des associations, salle 2", 5),
            (40, 10, 180, 20, "Médiathèque Jules-Verne", 2),
            (-20, 18, 120, 15, "Maison des associations, salle 2", 6),
        ],
    },
    {
        "title": "Comprendre le budget communal",
        "summary": "Fonctionnement et investissement, recettes et dépenses, ce que coûte un "
        "aménagement et qui le paie : les chiffres du budget 2026 de Villebelle.",
        "audience": "Tous les habitants ; utile avant un atelier sur un projet chiffré.",
        "trainer": "Direction des finances de la ville",
        "themes": [],
        "recommended_for": ["reamenager-la-place-des-tilleuls", "plan-velo-2027"],
        "sessions": [(19, 18, 90, 25, "Hôtel de ville, salle du conseil", 3)],
    },
    {
        "title": "Animer une réunion publique",
        "summary": "Préparer un ordre du jour, distribuer la parole, faire émerger les points "
        "d'accord et de désaccord, rédiger un compte rendu fidèle.",
        "audience": "Membres des conseils de quartier et des conseils citoyens.",
        "trainer": "Coopérative Parlons-en",
        "prerequisites": "Avoir participé à au moins une réunion de conseil.",
        "themes": [],
        "recommended_for": [],
        "sessions": [(26, 14, 240, 12, "", 0)],
    },
]


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    residents = [city.get("people", key) for key in ("amina", "jules", "fatou", "marc", "lea")]
    residents += [city.get("people", key) for key in ("karim", "sophie")]
    for item in TRAININGS:
        training = Training.objects.filter(title=item["title"]).first()
        if training is None:
            training = services.training_create(
                created_by=staff,
                title=item["title"],
                summary=item["summary"],
                audience=item["audience"],
                trainer=item["trainer"],
                prerequisites=item.get("prerequisites", ""),
                themes=[city.get("themes", slug) for slug in item["themes"]],
            )
            _plan_sessions(city, training, item["sessions"], staff, residents)
        city.add("trainings", item["title"], training)
    # What each workshop recommends, chosen by its team.
    for slug in {slug for item in TRAININGS for slug in item["recommended_for"]}:
        chosen = [
            city.get("trainings", i["title"]) for i in TRAININGS if slug in i["recommended_for"]
        ]
        workshop = city.get("workshops", slug)
        if set(workshop.recommended_trainings.all()) != set(chosen):
            services.recommend(owner=workshop, by=staff, trainings=chosen)


def _plan_sessions(city, training, sessions, staff, residents) -> None:
    for days, hour, minutes, seats, place, registered in sessions:
        day = timezone.localtime(city.now + days * DAY)
        starts_at = day.replace(hour=hour, minute=0, second=0, microsecond=0)
        # A past session was planned, and registered for, before it took place.
        before = min(city.now, starts_at - 30 * DAY)
        session = services.session_create(
            training=training,
            created_by=staff,
            starts_at=starts_at,
            duration_minutes=minutes,
            capacity=seats,
            place=place,
            address="Villebelle" if place else "",
            accessibility="Accès de plain-pied, boucle magnétique." if place else "",
            online_link="" if place else "https://visio.villebelle.example/formation",
            now=before,
        )
        for person in residents[:registered]:
            services.session_register(session=session, user=person, now=before)
        if days < 0:
            # After it took place, the city's staff marked who came (all but one).
            came = [person.pk for person in residents[: registered - 1]]
            services.attendance_record(session=session, by=staff, attended=came, now=city.now)
