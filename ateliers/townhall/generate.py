"""The generated city's town hall (see core/generated_city.py): its bodies, and the road of every
workshop that has reached its presentation phase, as the services would have left it.

- The municipal council (the mayor in the chair, deputies, councillors), 6 to 8 commissions
  of councillors and 3 consultative committees with residents and associations.
- Each workshop past its presentation phase (or in it) chose its delegates, by election and by
  lot in turn (a draw: volunteers, a seed, and the delegates `delegates.draw` gives for them).
- Each one with adopted recommendations is heard by a commission around its presentation
  phase, then its dossier is deliberated by the council; past sessions are held, with their
  minutes and outcomes, later ones planned.
- Its adopted recommendations are answered once heard, in realistic shares (ANSWER_SHARES),
  some never (those past their deadline are overdue); the accepted ones get 1 to 4 milestones
  (partially accepted: 1 or 2), done, late or on time, each with its dated updates.
- Each council sends a few proposals and opinions: on the council's agenda, heard, answered.

Rows are bulk-inserted; everything is drawn from the generator's seed."""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.text import slugify

from ateliers.activity.models import Action
from ateliers.core.generate import FAMILY_NAMES, FIRST_NAMES
from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Role
from ateliers.councils.models import Council
from ateliers.recommendations.models import Recommendation
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

from .deadlines import add_months
from .delegates import draw
from .models import (
    DEFAULT_ANSWER_MONTHS,
    MAX_DELEGATES,
    AgendaItem,
    Answer,
    AnswerDeadline,
    AnswerStatus,
    Body,
    BodyKind,
    BodyMember,
    CouncilSubmission,
    Delegate,
    DelegateMethod,
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
COUNCILLORS = {"small": 33, "city": 55, "metropolis": 69}
COMMISSIONS = {"small": 6, "city": 7, "metropolis": 8}
COMMISSION_NAMES = [
    "Commission urbanisme, mobilités et cadre de vie",
    "Commission solidarités et vie des quartiers",
    "Commission éducation et jeunesse",
    "Commission culture, sport et vie associative",
    "Commission transition écologique",
    "Commission finances et administration générale",
    "Commission économie, commerce et emploi",
    "Commission santé et handicap",
]
COMMITTEES = ["Comité consultatif vélo", "Comité consultatif des aînés", "Comité des usagers"]
# Sessions: every 35 days for the council, 14 for a commission (when it has a hearing), 91
# for a committee; at this hour, local time.
EVERY = {BodyKind.MUNICIPAL_COUNCIL: 35, BodyKind.COMMISSION: 14, "committee": 91}
HOUR = {BodyKind.MUNICIPAL_COUNCIL: 19, BodyKind.COMMISSION: 18, "committee": 18}
PLACES = {
    BodyKind.MUNICIPAL_COUNCIL: "Hôtel de ville, salle du conseil",
    BodyKind.COMMISSION: "Hôtel de ville, salle des commissions",
    "committee": "Maison des associations",
}
MINUTES = (
    "**Présents** : voir la feuille d'émargement.\n\n"
    "- Les points de l'ordre du jour ont été examinés dans l'ordre.\n"
    "- Les décisions et les avis sont publiés ci-dessous."
)
RECORDS = "https://ville.example/actes"
# The city's answers to adopted recommendations; the rest are not answered.
ANSWER_SHARES = [
    (AnswerStatus.ACCEPTED, 0.45),
    (AnswerStatus.PARTIALLY_ACCEPTED, 0.20),
    (AnswerStatus.UNDER_STUDY, 0.15),
    (AnswerStatus.REJECTED, 0.10),
]
JUSTIFICATIONS = {
    AnswerStatus.ACCEPTED: "",
    AnswerStatus.PARTIALLY_ACCEPTED: "La ville retient la mesure sur une partie du territoire, "
    "faute de budget pour l'ensemble cette année.",
    AnswerStatus.UNDER_STUDY: "Les services chiffrent la mesure ; réponse définitive avec le "
    "prochain budget.",
    AnswerStatus.REJECTED: "La mesure relève d'une autre collectivité ou dépasse les moyens de "
    "la ville ; elle n'est pas retenue.",
}
SERVICES = [
    ("Direction de la voirie et des mobilités", "l'adjoint aux mobilités"),
    ("Direction des espaces verts", "l'adjointe au cadre de vie"),
    ("Direction de l'action sociale", "l'adjointe aux solidarités"),
    ("Direction des sports", "l'adjoint aux sports"),
    ("Direction de la culture", "l'adjointe à la culture"),
    ("Direction de l'éducation", "l'adjoint à l'éducation"),
]
MILESTONES = ["Étude préalable", "Vote du budget", "Consultation des riverains", "Travaux", "Bilan"]
NOTES = ["Le cahier des charges est rédigé.", "Les travaux avancent.", "Le chantier est livré."]
SUBMISSION_SUBJECTS = ["l'éclairage", "les trottoirs", "la propreté", "les horaires", "les arbres"]


def generate(city: GeneratedCity) -> None:
    rng = city.rng("townhall")
    road = Road(city, rng)
    road.bodies()
    road.workshops()
    road.delegations()
    road.submissions()
    road.sessions_and_items()
    road.answers()
    city.bulk_plain(Action, road.actions, label="activity log: town hall")


@dataclass
class Heard:
    """A workshop that reached its presentation phase."""

    pk: int
    title: str
    chosen_by: int
    presented: datetime.datetime
    participants: list[int]
    adopted: list[tuple[int, str]] = field(default_factory=list)
    commission: int | None = None
    hearing: tuple | None = None
    deliberation: tuple | None = None
    months: int = DEFAULT_ANSWER_MONTHS


class Road:
    def __init__(self, city: GeneratedCity, rng: random.Random):
        self.city, self.rng = city, rng
        self.staff = city.facts["accounts_by_role"][Role.CITY_STAFF]
        self.actions: list[Action] = []
        self.types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Workshop, Recommendation, CouncilSubmission, Session)
        }
        # Sessions by (body id, day): their agenda, in order, as (kind, subject, title).
        self.agendas: dict[tuple[int, datetime.date], list[tuple]] = defaultdict(list)
        self.kinds: dict[int, str] = {}
        self.names: dict[int, str] = {}
        self.weekday: dict[int, int] = {}

    # --- Bodies ---------------------------------------------------------------------------

    def bodies(self) -> None:
        city, rng = self.city, self.rng
        scale = city.scale.name
        councillors = self._names(COUNCILLORS.get(scale, 33))
        plan = [(BodyKind.MUNICIPAL_COUNCIL, "Conseil municipal", True)]
        plan += [
            (BodyKind.COMMISSION, name, False)
            for name in COMMISSION_NAMES[: COMMISSIONS.get(scale, 6)]
        ]
        plan += [(BodyKind.CONSULTATIVE_COMMITTEE, name, True) for name in COMMITTEES]
        ids = city.bulk(
            Body,
            (
                Body(
                    kind=kind,
                    name=name,
                    slug=slugify(name),
                    description=f"{name} de la ville.",
                    public_sessions=public,
                )
                for kind, name, public in plan
            ),
            label="town hall bodies",
        )
        self.council = ids[0]
        self.commissions = ids[1 : 1 + COMMISSIONS.get(scale, 6)]
        self.committees = ids[1 + len(self.commissions) :]
        for pk, (kind, name, _public) in zip(ids, plan, strict=True):
            self.kinds[pk], self.names[pk] = kind, name
            # Each body meets on a weekday of its own (Monday to Thursday).
            self.weekday[pk] = len(self.weekday) % 4
        themes = city.ids["themes"]
        # Each theme to a commission, in turn: a workshop is heard by its theme's commission.
        self.commission_of_theme = {
            theme: self.commissions[index % len(self.commissions)]
            for index, theme in enumerate(themes)
        }
        through = Body.themes.through
        city.bulk_plain(
            through,
            [
                through(body_id=body, theme_id=theme)
                for theme, body in self.commission_of_theme.items()
            ]
            + [
                through(body_id=body, theme_id=themes[index % len(themes)])
                for index, body in enumerate(self.committees)
            ],
            label="town hall bodies' themes",
        )
        mayor, deputies = councillors[0], councillors[1:9]

        def members():
            yield BodyMember(body_id=self.council, name=mayor, role=MemberRole.CHAIR)
            for name in deputies:
                yield BodyMember(body_id=self.council, name=name, role=MemberRole.VICE_CHAIR)
            for name in councillors[9:]:
                yield BodyMember(body_id=self.council, name=name, role=MemberRole.MEMBER)
            for index, body in enumerate(self.commissions):
                seated = rng.sample(councillors[9:], k=min(len(councillors) - 9, 8))
                yield BodyMember(body_id=body, name=mayor, role=MemberRole.CHAIR)
                yield BodyMember(
                    body_id=body, name=deputies[index % len(deputies)], role=MemberRole.VICE_CHAIR
                )
                for name in seated:
                    yield BodyMember(body_id=body, name=name)
            people = self._names(12 * len(self.committees), offset=len(councillors))
            for index, body in enumerate(self.committees):
                yield BodyMember(body_id=body, name=deputies[-1 - index], role=MemberRole.CHAIR)
                for number, name in enumerate(people[index * 12 : (index + 1) * 12]):
                    # One in four for an association, the others as residents.
                    yield BodyMember(
                        body_id=body,
                        name=name,
                        capacity=MemberCapacity.ASSOCIATION
                        if number % 4 == 0
                        else MemberCapacity.RESIDENT,
                    )

        city.bulk_plain(BodyMember, members(), label="town hall members")

    def _names(self, count: int, offset: int = 0) -> list[str]:
        """`count` different names, the same ones for the same seed."""
        names = [f"{first} {family}" for family in FAMILY_NAMES for first in FIRST_NAMES]
        random.Random(f"{self.city.seed}:townhall names").shuffle(names)
        return names[offset : offset + count]

    # --- Workshops that reached their presentation ----------------------------------------

    def workshops(self) -> None:
        now = self.city.now
        presented = dict(
            Phase.objects.filter(
                kind=PhaseKind.PRESENTATION,
                starts_at__lte=now,
                workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED],
            ).values_list("workshop_id", "starts_at")
        )
        people = defaultdict(list)
        for workshop, user in (
            Participation.objects.filter(workshop_id__in=presented)
            .order_by("workshop_id", "pk")
            .values_list("workshop_id", "user_id")
        ):
            people[workshop].append(user)
        self.heard = {
            pk: Heard(pk, title, chosen_by, presented[pk], people[pk])
            for pk, title, chosen_by in Workshop.objects.filter(pk__in=presented)
            .order_by("pk")
            .values_list("pk", "title", "created_by_id")
        }
        for pk, workshop, title in (
            Recommendation.objects.filter(
                workshop_id__in=presented, status=Recommendation.Status.ADOPTED
            )
            .order_by("pk")
            .values_list("pk", "workshop_id", "title")
        ):
            self.heard[workshop].adopted.append((pk, title))
        first_theme = {}
        for workshop, theme in (
            Workshop.themes.through.objects.filter(workshop_id__in=presented)
            .order_by("pk")
            .values_list("workshop_id", "theme_id")
        ):
            first_theme.setdefault(workshop, theme)
        for workshop in self.heard.values():
            theme = first_theme.get(workshop.pk)
            workshop.commission = (
                self.commission_of_theme[theme]
                if theme in self.commission_of_theme
                else self.rng.choice(self.commissions)
            )

    # --- Delegates: by election and by lot in turn ----------------------------------------

    def delegations(self) -> None:
        rng, city = self.rng, self.city
        chosen = [workshop for workshop in self.heard.values() if workshop.participants]
        rows, delegates, volunteers, decided_on = [], [], [], []
        for index, workshop in enumerate(chosen):
            decided = min(city.now, workshop.presented - rng.uniform(0, 5) * DAY)
            seats = rng.randint(1, min(MAX_DELEGATES, len(workshop.participants)))
            if index % 2:
                candidates = sorted(
                    rng.sample(
                        workshop.participants,
                        min(len(workshop.participants), rng.randint(seats, seats + 6)),
                    )
                )
                seed = f"{rng.getrandbits(128):032x}"  # as delegates_draw makes one
                row = Delegation(
                    workshop_id=workshop.pk,
                    method=DelegateMethod.LOT,
                    seats=seats,
                    seed=seed,
                    candidates=candidates,
                    decided_by_id=workshop.chosen_by,
                )
                volunteers.append([(workshop.pk, user) for user in candidates])
                delegates.append([(user, None) for user in draw(seed, candidates, seats)])
                self._log(
                    "townhall.delegates_drawn",
                    Workshop,
                    workshop.pk,
                    workshop.title,
                    decided,
                    actor=workshop.chosen_by,
                    title=workshop.title,
                    seed=seed,
                    count=len(candidates),
                )
            else:
                elected = rng.sample(workshop.participants, seats)
                votes = sorted((rng.randint(5, 40) for _ in elected), reverse=True)
                row = Delegation(
                    workshop_id=workshop.pk,
                    method=DelegateMethod.ELECTION,
                    seats=seats,
                    note="Élus par les participants lors de la réunion de présentation.",
                    decided_by_id=workshop.chosen_by,
                )
                volunteers.append([])
                delegates.append(list(zip(elected, votes, strict=True)))
                self._log(
                    "townhall.delegates_elected",
                    Workshop,
                    workshop.pk,
                    workshop.title,
                    decided,
                    actor=workshop.chosen_by,
                    title=workshop.title,
                    count=seats,
                )
            decided_on.append(decided)
            rows.append(row)
        ids = city.bulk(Delegation, rows, label="delegations")
        # `decided_at` is set on creation (to today): put back the day each was chosen.
        Delegation.objects.bulk_update(
            [
                Delegation(pk=pk, decided_at=decided)
                for pk, decided in zip(ids, decided_on, strict=True)
            ],
            ["decided_at"],
            batch_size=2_000,
        )
        city.bulk_plain(
            Delegate,
            (
                Delegate(delegation_id=pk, user_id=user, position=position, votes=votes)
                for pk, chosen_ones in zip(ids, delegates, strict=True)
                for position, (user, votes) in enumerate(chosen_ones, start=1)
            ),
            label="delegates",
        )
        city.bulk_plain(
            Volunteer,
            (
                Volunteer(workshop_id=workshop, user_id=user)
                for offered in volunteers
                for workshop, user in offered
            ),
            label="delegate volunteers",
        )

    # --- Councils' submissions ------------------------------------------------------------

    def submissions(self) -> None:
        rng, city = self.rng, self.city
        first = city.now - 365 * city.scale.years * DAY
        rows = []
        councils = dict(Council.objects.order_by("pk").values_list("pk", "name"))
        for council in councils:
            for _ in range(rng.randint(1, 4)):
                subject = rng.choice(SUBMISSION_SUBJECTS)
                opinion = rng.random() < 0.3
                rows.append(
                    CouncilSubmission(
                        council_id=council,
                        kind=CouncilSubmission.Kind.OPINION
                        if opinion
                        else CouncilSubmission.Kind.PROPOSAL,
                        title=f"{'Avis' if opinion else 'Proposition'} sur {subject}",
                        text=f"Le conseil demande à la ville d'agir sur {subject} dans le "
                        "quartier, et propose d'en suivre la mise en œuvre.",
                        submitted_by_id=rng.choice(self.staff),
                        submitted_at=city.moment(rng, first, city.now - 3 * DAY),
                    )
                )
        # `submitted_at` is set on creation (to today): put back the day each was sent.
        sent = [row.submitted_at for row in rows]
        ids = city.bulk(CouncilSubmission, rows, label="council submissions")
        CouncilSubmission.objects.bulk_update(
            [
                CouncilSubmission(pk=pk, submitted_at=when)
                for pk, when in zip(ids, sent, strict=True)
            ],
            ["submitted_at"],
            batch_size=2_000,
        )
        self.submitted = []
        for pk, row, when in zip(ids, rows, sent, strict=True):
            row.submitted_at = when
            heard_on = self._day(self.council, when + 10 * DAY)
            self.agendas[(self.council, heard_on)].append((ItemKind.SUBMISSION, pk, row.title))
            self.submitted.append((pk, row, (self.council, heard_on)))
            self._log(
                "townhall.submission_received",
                CouncilSubmission,
                pk,
                row.title,
                row.submitted_at,
                actor=row.submitted_by_id,
                title=row.title,
                council=councils[row.council_id],
            )

    # --- Sessions, agendas and outcomes ---------------------------------------------------

    def _day(self, body: int, after: datetime.datetime) -> datetime.date:
        """The body's first session day on or after `after` (its sessions come at a steady
        pace from a day of its own)."""
        kind = self.kinds[body]
        kind = kind if kind != BodyKind.CONSULTATIVE_COMMITTEE else "committee"
        every = EVERY[kind]
        anchor = datetime.date(2000, 1, 3) + self.weekday[body] * DAY
        day = timezone.localtime(after).date()
        steps = -(-(day - anchor).days // every)
        return anchor + steps * every * DAY

    def _starts(self, key: tuple[int, datetime.date]) -> datetime.datetime:
        body, day = key
        kind = self.kinds[body]
        kind = kind if kind != BodyKind.CONSULTATIVE_COMMITTEE else "committee"
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(HOUR[kind])))

    def sessions_and_items(self) -> None:
        rng, city = self.rng, self.city
        for workshop in self.heard.values():
            if not workshop.adopted:
                continue
            around = workshop.presented + rng.uniform(0, 10) * DAY
            workshop.hearing = (workshop.commission, self._day(workshop.commission, around))
            deliberation = self._starts(workshop.hearing) + 7 * DAY
            workshop.deliberation = (self.council, self._day(self.council, deliberation))
            for key in (workshop.hearing, workshop.deliberation):
                self.agendas[key].append((ItemKind.DOSSIER, workshop.pk, workshop.title))
        # The council meets all along, committees every quarter: a vœu on each agenda.
        first = city.now - 365 * city.scale.years * DAY
        for body in (self.council, *self.committees):
            moment = first
            while moment < city.now + 120 * DAY:
                key = (body, self._day(body, moment))
                subject = rng.choice(SUBMISSION_SUBJECTS)
                self.agendas[key].append((ItemKind.VOEU, None, f"Vœu sur {subject}"))
                moment = self._starts(key) + DAY
        keys = sorted(self.agendas, key=lambda key: (key[1], key[0]))
        sessions = []
        for key in keys:
            starts_at = self._starts(key)
            held = starts_at < city.now
            held_at = min(city.now, starts_at + 2 * DAY) if held else None
            council = key[0] == self.council
            sessions.append(
                Session(
                    body_id=key[0],
                    starts_at=starts_at,
                    place=PLACES.get(self.kinds[key[0]], PLACES["committee"]),
                    public=self.kinds[key[0]] != BodyKind.COMMISSION,
                    minutes=MINUTES if held else "",
                    record_url=f"{RECORDS}/seance-{key[1]:%Y-%m-%d}.pdf"
                    if held and council
                    else "",
                    held_at=held_at,
                )
            )
        ids = city.bulk(Session, sessions, label="town hall sessions")
        self.sessions = {key: (pk, row) for key, pk, row in zip(keys, ids, sessions, strict=True)}
        numbers: dict[int, int] = defaultdict(int)

        def items():
            for key, (pk, row) in self.sessions.items():
                council = key[0] == self.council
                if row.held_at is not None:
                    self._log(
                        "townhall.session_held",
                        Session,
                        pk,
                        f"{self.names[key[0]]} – {key[1]:%Y-%m-%d}",
                        row.held_at,
                        actor=rng.choice(self.staff),
                        body=self.names[key[0]],
                        date=key[1].isoformat(),
                    )
                for position, (kind, subject, title) in enumerate(self.agendas[key], start=1):
                    item = AgendaItem(
                        session_id=pk,
                        position=position,
                        kind=kind,
                        title=f"Dossier de l'atelier « {title} »"[:200]
                        if kind == ItemKind.DOSSIER
                        else title,
                        workshop_id=subject if kind == ItemKind.DOSSIER else None,
                        submission_id=subject if kind == ItemKind.SUBMISSION else None,
                    )
                    if row.held_at is not None:
                        item.outcome = _outcome(kind, council)
                        item.outcome_recorded_at = row.held_at
                        if council and kind != ItemKind.SUBMISSION:
                            numbers[key[1].year] += 1
                            item.deliberation_number = f"{key[1].year}-{numbers[key[1].year]:03d}"
                            item.deliberation_date = key[1]
                            item.record_url = f"{RECORDS}/{item.deliberation_number}.pdf"
                        self._log(
                            "townhall.item_outcome",
                            Session,
                            pk,
                            f"{self.names[key[0]]} – {key[1]:%Y-%m-%d}",
                            row.held_at,
                            actor=rng.choice(self.staff),
                            title=item.title,
                            body=self.names[key[0]],
                        )
                    yield item

        city.bulk_plain(AgendaItem, items(), label="agenda items")

    # --- Answers and milestones -----------------------------------------------------------

    def answers(self) -> None:
        rng, city = self.rng, self.city
        deadlines, answers, subjects = [], [], []
        for workshop in self.heard.values():
            if workshop.hearing is None:
                continue
            # One workshop in five set its own deadline.
            if rng.random() < 0.2:
                workshop.months = rng.choice([2, 4, 6])
                deadlines.append(AnswerDeadline(workshop_id=workshop.pk, months=workshop.months))
            heard_at = self._starts(workshop.hearing)
            if heard_at > city.now:
                continue
            council_session = self.sessions[workshop.deliberation]
            for pk, title in workshop.adopted:
                answer = self._answer(heard_at, workshop.months, council_session)
                if answer is not None:
                    answer.recommendation_id = pk
                    answers.append(answer)
                    subjects.append((Recommendation, pk, title))
        for pk, row, key in self.submitted:
            session_pk, session = self.sessions[key]
            if session.held_at is None:
                continue
            answer = self._answer(session.starts_at, row.answer_months, (session_pk, session))
            if answer is not None:
                answer.submission_id = pk
                answers.append(answer)
                subjects.append((CouncilSubmission, pk, row.title))
        city.bulk_plain(AnswerDeadline, deadlines, label="answer deadlines")
        ids = city.bulk(Answer, answers, label="answers")
        for answer, (model, pk, title) in zip(answers, subjects, strict=True):
            self._log(
                "townhall.answered",
                model,
                pk,
                title,
                answer.answered_at,
                actor=answer.answered_by_id,
                title=title,
                status=answer.status,
            )
        self._milestones(ids, answers, subjects)

    def _answer(self, heard_at, months: int, session) -> Answer | None:
        """The city's answer, some weeks after the hearing (None: not answered, or not yet)."""
        rng, city = self.rng, self.city
        roll, status = rng.random(), None
        for choice, share in ANSWER_SHARES:
            if roll < share:
                status = choice
                break
            roll -= share
        heard_on = timezone.localtime(heard_at).date()
        window = max(10, (add_months(heard_on, months) - heard_on).days - 5)
        answered_at = heard_at + rng.uniform(7, window) * DAY
        if status is None or answered_at >= city.now:
            return None
        session_pk, session_row = session
        service, official = rng.choice(SERVICES)
        return Answer(
            status=status,
            justification=JUSTIFICATIONS[status],
            service=service,
            elected_official=official,
            session_id=session_pk if session_row.starts_at <= answered_at else None,
            answered_by_id=rng.choice(self.staff),
            answered_at=answered_at,
            updated_at=answered_at,
        )

    def _milestones(self, ids: list[int], answers: list[Answer], subjects: list) -> None:
        rng, city = self.rng, self.city
        today = city.today
        milestones, histories = [], []
        for pk, answer, subject in zip(ids, answers, subjects, strict=True):
            if answer.status == AnswerStatus.ACCEPTED:
                count = rng.randint(1, 4)
            elif answer.status == AnswerStatus.PARTIALLY_ACCEPTED:
                count = rng.randint(1, 2)
            else:
                continue
            target = answer.answered_at.date()
            for number in range(count):
                target += rng.randint(30, 200) * DAY
                milestone, history = self._milestone(pk, answer, number, target, today)
                milestones.append(milestone)
                histories.append((history, subject))
        ids = city.bulk(Milestone, milestones, label="milestones")

        def updates():
            for milestone_pk, milestone, (history, subject) in zip(
                ids, milestones, histories, strict=True
            ):
                model, subject_pk, title = subject
                for status, progress, written_at, note in history:
                    writer = rng.choice(self.staff)
                    self._log(
                        "townhall.milestone_updated",
                        model,
                        subject_pk,
                        title,
                        written_at,
                        actor=writer,
                        title=title,
                        milestone=milestone.title,
                        progress=progress,
                    )
                    yield MilestoneUpdate(
                        milestone_id=milestone_pk,
                        status=status,
                        progress=progress,
                        note=note,
                        written_by_id=writer,
                        written_at=written_at,
                    )

        city.bulk_plain(MilestoneUpdate, updates(), label="milestone updates")
        # Added with their answer (`created_at` is set on creation, to today).
        answered_at = Answer.objects.filter(pk=OuterRef("answer_id")).values("answered_at")[:1]
        Milestone.objects.update(created_at=Subquery(answered_at))

    def _milestone(self, answer_pk, answer, number, target, today):
        """A milestone and its updates: (status, progress, written at, note) each. Past its
        date, mostly done, else late; before it, under way or planned."""
        rng, city = self.rng, self.city
        start = answer.answered_at
        if target < today and rng.random() < 0.7:
            done_on = min(today, target - rng.randint(0, 20) * DAY)
            done_on = max(done_on, start.date())
            status, progress = MilestoneStatus.DONE, 100
            end = timezone.make_aware(datetime.datetime.combine(done_on, datetime.time(15)))
            end = max(start, min(end, city.now))
        elif rng.random() < 0.6:
            done_on, status, progress = None, MilestoneStatus.IN_PROGRESS, rng.randint(10, 90)
            end = city.now
        else:
            done_on, status, progress, end = None, MilestoneStatus.PLANNED, 0, start
        steps = 0 if status == MilestoneStatus.PLANNED else rng.randint(1, 3)
        moments = sorted(city.moment(rng, start, end) for _ in range(steps - 1)) + [end]
        history = []
        for index, moment in enumerate(moments[:steps]):
            last = index == steps - 1
            history.append(
                (
                    status if last else MilestoneStatus.IN_PROGRESS,
                    progress if last else progress * (index + 1) // (steps + 1),
                    moment,
                    NOTES[-1] if last and status == MilestoneStatus.DONE else NOTES[min(index, 1)],
                )
            )
        milestone = Milestone(
            answer_id=answer_pk,
            title=f"{MILESTONES[number % len(MILESTONES)]} (étape {number + 1})",
            target_date=target,
            status=status,
            progress=progress,
            note=history[-1][3] if history else "",
            completed_on=done_on,
            updated_at=history[-1][2] if history else start,
        )
        return milestone, history

    # --- The activity log -----------------------------------------------------------------

    def _log(self, verb, model, pk, label, when, *, actor, **data) -> None:
        self.actions.append(
            Action(
                actor_id=actor,
                verb=verb,
                target_type=self.types[model],
                target_id=pk,
                target_label=str(label)[:200],
                data=data,
                public=True,
                created_at=when,
            )
        )


def _outcome(kind: str, council: bool) -> str:
    if kind == ItemKind.DOSSIER:
        return (
            "Le conseil municipal approuve les suites proposées pour les préconisations."
            if council
            else "Audition des délégués de l'atelier ; la commission donne un avis favorable."
        )
    if kind == ItemKind.SUBMISSION:
        return "Le conseil prend acte de la proposition et la confie aux services."
    return "Vœu adopté." if council else "Proposition transmise au maire."
