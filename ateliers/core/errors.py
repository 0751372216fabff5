"""The one way a service refuses: an ApplicationError carrying the message for the person.

Services raise it (or a subclass naming the case, e.g. `WorkshopFull`); views show it as a
form error next to the field it names, or as a message on the next page. Its messages are
translated, so `str(error)` is ready to show.
"""

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

# The key for messages about the whole form rather than one field.
WHOLE_FORM = None


class ApplicationError(Exception):
    """A refusal the person must read. `errors` maps a field name (or None, the whole form)
    to its messages; a subclass sets `default_message` for its usual case."""

    default_message = _("This action is not possible.")

    def __init__(
        self,
        message: StrOrPromise | None = None,
        *,
        field: str | None = WHOLE_FORM,
        errors: Mapping[str | None, Sequence[StrOrPromise]] | None = None,
    ):
        if errors is None:
            errors = {field: [message or self.default_message]}
        self.errors: dict[str | None, list[str]] = {
            key: [str(item) for item in items] for key, items in errors.items()
        }
        super().__init__(self.messages[0])

    @property
    def messages(self) -> list[str]:
        return [message for items in self.errors.values() for message in items]

    def __str__(self) -> str:
        return " ".join(self.messages)


class InvalidInput(ApplicationError):
    """What was typed breaks one of the rules (a date out of order, a missing name…)."""


class StateChanged(ApplicationError):
    """The object is no longer in a state that allows this: someone acted first."""

    default_message = _("Someone changed this in the meantime: nothing was done.")


class Collected:
    """Gather field errors, then raise them together: `errors.add("field", message)`,
    `errors.raise_if_any()`."""

    def __init__(self):
        self.errors: dict[str | None, list[str]] = {}

    def add(self, field: str | None, message: StrOrPromise) -> None:
        self.errors.setdefault(field, []).append(str(message))

    def raise_if_any(self, error_class: type[ApplicationError] = InvalidInput) -> None:
        if self.errors:
            raise error_class(errors=self.errors)
