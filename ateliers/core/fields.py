"""Form fields that answer hostile or implausible input with a form error, never a crash.

Django's own fields let some values through to the database, which then fails: an id beyond
the database's integers in a multiple choice, a whole number beyond 2^63, the year 1 in a
date (its conversion from Paris time to UTC overflows). Every form of the site uses these.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from .errors import ApplicationError
from .names import clean_name
from .plausible import date_message, is_plausible_date
from .texts import clean_text

# The largest primary key the database stores (64-bit).
LARGEST_ID = 2**63 - 1
# The largest whole number a form takes unless told otherwise (32-bit: every database).
LARGEST_NUMBER = 2**31 - 1


def _check_plausible(day: datetime.date) -> None:
    if not is_plausible_date(day):
        raise ValidationError(date_message(), code="implausible_date")


class DateInput(forms.DateInput):
    """The browser's date picker, which reads and sends ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PlausibleDateField(forms.DateField):
    widget = DateInput

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None:
            _check_plausible(day)
        return day


class PlausibleDateTimeField(forms.DateTimeField):
    widget = DateTimeInput

    def to_python(self, value):
        # Check the date before Django makes it time-zone aware: the year 1 in Paris time
        # has no UTC equivalent.
        if isinstance(value, str) and value.strip():
            for format_ in self.input_formats:
                try:
                    parsed = datetime.datetime.strptime(value.strip(), format_)
                except (ValueError, TypeError):
                    continue
                _check_plausible(parsed.date())
                break
        moment = super().to_python(value)
        if moment is not None:
            _check_plausible(moment.date())
        return moment


class WholeNumberField(forms.IntegerField):
    """An integer that the database can store: at most LARGEST_NUMBER unless said lower."""

    def __init__(self, *, max_value=LARGEST_NUMBER, **kwargs):
        super().__init__(max_value=min(max_value, LARGEST_NUMBER), **kwargs)


def _valid_id(value) -> bool:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return False
    return 1 <= number <= LARGEST_ID


class ModelChoiceField(forms.ModelChoiceField):
    """A choice among rows; an id the database could not even compare is simply invalid."""

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None and not _valid_id(value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={}
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if self.to_field_name is None:
            for item in value or ():
                if not _valid_id(item):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(item)[:20]},
                    )
        return super()._check_values(value)


class NameField(forms.CharField):
    """A name or a title: invisible characters removed, direction tricks refused."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        # Refused before the invisible characters go: a NUL comes from a broken client or a
        # probe, never from a person typing.
        ProhibitNullCharactersValidator()(value)
        try:
            return clean_name(value)
        except ApplicationError as error:
            raise ValidationError(error.messages) from None


class TextField(forms.CharField):
    """Free text: a text with nothing visible is empty, direction tricks are refused."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return clean_text(value) or self.empty_value
        except ApplicationError as error:
            raise ValidationError(error.messages) from None
