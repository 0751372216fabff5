"""The load test's visitors (driven by bench/loadtest.py, which writes the targets file).

Three kinds of people, in the proportions of a city's traffic (FastHttpUser: a light
client, so that Locust takes as little as it can of the cores it shares with the server):

- `Visitor`, anonymous: the home page, the workshop list (filtered or not, a later page), a
  workshop's page and history, the councils and a council's page, the information phase's
  pages, the debate's topics and the opinion maps' results, the town hall, the evaluations
  (the city's view, a workshop's evaluation, its questionnaire's results, the export), and,
  as integrators and feed readers do, the open-data API's lists, a CSV export and a feed.
- `Resident`, logged in (a session made beforehand): the home page, a workshop's page with its
  "taking part" panel, "my workshops", and now and then joining a workshop and leaving it, or
  posting in a debate; or, as city staff, reporting on a milestone of the follow-up; or, as a
  participant invited to an open questionnaire, answering it (once each).
- `OpinionVoter`, a participant of the largest conversation, voting on one statement after
  the other (the htmx request, answered with the next statement).

Every mix also asks for the bare view (`/sante/`, through the same middleware, no database),
so that each page can be compared with it under the same load. With LOADTEST_ONLY=<name>,
every user asks for that one page as fast as it can: its throughput alone (with
LOADTEST_ONLY="vote + next statement", every user votes without pause).

Cookies are sent by hand: the fast client's cookie jar does not match a host with a port.
"""

import itertools
import json
import os
import random
import re

from locust import between, constant, task
from locust.contrib.fasthttp import FastHttpUser

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115, PTH123
ONLY = os.environ.get("LOADTEST_ONLY", "")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
STATEMENT = re.compile(r'name="statement" value="(\d+)"')
# The opinion map's action, measured alone and in the mix: a vote sent the way htmx sends
# it, whose answer is the next statement to vote on.
VOTE = "vote + next statement"
_TURN = itertools.count()
# The city's answers, to filter the follow-up with.
ANSWER_STATUSES = ["accepted", "partially_accepted", "under_study", "rejected"]
# Participants invited to an open questionnaire who have not answered, as (session, workshop):
# each answers once, so each is taken from the pool (in this process; one answered in an
# earlier run is shown no form, and skipped).
ANSWERERS = list(TARGETS.get("answerers", []))
random.shuffle(ANSWERERS)


# What people type in the search box: French words, singular and plural, one or two.
SEARCH_WORDS = ["vélos", "école", "place du marché", "arbres", "parc", "bus", "logements", "rue"]


def _workshop() -> str:
    return random.choice(TARGETS["workshops"])


def _council() -> str:
    return random.choice(TARGETS["councils"])


def _document() -> int:
    return random.choice(TARGETS["documents"])


# name → (logged in?, the path to ask for)
PAGES = {
    "bare view": (False, lambda: "/sante/"),
    "home": (False, lambda: "/"),
    "workshop list": (False, lambda: "/ateliers/"),
    "workshop list, filtered": (
        False,
        lambda: f"/ateliers/?kind=neighbourhood&phase={random.randint(1, 5)}",
    ),
    "workshop list, page 20": (False, lambda: "/ateliers/?page=20"),
    "workshop page": (False, lambda: f"/ateliers/{_workshop()}/"),
    "workshop page, 5,000 participants": (False, lambda: f"/ateliers/{TARGETS['largest']}/"),
    "workshop history": (False, lambda: f"/ateliers/{_workshop()}/historique/"),
    "councils": (False, lambda: "/conseils/"),
    "council page": (False, lambda: f"/conseils/{_council()}/"),
    "document page": (False, lambda: f"/documents/{_document()}/"),
    "a workshop's documents": (False, lambda: f"/documents/atelier/{_workshop()}/"),
    "document download": (False, lambda: random.choice(TARGETS["downloads"])),
    "training catalogue": (False, lambda: "/formations/"),
    "meeting page": (False, lambda: f"/reunions/{random.choice(TARGETS['meetings'])}/"),
    "calendar": (False, lambda: "/agenda/"),
    "calendar, a neighbourhood": (
        False,
        lambda: f"/agenda/?neighbourhood={random.choice(TARGETS['neighbourhoods'])}",
    ),
    "city iCal feed": (False, lambda: "/agenda/ville.ics"),
    "neighbourhoods": (False, lambda: "/quartiers/"),
    "neighbourhood page": (
        False,
        lambda: f"/quartiers/{random.choice(TARGETS['neighbourhood_slugs'])}/",
    ),
    "training page": (False, lambda: f"/formations/{random.choice(TARGETS['trainings'])}/"),
    "training session": (
        False,
        lambda: f"/formations/seances/{random.choice(TARGETS['sessions_of_trainings'])}/",
    ),
    "debate topic": (False, lambda: f"/debat/sujets/{random.choice(TARGETS['topics'])}/"),
    "debate topic, 5,000 contributions": (
        False,
        lambda: f"/debat/sujets/{TARGETS['largest_topic']}/",
    ),
    "debate topic, 5,000 contributions, last page": (
        False,
        lambda: f"/debat/sujets/{TARGETS['largest_topic']}/?page={TARGETS['largest_topic_pages']}",
    ),
    "for and against, 5,000 contributions": (
        False,
        lambda: f"/debat/sujets/{TARGETS['largest_topic']}/pour-et-contre/",
    ),
    "contribution page": (
        False,
        lambda: f"/debat/contributions/{random.choice(TARGETS['contributions'])}/",
    ),
    "a workshop's debate": (False, lambda: f"/debat/atelier/{random.choice(TARGETS['debating'])}/"),
    "moderation log": (
        False,
        lambda: f"/debat/atelier/{random.choice(TARGETS['debating'])}/moderation/",
    ),
    "opinion map, a conversation": (
        False,
        lambda: f"/carte-des-avis/{random.choice(TARGETS['conversations'])}/",
    ),
    "opinion map results, 10,000 voters": (
        False,
        lambda: f"/carte-des-avis/{TARGETS['largest_conversation']}/resultats/",
    ),
    "opinion map results": (
        False,
        lambda: f"/carte-des-avis/{random.choice(TARGETS['conversations'])}/resultats/",
    ),
    "a workshop's recommendations, 50": (
        False,
        lambda: f"/preconisations/atelier/{TARGETS['recommending']}/",
    ),
    "recommendation page": (
        False,
        lambda: f"/preconisations/{random.choice(TARGETS['recommendations'])}/",
    ),
    "versions of a recommendation": (
        False,
        lambda: f"/preconisations/{random.choice(TARGETS['amended'])}/versions/",
    ),
    "amendments of a recommendation": (
        False,
        lambda: f"/preconisations/{random.choice(TARGETS['amended'])}/amendements/",
    ),
    "a workshop's adoption": (
        False,
        lambda: f"/preconisations/atelier/{TARGETS['adopting']}/adoption/",
    ),
    "a workshop's dossier": (
        False,
        lambda: f"/preconisations/atelier/{TARGETS['adopting']}/dossier/",
    ),
    "town hall": (False, lambda: "/mairie/"),
    "town hall body": (False, lambda: f"/mairie/{random.choice(TARGETS['bodies'])}/"),
    "town hall session": (False, lambda: random.choice(TARGETS["townhall_sessions"])),
    "follow-up": (False, lambda: "/suivi/"),
    "follow-up, filtered": (
        False,
        lambda: f"/suivi/?answer={random.choice(ANSWER_STATUSES)}",
    ),
    "a recommendation's follow-up": (
        False,
        lambda: f"/suivi/preconisations/{random.choice(TARGETS['followed'])}/",
    ),
    "a workshop's delegates": (
        False,
        lambda: f"/mairie/ateliers/{random.choice(TARGETS['delegations'])}/delegues/",
    ),
    "follow-up export (CSV)": (False, lambda: "/suivi/export.csv"),
    "evaluations": (False, lambda: "/evaluations/"),
    "a workshop's evaluation": (
        False,
        lambda: f"/evaluations/ateliers/{random.choice(TARGETS['evaluated'])}/",
    ),
    "questionnaire results": (
        False,
        lambda: (
            f"/evaluations/ateliers/{random.choice(TARGETS['questionnaire_results'])}"
            "/questionnaire/resultats/"
        ),
    ),
    "evaluations export (CSV)": (False, lambda: "/evaluations/export.csv"),
    "API: workshops": (False, lambda: "/api/v1/workshops/"),
    "API: meetings": (False, lambda: "/api/v1/meetings/"),
    "API: opinion maps": (False, lambda: "/api/v1/conversations/"),
    "API: statements, 10,000 voters": (
        False,
        lambda: f"/api/v1/conversations/{TARGETS['largest_conversation']}/statements/",
    ),
    "API: recommendations": (False, lambda: "/api/v1/recommendations/"),
    "API: workshops (CSV)": (False, lambda: "/api/v1/workshops.csv"),
    "feed: new workshops": (False, lambda: "/api/v1/feeds/workshops.atom"),
    "search": (False, lambda: f"/recherche/?q={random.choice(SEARCH_WORDS)}"),
    "search, filtered": (
        False,
        lambda: (
            f"/recherche/?q={random.choice(SEARCH_WORDS)}&type=contribution"
            f"&quartier={random.choice(TARGETS['neighbourhood_slugs'])}"
        ),
    ),
    "home, logged in": (True, lambda: "/"),
    "workshop page, logged in": (True, lambda: f"/ateliers/{_workshop()}/"),
    "my workshops": (True, lambda: "/ateliers/mes-ateliers/"),
    "my trainings": (True, lambda: "/formations/mes-formations/"),
    "my notifications": (True, lambda: "/notifications/"),
}


class Person(FastHttpUser):
    abstract = True
    cookies: dict[str, str] = {}

    def on_start(self):
        self.cookies = {}

    def _headers(self) -> dict:
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        return {"Cookie": cookie} if cookie else {}

    def ask(self, name: str):
        return self.client.get(PAGES[name][1](), name=name, headers=self._headers())

    def log_in(self):
        # Each resident a session of their own (while there are enough).
        self.cookies["sessionid"] = TARGETS["sessions"][next(_TURN) % len(TARGETS["sessions"])]

    def posts_in_the_debate(self) -> None:
        """A participant of a workshop in its debate phase posts a contribution in a topic."""
        session, topic = random.choice(TARGETS["posters"])
        cookies = {**self.cookies, "sessionid": session}
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}
        path = f"/debat/sujets/{topic}/contribuer/"
        page = self.client.get(path, name="post: form", headers=headers)
        if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
            self.cookies["csrftoken"] = match.group(1)
            headers["Cookie"] += f"; csrftoken={match.group(1)}"
        token, key = TOKEN.search(page.text or ""), SUBMISSION_KEY.search(page.text or "")
        if token is None or key is None:
            return
        self.client.post(
            path,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "submission_key": key.group(1),
                "kind": random.choice(["for", "against", "question", "remark"]),
                "text": "Une contribution du test de charge.",
            },
            name="post: send",
            headers=headers,
        )

    def start_voting(self) -> None:
        """Log in as a participant of the workshop of the largest conversation."""
        self.cookies["sessionid"] = TARGETS["voters"][next(_TURN) % len(TARGETS["voters"])]
        self.ballot = None  # (csrf token, statement id) of the statement shown

    def votes(self) -> None:
        """Vote on the statement shown; the answer is the next one (htmx's card)."""
        conversation = TARGETS["largest_conversation"]
        if self.ballot is None:
            page = self.client.get(
                f"/carte-des-avis/{conversation}/",
                name="opinion map, logged in",
                headers=self._headers(),
            )
            if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
                self.cookies["csrftoken"] = match.group(1)
            token, statement = TOKEN.search(page.text or ""), STATEMENT.search(page.text or "")
            if token is None or statement is None:
                return
            self.ballot = (token.group(1), statement.group(1))
        token, statement = self.ballot
        answer = self.client.post(
            f"/carte-des-avis/{conversation}/voter/",
            data={
                "csrfmiddlewaretoken": token,
                "statement": statement,
                "vote": random.choice(["agree", "disagree", "pass"]),
            },
            name=VOTE,
            headers={**self._headers(), "HX-Request": "true"},
        )
        following = STATEMENT.search(answer.text or "")
        self.ballot = (token, following.group(1)) if following else None

    def supports_and_withdraws(self) -> None:
        """A participant of a workshop in its recommendations phase supports a draft, then
        withdraws the support: the phase's main write, and a count kept on the row."""
        session, recommendation = random.choice(TARGETS["supporters"])
        headers = {"Cookie": f"sessionid={session}"}
        page = self.client.get(
            f"/preconisations/{recommendation}/", name="support: page", headers=headers
        )
        if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
            self.cookies["csrftoken"] = match.group(1)
        headers["Cookie"] += f"; csrftoken={self.cookies.get('csrftoken', '')}"
        token = TOKEN.search(page.text or "")
        if token is None:
            return
        for step, path in (("support", "soutenir"), ("withdraw", "retirer-mon-soutien")):
            self.client.post(
                f"/preconisations/{recommendation}/{path}/",
                data={"csrfmiddlewaretoken": token.group(1)},
                name=f"{step}: send",
                headers=headers,
            )

    def reports_on_a_milestone(self) -> None:
        """City staff report progress on a milestone of an accepted recommendation: the
        follow-up's main write (logged, and told to the workshop's participants by the
        worker)."""
        session, milestone = (
            random.choice(TARGETS["milestone_writers"]),
            random.choice(TARGETS["milestones"]),
        )
        headers = {"Cookie": f"sessionid={session}"}
        path = f"/suivi/jalons/{milestone}/avancement/"
        page = self.client.get(path, name="milestone: form", headers=headers)
        if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
            self.cookies["csrftoken"] = match.group(1)
        headers["Cookie"] += f"; csrftoken={self.cookies.get('csrftoken', '')}"
        token = TOKEN.search(page.text or "")
        if token is None:
            return
        self.client.post(
            path,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "status": "in_progress",
                "progress": str(random.randint(10, 90)),
                "note": "Point d'étape du test de charge.",
            },
            name="milestone: send",
            headers=headers,
        )

    def answers_a_questionnaire(self) -> None:
        """A participant invited to an open questionnaire answers it: the form for its token,
        then the answers (the service fills a slot drawn at random and rewrites every slot of
        the questionnaire). Each person answers once: none left, nothing is asked."""
        if not ANSWERERS:
            return
        session, slug = ANSWERERS.pop()
        headers = {"Cookie": f"sessionid={session}"}
        path = f"/evaluations/ateliers/{slug}/questionnaire/"
        page = self.client.get(path, name="questionnaire: form", headers=headers)
        if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
            self.cookies["csrftoken"] = match.group(1)
        headers["Cookie"] += f"; csrftoken={self.cookies.get('csrftoken', '')}"
        token = TOKEN.search(page.text or "")
        if token is None or 'name="understood"' not in (page.text or ""):
            return  # answered in an earlier run, or closed since: no form
        feeling = random.randint(2, 5)
        self.client.post(
            path,
            data={
                "csrfmiddlewaretoken": token.group(1),
                **{
                    name: str(max(1, min(5, feeling + random.randint(-1, 1))))
                    for name in ("understood", "could_speak", "listened_to", "fair", "influence")
                },
                "again": random.choice(["yes", "yes", "maybe", "no"]),
                "change": random.choice(["", "Une réponse du test de charge."]),
                "age_band": random.choice(["", "18_29", "30_44", "45_59", "60_74"]),
                "first_time": random.choice(["", "yes", "no"]),
            },
            name="questionnaire: send",
            headers=headers,
        )

    def joins_and_leaves(self) -> None:
        """Join a workshop calling for participants, then leave it: the site's main write."""
        slug = random.choice(TARGETS["joinable"])
        for step, path, data in (
            ("join", f"/ateliers/{slug}/participer/", {"capacity": "resident"}),
            ("leave", f"/ateliers/{slug}/quitter/", {}),
        ):
            page = self.client.get(path, name=f"{step}: form", headers=self._headers())
            if match := CSRF_COOKIE.search(page.headers.get("Set-Cookie") or ""):
                self.cookies["csrftoken"] = match.group(1)
            token = TOKEN.search(page.text or "")
            if token is None:
                return  # already in, or not in: the form is not shown
            self.client.post(
                path,
                data={"csrfmiddlewaretoken": token.group(1), **data},
                name=f"{step}: send",
                headers=self._headers(),
            )


if ONLY == VOTE:
    PAUSED = os.environ.get("LOADTEST_VOTING_PACE", "") != "without pause"

    class OneVoter(Person):
        """Every user votes, one statement after the other: as a person does (a vote every
        1 to 3 s), or without pause (LOADTEST_VOTING_PACE="without pause")."""

        wait_time = between(1, 3) if PAUSED else constant(0)

        def on_start(self):
            super().on_start()
            self.start_voting()

        @task
        def vote(self):
            self.votes()

elif ONLY:
    logged_in = PAGES[ONLY][0]

    class OnePage(Person):
        """Every user asks for one page, without pause: its throughput alone."""

        wait_time = constant(0)

        def on_start(self):
            super().on_start()
            if logged_in:
                self.log_in()

        @task
        def page(self):
            self.ask(ONLY)

else:

    class Visitor(Person):
        weight = 4
        wait_time = between(0.5, 1.5)

        @task(3)
        def home(self):
            self.ask("home")

        @task(3)
        def workshop_list(self):
            self.ask("workshop list")

        @task(2)
        def workshop_list_filtered(self):
            self.ask("workshop list, filtered")

        @task(1)
        def workshop_list_later_page(self):
            self.ask("workshop list, page 20")

        @task(4)
        def workshop_page(self):
            self.ask("workshop page")

        @task(1)
        def largest_workshop(self):
            self.ask("workshop page, 5,000 participants")

        @task(1)
        def workshop_history(self):
            self.ask("workshop history")

        @task(1)
        def councils(self):
            self.ask("councils")

        @task(2)
        def council_page(self):
            self.ask("council page")

        @task(1)
        def document_page(self):
            self.ask("document page")

        @task(1)
        def workshop_documents(self):
            self.ask("a workshop's documents")

        @task(1)
        def document_download(self):
            self.ask("document download")

        @task(1)
        def meeting_page(self):
            self.ask("meeting page")

        @task(2)
        def calendar(self):
            self.ask("calendar")

        @task(1)
        def calendar_of_a_neighbourhood(self):
            self.ask("calendar, a neighbourhood")

        @task(1)
        def city_feed(self):
            self.ask("city iCal feed")

        @task(1)
        def neighbourhoods(self):
            self.ask("neighbourhoods")

        @task(2)
        def neighbourhood_page(self):
            self.ask("neighbourhood page")

        @task(2)
        def search(self):
            self.ask("search")

        @task(1)
        def search_filtered(self):
            self.ask("search, filtered")

        @task(1)
        def training_catalogue(self):
            self.ask("training catalogue")

        @task(2)
        def debate_topic(self):
            self.ask("debate topic")

        @task(1)
        def largest_topic(self):
            self.ask("debate topic, 5,000 contributions")

        @task(1)
        def largest_topic_last_page(self):
            self.ask("debate topic, 5,000 contributions, last page")

        @task(1)
        def for_and_against(self):
            self.ask("for and against, 5,000 contributions")

        @task(1)
        def contribution_page(self):
            self.ask("contribution page")

        @task(1)
        def workshop_debate(self):
            self.ask("a workshop's debate")

        @task(1)
        def moderation_log(self):
            self.ask("moderation log")

        @task(1)
        def conversation(self):
            self.ask("opinion map, a conversation")

        @task(1)
        def results(self):
            self.ask("opinion map results")

        @task(1)
        def largest_results(self):
            self.ask("opinion map results, 10,000 voters")

        @task(1)
        def recommendations(self):
            self.ask("a workshop's recommendations, 50")

        @task(2)
        def recommendation(self):
            self.ask("recommendation page")

        @task(1)
        def versions(self):
            if TARGETS["amended"]:
                self.ask("versions of a recommendation")

        @task(1)
        def amendments(self):
            if TARGETS["amended"]:
                self.ask("amendments of a recommendation")

        @task(1)
        def adoption(self):
            if TARGETS["adopting"]:
                self.ask("a workshop's adoption")

        @task(1)
        def dossier(self):
            if TARGETS["adopting"]:
                self.ask("a workshop's dossier")

        @task(1)
        def town_hall(self):
            self.ask("town hall")

        @task(1)
        def town_hall_body(self):
            self.ask("town hall body")

        @task(1)
        def town_hall_session(self):
            self.ask("town hall session")

        @task(1)
        def follow_up(self):
            self.ask("follow-up")

        @task(1)
        def follow_up_filtered(self):
            self.ask("follow-up, filtered")

        @task(2)
        def recommendation_follow_up(self):
            self.ask("a recommendation's follow-up")

        @task(1)
        def workshop_delegates(self):
            self.ask("a workshop's delegates")

        # The export is asked for far less often than a page is read: one time in four of
        # this task's turns.
        @task(1)
        def follow_up_export(self):
            if random.random() < 0.25:
                self.ask("follow-up export (CSV)")

        @task(1)
        def evaluations(self):
            self.ask("evaluations")

        @task(2)
        def workshop_evaluation(self):
            if TARGETS["evaluated"]:
                self.ask("a workshop's evaluation")

        @task(1)
        def questionnaire_results(self):
            if TARGETS["questionnaire_results"]:
                self.ask("questionnaire results")

        # As rare as the follow-up's export.
        @task(1)
        def evaluations_export(self):
            if random.random() < 0.25:
                self.ask("evaluations export (CSV)")

        # Integrators and feed readers: a few requests among the visitors' pages.
        @task(1)
        def api_list(self):
            self.ask(
                random.choice(
                    [
                        "API: workshops",
                        "API: meetings",
                        "API: opinion maps",
                        "API: statements, 10,000 voters",
                        "API: recommendations",
                    ]
                )
            )

        @task(1)
        def feed(self):
            self.ask("feed: new workshops")

        # As rare as the other exports.
        @task(1)
        def api_export(self):
            if random.random() < 0.25:
                self.ask("API: workshops (CSV)")

        @task(1)
        def training_page(self):
            self.ask("training page")

        @task(1)
        def training_session(self):
            self.ask("training session")

        @task(1)
        def bare_view(self):
            self.ask("bare view")

    class OpinionVoter(Person):
        """A participant of the largest conversation, voting on one statement after the
        other, and now and then looking at the results."""

        weight = 1
        wait_time = between(0.5, 1.5)

        def on_start(self):
            super().on_start()
            self.start_voting()

        @task(10)
        def vote(self):
            self.votes()

        @task(1)
        def results(self):
            self.ask("opinion map results, 10,000 voters")

    class Resident(Person):
        weight = 1
        wait_time = between(0.5, 1.5)

        def on_start(self):
            super().on_start()
            self.log_in()

        @task(30)
        def home(self):
            self.ask("home, logged in")

        @task(40)
        def workshop_page(self):
            self.ask("workshop page, logged in")

        @task(20)
        def mine(self):
            self.ask("my workshops")

        @task(5)
        def my_trainings(self):
            self.ask("my trainings")

        @task(5)
        def my_notifications(self):
            self.ask("my notifications")

        # About once in 90 of a resident's actions: far more often than a city's residents
        # join workshops (60,000 participations in four years), enough to measure it and
        # to make the pages that show counts stale under the load.
        @task(1)
        def join_and_leave(self):
            self.joins_and_leaves()

        # Posting in the debate, about as often as joining: the debate's main write.
        @task(1)
        def post_in_the_debate(self):
            if TARGETS["posters"]:
                self.posts_in_the_debate()

        # Supporting a recommendation and withdrawing it, as often.
        @task(1)
        def support_a_recommendation(self):
            if TARGETS["supporters"]:
                self.supports_and_withdraws()

        # City staff reporting on a milestone, as often.
        @task(1)
        def report_on_a_milestone(self):
            self.reports_on_a_milestone()

        # A participant answering an open questionnaire, as often, while some invited people
        # have not answered (each answers once).
        @task(1)
        def answer_a_questionnaire(self):
            self.answers_a_questionnaire()
