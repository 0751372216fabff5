"""Every page of ours says which methods it takes: anything else gets a 405 page in French
with an Allow header, before any other check (login, permission, object lookup).

The pages are read from the URL patterns, so a new view without `require_http_methods` (or
require_GET / require_POST) fails here.
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from tests.french import french

pytestmark = pytest.mark.django_db


def _views(patterns, namespace=""):
    """(namespaced name, URL pattern) of every named view."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def our_pages() -> list[str]:
    """A URL for each view of the ateliers apps (not allauth's, the admin's or i18n's), with
    placeholder arguments: they need not exist, the method is refused first."""
    urls = []
    for name, pattern in _views(get_resolver().url_patterns):
        # The admin's views are wrapped by our admin site, but stay Django's.
        if name.startswith("admin:") or not pattern.callback.__module__.startswith("ateliers."):
            continue
        converters = getattr(pattern.pattern, "converters", {})
        kwargs = {
            key: 1 if isinstance(converter, IntConverter) else "x"
            for key, converter in converters.items()
        }
        urls.append(reverse(name, kwargs=kwargs))
    return sorted(urls)


PAGES = our_pages()


def test_the_walk_finds_the_sites_pages():
    assert {"/", "/ateliers/", "/ateliers/x/", "/conseils/x/mandats/1/", "/activite/"} <= set(PAGES)
    assert not any(url.startswith(("/admin/", "/compte/login")) for url in PAGES)


@pytest.mark.parametrize("method", ["delete", "put"])
@pytest.mark.parametrize("url", PAGES)
def test_other_methods_get_a_405_page_in_french(client, url, method):
    response = getattr(client, method)(url)

    assert response.status_code == 405, f"{method.upper()} {url}"
    assert response["Allow"]
    assert set(response["Allow"].split(", ")) <= {"GET", "HEAD", "POST"}
    assert "405.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert french("Action not possible here") in page
    assert '<html lang="fr">' in page


def test_the_405_page_says_which_methods_the_page_takes(client):
    assert client.put(reverse("workshops:list"))["Allow"] == "GET, HEAD"
    assert client.delete(reverse("profile"))["Allow"] == "GET, POST"


@pytest.mark.django_db
def test_pages_that_only_show_answer_head_as_monitors_and_link_checkers_ask(client):
    """HEAD is GET without the body: uptime monitors and link checkers use it."""
    for name in ("home", "workshops:list", "councils:list", "alive"):
        response = client.head(reverse(name))
        assert response.status_code == 200, name
        assert response.content == b""
