"""The search form: what to look for, of which kind, in which neighbourhood (GET, French
parameter names: the page's address is French)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ateliers.core import fields
from ateliers.core.widgets import FastSelect
from ateliers.workshops.forms.filters import neighbourhood_field

from .models import Kind
from .selectors import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = fields.TextField(
        label=_("Words to look for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        widget=FastSelect,
        choices=[("", pgettext_lazy("search result kind", "All kinds")), *Kind.choices],
    )
    quartier = neighbourhood_field()
