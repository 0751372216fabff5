"""What people write in Markdown is shown formatted, and nothing in it can run."""

import re

import pytest

from ateliers.core.markdown import ALLOWED_TAGS, render_markdown


def test_emphasis_lists_and_links_are_kept():
    html = render_markdown("**Ordre du jour**\n\n1. Accueil\n2. Le [plan](https://ex.org/plan)")

    assert "<strong>Ordre du jour</strong>" in html
    assert "<ol>" in html and "<li>Accueil</li>" in html
    assert '<a href="https://ex.org/plan" rel="nofollow ugc noopener noreferrer">plan</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[clic](javascript:alert(1))",
        '<a href="javascript:alert(1)">clic</a>',
        "[clic](data:text/html,<script>alert(1)</script>)",
        "<iframe src=https://evil.example></iframe>",
        '<p onclick="alert(1)">x</p>',
    ],
)
def test_nothing_written_can_run(text):
    html = render_markdown(text).lower()

    tags = re.findall(r"<[^>]*>", html)
    assert all(tag.split()[0].strip("</>") in ALLOWED_TAGS for tag in tags), tags
    assert not any(re.search(r"\son\w+=", tag) for tag in tags)
    # Typed HTML shows as text (escaped); only the links Markdown made are tags.
    assert not any('href="javascript' in tag or 'href="data' in tag for tag in tags)


def test_headings_start_below_the_pages_own():
    assert "<h3>Décisions</h3>" in render_markdown("# Décisions")
