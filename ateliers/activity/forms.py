from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import verbs


class AuditFilterForm(forms.Form):
    verb = forms.ChoiceField(label=_("What happened"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verb"].choices = [
            ("", pgettext_lazy("activity", "Everything")),
            *[(verb.name, verb.label) for verb in verbs.all_verbs()],
        ]
