"""The delegates' pages are valid HTML (the W3C's Nu HTML Checker, as tests/test_html_validity.py
runs it): before and after a draw, after an election, with a hearing and a late answer, the
forms with and without their errors, and the workshop page's section."""

import datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ateliers.townhall import delegates
from ateliers.workshops.phases import PhaseKind
from tests import nu_checker
from tests.ci import require
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.recommendations.dossier_data import adopt

from .delegates_data import hearing, session_pages, volunteers

pytestmark = [pytest.mark.html, pytest.mark.django_db, pytest.mark.usefixtures("session_pages")]
__all__ = ["session_pages"]  # a fixture, used by name


def test_the_delegates_pages_are_valid_html(tmp_path: Path):
    missing = nu_checker.missing_tool()
    require(missing is None, missing or "")
    staff = UserFactory(role="city_staff")
    choosing = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    volunteer, *_others = volunteers(choosing, 2)
    drawn = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    volunteers(drawn, 4)
    delegates.delegates_draw(actor=staff, workshop=drawn, seats=2, seed="loto")
    hearing(drawn, timezone.now() - datetime.timedelta(days=200))
    adopt(drawn, title="Des bancs", author=UserFactory())
    elected = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    person = ParticipationFactory(workshop=elected).user
    delegates.delegates_elect(
        actor=staff, workshop=elected, elected=[(person, 12)], note="À main levée."
    )

    def url(name, workshop):
        return reverse(f"townhall:{name}", args=[workshop.slug])

    pages = {
        "before-a-visitor": (None, url("delegates", choosing), None),
        "before-a-volunteer": (volunteer, url("delegates", choosing), None),
        "before-the-team": (staff, url("delegates", choosing), None),
        "drawn": (None, url("delegates", drawn), None),
        "drawn-the-city-team": (staff, url("delegates", drawn), None),
        "elected": (None, url("delegates", elected), None),
        "draw-form": (staff, url("delegates_draw", choosing), None),
        "draw-errors": (staff, url("delegates_draw", choosing), {"seats": "3", "seed": "x"}),
        "elect-form": (staff, url("delegates_elect", choosing), None),
        "elect-errors": (staff, url("delegates_elect", choosing), {"person_1": "Nobody"}),
        "deadline-form": (staff, url("answer_deadline", drawn), None),
        "deadline-errors": (staff, url("answer_deadline", drawn), {"months": "30"}),
        "workshop-with-delegates": (None, drawn.get_absolute_url(), None),
        "workshop-choosing": (None, choosing.get_absolute_url(), None),
    }
    files = []
    for name, (who, path, data) in pages.items():
        client = Client()
        if who is not None:
            client.force_login(who)
        response = client.get(path) if data is None else client.post(path, data)
        assert response.status_code == 200, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(response.content.decode(), encoding="utf-8")

    problems = nu_checker.check(files)

    assert not problems, "\n".join(
        f"{p.file.stem}, line {p.line}: {p.message}\n    {' '.join(p.extract.split())}"
        for p in problems
    )
