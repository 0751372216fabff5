"""The live map's continuity (engine/continuity.py) and the replay of real conversations."""

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from sklearn.metrics import adjusted_rand_score

from ateliers.opinions.engine import MapState, adjusted_rand_index, analyse
from ateliers.opinions.engine.continuity import GROUP_COUNT_BUFFER, next_group_count
from ateliers.opinions.engine.replay import replay
from ateliers.opinions.polis_import import read_polis_export

from .test_polis_data import CONVERSATIONS, ari_with_polis, run

DATA = Path(__file__).parent / "data"


def test_the_group_count_changes_only_after_winning_the_buffer_in_a_row():
    state = MapState(best_k_history=[], n_groups=2)
    shown = []
    for best in [3, 3, 2, 3, 3, 3, 3, 2]:
        k, history = next_group_count(state, best, possible={2, 3, 4})
        state = MapState(best_k_history=history, n_groups=k)
        shown.append(k)
    # 3 wins twice, loses once, then wins four times in a row: shown from then on; a single
    # win of 2 afterwards changes nothing.
    assert GROUP_COUNT_BUFFER == 4
    assert shown == [2, 2, 2, 2, 2, 2, 3, 3]


def test_the_first_groups_found_are_shown_at_once():
    assert next_group_count(None, 3, possible={2, 3})[0] == 3
    assert next_group_count(MapState(n_groups=0), 2, possible={2})[0] == 2


def planted(n_per_group=30, n_statements=12, seed=4):
    """Two opinion groups taking opposite sides on every statement."""
    rng = np.random.default_rng(seed)
    participant, statement, vote = [], [], []
    for p in range(2 * n_per_group):
        side = 1 if p < n_per_group else -1
        for s in range(n_statements):
            participant.append(p)
            statement.append(s)
            vote.append(side * (1 if rng.random() < 0.9 else -1) * (1 if s % 2 else -1))
    return np.array(participant), np.array(statement), np.array(vote)


def test_a_participant_clustered_once_stays_clustered():
    participant, statement, vote = planted()
    # A newcomer votes on eight statements: clustered.
    newcomer = 999
    extra = [(newcomer, s, 1) for s in range(8)]
    p = np.concatenate([participant, [e[0] for e in extra]])
    s = np.concatenate([statement, [e[1] for e in extra]])
    v = np.concatenate([vote, [e[2] for e in extra]])
    first = analyse(p, s, v)
    row = list(first.participant_ids).index(newcomer)
    assert first.clustered[row]
    # Two of the statements they voted on are moderated out: from scratch they fall under the
    # threshold of 7 votes; on the live map they stay in.
    scratch = analyse(p, s, v, moderated_out=[0, 1])
    assert scratch.clustered.sum() == first.clustered.sum()  # the threshold counts them still
    live = analyse(p[:-3], s[:-3], v[:-3], previous=first.state)
    from_scratch = analyse(p[:-3], s[:-3], v[:-3])
    row = list(live.participant_ids).index(newcomer)
    assert not from_scratch.clustered[row]
    assert live.clustered[row] and live.participant_group[row] >= 0
    assert newcomer in live.state.clustered


def test_the_state_survives_json():
    state = analyse(*planted()).state
    assert MapState.from_json(json.loads(json.dumps(state.to_json()))) == state
    assert MapState.from_json(None) is None


@pytest.mark.parametrize("seed", range(5))
def test_the_adjusted_rand_index_is_scikit_learns(seed):
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, 3, 200), rng.integers(0, 4, 200)
    b[:120] = a[:120]
    assert adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(a, b))
    assert adjusted_rand_index(a, a) == 1.0


@pytest.mark.parametrize("folder", sorted(CONVERSATIONS))
def test_replayed_in_time_order_the_groups_still_agree_with_polis(folder):
    """Both modes on the three real conversations: from scratch and replayed through the
    live map's continuity (40 computations, as the command does by default)."""
    conversation = read_polis_export(DATA / folder)
    scratch = run(conversation)
    replayed = replay(
        conversation.participant,
        conversation.statement,
        conversation.vote,
        conversation.time,
        moderated_out=conversation.moderated_out,
        from_scratch=scratch,
    )
    assert replayed.computations == 40
    assert ari_with_polis(conversation, scratch)[0] >= 0.9
    assert ari_with_polis(conversation, replayed.result)[0] >= 0.9
    changes = replayed.changes()
    assert changes["n_groups"] == len(replayed.result.groups) == 2
    # The buffer shows fewer changes of the group count than the raw best count had.
    assert len(changes["group_count_changes"]) - 1 <= changes["best_count_changes"]


def test_the_command_replays_and_says_what_changed():
    out = StringIO()
    call_command(
        "opinions_analyse",
        str(DATA / "scoop-hivemind.biodiversity"),
        "--replay",
        "--every",
        "3000",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert result["replay"]["votes_per_computation"] == 3000
    assert result["replay"]["computations"] == 10
    assert result["replay"]["n_groups_from_scratch"] == 2
    assert 0.9 <= result["replay"]["ari_with_from_scratch"] <= 1.0
    assert {"groups", "participant_group", "consensus"} <= set(result)
