"""A file is what its content says, whatever its name; its name is made safe."""

import pytest

from ateliers.documents import content

from . import files


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("plan.pdf", files.PDF, content.PDF),
        ("vue.png", files.PNG, content.PNG),
        ("photo.jpg", files.jpeg(), content.JPEG),
        ("compte-rendu.odt", files.odt(), content.ODT),
        ("etude.docx", files.docx(), content.DOCX),
        ("budget.xlsx", files.xlsx(), content.XLSX),
        ("budget.csv", files.CSV, content.CSV),
        # A real PDF sent under another name is still a PDF.
        ("plan.docx", files.PDF, content.PDF),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content(name, data, kind):
    assert content.detect_kind_of_bytes(data, name=name) == kind


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("budget.pdf", files.HTML),
        ("budget.csv", files.HTML),
        ("budget.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>"),
        ("notes.csv", b"a;b\n<script>alert(1)</script>\n"),
        ("programme.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("archive.docx", files._zip({"readme.txt": b"not an office document"})),
        ("binaire.csv", b"a;b\x00\x01\x02"),
        # Text is a CSV only when it is called one: the name cannot make a PDF of it.
        ("budget.pdf", files.CSV),
        ("vide.pdf", b""),
    ],
)
def test_anything_else_is_refused(name, data):
    assert content.detect_kind_of_bytes(data, name=name) is None


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\Marie\\Plan du site.pdf", "Plan du site.pdf"),
        ("plan\x00\n\r.pdf", "plan.pdf"),
        # The right-to-left override would show "fdp.exe" as "exe.pdf".
        ("rapport\u202efdp.exe", "rapport fdp.pdf"),
        ("budget.html", "budget.pdf"),
        (".htaccess", "document.pdf"),
        ("", "document.pdf"),
        ("étude été.pdf", "étude été.pdf"),
    ],
)
def test_names_keep_no_folder_no_control_character_and_the_real_extension(sent, kept):
    assert content.clean_file_name(sent, content.PDF) == kept


def test_a_very_long_name_is_shortened():
    name = content.clean_file_name("a" * 500 + ".pdf", content.PDF)

    assert name == "a" * content.MAX_STEM + ".pdf"
