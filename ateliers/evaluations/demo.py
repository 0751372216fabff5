"""The demo city's evaluations, built through the evaluations' services (see ateliers/demo).

Told as it happened after each finished workshop, in its closing window
(models.EVALUATION_WINDOW_DAYS):
- parking around the station (finished 150 days ago): its participants were invited to the
  questionnaire a few days after the end and most answered (enough for the results to show);
  the team then wrote the evaluation — objective partly met — with five indicators, and
  published it;
- the sports halls' hours (finished 40 days ago): the same road, the objective met, eight
  answers;
- the Saint-Éloi park's lighting (finished over a year ago, archived): only three participants
  answered, too few for any result to show.

The services date what they write today: what belongs to the past is moved to its day right
after the service wrote it (its rows and the actions it logged), as the town hall's demo does.
The questionnaire's answers are given while it is open (the service refuses them otherwise),
then the questionnaire's dates move to where they were; nothing else of an answer is dated.

Loading again changes nothing: a workshop that has an evaluation or a questionnaire keeps it.
"""

import datetime
from contextlib import contextmanager

from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.demo_city import DemoCity
from ateliers.core.models import Neighbourhood
from ateliers.workshops.models import Participation, Workshop

from . import questionnaire, services
from .models import Evaluation, Measure, Outcome, Questionnaire

DAY = datetime.timedelta(days=1)

PARKING = "stationnement-autour-de-la-gare"
SPORTS = "horaires-des-equipements-sportifs"
PARK_LIGHTING = "eclairage-du-parc-saint-eloi"

# An indicator: (measure, name, target, value). The platform measures the first kind (its
# value is written when the evaluation is published); the team types the others.
PARKING_INDICATORS = [
    (Measure.PARTICIPANTS, "", "30", ""),
    (Measure.NEIGHBOURHOOD_SHARE, "", "80 %", ""),
    (Measure.ADOPTED, "", "4", ""),
    (Measure.ACCEPTED, "", "3", ""),
    ("", "Taux d'occupation des rues autour de la gare, en semaine", "85 %", "91 %"),
]
SPORTS_INDICATORS = [
    (Measure.ADOPTED, "", "3", ""),
    (Measure.ACCEPTED, "", "2", ""),
    ("", "Créneaux ouverts après 20 h chaque semaine", "10", "10"),
    ("", "Surcoût pour le budget des sports", "0 €", "0 €"),
]

# The evaluations: (workshop, outcome, explanation, indicators, written and published N days
# after the workshop's end).
EVALUATIONS = [
    (
        PARKING,
        Outcome.PARTLY_MET,
        "Le plan de stationnement n'est que **partiellement** approuvé.\n\n"
        "- La zone bleue autour de la gare, première préconisation de l'atelier, est acceptée "
        "et en place dans une partie des rues.\n"
        "- Le parking relais est réduit à 120 places, sans le cheminement couvert demandé.\n"
        "- Le stationnement résidentiel payant est rejeté, et une préconisation attend encore "
        "sa réponse.\n\n"
        "L'atelier a surtout réuni des riverains : les voyageurs, premiers concernés par le "
        "parking relais, n'y étaient presque pas. Les comptages des rues restent au-dessus de "
        "l'objectif de 85 % d'occupation.",
        PARKING_INDICATORS,
        40,
        45,
    ),
    (
        SPORTS,
        Outcome.MET,
        "Les nouveaux horaires sont votés à budget constant : les gymnases Jean-Moulin et des "
        "Coteaux ouvrent jusqu'à 22 h en semaine à la rentrée, financés par le redéploiement "
        "des créneaux du samedi après-midi, peu occupés.\n\n"
        "L'ouverture de la piscine le dimanche matin est à l'étude avec le prochain budget ; "
        "les créneaux d'été des 15-25 ans attendent leur réponse, dans le délai.",
        SPORTS_INDICATORS,
        34,
        36,
    ),
]

# The participants' answers, one tuple each: the five ratings (understood, could speak,
# listened to, fair, influence; None: not answered), again, age band, first time,
# neighbourhood, what should change.
PARKING_ANSWERS = [
    (
        5,
        4,
        4,
        5,
        3,
        "yes",
        "45_59",
        False,
        "la-gare",
        "Faire venir les voyageurs : un questionnaire sur le quai de la gare aurait touché "
        "ceux qui se garent dans nos rues.",
    ),
    (
        4,
        5,
        3,
        4,
        2,
        "maybe",
        "60_74",
        False,
        "la-gare",
        "Nous dire plus tôt ce que la ville pouvait payer : on a passé deux réunions sur un "
        "parking relais trop grand pour le terrain.",
    ),
    (
        4,
        3,
        3,
        4,
        3,
        "yes",
        "30_44",
        True,
        "la-gare",
        "Des réunions après 19 h : avec les enfants, 18 h c'est impossible.",
    ),
    (5, 4, 5, 5, 4, "yes", "18_29", True, "centre-ville", ""),
    (
        3,
        2,
        2,
        3,
        2,
        "no",
        "60_74",
        False,
        None,
        "Les commerçants auraient dû être invités : la zone bleue les concerne autant que nous.",
    ),
]
SPORTS_ANSWERS = [
    (
        5,
        5,
        4,
        5,
        5,
        "yes",
        "18_29",
        True,
        "les-hauts-de-belle",
        "Venir présenter l'atelier dans les clubs : beaucoup de licenciés n'en avaient pas "
        "entendu parler.",
    ),
    (4, 4, 4, 5, 4, "yes", "30_44", False, "les-coteaux", ""),
    (
        5,
        4,
        5,
        4,
        4,
        "yes",
        "under_18",
        True,
        "bellevue",
        "Faire un atelier exprès pour les jeunes, le mercredi après-midi.",
    ),
    (
        4,
        3,
        3,
        4,
        4,
        "maybe",
        "45_59",
        False,
        "centre-ville",
        "Moins de réunions, plus courtes, et les documents envoyés avant.",
    ),
    (3, 4, 4, 4, 3, "yes", "60_74", False, "saint-eloi", ""),
    (
        5,
        5,
        5,
        5,
        4,
        "yes",
        "18_29",
        False,
        "les-hauts-de-belle",
        "Rien, c'était bien. Peut-être un compte rendu plus rapide après chaque réunion.",
    ),
    (
        4,
        4,
        3,
        3,
        None,
        "maybe",
        "30_44",
        True,
        None,
        "Parler aussi des tarifs : ouvrir plus tard ne sert à rien si les créneaux restent "
        "chers pour les familles.",
    ),
    (4, 5, 4, 5, 5, "yes", "", None, None, ""),
]
PARK_LIGHTING_ANSWERS = [
    (4, 4, 3, 4, 3, "yes", "45_59", False, "saint-eloi", ""),
    (
        3,
        3,
        2,
        3,
        2,
        "maybe",
        "60_74",
        False,
        "saint-eloi",
        "Une visite du parc de nuit avec les techniciens, pour voir ce que l'on décide.",
    ),
    (5, 4, 4, 5, 4, "yes", "30_44", True, "saint-eloi", ""),
]

# The questionnaires: (workshop, answers, opened N days after the workshop's end).
QUESTIONNAIRES = [
    (PARKING, PARKING_ANSWERS, 5),
    (SPORTS, SPORTS_ANSWERS, 3),
    (PARK_LIGHTING, PARK_LIGHTING_ANSWERS, 10),
]


def build(city: DemoCity) -> None:
    team = city.get("people", "facilitator")
    workshops = city.all("workshops")
    for slug, answers, days in QUESTIONNAIRES:
        workshop = workshops.get(slug)
        if workshop is not None:
            _questionnaire(city, team, workshop, answers, days)
    for slug, outcome, explanation, indicators, written, published in EVALUATIONS:
        workshop = workshops.get(slug)
        if workshop is not None:
            _evaluation(city, team, workshop, outcome, explanation, indicators, written, published)


@contextmanager
def _dated(when: datetime.datetime):
    """What the services log inside is moved to `when`: they date their actions now, the
    story happened earlier."""
    last = Action.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    Action.objects.filter(pk__gt=last).update(created_at=when)


def _after_end(city: DemoCity, workshop: Workshop, days: int, hour: int) -> datetime.datetime:
    """`days` after the workshop's end, at `hour` o'clock local time (never later than now)."""
    day = timezone.localtime(workshop.ends_at + days * DAY)
    return min(city.now, day.replace(hour=hour, minute=0, second=0, microsecond=0))


def _questionnaire(city: DemoCity, team, workshop: Workshop, answers: list, days: int) -> None:
    """Invite the participants, take the answers of the first ones (in the order they
    joined), then move the questionnaire to the month it was open."""
    if Questionnaire.objects.filter(workshop=workshop).exists():
        return
    people = [
        participation.user
        for participation in Participation.objects.filter(workshop=workshop)
        .select_related("user")
        .order_by("pk")
    ]
    if len(people) < len(answers):
        return
    neighbourhoods = {place.slug: place for place in Neighbourhood.objects.all()}
    opened_at = _after_end(city, workshop, days, 9)
    with _dated(opened_at):
        opened = questionnaire.questionnaire_open(actor=team, workshop=workshop)
    for person, answer in zip(people, answers, strict=False):
        *ratings, again, age_band, first_time, place, change = answer
        questionnaire.questionnaire_answer(
            user=person,
            questionnaire=opened,
            answers={
                **dict(
                    zip(
                        ("understood", "could_speak", "listened_to", "fair", "influence"),
                        ratings,
                        strict=True,
                    )
                ),
                "again": again,
                "age_band": age_band,
                "first_time": first_time,
                "neighbourhood": neighbourhoods.get(place) if place else None,
                "change": change,
            },
        )
    # Open as long as the service opened it (added in UTC: a change of summer time between
    # the two dates would otherwise count an hour more or less).
    opens_at = opened_at.astimezone(datetime.UTC)
    Questionnaire.objects.filter(pk=opened.pk).update(
        opens_at=opens_at, closes_at=opens_at + (opened.closes_at - opened.opens_at)
    )


def _evaluation(
    city: DemoCity,
    team,
    workshop: Workshop,
    outcome: str,
    explanation: str,
    indicators: list,
    written: int,
    published: int,
) -> None:
    if Evaluation.objects.filter(workshop=workshop).exists():
        return
    written_at = _after_end(city, workshop, written, 10)
    with _dated(written_at):
        evaluation = services.evaluation_save(
            actor=team, workshop=workshop, outcome=outcome, explanation=explanation
        )
        for measure, name, target, value in indicators:
            services.indicator_add(
                actor=team,
                workshop=workshop,
                measure=measure,
                name=name,
                target=target,
                value=value,
            )
    published_at = _after_end(city, workshop, published, 16)
    with _dated(published_at):
        services.evaluation_publish(actor=team, workshop=workshop)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        created_at=written_at, updated_at=published_at, published_at=published_at
    )
