"""The difference between two texts of a recommendation, word by word, as safe HTML.

The texts are compared as their Markdown source (what people typed), never as rendered HTML:
they are cut into words, runs of whitespace and single punctuation marks (so that `**bold**`
or a list's `-` show as changed on their own), compared with difflib, and every piece is
escaped. Each insertion is an `<ins>` and each deletion a `<del>`, with visually hidden words
around it ("inserted:" … "end of insertion") so that a screen reader announces them; the
stylesheet adds a cue that is not a colour (underline, strike-through and a sign).
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# A word (letters, digits, joiners and apostrophes inside it), a run of whitespace, or any
# other single character (Markdown's punctuation among them).
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|\s+|.", re.UNICODE | re.DOTALL)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "inserted" or "deleted"
    text: str


def pieces(before: str, after: str) -> list[Piece]:
    """The pieces of `after` with what `before` had instead: equal, inserted, deleted."""
    old, new = tokens(before), tokens(after)
    # autojunk off: a long text's frequent words ("de", " ") must still be matched.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    result: list[Piece] = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            result.append(Piece("same", "".join(new[new_start:new_end])))
            continue
        if operation in ("delete", "replace"):
            result.append(Piece("deleted", "".join(old[old_start:old_end])))
        if operation in ("insert", "replace"):
            result.append(Piece("inserted", "".join(new[new_start:new_end])))
    return result


def has_changes(before: str, after: str) -> bool:
    return (before or "") != (after or "")


def diff_html(before: str, after: str) -> SafeString:
    """`after` compared with `before`, every piece escaped, changes marked as above."""
    inserted, end_inserted = escape(_("inserted:")), escape(_("end of insertion"))
    deleted, end_deleted = escape(_("deleted:")), escape(_("end of deletion"))
    parts: list[str] = []
    for piece in pieces(before, after):
        text = escape(piece.text)
        if piece.kind == "same":
            parts.append(text)
        elif piece.kind == "inserted":
            parts.append(
                f'<ins><span class="visually-hidden">{inserted} </span>{text}'
                f'<span class="visually-hidden"> {end_inserted}</span></ins>'
            )
        else:
            parts.append(
                f'<del><span class="visually-hidden">{deleted} </span>{text}'
                f'<span class="visually-hidden"> {end_deleted}</span></del>'
            )
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
