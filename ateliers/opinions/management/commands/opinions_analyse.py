"""python manage.py opinions_analyse PATH: opinion map of a Polis export, as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from ateliers.opinions.engine import analyse
from ateliers.opinions.engine.replay import DEFAULT_COMPUTATIONS, replay
from ateliers.opinions.polis_import import PolisImportError, read_polis_export


class Command(BaseCommand):
    help = (
        "Read a Polis export folder (comments.csv, participants-votes.csv, optional "
        "votes.csv) and print its opinion groups, representative and consensus statements "
        "as one JSON object. With --replay, also replay the votes in time order through the "
        "live map's continuity (a computation every N votes, each from the previous one's "
        'state) and add what that changed under the key "replay".'
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder of a Polis conversation export")
        parser.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")
        parser.add_argument(
            "--replay",
            action="store_true",
            help="replay votes.csv in timestamp order as the live map computes it",
        )
        parser.add_argument(
            "--every",
            type=int,
            default=None,
            help=f"votes per computation when replaying (default: {DEFAULT_COMPUTATIONS} "
            "computations in all)",
        )

    def handle(self, *args, path, indent=None, replay=False, every=None, **options):
        if every is not None and every < 1:
            raise CommandError("--every must be at least 1.")
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
            replayed = None
            if replay:
                if conversation.time is None:
                    raise CommandError(f"{path}: --replay needs votes.csv (votes with their time)")
                replayed = _replay(conversation, result, every)
        except PolisImportError as error:
            raise CommandError(" ".join(str(error).split())) from None
        except (ValueError, OSError) as error:
            raise CommandError(f"{path}: {' '.join(str(error).split())}") from None
        output = result.to_json() if replayed is None else replayed.result.to_json()
        if replayed is not None:
            output["replay"] = replayed.changes()
        self.stdout.write(json.dumps(output, indent=indent, ensure_ascii=False))


def _replay(conversation, from_scratch, every):
    return replay(
        conversation.participant,
        conversation.statement,
        conversation.vote,
        conversation.time,
        moderated_out=conversation.moderated_out,
        every=every,
        from_scratch=from_scratch,
    )
