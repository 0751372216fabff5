"""The opinions_analyse management command."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def test_prints_the_opinion_map_as_json():
    out = StringIO()
    call_command("opinions_analyse", str(DATA / "scoop-hivemind.biodiversity"), stdout=out)
    result = json.loads(out.getvalue())
    assert result["n_participants"] == 536
    assert result["n_statements"] == 316 - 162  # comments.csv rows, less moderated out
    assert result["n_participants_clustered"] == 441
    assert result["n_votes"] > 0
    groups = {g for g in result["participant_group"].values() if g is not None}
    assert groups == {g["id"] for g in result["groups"]} == {0, 1}
    assert sum(v is not None for v in result["participant_group"].values()) == 441
    for group in result["groups"]:
        assert {"id", "size", "representative"} <= set(group)
        for rep in group["representative"]:
            assert rep["direction"] in ("agree", "disagree")
            assert str(rep["statement"]) in result["group_informed_consensus"]
    assert set(result["consensus"]) == {"agree", "disagree"}
    assert len(result["group_informed_consensus"]) == result["n_statements"]


def test_bad_path_is_a_command_error():
    with pytest.raises(CommandError, match="not a folder"):
        call_command("opinions_analyse", "/no/such/folder")


@pytest.mark.parametrize("make_bad", ["missing", "malformed"])
def test_errors_are_one_line_without_traceback(tmp_path, make_bad):
    path = Path("/bad/path")
    if make_bad == "malformed":
        path = tmp_path
        (tmp_path / "comments.csv").write_text("comment-id,moderated\nx,1\n")
    completed = subprocess.run(  # noqa: S603 - our interpreter, our manage.py
        [sys.executable, "manage.py", "opinions_analyse", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert completed.stdout == ""
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "Traceback" not in completed.stderr
    assert ("comments.csv" if make_bad == "malformed" else "/bad/path") in completed.stderr
