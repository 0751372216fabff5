"""The city manages councils and their members' mandates on the site and in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.bodies.models import Body, Mandate
from tests.factories import MandateFactory, ThemeFactory, UserFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff_client(client, city_staff):
    client.force_login(city_staff)
    return client


def _add_mandate(client, body, **data):
    return client.post(reverse("bodies:mandates", args=[body.slug]), data)


# Councils


def test_staff_create_a_council_and_land_on_its_mandates(staff_client):
    theme = ThemeFactory()
    response = staff_client.post(
        reverse("bodies:create"),
        {
            "kind": Body.Kind.FOREIGN_RESIDENTS,
            "name": "Conseil des résidents étrangers",
            "themes": [theme.pk],
        },
    )
    body = Body.objects.get()
    assert response.url == reverse("bodies:mandates", args=[body.slug])
    assert body.slug == "conseil-des-residents-etrangers"
    assert body.neighbourhood is None
    assert list(body.themes.all()) == [theme]


def test_a_neighbourhood_council_needs_its_neighbourhood(staff_client):
    response = staff_client.post(
        reverse("bodies:create"), {"kind": Body.Kind.NEIGHBOURHOOD, "name": "Conseil Sud"}
    )
    assert response.status_code == 200
    assert "Choose the neighbourhood of this council." in response.content.decode()
    assert not Body.objects.exists()


def test_two_councils_cannot_share_a_name(staff_client, body):
    response = staff_client.post(
        reverse("bodies:create"),
        {"kind": Body.Kind.YOUTH, "name": body.name.upper()},
    )
    assert "A council with this name already exists." in response.content.decode()
    assert Body.objects.count() == 1


def test_renaming_a_council_keeps_its_address(staff_client, body):
    staff_client.post(
        reverse("bodies:edit", args=[body.slug]),
        {"kind": body.kind, "name": "Conseil des Platanes", "neighbourhood": body.neighbourhood_id},
    )
    body.refresh_from_db()
    assert body.name == "Conseil des Platanes"
    assert body.slug == "tilleuls"


# Mandates


def test_staff_add_a_mandate(staff_client, body):
    person = UserFactory(display_name="Nina Nouvelle", email="nina@example.org")
    page = staff_client.get(reverse("bodies:mandates", args=[body.slug])).content.decode()
    assert "Nina Nouvelle &lt;nina@example.org&gt;" in page  # chosen by name and e-mail
    response = _add_mandate(
        staff_client, body, user=person.pk, role="secretary", starts_on="2026-01-05"
    )
    assert response.status_code == 302
    mandate = Mandate.objects.get(user=person)
    assert (mandate.body, mandate.role, mandate.starts_on, mandate.ends_on) == (
        body,
        "secretary",
        datetime.date(2026, 1, 5),
        None,
    )


def test_a_mandate_cannot_end_before_it_starts(staff_client, body):
    person = UserFactory()
    response = _add_mandate(
        staff_client,
        body,
        user=person.pk,
        role="member",
        starts_on="2026-03-01",
        ends_on="2026-02-01",
    )
    assert response.status_code == 200
    assert "The mandate cannot end before it starts." in response.content.decode()
    assert not Mandate.objects.exists()


def test_a_council_has_one_current_president(staff_client, body, president):
    candidate = UserFactory()
    response = _add_mandate(
        staff_client,
        body,
        user=candidate.pk,
        role="president",
        starts_on=str(timezone.localdate()),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This council already has a president for these dates: Paula Présidente." in html
    assert not Mandate.objects.filter(user=candidate).exists()


def test_a_new_president_may_follow_an_ended_one(staff_client, body, former_president):
    candidate = UserFactory()
    _add_mandate(
        staff_client, body, user=candidate.pk, role="president", starts_on=str(timezone.localdate())
    )
    assert Mandate.objects.filter(user=candidate, role="president").exists()


def test_a_future_president_may_not_overlap_an_open_ended_one(staff_client, body, president):
    candidate = UserFactory()
    later = timezone.localdate() + 400 * DAY
    _add_mandate(staff_client, body, user=candidate.pk, role="president", starts_on=str(later))
    assert not Mandate.objects.filter(user=candidate).exists()


def test_promoting_a_member_to_a_second_president_is_refused(staff_client, body, president):
    mandate = MandateFactory(body=body, role="member")
    response = staff_client.post(
        reverse("bodies:mandate_edit", args=[body.slug, mandate.pk]),
        {"role": "president", "starts_on": str(mandate.starts_on)},
    )
    assert "already has a president" in response.content.decode()
    mandate.refresh_from_db()
    assert mandate.role == "member"


def test_presidents_of_different_councils_do_not_clash(staff_client, body, president):
    other = MandateFactory(role="member").body
    candidate = UserFactory()
    _add_mandate(staff_client, other, user=candidate.pk, role="president", starts_on="2025-01-01")
    assert Mandate.objects.filter(body=other, role="president").exists()


def test_ending_a_mandate_moves_the_person_to_former_members(staff_client, body, president):
    mandate = Mandate.objects.get(user=president)
    yesterday = timezone.localdate() - DAY
    response = staff_client.post(
        reverse("bodies:mandate_edit", args=[body.slug, mandate.pk]),
        {"role": "president", "starts_on": str(mandate.starts_on), "ends_on": str(yesterday)},
    )
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.ends_on == yesterday
    page = staff_client.get(body.get_absolute_url()).content.decode()
    past = page[page.index('id="past-heading"') : page.index('id="workshops-heading"')]
    assert "Paula Présidente" in past
    # Without a current mandate she may no longer propose on the council's behalf.
    staff_client.force_login(president)
    assert staff_client.get(reverse("bodies:propose", args=[body.slug])).status_code == 403


def test_editing_a_mandate_rejects_an_end_before_its_start(staff_client, body, member):
    mandate = Mandate.objects.get(user=member)
    staff_client.post(
        reverse("bodies:mandate_edit", args=[body.slug, mandate.pk]),
        {"role": "member", "starts_on": "2026-01-10", "ends_on": "2026-01-01"},
    )
    mandate.refresh_from_db()
    assert mandate.ends_on is None


def test_deleting_a_mandate_asks_for_confirmation(staff_client, body, member):
    mandate = Mandate.objects.get(user=member)
    url = reverse("bodies:mandate_delete", args=[body.slug, mandate.pk])
    confirm = staff_client.get(url)
    assert "Are you sure you want to delete the mandate of Marc Membre" in confirm.content.decode()
    assert Mandate.objects.filter(pk=mandate.pk).exists()
    staff_client.post(url)
    assert not Mandate.objects.filter(pk=mandate.pk).exists()


def test_a_mandate_is_reached_through_its_own_council_only(staff_client, body, member):
    other = MandateFactory().body
    mandate = Mandate.objects.get(user=member)
    url = reverse("bodies:mandate_delete", args=[other.slug, mandate.pk])
    assert staff_client.post(url).status_code == 404
    assert Mandate.objects.filter(pk=mandate.pk).exists()


# Django's admin


@pytest.mark.parametrize(
    "url_name",
    ["bodies_body_changelist", "bodies_mandate_changelist", "bodies_workshopproposal_changelist"],
)
def test_the_admin_lists_councils_mandates_and_proposals(client, body, member, url_name):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(f"admin:{url_name}"))
    assert response.status_code == 200


def test_the_admin_edits_a_council_with_its_mandates_inline(client, body, member):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:bodies_body_change", args=[body.pk])).content.decode()
    assert "mandates-TOTAL_FORMS" in html


@pytest.mark.parametrize("count", [1, 8])
def test_mandates_page_query_budget_does_not_grow(
    staff_client, body, django_assert_num_queries, count
):
    MandateFactory.create_batch(count, body=body)
    # 1 the council, 2 session, 3 user, 4 its mandates with their people, 5 the people to
    # choose from for a new mandate.
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("bodies:mandates", args=[body.slug]))
    assert response.status_code == 200


def test_the_list_leads_staff_to_management_and_proposals(client, staff_client, resident):
    staff_page = staff_client.get(reverse("bodies:list")).content.decode()
    assert reverse("bodies:create") in staff_page
    assert reverse("bodies:proposals") in staff_page
    client.force_login(resident)
    resident_page = client.get(reverse("bodies:list")).content.decode()
    assert reverse("bodies:create") not in resident_page
    assert reverse("bodies:proposals") not in resident_page


def test_the_mandate_form_shows_dates_the_date_picker_can_read(staff_client, body, member):
    mandate = Mandate.objects.get(user=member)
    staff_client.cookies["django_language"] = "fr"
    page = staff_client.get(reverse("bodies:mandate_edit", args=[body.slug, mandate.pk]))
    page = page.content.decode()
    assert f'type="date" name="starts_on" value="{mandate.starts_on.isoformat()}"' in page


def test_a_new_mandate_defaults_to_a_plain_member_from_today(staff_client, body):
    form = staff_client.get(reverse("bodies:mandates", args=[body.slug])).context["form"]
    assert form["role"].value() == Mandate.Role.MEMBER
    assert form["starts_on"].value() == timezone.localdate()
