"""Small real files made on the spot, for the demo city, the generated city and the tests:
a one-page PDF with a few lines of text, a PNG of one colour, a CSV.

They are real files (a PDF reader opens them, the content check accepts them), written
without any library so that loading the demo needs nothing more.
"""

import struct
import zlib
from collections.abc import Sequence


def _pdf_text(text: str) -> str:
    # PDF's standard fonts read Latin-1; parentheses and backslashes are escaped.
    safe = text.encode("latin-1", errors="replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(title: str, lines: Sequence[str] = ()) -> bytes:
    """A one-page A4 PDF: the title, then each line below it."""
    commands = ["BT", "/F1 18 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        commands += ["0 -22 Td", f"({_pdf_text(line)}) Tj"]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def png(width: int = 64, height: int = 40, colour: tuple[int, int, int] = (46, 125, 50)) -> bytes:
    """A PNG image of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(colour) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(row) for row in rows).encode("utf-8") + b"\n"
