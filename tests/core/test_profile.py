"""The profile page: a person edits the name shown next to their contributions."""

import pytest
from django.urls import reverse

from tests.factories import NeighbourhoodFactory

from .html_checks import assert_page_is_clean


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('profile')}"


@pytest.mark.django_db
def test_anonymous_post_changes_nothing(client, resident):
    response = client.post(reverse("profile"), {"display_name": "Pirate"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Alice Habitante"


@pytest.mark.django_db
def test_profile_shows_current_values_and_account_links(client, resident):
    client.force_login(resident)
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Alice Habitante"' in html
    assert reverse("account_change_password") in html
    assert reverse("account_email") in html
    assert_page_is_clean(html)


@pytest.mark.django_db
def test_profile_edit_saves_name_and_neighbourhood(client, resident):
    neighbourhood = NeighbourhoodFactory(name="Les Tilleuls")
    client.force_login(resident)
    response = client.post(
        reverse("profile"),
        {"display_name": "Alice des Tilleuls", "neighbourhood": neighbourhood.pk},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Alice des Tilleuls"
    assert resident.neighbourhood == neighbourhood
    # The confirmation is shown on the page the person lands on.
    response = client.get(response.url)
    assert len(list(response.context["messages"])) == 1


@pytest.mark.django_db
def test_neighbourhood_can_be_left_unsaid(client, resident):
    resident.neighbourhood = NeighbourhoodFactory()
    resident.save()
    client.force_login(resident)
    client.post(reverse("profile"), {"display_name": "Alice", "neighbourhood": ""})
    resident.refresh_from_db()
    assert resident.neighbourhood is None


@pytest.mark.django_db
def test_blank_name_is_refused_next_to_the_field(client, resident):
    client.force_login(resident)
    response = client.post(reverse("profile"), {"display_name": "   ", "neighbourhood": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert 'aria-invalid="true"' in html
    assert_page_is_clean(html)
    resident.refresh_from_db()
    assert resident.display_name == "Alice Habitante"


@pytest.mark.django_db
def test_unknown_neighbourhood_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(reverse("profile"), {"display_name": "Alice", "neighbourhood": 999})
    assert response.status_code == 200
    assert response.context["form"].errors["neighbourhood"]
    resident.refresh_from_db()
    assert resident.display_name == "Alice Habitante"


@pytest.mark.django_db
def test_profile_page_query_budget(client, resident, django_assert_num_queries):
    NeighbourhoodFactory.create_batch(8)
    client.force_login(resident)
    # 1 user (the session comes from the cache), 2 the neighbourhood choices (all at once).
    # The menu's permission checks are rules: no query (no permission table is read).
    with django_assert_num_queries(2):
        response = client.get(reverse("profile"))
    assert response.status_code == 200
