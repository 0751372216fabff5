"""The OpenAPI schema validates, and the documentation page (ours, drawn from it) shows every
address; the open-data page lists the API, its CSV files and its feeds."""

import re

import pytest
from openapi_spec_validator import validate

from ateliers.api.lists import LISTINGS

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_validates(client):
    schema = client.get("/api/v1/openapi.json").json()

    validate(schema)
    assert schema["info"]["version"] == "1"
    assert {f"/api/v1/{name}/" for name in LISTINGS} <= set(schema["paths"])


def test_every_address_is_only_read(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert {method for operations in schema["paths"].values() for method in operations} == {"get"}
    assert client.post("/api/v1/workshops/").status_code == 405


def test_the_documentation_page_shows_every_address_and_its_csv(client):
    schema = client.get("/api/v1/openapi.json").json()

    page = client.get("/api/v1/docs")

    assert page.status_code == 200
    html = page.content.decode()
    for path in schema["paths"]:
        assert f"GET {path}" in html
    for name in LISTINGS:
        assert f'href="/api/v1/{name}.csv"' in html
    assert 'href="/api/v1/openapi.json"' in html
    # Each address links the description of what it answers with.
    answers = re.findall(r'href="#(shape-\w+)"', html)
    assert len(answers) == len(schema["paths"])
    assert all(f'id="{anchor}"' in html for anchor in answers)
    assert "<script" not in html.split("</head>", 1)[1]  # drawn on the server


def test_the_open_data_page_lists_the_api_its_csv_files_and_feeds(client):
    html = client.get("/donnees-ouvertes/").content.decode()

    assert "Licence Ouverte / Open Licence" in html
    for address in (
        "/api/v1/docs",
        "/api/v1/openapi.json",
        "/api/v1/feeds/workshops.atom",
        "/api/v1/feeds/answers.atom",
        *(f"/api/v1/{name}.csv" for name in LISTINGS),
    ):
        assert f'href="{address}"' in html


@pytest.mark.parametrize(
    ("page", "feed"),
    [("/ateliers/", "/api/v1/feeds/workshops.atom"), ("/suivi/", "/api/v1/feeds/answers.atom")],
)
def test_feed_readers_find_the_feed_from_its_page(client, page, feed):
    head = client.get(page).content.decode().split("</head>", 1)[0]

    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in head
