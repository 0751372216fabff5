"""From the conversation's votes to a stored snapshot of its map (run by services.map_compute).

The engine (engine/, no Django) computes; this module reads the votes, hands the engine the
previous snapshot's state (engine/continuity.py), and stores what the results page shows,
ready to draw: each group's region (a convex hull of its members' positions, without its
farthest tenth, so that no single person's position shows), its size, its representative
statements, and the statements that bring groups together or divide them.
"""

import time

import numpy as np
from django.db import connection, transaction
from scipy.spatial import ConvexHull, QhullError

from .engine import MapState, analyse
from .models import MapSnapshot, Statement, StatementStatus, Vote

# The map's drawing area (SVG user units) and its margin.
WIDTH, HEIGHT, MARGIN = 640, 400, 50
# How many statements each list shows.
LISTED = 5
# A group must have seen a statement this many times for its share to count.
MIN_SEEN = 3
# Snapshots kept per conversation: the last ones (the page shows the latest).
KEPT_SNAPSHOTS = 10
LETTERS = "ABCDEFGHIJ"


def _votes(conversation_id: int):
    """(voter, statement, value) arrays of the conversation's votes: on PostgreSQL packed by
    the database and read by numpy in place; elsewhere, rows through the ORM."""
    if connection.vendor == "postgresql":
        return _votes_packed(conversation_id)
    rows = Vote.objects.filter(conversation_id=conversation_id).values_list(
        "voter_id", "statement_id", "value"
    )
    data = np.fromiter(
        (value for row in rows.iterator(chunk_size=20_000) for value in row), dtype=np.int64
    ).reshape(-1, 3)
    return data[:, 0], data[:, 1], data[:, 2]


# Each vote as PostgreSQL packs it for the read below: voter and statement as 8-byte and the
# value as 2-byte big-endian integers, one after the other.
_PACKED_VOTE = np.dtype([("voter", ">i8"), ("statement", ">i8"), ("value", ">i2")])


def _votes_packed(conversation_id: int):
    """The votes in one value: the database packs them into a single bytea (string_agg of
    each row's binary form), which numpy reads in place. About 0.4 s for 2 M votes, where a
    row per message (COPY, a cursor) takes over a second."""
    query = (
        f"SELECT string_agg(int8send(voter_id::bigint) || int8send(statement_id::bigint) "  # noqa: S608 - the table's own name
        f"|| int2send(value::smallint), ''::bytea) FROM {Vote._meta.db_table} "
        "WHERE conversation_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [conversation_id])
        packed = cursor.fetchone()[0]
    rows = np.frombuffer(bytes(packed or b""), dtype=_PACKED_VOTE)
    return (
        rows["voter"].astype(np.int64),
        rows["statement"].astype(np.int64),
        rows["value"].astype(np.int64),
    )


def _store_priorities(priorities: dict[int, float]) -> None:
    """Each statement's priority from this computation: one UPDATE from two arrays on
    PostgreSQL (a thousand statements in milliseconds), bulk_update elsewhere."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Statement._meta.db_table} AS s SET priority = p.priority "  # noqa: S608 - the table's own name
                "FROM unnest(%s::bigint[], %s::float8[]) AS p(id, priority) WHERE s.id = p.id",
                [list(priorities), list(priorities.values())],
            )
        return
    Statement.objects.bulk_update(
        [Statement(pk=pk, priority=value) for pk, value in priorities.items()],
        ["priority"],
        batch_size=500,
    )


def compute_snapshot(conversation_id: int, *, now) -> MapSnapshot:
    started = time.perf_counter()
    statements = list(
        Statement.objects.filter(
            conversation_id=conversation_id,
            status__in=[StatementStatus.ACCEPTED, StatementStatus.REJECTED],
        ).values_list("pk", "status")
    )
    statement_ids = np.array([pk for pk, _ in statements], dtype=np.int64)
    rejected = [pk for pk, status in statements if status == StatementStatus.REJECTED]
    previous_state = (
        MapSnapshot.objects.filter(conversation_id=conversation_id)
        .values_list("state", flat=True)
        .first()
    )
    participant, statement, vote = _votes(conversation_id)
    analysis = analyse(
        participant,
        statement,
        vote,
        statement_ids=statement_ids,
        moderated_out=rejected,
        previous=MapState.from_json(previous_state),
    )
    result = describe(analysis)
    priorities = dict(
        zip(
            analysis.statement_ids.tolist(),
            analysis.priority.tolist(),
            strict=True,
        )
    )
    state = analysis.state.to_json()
    # Each clustered voter's group, for the Polis export's group-id (never on a page).
    grouped = analysis.participant_group >= 0
    state["group_of"] = [
        analysis.participant_ids[grouped].tolist(),
        analysis.participant_group[grouped].tolist(),
    ]
    with transaction.atomic():
        snapshot = MapSnapshot.objects.create(
            conversation_id=conversation_id,
            computed_at=now,
            duration=time.perf_counter() - started,
            n_participants=int(analysis.participant_ids.size),
            n_clustered=int(analysis.clustered.sum()),
            n_statements=int(analysis.active.sum()),
            n_votes=int(analysis.n_votes),
            n_groups=len(analysis.groups),
            result=result,
            state=state,
        )
        _store_priorities(
            {
                pk: priorities[pk]
                for pk, status in statements
                if status == StatementStatus.ACCEPTED and pk in priorities
            }
        )
        old = MapSnapshot.objects.filter(conversation_id=conversation_id).values_list(
            "pk", flat=True
        )[KEPT_SNAPSHOTS:]
        MapSnapshot.objects.filter(pk__in=list(old)).delete()
    return snapshot


def _share(part: int, seen: int) -> int:
    """A percentage, rounded, of the votes seen (0 when none)."""
    return round(100 * part / seen) if seen else 0


def describe(analysis) -> dict:
    """What the results page shows, as JSON: groups with their regions, the statements
    listed, and each listed statement's votes by group."""
    n_groups = len(analysis.groups)
    active_ids = analysis.active_statement_ids
    column = {int(pk): i for i, pk in enumerate(active_ids.tolist())}
    agree_g, disagree_g, seen_g = (
        analysis.group_votes if n_groups else (np.zeros((0, active_ids.size)),) * 3
    )
    listed: set[int] = set()

    groups = []
    regions = _regions(analysis)
    for group in analysis.groups:
        representative = [
            {"statement": rep["statement"], "direction": rep["direction"]}
            for rep in group["representative"]
        ]
        listed.update(rep["statement"] for rep in representative)
        groups.append(
            {
                "id": group["id"],
                "label": LETTERS[group["id"]],
                "size": group["size"],
                **regions[group["id"]],
                "representative": representative,
            }
        )

    shared, divisive = [], []
    if n_groups >= 2:
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(seen_g > 0, agree_g / np.maximum(seen_g, 1), 0.0)
        enough = (seen_g >= MIN_SEEN).all(0)
        gic = analysis.group_informed_consensus[analysis.active]
        agreed_by_all = enough & (share > 0.5).all(0)
        for i in np.argsort(-gic, kind="stable"):
            if agreed_by_all[i] and len(shared) < LISTED:
                shared.append(int(active_ids[i]))
        spread = np.where(enough, share.max(0) - share.min(0), 0.0)
        for i in np.argsort(-spread, kind="stable"):
            if spread[i] >= 0.3 and len(divisive) < LISTED:
                divisive.append(int(active_ids[i]))
    else:
        shared = list(analysis.consensus_agree[:LISTED])
    listed.update(shared)
    listed.update(divisive)

    votes = {}
    for pk in sorted(listed):
        i = column[pk]
        by_group = [
            _counts(int(agree_g[g, i]), int(disagree_g[g, i]), int(seen_g[g, i]))
            for g in range(n_groups)
        ]
        votes[str(pk)] = by_group
    overall = _overall(analysis, column, listed)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "groups": groups,
        "shared": shared,
        "divisive": divisive,
        "votes": votes,
        "overall": overall,
        "n_participants": int(analysis.participant_ids.size),
        "n_clustered": int(analysis.clustered.sum()),
        "n_statements": int(analysis.active.sum()),
        "n_votes": int(analysis.n_votes),
    }


def _counts(agree: int, disagree: int, seen: int) -> dict:
    passes = seen - agree - disagree
    return {
        "agree": _share(agree, seen),
        "disagree": _share(disagree, seen),
        "pass": _share(passes, seen),
        "seen": seen,
    }


def _overall(analysis, column, listed) -> dict:
    """Everyone's votes on the listed statements, clustered or not: the statements' counts."""
    if not listed:
        return {}
    counts = Statement.objects.filter(pk__in=sorted(listed)).values_list(
        "pk", "agree_count", "disagree_count", "pass_count"
    )
    return {
        str(pk): _counts(agree, disagree, agree + disagree + passes)
        for pk, agree, disagree, passes in counts
    }


def _regions(analysis) -> dict:
    """Each group's region on the drawing: a polygon in SVG units and where its label goes.
    The map is scaled to fit the drawing, the same scale on both axes."""
    regions = {}
    clustered = analysis.participant_group >= 0
    points = analysis.participant_xy[clustered]
    groups = analysis.participant_group[clustered]
    if points.shape[0] == 0:
        return regions
    low, high = points.min(0), points.max(0)
    span = np.maximum(high - low, 1e-9)
    scale = min((WIDTH - 2 * MARGIN) / span[0], (HEIGHT - 2 * MARGIN) / span[1])
    offset = np.array([WIDTH, HEIGHT]) / 2 - (low + high) / 2 * scale
    drawn = points * scale + offset
    drawn[:, 1] = HEIGHT - drawn[:, 1]  # up is up
    for group in analysis.groups:
        members = drawn[groups == group["id"]]
        polygon = _hull(members)
        centre = polygon.mean(0)
        regions[group["id"]] = {
            "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in polygon),
            "label_x": round(float(np.clip(centre[0], 110, WIDTH - 110)), 1),
            "label_y": round(float(np.clip(centre[1], 20, HEIGHT - 12)), 1),
        }
    return regions


def _hull(members: np.ndarray) -> np.ndarray:
    """A convex region around most members: the farthest tenth from the group's median is
    left out (outliers, and any one person's position), and a small group or a flat one
    gets an octagon around its centre."""
    centre = np.median(members, axis=0)
    if members.shape[0] >= 10:
        distance = np.linalg.norm(members - centre, axis=1)
        members = members[distance <= np.quantile(distance, 0.9)]
    unique = np.unique(np.round(members, 1), axis=0)
    if unique.shape[0] >= 3:
        try:
            hull = ConvexHull(unique)
            polygon = unique[hull.vertices]
            extent = polygon.max(0) - polygon.min(0)
            if extent.min() >= 8:
                return _grow(polygon, 6.0)
        except QhullError:
            pass
    angles = np.linspace(0, 2 * np.pi, 8, endpoint=False)
    radius = 18.0
    mean = members.mean(0)
    return np.column_stack([mean[0] + radius * np.cos(angles), mean[1] + radius * np.sin(angles)])


def _grow(polygon: np.ndarray, by: float) -> np.ndarray:
    """Push each vertex away from the centre, so the edge members sit inside the region."""
    centre = polygon.mean(0)
    away = polygon - centre
    length = np.maximum(np.linalg.norm(away, axis=1, keepdims=True), 1e-9)
    grown = polygon + away / length * by
    return np.clip(grown, [4, 4], [WIDTH - 4, HEIGHT - 4])
