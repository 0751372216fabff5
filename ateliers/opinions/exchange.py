"""Polis exchange: a conversation out in Polis's export format, and a Polis export in as a
new conversation of a workshop.

The export holds the voters' anonymous numbers only (Polis's participant ids), never an
account. Polis's votes.csv is a history; ours holds each voter's current vote on each
statement, with the time it was cast or last changed, which is what the map counts (the
engine keeps the last vote per cell from a full history too). A cell that a spreadsheet
would run as a formula (=, +, -, @ first) is written behind a single quote, which the import
removes again.
"""

import csv
import datetime
import io
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import InvalidInput
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.workshops.models import Workshop

from .models import STORED_STATEMENT_LENGTH, Conversation, MapSnapshot, Statement, Vote, Voter
from .polis_import import PolisImportError, read_polis_export

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 5_000
# A Polis export sent as a .zip: the files read, and how large they may be once unpacked
# (a zip bomb stops here, before anything is written).
POLIS_FILES = {"comments.csv", "participants-votes.csv", "votes.csv"}
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024


def spreadsheet_safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_START) else text


def from_spreadsheet_safe(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def _ms(moment: datetime.datetime) -> int:
    return int(moment.timestamp() * 1000)


def _polis_date(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%a %b %d %H:%M:%S UTC %Y")


def _csv(header: list, rows: Iterable[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _moderated(statement: Statement) -> int:
    if statement.status == Statement.Status.REJECTED:
        return -1
    if statement.status == Statement.Status.ACCEPTED and (
        statement.is_seed or statement.moderated_at is not None
    ):
        return 1
    return 0


def _groups(conversation: Conversation) -> dict[int, int]:
    """Voter id -> group in the last computation."""
    state = (
        MapSnapshot.objects.filter(conversation=conversation)
        .values_list("state", flat=True)
        .first()
    ) or {}
    ids, groups = state.get("group_of", [[], []]) if isinstance(state, dict) else ([], [])
    return dict(zip(ids, groups, strict=False))


def export_polis(conversation: Conversation) -> dict[str, str]:
    """{file name: CSV text} of the conversation in Polis's export format."""
    statements = list(
        Statement.objects.filter(conversation=conversation)
        .select_related("author")
        .order_by("position")
    )
    comments = _csv(
        [
            "timestamp",
            "datetime",
            "comment-id",
            "author-id",
            "agrees",
            "disagrees",
            "moderated",
            "comment-body",
        ],
        (
            [
                _ms(s.created_at),
                _polis_date(s.created_at),
                s.position,
                s.author.number if s.author else "",
                s.agree_count,
                s.disagree_count,
                _moderated(s),
                spreadsheet_safe(s.text),
            ]
            for s in statements
        ),
    )
    votes = list(
        Vote.objects.filter(conversation=conversation)
        .order_by("changed_at", "pk")
        .values_list("changed_at", "statement__position", "voter__number", "voter_id", "value")
    )
    votes_csv = _csv(
        ["timestamp", "datetime", "comment-id", "voter-id", "vote"],
        (
            [_ms(at), _polis_date(at), position, number, value]
            for at, position, number, _, value in votes
        ),
    )
    positions = [s.position for s in statements]
    column = {position: i for i, position in enumerate(positions)}
    written: dict[int, int] = {}
    for s in statements:
        if s.author is not None and not s.is_seed:
            written[s.author.number] = written.get(s.author.number, 0) + 1
    voters = dict(Voter.objects.filter(conversation=conversation).values_list("number", "pk"))
    by_voter: dict[int, list] = {number: [""] * len(positions) for number in voters}
    for _at, position, number, _voter, value in votes:
        by_voter[number][column[position]] = value
    group_of = _groups(conversation)
    rows = []
    for number in sorted(by_voter):
        cells = by_voter[number]
        cast = [v for v in cells if v != ""]
        if not cast and number not in written:
            continue
        group = group_of.get(voters[number])
        rows.append(
            [
                number,
                "" if group is None else group,
                written.get(number, 0),
                len(cast),
                sum(1 for v in cast if v == 1),
                sum(1 for v in cast if v == -1),
                *cells,
            ]
        )
    participants = _csv(
        ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *positions],
        rows,
    )
    return {
        "comments.csv": comments,
        "votes.csv": votes_csv,
        "participants-votes.csv": participants,
    }


def write_polis(conversation: Conversation, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in export_polis(conversation).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _moment(milliseconds: int | None, default: datetime.datetime) -> datetime.datetime:
    if milliseconds is None:
        return default
    try:
        return datetime.datetime.fromtimestamp(milliseconds / 1000, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return default


@transaction.atomic
def import_polis(
    *,
    workshop: Workshop,
    by: User | None,
    folder: str | Path,
    question: str = "",
    now: datetime.datetime | None = None,
) -> Conversation:
    """A Polis export folder as a new conversation of the workshop: its statements (with
    Polis's comment ids as numbers, moderated-out ones rejected), its participants as voters
    without accounts (Polis's ids as numbers), and each one's last vote on each statement."""
    now = now or timezone.now()
    folder = Path(folder)
    try:
        data = read_polis_export(folder)
    except PolisImportError as error:
        raise InvalidInput(
            _("This Polis export cannot be read: %(problem)s") % {"problem": error}
        ) from None
    question = clean_name(question or f"Polis : {folder.name}", field="question")[:300]
    statement_ids = [int(i) for i in data.statement_ids]
    known = set(statement_ids)
    # The last vote of each participant on each statement, in time order.
    order = (
        np.argsort(data.time, kind="stable") if data.time is not None else np.arange(data.vote.size)
    )
    last: dict[tuple[int, int], tuple[int, int | None]] = {}
    for i in order.tolist():
        statement = int(data.statement[i])
        if statement in known:
            moment = int(data.time[i]) if data.time is not None else None
            last[(int(data.participant[i]), statement)] = (int(data.vote[i]), moment)
    authors = {
        author
        for _text, author, _time in data.comments.values()
        if author is not None and author >= 0
    }
    numbers = sorted(set(int(p) for p in data.participant_ids) | {p for p, _ in last} | authors)
    conversation = Conversation.objects.create(
        workshop=workshop,
        question=question,
        review=Conversation.Review.AFTER,
        opened_by=by,
        opened_at=now,
        imported=True,
        last_position=max(statement_ids, default=0),
        last_voter_number=max(numbers, default=0),
    )
    Voter.objects.bulk_create(
        (Voter(conversation=conversation, number=n, created_at=now) for n in numbers),
        batch_size=BATCH,
    )
    voter_of = dict(Voter.objects.filter(conversation=conversation).values_list("number", "pk"))
    counts: dict[int, list[int]] = {s: [0, 0, 0] for s in statement_ids}
    for (_p, s), (value, _t) in last.items():
        counts[s][{1: 0, -1: 1, 0: 2}[value]] += 1
    rejected = set(int(i) for i in data.moderated_out)
    statements = []
    for position in statement_ids:
        text, author, stamp = data.comments.get(position, ("", None, None))
        text = " ".join(from_spreadsheet_safe(text).split())[:STORED_STATEMENT_LENGTH]
        agree, disagree, passes = counts[position]
        statements.append(
            Statement(
                conversation=conversation,
                position=position,
                text=text or f"#{position}",
                author_id=voter_of.get(author) if author is not None else None,
                status=(
                    Statement.Status.REJECTED if position in rejected else Statement.Status.ACCEPTED
                ),
                created_at=_moment(stamp, now),
                moderated_at=now,
                agree_count=agree,
                disagree_count=disagree,
                pass_count=passes,
                priority=0.0,
            )
        )
    Statement.objects.bulk_create(statements, batch_size=BATCH)
    statement_of = dict(
        Statement.objects.filter(conversation=conversation).values_list("position", "pk")
    )
    Vote.objects.bulk_create(
        (
            Vote(
                conversation=conversation,
                voter_id=voter_of[p],
                statement_id=statement_of[s],
                value=value,
                changed_at=_moment(stamp, now),
            )
            for (p, s), (value, stamp) in last.items()
        ),
        batch_size=BATCH,
    )
    record(
        actor=by,
        verb="conversation.imported",
        target=workshop,
        data={
            "question": conversation.question,
            "conversation": conversation.pk,
            "statements": len(statements),
            "votes": len(last),
        },
        public=workshop.status != Workshop.Status.DRAFT,
    )
    return conversation


def import_polis_zip(
    *, workshop: Workshop, by: User | None, upload, question: str = ""
) -> Conversation:
    """A Polis export sent as a .zip (the export's folder zipped, or its files at the top):
    its CSV files unpacked, by their names only, into a folder of their own, then imported
    as `import_polis` does. Anything else in the archive is left aside."""
    unreadable = _("This file is not a .zip of a Polis export (comments.csv and the votes).")
    if upload.size > MAX_UPLOAD_BYTES:
        raise InvalidInput(
            _("The file is larger than %(most)s MB.") % {"most": MAX_UPLOAD_BYTES // 2**20},
            field="file",
        )
    try:
        archive = zipfile.ZipFile(upload)
        members = [m for m in archive.infolist() if PurePosixPath(m.filename).name in POLIS_FILES]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput(unreadable, field="file") from None
    names = [PurePosixPath(member.filename).name for member in members]
    if "comments.csv" not in names or len(set(names)) != len(names):
        raise InvalidInput(unreadable, field="file")
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise InvalidInput(
            _("Unpacked, this export is larger than %(most)s MB.")
            % {"most": MAX_UNPACKED_BYTES // 2**20},
            field="file",
        )
    with tempfile.TemporaryDirectory() as folder:
        for member, name in zip(members, names, strict=True):
            try:
                with archive.open(member) as packed, open(Path(folder) / name, "wb") as out:  # noqa: PTH123
                    while chunk := packed.read(2**20):
                        out.write(chunk)
            except (zipfile.BadZipFile, OSError, RuntimeError):
                raise InvalidInput(unreadable, field="file") from None
        stem = PurePosixPath(getattr(upload, "name", "") or "polis").stem
        return import_polis(
            workshop=workshop, by=by, folder=folder, question=question or f"Polis : {stem}"
        )
