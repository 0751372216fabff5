"""python manage.py opinions_export ID FOLDER: a conversation in Polis's export format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ateliers.opinions.exchange import write_polis
from ateliers.opinions.models import Conversation


class Command(BaseCommand):
    help = (
        "Write a conversation of the opinion map in Polis's export format (comments.csv, "
        "votes.csv, participants-votes.csv; anonymous numbers only) into FOLDER."
    )

    def add_arguments(self, parser):
        parser.add_argument("conversation", type=int, help="the conversation's number (its URL)")
        parser.add_argument("folder", help="folder to write the three files into")

    def handle(self, *args, conversation, folder, **options):
        found = Conversation.objects.filter(pk=conversation).first()
        if found is None:
            raise CommandError(f"No conversation number {conversation}.")
        try:
            paths = write_polis(found, Path(folder))
        except OSError as error:
            raise CommandError(f"{folder}: {error}") from None
        for path in paths:
            self.stdout.write(str(path))
