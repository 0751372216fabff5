"""The delegates page says how the delegates are chosen and who they are, publishes a draw's
seed and every ticket, shows the hearing and the answer deadline (on time or late, whatever
day it is read), and asks as many queries for 3 volunteers as for 60. The workshop's page
sums it up in two lines from the recommendations phase on."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.core.sections import sections_of
from ateliers.townhall import delegates
from ateliers.townhall.models import Answer, AnswerDeadline
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.selectors import workshop_for_page
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.recommendations.dossier_data import adopt
from tests.roles import log_in

from .delegates_data import hearing, session_pages, volunteers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("session_pages")]
__all__ = ["session_pages"]  # a fixture, used by name

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def workshop():
    return WorkshopFactory(
        phase=PhaseKind.PRESENTATION, slug="place-du-marche", title="La place du marché"
    )


@pytest.fixture
def team(workshop):
    person = UserFactory(display_name="Fatou Animatrice")
    workshop.facilitators.add(person)
    return person


def page_url(workshop) -> str:
    return reverse("townhall:delegates", args=[workshop.slug])


def read(client, workshop, query: str = "") -> str:
    response = client.get(page_url(workshop) + query)
    assert response.status_code == 200
    return response.content.decode()


# Before and after the choice


def test_before_the_choice_the_page_counts_the_volunteers_without_naming_them(client, workshop):
    volunteers(workshop, 4, user__display_name="Volontaire Discret")
    page = read(client, workshop)
    assert "Delegates and hearing" in page
    assert "4 participants have volunteered so far." in page
    assert "Volontaire Discret" not in page
    assert '<a href="/compte/login/?next=' in page  # a visitor is asked to log in


def test_a_participant_volunteers_sees_it_and_withdraws(client, workshop):
    person = log_in(client, "participant", workshops=[workshop])
    page = read(client, workshop)
    assert "I volunteer" in page and "I withdraw" not in page

    done = client.post(reverse("townhall:volunteer", args=[workshop.slug]), follow=True)
    page = done.content.decode()
    assert "You volunteered: you may be drawn" in page
    assert "You volunteered." in page and "I withdraw" in page and "I volunteer" not in page
    assert "1 participant has volunteered so far." in page

    again = client.post(reverse("townhall:volunteer", args=[workshop.slug]), follow=True)
    assert "You have already volunteered." in again.content.decode()

    done = client.post(reverse("townhall:volunteer_withdraw", args=[workshop.slug]), follow=True)
    assert "You withdrew" in done.content.decode()
    assert not person.delegate_volunteering.exists()


def test_the_team_sees_the_choice_and_someone_outside_is_told_why_not(client, workshop, team):
    client.force_login(team)
    page = read(client, workshop)
    assert "Draw the delegates by lot" in page and "Record the elected delegates" in page
    assert "I volunteer" not in page
    assert "Only the workshop's participants can volunteer" in page

    early = WorkshopFactory(phase=PhaseKind.DEBATE)
    recommendations = next(p for p in early.ordered_phases if p.kind == PhaseKind.RECOMMENDATIONS)
    start = timezone.localtime(recommendations.starts_at)
    assert f"Participants can volunteer from {start.day} {start:%B %Y}" in read(client, early)


def test_after_a_draw_the_page_publishes_the_seed_and_every_ticket_in_order(client, workshop):
    people = volunteers(workshop, 5)
    delegation = delegates.delegates_draw(
        actor=UserFactory(), workshop=workshop, seats=2, seed="loto-12-mai"
    )
    order = delegates.draw("loto-12-mai", delegation.candidates, 5)

    page = read(client, workshop)

    assert "Drawn by lot on" in page and "among 5 volunteers" in page
    assert "loto-12-mai" in page
    assert "python manage.py verify_draw place-du-marche" in page
    assert "the fingerprint of “loto-12-mai:42”" in page
    names = {person.pk: person.public_name for person in people}
    positions = [page.index(delegates.ticket("loto-12-mai", uid)[:8]) for uid in order]
    assert positions == sorted(positions)  # sorted as drawn
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    for rank, (uid, row) in enumerate(zip(order, rows, strict=True), start=1):
        assert names[uid] in row and f"account {uid}</span>" in row
        assert ("drawn" in row) == (rank <= 2)
        ticket = delegates.ticket("loto-12-mai", uid)
        assert "<wbr>".join(ticket[i : i + 8] for i in range(0, 64, 8)) in row
    # The delegates, in order, above.
    delegates_list = page.split('class="delegate-list"')[1].split("</ol>")[0]
    assert delegates_list.index(names[order[0]]) < delegates_list.index(names[order[1]])


def test_a_deleted_account_keeps_its_ticket_in_the_table(client, workshop):
    people = {person.pk: person for person in volunteers(workshop, 3)}
    delegation = delegates.delegates_draw(actor=UserFactory(), workshop=workshop, seats=1)
    chosen = delegation.delegates.get().user_id
    gone_id = next(uid for uid in people if uid != chosen)
    people[gone_id].delete()

    page = read(client, workshop)

    assert "Deleted participant" in page
    assert delegates.ticket(delegation.seed, gone_id)[:8] in page
    assert f"account {gone_id}</span>" in page


def test_the_ticket_table_goes_by_pages_of_50(client, workshop):
    volunteers(workshop, 55)
    delegation = delegates.delegates_draw(actor=UserFactory(), workshop=workshop, seats=3)
    order = delegates.draw(delegation.seed, delegation.candidates, 55)
    first, second = read(client, workshop), read(client, workshop, "?page=2")
    assert delegates.ticket(delegation.seed, order[49])[:8] in first
    assert delegates.ticket(delegation.seed, order[50])[:8] not in first
    assert delegates.ticket(delegation.seed, order[50])[:8] in second
    assert "<td>51</td>" in second and "Page 2 of 2" in second


# The hearing and the answer deadline, on both sides of the date


def test_without_a_hearing_the_deadline_waits_for_it(client, workshop):
    page = read(client, workshop)
    assert "not on a session's agenda yet" in page
    assert "within 3 months after the hearing" in page
    assert "The date is set when the hearing is scheduled." in page


@pytest.fixture
def heard(workshop):
    """Heard on 10 March 2026 at 18:00 (Paris), with one adopted recommendation."""
    item = hearing(workshop, datetime.datetime(2026, 3, 10, 18, tzinfo=PARIS))
    recommendation = adopt(workshop, title="Des bancs", author=UserFactory())
    return item, recommendation


def test_the_answer_is_expected_by_the_deadline_until_it_passes(client, workshop, heard):
    item, _recommendation = heard
    with time_machine.travel(datetime.datetime(2026, 6, 10, 23, 30, tzinfo=PARIS)):
        page = read(client, workshop)
    assert "was heard by Commission urbanisme on Tuesday 10 March 2026, 18:00" in page
    assert f'href="{item.session.get_absolute_url()}"' in page
    assert "Answer expected by 10 June 2026." in page and "since" not in page

    with time_machine.travel(datetime.datetime(2026, 6, 11, 0, 30, tzinfo=PARIS)):
        page = read(client, workshop)
    assert "Answer expected since 10 June 2026." in page
    assert "1 of the 1 adopted recommendations has no answer yet." in page


def test_once_answered_nothing_is_late(client, workshop, heard):
    _item, recommendation = heard
    now = timezone.now()
    Answer.objects.create(
        recommendation=recommendation,
        status=Answer.Status.ACCEPTED,
        service="Voirie",
        elected_official="Adjointe à l'urbanisme",
        answered_at=now,
        updated_at=now,
    )
    with time_machine.travel(datetime.datetime(2026, 9, 1, 12, tzinfo=PARIS)):
        page = read(client, workshop)
    assert "the city has answered every adopted recommendation" in page
    assert "since" not in page


def test_the_workshop_s_own_months_move_the_deadline(client, workshop, heard):
    log_in(client, "city_staff")
    saved = client.post(
        reverse("townhall:answer_deadline", args=[workshop.slug]), {"months": 6}, follow=True
    )
    assert "The answer deadline is saved." in saved.content.decode()
    assert AnswerDeadline.objects.get(workshop=workshop).months == 6
    with time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=PARIS)):
        page = read(client, workshop)
    assert "within 6 months" in page and "Answer expected by 10 September 2026." in page
    form = client.get(reverse("townhall:answer_deadline", args=[workshop.slug]))
    assert 'value="6"' in form.content.decode()


# Query budgets


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator", "city_staff"])
def test_the_page_asks_as_many_queries_for_3_and_60_volunteers(client, who):
    few, many = (WorkshopFactory(phase=PhaseKind.PRESENTATION) for _index in range(2))
    log_in(client, who, workshops=[few, many])
    for workshop, number in ((few, 3), (many, 60)):
        volunteers(workshop, number)
        hearing(workshop, timezone.now(), body_name=f"Commission {workshop.slug}")
    before = queries(client, page_url(few))
    assert queries(client, page_url(many)) == before

    for workshop in (few, many):
        delegates.delegates_draw(actor=UserFactory(), workshop=workshop, seats=3)
    after = queries(client, page_url(few))
    assert queries(client, page_url(many)) == after
    assert queries(client, page_url(many) + "?page=2") == after


def test_the_page_s_query_budget(client, django_assert_num_queries, workshop):
    log_in(client, "participant", workshops=[workshop])
    volunteers(workshop, 3)
    # 1 the user; 2-4 the workshop, its phases, its facilitators; 5 the delegation (none);
    # 6 takes part (may volunteer); 7 the volunteers' count; 8 has volunteered; 9 the
    # hearing with its session and body; 10 the months to answer; 11 the answers' counts.
    with django_assert_num_queries(11):
        read(client, workshop)
    delegates.delegates_draw(actor=UserFactory(), workshop=workshop, seats=2)
    # 1-4 as above; 5 the delegation, 6 its delegates with their accounts, 7 the names of
    # the page of tickets; 8-10 the hearing, the months, the answers' counts.
    with django_assert_num_queries(10):
        read(client, workshop)


# The workshop's page


def section_of(workshop) -> tuple[str, int]:
    """The town hall's section as the workshop's page renders it, and its queries."""
    (section,) = [
        s for s in sections_of("workshop_recommendations") if s.name == "townhall_delegates"
    ]
    workshop = workshop_for_page(slug=workshop.slug)
    request = RequestFactory().get("/")
    request.user = UserFactory.build()
    with CaptureQueriesContext(connection) as captured:
        context = section.context(request, workshop=workshop)
    if context is None:
        return "", len(captured)
    return render_to_string(section.template, context, request=request), len(captured)


def test_the_workshop_page_sums_it_up_from_the_recommendations_phase_on(client):
    debate = WorkshopFactory(phase=PhaseKind.DEBATE)
    assert section_of(debate) == ("", 0)
    assert "At the town hall" not in client.get(debate.get_absolute_url()).content.decode()

    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    html, count = section_of(workshop)
    assert count == 2
    assert "participants can volunteer" in html and "not scheduled yet" in html
    assert page_url(workshop) in html

    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "At the town hall" in page
    assert page.index("recommendations-title") < page.index("townhall-delegates-title")


def test_the_section_names_the_delegates_and_the_hearing(workshop):
    people = {person.pk: person for person in volunteers(workshop, 3)}
    delegation = delegates.delegates_draw(actor=UserFactory(), workshop=workshop, seats=2)
    first, second = (
        people[uid] for uid in delegates.draw(delegation.seed, delegation.candidates, 2)
    )
    session_day = timezone.localtime() + datetime.timedelta(days=5)
    hearing(workshop, session_day)
    day = f"{session_day.day} {session_day:%B %Y}"

    before, count = section_of(workshop)
    with time_machine.travel(session_day + datetime.timedelta(days=1)):
        after, _count = section_of(workshop)

    assert count == 2
    assert f"Delegates drawn by lot: {first.public_name}, {second.public_name}." in before
    assert f"To be heard by Commission urbanisme on {day}." in before
    assert f"Heard by Commission urbanisme on {day}." in after


def test_the_section_of_an_election(workshop):
    elected = ParticipationFactory(workshop=workshop, user__display_name="Inès Martin").user
    delegates.delegates_elect(actor=UserFactory(), workshop=workshop, elected=[(elected, 12)])
    html, _count = section_of(workshop)
    assert "Delegates elected by the participants: Inès Martin." in html
