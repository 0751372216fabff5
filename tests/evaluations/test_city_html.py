"""The city's view is valid HTML (the W3C's Nu HTML Checker, as tests/test_html_validity.py
runs it): empty, with too few answers to detail, and with a whole small city."""

from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests import nu_checker
from tests.ci import require
from tests.factories import UserFactory

from .cityview_data import NOW, W1_ANSWERS, ended, moment, questionnaire, small_city

pytestmark = [pytest.mark.html, pytest.mark.django_db]


def page(who=None) -> str:
    client = Client()
    if who is not None:
        client.force_login(who)
    response = client.get(reverse("evaluations:city"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_city_s_view_is_valid_html(tmp_path: Path):
    missing = nu_checker.missing_tool()
    require(missing is None, missing or "")
    pages = {}
    with time_machine.travel(NOW, tick=False):
        pages["empty"] = page()
        workshop = ended(None, moment(2025, 3, 1), kind="city")
        questionnaire(workshop, W1_ANSWERS[:4], invited=4, closes_at=moment(2025, 4, 1))
        pages["few-answers"] = page()
        small_city()
        pages["small-city"] = page()
        pages["small-city-staff"] = page(UserFactory(role="city_staff"))
    files = []
    for name, html in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(html, encoding="utf-8")

    problems = nu_checker.check(files)

    assert not problems, "\n".join(
        f"{p.file.stem}, line {p.line}: {p.message}\n    {' '.join(p.extract.split())}"
        for p in problems
    )
