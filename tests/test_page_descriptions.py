"""The main public pages tell search engines and link previews what they hold: each has its
own meta description, not the site's default one."""

import html
import re

import pytest

from .factories import CouncilFactory, NeighbourhoodFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def description(client, path: str) -> str:
    page = client.get(path).content.decode()
    found = re.findall(r'<meta name="description" content="([^"]*)">', page)
    assert len(found) == 1, f"{path} has {len(found)} meta descriptions"
    return html.unescape(found[0])


def test_main_public_pages_have_their_own_description(client):
    council = CouncilFactory(slug="tilleuls", description="")
    default = description(client, "/cette-page-n-existe-pas/")
    assert "local democracy platform" in default

    pages = ["/", "/ateliers/", "/conseils/", "/mairie/", "/suivi/", "/evaluations/"]
    pages += ["/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"]
    pages += ["/donnees-ouvertes/", "/quartiers/"]
    pages.append(NeighbourhoodFactory(slug="tilleuls").get_absolute_url())
    pages.append(council.get_absolute_url())
    descriptions = {path: description(client, path) for path in pages}

    for path, text in descriptions.items():
        assert text.strip() and text != default, f"{path} has the default description"
    assert len(set(descriptions.values())) == len(pages), descriptions
    assert council.name in descriptions[council.get_absolute_url()]


def test_a_council_page_is_described_by_the_council_s_own_words(client):
    council = CouncilFactory(
        description="Le conseil veille sur les jardins du quartier.\n\n" + "Et plus. " * 40
    )

    text = description(client, council.get_absolute_url())

    assert text.startswith("Le conseil veille sur les jardins du quartier.")
    # Cut to what search engines show.
    assert len(text) <= 160
