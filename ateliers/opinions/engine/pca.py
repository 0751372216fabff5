"""Two principal components of the vote matrix, without ever making it dense."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, eigsh

DENSE_UP_TO = 400  # statements; beyond, an iterative eigen-solver
MAX_THREADS = 4


@dataclass(frozen=True)
class Projection:
    center: np.ndarray  # statement -> mean vote of those who saw it (0 when nobody did)
    components: np.ndarray  # (2, n_statements), unit rows; zeros when there is no variance
    participants: np.ndarray  # (n_participants, 2)
    statements: np.ndarray  # (n_statements, 2)


def column_means(votes: sp.csr_array) -> np.ndarray:
    seen = np.bincount(votes.indices, minlength=votes.shape[1])
    total = np.bincount(votes.indices, weights=votes.data, minlength=votes.shape[1])
    return np.divide(total, seen, out=np.zeros(votes.shape[1]), where=seen > 0)


def centred(votes: sp.csr_array, center: np.ndarray, dtype=np.float64) -> sp.csr_array:
    """Votes minus their statement's mean. Unseen cells are filled with the mean, so they
    stay exactly zero after centring and the matrix keeps the sparsity of the votes."""
    data = votes.data.astype(dtype) - center.astype(dtype)[votes.indices]
    out = sp.csr_array((data, votes.indices, votes.indptr), shape=votes.shape)
    out.has_sorted_indices = True
    return out


def _fix_sign(vectors: np.ndarray) -> np.ndarray:
    """Eigenvectors have an arbitrary sign; make the largest entry positive."""
    for row in vectors:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return vectors


class _Gram:
    """v -> x^T (x v), split into row blocks that run in parallel threads (scipy's sparse
    products release the GIL). Block results are added in a fixed order: deterministic."""

    def __init__(self, x: sp.csr_array, n_blocks: int):
        cuts = np.searchsorted(x.indptr, np.linspace(0, x.nnz, n_blocks + 1))
        cuts[0], cuts[-1] = 0, x.shape[0]
        self.blocks = []
        for first, last in zip(cuts[:-1], cuts[1:], strict=True):
            low, high = x.indptr[first], x.indptr[last]
            block = sp.csr_array(
                (x.data[low:high], x.indices[low:high], x.indptr[first : last + 1] - low),
                shape=(last - first, x.shape[1]),
            )
            self.blocks.append(block)
        self.dtype = x.dtype
        self.pool = ThreadPoolExecutor(len(self.blocks)) if len(self.blocks) > 1 else None

    def __call__(self, v: np.ndarray) -> np.ndarray:
        v = v.astype(self.dtype)
        if self.pool is None:
            parts = [b.T @ (b @ v) for b in self.blocks]
        else:
            parts = list(self.pool.map(lambda b: b.T @ (b @ v), self.blocks))
        return np.asarray(np.sum(parts, axis=0, dtype=np.float64))

    def close(self):
        if self.pool is not None:
            self.pool.shutdown()


def top_components(x: sp.csr_array, n_components: int = 2) -> np.ndarray:
    """Leading right singular vectors of x (eigenvectors of x^T x), with no randomness."""
    n_rows, n_cols = x.shape
    result = np.zeros((n_components, n_cols))
    if n_rows == 0 or n_cols == 0 or x.nnz == 0:
        return result
    if n_cols <= DENSE_UP_TO:
        # few statements: the exact covariance matrix is small, solve it directly
        gram = x.T @ x
        gram = gram.toarray() if sp.issparse(gram) else np.asarray(gram)
        values, vectors = np.linalg.eigh(gram.astype(np.float64))
        order = np.argsort(values)[::-1][:n_components]
        values, vectors = values[order], vectors[:, order]
    else:
        # Lanczos (ARPACK) from a fixed start vector
        n_blocks = min(os.cpu_count() or 1, MAX_THREADS) if x.nnz > 2_000_000 else 1
        gram = _Gram(x, n_blocks)
        operator = LinearOperator((n_cols, n_cols), matvec=gram, dtype=np.float64)
        start = np.ones(n_cols) + np.linspace(0.0, 1.0, n_cols)
        tol = 1e-8 if x.dtype == np.float64 else 1e-6  # no finer than the arithmetic
        # a small Krylov space: each extra vector costs a pass over the votes
        try:
            values, vectors = eigsh(
                operator, k=min(n_components, n_cols - 1), which="LA", v0=start, tol=tol, ncv=8
            )
        finally:
            gram.close()
        order = np.argsort(values)[::-1]
        values, vectors = values[order], vectors[:, order]
    scale = max(float(values.max(initial=0.0)), 1.0)
    for i in range(min(n_components, values.size)):
        if values[i] > 1e-9 * scale:  # a direction without variance stays zero
            result[i] = vectors[:, i]
    return _fix_sign(result)


def project(
    votes: sp.csr_array, n_moderated_out: int = 0, fit_rows=None, dtype=None, center=None
) -> Projection:
    """Project participants (rows of votes) and statements (columns) on the first two
    principal components.

    fit_rows: the participants whose votes define the means and the components (default:
    all). center: their mean vote per statement, when the caller already has it.
    n_moderated_out: statements left out of votes; as in Polis, they count as columns of
    zeros that everyone 'voted' on (no variance, but they weigh in the scaling).
    """
    n_participants, n_statements = votes.shape
    if dtype is None:  # single precision halves memory traffic on big matrices
        dtype = np.float32 if votes.nnz > 2_000_000 else np.float64
    if center is None:
        center = column_means(votes if fit_rows is None else votes[fit_rows])
    x = centred(votes, center, dtype)
    components = top_components(x if fit_rows is None else x[fit_rows], 2)
    raw = x @ components.T.astype(dtype)
    n_voted = np.diff(votes.indptr) + n_moderated_out
    n_columns = n_statements + n_moderated_out
    # Someone who voted on few statements lands near the centre only for lack of votes;
    # scaling by sqrt(statements / votes cast) puts them where a full ballot would.
    scale = np.sqrt(n_columns / np.maximum(n_voted, 1))
    participants = np.asarray(raw, dtype=np.float64) * scale[:, None]
    # A statement is placed where a participant agreeing with it alone would be.
    statements = ((1.0 - center) * np.sqrt(n_columns))[:, None] * components.T
    return Projection(center, components, participants, statements)
