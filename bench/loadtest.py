"""The load test: a generated city on PostgreSQL, gunicorn, Locust, and a report.

    python -m bench.loadtest                       # city scale, 20, 50 and 100 users
    python -m bench.loadtest --users 20 --duration 30 --page-duration 10
    python -m bench.loadtest --nodes 2             # two web nodes behind one address
    python -m bench.loadtest --no-second-node      # skip "what a second node adds"
    make loadtest

Steps:
1. The database `ateliers_loadtest_<scale>` (LOADTEST_DATABASE_URL to choose another): made,
   migrated and filled by `generate_city --scale <scale> --seed 1` unless it already holds that
   city, made by the same generators (their code's fingerprint is kept in the database: an
   app that adds rows to the generator makes it made again; `city` takes a minute or two).
   Redis database 14 holds the cache and the sessions (LOADTEST_REDIS_URL), emptied at the
   start.
2. Production settings (DEBUG off, collected static files, cached sessions in Redis), and
   gunicorn with gunicorn.conf.py: one node of 2 workers, or two nodes behind
   bench/balancer.py.
3. Each page alone, as fast as 20 users can ask, beside the bare view (`/sante/`, the same
   middleware, no database): its throughput, and its share of the bare view's.
4. The mix of bench/locustfile.py (anonymous visitors and logged-in residents, who also join
   and leave workshops) at each number of users: p50, p95, p99 and throughput per page.
5. What a second web node adds: the mix at the middle number of users again, on two nodes
   behind bench/balancer.py (the same machine: same cores, same database and Redis).
6. The queries of each page at the small and at this scale (bench/page_queries.py).
7. The report, with the machine it ran on, in docs/performance.md (`--report` elsewhere).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from bench.dossier import section_of as dossier_section_of
from bench.search import section_of as search_section_of

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOCUST = str(Path(sys.executable).parent / "locust")
NICE = shutil.which("nice") or "/usr/bin/nice"
SEED = 1
# The goals of the performance issue, for the report.
GOAL_P95_MS = 100
GOAL_SHARE_ANONYMOUS = 0.30
GOAL_SHARE_LOGGED_IN = 0.10
ALONE_USERS = 20
# The opinion map's goals (issue "Debate phase"): with 20 voters, a vote and the next
# statement p95 ≤ 50 ms; a computation of the 2 M-vote map ≤ 2 s in the worker.
VOTE = "vote + next statement"
# How the 20 voters vote: each as a person does (a statement read, then a click: one vote
# every 1 to 3 s), and without any pause (the server's throughput).
VOTING_PACE = "a vote every 1 to 3 s each"
WITHOUT_PAUSE = "without pause"
GOAL_VOTE_P95_MS = 50
GOAL_COMPUTATION_S = 2.0


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=BASE_DIR, check=True, **kwargs)  # noqa: S603


# The city


def city_fingerprint(scale: str) -> str:
    """What the generated city was made from: the scale, the seed and the generators' code.
    A change to any generator (a later issue adding its rows) makes a new city."""
    sources = sorted(BASE_DIR.glob("ateliers/*/generate.py"))
    sources.append(BASE_DIR / "ateliers" / "core" / "generated_city.py")
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    return f"{scale}:{SEED}:{digest.hexdigest()[:16]}"


def _stored_fingerprint(database_url: str) -> str | None:
    try:
        with psycopg.connect(database_url) as connection:
            row = connection.execute("SELECT fingerprint FROM loadtest_city").fetchone()
    except psycopg.Error:
        return None
    return row[0] if row else None


def ensure_city(database_url: str, scale: str, env: dict) -> None:
    admin_url, name = database_url.rsplit("/", 1)
    fingerprint = city_fingerprint(scale)
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if exists and _stored_fingerprint(database_url) == fingerprint:
            log(f"the {scale} city is already in {name}")
            run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
            return
        if exists:
            log(f"{name} holds a city made by other generators: making it again")
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    log(f"generating the {scale} city into {name} (minutes at city scale)")
    run([PYTHON, "manage.py", "generate_city", "--scale", scale, "--seed", str(SEED)], env)
    with psycopg.connect(database_url) as connection:
        connection.execute("CREATE TABLE loadtest_city (fingerprint text NOT NULL)")
        connection.execute("INSERT INTO loadtest_city VALUES (%s)", (fingerprint,))


def write_targets(env: dict, path: Path, sessions: int) -> dict:
    """The slugs the visitors ask for, and sessions of residents, made in the site's store."""
    script = f"""
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from importlib import import_module
from django.utils import timezone
from ateliers.core.models import Role, User
from ateliers.councils.models import Council
from ateliers.documents.models import Document, DocumentVersion
from ateliers.trainings.models import Training, TrainingSession
from ateliers.meetings.models import Meeting
from ateliers.core.models import Neighbourhood
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.debate.models import Contribution, Topic
from ateliers.opinions.models import Conversation
from ateliers.recommendations.models import Adoption, Recommendation
from ateliers.townhall.models import Answer, Body, Delegation, Milestone
from ateliers.townhall.models import Session as TownhallSession
from ateliers.evaluations.models import MINIMUM_ANSWERS, Evaluation, Invitation, Questionnaire
from django.db.models import Count, Q
store = import_module(settings.SESSION_ENGINE).SessionStore
now = timezone.now()
running = Workshop.objects.published().filter(starts_at__lte=now, ends_at__gt=now)
largest = Workshop.objects.published().order_by("-participant_count").first()
joinable = Workshop.objects.published().in_phase(PhaseKind.COMMUNICATION, now).filter(
    capacity__isnull=True)
sessions = []
for user in User.objects.filter(role=Role.RESIDENT, is_active=True).order_by("pk")[:{sessions}]:
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "ateliers.core.auth.EmailLoginBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
def session_of(user):
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "ateliers.core.auth.EmailLoginBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key
debating = Workshop.objects.published().in_phase(PhaseKind.DEBATE, now)
open_topics = Topic.objects.filter(workshop__in=debating, closed_at__isnull=True).order_by("pk")
# Participants of a workshop in its debate phase, each with a topic they may post in.
posters = []
for topic in open_topics[:40]:
    for participation in topic.workshop.participations.select_related("user").order_by("pk")[:3]:
        posters.append([session_of(participation.user), topic.pk])
largest_topic = Topic.objects.order_by("-for_count", "-against_count", "pk").first()
conversation = Conversation.objects.annotate(n=Count("voters")).order_by("-n", "pk").first()
voters = [session_of(voter.user) for voter in conversation.voters.filter(user__isnull=False)
    .select_related("user").order_by("pk")[:200]]
largest_topic_rows = Contribution.objects.filter(topic=largest_topic, parent=None).count()
recommending_now = Workshop.objects.published().in_phase(PhaseKind.RECOMMENDATIONS, now)
# Participants of a workshop in its recommendations phase, each with a draft they may support.
supporters = []
for draft in Recommendation.objects.filter(workshop__in=recommending_now,
        status="draft").order_by("pk")[:40]:
    for participation in draft.workshop.participations.select_related("user").order_by("pk")[:3]:
        supporters.append([session_of(participation.user), draft.pk])
adopting = (Adoption.objects.values("recommendation__workshop__slug")
    .annotate(n=Count("pk")).order_by("-n").first())
# The town hall: city staff who report on milestones, those of the smaller workshops first
# (each report is e-mailed to the workshop's participants by the worker).
milestone_writers = [session_of(user) for user in User.objects.filter(role=Role.CITY_STAFF,
    is_active=True).order_by("pk")[:20]]
milestones = list(Milestone.objects.exclude(status="done").order_by(
    "answer__recommendation__workshop__participant_count", "pk").values_list("pk", flat=True)[:40])
# The evaluations: published ones, questionnaires whose results show, and participants invited
# to an open questionnaire who have not answered (each answers once in the mix).
answerers = [[session_of(invitation.user), invitation.questionnaire.workshop.slug]
    for invitation in Invitation.objects.filter(answered=False, user__is_active=True,
        questionnaire__opens_at__lte=now, questionnaire__closes_at__gt=now)
    .select_related("user", "questionnaire__workshop").order_by("pk")[:100]]
print(json.dumps({{
    "workshops": list(running.values_list("slug", flat=True)[:200]),
    "largest": largest.slug,
    "largest_participants": largest.participant_count,
    "joinable": list(joinable.values_list("slug", flat=True)[:20]),
    "councils": list(Council.objects.values_list("slug", flat=True)),
    "documents": list(Document.objects.filter(workshop__in=running).values_list(
        "pk", flat=True)[:200]),
    "downloads": [f"/documents/{{v.document_id}}/versions/{{v.number}}/"
        for v in DocumentVersion.objects.exclude(file="").only("document_id", "number")[:50]],
    "trainings": list(Training.objects.values_list("slug", flat=True)[:200]),
    "sessions_of_trainings": list(TrainingSession.objects.filter(starts_at__gt=now)
        .values_list("pk", flat=True)[:200]),
    "meetings": list(Meeting.objects.filter(starts_at__gt=now)
        .exclude(workshop__status="draft").values_list("pk", flat=True)[:200]),
    "neighbourhoods": list(Neighbourhood.objects.values_list("pk", flat=True)),
    "neighbourhood_slugs": list(Neighbourhood.objects.values_list("slug", flat=True)),
    "sessions": sessions,
    "topics": list(Topic.objects.filter(workshop__in=running).values_list("pk", flat=True)[:200]),
    "largest_topic": largest_topic.pk,
    "largest_topic_contributions": largest_topic_rows,
    "largest_topic_pages": max(1, -(-largest_topic_rows // 20)),
    "contributions": list(Contribution.objects.filter(topic__workshop__in=running, parent=None)
        .values_list("pk", flat=True)[:200]),
    "debating": list(debating.filter(debate_topics__isnull=False).distinct()
        .values_list("slug", flat=True)[:50]),
    "posters": posters,
    "largest_conversation": conversation.pk,
    "largest_conversation_voters": conversation.n,
    "conversations": list(Conversation.objects.filter(workshop__in=running)
        .values_list("pk", flat=True)[:200]),
    "voters": voters,
    "recommending": Workshop.objects.annotate(n=Count("recommendations")).order_by("-n", "pk")
        .first().slug,
    "recommendations": list(Recommendation.objects.filter(workshop__in=running)
        .values_list("pk", flat=True)[:200]) or list(Recommendation.objects
        .values_list("pk", flat=True)[:200]),
    "amended": list(Recommendation.objects.filter(version__gt=1)
        .values_list("pk", flat=True)[:200]),
    "supporters": supporters,
    "adopting": adopting["recommendation__workshop__slug"] if adopting else None,
    "bodies": list(Body.objects.values_list("slug", flat=True)),
    "townhall_sessions": [f"/mairie/{{slug}}/seances/{{pk}}/" for slug, pk in TownhallSession
        .objects.filter(public=True).order_by("-starts_at", "pk")
        .values_list("body__slug", "pk")[:200]],
    "followed": list(Answer.objects.filter(recommendation__isnull=False).order_by("pk")
        .values_list("recommendation_id", flat=True)[:200]),
    "delegations": list(Delegation.objects.order_by("-decided_at", "pk")
        .values_list("workshop__slug", flat=True)[:200]),
    "milestone_writers": milestone_writers,
    "milestones": milestones,
    "evaluated": list(Evaluation.objects.filter(published_at__isnull=False)
        .order_by("-published_at", "pk").values_list("workshop__slug", flat=True)[:200]),
    "questionnaire_results": list(Questionnaire.objects
        .annotate(n=Count("responses", filter=Q(responses__filled=True)))
        .filter(n__gte=MINIMUM_ANSWERS).order_by("-closes_at", "pk")
        .values_list("workshop__slug", flat=True)[:200]),
    "answerers": answerers,
}}))
"""
    output = run([PYTHON, "-c", script], env, capture_output=True, text=True).stdout
    targets = json.loads(output.strip().splitlines()[-1])
    path.write_text(json.dumps(targets))
    return targets


# The servers


class Servers:
    """gunicorn node(s), behind the balancer when there are two; stopped on exit."""

    def __init__(self, env: dict, nodes: int, workers: int):
        self.processes: list[subprocess.Popen] = []
        ports = [free_port() for _ in range(nodes)]
        for port in ports:
            self.processes.append(
                subprocess.Popen(  # noqa: S603
                    [
                        PYTHON,
                        "-m",
                        "gunicorn",
                        "-c",
                        "gunicorn.conf.py",
                        "ateliers.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        str(workers),
                        "--no-control-socket",
                    ],
                    env=env,
                    cwd=BASE_DIR,
                    stdout=subprocess.DEVNULL,
                )
            )
        # The worker that runs the background tasks (the opinion map's computations,
        # e-mails), as in production: it shares the cores with the web workers.
        self.processes.append(
            subprocess.Popen(  # noqa: S603
                # At a lower priority, as docs/deploy.md advises on a shared machine: a
                # computation yields the cores to the pages people wait for.
                [NICE, "-n", "10", PYTHON, "manage.py", "db_worker", "--interval", "1", "-v0"],
                env=env,
                cwd=BASE_DIR,
                stdout=subprocess.DEVNULL,
            )
        )
        if nodes == 1:
            self.port = ports[0]
        else:
            self.port = free_port()
            addresses = [f"127.0.0.1:{port}" for port in ports]
            self.processes.append(
                subprocess.Popen(  # noqa: S603
                    [PYTHON, "-m", "bench.balancer", f"127.0.0.1:{self.port}", *addresses],
                    env=env,
                    cwd=BASE_DIR,
                )
            )
        self.url = f"http://127.0.0.1:{self.port}"
        self._wait(ports + [self.port])

    def _wait(self, ports: list[int]) -> None:
        deadline = time.monotonic() + 60
        for port in ports:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        self.stop()
                        raise SystemExit(f"nothing answers on port {port}") from None
                    time.sleep(0.2)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def snapshots(database_url: str, conversation: int) -> dict[int, tuple[float, int]]:
    """The computations of the conversation's map kept now: id → (seconds, votes)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT id, duration, n_votes FROM opinions_mapsnapshot WHERE conversation_id = %s",
            (conversation,),
        ).fetchall()
    return {pk: (duration, votes) for pk, duration, votes in rows}


# Locust


def locust(env: dict, url: str, *, users: int, seconds: int, only: str = "") -> dict:
    """Run Locust headless; per request name: count, failures, p50, p95, p99, req/s."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "run"
        run_env = {**env, "LOADTEST_ONLY": only}
        subprocess.run(  # noqa: S603
            [
                LOCUST,
                "-f",
                "bench/locustfile.py",
                "--headless",
                "--host",
                url,
                "-u",
                str(users),
                "-r",
                str(users),
                "-t",
                f"{seconds}s",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--stop-timeout",
                "5",
            ],
            env=run_env,
            cwd=BASE_DIR,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        rows = {}
        with open(f"{prefix}_stats.csv", newline="") as stats:  # noqa: PTH123
            for row in csv.DictReader(stats):
                rows[row["Name"]] = {
                    "count": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50": _number(row["50%"]),
                    "p95": _number(row["95%"]),
                    "p99": _number(row["99%"]),
                    "rps": _number(row["Requests/s"]),
                }
        return rows


def _number(text: str) -> float:
    """A figure of Locust's CSV; "N/A" (no request succeeded) reads as 0, and the failures
    column says why."""
    try:
        return float(text)
    except ValueError:
        return 0.0


# Queries at two scales


def query_counts(env: dict) -> dict:
    output = run([PYTHON, "-m", "bench.page_queries"], env, capture_output=True, text=True)
    return json.loads(output.stdout)


def small_city_counts(base_env: dict) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        env = {**base_env, "ATELIERS_VAR_DIR": folder}
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run(
            [PYTHON, "manage.py", "generate_city", "--scale", "small", "--seed", str(SEED)],
            env,
            stdout=subprocess.DEVNULL,
        )
        return query_counts(env)


# The report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{int(memory) / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    postgres = subprocess.run(  # noqa: S603
        ["psql", "--version"],  # noqa: S607 - the PostgreSQL client on the PATH
        capture_output=True,
        text=True,
        check=False,  # noqa: S607
    ).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory} of memory, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, {postgres}, Redis"
    )


def report(args, targets, alone, mixes, second, counts, started, finished) -> str:
    bare = alone["bare view"]["rps"] or 1
    lines = [
        "# Performance at city scale",
        "",
        "Measured by `make loadtest` (bench/loadtest.py): the figures below are rewritten by each",
        'run. The goals (issue "Fast at city scale"): at 20 users, p95 ≤ 100 ms for every',
        "page; anonymous pages at ≥ 30 % of the bare view's throughput, logged-in pages ≥ 10 %.",
        "",
        f"- Run: {started:%Y-%m-%d %H:%M} to {finished:%H:%M} UTC.",
        f"- Machine: {machine()}. Locust runs on the same machine as the server and takes",
        "  part of the same cores.",
        "- The mix (bench/locustfile.py): four anonymous visitors for one logged-in resident,",
        "  each waiting 0.5 to 1.5 s between pages; a resident joins a workshop and leaves it",
        "  about once in 90 of their actions (each join makes the pages that show counts stale);",
        "  as often, a city staff member reports on a milestone of the town hall's follow-up,",
        "  and a participant invited to an open questionnaire answers it (each person once).",
        f"- City: `generate_city --scale {args.scale} --seed {SEED}`"
        f" (the largest workshop has {targets['largest_participants']:,} participants).",
        f"- Server: gunicorn, {args.nodes} node(s) of {args.workers} sync workers,"
        " production settings, PostgreSQL and Redis on the same machine"
        + (", behind bench/balancer.py" if args.nodes > 1 else "")
        + ".",
        "",
        f"## Each page alone ({ALONE_USERS} users without pause, {args.page_duration} s each)",
        "",
        "| page | req/s | share of the bare view | p50 ms | p95 ms | goal |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, row in alone.items():
        share = row["rps"] / bare
        goal = (
            GOAL_SHARE_LOGGED_IN
            if "logged in" in name or name.startswith("my ")
            else (GOAL_SHARE_ANONYMOUS)
        )
        met = "—" if name == "bare view" else ("met" if share >= goal else f"below {goal:.0%}")
        lines.append(
            f"| {name} | {row['rps']:.0f} | {share:.0%} | {row['p50']:.0f} | {row['p95']:.0f} "
            f"| {met} |"
        )
    for users, rows in mixes.items():
        lines += [
            "",
            f"## The mix at {users} users ({args.duration} s)",
            "",
            "| request | count | failures | p50 ms | p95 ms | p99 ms | req/s |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, row in rows.items():
            lines.append(
                f"| {name} | {row['count']} | {row['failures']} | {row['p50']:.0f} | "
                f"{row['p95']:.0f} | {row['p99']:.0f} | {row['rps']:.1f} |"
            )
    if second is not None:
        users, rows = second
        one = mixes[users]
        lines += [
            "",
            f"## What a second web node adds ({users} users, {args.duration} s)",
            "",
            "The same mix on two nodes of the same size behind one address (bench/balancer.py),",
            "on the same machine, database and Redis: the cores are shared, so the second node",
            "shows that the web processes share everything they need (sessions, kept pages,",
            "rate limits), not more capacity.",
            "",
            "| | req/s | p50 ms | p95 ms | p99 ms | failures |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for label, table in (("one node", one), ("two nodes", rows)):
            total = table.get("Aggregated", {})
            lines.append(
                f"| {label} | {total.get('rps', 0):.1f} | {total.get('p50', 0):.0f} | "
                f"{total.get('p95', 0):.0f} | {total.get('p99', 0):.0f} | "
                f"{total.get('failures', 0)} |"
            )
    small, city = counts
    lines += [
        "",
        "## Queries per page, rendered with an empty cache",
        "",
        f"| page | small city | {args.scale} city |",
        "|---|---:|---:|",
    ]
    for name in city:
        lines.append(f"| {name} | {small.get(name)} | {city[name]} |")
    return "\n".join(lines) + "\n"


def opinion_report(targets, voting, computations) -> str:
    durations = sorted(duration for duration, _votes in computations.values())
    votes = max((count for _duration, count in computations.values()), default=0)
    lines = [
        "",
        "## The opinion map at scale",
        "",
        f"The largest conversation: {targets['largest_conversation_voters']:,} voters "
        f"(`generate_city`), {votes:,} votes counted by its last computation.",
        "",
        "| what | measured | goal |",
        "|---|---:|---|",
    ]
    for pace, row in voting.items():
        met = "met" if row["p95"] <= GOAL_VOTE_P95_MS else "not met"
        goal = f"p95 ≤ {GOAL_VOTE_P95_MS} ms: {met}" if pace == VOTING_PACE else "(throughput)"
        lines.append(
            f"| {VOTE}, {ALONE_USERS} voters, {pace}: p50 / p95 | {row['p50']:.0f} / "
            f"{row['p95']:.0f} ms ({row['rps']:.0f} votes/s, {row['failures']} failures) "
            f"| {goal} |"
        )
    if durations:
        median = durations[len(durations) // 2]
        lines.append(
            f"| computations in the worker during the run: {len(durations)}, median / longest "
            f"| {median:.2f} / {durations[-1]:.2f} s | ≤ {GOAL_COMPUTATION_S:.0f} s: "
            f"{'met' if durations[-1] <= GOAL_COMPUTATION_S else 'not met'} |"
        )
    else:
        lines.append("| computations in the worker during the run | none | — |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", default="city", choices=["small", "city", "metropolis"])
    parser.add_argument("--users", default="20,50,100")
    parser.add_argument("--duration", type=int, default=60, help="seconds of each mix")
    parser.add_argument("--page-duration", type=int, default=15, help="seconds of each page")
    parser.add_argument("--nodes", type=int, default=1, choices=[1, 2])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--sessions", type=int, default=100, help="residents' sessions")
    parser.add_argument("--report", default=str(BASE_DIR / "docs" / "performance.md"))
    parser.add_argument(
        "--no-second-node",
        dest="second_node",
        action="store_false",
        help="skip the run on two nodes behind one address",
    )
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)

    database_url = os.environ.get(
        "LOADTEST_DATABASE_URL",
        f"postgres://postgres@127.0.0.1:5432/ateliers_loadtest_{args.scale}",
    )
    redis_url = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ateliers.settings",
        "PYTHONPATH": str(BASE_DIR),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
    }
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")
    ensure_city(database_url, args.scale, env)
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    server_env = {
        **env,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        # The per-person limits on forms (votes: 120 a minute) would answer 429 to the
        # simulated voters, who share a few hundred sessions: the load test measures the
        # server, not the limits.
        "FORM_RATE_LIMIT_FACTOR": "100",
        # Every simulated client comes from 127.0.0.1: one budget for all of them.
        "ATELIERS_API_RATE_LIMIT": "1000000",
    }
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], server_env)
    folder = Path(tempfile.mkdtemp(prefix="loadtest-"))
    targets = write_targets(server_env, folder / "targets.json", args.sessions)
    env_locust = {**env, "LOADTEST_TARGETS": str(folder / "targets.json")}

    # The computations made during the run (the one made by the generator is left out).
    made_before = set(snapshots(database_url, targets["largest_conversation"]))
    servers = Servers(server_env, args.nodes, args.workers)
    computations: dict[int, tuple[float, int]] = {}
    try:
        alone = {}
        for name in _page_names():
            log(f"alone: {name}")
            rows = locust(
                env_locust, servers.url, users=ALONE_USERS, seconds=args.page_duration, only=name
            )
            alone[name] = rows.get(name) or {"rps": 0, "p50": 0, "p95": 0, "count": 0}
            computations.update(snapshots(database_url, targets["largest_conversation"]))
        voting = {}
        for pace in (VOTING_PACE, WITHOUT_PAUSE):
            log(f"alone: {VOTE}, {ALONE_USERS} voters, {pace}")
            rows = locust(
                {**env_locust, "LOADTEST_VOTING_PACE": pace},
                servers.url,
                users=ALONE_USERS,
                seconds=args.duration,
                only=VOTE,
            )
            nothing = {"rps": 0, "p50": 0, "p95": 0, "count": 0, "failures": 0}
            voting[pace] = rows.get(VOTE) or nothing
            computations.update(snapshots(database_url, targets["largest_conversation"]))
        mixes = {}
        for users in (int(number) for number in args.users.split(",")):
            log(f"mix: {users} users")
            mixes[users] = locust(env_locust, servers.url, users=users, seconds=args.duration)
            computations.update(snapshots(database_url, targets["largest_conversation"]))
    finally:
        servers.stop()
    second = None
    if args.second_node and args.nodes == 1:
        users = sorted(mixes)[len(mixes) // 2]
        log(f"two nodes behind one address: {users} users")
        servers = Servers(server_env, 2, args.workers)
        try:
            second = (users, locust(env_locust, servers.url, users=users, seconds=args.duration))
        finally:
            servers.stop()
    shutil.rmtree(folder, ignore_errors=True)
    log("queries per page, small and this city")
    counts = (small_city_counts(env), query_counts(env))
    finished = datetime.datetime.now(datetime.UTC)
    for pk in made_before:
        computations.pop(pk, None)
    text = report(args, targets, alone, mixes, second, counts, started, finished)
    text += opinion_report(targets, voting, computations)
    # The sections bench/dossier.py and bench/search.py write (make bench) stay.
    text += dossier_section_of(Path(args.report))
    text += search_section_of(Path(args.report))
    Path(args.report).write_text(text)
    log(f"report written to {args.report}")
    print(text)


def _page_names() -> list[str]:
    """The pages of bench/locustfile.py, the bare view first (read without importing it:
    it needs its targets file)."""
    source = (BASE_DIR / "bench" / "locustfile.py").read_text()
    table = source[source.index("PAGES = {") : source.index("\n}\n", source.index("PAGES = {"))]
    return re.findall(r'^    "([^"]+)": \(', table, flags=re.MULTILINE)


if __name__ == "__main__":
    main()
