"""The generated city's meetings (see core/generated_city.py): meetings in every phase of the
workshops and councils' meetings over the years; the past ones closed with minutes, a fifth
taking registrations with seats counted as the services would."""

import datetime

from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Role
from ateliers.core.waitlist import RegistrationStatus
from ateliers.workshops.models import Phase

from .models import Meeting, MeetingRegistration

HOUR = datetime.timedelta(hours=1)
# Workshops hold most meetings; councils the rest.
SHARE_OF_COUNCILS = 0.25
KIND_OF_PHASE = {1: "information", 2: "site_visit", 3: "debate", 4: "drafting", 5: "presentation"}


def generate(city: GeneratedCity) -> None:
    rng = city.rng("meetings")
    scale = city.scale
    phases = list(Phase.objects.values_list("workshop_id", "kind", "starts_at", "ends_at"))
    for_councils = int(scale.meetings * SHARE_OF_COUNCILS)
    start = city.now - scale.years * 365 * datetime.timedelta(days=1)
    span = city.now + 90 * datetime.timedelta(days=1) - start

    def meeting(number: int) -> Meeting:
        if number < scale.meetings - for_councils:
            workshop, kind, phase_start, phase_end = rng.choice(phases)
            starts_at = phase_start + (phase_end - phase_start) * rng.random()
            owner = {"workshop_id": workshop}
            meeting_kind = KIND_OF_PHASE[kind]
        else:
            starts_at = start + span * rng.random()
            owner = {"council_id": rng.choice(city.ids["councils"])}
            meeting_kind = "council"
        starts_at = starts_at.replace(minute=0, second=0, microsecond=0)
        past = starts_at + 2 * HOUR < city.now
        seats = rng.choice([20, 30, 50]) if rng.random() < 0.2 else None
        return Meeting(
            **owner,
            kind=meeting_kind,
            title=f"Réunion n° {number + 1}",
            starts_at=starts_at,
            ends_at=starts_at + 2 * HOUR,
            place="Maison des associations",
            address="Place de la mairie",
            registration_required=seats is not None,
            capacity=seats,
            closed_at=starts_at + 3 * HOUR if past else None,
            minutes="Compte rendu de la réunion." if past else "",
            attendee_count=rng.randint(8, 60) if past else None,
        )

    meetings = [meeting(number) for number in range(scale.meetings)]
    taking = [index for index, item in enumerate(meetings) if item.registration_required]
    wanted = [0] * len(meetings)
    for _ in range(scale.meeting_registrations if taking else 0):
        wanted[rng.choice(taking)] += 1
    for item, count in zip(meetings, wanted, strict=True):
        if item.capacity is not None:
            item.registered_count = min(count, item.capacity)
    ids = city.bulk(Meeting, meetings, label="meetings")
    residents = city.facts["accounts_by_role"][Role.RESIDENT]

    def registrations():
        for meeting_id, item, count in zip(ids, meetings, wanted, strict=True):
            for index, person in enumerate(rng.sample(residents, min(count, len(residents)))):
                yield MeetingRegistration(
                    meeting_id=meeting_id,
                    user_id=person,
                    status=RegistrationStatus.REGISTERED
                    if index < (item.capacity or 0)
                    else RegistrationStatus.WAITLISTED,
                )

    city.bulk_plain(MeetingRegistration, registrations(), label="meeting registrations")
