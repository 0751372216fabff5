"""Edge cases and invariants: no crash, and no groups where there is nothing to group."""

import json

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ateliers.opinions.engine import analyse

votes_strategy = st.lists(
    st.tuples(
        st.integers(0, 25),  # participant
        st.integers(0, 12),  # statement (ids above 9 are unknown when statement_ids is given)
        st.sampled_from([-1, 0, 1]),
        st.integers(0, 50),  # time, with ties
    ),
    max_size=250,
)


def run(votes, **kwargs):
    columns = list(zip(*votes, strict=True)) if votes else [[], [], [], []]
    p, s, v, t = (np.asarray(c, dtype=np.int64) for c in columns)
    return analyse(p, s, v, t, **kwargs)


def check_invariants(result):
    out = result.to_json()
    json.dumps(out, allow_nan=False)  # valid JSON, no NaN
    groups = out["groups"]
    assert len(groups) == 0 or 2 <= len(groups) <= 5
    assert sum(g["size"] for g in groups) in (0, out["n_participants_clustered"])
    assert all(g["size"] > 0 and len(g["representative"]) <= 5 for g in groups)
    clustered = result.clustered
    assert ((result.participant_group >= 0) <= clustered).all()
    if groups:
        assert (result.participant_group[clustered] >= 0).all()
    for value in out["group_informed_consensus"].values():
        assert 0.0 < value <= 1.0
    assert all(value >= 0 for value in out["priority"].values())
    assert len(out["group_informed_consensus"]) == out["n_statements"]
    return out


@settings(
    max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(votes_strategy, st.sets(st.integers(0, 12), max_size=13), st.booleans())
def test_any_votes(votes, moderated, known_statements_only):
    statement_ids = np.arange(10) if known_statements_only else None
    check_invariants(run(votes, moderated_out=moderated, statement_ids=statement_ids))


@settings(max_examples=40, deadline=None, database=None)
@given(votes_strategy)
def test_same_input_same_output_whatever_the_order(votes):
    # distinct times, so that the last vote is well defined whatever the input order
    votes = [(p, s, v, i) for i, (p, s, v, _) in enumerate(votes)]
    first = run(votes).to_json()
    assert run(votes).to_json() == first
    assert run(list(reversed(votes))).to_json() == first


def test_no_votes():
    out = check_invariants(run([]))
    assert out["n_participants"] == 0 and out["groups"] == [] and out["n_votes"] == 0


def test_no_votes_but_known_statements_and_participants():
    result = analyse([], [], [], statement_ids=[1, 2], participant_ids=[5])
    out = check_invariants(result)
    assert out["participant_group"] == {"5": None}
    assert out["group_informed_consensus"] == {"1": 1.0, "2": 1.0}


def test_one_participant():
    out = check_invariants(run([(0, s, 1, s) for s in range(10)]))
    assert out["n_participants_clustered"] == 1 and out["groups"] == []


def test_only_passes():
    votes = [(p, s, 0, 0) for p in range(30) for s in range(10)]
    out = check_invariants(run(votes))
    assert out["n_participants_clustered"] == 30
    assert out["groups"] == []  # everyone at the same place: nothing to group
    assert out["consensus"] == {"agree": [], "disagree": []}


def test_one_statement():
    votes = [(p, 0, 1 if p % 2 else -1, 0) for p in range(40)]
    out = check_invariants(run(votes))
    assert out["n_statements"] == 1 and out["n_participants_clustered"] == 40
    assert out["groups"] == []  # two positions only: fewer base clusters than 2 groups need


def test_every_statement_moderated_out():
    votes = [(p, s, 1 if (p + s) % 2 else -1, 0) for p in range(30) for s in range(8)]
    out = check_invariants(run(votes, moderated_out=range(8)))
    assert out["n_statements"] == 0 and out["n_votes"] == 0
    assert out["n_participants_clustered"] == 0 and out["groups"] == []


def test_duplicate_votes_count_once():
    votes = [(0, 0, 1, 0), (0, 0, 1, 1), (0, 0, -1, 2), (1, 0, 1, 0)]
    result = run(votes)
    assert result.n_votes == 2 and result.n_votes_raw == 4
    assert result.to_json()["n_votes"] == 2


def test_votes_on_unknown_statements_are_ignored():
    votes = [(0, 0, 1, 0), (0, 99, 1, 1), (1, 99, -1, 2)]
    out = check_invariants(run(votes, statement_ids=[0, 1]))
    assert out["n_votes"] == 1
    assert out["n_participants"] == 1  # participant 1 only voted on an unknown statement
