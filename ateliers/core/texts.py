"""Free text typed by people (a description, a rationale, a search).

Text keeps what the person wrote, line breaks and joiners included, with the rules of names
(names.py) that protect readers: characters that reverse the text direction and characters
that could not be read are refused, and a text with nothing visible in it is empty.
"""

from django.utils.translation import gettext_lazy as _

from .errors import InvalidInput
from .names import BIDI_CONTROLS, is_invisible, is_unreadable


def clean_text(value: str, *, field: str | None = None) -> str:
    """The text as it will be stored ("" when nothing in it shows), or InvalidInput."""
    if any(character in BIDI_CONTROLS for character in value):
        raise InvalidInput(
            _("The text contains characters that reverse the text direction: remove them."),
            field=field,
        )
    if any(is_unreadable(character) for character in value):
        raise InvalidInput(
            _("The text contains characters that could not be read: type it again."), field=field
        )
    if all(character.isspace() or is_invisible(character) for character in value):
        return ""
    return value
