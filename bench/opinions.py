"""Benchmark of the opinion-map engine on synthetic conversations with planted groups.

    python -m bench.opinions            # every case, red-dwarf on the 10,000 x 1,000 cases
    python -m bench.opinions --quick    # small cases only

Each case runs in a child process that loads the votes (numpy arrays) from disk, notes its
resident memory, runs the analysis and reports the peak resident memory (VmHWM): "peak
memory" below is that peak minus the memory held before the analysis started, i.e. from
votes in memory to the full result. Times are wall-clock (time.perf_counter).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CASES = [
    # name, participants, statements, votes, planted groups
    ("10k x 1k, 0.5 M votes", 10_000, 1_000, 500_000, 3),
    ("10k x 1k, 1.7 M votes", 10_000, 1_000, 1_700_000, 3),
    ("100k x 5k, 5 M votes", 100_000, 5_000, 5_000_000, 3),
    ("100k x 5k, 19 M votes", 100_000, 5_000, 19_000_000, 3),
]
RED_DWARF_MAX_PARTICIPANTS = 10_000
SEED = 7


def synthetic_votes(n_participants, n_statements, n_votes, n_groups, seed=SEED):
    """Votes in time order, with planted opinion groups.

    Each group takes a side (agree or disagree) on each statement; a member passes with
    probability 0.1, else votes the group's side with probability 0.9. Participants vote
    on statements drawn at random, so a few of their votes are changes of earlier ones
    (the last one wins). How many votes each one casts varies (lognormal).
    """
    rng = np.random.default_rng(seed)
    sizes = rng.dirichlet(np.full(n_groups, 4.0))
    planted = rng.choice(n_groups, size=n_participants, p=sizes).astype(np.int32)
    side = rng.choice(np.array([-1, 1], dtype=np.int8), size=(n_groups, n_statements))
    activity = rng.lognormal(0.0, 0.6, n_participants)
    per_participant = np.maximum(1, np.round(activity / activity.sum() * n_votes)).astype(np.int64)
    participant = np.repeat(np.arange(n_participants, dtype=np.int32), per_participant)
    participant = participant[rng.permutation(participant.size)]  # interleave in time
    statement = rng.integers(0, n_statements, participant.size, dtype=np.int32)
    draw = rng.random(participant.size)
    group_side = side[planted[participant], statement]
    vote = np.where(draw < 0.1, 0, np.where(draw < 0.1 + 0.9 * 0.9, group_side, -group_side))
    times = np.arange(participant.size, dtype=np.int64) * 10 + 1_600_000_000_000
    return participant, statement, vote.astype(np.int8), times, planted


def _rss_kib(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak():
    """Reset VmHWM to the current RSS (Linux >= 4.0); False if not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run_engine(folder: str) -> dict:
    """Child process: load the votes, run the analysis, report times and memory."""
    from sklearn.metrics import adjusted_rand_score

    from ateliers.opinions.engine import analyse

    arrays = {name: np.load(Path(folder) / f"{name}.npy") for name in ("p", "s", "v", "t", "g")}
    rss_before = _rss_kib("VmRSS")
    _reset_peak()
    start = time.perf_counter()
    result = analyse(arrays["p"], arrays["s"], arrays["v"], arrays["t"])
    total = time.perf_counter() - start
    peak = _rss_kib("VmHWM")
    clustered = result.clustered
    planted = arrays["g"][result.participant_ids[clustered]]
    ari = adjusted_rand_score(planted, result.participant_group[clustered])
    return {
        "timings": result.timings,
        "total": total,
        "peak_mib": (peak - rss_before) / 1024,
        "process_peak_mib": peak / 1024,
        "n_votes_after_dedupe": int(result.n_votes),
        "n_clustered": int(clustered.sum()),
        "n_groups": len(result.groups),
        "ari": float(ari),
    }


def run_red_dwarf(folder: str) -> dict:
    """Child process: red-dwarf's Polis pipeline on the same (deduplicated) votes."""
    from reddwarf.implementations.polis import run_pipeline
    from sklearn.metrics import adjusted_rand_score

    from ateliers.opinions.engine.matrix import build_vote_matrix

    arrays = {name: np.load(Path(folder) / f"{name}.npy") for name in ("p", "s", "v", "t", "g")}
    # red-dwarf pivots the votes and fails on repeated cells: give it the last votes only
    matrix = build_vote_matrix(arrays["p"], arrays["s"], arrays["v"], arrays["t"]).votes.tocoo()
    votes = [
        {"participant_id": int(p), "statement_id": int(s), "vote": int(v), "modified": 0}
        for p, s, v in zip(matrix.row, matrix.col, matrix.data, strict=True)
    ]
    start = time.perf_counter()
    result = run_pipeline(votes=votes, random_state=0)
    total = time.perf_counter() - start
    labels = result.participants_df["cluster_id"]
    kept = labels.notna().to_numpy()
    ids = labels.index.to_numpy()[kept]
    ari = adjusted_rand_score(arrays["g"][ids], labels.to_numpy()[kept].astype(int))
    return {"total": total, "ari": float(ari), "n_groups": int(labels.nunique())}


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _child(kind: str, folder: str) -> dict:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.opinions", "--child", kind, folder],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        tail = completed.stderr.strip().splitlines()[-1:] or ["no error message"]
        return {"error": tail[0]}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the 10k x 1k cases")
    parser.add_argument("--no-red-dwarf", action="store_true")
    parser.add_argument("--case", default="", help="only cases whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="engine runs per case (median)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, folder = args.child
        report = run_engine(folder) if kind == "engine" else run_red_dwarf(folder)
        print(json.dumps(report))
        return 0

    print(f"opinion-map engine benchmark, {os.cpu_count()} CPU(s), numpy {np.__version__}")
    print(f"load average before starting: {_load()} (other processes slow every figure)")
    for name, n_p, n_s, n_v, n_g in CASES:
        if args.quick and n_p > RED_DWARF_MAX_PARTICIPANTS or args.case not in name:
            continue
        with tempfile.TemporaryDirectory() as folder:
            p, s, v, t, g = synthetic_votes(n_p, n_s, n_v, n_g)
            for key, array in zip("psvtg", (p, s, v, t, g), strict=True):
                np.save(Path(folder) / f"{key}.npy", array)
            del p, s, v, t
            runs = [_child("engine", folder) for _ in range(args.repeat)]
            print(f"\n== {name} ({n_g} planted groups, {n_v:,} votes generated)")
            failed = [run for run in runs if "error" in run]
            if failed:
                print(f"   engine failed: {failed[0]['error']}")
                continue
            runs.sort(key=lambda run: run["total"])
            report = runs[len(runs) // 2]  # the median run
            stages = ", ".join(f"{k} {ms * 1000:.0f} ms" for k, ms in report["timings"].items())
            print(f"   median of {len(runs)} runs, stages: {stages}")
            all_totals = ", ".join(f"{run['total']:.2f}" for run in runs)
            print(
                f"   total {report['total']:.2f} s (all runs: {all_totals} s), "
                f"peak memory +{report['peak_mib']:.0f} MiB "
                f"(process {report['process_peak_mib']:.0f} MiB)"
            )
            print(
                f"   {report['n_votes_after_dedupe']:,} votes after dedupe, "
                f"{report['n_clustered']:,} clustered, {report['n_groups']} groups found, "
                f"ARI vs planted {report['ari']:.3f}; load average {_load()}"
            )
            if n_p <= RED_DWARF_MAX_PARTICIPANTS and not args.no_red_dwarf:
                rd = _child("red-dwarf", folder)
                if "error" in rd:
                    print(f"   red-dwarf failed: {rd['error']}")
                else:
                    print(
                        f"   red-dwarf {rd['total']:.2f} s ({rd['n_groups']} groups, ARI "
                        f"{rd['ari']:.3f}): engine is {rd['total'] / report['total']:.1f}x faster"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
