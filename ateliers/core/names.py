"""Names typed by people (display names, council and association names, titles).

A name must show what it says. Invisible characters (zero-width spaces, joiners, soft
hyphens, control characters, Hangul fillers) are removed; tabs and line breaks count as
spaces, and runs of spaces become one; a name left with no letter or digit is refused;
characters that reverse or reorder the text around them (bidirectional overrides and
isolates, the "Trojan Source" trick) are refused, since they make a name display as
something else. Characters that could not be read (the replacement character that stands
for bytes that were not text, lone surrogates) are refused too.
"""

import unicodedata

from django.utils.translation import gettext_lazy as _

from .errors import InvalidInput

# Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Joiners that some scripts need between letters (Persian, Indic scripts, emoji sequences).
KEPT_FORMAT_CHARACTERS = frozenset({"\u200c", "\u200d"})
# Control, format, private-use and unassigned characters.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn"})
# Hangul fillers: classed as letters, yet they show nothing (a favourite for blank names).
FILLERS = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0"})
# What a server puts in place of bytes that were not valid UTF-8.
REPLACEMENT_CHARACTER = "\ufffd"


def is_invisible(character: str) -> bool:
    if character in KEPT_FORMAT_CHARACTERS:
        return False
    if character.isspace():
        # Tabs, line breaks and other spaces separate words: collapsed, not removed.
        return False
    return character in FILLERS or unicodedata.category(character) in INVISIBLE_CATEGORIES


def is_unreadable(character: str) -> bool:
    """What was not text: bytes the server could not decode, or half of a UTF-16 pair."""
    return character == REPLACEMENT_CHARACTER or unicodedata.category(character) == "Cs"


def clean_name(value: str, *, field: str | None = None) -> str:
    """The name as it will be stored, or InvalidInput naming `field`."""
    if any(character in BIDI_CONTROLS for character in value):
        raise InvalidInput(
            _("The name contains characters that reverse the text direction: remove them."),
            field=field,
        )
    if any(is_unreadable(character) for character in value):
        raise InvalidInput(
            _("The name contains characters that could not be read: type it again."), field=field
        )
    visible = "".join(character for character in value if not is_invisible(character))
    name = " ".join(unicodedata.normalize("NFC", visible).split())
    if not any(unicodedata.category(character)[0] in "LN" for character in name):
        raise InvalidInput(_("The name must contain letters or digits."), field=field)
    return name
