"""Outage drill: restart the real PostgreSQL under a write load, then count what was lost.

    python -m bench.db_restart                 # 20 clients, restart after 5 s, 10 s more
    python -m bench.db_restart --clients 40 --before 10 --after 20
    make outage-drill

For a test machine whose PostgreSQL may be restarted (cluster 15/main on 127.0.0.1:5432, user
postgres without password, the drill run as root): every other client of that server loses its
connections for a moment. Not part of `make test`. Steps:

1. Drop and create the database `ateliers_drill`, migrate it, and create one council per
   client with its president, through the services.
2. Start gunicorn with gunicorn.conf.py on a free port, against that database.
3. Each client logs in through the login form, then sends workshop proposals one after the
   other (`/conseils/<slug>/proposer-un-atelier/`), each with a title of its own and a fresh
   one-time key. A proposal is acknowledged when the answer is the redirect to the council.
4. Restart PostgreSQL mid-run (`pg_ctlcluster --skip-systemctl-redirect 15 main restart`) and
   keep going. At the end PostgreSQL is started again if it is not back.
5. Compare the answers with the rows: acknowledged but missing (lost), stored twice
   (duplicates), stored although the answer was an error; the answers seen during the outage;
   the recovery time, from the restart command to the first acknowledged write sent after the
   first failure.

The form rate limits are raised for the drill (FORM_RATE_LIMIT_FACTOR); the cache is each
worker's memory, so that runs do not share login counts. gunicorn's log goes to
var/outage-drill.log.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
LOG_FILE = BASE_DIR / "var" / "outage-drill.log"
PASSWORD = "drill-password-not-secret"  # noqa: S105 - accounts of a throw-away database
ACKNOWLEDGED = "302 (acknowledged)"
# Cookies a browser would send back; the messages cookie is left out, as a browser showing the
# next page would clear it.
KEPT_COOKIES = {"csrftoken", "sessionid"}
PAUSE_AFTER_FAILURE = 0.1  # seconds
# The drill's clients write far faster than a person: raise our form limits for the drill only.
RATE_LIMIT_FACTOR = 10_000


class DrillError(Exception):
    pass


# The database and the site under test.


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603


def other_sessions(server: str, database: str) -> list[str]:
    """Client sessions on the server's other databases (someone else's tests, say)."""
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        rows = connection.execute(
            "SELECT datname, count(*) FROM pg_stat_activity"
            " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            " AND datname IS NOT NULL AND datname <> %s GROUP BY datname",
            [database],
        ).fetchall()
    return [f"{name} ({count})" for name, count in rows]


def wait_until_alone(server: str, database: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    others = other_sessions(server, database)
    if others:
        print(f"Waiting up to {seconds:.0f} s for other sessions to end: {', '.join(others)}")
    while others and time.monotonic() < deadline:
        time.sleep(1)
        others = other_sessions(server, database)
    if others:
        raise DrillError(
            f"other databases are in use ({', '.join(others)}); a restart would break their "
            "connections. Try again later, or pass --force."
        )


def drop_database(server: str, database: str) -> None:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )


def recreate_database(server: str, database: str) -> None:
    drop_database(server, database)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def set_up_django(database_url: str) -> None:
    """This process migrates, fills and reads the drill's database with the project's code."""
    os.environ.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="ateliers.settings")
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


@dataclass(frozen=True)
class Writer:
    email: str
    form_path: str
    council_path: str


def create_writers(count: int) -> list[Writer]:
    """One council per client, with the client's account as its president."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from ateliers.core.models import User
    from ateliers.councils.models import Council, Mandate
    from ateliers.councils.services import council_create, mandate_create

    hashed = make_password(PASSWORD)  # once: the hasher is slow on purpose
    starts_on = timezone.localdate() - datetime.timedelta(days=30)
    writers = []
    for number in range(count):
        user = User.objects.create_user(
            f"presidence{number}@exercice.example", display_name=f"Présidence {number}"
        )
        user.password = hashed
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        council = council_create(
            by=None, kind=Council.Kind.YOUTH, name=f"Conseil d'exercice {number}"
        )
        mandate_create(
            council=council, by=None, user=user, role=Mandate.Role.PRESIDENT, starts_on=starts_on
        )
        form_path = reverse("proposals:create", kwargs={"slug": council.slug})
        writers.append(Writer(user.email, form_path, council.get_absolute_url()))
    return writers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(database_url: str, port: int, workers: int) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_WORKERS": str(workers),
        "FORM_RATE_LIMIT_FACTOR": str(RATE_LIMIT_FACTOR),
    }
    environment.pop("REDIS_URL", None)
    LOG_FILE.parent.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    # No control socket: it would take the place of another gunicorn's, run by the same user.
    command += ["--bind", f"127.0.0.1:{port}", "--no-control-socket", "ateliers.wsgi"]
    with LOG_FILE.open("w") as log:
        return subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
            command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT
        )


def wait_for_site(port: int, server: subprocess.Popen, path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise DrillError(f"gunicorn stopped at start; see {LOG_FILE}")
        try:
            if Browser(port).request("GET", path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise DrillError(f"the site did not answer within 60 s; see {LOG_FILE}")


def stop_gunicorn(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def postgres_ready(server_url: str) -> bool:
    return run("pg_isready", "-q", "-d", f"{server_url}/postgres").returncode == 0


def restart_postgres(cluster: list[str]) -> subprocess.CompletedProcess:
    return run("pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "restart", timeout=120)


def make_sure_postgres_runs(server_url: str, cluster: list[str]) -> None:
    """The drill leaves PostgreSQL running, whatever happened to the restart."""
    for _ in range(30):
        if postgres_ready(server_url):
            return
        time.sleep(1)
    print("PostgreSQL is not back: starting it.")
    run("pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "start", timeout=120)
    for _ in range(30):
        if postgres_ready(server_url):
            return
        time.sleep(1)
    raise DrillError("PostgreSQL did not start again: see its log in /var/log/postgresql/")


# The clients.


class Browser:
    """Just enough of a browser: it keeps the session and CSRF cookies, posts forms, and does
    not follow redirects (the redirect is the acknowledgement)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if name in KEPT_COOKIES:
                    self.cookies[name] = morsel.value
        return response.status, response.headers

    def log_in(self, login_path: str, email: str) -> None:
        self.request("GET", login_path)
        form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), "login": email}
        status, _headers = self.request("POST", login_path, {**form, "password": PASSWORD})
        if status != 302 or "sessionid" not in self.cookies:
            raise DrillError(f"{email} could not log in (HTTP {status})")


@dataclass(frozen=True)
class Attempt:
    title: str
    sent: float
    answered: float
    outcome: str


def send_proposals(browser: Browser, writer: Writer, number: int, stop, attempts: list) -> None:
    """Send proposals one after the other until told to stop; note each answer."""
    count = 0
    while not stop.is_set():
        count += 1
        title = f"Exercice {number:02d}-{count:05d}"
        form = {
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            "submission_key": str(uuid.uuid4()),
            "kind": "city",
            "title": title,
            "rationale": "Exercice : la base de données redémarre pendant l'envoi.",
        }
        sent = time.monotonic()
        try:
            status, headers = browser.request("POST", writer.form_path, form)
        except (OSError, http.client.HTTPException) as error:
            outcome = f"no answer ({type(error).__name__})"
        else:
            acknowledged = status == 302 and headers.get("Location") == writer.council_path
            outcome = ACKNOWLEDGED if acknowledged else f"{status}"
            if status == 503 and "Retry-After" not in headers:
                outcome = "503 without Retry-After"
        attempts.append(Attempt(title, sent, time.monotonic(), outcome))  # append is atomic
        if outcome != ACKNOWLEDGED:
            time.sleep(PAUSE_AFTER_FAILURE)


# The report.


def stored_titles() -> Counter:
    from django.db import connections

    from ateliers.proposals.models import WorkshopProposal

    connections.close_all()  # this process's connection did not survive the restart
    return Counter(WorkshopProposal.objects.values_list("title", flat=True))


def log_summary() -> str:
    text = LOG_FILE.read_text(errors="replace")
    return (
        f"{len(text.splitlines())} lines, {text.count('Service Unavailable:')} of them "
        f'"Service Unavailable", {text.count("Traceback (most recent call last)")} '
        f"tracebacks, {text.count('WORKER TIMEOUT')} worker timeouts"
    )


def describe(outcomes: Counter) -> str:
    return ", ".join(f"{outcome} x{count}" for outcome, count in outcomes.most_common()) or "none"


def report(args, attempts: list[Attempt], stored: Counter, start: float, restart) -> bool:
    """Print the figures; True when nothing acknowledged was lost, nothing was stored twice or
    after an error answer, and no answer was a 500."""
    began, ended, result = restart
    acknowledged = {a.title for a in attempts if a.outcome == ACKNOWLEDGED}
    failed = [a for a in attempts if a.outcome != ACKNOWLEDGED]
    failed_titles = {a.title for a in failed}
    lost = acknowledged - set(stored)
    duplicates = {title for title, count in stored.items() if count > 1}
    saved_after_error = failed_titles & set(stored)
    never_sent = set(stored) - acknowledged - failed_titles

    first_failure = min((a.answered for a in failed if a.answered >= began), default=None)
    recovered = None
    if first_failure is not None:
        recovered = min(
            (a.answered for a in attempts if a.outcome == ACKNOWLEDGED and a.sent > first_failure),
            default=None,
        )
    # The outage as the clients saw it: from the first failure to the recovery.
    outage = (first_failure or began, recovered or ended)
    during = Counter(a.outcome for a in attempts if a.answered >= outage[0] and a.sent <= outage[1])
    if first_failure is None:
        recovery = "no write failed"
    elif recovered is None:
        recovery = "never: no write was acknowledged after the first failure"
    else:
        recovery = (
            f"{recovered - began:.1f} s from the restart command to the first acknowledged "
            f"write sent after the first failure ({first_failure - began:.1f} s after it)"
        )

    run_length = max(a.answered for a in attempts) - start
    lines = [
        f"Outage drill: {args.clients} clients, {args.workers} gunicorn workers, writing for "
        f"{run_length:.0f} s; PostgreSQL {' '.join(args.cluster)} restarted after "
        f"{began - start:.1f} s",
        f"  restart command          {ended - began:.1f} s (exit status {result.returncode})",
        f"  writes sent              {len(attempts)}",
        f"  acknowledged             {len(acknowledged)}",
        f"  answered with an error   {len(failed)}: {describe(Counter(a.outcome for a in failed))}",
        f"  answers during outage    {describe(during)}",
        f"  lost                     {len(lost)} (acknowledged, not stored)",
        f"  duplicates               {len(duplicates)} (stored more than once)",
        f"  saved after an error     {len(saved_after_error)} (stored, answered with an error)",
        f"  recovery time            {recovery}",
        f"  gunicorn log             {log_summary()} ({LOG_FILE.relative_to(BASE_DIR)})",
    ]
    if never_sent:
        lines.append(f"  stored but never sent    {len(never_sent)} (!)")
    lines += [
        f"    {title}: stored {stored.get(title, 0)} time(s)"
        for title in sorted(lost | duplicates | saved_after_error)[:10]
    ]
    print("\n" + "\n".join(lines))
    server_errors = any(a.outcome == "500" for a in failed)
    return not (lost or duplicates or saved_after_error or never_sent or server_errors)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--before", type=float, default=5.0, help="seconds before the restart")
    parser.add_argument("--after", type=float, default=10.0, help="seconds after the restart")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="ateliers_drill")
    parser.add_argument("--cluster", nargs=2, default=["15", "main"], metavar=("VERSION", "NAME"))
    parser.add_argument(
        "--wait", type=float, default=120, help="seconds to wait for other databases' sessions"
    )
    parser.add_argument(
        "--force", action="store_true", help="restart even while other databases are in use"
    )
    parser.add_argument("--keep", action="store_true", help="keep the drill's database")
    args = parser.parse_args(argv)
    database_url = f"{args.server}/{args.database}"

    if not args.force:
        wait_until_alone(args.server, args.database, args.wait)
    print(f"Creating {args.database} and {args.clients} council presidents…")
    recreate_database(args.server, args.database)
    try:
        set_up_django(database_url)
        writers = create_writers(args.clients)
        from django.db import connections

        connections.close_all()
        port = free_port()
        server = start_gunicorn(database_url, port, args.workers)
        try:
            attempts, start, restart = write_through_a_restart(args, port, server, writers)
        finally:
            stop_gunicorn(server)
            make_sure_postgres_runs(args.server, args.cluster)
        passed = report(args, attempts, stored_titles(), start, restart)
        connections.close_all()
    finally:
        if not args.keep:
            drop_database(args.server, args.database)
    return 0 if passed else 1


def write_through_a_restart(args, port: int, server, writers: list[Writer]):
    """Log the clients in, let them write, restart PostgreSQL, let them write on."""
    from django.urls import reverse

    login_path = reverse("account_login")
    wait_for_site(port, server, login_path)
    print(f"gunicorn on port {port}; {args.clients} clients log in…")
    browsers = [Browser(port) for _ in writers]
    for browser, writer in zip(browsers, writers, strict=True):
        browser.log_in(login_path, writer.email)

    stop = threading.Event()
    attempts: list[Attempt] = []
    threads = [
        threading.Thread(
            target=send_proposals, args=(browser, writer, n, stop, attempts), daemon=True
        )
        for n, (browser, writer) in enumerate(zip(browsers, writers, strict=True))
    ]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        time.sleep(args.before)
        print("Restarting PostgreSQL…")
        began = time.monotonic()
        try:
            result = restart_postgres(args.cluster)
        finally:
            ended = time.monotonic()
            make_sure_postgres_runs(args.server, args.cluster)
        if result.returncode != 0:
            raise DrillError(f"the restart failed: {result.stderr.strip() or result.stdout}")
        time.sleep(args.after)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return attempts, start, (began, ended, result)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DrillError as error:
        sys.exit(f"Outage drill stopped: {error}")
