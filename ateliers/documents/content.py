"""What an uploaded file really is, read from its bytes, and a safe name for it.

A file's name and the type the browser announces are whatever the sender chose: an HTML page
renamed `budget.pdf` would otherwise be stored, then served, as a PDF. The kind is read from
the content (magic numbers, and for office documents the archive's own table of contents),
and the name is rebuilt from the person's name for it with the extension of what it is.

Plain Python: no Django, so that it can be tested and reused alone.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

import filetype


@dataclass(frozen=True)
class FileKind:
    code: str
    content_type: str
    extension: str
    # Images are shown in the page; anything else is downloaded, never opened in the browser.
    is_image: bool = False


PDF = FileKind("pdf", "application/pdf", "pdf")
PNG = FileKind("png", "image/png", "png", is_image=True)
JPEG = FileKind("jpeg", "image/jpeg", "jpg", is_image=True)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", "odt")
DOCX = FileKind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
)
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
CSV = FileKind("csv", "text/csv", "csv")
ACCEPTED = (PDF, ODT, DOCX, XLSX, CSV, PNG, JPEG)
# For the file input's `accept`: a hint to the browser's file picker, not a check.
ACCEPT_ATTRIBUTE = ",".join(f".{kind.extension}" for kind in ACCEPTED) + ",.jpeg"

# Enough of the start of a file to recognise it, and to judge whether a CSV is text.
_HEAD_SIZE = 64 * 1024
# Markup that turns a "text" file into something a browser would run.
_MARKUP = re.compile(rb"<\s*(!doctype|html|script|svg|iframe|object|embed|body|\?xml)", re.I)


def _zip_names(stream: IO[bytes]) -> set[str] | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _office_kind(stream: IO[bytes], head: bytes) -> FileKind | None:
    """An ODT, DOCX or XLSX file is a zip archive: which one it is, its contents say."""
    # The OpenDocument format puts an uncompressed `mimetype` entry first, at a fixed place.
    if head[30:38] == b"mimetype" and head[38:].startswith(ODT.content_type.encode()):
        return ODT if _zip_names(stream) is not None else None
    names = _zip_names(stream)
    if not names or "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head or _MARKUP.search(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end in the middle of a character; anything earlier is a real error.
        if error.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return all(
        character in "\t\r\n" or unicodedata.category(character) != "Cc"
        for character in head.decode("utf-8", errors="ignore")
    )


def detect_kind(stream: IO[bytes], *, name: str) -> FileKind | None:
    """The kind of file `stream` holds among the accepted ones, or None.

    CSV has no signature: a file is taken as CSV when its name says so and its content is
    plain text without markup."""
    stream.seek(0)
    head = stream.read(_HEAD_SIZE)
    stream.seek(0)
    if not head:
        return None
    guess = filetype.guess(head)
    mime = guess.mime if guess else None
    if mime == "application/pdf" and head.startswith(b"%PDF-"):
        return PDF
    if mime == "image/png":
        return PNG
    if mime == "image/jpeg":
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            return _office_kind(stream, head)
        finally:
            stream.seek(0)
    if name.lower().endswith(".csv") and _is_plain_text(head):
        return CSV
    return None


def detect_kind_of_bytes(content: bytes, *, name: str) -> FileKind | None:
    return detect_kind(io.BytesIO(content), name=name)


# Longest stem kept from the person's name for the file, in characters.
MAX_STEM = 100


def _is_unwanted(character: str) -> bool:
    # Control and format characters (NUL, line breaks, right-to-left overrides…), and the
    # separators of paths on any system.
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp") or character in '/\\:*?"<>|'


def clean_file_name(name: str, kind: FileKind) -> str:
    """A name safe to store and to send back: no folder, no control character, the
    extension of what the file is. `../../etc/passwd.pdf` becomes `passwd.pdf`."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = "".join(" " if _is_unwanted(character) else character for character in stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .-_")[:MAX_STEM].strip(" .-_")
    return f"{stem or 'document'}.{kind.extension}"
