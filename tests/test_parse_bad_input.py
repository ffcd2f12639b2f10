"""Bad input: each case ends with one line on stderr naming the file and what to do, exit 1.

Every file here is real: a PDF whose trailer demands a password, a PDF holding only a
picture, a 31-page PDF, a Word file cut in half, an OLE2 .doc header, a 21 MB file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from parse_builders import write_docx, write_pdf

from resumetool.cli import main
from resumetool.errors import InputError, UnsupportedFormat
from resumetool.parse import read_document
from resumetool.structure import load_resume


def _run(runner, path: Path):
    result = runner.invoke(main, ["parse", str(path)])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return result, lines


def _assert_one_line(result, lines, path: Path, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert len(lines) == 1, lines
    assert str(path) in lines[0]
    assert "Traceback" not in result.output
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


def _encrypted_pdf() -> bytes:
    """A one-page PDF with a Standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -44 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<%s> <%s>] >>\n"
        % (len(objects) + 1, b"ab" * 16, b"ab" * 16)
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_encrypted_pdf(tmp_path, runner):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf())
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "encrypted", "password")


def test_image_only_pdf_says_there_is_no_text_layer(tmp_path, runner):
    from PIL import Image

    Image.new("RGB", (200, 260), "white").save(tmp_path / "scan.png")
    path = write_pdf('#image("scan.png", width: 6in)\n', tmp_path / "scan.pdf")
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "no text layer", "OCR")


def test_pdf_over_the_page_limit_is_refused(tmp_path, runner):
    pages = "\n#pagebreak()\n".join(f"Page {n}" for n in range(31))
    path = write_pdf(pages, tmp_path / "book.pdf")
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "31 pages", "at most 30")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, runner):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(21 * 2**20)  # sparse: costs no disk or time
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "21.0 MB", "20 MB")


def test_truncated_docx(tmp_path, runner):
    whole = write_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "truncated or corrupt", "save it again")


def test_docx_with_broken_xml(tmp_path, runner):
    source = write_docx(tmp_path / "whole.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 3]
            dst.writestr(item, data)
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "corrupt")


def test_old_doc_asks_for_docx(tmp_path, runner):
    path = tmp_path / "resume.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, ".doc", "save it as .docx")


def test_empty_file(tmp_path, runner):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "empty", "0 bytes")


def test_missing_file(tmp_path, runner):
    path = tmp_path / "nowhere.docx"
    result, lines = _run(runner, path)
    _assert_one_line(result, lines, path, "not found")


def test_an_image_is_not_a_resume(tmp_path):
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(UnsupportedFormat, match="PNG"):
        read_document(path)


def test_extension_that_lies_is_read_by_content(tmp_path):
    pdf = write_pdf("= Experience\nHello", tmp_path / "real.pdf")
    docx_named_pdf = tmp_path / "resume.pdf"
    docx_named_pdf.write_bytes(write_docx(tmp_path / "real.docx").read_bytes())
    pdf_named_docx = tmp_path / "resume.docx"
    pdf_named_docx.write_bytes(pdf.read_bytes())
    assert read_document(docx_named_pdf).kind == "docx"
    assert read_document(pdf_named_docx).kind == "pdf"
    assert load_resume(docx_named_pdf).work


def test_text_that_is_not_utf8_decodes_with_a_fallback(tmp_path):
    text = "MATEO IBÁÑEZ\nmateo@example.com\n\nEXPERIENCE\nEngineer – Corvid Labs\n2019 – 2021\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    resume = load_resume(path)
    assert resume.basics.name == "Mateo Ibáñez"
    assert resume.work[0].startDate == "2019"


def test_damaged_pdf(tmp_path, runner):
    whole = write_pdf("= Experience\nHello", tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "damaged.pdf"
    path.write_bytes(whole[:200])
    result, lines = _run(runner, path)
    assert result.exit_code == 1
    assert len(lines) == 1 and str(path) in lines[0]


def test_errors_are_typed_for_library_callers(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError):
        load_resume(path)
