"""Results' titles and snippets with the words of the query in <mark>. The text is escaped
first, piece by piece: only our own <mark> tags reach the page."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .words import WORD, stem

# Characters of text shown around the first match.
SNIPPET_LENGTH = 240
BEFORE_MATCH = 60


def _marked(text: str, wanted: frozenset[str]) -> str:
    pieces, last = [], 0
    for match in WORD.finditer(text):
        if stem(match.group()) in wanted:
            pieces.append(escape(text[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def highlight(text: str, wanted: frozenset[str]) -> SafeString:
    return mark_safe(_marked(text, wanted))  # noqa: S308 (escaped piece by piece)


def snippet(text: str, wanted: frozenset[str]) -> SafeString:
    """About SNIPPET_LENGTH characters of `text`, from a little before its first match."""
    start = 0
    for match in WORD.finditer(text):
        if stem(match.group()) in wanted:
            start = max(0, match.start() - BEFORE_MATCH)
            break
    # Start and end on whole words.
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = start + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    shown = _marked(" ".join(text[start:end].split()), wanted)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + shown + suffix)  # noqa: S308 (escaped piece by piece)
