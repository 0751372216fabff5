"""Public pages are kept whole for anonymous visitors, and any change shows at once.

These tests turn the page cache on (the other tests render every page: their changes are
never committed) and commit their changes, as the site does.
"""

import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.core.models import Role
from ateliers.core.services import profile_update
from ateliers.workshops.models import Capacity
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.lifecycle import workshop_archive
from ateliers.workshops.services.participation import workshop_join
from tests.ci import require
from tests.factories import ThemeFactory, UserFactory, WorkshopFactory

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _page_cache_on(settings, english):
    # English pages: the assertions read the source strings.
    settings.ATELIERS_PAGE_CACHE = True


def queries_for(client, url, **extra) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_kept_page_without_a_query(client):
    workshop = WorkshopFactory(title="Place du marché")
    for url in ("/", "/ateliers/", workshop.get_absolute_url(), "/conseils/"):
        first, page = queries_for(client, url)
        again, page_again = queries_for(client, url)
        assert first > 0 and again == 0, url
        assert page_again == page


@pytest.mark.django_db(transaction=True)
def test_a_change_made_through_a_service_shows_at_once(client):
    workshop = WorkshopFactory(title="Place du marché", capacity=10)
    queries_for(client, workshop.get_absolute_url())
    queries_for(client, "/ateliers/")

    workshop_join(workshop=workshop, user=UserFactory(), capacity=Capacity.RESIDENT)

    _, page = queries_for(client, workshop.get_absolute_url())
    assert "1 participant out of 10 places" in page
    _, listing = queries_for(client, "/ateliers/")
    assert "1 participant out of 10 places" in listing

    workshop_archive(workshop=workshop, by=None)
    _, listing = queries_for(client, "/ateliers/")
    assert "Place du marché" not in listing


@pytest.mark.django_db(transaction=True)
def test_joining_makes_stale_only_the_pages_that_show_counts(client):
    joined = WorkshopFactory(title="Place du marché", capacity=10)
    other = WorkshopFactory(title="Jardin partagé")
    person = UserFactory()
    for url in (joined.get_absolute_url(), other.get_absolute_url(), "/conseils/"):
        rendered(client, url)

    workshop_join(workshop=joined, user=person, capacity=Capacity.RESIDENT)

    fresh, page = rendered(client, joined.get_absolute_url())
    assert fresh and "1 participant out of 10 places" in page
    assert "1 participant out of 10 places" in rendered(client, "/ateliers/")[1]
    # Nothing another workshop's page or the councils' page shows has changed: still kept.
    assert not rendered(client, other.get_absolute_url())[0]
    assert not rendered(client, "/conseils/")[0]


@pytest.mark.django_db(transaction=True)
def test_a_change_made_outside_the_services_shows_at_once(client):
    """An edit in the admin, a new display name: every save of our models counts."""
    theme = ThemeFactory(name="Mobilité")
    facilitator = UserFactory(role=Role.FACILITATOR, display_name="Bruno")
    workshop = WorkshopFactory()
    workshop.themes.add(theme)
    workshop.facilitators.add(facilitator)
    queries_for(client, workshop.get_absolute_url())

    theme.name = "Mobilités douces"
    theme.save()
    profile_update(user=facilitator, display_name="Bruno Animateur", neighbourhood=None)

    _, page = queries_for(client, workshop.get_absolute_url())
    assert "Mobilités douces" in page and "Bruno Animateur" in page


@pytest.mark.django_db
def test_logged_in_people_never_get_a_kept_page(client, resident):
    rendered(client, "/")
    client.force_login(resident)
    fresh, page = rendered(client, "/")
    assert fresh
    assert resident.display_name in page


@pytest.mark.django_db
def test_logged_in_pages_keep_their_shared_parts_and_read_nothing_for_them(
    client, resident, django_assert_num_queries
):
    workshop = WorkshopFactory(title="Place du marché")
    client.force_login(resident)
    _, first = rendered(client, workshop.get_absolute_url())
    # 1 the person, 2 my participation (the "taking part" panel), 3 whether I follow it (the
    # follow button): the workshop with its phases and facilitators is kept until it changes,
    # and so are the page's fragments.
    with django_assert_num_queries(3):
        _, again = rendered(client, workshop.get_absolute_url())
    for url in ("/", "/ateliers/", "/conseils/"):
        _, first = rendered(client, url)
        # Only the person: the rest of the page comes from its kept fragments.
        with django_assert_num_queries(1):
            _, again = rendered(client, url)
        unmasked = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')  # masked anew
        assert unmasked.sub("", again) == unmasked.sub("", first), url


@pytest.mark.django_db
def test_each_language_has_its_own_page(client):
    rendered(client, "/ateliers/")
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "fr"
    fresh, page = rendered(client, "/ateliers/")
    assert fresh
    assert '<html lang="fr">' in page and "Ateliers de " in page


def rendered(client, url, **extra) -> tuple[bool, str]:
    """Whether the view rendered the page (rather than the kept page being served)."""
    response = client.get(url, **extra)
    assert response.status_code == 200
    return bool(response.templates), response.content.decode()


@pytest.mark.django_db
def test_a_pending_message_and_unknown_parameters_skip_the_kept_page(client):
    rendered(client, "/ateliers/")
    assert not rendered(client, "/ateliers/")[0]
    assert rendered(client, "/ateliers/", QUERY_STRING="utm_source=x")[0]
    assert rendered(client, "/ateliers/", QUERY_STRING="utm_source=x")[0]
    assert rendered(client, "/ateliers/", QUERY_STRING="kind=city")[0]
    assert not rendered(client, "/ateliers/", QUERY_STRING="kind=city")[0]
    client.cookies["messages"] = "pending"
    assert rendered(client, "/ateliers/")[0]


@pytest.mark.django_db
def test_htmx_results_and_whole_pages_are_kept_apart(client):
    rendered(client, "/ateliers/")
    fresh, results = rendered(client, "/ateliers/", HTTP_HX_REQUEST="true")
    assert fresh
    assert "<html" not in results and "<h2>" in results


# Two web nodes, one database, one Redis


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_url() -> str | None:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except Exception:  # noqa: BLE001 - no Redis here
        return None
    return url


class Node:
    """A web node: gunicorn on the test database, with the shared Redis."""

    def __init__(self, *, redis_url: str):
        database = django_settings.DATABASES["default"]
        self.port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
                f"{database['NAME']}"
            ),
            "REDIS_URL": redis_url,
            "ATELIERS_PAGE_CACHE": "true",
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
        }
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "ateliers.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--no-control-socket",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError("the web node did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _post(opener, url: str, data: dict) -> None:
    page = opener.open(url).read().decode()
    data["csrfmiddlewaretoken"] = TOKEN.search(page).group(1)
    request = urllib.request.Request(  # noqa: S310 - our own node on localhost
        url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": url}
    )
    return opener.open(request).read().decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_through_one_node_shows_at_once_through_the_other(resident):
    """Sessions, cache and the pages' generation live in Redis: web nodes share them."""
    if connection.vendor != "postgresql":
        pytest.skip("two web nodes share a PostgreSQL database (CI's PostgreSQL run)")
    redis_url = _redis_url()
    require(redis_url is not None, "Redis is needed on 127.0.0.1:6379 (TEST_REDIS_URL)")
    workshop = WorkshopFactory(title="Place du marché", capacity=10)
    # The nodes hash passwords with the site's hasher, not the tests' fast one.
    resident.password = PBKDF2PasswordHasher().encode("correct-horse-battery", "testsalt")
    resident.save(update_fields=["password"])
    first, second = Node(redis_url=redis_url), Node(redis_url=redis_url)
    try:
        visitor = urllib.request.build_opener()
        visitor.addheaders = [("Cookie", f"{django_settings.LANGUAGE_COOKIE_NAME}=en")]
        page_url = second.url(workshop.get_absolute_url())
        assert "0 participants out of 10 places" in visitor.open(page_url).read().decode()

        person = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        _post(
            person,
            first.url(reverse("account_login")),
            {"login": resident.email, "password": "correct-horse-battery"},
        )
        _post(
            person,
            first.url(reverse("workshops:join", args=[workshop.slug])),
            {"capacity": Capacity.RESIDENT},
        )

        assert workshop.participations.filter(user=resident).exists()
        assert "1 participant out of 10 places" in visitor.open(page_url).read().decode()
    finally:
        first.stop()
        second.stop()


@pytest.mark.django_db
def test_pages_whose_content_moves_with_time_are_kept_a_minute_the_others_longer(client):
    WorkshopFactory()
    rendered(client, "/ateliers/")
    rendered(client, "/conseils/")
    with time_machine.travel(datetime.timedelta(minutes=5)):
        # A workshop may have entered its next phase meanwhile: the list is rendered again.
        assert rendered(client, "/ateliers/")[0]
        assert not rendered(client, "/conseils/")[0]
    with time_machine.travel(datetime.timedelta(minutes=11)):
        assert rendered(client, "/conseils/")[0]


@pytest.mark.django_db(transaction=True)
def test_posts_leave_the_kept_pages_but_a_withdrawn_or_hidden_text_leaves_them_at_once(
    client, settings
):
    """A debate's posts are many: the kept pages stay (a new post shows within PAGE_TTL);
    what must not be seen any more, a deleted or a reported-away contribution, goes at once."""
    from ateliers.debate import services as debate

    settings.DEBATE_REPORTS_TO_HIDE = 1
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    author, staff = UserFactory(), UserFactory(role=Role.CITY_STAFF)
    topic = debate.topic_open(workshop=workshop, title="Stationnement", description="", by=staff)
    withdrawn = debate.contribution_post(topic=topic, kind="for", text="Mon texte.", by=author)
    reported = debate.contribution_post(topic=topic, kind="against", text="Injure.", by=author)
    for url in ("/conseils/", topic.get_absolute_url()):
        rendered(client, url)

    debate.contribution_post(topic=topic, kind="remark", text="Nouveau.", by=author)
    assert not rendered(client, "/conseils/")[0]  # a post changes nothing kept elsewhere
    debate.contribution_delete(contribution=withdrawn, by=author)
    fresh, page = rendered(client, topic.get_absolute_url())
    assert fresh and "Mon texte." not in page and "Deleted by its author." in page
    debate.contribution_report(contribution=reported, reason="insult", details="", by=staff)
    fresh, page = rendered(client, topic.get_absolute_url())
    assert fresh and "Injure." not in page


@pytest.mark.django_db
def test_an_opinion_maps_pages_are_kept_for_visitors(client):
    """Read far more than voted on: the conversation and its results are kept whole for
    anonymous visitors (a new computation shows within PAGE_TTL, as the page says when the
    map was computed)."""
    from tests.factories import ConversationFactory

    conversation = ConversationFactory()
    for url in (conversation.get_absolute_url(), f"{conversation.get_absolute_url()}resultats/"):
        first, _page = queries_for(client, url)
        again, _page = queries_for(client, url)
        assert first > 0 and again == 0, url
