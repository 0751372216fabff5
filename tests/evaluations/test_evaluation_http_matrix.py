"""Who may write the evaluation, add and remove its indicators and publish it, through HTTP,
for every role at each moment of a workshop: its team (facilitators and the city team) in the
90 days after its end, nobody before the end nor after the window. Nothing is written when
refused; everyone reads the page of a published workshop."""

import pytest
from django.urls import reverse

from ateliers.evaluations.models import Evaluation, Indicator
from ateliers.workshops.phases import PhaseKind
from tests.factories import WorkshopFactory
from tests.roles import CITY_TEAM, ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

from .evaluation_data import ended_workshop, indicator

pytestmark = pytest.mark.django_db

MOMENTS = {
    "before the end": lambda: WorkshopFactory(phase=PhaseKind.PRESENTATION),
    "just after the end": lambda: ended_workshop(1 / 24),
    "89 days after the end": lambda: ended_workshop(89),
    "91 days after the end": lambda: ended_workshop(91),
}
WRITING = {"just after the end", "89 days after the end"}


def url(name: str, workshop, *args) -> str:
    return reverse(f"evaluations:{name}", args=[workshop.slug, *args])


def may_write(role: str, moment: str) -> bool:
    return role in WORKSHOP_MANAGERS and moment in WRITING


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_writing_the_evaluation(client, role, moment):
    workshop = MOMENTS[moment]()
    log_in(client, role, workshops=[workshop])

    form = client.get(url("write", workshop))
    saved = client.post(
        url("write", workshop), {"outcome": "met", "explanation": "Les bancs sont posés."}
    )

    if may_write(role, moment):
        assert form.status_code == 200
        assert saved.status_code == 302
        assert Evaluation.objects.get().outcome == "met"
    else:
        assert_refused(form, role)
        assert_refused(saved, role)
        assert not Evaluation.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_adding_an_indicator(client, role, moment):
    workshop = MOMENTS[moment]()
    log_in(client, role, workshops=[workshop])

    form = client.get(url("indicator_add", workshop))
    typed = client.post(
        url("indicator_add", workshop), {"name": "Bancs posés", "value": "8", "target": "10"}
    )
    measured = client.post(url("indicator_add", workshop), {"measure": "participants"})

    if may_write(role, moment):
        assert form.status_code == 200
        assert typed.status_code == measured.status_code == 302
        assert list(Indicator.objects.values_list("name", "measure")) == [
            ("Bancs posés", ""),
            ("Participants", "participants"),
        ]
    else:
        for response in (form, typed, measured):
            assert_refused(response, role)
        assert not Indicator.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_removing_an_indicator(client, role, moment):
    workshop = MOMENTS[moment]()
    log_in(client, role, workshops=[workshop])
    kept = indicator(Evaluation.objects.create(workshop=workshop))

    confirm = client.get(url("indicator_remove", workshop, kept.pk))
    removed = client.post(url("indicator_remove", workshop, kept.pk))

    if may_write(role, moment):
        assert confirm.status_code == 200
        assert removed.status_code == 302
        assert not Indicator.objects.exists()
    else:
        assert_refused(confirm, role)
        assert_refused(removed, role)
        assert Indicator.objects.get() == kept


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_publishing_the_evaluation(client, role, moment):
    workshop = MOMENTS[moment]()
    log_in(client, role, workshops=[workshop])
    Evaluation.objects.create(workshop=workshop, outcome="not_met", explanation="Trop tard.")

    confirm = client.get(url("publish", workshop))
    published = client.post(url("publish", workshop))

    if may_write(role, moment):
        assert confirm.status_code == 200
        assert published.status_code == 302
        assert Evaluation.objects.get().is_published
    else:
        assert_refused(confirm, role)
        assert_refused(published, role)
        assert not Evaluation.objects.get().is_published


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_page_of_a_published_workshop_and_nobody_a_drafts(client, role):
    workshop = ended_workshop()
    draft = WorkshopFactory(status="draft")
    log_in(client, role, workshops=[workshop])

    assert client.get(url("workshop", workshop)).status_code == 200
    assert client.get(url("workshop", draft)).status_code == (200 if role in CITY_TEAM else 404)


def test_an_indicator_of_another_workshop_is_not_found(client):
    workshop, other = ended_workshop(), ended_workshop()
    elsewhere = indicator(Evaluation.objects.create(workshop=other))
    log_in(client, "city_staff")

    assert client.get(url("indicator_remove", workshop, elsewhere.pk)).status_code == 404
    assert client.post(url("indicator_remove", workshop, elsewhere.pk)).status_code == 404
    assert Indicator.objects.filter(pk=elsewhere.pk).exists()
