"""Forms for documents: a new document, a new version, its details."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.forms import run_validator
from ateliers.core.once import SubmitOnceForm

from . import content, services
from .models import Category


def _file_help() -> str:
    return _("PDF, ODT, DOCX, XLSX, CSV, PNG or JPEG, %(limit)s at most.") % {
        "limit": filesizeformat(services.max_upload_bytes())
    }


class DetailsForm(forms.Form):
    title = fields.NameField(label=_("Title"), max_length=160)
    summary = fields.TextField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text=_("What the document holds, in two or three sentences."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)

    def details(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("title", "summary", "category")}


class ContentForm(forms.Form):
    """A file or a link; for an image, its text alternative. Checked here by the service's
    own rules, so that the form shows each refusal next to its field."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput(attrs={"accept": content.ACCEPT_ATTRIBUTE}),
    )
    link = forms.URLField(
        label=_("Or a link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("The address of a page elsewhere (a study on another site, a video…)."),
    )
    alt_text = fields.TextField(
        label=_("Text alternative (images)"),
        required=False,
        max_length=300,
        help_text=_("For an image: what it shows, for people who cannot see it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help()

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            run_validator(
                self,
                services.check_content,
                upload=cleaned.get("file"),
                link=cleaned.get("link") or "",
                alt_text=cleaned.get("alt_text") or "",
            )
        return cleaned

    def content_values(self) -> dict:
        return {
            "upload": self.cleaned_data.get("file"),
            "link": self.cleaned_data.get("link") or "",
            "alt_text": self.cleaned_data.get("alt_text") or "",
        }


class DocumentForm(SubmitOnceForm, DetailsForm, ContentForm):
    field_order = ["title", "summary", "category", "file", "link", "alt_text"]


class VersionForm(SubmitOnceForm, ContentForm):
    note = fields.TextField(
        label=_("What changed"),
        required=False,
        max_length=300,
        help_text=_("For example: “figures of the 2027 budget added”."),
    )
