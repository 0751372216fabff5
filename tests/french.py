"""What a French reader sees of a source string, as a page's HTML writes it."""

from django.utils.html import escape
from django.utils.translation import gettext, override


def french(text: str, **params) -> str:
    """The French translation of `text`, filled with `params` and HTML-escaped.

    (CI's translation step makes sure every source string has its French.)"""
    with override("fr"):
        translated = gettext(text)
    return escape(translated % params if params else translated)
