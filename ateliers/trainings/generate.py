"""The generated city's trainings (see core/generated_city.py): a catalogue, sessions over
the years and the coming months, and registrations as the services would leave them (the
seats counted, the full sessions with people waiting in line, one registration per person)."""

import datetime

from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Role
from ateliers.core.waitlist import RegistrationStatus
from ateliers.workshops.models import Workshop

from .models import SessionRegistration, Training, TrainingSession

DAY = datetime.timedelta(days=1)
SUBJECTS = [
    "Lire un plan d'urbanisme",
    "Comprendre le budget communal",
    "Animer une réunion publique",
    "Les marchés publics",
    "Le climat dans la ville",
    "Mobilités : les outils",
]


def generate(city: GeneratedCity) -> None:
    rng = city.rng("trainings")
    scale = city.scale
    trainings = city.bulk(
        Training,
        (
            Training(
                title=f"{SUBJECTS[number % len(SUBJECTS)]} ({number + 1})",
                slug=f"formation-{number + 1}",
                summary="Ce que la formation apprend, en quelques phrases.",
                audience="Tous les habitants.",
                trainer="Organisme de formation",
            )
            for number in range(scale.trainings)
        ),
        label="trainings",
    )
    start = city.now - scale.years * 365 * DAY
    span = city.now + 90 * DAY - start
    sessions = []
    for number in range(scale.training_sessions):
        starts_at = (start + span * rng.random()).replace(minute=0, second=0, microsecond=0)
        sessions.append(
            TrainingSession(
                training_id=trainings[number % len(trainings)],
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                place="Maison des associations",
                address="Place de la mairie",
                capacity=rng.choice([12, 15, 20, 25, 30, 40]),
            )
        )
    # Registrations, as many as the scale says, spread over the sessions; a session takes
    # its seats first, then the rest wait in line.
    residents = city.facts["accounts_by_role"][Role.RESIDENT]
    per_session = [0] * len(sessions)
    for _ in range(scale.training_registrations):
        per_session[rng.randrange(len(sessions))] += 1
    for session, wanted in zip(sessions, per_session, strict=True):
        session.registered_count = min(wanted, session.capacity)
    ids = city.bulk(TrainingSession, sessions, label="training sessions")

    def registrations():
        for session_id, session, wanted in zip(ids, sessions, per_session, strict=True):
            people = rng.sample(residents, min(wanted, len(residents)))
            for index, person in enumerate(people):
                yield SessionRegistration(
                    session_id=session_id,
                    user_id=person,
                    status=RegistrationStatus.REGISTERED
                    if index < session.capacity
                    else RegistrationStatus.WAITLISTED,
                )

    city.bulk_plain(SessionRegistration, registrations(), label="training registrations")
    # The running workshops recommend a training or two.
    running = Workshop.objects.filter(starts_at__lte=city.now, ends_at__gt=city.now)
    through = Training.recommended_for.through
    city.bulk_plain(
        through,
        (
            through(workshop_id=workshop, training_id=training)
            for workshop in running.values_list("pk", flat=True)
            for training in rng.sample(trainings, min(2, len(trainings)))
        ),
        label="trainings recommended by workshops",
    )
