"""How long the database may keep a request waiting, read from the environment (seconds).

A request stuck behind a lock must end with our 503 page and a rolled-back transaction, not be
killed by gunicorn (its English error page, and a statement that may still commit after the
visitor was told it failed). So PostgreSQL gives up first: on a lock after
DATABASE_LOCK_TIMEOUT, on any statement after DATABASE_STATEMENT_TIMEOUT, both under
GUNICORN_TIMEOUT. DATABASE_IDLE_IN_TRANSACTION_TIMEOUT ends a session of ours that keeps a
transaction (and its locks) open while doing nothing, e.g. a forgotten `manage.py shell`.

settings.py passes these to PostgreSQL; gunicorn.conf.py checks its worker timeout against
them. 0 turns a limit off (for a long migration, say).
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from ateliers.env import env_int


@dataclass(frozen=True)
class DatabaseTimeouts:
    lock: int
    statement: int
    idle_in_transaction: int

    def postgres_options(self) -> str:
        """The `options` connection parameter that sets the limits for each session."""
        return (
            f"-c lock_timeout={self.lock}s"
            f" -c statement_timeout={self.statement}s"
            f" -c idle_in_transaction_session_timeout={self.idle_in_transaction}s"
        )

    def check_worker_timeout(self, worker_timeout: int) -> None:
        """Refuse a gunicorn timeout that would kill a worker while its statement still runs."""
        if self.statement and worker_timeout <= self.statement:
            raise ImproperlyConfigured(
                f"GUNICORN_TIMEOUT={worker_timeout} must be longer than "
                f"DATABASE_STATEMENT_TIMEOUT={self.statement}: a worker would be killed while "
                "the database still works for it."
            )


def read_database_timeouts() -> DatabaseTimeouts:
    return DatabaseTimeouts(
        lock=env_int("DATABASE_LOCK_TIMEOUT", 5, minimum=0),
        statement=env_int("DATABASE_STATEMENT_TIMEOUT", 15, minimum=0),
        idle_in_transaction=env_int("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", 20, minimum=0),
    )
