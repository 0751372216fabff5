"""The word-level difference between two texts: escaped, announced, exact."""

import re

import pytest
from django.utils.html import escape, strip_tags

from ateliers.recommendations.diff import diff_html, pieces, tokens
from tests.xss import PAYLOADS, live_problems


def marked(html: str) -> list[tuple[str, str]]:
    """(tag, text) of each insertion and deletion, without its hidden words."""
    found = re.findall(r"<(ins|del)>(.*?)</\1>", html, flags=re.DOTALL)
    return [
        (tag, re.sub(r'<span class="visually-hidden">.*?</span>', "", body)) for tag, body in found
    ]


def test_a_changed_word_is_deleted_then_inserted_and_announced():
    html = diff_html("Fermer la rue le samedi.", "Fermer la rue le dimanche.")

    assert marked(html) == [("del", "samedi"), ("ins", "dimanche")]
    assert '<span class="visually-hidden">deleted: </span>' in html
    assert '<span class="visually-hidden"> end of deletion</span>' in html
    assert '<span class="visually-hidden">inserted: </span>' in html
    assert '<span class="visually-hidden"> end of insertion</span>' in html
    assert html.startswith("Fermer la rue le ") and html.endswith(".")


def test_markdown_punctuation_changes_on_its_own():
    html = diff_html("Des bancs à l'ombre.", "Des **bancs** à l'ombre.")

    assert marked(html) == [("ins", "**"), ("ins", "**")]


def test_whitespace_and_line_breaks_are_kept():
    before, after = "- un\n- deux\n\nfin", "- un\n- trois\n\nfin"
    assert "".join(tokens(after)) == after
    assert strip_tags(diff_html(before, after)).count("\n") >= 3
    assert "".join(p.text for p in pieces(before, after) if p.kind != "deleted") == after
    assert "".join(p.text for p in pieces(before, after) if p.kind != "inserted") == before


def test_identical_texts_have_no_change():
    text = "Une rue piétonne le samedi matin, à l'essai."
    assert diff_html(text, text) == escape(text)
    assert diff_html("", "") == ""


def test_from_or_to_an_empty_text():
    assert marked(diff_html("", "Un texte.")) == [("ins", "Un texte.")]
    assert marked(diff_html("Un texte.", "")) == [("del", "Un texte.")]


def test_unicode_words_stay_whole():
    assert tokens("Œuvre l’été 😀 naïve") == ["Œuvre", " ", "l’été", " ", "😀", " ", "naïve"]
    assert marked(diff_html("un café crème", "un café noir")) == [("del", "crème"), ("ins", "noir")]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_in_either_text_is_escaped_never_live(payload):
    for html in (
        diff_html("Un texte.", f"Un texte. {payload}"),
        diff_html(f"{payload} Un texte.", "Un texte."),
        diff_html(payload, payload),
    ):
        assert live_problems(f"<div>{html}</div>") == []
        tags = set(re.findall(r"<\s*/?\s*([a-zA-Z]+)", html))
        assert tags <= {"ins", "del", "span"}


def test_a_long_text_with_frequent_words_is_still_compared_word_by_word():
    before = " ".join(["de la rue"] * 2_000)
    after = before.replace("rue", "place", 1)
    assert marked(diff_html(before, after)) == [("del", "rue"), ("ins", "place")]
