"""Bad inputs: each gives one named error whose text says what the file is and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake import read_bytes, read_document

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"

CASES = [
    ("empty.txt", EmptyDocument, "the file is empty"),
    ("image.txt", UnsupportedFormat, "an image file, not a document"),
    ("random.pdf", UnsupportedFormat, "this .pdf file cannot be read: it is not a PDF"),
    (
        "random.docx",
        UnsupportedFormat,
        "this .docx file cannot be read: not a Word document (not a ZIP package)",
    ),
    (
        "plan.rtf",
        UnsupportedFormat,
        "unsupported file type '.rtf'; kehoach reads .txt, .md, .docx, .pdf and scans (.pdf, .png, .jpg, .tiff)",
    ),
    (
        "encrypted.pdf",
        UnsupportedFormat,
        "the PDF is protected by a password; save a copy without the password",
    ),
]


@pytest.mark.parametrize(("name", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_a_named_error(name, error, message):
    with pytest.raises(error) as err:
        read_document(FIXTURES / name)
    assert err.value.message == message
    assert str(err.value).endswith(f"{name}: {message}")


@pytest.mark.parametrize(("name", "error", "message"), CASES[1:4] + CASES[5:], ids=str)
def test_same_errors_from_bytes(name, error, message):
    """The web upload path reads bytes; the errors are the same."""
    with pytest.raises(error) as err:
        read_bytes((FIXTURES / name).read_bytes(), name)
    assert err.value.message == message
    assert err.value.where == name


def test_empty_docx_and_pdf_bytes(tmp_path):
    for name in ("empty.docx", "empty.pdf"):
        (tmp_path / name).write_bytes(b"")
        with pytest.raises(EmptyDocument) as err:
            read_document(tmp_path / name)
        assert err.value.message == "the file is empty"


def test_cli_prints_one_line_per_bad_file(monkeypatch):
    from typer.testing import CliRunner

    from kehoach.cli import app

    names = [c[0] for c in CASES]
    monkeypatch.chdir(FIXTURES)
    proc = CliRunner().invoke(app, ["extract", *names])
    assert proc.exit_code == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"kehoach: {n}: {m}" for n, _, m in CASES]


@pytest.mark.parametrize(
    ("source", "name", "message"),
    [
        ("002_table.pdf", "ke-hoach.txt", "a PDF file named .txt; rename it to .pdf"),
        ("000_table.docx", "ke-hoach.md", "a Word (.docx) file named .md; rename it to .docx"),
    ],
)
def test_pdf_or_word_file_named_as_text(tmp_path, source, name, message):
    path = tmp_path / name
    path.write_bytes((FIXTURES / source).read_bytes())
    with pytest.raises(UnsupportedFormat) as err:
        read_document(path)
    assert err.value.message == message


@pytest.mark.parametrize("name", ["blank.docx", "blank.pdf", "blank.txt"])
def test_whitespace_bytes_are_empty_for_every_reader(name):
    with pytest.raises(EmptyDocument) as err:
        read_bytes(b" \n\t ", name)
    assert err.value.message == "the file is empty"
