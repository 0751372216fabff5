"""While the database is unavailable: a French 503 page that says a form sent was not saved,
nothing half-written left behind, one log line per request, and the site back as soon as the
database is.

The outage is simulated on the test's own connection, so these tests run the same on SQLite
and PostgreSQL; the last ones use a real second PostgreSQL session (a lock held elsewhere, a
connection killed as a restart kills it) and run on PostgreSQL only.
"""

import io
import logging
import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, close_old_connections, connections
from django.test import Client
from django.urls import reverse

from ateliers.activity.models import Action
from ateliers.timeouts import read_database_timeouts
from ateliers.workshops.models import Participation
from tests.factories import UserFactory, WorkshopFactory

from .html_checks import assert_page_is_clean

# Transactions for real: a service's rollback is what is being checked.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.core.error_urls")]

REFUSED = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
CLOSED = "server closed the connection unexpectedly"
NOT_SAVED = "il n'a pas été enregistré"


@contextmanager
def database_refuses_connections():
    """Every query fails as when PostgreSQL is down: getting the connection raises."""

    def refuse():
        raise OperationalError(f"{REFUSED}\n\tIs the server running on that host?")

    with mock.patch.object(connections[DEFAULT_DB_ALIAS], "ensure_connection", side_effect=refuse):
        yield


@contextmanager
def database_goes_away_after_first_write():
    """Statements pass until the first INSERT, UPDATE or DELETE; every one after it fails, as
    when the server stops in the middle of a service's transaction."""
    written = False

    def execute(run, sql, params, many, context):
        nonlocal written
        if written:
            raise OperationalError(CLOSED)
        result = run(sql, params, many, context)
        written = sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        return result

    with connections[DEFAULT_DB_ALIAS].execute_wrapper(execute):
        yield


@contextmanager
def request_log():
    """What `django.request` writes, formatted with tracebacks as the console handler does."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def assert_unavailable_page(response) -> None:
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert "no-store" in response.headers["Cache-Control"]
    html = response.content.decode()
    assert "base de données est momentanément indisponible" in html
    assert NOT_SAVED in html
    assert_page_is_clean(html)


def test_pages_answer_503_in_french_while_the_database_refuses_connections(client):
    workshop = WorkshopFactory(title="Place du marché")
    with database_refuses_connections():
        home = client.get("/")
        page = client.get(workshop.get_absolute_url())
    assert_unavailable_page(home)
    assert_unavailable_page(page)
    assert home.headers["Content-Language"] == "fr"
    # Back as soon as the database is.
    assert client.get(workshop.get_absolute_url()).status_code == 200


def test_a_profile_sent_during_the_outage_is_not_saved_and_can_be_sent_again(client):
    person = UserFactory(display_name="Alice Habitante")
    client.force_login(person)
    form = {"display_name": "Alice des Tilleuls", "neighbourhood": ""}
    with database_refuses_connections():
        response = client.post(reverse("profile"), form)
    assert_unavailable_page(response)
    person.refresh_from_db()
    assert person.display_name == "Alice Habitante"
    # Still logged in afterwards: the session cookie was kept.
    assert client.post(reverse("profile"), form).status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Alice des Tilleuls"


def test_joining_when_the_database_fails_after_the_first_write_leaves_nothing(client):
    workshop = WorkshopFactory(capacity=10)
    person = UserFactory()
    client.force_login(person)
    join = reverse("workshops:join", kwargs={"slug": workshop.slug})
    with database_goes_away_after_first_write():
        response = client.post(join, {"capacity": "resident"})
    assert_unavailable_page(response)
    workshop.refresh_from_db()
    assert workshop.participant_count == 0
    assert not Participation.objects.filter(workshop=workshop).exists()
    assert not Action.objects.filter(verb="workshop.joined").exists()
    # Sent again once the database is back, it works, once.
    assert client.post(join, {"capacity": "resident"}).status_code == 302
    workshop.refresh_from_db()
    assert workshop.participant_count == 1
    assert Participation.objects.filter(workshop=workshop, user=person).count() == 1


def test_each_failed_request_is_logged_in_one_line_without_traceback(client):
    with request_log() as log, database_refuses_connections():
        client.get("/")
    lines = log.getvalue().splitlines()
    assert lines == [f"Service Unavailable: / (database unavailable: OperationalError: {REFUSED})"]


def test_other_crashes_keep_their_500_page_and_traceback():
    with request_log() as log:
        response = Client(raise_request_exception=False).get("/test-erreur/")
    assert response.status_code == 500
    assert "Traceback" in log.getvalue()
    assert "RuntimeError: secret-detail-that-must-not-leak" in log.getvalue()


def test_an_error_page_that_needs_the_database_answers_503_too():
    """Errors outside a view reach the 500 handler: here the 404 page of a logged-in visitor,
    whose menu needs the session, and the 405 page that a middleware renders."""
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    with request_log() as log, database_refuses_connections():
        not_found = client.get("/cette-page-n-existe-pas/")
        not_allowed = client.delete(reverse("profile"))
    assert_unavailable_page(not_found)
    assert_unavailable_page(not_allowed)
    lines = log.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert all("(database unavailable: OperationalError: " in line for line in lines)
    assert client.get("/cette-page-n-existe-pas/").status_code == 404


# On PostgreSQL, with a second session of its own.

postgresql_only = pytest.mark.skipif(
    connections[DEFAULT_DB_ALIAS].vendor != "postgresql", reason="PostgreSQL's own behaviour"
)


@contextmanager
def other_session():
    """A second connection to the test database, as another process would hold."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            yield cursor
    finally:
        other.close()


@postgresql_only
def test_each_session_has_the_configured_time_limits():
    limits = read_database_timeouts()
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        shown = {}
        for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout"):
            cursor.execute(f"SHOW {name}")
            shown[name] = cursor.fetchone()[0]
    assert shown == {
        "lock_timeout": f"{limits.lock}s",
        "statement_timeout": f"{limits.statement}s",
        "idle_in_transaction_session_timeout": f"{limits.idle_in_transaction}s",
    }


@postgresql_only
def test_a_row_locked_elsewhere_answers_503_instead_of_freezing(client):
    person = UserFactory(display_name="Alice Habitante")
    client.force_login(person)
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        # The configured lock_timeout, shortened so that the test does not wait for it.
        cursor.execute("SET lock_timeout = '300ms'")
    try:
        with other_session() as elsewhere:
            elsewhere.execute("BEGIN")
            elsewhere.execute("SELECT 1 FROM core_user WHERE id = %s FOR UPDATE", [person.pk])
            started = time.monotonic()
            response = client.post(reverse("profile"), {"display_name": "Alice des Tilleuls"})
            waited = time.monotonic() - started
            elsewhere.execute("ROLLBACK")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert_unavailable_page(response)
    assert waited < 5
    person.refresh_from_db()
    assert person.display_name == "Alice Habitante"


@postgresql_only
def test_after_a_restart_the_next_request_reconnects_instead_of_failing(client):
    workshop = WorkshopFactory()
    connection = connections[DEFAULT_DB_ALIAS]
    connection.close()  # a fresh connection, far from its CONN_MAX_AGE
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with other_session() as elsewhere:
        # What a restart does to every open connection.
        elsewhere.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    close_old_connections()  # what the start of every request does in production
    assert client.get(workshop.get_absolute_url()).status_code == 200
