"""python manage.py opinions_analyse PATH: opinion map of a Polis export, as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from ateliers.opinions.engine import analyse
from ateliers.opinions.polis_import import PolisImportError, read_polis_export


class Command(BaseCommand):
    help = (
        "Read a Polis export folder (comments.csv, participants-votes.csv, optional "
        "votes.csv) and print its opinion groups, representative and consensus statements "
        "as one JSON object."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder of a Polis conversation export")
        parser.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")

    def handle(self, *args, path, indent=None, **options):
        try:
            conversation = read_polis_export(path)
            result = analyse(
                conversation.participant,
                conversation.statement,
                conversation.vote,
                conversation.time,
                statement_ids=conversation.statement_ids,
                moderated_out=conversation.moderated_out,
                participant_ids=conversation.participant_ids,
            )
        except PolisImportError as error:
            raise CommandError(" ".join(str(error).split())) from None
        except (ValueError, OSError) as error:
            raise CommandError(f"{path}: {' '.join(str(error).split())}") from None
        self.stdout.write(json.dumps(result.to_json(), indent=indent, ensure_ascii=False))
