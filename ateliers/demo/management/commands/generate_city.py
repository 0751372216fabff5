"""Generate a city at the size of a real one, to measure the site (docs/performance.md).

    manage.py generate_city --scale city --seed 1

Writes into an empty database (a dedicated one: `DATABASE_URL=…/ateliers_city`), in bulk,
reproducibly from the seed, showing progress. Each app generates its part, in the order of
the layers; later apps add their rows (debates, recommendations…) the same way.
"""

from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from ateliers.core.generate import GENERATED_DOMAIN, GENERATED_PASSWORD
from ateliers.core.generated_city import SCALES, GeneratedCity
from ateliers.core.models import User
from ateliers.search import index as search_index

GENERATORS = [
    "ateliers.core.generate",
    "ateliers.councils.generate",
    "ateliers.workshops.generate",
    "ateliers.proposals.generate",
    "ateliers.documents.generate",
    "ateliers.trainings.generate",
    "ateliers.meetings.generate",
    "ateliers.debate.generate",
    "ateliers.opinions.generate",
    "ateliers.recommendations.generate",
    # The town hall: bodies, sessions, delegates, answers and milestones of the workshops
    # that reached their presentation, and the councils' submissions.
    "ateliers.townhall.generate",
    # Every finished workshop's evaluation and questionnaire (invitations, anonymous answers).
    "ateliers.evaluations.generate",
    # Who follows what, and the news of the workshops published lately that they were told of.
    "ateliers.notifications.generate",
]


class Command(BaseCommand):
    help = "Generate a city at scale (small, city, metropolis) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=list(SCALES), default="small")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, scale, seed, **options):
        if User.objects.exists():
            raise CommandError(
                "The database is not empty: generate the city into a database of its own "
                "(e.g. DATABASE_URL=postgres://…/ateliers_city, then migrate)."
            )
        city = GeneratedCity(scale=SCALES[scale], seed=seed, report=self.stdout.write)
        city.say(f"Generating the “{scale}” city from seed {seed}…")
        if connection.vendor == "postgresql":
            # A generation is one long transaction of large statements: lift the limits that
            # protect the site's requests (ateliers/timeouts.py), for this session only.
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
                cursor.execute("SET idle_in_transaction_session_timeout = 0")
        with transaction.atomic(), search_index.paused():
            for path in GENERATORS:
                import_module(path).generate(city)
            city.say("Building the search index…")
            search_index.rebuild()
        if connection.vendor == "postgresql":
            city.say("Updating the planner's statistics (ANALYZE)…")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        city.say(
            "Done. Every account's password is "
            f"{GENERATED_PASSWORD!r}: personne0@{GENERATED_DOMAIN}, personne1@…"
        )
