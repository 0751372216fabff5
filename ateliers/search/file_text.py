"""The text of an uploaded PDF, read once. A file that cannot be read is skipped: its document
is still found by its title and summary."""

import logging

from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Enough to find a study by what it says; a 500-page annex is not read to its end.
MAX_PAGES = 100
MAX_CHARACTERS = 100_000


def pdf_text(file) -> str:
    try:
        file.open("rb")
        try:
            reader = PdfReader(file)
            parts, length = [], 0
            for page in reader.pages[:MAX_PAGES]:
                part = page.extract_text() or ""
                parts.append(part)
                length += len(part)
                if length >= MAX_CHARACTERS:
                    break
        finally:
            file.close()
    except Exception:  # noqa: BLE001 (pypdf raises many kinds of errors on a broken file)
        logger.warning("Could not read the text of %s", getattr(file, "name", file))
        return ""
    # PostgreSQL refuses NUL characters in text.
    return " ".join(parts)[:MAX_CHARACTERS].replace("\x00", " ")
