"""Load the demo city of Villebelle (ateliers/core/demo/data.py). Running it again updates the
same rows: nothing is duplicated, and the dates move with today's date."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.core.demo import data
from ateliers.core.models import Neighbourhood, Role, Theme, User
from ateliers.councils.models import Council, Mandate
from ateliers.proposals.models import WorkshopProposal
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind, default_phase_bounds

DAY = datetime.timedelta(days=1)


class Command(BaseCommand):
    help = "Load (or refresh) the demo city: neighbourhoods, councils, workshops, accounts."

    def handle(self, *args, **options):
        now = timezone.now()
        with transaction.atomic():
            loader = DemoLoader(now=now)
            loader.load()
        self.stdout.write(
            self.style.SUCCESS(
                _("The demo city of %(city)s is loaded.") % {"city": settings.SITE_NAME}
            )
        )
        self.stdout.write(loader.summary())
        self.stdout.write("")
        self.stdout.write(
            _("Demo accounts (password for all: %(password)s):") % {"password": data.DEMO_PASSWORD}
        )
        for user in loader.accounts:
            note = _(" — also Django's admin, /admin/") if user.is_superuser else ""
            self.stdout.write(f"  {user.email:<32} {user.get_role_display()}{note}")


def workshop_span(when: tuple[str, int], days: int, now) -> tuple[datetime.datetime, ...]:
    """Start and end of a workshop placed as `when` says (see data.WORKSHOPS)."""
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


class DemoLoader:
    def __init__(self, *, now):
        self.now = now
        self.today = timezone.localdate(now)
        self.neighbourhoods: dict[str, Neighbourhood] = {}
        self.themes: dict[str, Theme] = {}
        self.people: dict[str, User] = {}
        self.councils: dict[str, Council] = {}
        self.workshops: dict[str, Workshop] = {}
        self.accounts: list[User] = []
        # Hashing is slow on purpose: hash the one demo password once for everybody.
        self.password_hash = make_password(data.DEMO_PASSWORD)

    def load(self) -> None:
        self.load_territory()
        self.load_people()
        self.load_councils()
        self.load_workshops()
        self.load_proposals()

    def load_territory(self) -> None:
        for item in data.NEIGHBOURHOODS:
            self.neighbourhoods[item["slug"]], _created = Neighbourhood.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "description": item["description"],
                    "is_priority": item.get("is_priority", False),
                },
            )
        for item in data.THEMES:
            self.themes[item["slug"]], _created = Theme.objects.update_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item["description"]},
            )

    def _person(self, *, email, display_name, role, neighbourhood, **flags) -> User:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "display_name": display_name,
                "role": role,
                "neighbourhood": self.neighbourhoods.get(neighbourhood),
                "is_active": True,
                "is_staff": flags.get("is_staff", False),
                "is_superuser": flags.get("is_superuser", False),
                "password": self.password_hash,
            },
        )
        # A verified primary address: allauth lets the account log in straight away.
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def load_people(self) -> None:
        for item in data.ACCOUNTS:
            user = self._person(
                email=item["email"],
                display_name=item["display_name"],
                role=item["role"],
                neighbourhood=item["neighbourhood"],
                is_staff=item.get("is_staff", False),
                is_superuser=item.get("is_superuser", False),
            )
            self.people[item["key"]] = user
            self.accounts.append(user)
        for key, display_name, neighbourhood in data.RESIDENTS:
            self.people[key] = self._person(
                email=data.resident_email(key),
                display_name=display_name,
                role=Role.RESIDENT,
                neighbourhood=neighbourhood,
            )

    def load_councils(self) -> None:
        for item in data.COUNCILS:
            council, _created = Council.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "kind": item["kind"],
                    "name": item["name"],
                    "description": item["description"],
                    "neighbourhood": self.neighbourhoods.get(item["neighbourhood"]),
                },
            )
            council.themes.set([self.themes[slug] for slug in item["themes"]])
            for person, role, started_days_ago, ends_in_days in item["mandates"]:
                Mandate.objects.update_or_create(
                    council=council,
                    user=self.people[person],
                    role=role,
                    defaults={
                        "starts_on": self.today - started_days_ago * DAY,
                        "ends_on": None
                        if ends_in_days is None
                        else self.today + ends_in_days * DAY,
                    },
                )
            self.councils[item["slug"]] = council

    def load_workshops(self) -> None:
        residents = [key for key, _name, _n in data.RESIDENTS]
        facilitators = [self.people[key] for key in data.FACILITATORS]
        staff = self.people["city_staff"]
        turn = 0
        for item in data.WORKSHOPS:
            starts_at, ends_at = workshop_span(item["when"], item["days"], self.now)
            status = item.get("status", Workshop.Status.PUBLISHED)
            workshop, _created = Workshop.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "kind": item["kind"],
                    "title": item["title"],
                    "project": item["project"],
                    "objective": item["objective"],
                    "evaluation_plan": item["evaluation_plan"],
                    "neighbourhood": self.neighbourhoods.get(item["neighbourhood"]),
                    "capacity": item["capacity"],
                    "status": status,
                    "starts_at": starts_at,
                    "ends_at": ends_at,
                    "proposed_by": self.councils.get(item.get("proposed_by")),
                    "created_by": staff,
                    "published_at": None
                    if status == Workshop.Status.DRAFT
                    else starts_at - 7 * DAY,
                },
            )
            workshop.themes.set([self.themes[slug] for slug in item["themes"]])
            workshop.sponsors.set([self.councils[slug] for slug in item["sponsors"]])
            workshop.facilitators.set(facilitators)
            for kind, phase_start, phase_end in default_phase_bounds(starts_at, ends_at):
                Phase.objects.update_or_create(
                    workshop=workshop,
                    kind=PhaseKind(kind),
                    defaults={"starts_at": phase_start, "ends_at": phase_end},
                )

            # Participants: the named ones with their capacity, then residents in turn.
            wanted = [tuple(entry) for entry in item["participants"]]
            named = {entry[0] for entry in wanted}
            for _count in range(item["residents"]):
                while residents[turn % len(residents)] in named:
                    turn += 1
                key = residents[turn % len(residents)]
                wanted.append((key, "resident"))
                named.add(key)
                turn += 1
            for index, entry in enumerate(wanted):
                key, capacity = entry[0], entry[1]
                Participation.objects.update_or_create(
                    workshop=workshop,
                    user=self.people[key],
                    defaults={
                        "capacity": capacity,
                        "association_name": entry[2] if len(entry) > 2 else "",
                        "council": self._council_of(key, workshop)
                        if capacity == "council_member"
                        else None,
                        "joined_at": max(starts_at, workshop.published_at or starts_at)
                        + index * DAY / 4,
                    },
                )
            # The stored count is what the workshop pages show: it must equal the rows.
            Participation.objects.filter(workshop=workshop).exclude(
                user__in=[self.people[entry[0]] for entry in wanted]
            ).delete()
            workshop.participant_count = len(wanted)
            workshop.save(update_fields=["participant_count"])
            self.workshops[item["slug"]] = workshop

    def _council_of(self, key: str, workshop: Workshop) -> Council | None:
        """The council a member takes part for: a sponsor if they sit in one."""
        mandates = Mandate.objects.current(self.today).filter(user=self.people[key])
        sponsored = mandates.filter(council__in=workshop.sponsors.all()).first()
        mandate = sponsored or mandates.first()
        return mandate.council if mandate else None

    def load_proposals(self) -> None:
        for item in data.PROPOSALS:
            workshop = self.workshops.get(item.get("workshop"))
            proposal, _created = WorkshopProposal.objects.update_or_create(
                council=self.councils[item["council"]],
                title=item["title"],
                defaults={
                    "kind": item["kind"],
                    "neighbourhood": self.neighbourhoods.get(item["neighbourhood"]),
                    "rationale": item["rationale"],
                    "objective": item["objective"],
                    "submitted_by": self.people[item["submitted_by"]],
                    "status": item["status"],
                    "decided_at": workshop.published_at if workshop else None,
                    "workshop": workshop,
                },
            )
            proposal.themes.set([self.themes[slug] for slug in item["themes"]])

    def summary(self) -> str:
        counts = [
            (_("neighbourhoods"), len(self.neighbourhoods)),
            (_("themes"), len(self.themes)),
            (_("councils"), len(self.councils)),
            (_("workshops"), len(self.workshops)),
            (_("people"), len(self.people)),
        ]
        return ", ".join(f"{count} {label}" for label, count in counts)
