"""The city manages councils and their members' mandates on the site and in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.councils.models import Council, Mandate
from tests.factories import MandateFactory, NeighbourhoodFactory, ThemeFactory, UserFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff_client(client, city_staff):
    client.force_login(city_staff)
    return client


def _add_mandate(client, council, **data):
    return client.post(reverse("councils:mandates", args=[council.slug]), data)


# Councils


def test_staff_create_a_council_and_land_on_its_mandates(staff_client):
    theme = ThemeFactory()
    response = staff_client.post(
        reverse("councils:create"),
        {
            "kind": Council.Kind.FOREIGN_RESIDENTS,
            "name": "Conseil des résidents étrangers",
            "themes": [theme.pk],
        },
    )
    council = Council.objects.get()
    assert response.url == reverse("councils:mandates", args=[council.slug])
    assert council.slug == "conseil-des-residents-etrangers"
    assert council.neighbourhood is None
    assert list(council.themes.all()) == [theme]


def test_a_neighbourhood_council_needs_its_neighbourhood(staff_client):
    response = staff_client.post(
        reverse("councils:create"), {"kind": Council.Kind.NEIGHBOURHOOD, "name": "Conseil Sud"}
    )
    assert response.status_code == 200
    assert "Choose the neighbourhood of this council." in response.content.decode()
    assert not Council.objects.exists()


def test_two_councils_cannot_share_a_name(staff_client, council):
    response = staff_client.post(
        reverse("councils:create"),
        {"kind": Council.Kind.YOUTH, "name": council.name.upper()},
    )
    assert "A council with this name already exists." in response.content.decode()
    assert Council.objects.count() == 1


def test_renaming_a_council_keeps_its_address(staff_client, council):
    staff_client.post(
        reverse("councils:edit", args=[council.slug]),
        {
            "kind": council.kind,
            "name": "Conseil des Platanes",
            "neighbourhood": council.neighbourhood_id,
        },
    )
    council.refresh_from_db()
    assert council.name == "Conseil des Platanes"
    assert council.slug == "tilleuls"


# Mandates


def test_staff_add_a_mandate(staff_client, council):
    person = UserFactory(
        display_name="Nina Nouvelle",
        email="nina@example.org",
        neighbourhood=NeighbourhoodFactory(name="Les Aubépines"),
    )
    UserFactory(display_name="Paul Autre")
    url = reverse("councils:mandates", args=[council.slug])
    # Found by part of the name: shown by name and neighbourhood, never by e-mail address.
    page = staff_client.get(url, {"personne": "nouv"}).content.decode()
    assert "Nina Nouvelle — Les Aubépines" in page
    assert "Paul Autre" not in page
    assert "nina@example.org" not in page
    # Or by the exact address, which is still not shown.
    page = staff_client.get(url, {"personne": "NINA@example.org"}).content.decode()
    assert f'value="{person.pk}"' in page and "nina@example.org" not in page
    response = _add_mandate(
        staff_client, council, user=person.pk, role="secretary", starts_on="2026-01-05"
    )
    assert response.status_code == 302
    mandate = Mandate.objects.get(user=person)
    assert (mandate.council, mandate.role, mandate.starts_on, mandate.ends_on) == (
        council,
        "secretary",
        datetime.date(2026, 1, 5),
        None,
    )


def test_a_mandate_cannot_end_before_it_starts(staff_client, council):
    person = UserFactory()
    response = _add_mandate(
        staff_client,
        council,
        user=person.pk,
        role="member",
        starts_on="2026-03-01",
        ends_on="2026-02-01",
    )
    assert response.status_code == 200
    assert "The mandate cannot end before it starts." in response.content.decode()
    assert not Mandate.objects.exists()


def test_a_council_has_one_current_president(staff_client, council, president):
    candidate = UserFactory()
    response = _add_mandate(
        staff_client,
        council,
        user=candidate.pk,
        role="president",
        starts_on=str(timezone.localdate()),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This council already has a president for these dates: Paula Présidente." in html
    assert not Mandate.objects.filter(user=candidate).exists()


def test_a_new_president_may_follow_an_ended_one(staff_client, council, former_president):
    candidate = UserFactory()
    _add_mandate(
        staff_client,
        council,
        user=candidate.pk,
        role="president",
        starts_on=str(timezone.localdate()),
    )
    assert Mandate.objects.filter(user=candidate, role="president").exists()


def test_a_future_president_may_not_overlap_an_open_ended_one(staff_client, council, president):
    candidate = UserFactory()
    later = timezone.localdate() + 400 * DAY
    _add_mandate(staff_client, council, user=candidate.pk, role="president", starts_on=str(later))
    assert not Mandate.objects.filter(user=candidate).exists()


def test_promoting_a_member_to_a_second_president_is_refused(staff_client, council, president):
    mandate = MandateFactory(council=council, role="member")
    response = staff_client.post(
        reverse("councils:mandate_edit", args=[council.slug, mandate.pk]),
        {"role": "president", "starts_on": str(mandate.starts_on)},
    )
    assert "already has a president" in response.content.decode()
    mandate.refresh_from_db()
    assert mandate.role == "member"


def test_presidents_of_different_councils_do_not_clash(staff_client, council, president):
    other = MandateFactory(role="member").council
    candidate = UserFactory()
    _add_mandate(staff_client, other, user=candidate.pk, role="president", starts_on="2025-01-01")
    assert Mandate.objects.filter(council=other, role="president").exists()


def test_ending_a_mandate_moves_the_person_to_former_members(staff_client, council, president):
    mandate = Mandate.objects.get(user=president)
    yesterday = timezone.localdate() - DAY
    response = staff_client.post(
        reverse("councils:mandate_edit", args=[council.slug, mandate.pk]),
        {"role": "president", "starts_on": str(mandate.starts_on), "ends_on": str(yesterday)},
    )
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.ends_on == yesterday
    page = staff_client.get(council.get_absolute_url()).content.decode()
    past = page[page.index('id="past-heading"') : page.index('id="workshops-heading"')]
    assert "Paula Présidente" in past
    # Without a current mandate she may no longer propose on the council's behalf.
    staff_client.force_login(president)
    assert staff_client.get(reverse("proposals:create", args=[council.slug])).status_code == 403


def test_editing_a_mandate_rejects_an_end_before_its_start(staff_client, council, member):
    mandate = Mandate.objects.get(user=member)
    staff_client.post(
        reverse("councils:mandate_edit", args=[council.slug, mandate.pk]),
        {"role": "member", "starts_on": "2026-01-10", "ends_on": "2026-01-01"},
    )
    mandate.refresh_from_db()
    assert mandate.ends_on is None


def test_deleting_a_mandate_asks_for_confirmation(staff_client, council, member):
    mandate = Mandate.objects.get(user=member)
    url = reverse("councils:mandate_delete", args=[council.slug, mandate.pk])
    confirm = staff_client.get(url)
    assert "Are you sure you want to delete the mandate of Marc Membre" in confirm.content.decode()
    assert Mandate.objects.filter(pk=mandate.pk).exists()
    staff_client.post(url)
    assert not Mandate.objects.filter(pk=mandate.pk).exists()


def test_a_mandate_is_reached_through_its_own_council_only(staff_client, council, member):
    other = MandateFactory().council
    mandate = Mandate.objects.get(user=member)
    url = reverse("councils:mandate_delete", args=[other.slug, mandate.pk])
    assert staff_client.post(url).status_code == 404
    assert Mandate.objects.filter(pk=mandate.pk).exists()


# Django's admin


@pytest.mark.parametrize(
    "url_name",
    [
        "councils_council_changelist",
        "councils_mandate_changelist",
        "proposals_workshopproposal_changelist",
    ],
)
def test_the_admin_lists_councils_mandates_and_proposals(client, council, member, url_name):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(f"admin:{url_name}"))
    assert response.status_code == 200


def test_the_admin_shows_a_council_with_its_mandates_but_changes_nothing(client, council, member):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:councils_council_change", args=[council.pk])
    html = client.get(url).content.decode()
    assert "Marc Membre" in html
    assert 'name="_save"' not in html
    response = client.post(url, {"name": "Renommé", "kind": council.kind})
    assert response.status_code == 403
    council.refresh_from_db()
    assert council.name == "Conseil de quartier des Tilleuls"


@pytest.mark.parametrize("count", [1, 8])
def test_mandates_page_query_budget_does_not_grow(
    staff_client, council, django_assert_num_queries, count
):
    MandateFactory.create_batch(count, council=council)
    UserFactory.create_batch(count, display_name="Personne à trouver")
    # 1 the council, 2 user (the session comes from the cache), 3 its mandates with their
    # people, 4 the people the search found (at most 20, with their neighbourhood).
    with django_assert_num_queries(4):
        response = staff_client.get(
            reverse("councils:mandates", args=[council.slug]), {"personne": "à trouver"}
        )
    assert response.status_code == 200
    assert response.content.decode().count("Personne à trouver") == count


def test_the_list_leads_staff_to_management_and_proposals(client, staff_client, resident):
    staff_page = staff_client.get(reverse("councils:list")).content.decode()
    assert reverse("councils:create") in staff_page
    assert reverse("proposals:list") in staff_page
    client.force_login(resident)
    resident_page = client.get(reverse("councils:list")).content.decode()
    assert reverse("councils:create") not in resident_page
    assert reverse("proposals:list") not in resident_page


def test_the_mandate_form_shows_dates_the_date_picker_can_read(staff_client, council, member):
    mandate = Mandate.objects.get(user=member)
    staff_client.cookies["django_language"] = "fr"
    page = staff_client.get(reverse("councils:mandate_edit", args=[council.slug, mandate.pk]))
    page = page.content.decode()
    assert f'type="date" name="starts_on" value="{mandate.starts_on.isoformat()}"' in page


def test_a_new_mandate_defaults_to_a_plain_member_from_today(staff_client, council):
    form = staff_client.get(reverse("councils:mandates", args=[council.slug])).context["form"]
    assert form["role"].value() == Mandate.Role.MEMBER
    assert form["starts_on"].value() == timezone.localdate()
