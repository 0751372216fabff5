"""From a list of votes to the sparse participant x statement vote matrix.

The last vote of a participant on a statement wins. Everything here is O(number of votes)
except an optional sort by time, done only when the votes do not arrive in time order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

try:  # scipy's C++ counting sort: one pass, keeps the input order of equal keys
    from scipy.sparse._sparsetools import coo_tocsr as _coo_tocsr
except ImportError:  # only if scipy moves its internals
    _coo_tocsr = None


@dataclass(frozen=True)
class VoteMatrix:
    """Deduplicated votes, one row per participant, one column per statement."""

    votes: sp.csr_array  # int8 values in {-1, 0, +1}; a stored 0 is a pass, absent is unseen
    participant_ids: np.ndarray  # row -> original participant id
    statement_ids: np.ndarray  # column -> original statement id
    n_votes_raw: int  # votes received, before removing superseded ones


def _dense_codes(ids: np.ndarray, universe: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Map ids to 0..n-1 codes. Returns (codes, code -> id); unknown ids get code -1."""
    ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        ids = ids.astype(np.int64)
    universe = ids if universe is None else np.asarray(universe, dtype=np.int64)
    low = min(ids.min(initial=0), universe.min(initial=0))
    if low < 0:
        raise ValueError("ids must be non-negative integers")
    top = int(max(ids.max(initial=-1), universe.max(initial=-1))) + 1
    if top > 4 * (ids.size + universe.size) + 1_000_000:  # sparse ids: sort them
        code_to_id = np.unique(universe)
        if code_to_id.size == 0:
            return np.full(ids.size, -1, dtype=np.int32), code_to_id
        pos = np.searchsorted(code_to_id, ids).clip(max=code_to_id.size - 1)
        return np.where(code_to_id[pos] == ids, pos, -1).astype(np.int32), code_to_id
    # small ids: a lookup table is linear time, unlike np.unique's sort
    present = np.zeros(top, dtype=bool)
    present[universe] = True
    code_to_id = np.flatnonzero(present)
    if code_to_id.size == top and universe is ids:  # already 0..n-1: nothing to map
        return ids.astype(np.int32, copy=False), code_to_id
    lookup = np.full(top, -1, dtype=np.int32)
    lookup[code_to_id] = np.arange(code_to_id.size, dtype=np.int32)
    return lookup[ids], code_to_id


def _last_vote_csr(rows, cols, values, n_rows, n_cols) -> sp.csr_array:
    """CSR matrix keeping, for each (row, col), the value that comes last in the input."""
    n = rows.size
    if _coo_tocsr is not None:
        # Two stable counting sorts (by column, then by row) leave the entries sorted by
        # (row, col) with repeated cells adjacent and still in input order.
        by_col_ptr = np.empty(n_cols + 1, dtype=np.int32)
        by_col_rows = np.empty(n, dtype=np.int32)
        by_col_vals = np.empty(n, dtype=np.int8)
        _coo_tocsr(n_cols, n_rows, n, cols, rows, values, by_col_ptr, by_col_rows, by_col_vals)
        by_col = sp.csr_array((by_col_vals, by_col_rows, by_col_ptr), shape=(n_cols, n_rows))
        matrix = by_col.tocsc()  # transposition: a stable counting sort by row
        indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    else:  # plain sort, when scipy.sparse internals are not available
        order = np.lexsort((np.arange(n), cols, rows))
        indices, data = cols[order], values[order]
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    # An entry is superseded when the next one is the same cell.
    superseded = np.zeros(n, dtype=bool)
    if n > 1:
        np.equal(indices[1:], indices[:-1], out=superseded[:-1])
        row_ends = indptr[1:][np.diff(indptr) > 0] - 1
        superseded[row_ends] = False
    dropped = np.flatnonzero(superseded)
    if dropped.size:
        # each row start moves back by the number of entries dropped before it
        indptr = indptr - np.searchsorted(dropped, indptr)
        keep = ~superseded
        indices, data = indices[keep], data[keep]
    out = sp.csr_array((data, indices, indptr), shape=(n_rows, n_cols))
    out.has_sorted_indices = True
    return out


def build_vote_matrix(
    participant: np.ndarray,
    statement: np.ndarray,
    vote: np.ndarray,
    time: np.ndarray | None = None,
    statement_ids: np.ndarray | None = None,
    participant_ids: np.ndarray | None = None,
) -> VoteMatrix:
    """Deduplicate votes (last in time wins) into a sparse matrix.

    statement_ids: every known statement (columns, in id order); votes on other statements
    are dropped. participant_ids: participants to keep as rows even without any vote.
    """
    participant = np.asarray(participant)
    statement = np.asarray(statement)
    vote = np.asarray(vote)
    n_raw = int(vote.size)
    if not (participant.size == statement.size == vote.size):
        raise ValueError("participant, statement and vote must have the same length")
    if time is not None:
        time = np.asarray(time)
        if time.size != vote.size:
            raise ValueError("time must have the same length as the votes")
        if time.size > 1 and not np.all(time[1:] >= time[:-1]):
            order = np.argsort(time, kind="stable")
            participant, statement, vote = participant[order], statement[order], vote[order]
    if vote.size and (vote.min() < -1 or vote.max() > 1):
        raise ValueError("votes must be -1, 0 or +1")
    vote = vote.astype(np.int8, copy=False)

    col, col_ids = _dense_codes(statement, statement_ids)
    known = col >= 0
    if not known.all():
        participant, col, vote = participant[known], col[known], vote[known]
    universe = None
    if participant_ids is not None:
        universe = np.concatenate(
            [np.asarray(participant_ids, dtype=np.int64), np.asarray(participant, dtype=np.int64)]
        )
    row, row_ids = _dense_codes(participant, universe)
    matrix = _last_vote_csr(
        row.astype(np.int32, copy=False),
        col.astype(np.int32, copy=False),
        vote,
        row_ids.size,
        col_ids.size,
    )
    return VoteMatrix(matrix, row_ids, col_ids, n_raw)
