"""What an attacker, a fuzzer or a broken client sends, by the kind of field it is sent to.

Each value is one an outside probe sent, or one of its kind: ids beyond the database's
integers, numbers beyond 2^63, the year 1, 100,000 characters, NUL bytes, invisible and
direction-reversing characters. The site must refuse each with a message, never crash.
"""

from django import forms

from ateliers.core import fields

LONG = "x" * 100_000
# What the bytes \xed\xa0\x80 (a UTF-16 surrogate in UTF-8 clothing) stand for. Over HTTP,
# Django decodes them to replacement characters; only Python code could pass this on.
LONE_SURROGATE = "\ud800"
INVISIBLE_ONLY = "\u200b\u200b"
REVERSED = "\u202eevil"

# Refused by every field, whatever it holds.
ANY_FIELD = {
    "100,000 characters": LONG,
    "a NUL byte": "abc\x00def",
    "a lone surrogate": LONE_SURROGATE,
}

BY_KIND = {
    # A row chosen by its id (one, or several at once).
    "id": {
        "2^63": "9223372036854775808",
        "20 digits": "99999999999999999999",
        "-1": "-1",
        "0": "0",
        "abc": "abc",
    },
    # A row chosen by another key (a slug in the filters).
    "key": {"an unknown key": "nulle-part"},
    "choice": {"an unknown choice": "abc"},
    "number": {"2^63": str(2**63), "1e400": "1e400", "100,000 digits": "9" * 100_000},
    "date": {
        "the year 1": "0001-01-01",
        "the year 9999": "9999-12-31",
        "30 February": "2026-02-30",
    },
    "datetime": {
        "the year 1": "0001-01-01T00:00",
        "the year 9999": "9999-12-31T23:59",
        "the year 1, no time": "0001-01-01",
    },
    "uuid": {"not a UUID": "abc"},
    # A workshop's or council's address in a filter (the calendar).
    "slug": {"a path": "../../etc/passwd", "spaces": "un atelier", "a script": "<script>"},
    # Links to another site (documents).
    "url": {
        "a script": "javascript:alert(1)",
        "a data address": "data:text/html,<script>alert(1)</script>",
        "not an address": "pas une adresse",
        "a file on the server": "file:///etc/passwd",
    },
    # Names and titles people type (fields.NameField).
    "name": {
        "zero-width characters only": INVISIBLE_ONLY,
        "a right-to-left override": REVERSED,
        "replacement characters only": "\ufffd\ufffd\ufffd",
    },
    # Free text: descriptions, rationales, searches (fields.TextField).
    "text": {
        "zero-width characters only": INVISIBLE_ONLY,
        "a right-to-left override": REVERSED,
    },
    # allauth's fields.
    "email": {
        "not an address": "pas-une-adresse",
        "zero-width characters only": INVISIBLE_ONLY,
        "a right-to-left override": f"{REVERSED}@example.org",
    },
    "password": {
        "zero-width characters only": INVISIBLE_ONLY,
        "a right-to-left override": REVERSED,
    },
    # ?page= of the paginated lists.
    "page": {"2^63": str(2**63), "-1": "-1", "abc": "abc"},
}

# On optional free text this may simply vanish: nothing visible is left, so the field is
# empty. Everywhere else it is refused.
VANISH_FROM_OPTIONAL_TEXT = {"zero-width characters only"}


def kind_of(field: forms.Field) -> str:
    """The kind of a form field, to know what to send it. A field of a kind not listed here
    fails the tests until its hostile values are added."""
    if isinstance(field, forms.ModelChoiceField):  # one row or several
        return "id" if field.to_field_name is None else "key"
    if isinstance(field, forms.ChoiceField):
        return "choice"
    if isinstance(field, fields.NameField):
        return "name"
    if isinstance(field, fields.TextField):
        return "text"
    if isinstance(field, forms.IntegerField):
        return "number"
    if isinstance(field, forms.DateTimeField):
        return "datetime"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.UUIDField):
        return "uuid"
    if isinstance(field, forms.URLField):
        return "url"
    if isinstance(field, forms.SlugField):
        return "slug"
    if isinstance(field, forms.FileField):
        return "file"
    if isinstance(field, forms.BooleanField):
        return "checkbox"
    if isinstance(field.widget, forms.PasswordInput):
        return "password"
    raise LookupError(
        f"{type(field).__module__}.{type(field).__name__}: no hostile values for this kind of "
        "field. A name or a title is a fields.NameField, other text a fields.TextField; "
        "otherwise add its kind to tests/hostile_values.py"
    )


def values_for(kind: str) -> dict[str, str]:
    """{what it is: value} for a field of `kind`."""
    if kind == "file":
        # A file field reads uploads, never the form's text values: what a file holds is
        # tried in tests/documents/test_content.py and test_documents.py.
        return {}
    if kind == "checkbox":
        # A checkbox is ticked by being sent, whatever its value: nothing of it is stored
        # but True or False.
        return {}
    return {**ANY_FIELD, **BY_KIND[kind]}


def may_vanish(kind: str, label: str, *, required: bool) -> bool:
    """Whether a valid form is also a right answer: the value left nothing in the field."""
    return kind == "text" and not required and label in VANISH_FROM_OPTIONAL_TEXT
