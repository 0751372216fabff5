"""Writes for documents: add one to a workshop or a council, add a version, change its details.

Every check runs before anything is stored: a refused file never reaches the storage, and a
refusal leaves no document without its version.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.texts import clean_text
from ateliers.councils.models import Council
from ateliers.workshops.models import Workshop

from . import content
from .models import Category, Document, DocumentVersion

Owner = Workshop | Council


class FileRefused(InvalidInput):
    default_message = _(
        "This file is not a PDF, ODT, DOCX, XLSX, CSV, PNG or JPEG document: its content "
        "says otherwise, whatever its name. Export it in one of these formats and send it again."
    )


def max_upload_bytes() -> int:
    return settings.ATELIERS_DOCUMENT_MAX_BYTES


def check_upload(upload: UploadedFile) -> tuple[content.FileKind, str]:
    """What the uploaded file is and the name it will be stored under, or InvalidInput on the
    "file" field. Its size is known before it is read (Django counted it on arrival)."""
    if upload.size is not None and upload.size > max_upload_bytes():
        raise InvalidInput(
            _("This file weighs %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())},
            field="file",
        )
    if not upload.size:
        raise InvalidInput(_("This file is empty."), field="file")
    kind = content.detect_kind(upload, name=upload.name or "")
    if kind is None:
        raise FileRefused(field="file")
    return kind, content.clean_file_name(upload.name or "", kind)


def _check_link(link: str) -> None:
    if urlsplit(link).scheme not in ("http", "https"):
        raise InvalidInput(
            _("Give the address of a web page, starting with https:// or http://."), field="link"
        )


def check_content(
    *, upload: UploadedFile | None, link: str, alt_text: str
) -> tuple[content.FileKind | None, str]:
    """Check what a new version holds: a file or a link, and for an image its description."""
    errors = Collected()
    if upload is not None and link:
        errors.add("link", _("Give a file or a link, not both."))
    elif upload is None and not link:
        errors.add("file", _("Choose a file to send, or give a link."))
    errors.raise_if_any()
    if link:
        _check_link(link)
        return None, ""
    assert upload is not None
    kind, filename = check_upload(upload)
    if kind.is_image and not alt_text:
        raise InvalidInput(
            _(
                "Describe the image in a sentence for people who cannot see it (its text "
                "alternative)."
            ),
            field="alt_text",
        )
    return kind, filename


def _clean_details(*, title: str, summary: str, category: str) -> tuple[str, str]:
    title = clean_name(title, field="title")
    summary = clean_text(summary, field="summary")
    if category not in Category.values:
        raise InvalidInput(_("Choose the category of the document."), field="category")
    return title, summary


def _new_version(
    *,
    document: Document,
    added_by: User,
    upload: UploadedFile | None,
    link: str,
    alt_text: str,
    note: str,
    kind: content.FileKind | None,
    filename: str,
) -> DocumentVersion:
    # The next number, taken by a conditional update: two versions sent at once get two
    # numbers (the row stays locked until the transaction ends).
    Document.objects.filter(pk=document.pk).update(version_count=F("version_count") + 1)
    number = Document.objects.values_list("version_count", flat=True).get(pk=document.pk)
    version = DocumentVersion(
        document=document,
        number=number,
        link=link,
        filename=filename,
        content_type=kind.content_type if kind else "",
        size=(upload.size or 0) if upload is not None else 0,
        alt_text=alt_text if kind and kind.is_image else "",
        note=note,
        added_by=added_by,
    )
    if upload is not None:
        # Stored last, once everything else was checked.
        version.file.save(filename, upload, save=False)
    version.save()
    Document.objects.filter(pk=document.pk).update(current=version)
    document.current = version
    document.version_count = number
    return version


def _log(*, actor: User, verb: str, document: Document, data: dict | None = None) -> None:
    owner = document.owner
    public = not (isinstance(owner, Workshop) and owner.status == Workshop.Status.DRAFT)
    record(
        actor=actor,
        verb=verb,
        target=owner,
        data={"title": document.title, **(data or {})},
        public=public,
    )


@transaction.atomic
def document_add(
    *,
    owner: Owner,
    added_by: User,
    title: str,
    summary: str = "",
    category: str,
    upload: UploadedFile | None = None,
    link: str = "",
    alt_text: str = "",
) -> Document:
    """A new document of the workshop or council `owner`, with its first version."""
    title, summary = _clean_details(title=title, summary=summary, category=category)
    alt_text = clean_text(alt_text, field="alt_text")
    kind, filename = check_content(upload=upload, link=link, alt_text=alt_text)
    document = Document.objects.create(
        workshop=owner if isinstance(owner, Workshop) else None,
        council=owner if isinstance(owner, Council) else None,
        title=title,
        summary=summary,
        category=category,
        added_by=added_by,
    )
    _new_version(
        document=document,
        added_by=added_by,
        upload=upload,
        link=link,
        alt_text=alt_text,
        note="",
        kind=kind,
        filename=filename,
    )
    _log(actor=added_by, verb="document.added", document=document)
    return document


@transaction.atomic
def document_add_version(
    *,
    document: Document,
    added_by: User,
    upload: UploadedFile | None = None,
    link: str = "",
    alt_text: str = "",
    note: str = "",
) -> DocumentVersion:
    """A new version of `document`: it becomes the one shown, the earlier ones stay listed."""
    alt_text = clean_text(alt_text, field="alt_text")
    note = clean_text(note, field="note")
    kind, filename = check_content(upload=upload, link=link, alt_text=alt_text)
    version = _new_version(
        document=document,
        added_by=added_by,
        upload=upload,
        link=link,
        alt_text=alt_text,
        note=note,
        kind=kind,
        filename=filename,
    )
    _log(
        actor=added_by,
        verb="document.version_added",
        document=document,
        data={"number": version.number},
    )
    return version


@transaction.atomic
def document_update(
    *, document: Document, changed_by: User, title: str, summary: str, category: str
) -> Document:
    """Change a document's title, summary or category (its content changes by versions)."""
    title, summary = _clean_details(title=title, summary=summary, category=category)
    Document.objects.filter(pk=document.pk).update(
        title=title, summary=summary, category=category, updated_at=timezone.now()
    )
    document.title, document.summary, document.category = title, summary, category
    _log(actor=changed_by, verb="document.updated", document=document)
    return document
