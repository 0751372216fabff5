"""Run calls at the same instant, each in its own thread with its own database connection."""

import threading

from django.db import connections


def run_at_once(calls, *, refusals: tuple[type[Exception], ...], success: str) -> list[str]:
    """Release every call together; return how each ended: `success`, the name of the
    expected refusal it raised, or "error: …" for anything else (so it shows in asserts)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(call):
        try:
            barrier.wait()
            call()
            outcome = success
        except refusals as refusal:
            outcome = type(refusal).__name__
        except Exception as error:
            outcome = f"error: {error!r}"
        finally:
            connections.close_all()  # each thread opened its own connection
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes
