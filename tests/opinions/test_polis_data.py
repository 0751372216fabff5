"""Real Polis conversations: import, and agreement with Polis's own opinion groups."""

import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from ateliers.opinions.engine import analyse
from ateliers.opinions.polis_import import PolisImportError, read_polis_export

DATA = Path(__file__).parent / "data"
CONVERSATIONS = {
    # folder: ARI measured against Polis's group-id (recorded in docs/opinions.md)
    "vtaiwan.uberx": 0.919,
    "scoop-hivemind.biodiversity": 0.966,
    "austria-climate.5twd2jsnkf.2022-08-08": 0.977,
}


def run(conversation):
    return analyse(
        conversation.participant,
        conversation.statement,
        conversation.vote,
        conversation.time,
        statement_ids=conversation.statement_ids,
        moderated_out=conversation.moderated_out,
        participant_ids=conversation.participant_ids,
    )


def ari_with_polis(conversation, result):
    ours = dict(
        zip(result.participant_ids.tolist(), result.participant_group.tolist(), strict=True)
    )
    both = [
        p for p, g in conversation.polis_group.items() if g is not None and ours.get(p, -1) >= 0
    ]
    polis = [conversation.polis_group[p] for p in both]
    return adjusted_rand_score(polis, [ours[p] for p in both]), len(both)


@pytest.mark.parametrize("folder", sorted(CONVERSATIONS))
def test_groups_agree_with_polis(folder):
    conversation = read_polis_export(DATA / folder)
    result = run(conversation)
    ari, n_both = ari_with_polis(conversation, result)
    assert ari >= 0.9
    assert ari == pytest.approx(CONVERSATIONS[folder], abs=0.0005)
    polis_clustered = sum(g is not None for g in conversation.polis_group.values())
    assert n_both >= 0.98 * polis_clustered  # almost the same people are clustered
    assert len(result.groups) == 2  # as in the exports' summary.csv


def test_without_votes_csv_the_wide_table_gives_the_same_votes(tmp_path):
    source = DATA / "scoop-hivemind.biodiversity"
    for name in ("comments.csv", "participants-votes.csv"):
        shutil.copy(source / name, tmp_path / name)
    wide = read_polis_export(tmp_path)
    full = read_polis_export(source)
    assert wide.time is None and full.time is not None
    a, b = run(wide), run(full)
    assert a.n_votes == b.n_votes
    np.testing.assert_array_equal(a.participant_group, b.participant_group)
    assert a.to_json() == b.to_json()


def test_moderated_out_comments_are_read():
    conversation = read_polis_export(DATA / "scoop-hivemind.biodiversity")
    assert len(conversation.moderated_out) == 162
    assert conversation.statement_ids.size == 316  # rows of comments.csv


def write(folder: Path, name: str, text: str):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


GOOD_COMMENTS = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
GOOD_COMMENTS += "1,x,0,1,0,0,1,hello\n1,x,1,1,0,0,-1,bye\n"
GOOD_PARTICIPANTS = (
    "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n0,,0,2,1,1,1,-1\n"
)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "comments.csv: file not found"),
        ({"comments.csv": GOOD_COMMENTS}, "participants-votes.csv: file not found"),
        ({"comments.csv": "", "participants-votes.csv": GOOD_PARTICIPANTS}, "empty file"),
        (
            {"comments.csv": "comment-id\n0\n", "participants-votes.csv": GOOD_PARTICIPANTS},
            "comments.csv: missing column(s) moderated",
        ),
        (
            {
                "comments.csv": GOOD_COMMENTS.replace(",1,hello", ",oops,hello"),
                "participants-votes.csv": GOOD_PARTICIPANTS,
            },
            "comments.csv: line 2, column moderated: not a number: 'oops'",
        ),
        (
            {"comments.csv": GOOD_COMMENTS, "participants-votes.csv": GOOD_PARTICIPANTS + "1,0\n"},
            "participants-votes.csv: line 3: 2 fields, expected 8",
        ),
        (
            {
                "comments.csv": GOOD_COMMENTS,
                "participants-votes.csv": GOOD_PARTICIPANTS,
                "votes.csv": "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,7\n",
            },
            "votes.csv: vote 7 is not -1, 0 or 1",
        ),
    ],
)
def test_malformed_exports_name_the_file_and_the_problem(tmp_path, files, message):
    folder = tmp_path / "export"
    folder.mkdir()
    for name, text in files.items():
        write(folder, name, text)
    with pytest.raises(PolisImportError) as error:
        read_polis_export(folder)
    assert message in str(error.value)


def test_small_export_reads(tmp_path):
    write(tmp_path, "comments.csv", GOOD_COMMENTS)
    write(tmp_path, "participants-votes.csv", GOOD_PARTICIPANTS)
    conversation = read_polis_export(tmp_path)
    assert conversation.moderated_out == [1]
    assert conversation.vote.tolist() == [1, -1]
    assert conversation.polis_group == {0: None}
