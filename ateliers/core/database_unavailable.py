"""What a visitor gets while the database cannot answer: a 503 page, not the 500 page.

PostgreSQL restarting or refusing connections, and a statement cancelled by lock_timeout or
statement_timeout (ateliers/timeouts.py), reach Django as an OperationalError or an
InterfaceError. Every write runs in a service's `transaction.atomic`, so the write under way
was rolled back: the page says so and asks to send the form again in a few seconds. Forms
that create something carry a one-time key (core/once.py), so sending one again is safe.

Two ways lead here: a view's error goes through `DatabaseUnavailablePage.process_exception`
(core/middleware.py), an error anywhere else (a middleware, an error page that needed the
session) through the 500 handler, `core.views.server_error`.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

# A PostgreSQL restart takes a few seconds (docs/deploy.md, "When the database restarts").
RETRY_AFTER_SECONDS = 5
# How much of the database's message goes into the log line.
REASON_LENGTH = 200


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def reason(error: BaseException) -> str:
    """The error's class and the first line of its message, e.g. "OperationalError:
    connection to server at "127.0.0.1", port 5432 failed: Connection refused"."""
    lines = str(error).strip().splitlines()
    name = type(error).__name__
    return f"{name}: {lines[0][:REASON_LENGTH]}" if lines else name


def database_unavailable_page(request, error: BaseException) -> HttpResponse:
    """The 503 page. Rendered without the request: its context would load the session and the
    user from the database that just failed."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Read by the log filter below, which has the request but not always the error.
    request.database_unavailable_reason = reason(error)
    return response


class OneLineWhenDatabaseUnavailable(logging.Filter):
    """On `django.request`: a 503 for an unavailable database is logged as one line with its
    reason, without the traceback. During an outage every request fails the same way, and a
    traceback each buries everything else. Other errors keep their traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != 503:
            return True
        why = getattr(getattr(record, "request", None), "database_unavailable_reason", None)
        if why is None:
            return True
        record.msg = f"{record.getMessage()} (database unavailable: {why})"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        return True
