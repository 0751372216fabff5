"""A workshop or a council named like one of the site's fixed addresses ("Nouveau",
"Gestion"…) still gets a page of its own that anyone can reach.

The words to try are read here from the URL patterns, independently of
ateliers/core/slugs.py: every fixed path segment found where a detail page takes its slug. A
fixed address added later beside a detail page is tried at once.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import URLResolver, get_resolver, resolve, reverse

from ateliers.core.models import Neighbourhood, Theme
from ateliers.councils.models import Council
from ateliers.councils.services import council_create
from ateliers.workshops.models import Workshop
from ateliers.workshops.services.lifecycle import workshop_create, workshop_publish
from tests.factories import CouncilFactory, NeighbourhoodFactory, WorkshopFactory
from tests.french import french
from tests.workshops.manage_data import contiguous_phases, next_month_start, workshop_form_data

pytestmark = pytest.mark.django_db

SLUG = "<slug:slug>"


def _routes(patterns, prefix="", namespace=""):
    """(full route, namespaced name) of every URL pattern of the site."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _routes(pattern.url_patterns, route, inner)
        elif pattern.name:
            yield route, f"{namespace}{pattern.name}"


def fixed_words_beside(detail_name: str) -> list[str]:
    """The fixed segments other addresses put where `detail_name` puts its slug."""
    routes = list(_routes(get_resolver().url_patterns))
    detail_route = next(route for route, name in routes if name == detail_name)
    prefix = detail_route[: detail_route.index(SLUG)]
    words = set()
    for route, _name in routes:
        if route.startswith(prefix):
            segment = route[len(prefix) :].split("/")[0]
            if segment and "<" not in segment:
                words.add(segment)
    return sorted(words)


WORKSHOP_WORDS = fixed_words_beside("workshops:detail")
COUNCIL_WORDS = fixed_words_beside("councils:detail")


def title_for(word: str) -> str:
    """What someone would type to get that word as a slug: "mes-ateliers" → "Mes ateliers"."""
    return word.replace("-", " ").capitalize()


def test_the_words_come_from_the_url_patterns_and_do_clash():
    assert {"nouveau", "gestion", "mes-ateliers"} <= set(WORKSHOP_WORDS)
    assert {"nouveau", "propositions"} <= set(COUNCIL_WORDS)
    # Each word, where a slug would go, leads elsewhere than the detail page.
    for word in WORKSHOP_WORDS:
        assert resolve(f"/ateliers/{word}/").view_name != "workshops:detail"
    for word in COUNCIL_WORDS:
        assert resolve(f"/conseils/{word}/").view_name != "councils:detail"


def assert_reachable(client, obj, detail_name: str) -> None:
    url = obj.get_absolute_url()
    assert resolve(url).view_name == detail_name, f"{url} is not {obj}'s page"
    response = client.get(url)
    assert response.status_code == 200
    assert str(obj) in response.content.decode()


# Workshops


@pytest.mark.parametrize("word", WORKSHOP_WORDS)
def test_a_workshop_created_by_the_service_with_a_reserved_title_is_reachable(client, word):
    workshop = workshop_create(
        created_by=None,
        kind=Workshop.Kind.NEIGHBOURHOOD,
        title=title_for(word),
        project="Un projet.",
        objective="Un objectif.",
        evaluation_plan="Une évaluation.",
        neighbourhood=NeighbourhoodFactory(),
        phases=contiguous_phases(next_month_start()),
    )
    workshop_publish(workshop=workshop, by=None)

    assert workshop.slug != word
    assert_reachable(client, workshop, "workshops:detail")


@pytest.mark.parametrize("word", WORKSHOP_WORDS)
def test_a_workshop_created_on_the_page_with_a_reserved_title_is_reachable(
    client, facilitator, word
):
    client.force_login(facilitator)
    data = workshop_form_data(
        neighbourhood=NeighbourhoodFactory(),
        phases=contiguous_phases(next_month_start()),
        title=title_for(word),
    )

    response = client.post(reverse("workshops:create"), data)

    assert response.status_code == 302
    workshop = Workshop.objects.get(title=title_for(word))
    assert workshop.slug != word
    # A draft: its facilitator sees it.
    assert_reachable(client, workshop, "workshops:detail")


def test_the_same_reserved_title_twice_gives_two_reachable_pages(client):
    neighbourhood = NeighbourhoodFactory()
    first, second = (
        workshop_create(
            created_by=None,
            kind=Workshop.Kind.NEIGHBOURHOOD,
            title="Nouveau",
            project="Un projet.",
            objective="Un objectif.",
            evaluation_plan="Une évaluation.",
            neighbourhood=neighbourhood,
            phases=contiguous_phases(next_month_start()),
        )
        for _ in range(2)
    )
    for workshop in (first, second):
        workshop_publish(workshop=workshop, by=None)

    assert first.slug != second.slug
    for workshop in (first, second):
        assert client.get(workshop.get_absolute_url()).context["workshop"] == workshop


# Councils


@pytest.mark.parametrize("word", COUNCIL_WORDS)
def test_a_council_created_by_the_service_with_a_reserved_name_is_reachable(client, word):
    council = council_create(by=None, kind=Council.Kind.DEVELOPMENT, name=title_for(word))

    assert council.slug != word
    assert_reachable(client, council, "councils:detail")


@pytest.mark.parametrize("word", COUNCIL_WORDS)
def test_a_council_created_on_the_page_with_a_reserved_name_is_reachable(client, city_staff, word):
    client.force_login(city_staff)

    response = client.post(
        reverse("councils:create"), {"kind": Council.Kind.YOUTH, "name": title_for(word)}
    )

    assert response.status_code == 302
    council = Council.objects.get(name=title_for(word))
    assert council.slug != word
    assert_reachable(client, council, "councils:detail")


# The admin, where neighbourhoods' and themes' slugs are typed by hand


@pytest.mark.parametrize("word", sorted({*WORKSHOP_WORDS, *COUNCIL_WORDS}))
@pytest.mark.parametrize("model", [Neighbourhood, Theme], ids=["neighbourhood", "theme"])
def test_the_admin_refuses_a_reserved_slug(client, superuser, model, word):
    client.force_login(superuser)
    url = reverse(f"admin:core_{model._meta.model_name}_add")

    response = client.post(url, {"name": "Un nom", "slug": word, "description": ""})

    assert response.status_code == 200
    refusal = french(
        "“%(slug)s” is a reserved word of the site's addresses: choose another.", slug=word
    )
    assert refusal in response.content.decode()
    assert not model.objects.exists()
    # The same form with an ordinary slug saves.
    response = client.post(url, {"name": "Un nom", "slug": f"{word}-bis", "description": ""})
    assert response.status_code == 302
    assert model.objects.get().slug == f"{word}-bis"


# The migrations that gave existing rows other slugs


def tidy(app_label: str, migration: str):
    """The data step of a migration (its module name starts with a digit: no plain import)."""
    module = importlib.import_module(f"ateliers.{app_label}.migrations.{migration}")
    return module.tidy_existing_rows


def test_the_migrations_rename_nothing_when_no_row_uses_a_reserved_word():
    workshops = {w.pk: w.slug for w in WorkshopFactory.create_batch(3)}
    councils = {c.pk: c.slug for c in CouncilFactory.create_batch(3)}

    tidy("workshops", "0005_plausible_values")(apps, None)
    tidy("councils", "0004_plausible_unique_mandates")(apps, None)

    assert dict(Workshop.objects.values_list("pk", "slug")) == workshops
    assert dict(Council.objects.values_list("pk", "slug")) == councils


def test_the_migrations_move_a_row_off_a_reserved_word():
    workshop = WorkshopFactory()
    council = CouncilFactory()
    WorkshopFactory(slug="nouveau-2")  # taken: the next free suffix is used
    # As rows made before the words were reserved (an update skips the validators).
    Workshop.objects.filter(pk=workshop.pk).update(slug="nouveau")
    Council.objects.filter(pk=council.pk).update(slug="propositions")

    tidy("workshops", "0005_plausible_values")(apps, None)
    tidy("councils", "0004_plausible_unique_mandates")(apps, None)

    workshop.refresh_from_db()
    council.refresh_from_db()
    assert workshop.slug == "nouveau-3"
    assert council.slug == "propositions-2"
