"""Each formula of the engine on small cases computed by hand."""

import math

import numpy as np
import pytest
from sklearn.metrics import silhouette_score

from ateliers.opinions.engine import analyse, repness
from ateliers.opinions.engine.clustering import opinion_groups, weighted_silhouette
from ateliers.opinions.engine.matrix import build_vote_matrix
from ateliers.opinions.engine.pca import project


def test_smoothed_share():
    assert repness.smoothed_share(3, 8) == pytest.approx(4 / 10)
    assert repness.smoothed_share(0, 0) == pytest.approx(1 / 2)


def test_proportion_z():
    # 7 agree out of 9: 2 * sqrt(10) * (8/10 - 1/2)
    assert repness.proportion_z(7, 9) == pytest.approx(2 * math.sqrt(10) * 0.3)
    assert repness.proportion_z(0, 0) == pytest.approx(1.0)  # 2 * 1 * (1 - 1/2)


def test_two_proportion_z():
    # 6/8 inside, 2/10 outside, plus one: 7/9 against 3/11, pooled 10/20
    expected = (7 / 9 - 3 / 11) / math.sqrt(0.5 * 0.5 * (1 / 9 + 1 / 11))
    assert repness.two_proportion_z(6, 8, 2, 10) == pytest.approx(expected)
    assert repness.two_proportion_z(2, 10, 6, 8) == pytest.approx(-expected)


def test_representativeness_against_the_rest():
    # the group: 6 agree, 1 disagree of 8; everyone: 8 agree, 9 disagree of 18
    stats = repness.representativeness(
        np.array([6]), np.array([1]), np.array([8]), np.array([8]), np.array([9]), np.array([18])
    )
    agree = stats["agree"]
    assert agree["share"][0] == pytest.approx(7 / 10)
    assert agree["ratio"][0] == pytest.approx((7 / 10) / (3 / 12))  # rest: 2 of 10
    assert agree["share_z"][0] == pytest.approx(2 * math.sqrt(9) * (7 / 9 - 0.5))
    assert agree["ratio_z"][0] == pytest.approx(repness.two_proportion_z(6, 8, 2, 10))
    product = agree["ratio"][0] * agree["ratio_z"][0] * agree["share"][0] * agree["share_z"][0]
    assert agree["metric"][0] == pytest.approx(product)
    disagree = stats["disagree"]
    assert disagree["share"][0] == pytest.approx(2 / 10)
    assert disagree["ratio"][0] == pytest.approx((2 / 10) / (9 / 12))  # rest: 8 of 10


def test_select_representative_direction_tests_and_limit():
    n = 8
    seen = np.full(n, 20)
    # statements 0-5: the group agrees far more than the rest; 6: it disagrees; 7: like the rest
    agree = np.array([18, 17, 16, 19, 15, 18, 1, 10])
    disagree = np.array([1, 2, 3, 0, 4, 1, 18, 9])
    agree_all = agree + np.array([2, 2, 2, 2, 2, 2, 18, 10])
    disagree_all = disagree + np.array([17, 17, 17, 17, 17, 17, 1, 9])
    seen_all = seen + 20
    stats = repness.representativeness(agree, disagree, seen, agree_all, disagree_all, seen_all)
    chosen = repness.select_representative(stats, seen)
    assert len(chosen) == 5
    assert chosen[0][1] == "agree"
    assert all(i != 7 for i, _ in chosen)  # no difference with the rest: not representative
    metric = stats["agree"]["metric"]
    agree_ids = [i for i, d in chosen if d == "agree"]
    assert agree_ids == sorted(agree_ids, key=lambda i: -metric[i])
    disagreeing = repness.select_representative(stats, seen, limit=8)
    assert (6, "disagree") in disagreeing


def test_select_representative_needs_both_tests():
    # group leans agree (share test passes) but no more than the rest: not selected
    stats = repness.representativeness(
        np.array([15]),
        np.array([5]),
        np.array([20]),
        np.array([30]),
        np.array([10]),
        np.array([40]),
    )
    assert repness.select_representative(stats, np.array([20])) == []


def test_consensus():
    agree = np.array([9, 1, 5, 30])
    disagree = np.array([1, 9, 5, 0])
    seen = np.array([10, 10, 10, 30])
    agreed, disagreed = repness.consensus(agree, disagree, seen)
    # 3: share 31/32, z 2 sqrt(31)(31/31 - 1/2); 0: share 10/12, z 2 sqrt(11)(10/11 - 1/2)
    assert agreed == [3, 0]
    assert disagreed == [1]


def test_group_informed_consensus():
    agree = np.array([[3, 0], [1, 4]])
    seen = np.array([[4, 4], [4, 4]])
    gic = repness.group_informed_consensus(agree, seen)
    assert gic == pytest.approx([(4 / 6) * (2 / 6), (1 / 6) * (5 / 6)])


def test_priority():
    # pass share 2/7, agree share 3/7, extremity 1, novelty 1 + 8 / 2
    value = repness.priority(np.array([2]), np.array([1]), np.array([5]), np.array([1.0]))
    assert value[0] == pytest.approx(((5 / 7) * 2 * (3 / 7) * 5) ** 2)


def test_last_vote_wins_by_time_not_by_order():
    m = build_vote_matrix(
        participant=[0, 0, 1, 0],
        statement=[5, 5, 5, 7],
        vote=[1, -1, 0, 1],
        time=[30, 10, 20, 40],
    )
    dense = m.votes.toarray()
    assert m.statement_ids.tolist() == [5, 7]
    assert dense[0].tolist() == [1, 1]  # the vote at time 30 beats the one at time 10
    assert m.votes.nnz == 3  # the pass of participant 1 is a stored vote
    assert m.n_votes_raw == 4


def test_dedupe_matches_a_dictionary():
    rng = np.random.default_rng(1)
    n = 5000
    p, s = rng.integers(0, 60, n), rng.integers(0, 40, n)
    v, t = rng.integers(-1, 2, n), rng.permutation(n)
    last = {}
    for i in np.argsort(t):
        last[(p[i], s[i])] = v[i]
    m = build_vote_matrix(p, s, v, t).votes.tocoo()
    got = {(int(r), int(c)): int(x) for r, c, x in zip(m.row, m.col, m.data, strict=True)}
    assert got == {(int(a), int(b)): int(x) for (a, b), x in last.items()}


def test_projection_matches_dense_pca_with_mean_filling():
    rng = np.random.default_rng(3)
    for n_statements in (30, 450):  # dense eigen-solver, then Lanczos
        n = 120
        mask = rng.random((n, n_statements)) < 0.3
        values = rng.integers(-1, 2, (n, n_statements))
        rows, cols = np.nonzero(mask)
        m = build_vote_matrix(rows, cols, values[rows, cols], statement_ids=np.arange(n_statements))
        proj = project(m.votes)
        dense = np.where(mask, values, np.nan)
        mean = np.nanmean(dense, axis=0)
        centred = np.where(mask, dense - mean, 0.0)  # missing = column mean
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        for i in range(2):
            assert abs(proj.components[i] @ vt[i]) == pytest.approx(1.0, abs=1e-6)
        scale = np.sqrt(n_statements / mask.sum(1))
        expected = (centred @ proj.components.T) * scale[:, None]
        np.testing.assert_allclose(proj.participants, expected, atol=1e-9)
        np.testing.assert_allclose(proj.center, mean, atol=1e-12)


def test_moderated_out_statements_weigh_in_the_scaling_only():
    votes = build_vote_matrix([0, 0, 1, 1], [0, 1, 0, 1], [1, -1, -1, 1]).votes
    plain, with_hidden = project(votes), project(votes, n_moderated_out=2)
    # scale sqrt(2 / 2) becomes sqrt(4 / (2 + 2)): the same here ...
    np.testing.assert_allclose(plain.participants, with_hidden.participants)
    one = build_vote_matrix([0, 0, 1], [0, 1, 0], [1, -1, -1]).votes
    a, b = project(one), project(one, n_moderated_out=2)
    # ... but not for the participant who cast 1 vote: sqrt(2 / 1) against sqrt(4 / 3)
    assert b.participants[1, 0] / a.participants[1, 0] == pytest.approx(
        math.sqrt(4 / 3) / math.sqrt(2)
    )


def test_weighted_silhouette_equals_silhouette_of_repeated_points():
    points = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 1.0], [5.0, 5.0]])
    weights = np.array([2.0, 1.0, 3.0, 1.0, 2.0])
    labels = np.array([0, 0, 1, 1, 0])
    expanded = np.repeat(points, weights.astype(int), axis=0)
    expected = silhouette_score(expanded, np.repeat(labels, weights.astype(int)))
    assert weighted_silhouette(points, weights, labels) == pytest.approx(expected)


def test_silhouette_hand_case():
    points = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]])
    labels = np.array([0, 0, 1, 1])
    # point 0: a = 1, b = (10 + 11) / 2; point 1: a = 1, b = 9.5; symmetric for 2 and 3
    expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2
    assert weighted_silhouette(points, np.ones(4), labels) == pytest.approx(expected)


def test_groups_count_chosen_by_silhouette():
    rng = np.random.default_rng(0)
    centres = [(0, 0), (10, 0), (5, 9)]
    points = np.concatenate([rng.normal(c, 0.7, (150, 2)) for c in centres])
    clusters = opinion_groups(points)
    assert max(clusters.silhouettes, key=clusters.silhouettes.get) == 3
    truth = np.repeat([0, 1, 2], 150)
    groups = clusters.group_of
    for g in range(3):  # each planted blob is exactly one group
        assert np.unique(groups[truth == g]).size == 1
    assert np.unique(groups).size == 3


def test_who_is_clustered():
    # 10 statements: 7 votes needed; participant 0 votes 7 times, 1 votes 6 times
    p = [0] * 7 + [1] * 6 + [2] * 10
    s = list(range(7)) + list(range(6)) + list(range(10))
    result = analyse(p, s, [1] * len(p), statement_ids=range(10))
    assert result.clustered.tolist() == [True, False, True]
    # 3 statements: 3 votes are enough
    small = analyse([0, 0, 0, 1, 1], [0, 1, 2, 0, 1], [1, 1, 1, 1, 1])
    assert small.clustered.tolist() == [True, False]


def test_votes_on_moderated_out_statements_count_for_clustering_only():
    p = [0] * 7 + [1] * 7
    s = list(range(7)) * 2
    v = [1, -1, 1, -1, 1, -1, 1] + [-1, 1, -1, 1, -1, 1, -1]
    result = analyse(p, s, v, moderated_out=[5, 6])
    assert result.clustered.all()
    assert result.n_votes == 10
    out = result.to_json()
    assert out["n_statements"] == 5
    assert set(out["group_informed_consensus"]) == {"0", "1", "2", "3", "4"}


def test_representative_statements_of_two_opinion_groups():
    rng = np.random.default_rng(5)
    p, s, v = [], [], []
    for person in range(60):
        side = 1 if person < 30 else -1
        for statement in range(12):
            p.append(person)
            s.append(statement)
            # statements 0-5 split the groups; 6-11 everyone agrees with
            v.append(side if statement < 6 else 1)
    v = np.array(v)
    flip = rng.random(v.size) < 0.05
    v[flip] = 0
    result = analyse(p, s, v)
    assert len(result.groups) == 2
    assert sorted(g["size"] for g in result.groups) == [30, 30]
    agreeing_group = result.participant_group[0]  # participants 0-29 agree with 0-5
    for group in result.groups:
        reps = group["representative"]
        assert 1 <= len(reps) <= 5
        assert all(r["statement"] < 6 for r in reps)
        expected = "agree" if group["id"] == agreeing_group else "disagree"
        assert {r["direction"] for r in reps} == {expected}
    assert set(result.consensus_agree) <= set(range(6, 12))
    assert len(result.consensus_agree) == 5
    gic = result.group_informed_consensus
    assert gic[6:].min() > gic[:6].max()  # shared statements rank first


def test_vote_counts_encoded_in_one_product_equal_plain_counts():
    from ateliers.opinions.engine.analysis import _vote_counts, _vote_counts_separately

    rng = np.random.default_rng(2)
    n = 3000
    p, s, v = rng.integers(0, 200, n), rng.integers(0, 30, n), rng.integers(-1, 2, n)
    votes = build_vote_matrix(p, s, v, np.arange(n)).votes
    groups = rng.integers(-1, 3, votes.shape[0])
    fast = _vote_counts(votes, groups, 3)
    plain = _vote_counts_separately(votes, groups, 3)
    for a, b in zip(fast, plain, strict=True):
        np.testing.assert_array_equal(a, b)
    dense = votes.toarray()
    seen = np.zeros(dense.shape, dtype=bool)  # stored entries, passes (zeros) included
    rows = np.repeat(np.arange(votes.shape[0]), np.diff(votes.indptr))
    seen[rows, votes.indices] = True
    member = groups == 1
    assert fast[0][1].tolist() == ((dense == 1) & seen)[member].sum(0).tolist()
    assert fast[2][3].tolist() == ((dense == 0) & seen).sum(0).tolist()  # everyone's passes


def test_fallback_sort_and_sparse_ids_give_the_same_matrix(monkeypatch):
    from ateliers.opinions.engine import matrix as matrix_module

    rng = np.random.default_rng(4)
    n = 2000
    p, s = rng.integers(0, 50, n), rng.integers(0, 20, n)
    v, t = rng.integers(-1, 2, n), rng.permutation(n)

    def triplets(m):  # stored entries, passes included
        coo = m.votes.tocoo()
        return sorted(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True))

    fast = triplets(build_vote_matrix(p, s, v, t))
    # huge ids take the sorting path of the id mapping, not the lookup table
    huge = build_vote_matrix(p + 10**12, s * 10**11, v, t)
    assert huge.participant_ids.min() >= 10**12
    assert triplets(huge) == fast
    monkeypatch.setattr(matrix_module, "_coo_tocsr", None)  # as if scipy moved its internals
    assert triplets(build_vote_matrix(p, s, v, t)) == fast
