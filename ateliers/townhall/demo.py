"""The demo city's town hall, built through the town hall's services (see ateliers/demo).

Its bodies: the municipal council chaired by the mayor, two commissions (councillors only, closed
sessions) and a consultative committee with residents and an association. Its road, told as it
happened over the last months:
- the workshop on parking around the station (finished 150 days ago) was heard by the
  urbanism commission, then deliberated by the council: its adopted recommendations were
  accepted (milestones: one done, one late, one planned), partially accepted, rejected, and
  one was never answered, its deadline long past;
- the workshop on sports halls' hours (finished 40 days ago) was heard by the solidarity
  commission: one recommendation accepted, one under study, one waiting within its deadline;
- the workshop on access to rights, in its presentation phase today, drew two delegates by lot
  among five volunteers (a fixed seed: the draw is the same at every load) and is heard at the
  solidarity commission's next session;
- Bellevue's neighbourhood council proposed a lit footpath: on the council's agenda, heard,
  accepted; the development council's opinion waits on a planned agenda.

The services date what they write today: what belongs to the past is moved to its day right
after the service wrote it (its rows and the actions it logged), as the recommendations' demo
does for its online vote. The finished workshops drafted no recommendation in the demo until
now: they draft and adopt theirs here, through the recommendations' services.

Loading again changes nothing: bodies and members are found by name, and the story is told
once (it is told when the municipal council has sessions).
"""

import datetime
from contextlib import contextmanager

from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.demo_city import DemoCity
from ateliers.recommendations import adoption as adoptions
from ateliers.recommendations import services as drafting
from ateliers.recommendations.models import (
    Adoption,
    AdoptionOpening,
    Recommendation,
    RecommendationAuthor,
    RecommendationVersion,
    Support,
)
from ateliers.workshops.models import Participation, Workshop
from ateliers.workshops.phases import PhaseKind

from . import answers, delegates, services
from .models import (
    AgendaItem,
    Answer,
    AnswerStatus,
    Body,
    BodyKind,
    BodyMember,
    CouncilSubmission,
    Delegation,
    ItemKind,
    MemberCapacity,
    MemberRole,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    Session,
    Volunteer,
)

DAY = datetime.timedelta(days=1)

# --- The bodies -----------------------------------------------------------------------------

MAYOR = "Catherine Vasseur"
COUNCIL = "conseil-municipal"
URBANISM = "commission-urbanisme"
SOLIDARITY = "commission-solidarites"
CYCLING = "comite-velo"

CHAIR, VICE_CHAIR, MEMBER = MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.MEMBER
COUNCILLOR = MemberCapacity.COUNCILLOR

# key → (kind, name, description, public sessions, themes, members (name, capacity, role))
BODIES = {
    COUNCIL: (
        BodyKind.MUNICIPAL_COUNCIL,
        "Conseil municipal de Villebelle",
        "Les conseillers municipaux élus en 2026 règlent par leurs délibérations les affaires "
        "de la ville. Le conseil se réunit en séance publique à l'hôtel de ville, au moins une "
        "fois par trimestre ; la maire fixe l'ordre du jour.",
        True,
        [],
        [
            (MAYOR, COUNCILLOR, CHAIR),
            ("Denis Moreau", COUNCILLOR, VICE_CHAIR),
            ("Nathalie Guérin", COUNCILLOR, VICE_CHAIR),
            ("Olivier Ferrand", COUNCILLOR, VICE_CHAIR),
            ("Rachid Belkacem", COUNCILLOR, MEMBER),
            ("Isabelle Charpentier", COUNCILLOR, MEMBER),
            ("François Delmas", COUNCILLOR, MEMBER),
            ("Aurélie Marchand", COUNCILLOR, MEMBER),
            ("Jean-Pierre Collin", COUNCILLOR, MEMBER),
            ("Samia Kaci", COUNCILLOR, MEMBER),
            ("Vincent Aubry", COUNCILLOR, MEMBER),
            ("Hélène Besson", COUNCILLOR, MEMBER),
        ],
    ),
    URBANISM: (
        BodyKind.COMMISSION,
        "Commission urbanisme, mobilités et cadre de vie",
        "Elle prépare les délibérations du conseil sur l'aménagement, la voirie, les "
        "déplacements et les espaces publics. Les délégués des ateliers y sont entendus.",
        False,
        ["mobilite", "espaces-publics"],
        [
            (MAYOR, COUNCILLOR, CHAIR),
            ("Olivier Ferrand", COUNCILLOR, VICE_CHAIR),
            ("Denis Moreau", COUNCILLOR, MEMBER),
            ("Rachid Belkacem", COUNCILLOR, MEMBER),
            ("Aurélie Marchand", COUNCILLOR, MEMBER),
            ("Vincent Aubry", COUNCILLOR, MEMBER),
        ],
    ),
    SOLIDARITY: (
        BodyKind.COMMISSION,
        "Commission solidarités et vie des quartiers",
        "Elle prépare les délibérations du conseil sur l'action sociale, la jeunesse, le sport "
        "et la vie des quartiers. Les délégués des ateliers y sont entendus.",
        False,
        ["solidarites", "jeunesse", "culture-sport"],
        [
            (MAYOR, COUNCILLOR, CHAIR),
            ("Nathalie Guérin", COUNCILLOR, VICE_CHAIR),
            ("Samia Kaci", COUNCILLOR, MEMBER),
            ("Isabelle Charpentier", COUNCILLOR, MEMBER),
            ("François Delmas", COUNCILLOR, MEMBER),
            ("Hélène Besson", COUNCILLOR, MEMBER),
        ],
    ),
    CYCLING: (
        BodyKind.CONSULTATIVE_COMMITTEE,
        "Comité consultatif vélo",
        "Des habitants, des associations et des élus suivent le plan vélo et font des "
        "propositions à la maire. Ses séances sont publiques.",
        True,
        ["mobilite", "plan-climat"],
        [
            ("Denis Moreau", COUNCILLOR, CHAIR),
            ("Vincent Aubry", COUNCILLOR, MEMBER),
            ("Claire Morel", MemberCapacity.ASSOCIATION, VICE_CHAIR),
            ("Hugo Mercier", MemberCapacity.ASSOCIATION, MEMBER),
            ("Paul Lambert", MemberCapacity.RESIDENT, MEMBER),
            ("Mei Chen", MemberCapacity.RESIDENT, MEMBER),
        ],
    ),
}

CITY_HALL = "Hôtel de ville, salle du conseil"
COMMITTEE_ROOM = "Hôtel de ville, salle des commissions"
BIKE_HOUSE = "Maison du vélo, 12 quai de la Belle"
RECORDS = "https://villebelle.example/actes"

# --- The finished workshops' recommendations (title, text, general interest, adopted?) -------

PARKING = "stationnement-autour-de-la-gare"
PARKING_RECOMMENDATIONS = [
    (
        "Une zone bleue dans les rues autour de la gare",
        "Limiter le stationnement à **1 h 30** avec un disque dans les huit rues autour de la "
        "gare, du lundi au samedi de 9 h à 19 h.",
        "Les riverains et les clients des commerces retrouvent des places ; les voyageurs se "
        "garent au parking relais.",
        True,
    ),
    (
        "Un parking relais à l'entrée nord",
        "Aménager un parking relais gratuit de 300 places sur le terrain de l'ancienne "
        "coopérative, relié à la gare par un cheminement éclairé.",
        "Les voyageurs des villages voisins laissent leur voiture à l'entrée de la ville.",
        True,
    ),
    (
        "Un stationnement résidentiel payant",
        "Une carte de stationnement à 10 € par mois pour les riverains, les autres places "
        "devenant payantes.",
        "Les places de la rue servent d'abord à ceux qui y habitent.",
        True,
    ),
    (
        "Compter les places libres chaque trimestre",
        "Publier chaque trimestre le taux d'occupation des rues du quartier, mesuré un mardi "
        "et un samedi par les agents de la ville.",
        "Chacun juge l'effet des mesures sur des chiffres plutôt que sur des impressions.",
        True,
    ),
    (
        "Un minibus gratuit vers la gare",
        "Une navette gratuite toutes les vingt minutes entre les Coteaux et la gare.",
        "Aller à la gare sans voiture depuis les quartiers éloignés.",
        False,
    ),
]
SPORTS = "horaires-des-equipements-sportifs"
SPORTS_RECOMMENDATIONS = [
    (
        "Les gymnases ouverts jusqu'à 22 h en semaine",
        "Ouvrir les gymnases Jean-Moulin et des Coteaux jusqu'à 22 h du lundi au vendredi, "
        "avec un gardien.",
        "Les adultes qui travaillent peuvent faire du sport le soir ; les clubs ont plus de "
        "créneaux.",
        True,
    ),
    (
        "La piscine ouverte le dimanche matin",
        "Ouvrir la piscine municipale le dimanche de 9 h à 13 h, toute l'année.",
        "Un moment de sport en famille, le seul jour où beaucoup sont libres.",
        True,
    ),
    (
        "Des créneaux d'été réservés aux 15-25 ans",
        "En juillet et en août, le gymnase des Hauts-de-Belle réservé aux 15-25 ans de 18 h à "
        "22 h, avec un animateur.",
        "Les jeunes qui ne partent pas en vacances ont un lieu à eux.",
        True,
    ),
]

# --- The workshop presenting its recommendations today: its delegates, drawn by lot ---------

PRESENTING = "acces-aux-droits"
# Fixed so that every load of the demo draws the same two (anyone can re-run the draw).
DRAW_SEED = "villebelle-acces-aux-droits-demo"
DRAW_SEATS = 2
VOLUNTEERS = 5


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    bodies = {key: _body(city, staff, item) for key, item in BODIES.items()}
    for key, body in bodies.items():
        city.add("townhall_bodies", key, body)
    if Session.objects.filter(body=bodies[COUNCIL]).exists():
        return
    workshops = city.all("workshops")
    parking = _recommend(city, workshops.get(PARKING), PARKING_RECOMMENDATIONS)
    sports = _recommend(city, workshops.get(SPORTS), SPORTS_RECOMMENDATIONS)
    submissions = _submissions(city, staff)
    _elect(city, staff, workshops.get(PARKING), days=-158, votes=(11, 8))
    _elect(city, staff, workshops.get(SPORTS), days=-48, votes=(14, 9))
    presenting = workshops.get(PRESENTING)
    _draw(city, staff, presenting)
    sessions = _sessions(city, staff, bodies, workshops, submissions)
    _answer_all(city, staff, parking, PARKING_ANSWERS, sessions["council_parking"])
    _answer_all(city, staff, sports, SPORTS_ANSWERS, sessions["council_sports"])
    _answer_all(
        city, staff, [submissions["bellevue"]], [SUBMISSION_ANSWER], sessions["council_sports"]
    )
    if presenting is not None:
        answers.answer_deadline_set(actor=staff, workshop=presenting, months=4)


# --- Helpers --------------------------------------------------------------------------------


def _at(city: DemoCity, days: int, hour: int = 12) -> datetime.datetime:
    """`days` from today (negative: ago), at `hour` o'clock, local time."""
    day = timezone.localtime(city.now + days * DAY)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


@contextmanager
def _dated(when: datetime.datetime | None):
    """What the services log inside is moved to `when` (None: left today). The services
    date their actions now; the story happened earlier."""
    last = Action.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    if when is not None:
        Action.objects.filter(pk__gt=last).update(created_at=when)


def _past(city: DemoCity, when: datetime.datetime) -> datetime.datetime | None:
    return when if when < city.now else None


def _body(city: DemoCity, staff, item: tuple) -> Body:
    kind, name, description, public, themes, members = item
    body = Body.objects.filter(name=name).first()
    if body is None:
        body = services.body_save(
            actor=staff,
            kind=kind,
            name=name,
            description=description,
            public_sessions=public,
            themes=[city.get("themes", slug) for slug in themes],
        )
    seated = set(BodyMember.objects.filter(body=body).values_list("name", flat=True))
    for person, capacity, role in members:
        if person not in seated:
            services.member_add(actor=staff, body=body, name=person, capacity=capacity, role=role)
    return body


def _people(workshop: Workshop) -> list:
    """The workshop's residents and council members, who draft and may be delegates."""
    return [
        participation.user
        for participation in Participation.objects.filter(
            workshop=workshop, capacity__in=["resident", "council_member", "association"]
        )
        .select_related("user")
        .order_by("pk")
    ]


# --- Recommendations of the finished workshops ----------------------------------------------


def _recommend(city: DemoCity, workshop: Workshop | None, items: list) -> list[Recommendation]:
    """Draft, support and adopt the workshop's recommendations in its recommendations phase;
    the adopted ones, in order (empty when it already has some: the story is not told twice)."""
    if workshop is None or Recommendation.objects.filter(workshop=workshop).exists():
        return []
    people = _people(workshop)
    team = list(workshop.facilitators.order_by("pk"))
    if len(people) < 3 or not team:
        return []
    phases = {phase.kind: phase for phase in workshop.phases.all()}
    drafted_at = phases[PhaseKind.RECOMMENDATIONS].starts_at + 2 * DAY
    decided_at = phases[PhaseKind.PRESENTATION].starts_at - DAY
    with _dated(drafted_at):
        drafted = [
            drafting.recommendation_draft(
                workshop=workshop,
                by=people[index % len(people)],
                title=title,
                text=text,
                general_interest=interest,
            )
            for index, (title, text, interest, _adopted) in enumerate(items)
        ]
        for index, person in enumerate(people):
            for recommendation in drafted[: 1 + index % len(drafted)]:
                drafting.support_add(recommendation=recommendation, by=person)
    with _dated(decided_at):
        adoptions.adoption_open(workshop=workshop, by=team[0])
        for index, (recommendation, item) in enumerate(zip(drafted, items, strict=True)):
            adopted = item[3]
            against = 3 + index
            adoptions.adoption_record(
                recommendation=recommendation,
                by=team[0],
                method=Adoption.Method.MEETING_VOTE,
                votes_for=against + (6 if adopted else -2),
                votes_against=against,
                abstentions=1,
            )
    ids = [recommendation.pk for recommendation in drafted]
    Recommendation.objects.filter(pk__in=ids).update(created_at=drafted_at, updated_at=decided_at)
    RecommendationVersion.objects.filter(recommendation__in=ids).update(created_at=drafted_at)
    RecommendationAuthor.objects.filter(recommendation__in=ids).update(added_at=drafted_at)
    Support.objects.filter(recommendation__in=ids).update(created_at=drafted_at + DAY)
    AdoptionOpening.objects.filter(workshop=workshop).update(opened_at=decided_at)
    Adoption.objects.filter(recommendation__in=ids).update(
        recorded_at=decided_at, decided_at=decided_at
    )
    return list(
        Recommendation.objects.filter(pk__in=ids, status=Recommendation.Status.ADOPTED).order_by(
            "pk"
        )
    )


# --- Delegates ------------------------------------------------------------------------------


def _elect(city: DemoCity, staff, workshop: Workshop | None, *, days: int, votes) -> None:
    if workshop is None or Delegation.objects.filter(workshop=workshop).exists():
        return
    people = _people(workshop)
    if len(people) < 2:
        return
    when = _at(city, days, 20)
    with _dated(when):
        delegation = delegates.delegates_elect(
            actor=staff,
            workshop=workshop,
            elected=list(zip(people[:2], votes, strict=True)),
            note="Élus à main levée lors de la dernière réunion de l'atelier.",
        )
    Delegation.objects.filter(pk=delegation.pk).update(decided_at=when)


def _draw(city: DemoCity, staff, workshop: Workshop | None) -> None:
    """Five participants volunteer; two are drawn by lot with the demo's published seed."""
    if workshop is None or Delegation.objects.filter(workshop=workshop).exists():
        return
    people = _people(workshop)[:VOLUNTEERS]
    if len(people) < DRAW_SEATS:
        return
    for index, person in enumerate(people):
        when = _at(city, -5 + index // 2, 10 + index)
        with _dated(when):
            entry = delegates.volunteer(workshop=workshop, user=person)
        Volunteer.objects.filter(pk=entry.pk).update(created_at=when)
    when = _at(city, -2, 18)
    with _dated(when):
        delegation = delegates.delegates_draw(
            actor=staff, workshop=workshop, seats=DRAW_SEATS, seed=DRAW_SEED
        )
    Delegation.objects.filter(pk=delegation.pk).update(decided_at=when)


# --- Councils' submissions ------------------------------------------------------------------


def _submissions(city: DemoCity, staff) -> dict[str, CouncilSubmission]:
    made = {}
    for key, council, kind, days, title, text in (
        (
            "bellevue",
            "conseil-de-quartier-bellevue",
            CouncilSubmission.Kind.PROPOSAL,
            -75,
            "Éclairer le chemin piéton entre Bellevue et le collège",
            "Le chemin qui descend du plateau vers le collège Victor-Hugo n'est pas éclairé. "
            "L'hiver, les collégiens le prennent à la nuit tombée. Nous proposons d'y poser "
            "un éclairage sobre, allumé de 6 h 30 à 9 h et de 16 h 30 à 20 h.",
        ),
        (
            "development",
            "conseil-de-developpement",
            CouncilSubmission.Kind.OPINION,
            -10,
            "Avis sur le projet de plan local de mobilité",
            "Le conseil de développement approuve les orientations du plan, mais demande que "
            "les aménagements cyclables des quartiers prioritaires passent en premier, et "
            "qu'un bilan public soit fait chaque année.",
        ),
    ):
        when = _at(city, days, 11)
        with _dated(when):
            submission = services.submission_create(
                actor=staff,
                council=city.get("councils", council),
                kind=kind,
                title=title,
                text=text,
            )
        CouncilSubmission.objects.filter(pk=submission.pk).update(submitted_at=when)
        made[key] = submission
    return made


# --- Sessions and their agendas -------------------------------------------------------------

COUNCIL_MINUTES = (
    "**Présents** : 31 conseillers sur 35 ; 4 pouvoirs.\n\n"
    "- Le procès-verbal de la séance précédente est approuvé à l'unanimité.\n"
    "- Les points inscrits à l'ordre du jour sont examinés dans l'ordre ; les délibérations "
    "sont publiées sur le site de la ville.\n"
    "- La séance est levée à 22 h 40."
)
COMMISSION_MINUTES = (
    "**Présents** : la présidente, le vice-président et trois membres.\n\n"
    "- Audition des délégués de l'atelier, puis questions des conseillers.\n"
    "- L'avis de la commission est transmis au conseil municipal."
)
COMMITTEE_MINUTES = (
    "**Présents** : douze membres et une vingtaine d'habitants.\n\n"
    "- Présentation des comptages de l'été par le service des mobilités.\n"
    "- Échanges avec la salle ; la proposition est transmise à la maire."
)


def _sessions(city, staff, bodies, workshops, submissions) -> dict[str, Session]:
    parking, sports = workshops.get(PARKING), workshops.get(SPORTS)
    presenting = workshops.get(PRESENTING)
    dossier = ItemKind.DOSSIER
    plan = {
        # The parking workshop: heard by the commission, then deliberated by the council.
        "urbanism_parking": (
            URBANISM,
            -155,
            18,
            COMMITTEE_ROOM,
            [
                (
                    dossier,
                    parking,
                    None,
                    "Audition des deux délégués de l'atelier. La commission donne un avis "
                    "favorable à la zone bleue et au parking relais, et réservé sur le "
                    "stationnement résidentiel payant.",
                    False,
                ),
            ],
        ),
        "council_parking": (
            COUNCIL,
            -140,
            19,
            CITY_HALL,
            [
                (
                    dossier,
                    parking,
                    None,
                    "Le conseil municipal approuve le plan de stationnement du quartier de la "
                    "Gare : zone bleue autour de la gare, étude d'un parking relais. Adopté "
                    "par 27 voix pour, 6 contre et 2 abstentions.",
                    True,
                ),
                (
                    ItemKind.VOEU,
                    "Vœu pour le maintien des trains du soir",
                    "Le conseil demande à la Région de maintenir les trains de 21 h et 22 h "
                    "vers la métropole.",
                    "Vœu adopté à l'unanimité.",
                    True,
                ),
            ],
        ),
        # The sports halls' workshop: heard by the commission; its answers and the council's
        # submission decided at the council's last session.
        "solidarity_sports": (
            SOLIDARITY,
            -45,
            18,
            COMMITTEE_ROOM,
            [
                (
                    dossier,
                    sports,
                    None,
                    "Audition des délégués de l'atelier. Avis favorable à l'ouverture des "
                    "gymnases jusqu'à 22 h ; la piscine le dimanche demande d'abord une étude "
                    "des coûts de personnel.",
                    False,
                ),
            ],
        ),
        "council_sports": (
            COUNCIL,
            -30,
            19,
            CITY_HALL,
            [
                (
                    ItemKind.SUBMISSION,
                    submissions["bellevue"],
                    None,
                    "Le président du conseil de quartier de Bellevue présente la proposition. "
                    "Le conseil municipal l'accepte et inscrit l'éclairage du chemin au budget "
                    "de l'année.",
                    True,
                ),
                (
                    dossier,
                    sports,
                    None,
                    "Le conseil municipal approuve les nouveaux horaires des gymnases à "
                    "compter de la rentrée. Adopté à l'unanimité.",
                    True,
                ),
            ],
        ),
        "cycling_past": (
            CYCLING,
            -60,
            18,
            BIKE_HOUSE,
            [
                (
                    ItemKind.VOEU,
                    "Des double-sens cyclables dans toutes les rues à 30 km/h",
                    "Proposition du comité à la maire, après les comptages de l'été.",
                    "Proposition adoptée par le comité et transmise à la maire.",
                    False,
                ),
            ],
        ),
        # Planned: the presenting workshop's hearing, the development council's opinion.
        "solidarity_next": (
            SOLIDARITY,
            5,
            18,
            COMMITTEE_ROOM,
            [(dossier, presenting, None, "", False)],
        ),
        "urbanism_next": (
            URBANISM,
            20,
            18,
            COMMITTEE_ROOM,
            [(ItemKind.SUBMISSION, submissions["development"], None, "", False)],
        ),
        "council_next": (
            COUNCIL,
            21,
            19,
            CITY_HALL,
            [
                (
                    ItemKind.VOEU,
                    "Vœu pour le maintien du bureau de poste des Coteaux",
                    "La Poste envisage de fermer le bureau des Coteaux : le conseil demande "
                    "son maintien, au moins en agence communale.",
                    "",
                    False,
                ),
            ],
        ),
        "cycling_next": (
            CYCLING,
            35,
            18,
            BIKE_HOUSE,
            [
                (
                    ItemKind.VOEU,
                    "Des arceaux abrités devant les écoles",
                    "Proposition des parents d'élèves membres du comité.",
                    "",
                    False,
                ),
            ],
        ),
    }
    return {
        key: _session(city, staff, bodies[body_key], days, hour, place, items)
        for key, (body_key, days, hour, place, items) in plan.items()
    }


def _session(city, staff, body: Body, days: int, hour: int, place: str, items) -> Session:
    """A session and its agenda, scheduled three weeks ahead; a past one is then held: each
    item's outcome, a deliberation number for the council's decisions, the minutes."""
    starts_at = _at(city, days, hour)
    scheduled_at = min(city.now, starts_at - 21 * DAY)
    with _dated(_past(city, scheduled_at)):
        session = services.session_save(
            actor=staff, body=body, starts_at=starts_at, place=place, public=body.public_sessions
        )
        added = [_item(staff, session, item) for item in items]
    if scheduled_at < city.now:
        Session.objects.filter(pk=session.pk).update(created_at=scheduled_at)
    if starts_at > city.now:
        return session
    decided_at = starts_at + 2 * DAY
    # Deliberations are numbered through the year: a later session, higher numbers.
    first_number = 100 - abs(days) // 3
    with _dated(decided_at):
        for number, (item, entry) in enumerate(zip(added, items, strict=True), start=first_number):
            if item is None:
                continue
            deliberates = entry[4]
            reference = f"{starts_at.year}-{number:03d}" if deliberates else ""
            services.item_outcome(
                actor=staff,
                item=item,
                outcome=entry[3],
                deliberation_number=reference,
                deliberation_date=starts_at.date() if deliberates else None,
                record_url=f"{RECORDS}/{reference}.pdf" if deliberates else "",
            )
        minutes = {
            BodyKind.MUNICIPAL_COUNCIL: COUNCIL_MINUTES,
            BodyKind.COMMISSION: COMMISSION_MINUTES,
        }.get(body.kind, COMMITTEE_MINUTES)
        services.session_outcome(
            actor=staff,
            session=session,
            minutes=minutes,
            record_url=f"{RECORDS}/seance-{starts_at:%Y-%m-%d}.pdf"
            if body.kind == BodyKind.MUNICIPAL_COUNCIL
            else "",
        )
    Session.objects.filter(pk=session.pk).update(held_at=decided_at)
    AgendaItem.objects.filter(session=session).update(outcome_recorded_at=decided_at)
    session.refresh_from_db()
    return session


def _item(staff, session: Session, entry) -> AgendaItem | None:
    kind, subject, summary = entry[0], entry[1], entry[2]
    if kind == ItemKind.DOSSIER:
        if subject is None or not services.has_adopted_recommendations(subject):
            return None
        return services.item_add(
            actor=staff,
            session=session,
            kind=kind,
            workshop=subject,
            title=f"Dossier de l'atelier « {subject.title} »",
            summary="Les délégués de l'atelier présentent ses préconisations adoptées.",
        )
    if kind == ItemKind.SUBMISSION:
        return services.item_add(actor=staff, session=session, kind=kind, submission=subject)
    return services.item_add(
        actor=staff, session=session, kind=kind, title=subject, summary=summary
    )


# --- Answers and milestones -----------------------------------------------------------------

MOBILITY = ("Direction de la voirie et des mobilités", "Denis Moreau, adjoint aux mobilités")
SPORT = ("Direction des sports", "Nathalie Guérin, adjointe aux solidarités et au sport")
LIGHTING = ("Direction des espaces publics", "Olivier Ferrand, adjoint à l'urbanisme")


# Each answer: (status, justification, who, answered N days from today, milestones); each
# milestone: (title, target in days from today, added N days from today, updates); each update:
# (N days from today, status, progress, note). A workshop's adopted recommendations take the
# answers in order; those left over stay unanswered.
ACCEPTED, PARTLY = AnswerStatus.ACCEPTED, AnswerStatus.PARTIALLY_ACCEPTED
DONE, UNDER_WAY = MilestoneStatus.DONE, MilestoneStatus.IN_PROGRESS
PARKING_ANSWERS = [
    (
        ACCEPTED,
        "La zone bleue entre en vigueur après l'arrêté ; elle sera évaluée au bout d'un an.",
        MOBILITY,
        -139,
        [
            (
                "Arrêté municipal créant la zone bleue",
                -110,
                -138,
                [(-112, DONE, 100, "L'arrêté est signé et affiché en mairie.")],
            ),
            # Late: its date has passed, half done.
            (
                "Panneaux et marquage au sol dans les huit rues",
                -20,
                -138,
                [
                    (-60, UNDER_WAY, 30, "Trois rues sur huit sont marquées."),
                    (-12, UNDER_WAY, 60, "Cinq rues sur huit ; la suite après les pluies."),
                ],
            ),
            ("Bilan de la première année de zone bleue", 220, -138, []),
        ],
    ),
    (
        PARTLY,
        "Le terrain de l'ancienne coopérative ne permet que 120 places : la ville étudie un "
        "parking relais de cette taille, sans le cheminement couvert demandé.",
        MOBILITY,
        -139,
        [
            (
                "Étude de faisabilité du parking relais",
                45,
                -130,
                # Done before its date: this recommendation is implemented.
                [
                    (-40, UNDER_WAY, 30, "Le bureau d'études a rendu le relevé du terrain."),
                    (-6, DONE, 100, "L'étude est rendue : 120 places, travaux au budget 2027."),
                ],
            ),
        ],
    ),
    (
        AnswerStatus.REJECTED,
        "Le conseil ne souhaite pas rendre le stationnement payant pour les riverains tant que "
        "la zone bleue n'a pas été évaluée.",
        MOBILITY,
        -139,
        [],
    ),
    # The fourth ("Compter les places libres…") is never answered: its deadline, three months
    # after the hearing, is long past.
]
SPORTS_ANSWERS = [
    (
        ACCEPTED,
        "",
        SPORT,
        -28,
        [
            (
                "Recrutement de deux gardiens pour le soir",
                15,
                -27,
                [(-7, UNDER_WAY, 50, "Un gardien est recruté, le second en entretien.")],
            ),
            ("Ouverture des gymnases jusqu'à 22 h", 45, -27, []),
        ],
    ),
    (
        AnswerStatus.UNDER_STUDY,
        "Le service des sports chiffre le coût d'un maître-nageur le dimanche ; la réponse "
        "sera donnée avec le budget de l'an prochain.",
        SPORT,
        -28,
        [],
    ),
    # The third waits, within its deadline.
]
SUBMISSION_ANSWER = (
    ACCEPTED,
    "Huit candélabres à LED, allumés aux heures proposées par le conseil de quartier.",
    LIGHTING,
    -29,
    [("Pose de huit candélabres sur le chemin", 60, -29, [])],
)


def _answer_all(city, staff, subjects: list, plans: list, session: Session) -> None:
    for subject, plan in zip(subjects, plans, strict=False):
        status, justification, who, days, milestones = plan
        answer = _answer(city, staff, subject, status, justification, who, session, days)
        for title, target_days, added_days, updates in milestones:
            _milestone(city, staff, answer, title, target_days, added_days, updates)


def _answer(city, staff, subject, status, justification, who, session, days) -> Answer:
    when = _at(city, days, 10)
    subject_field = "recommendation" if isinstance(subject, Recommendation) else "submission"
    with _dated(when):
        answer = answers.answer_save(
            actor=staff,
            status=status,
            justification=justification,
            service=who[0],
            elected_official=who[1],
            session=session,
            **{subject_field: subject},
        )
    Answer.objects.filter(pk=answer.pk).update(answered_at=when, updated_at=when)
    return answer


def _milestone(city, staff, answer, title, target_days, added_days, updates) -> Milestone:
    added = _at(city, added_days, 10)
    target_date = (city.now + target_days * DAY).date()
    with _dated(added):
        milestone = answers.milestone_add(
            actor=staff, answer=answer, title=title, target_date=target_date
        )
    Milestone.objects.filter(pk=milestone.pk).update(created_at=added, updated_at=added)
    for days, status, progress, note in updates:
        when = _at(city, days, 15)
        with _dated(when):
            update = answers.milestone_update(
                actor=staff, milestone=milestone, status=status, progress=progress, note=note
            )
        MilestoneUpdate.objects.filter(pk=update.pk).update(written_at=when)
        Milestone.objects.filter(pk=milestone.pk).update(
            updated_at=when, completed_on=when.date() if status == DONE else None
        )
    return milestone
