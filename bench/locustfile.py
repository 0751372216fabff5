"""The load test's visitors (driven by bench/loadtest.py, which writes the targets file).

Two kinds of people, in the proportions of a city's traffic:

- `Visitor`, anonymous: the home page, the workshop list (filtered or not, a later page), a
  workshop's page and history, the councils and a council's page.
- `Resident`, logged in (a session made beforehand): the home page, a workshop's page with its
  "taking part" panel, "my workshops", and now and then joining a workshop and leaving it.

Every mix also asks for the bare view (`/sante/`, through the same middleware, no database),
so that each page can be compared with it under the same load. With LOADTEST_ONLY=<name>,
every user asks for that one page as fast as it can: its throughput alone.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, constant, task

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115, PTH123
ONLY = os.environ.get("LOADTEST_ONLY", "")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _workshop() -> str:
    return random.choice(TARGETS["workshops"])


def _council() -> str:
    return random.choice(TARGETS["councils"])


# name → (logged in?, function of the client that asks for the page)
PAGES = {
    "bare view": (False, lambda c: c.get("/sante/", name="bare view")),
    "home": (False, lambda c: c.get("/", name="home")),
    "workshop list": (False, lambda c: c.get("/ateliers/", name="workshop list")),
    "workshop list, filtered": (
        False,
        lambda c: c.get(
            f"/ateliers/?kind=neighbourhood&phase={random.randint(1, 5)}",
            name="workshop list, filtered",
        ),
    ),
    "workshop list, page 20": (
        False,
        lambda c: c.get("/ateliers/?page=20", name="workshop list, page 20"),
    ),
    "workshop page": (
        False,
        lambda c: c.get(f"/ateliers/{_workshop()}/", name="workshop page"),
    ),
    "workshop page, 5,000 participants": (
        False,
        lambda c: c.get(
            f"/ateliers/{TARGETS['largest']}/", name="workshop page, 5,000 participants"
        ),
    ),
    "workshop history": (
        False,
        lambda c: c.get(f"/ateliers/{_workshop()}/historique/", name="workshop history"),
    ),
    "councils": (False, lambda c: c.get("/conseils/", name="councils")),
    "council page": (False, lambda c: c.get(f"/conseils/{_council()}/", name="council page")),
    "home, logged in": (True, lambda c: c.get("/", name="home, logged in")),
    "workshop page, logged in": (
        True,
        lambda c: c.get(f"/ateliers/{_workshop()}/", name="workshop page, logged in"),
    ),
    "my workshops": (True, lambda c: c.get("/ateliers/mes-ateliers/", name="my workshops")),
}


def _keep_csrf_cookie(client, response) -> None:
    # Production settings mark the cookie Secure; the load test speaks plain HTTP locally.
    value = response.cookies.get("csrftoken")
    if value:
        client.cookies.set("csrftoken", value, domain=client.base_url.split("//")[1].split(":")[0])


def _join_and_leave(client) -> None:
    """Join a workshop calling for participants, then leave it: the site's main write."""
    slug = random.choice(TARGETS["joinable"])
    page = client.get(f"/ateliers/{slug}/participer/", name="join: form")
    _keep_csrf_cookie(client, page)
    token = TOKEN.search(page.text or "")
    if token is None:
        return  # already in (a previous run left it so): the form is not shown
    client.post(
        f"/ateliers/{slug}/participer/",
        {"csrfmiddlewaretoken": token.group(1), "capacity": "resident"},
        name="join: send",
    )
    page = client.get(f"/ateliers/{slug}/quitter/", name="leave: confirm")
    _keep_csrf_cookie(client, page)
    token = TOKEN.search(page.text or "")
    if token:
        client.post(
            f"/ateliers/{slug}/quitter/",
            {"csrfmiddlewaretoken": token.group(1)},
            name="leave: send",
        )


_TURN = itertools.count()


class _LoggedIn:
    def log_in(self):
        # Each resident a session of their own (while there are enough).
        session = TARGETS["sessions"][next(_TURN) % len(TARGETS["sessions"])]
        host = self.host.split("://", 1)[1].split(":")[0]
        self.client.cookies.set("sessionid", session, domain=host)


if ONLY:
    logged_in, ask = PAGES[ONLY]

    class OnePage(HttpUser, _LoggedIn):
        """Every user asks for one page, without pause: its throughput alone."""

        wait_time = constant(0)

        def on_start(self):
            if logged_in:
                self.log_in()

        @task
        def page(self):
            ask(self.client)

else:

    class Visitor(HttpUser):
        weight = 4
        wait_time = between(0.5, 1.5)

        @task(3)
        def home(self):
            PAGES["home"][1](self.client)

        @task(3)
        def workshop_list(self):
            PAGES["workshop list"][1](self.client)

        @task(2)
        def workshop_list_filtered(self):
            PAGES["workshop list, filtered"][1](self.client)

        @task(1)
        def workshop_list_later_page(self):
            PAGES["workshop list, page 20"][1](self.client)

        @task(4)
        def workshop_page(self):
            PAGES["workshop page"][1](self.client)

        @task(1)
        def largest_workshop(self):
            PAGES["workshop page, 5,000 participants"][1](self.client)

        @task(1)
        def workshop_history(self):
            PAGES["workshop history"][1](self.client)

        @task(1)
        def councils(self):
            PAGES["councils"][1](self.client)

        @task(2)
        def council_page(self):
            PAGES["council page"][1](self.client)

        @task(1)
        def bare_view(self):
            PAGES["bare view"][1](self.client)

    class Resident(HttpUser, _LoggedIn):
        weight = 1
        wait_time = between(0.5, 1.5)

        def on_start(self):
            self.log_in()

        @task(3)
        def home(self):
            PAGES["home, logged in"][1](self.client)

        @task(4)
        def workshop_page(self):
            PAGES["workshop page, logged in"][1](self.client)

        @task(2)
        def mine(self):
            PAGES["my workshops"][1](self.client)

        @task(1)
        def join_and_leave(self):
            _join_and_leave(self.client)
