"""python manage.py opinions_import PATH --workshop SLUG: a Polis export as a new
conversation of a workshop, its map computed at once."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ateliers.core.errors import ApplicationError
from ateliers.opinions import services
from ateliers.opinions.exchange import import_polis
from ateliers.workshops.models import Workshop


class Command(BaseCommand):
    help = (
        "Import a Polis export folder (comments.csv, participants-votes.csv, optional "
        "votes.csv) into a workshop as a new conversation of its opinion map."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder of a Polis conversation export")
        parser.add_argument("--workshop", required=True, help="the workshop's slug")
        parser.add_argument("--question", default="", help="the conversation's question")

    def handle(self, *args, path, workshop, question, **options):
        found = Workshop.objects.filter(slug=workshop).first()
        if found is None:
            raise CommandError(f"No workshop with the slug {workshop!r}.")
        try:
            with transaction.atomic():
                conversation = import_polis(workshop=found, by=None, folder=path, question=question)
        except ApplicationError as error:
            raise CommandError(" ".join(str(error).split())) from None
        snapshot = services.map_compute(conversation_id=conversation.pk, force=True)
        self.stdout.write(
            f"Conversation {conversation.pk} “{conversation.question}”: "
            f"{conversation.statements.count()} statements, "
            f"{snapshot.n_votes if snapshot else 0} votes counted, "
            f"{snapshot.n_groups if snapshot else 0} opinion groups."
        )
