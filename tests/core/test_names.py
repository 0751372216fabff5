"""Names show what they say: invisible characters go, text-reversing ones are refused, and a
name made of nothing visible is refused — in the service, the form field, and every page that
takes a name."""

import pytest
from allauth.account.models import EmailAddress
from django import forms
from django.urls import reverse

from ateliers.core.errors import InvalidInput
from ateliers.core.fields import NameField
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.councils.models import Council
from ateliers.workshops.models import Participation, Workshop
from tests.factories import WorkshopFactory
from tests.french import french

ZERO_WIDTH_ONLY = "\u200b\u200b\ufeff\u2060"
RIGHT_TO_LEFT_OVERRIDE = "Alice\u202eecnelaV"  # would display as "AliceValence"
NOTHING_VISIBLE = "The name must contain letters or digits."
REVERSED = "The name contains characters that reverse the text direction: remove them."


# clean_name


@pytest.mark.parametrize(
    "name", [ZERO_WIDTH_ONLY, "\u00ad", "\u3164\u3164", " \t\u200b ", "\u0301"]
)
def test_a_name_of_nothing_visible_is_refused(english, name):
    with pytest.raises(InvalidInput) as refusal:
        clean_name(name, field="display_name")

    assert refusal.value.errors == {"display_name": [NOTHING_VISIBLE]}


@pytest.mark.parametrize("override", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_characters_that_reverse_the_text_are_refused(english, override):
    with pytest.raises(InvalidInput) as refusal:
        clean_name(f"Alice{override}Dupont", field="name")

    assert refusal.value.errors == {"name": [REVERSED]}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ali\u200bce Du\u2060pont", "Alice Dupont"),  # zero-width space and word joiner
        ("Alice\u00adDupont", "AliceDupont"),  # soft hyphen
        ("\ufeffAlice", "Alice"),  # byte order mark
        ("  Alice   \u00a0 Dupont  ", "Alice Dupont"),
        ("Alice\tDupont", "Alice Dupont"),
        ("Alice\r\nDupont", "Alice Dupont"),
        ("Alice\u2028Dupont", "Alice Dupont"),  # line separator
        ("Cafe\u0301 des parents", "Café des parents"),  # composed (NFC)
    ],
)
def test_invisible_characters_go_and_spaces_collapse(typed, stored):
    assert clean_name(typed) == stored


@pytest.mark.parametrize(
    "name",
    [
        "می\u200cخواهم",  # Persian: the zero-width non-joiner shapes the letters
        "क्\u200dष",  # Devanagari: the zero-width joiner
        "Famille 👩\u200d👩\u200d👧",  # an emoji family
        "Zoë O'Brien-Nakamura",
        "Jardin n°2",
    ],
)
def test_names_that_need_their_joiners_are_kept_as_typed(name):
    assert clean_name(name) == name


# The form field


class NameForm(forms.Form):
    name = NameField(max_length=10)


@pytest.mark.parametrize(
    ("typed", "error"), [(ZERO_WIDTH_ONLY, NOTHING_VISIBLE), (RIGHT_TO_LEFT_OVERRIDE, REVERSED)]
)
def test_the_field_refuses_with_the_message(english, typed, error):
    form = NameForm({"name": typed})

    assert not form.is_valid()
    assert form.errors["name"] == [error]


def test_the_field_gives_the_cleaned_name_and_counts_its_length_after_cleaning():
    form = NameForm({"name": "\u200bAli\u200bce\u200b \u200b \u200bB\u200b"})

    assert form.is_valid()
    assert form.cleaned_data["name"] == "Alice B"


# Through the pages (French)

HOSTILE_NAMES = pytest.mark.parametrize(
    ("typed", "error"),
    [(ZERO_WIDTH_ONLY, NOTHING_VISIBLE), (RIGHT_TO_LEFT_OVERRIDE, REVERSED)],
    ids=["zero-width", "right-to-left"],
)


def assert_refused_in_french(response, error: str) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert french(error) in page
    assert 'class="form-errors"' in page


@pytest.mark.django_db
@HOSTILE_NAMES
def test_the_profile_page_refuses_the_name(client, resident, typed, error):
    client.force_login(resident)

    response = client.post(reverse("profile"), {"display_name": typed})

    assert_refused_in_french(response, error)
    resident.refresh_from_db()
    assert resident.display_name == "Alice Habitante"


@pytest.mark.django_db
def test_the_profile_page_stores_the_cleaned_name(client, resident):
    client.force_login(resident)

    client.post(reverse("profile"), {"display_name": " Alice\u200b   Dupont "})

    resident.refresh_from_db()
    assert resident.display_name == "Alice Dupont"


@pytest.mark.django_db
@HOSTILE_NAMES
def test_sign_up_refuses_the_name(client, typed, error):
    password = "un-jardin-partagé-2026"
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nadia@example.org",
            "password1": password,
            "password2": password,
            "display_name": typed,
        },
    )

    assert_refused_in_french(response, error)
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert not EmailAddress.objects.filter(email="nadia@example.org").exists()


@pytest.mark.django_db
@HOSTILE_NAMES
def test_the_council_form_refuses_the_name(client, city_staff, typed, error):
    client.force_login(city_staff)

    response = client.post(reverse("councils:create"), {"kind": Council.Kind.YOUTH, "name": typed})

    assert_refused_in_french(response, error)
    assert not Council.objects.exists()


@pytest.mark.django_db
@HOSTILE_NAMES
def test_joining_as_an_association_refuses_the_name(client, resident, typed, error):
    workshop = WorkshopFactory(capacity=10)
    client.force_login(resident)

    response = client.post(
        reverse("workshops:join", args=[workshop.slug]),
        {"capacity": "association", "association_name": typed},
    )

    assert_refused_in_french(response, error)
    assert not Participation.objects.exists()
    assert Workshop.objects.get(pk=workshop.pk).participant_count == 0
