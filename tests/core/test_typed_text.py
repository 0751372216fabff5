"""Names and free text keep what people write, and refuse what would show something else."""

import pytest
from django.core.exceptions import ValidationError

from ateliers.core import fields
from ateliers.core.errors import InvalidInput
from ateliers.core.names import clean_name
from ateliers.core.texts import clean_text


@pytest.mark.parametrize(
    "text",
    [
        "Première ligne.\n\n\tDeuxième ligne, après un retour.",
        "Le jardin 🧑\u200d🌾 des Tilleuls",  # an emoji sequence joined by U+200D
        "می\u200cخواهم",  # Persian needs the zero-width non-joiner
        "Un texte\u00a0: avec une espace insécable",
    ],
)
def test_free_text_is_kept_as_written(text):
    assert clean_text(text) == text


@pytest.mark.parametrize("text", ["\u200b\u200b", " \u200b\n\u2060 ", "\u00ad"])
def test_free_text_with_nothing_visible_is_empty(text):
    assert clean_text(text) == ""
    with pytest.raises(ValidationError, match="required|obligatoire"):
        fields.TextField().clean(text)
    assert fields.TextField(required=False).clean(text) == ""


@pytest.mark.parametrize("clean", [clean_text, clean_name])
@pytest.mark.parametrize("value", ["\u202eevil", "abc\u2066def", "caf\ufffd", "a\ud800b"])
def test_direction_tricks_and_unreadable_characters_are_refused(clean, value):
    with pytest.raises(InvalidInput):
        clean(value)


def test_names_lose_invisible_characters_but_keep_joiners():
    assert clean_name("  Alice\u200b  du\u00ad Centre ") == "Alice du Centre"
    assert clean_name("Jardin 🧑\u200d🌾") == "Jardin 🧑\u200d🌾"


def test_a_nul_byte_is_refused_in_names_and_text():
    for field in (fields.NameField(), fields.TextField()):
        with pytest.raises(ValidationError):
            field.clean("Ali\x00ce")
