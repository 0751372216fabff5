"""Read a Polis conversation export (a folder of CSV files). No Django here.

comments.csv gives the statements and their moderation; votes.csv, when present, the full
vote history (the last vote per participant and statement wins later, in the engine);
otherwise participants-votes.csv gives each participant's last votes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

COMMENTS = "comments.csv"
PARTICIPANTS_VOTES = "participants-votes.csv"
VOTES = "votes.csv"
PARTICIPANT_FIXED_COLUMNS = (
    "participant",
    "group-id",
    "n-comments",
    "n-votes",
    "n-agree",
    "n-disagree",
)


class PolisImportError(ValueError):
    """A file is missing or malformed; the message names the file and the problem."""


@dataclass
class PolisConversation:
    participant: np.ndarray
    statement: np.ndarray
    vote: np.ndarray
    time: np.ndarray | None
    statement_ids: np.ndarray
    moderated_out: list
    participant_ids: np.ndarray
    polis_group: dict = field(default_factory=dict)  # participant id -> Polis group or None
    # comment id -> (text, author id or None, timestamp in ms or None), from comments.csv
    comments: dict = field(default_factory=dict)


def _rows(path: Path):
    """Header and data rows of a CSV file, with errors naming the file."""
    if not path.is_file():
        raise PolisImportError(f"{path}: file not found")
    try:
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except (UnicodeDecodeError, csv.Error) as error:
        raise PolisImportError(f"{path}: unreadable CSV ({error})") from None
    if not rows:
        raise PolisImportError(f"{path}: empty file, a header line is expected")
    return [h.strip() for h in rows[0]], rows[1:]


def _columns(path: Path, header: list, needed) -> dict:
    missing = [name for name in needed if name not in header]
    if missing:
        raise PolisImportError(f"{path}: missing column(s) {', '.join(missing)}")
    return {name: header.index(name) for name in needed}


def _int(path: Path, line: int, column: str, text: str) -> int:
    try:
        return int(float(text)) if "." in text else int(text)
    except ValueError:
        raise PolisImportError(
            f"{path}: line {line}, column {column}: not a number: {text!r}"
        ) from None


def _read_comments(folder: Path):
    path = folder / COMMENTS
    header, rows = _rows(path)
    col = _columns(path, header, ("comment-id", "moderated"))
    optional = {
        name: header.index(name)
        for name in ("comment-body", "author-id", "timestamp")
        if name in header
    }
    ids, moderated_out, details = [], [], {}
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) < len(header) and len(row) <= max(col.values()):
            raise PolisImportError(
                f"{path}: line {line}: {len(row)} fields, expected {len(header)}"
            )
        cid = _int(path, line, "comment-id", row[col["comment-id"]])
        ids.append(cid)
        moderated = row[col["moderated"]].strip()
        if moderated and _int(path, line, "moderated", moderated) == -1:
            moderated_out.append(cid)
        details[cid] = (
            _cell(row, optional.get("comment-body")),
            _optional_int(path, line, "author-id", _cell(row, optional.get("author-id"))),
            _optional_int(path, line, "timestamp", _cell(row, optional.get("timestamp"))),
        )
    return ids, moderated_out, details


def _cell(row: list, index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _optional_int(path: Path, line: int, column: str, text: str) -> int | None:
    return _int(path, line, column, text.strip()) if text.strip() else None


def _read_participants(folder: Path):
    """Participants, Polis's groups, and the last votes held in the wide table."""
    path = folder / PARTICIPANTS_VOTES
    header, rows = _rows(path)
    _columns(path, header, PARTICIPANT_FIXED_COLUMNS[:2])
    # one column per comment id; other columns (such as "xid") carry no votes
    vote_columns = [(i, int(name)) for i, name in enumerate(header) if name.isdigit()]
    pid_col, group_col = header.index("participant"), header.index("group-id")
    participants, groups = [], {}
    voter, statement, vote = [], [], []
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise PolisImportError(
                f"{path}: line {line}: {len(row)} fields, expected {len(header)}"
            )
        pid = _int(path, line, "participant", row[pid_col])
        participants.append(pid)
        group = row[group_col].strip()
        groups[pid] = _int(path, line, "group-id", group) if group else None
        for i, cid in vote_columns:
            cell = row[i].strip()
            if cell:
                voter.append(pid)
                statement.append(cid)
                vote.append(_int(path, line, header[i], cell))
    return participants, groups, (voter, statement, vote)


def _read_votes(folder: Path):
    path = folder / VOTES
    header, rows = _rows(path)
    col = _columns(path, header, ("timestamp", "comment-id", "voter-id", "vote"))
    voter, statement, vote, stamp = [], [], [], []
    width = max(col.values())
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) <= width:
            raise PolisImportError(
                f"{path}: line {line}: {len(row)} fields, expected {len(header)}"
            )
        stamp.append(_int(path, line, "timestamp", row[col["timestamp"]]))
        statement.append(_int(path, line, "comment-id", row[col["comment-id"]]))
        voter.append(_int(path, line, "voter-id", row[col["voter-id"]]))
        vote.append(_int(path, line, "vote", row[col["vote"]]))
    return voter, statement, vote, stamp


def read_polis_export(folder) -> PolisConversation:
    folder = Path(folder)
    if not folder.is_dir():
        raise PolisImportError(f"{folder}: not a folder (expected a Polis export folder)")
    statement_ids, moderated_out, comments = _read_comments(folder)
    participants, groups, wide_votes = _read_participants(folder)
    if (folder / VOTES).exists():
        voter, statement, vote, stamp = _read_votes(folder)
        time = np.asarray(stamp, dtype=np.int64)
    else:
        voter, statement, vote = wide_votes
        time = None
    vote_array = np.asarray(vote, dtype=np.int64)
    bad = np.flatnonzero((vote_array < -1) | (vote_array > 1))
    if bad.size:
        name = VOTES if time is not None else PARTICIPANTS_VOTES
        raise PolisImportError(f"{folder / name}: vote {vote_array[bad[0]]} is not -1, 0 or 1")
    all_ids = np.asarray(voter + participants, dtype=np.int64)
    if (all_ids < 0).any() or (np.asarray(statement + statement_ids, dtype=np.int64) < 0).any():
        raise PolisImportError(f"{folder}: negative participant or comment id")
    return PolisConversation(
        participant=np.asarray(voter, dtype=np.int64),
        statement=np.asarray(statement, dtype=np.int64),
        vote=vote_array.astype(np.int8),
        time=time,
        statement_ids=np.asarray(sorted(set(statement_ids)), dtype=np.int64),
        moderated_out=moderated_out,
        participant_ids=np.asarray(participants, dtype=np.int64),
        polis_group=groups,
        comments=comments,
    )
