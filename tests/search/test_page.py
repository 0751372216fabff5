"""The search page, /recherche/, as a visitor reads it: the form, the results with their kind,
link, neighbourhood and marked words, the pages, and the box in every page's header."""

import pytest
from django.utils import timezone

from ateliers.debate import services as debate
from ateliers.debate.models import Contribution
from ateliers.search import index
from tests.factories import (
    ContributionFactory,
    CouncilFactory,
    NeighbourhoodFactory,
    TopicFactory,
)

from .helpers import recommendation

pytestmark = pytest.mark.django_db
URL = "/recherche/"


def test_a_result_shows_its_kind_link_neighbourhood_and_marked_words(client, english):
    harbour = NeighbourhoodFactory(name="Le Port")
    contribution = ContributionFactory(
        text="Il faudrait un abri pour les vélos.",
        topic__title="Les quais",
        topic__workshop__neighbourhood=harbour,
    )

    page = client.get(URL, {"q": "vélo"}).content.decode()

    assert "1 result" in page
    assert "Debate contribution · Le Port" in page
    assert f'<a href="{contribution.get_absolute_url()}">Les quais</a>' in page
    assert "Il faudrait un abri pour les <mark>vélos</mark>." in page


def test_user_text_is_escaped_before_the_words_are_marked(client):
    ContributionFactory(text='<script>alert("vélo")</script> <b>vélo</b> & co')

    page = client.get(URL, {"q": "vélo"}).content.decode()

    assert "<script>alert" not in page
    assert "<b>" not in page
    assert (
        "&lt;script&gt;alert(&quot;<mark>vélo</mark>&quot;)&lt;/script&gt; "
        "&lt;b&gt;<mark>vélo</mark>&lt;/b&gt; &amp; co"
    ) in page


def test_a_title_is_marked_and_escaped_too(client):
    found = recommendation("Des vélos <i>cargo</i>")

    page = client.get(URL, {"q": "vélo"}).content.decode()

    assert (
        f'<a href="{found.get_absolute_url()}">Des <mark>vélos</mark> &lt;i&gt;cargo&lt;/i&gt;</a>'
        in page
    )


def test_without_words_the_page_says_what_is_searched(client, english):
    page = client.get(URL).content.decode()
    assert "Type one or more words" in page
    assert "result" not in page


def test_nothing_found_says_so_and_suggests_what_to_do(client, english):
    page = client.get(URL, {"q": "zeppelin"}).content.decode()
    assert "0 results" in page
    assert "Nothing matches “zeppelin”" in page


def test_the_filters_apply_and_stay_chosen(client, english):
    harbour = NeighbourhoodFactory(name="Le Port", slug="le-port")
    council = CouncilFactory(name="Conseil du port", neighbourhood=harbour)
    ContributionFactory(text="Le port est sale.", topic__workshop__neighbourhood=harbour)

    page = client.get(URL, {"q": "port", "type": "conseil", "quartier": "le-port"}).content
    page = page.decode()

    assert "1 result" in page
    assert f'<a href="{council.get_absolute_url()}">Conseil du <mark>port</mark></a>' in page
    assert '<option value="conseil" selected>' in page
    assert '<option value="le-port" selected>' in page


def test_an_unknown_filter_value_says_so_on_the_form(client, english):
    page = client.get(URL, {"q": "port", "quartier": "atlantide"}).content.decode()
    assert "Select a valid choice" in page


def test_the_pages_keep_the_words_and_filters(client, english):
    for number in range(21):
        ContributionFactory(text=f"Un arbre, le numéro {number}.")

    page = client.get(URL, {"q": "arbre", "type": "contribution"}).content.decode()

    assert "21 results" in page
    assert 'href="?q=arbre&amp;type=contribution&amp;page=2" rel="next"' in page
    second = client.get(URL, {"q": "arbre", "type": "contribution", "page": "2"})
    assert second.content.decode().count('class="search-result"') == 1


def _contributions(topic, number: int) -> None:
    """`number` contributions saying "tramway", indexed as a rebuild does (fast)."""
    now = timezone.now()
    Contribution.objects.bulk_create(
        Contribution(topic=topic, kind="for", text=f"Le tramway, avis {n}.", created_at=now)
        for n in range(number)
    )
    index.rebuild()


@pytest.mark.parametrize("number", [10, 1000])
def test_the_queries_do_not_grow_with_the_results(client, django_assert_num_queries, number):
    _contributions(TopicFactory(), number)

    # 1 the neighbourhoods the filter offers, 2 the count of matches, 3 the page of entries,
    # 4 their neighbourhoods.
    with django_assert_num_queries(4):
        response = client.get(URL, {"q": "tramway"})
    assert response.content.decode().count('class="search-result"') == min(number, 20)


def test_every_page_has_a_search_box_in_its_header(client, english):
    page = client.get("/").content.decode()
    assert '<form class="site-search" method="get" action="/recherche/" role="search"' in page
    assert '<label for="site-search" class="visually-hidden">Search the site</label>' in page
    assert '<input type="search" id="site-search" name="q"' in page


@pytest.mark.django_db(transaction=True)
def test_a_search_asked_again_is_served_whole_until_something_changes(
    client, settings, city_staff, english
):
    settings.ATELIERS_PAGE_CACHE = True
    contribution = ContributionFactory(text="Une fontaine sur la place.")
    first = client.get(URL, {"q": "fontaine"})
    again = client.get(URL, {"q": "fontaine"})
    assert first.templates and not again.templates  # the second was kept whole
    assert again.content == first.content
    assert "1 result" in again.content.decode()

    debate.contribution_hide(contribution=contribution, reason="Injure.", by=city_staff)

    after = client.get(URL, {"q": "fontaine"})
    assert after.templates
    assert "1 result" not in after.content.decode()
