"""Browser-test harness: Debian's Chromium driven by Playwright, checked by axe-core.

Every test here runs against pytest-django's `live_server` (a real HTTP server in a thread,
with the test database behind it) and drives a real browser. Chromium comes from Debian
(`apt-get install -y chromium`), never from `playwright install`, which downloads a browser
from a host these machines cannot reach.
"""

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.ci import require

# Playwright's sync API runs an asyncio event loop in this thread, so Django believes every
# ORM call made by a test (factories, assertions on the database) comes from async code and
# raises SynchronousOnlyOperation. The calls are in fact synchronous and sequential: this
# test-only switch tells Django so. Never set it outside the tests.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = "Debian's Chromium is missing: apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start.
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.1, levels A and AA: the level French public services must meet (RGAA).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Failing tests leave a screenshot and the page's HTML here (ignored by git).
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"

_axe = Axe()


@contextmanager
def committed_for_the_module(django_db_blocker):
    """Rows committed once for a module of browser tests that only read them (the live server
    sees committed rows only), the database emptied after the module's last test."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session; each test gets its own context (cookies, storage)."""
    # On a developer's laptop the browser tests are optional; in CI they are not.
    require(CHROMIUM.exists(), CHROMIUM_MISSING)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(
    browser: Browser, live_server, *, language: str = "fr", **options
) -> BrowserContext:
    """A fresh browser profile on the live server, in French unless told otherwise.

    The site answers in French whatever the browser asks for; another language is the
    switcher's cookie, set here as if the person had used it.
    """
    options.setdefault("locale", {"fr": "fr-FR", "en": "en-GB"}.get(language, language))
    context = browser.new_context(base_url=live_server.url, **options)
    if language != django_settings.LANGUAGE_CODE:
        context.add_cookies(
            [
                {
                    "name": django_settings.LANGUAGE_COOKIE_NAME,
                    "value": language,
                    "url": live_server.url,
                }
            ]
        )
    # Fail in seconds, not Playwright's default 30 s, when an element is not there.
    context.set_default_timeout(10_000)
    return context


def _describe(message) -> str | None:
    """A console error worth failing on, or None for noise the page did not cause."""
    if message.type != "error":
        return None
    source = message.location.get("url", "")
    # Chromium asks for /favicon.ico by itself; the page never references it.
    if source.endswith("/favicon.ico"):
        return None
    kind = "CSP violation" if "Content Security Policy" in message.text else "console"
    return f"{kind}: {message.text}" + (f" ({source})" if source else "")


def watch_console(page: Page) -> Page:
    """Record the page's console errors, uncaught exceptions and CSP violations."""
    errors: list[str] = []

    def on_console(message) -> None:
        if (described := _describe(message)) is not None:
            errors.append(described)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught exception: {error}"))
    page.console_errors = errors  # read by assert_no_console_errors
    return page


@pytest.fixture
def make_page(browser, live_server, request) -> Iterator[Callable[..., Page]]:
    """Open pages in fresh browser contexts: `make_page(language="en", viewport=...,
    java_script_enabled=False)`. Closed after the test, with evidence kept on failure."""
    pages: list[Page] = []

    def make(**options) -> Page:
        page = watch_console(new_context(browser, live_server, **options).new_page())
        page.base_url = live_server.url  # read by log_in
        pages.append(page)
        return page

    yield make
    for page in pages:
        _save_evidence_on_failure(page, request)
        page.context.close()


@pytest.fixture
def page(make_page) -> Page:
    """A page in French, the site's language: what most people see."""
    return make_page()


@pytest.fixture
def english_page(make_page) -> Page:
    """A page in English, for tests that find elements by their labels as a person would.

    Labels are the English source strings: the French .po files are filled late in the
    project, and a journey must not break when their wording changes.
    """
    return make_page(language="en")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures know at teardown whether the test itself failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _save_evidence_on_failure(page: Page, request) -> None:
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed or page.is_closed():
        return
    RESULTS_DIR.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
    try:
        page.screenshot(path=str(RESULTS_DIR / f"{stem}.png"), full_page=True)
        (RESULTS_DIR / f"{stem}.html").write_text(page.content())
    except Exception:  # noqa: BLE001, S110 - evidence is a courtesy, never a second failure
        pass


# Helpers ------------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def format_violations(violations: list[dict]) -> str:
    """One line per rule (id, impact, what it asks, where to read more), one per element."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            reason = checks[0]["message"] if checks else ""
            snippet = " ".join(node.get("html", "").split())[:120]
            lines.append(f"    at {target}: {reason}\n      {snippet}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more elements")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with a readable list when axe finds any WCAG 2.1 A or AA violation."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(
            f"{len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_violations(violations)
        )


def assert_no_console_errors(page: Page, *, allow: tuple[str, ...] = ()) -> None:
    """Fail on any console error, uncaught exception or CSP refusal since the page opened.

    A strict CSP shows its refusals only here ("Refused to apply inline style…", "Refused to
    execute inline script…"; Chromium 156 words them "Applying inline style violates the
    following Content Security Policy directive…"): this is what proves the policy holds in
    a real browser. `allow` lists substrings of expected messages (a 404 page's own status).
    """
    errors = [e for e in page.console_errors if not any(part in e for part in allow)]
    if errors:
        pytest.fail(f"console errors on {page.url}:\n" + "\n".join(errors))


def check_page(page: Page, *, allow_console: tuple[str, ...] = ()) -> None:
    """The two checks every page must pass: axe, and a clean console."""
    assert_no_console_errors(page, allow=allow_console)
    assert_accessible(page)


def log_in(page: Page, email: str) -> None:
    """Open a session for the account, as its login would, without going through the form
    each time (tests/browser/test_signup_journey.py logs in with it): the session's cookie is
    given to the browser."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.base_url, "httpOnly": True}]
    )
