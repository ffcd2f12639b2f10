"""The DOCX reader on real python-docx files: styles, lists, tables, headers, runs."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Pt
from parse_builders import JOBS, PERSON, write_docx

from resumetool.parse import read_document


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("docx")


def test_heading_styles_and_list_bullets(folder):
    document = read_document(write_docx(folder / "styles.docx", layout="styles"))
    title = document.lines[0]
    assert (title.plain, title.style) == (PERSON["name"], "Title")
    headings = [(line.plain, line.heading_level) for line in document.lines if line.heading_level]
    assert headings[:2] == [("Experience", 1), (f"{JOBS[0]['position']}, {JOBS[0]['company']}", 2)]
    bullets = [line.plain for line in document.lines if line.bullet]
    assert bullets == [b for job in JOBS for b in job["bullets"]]
    dated = next(line for line in document.lines if line.plain.endswith(JOBS[0]["dates"]))
    assert dated.segments == [JOBS[0]["location"], JOBS[0]["dates"]]  # split at the tab
    skill = next(line for line in document.lines if line.plain.startswith("Languages"))
    assert skill.starts_bold and not skill.bold


def test_tables_in_document_order_with_header_and_footer(folder):
    document = read_document(write_docx(folder / "table.docx", layout="table"))
    texts = [line.plain for line in document.lines]
    assert document.lines[0].source == "header" and texts[0] == PERSON["name"]
    assert document.lines[-1].source == "footer" and texts[-1] == "Page 1"
    work = texts.index("Work History")
    assert texts[work + 1 : work + 4] == [
        JOBS[0]["dates"],
        JOBS[0]["position"],
        f"{JOBS[0]['company']} — {JOBS[0]['location']}",
    ]
    row_starts = [line.plain for line in document.lines if line.block_start]
    assert row_starts[:2] == [JOBS[0]["dates"], JOBS[1]["dates"]]
    typed = [line for line in document.lines if line.plain == JOBS[0]["bullets"][0]]
    assert typed and typed[0].bullet and typed[0].source == "table"


def test_typed_numbers_bold_runs_and_sizes(folder):
    document = read_document(write_docx(folder / "plain.docx", layout="plain"))
    name = document.lines[0]
    assert name.bold and name.size == 20
    numbered = [line for line in document.lines if line.numbered]
    assert [line.plain for line in numbered][:3] == JOBS[0]["bullets"]
    heading = next(line for line in document.lines if line.plain == "EXPERIENCE")
    assert heading.bold and heading.caps


def test_word_numbering_all_caps_and_hyperlinks(folder):
    path = folder / "numbering.docx"
    document = docx.Document()
    heading = document.add_paragraph().add_run("Skills")
    heading.font.all_caps = True
    heading.font.size = Pt(14)
    document.add_paragraph("First", style="List Number")
    document.add_paragraph("Second", style="List Number")
    paragraph = document.add_paragraph("Profile: ")
    part = document.part
    rid = part.relate_to(
        "https://github.com/praman",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = docx.oxml.OxmlElement("w:hyperlink")
    link.set(docx.oxml.ns.qn("r:id"), rid)
    run = docx.oxml.OxmlElement("w:r")
    text = docx.oxml.OxmlElement("w:t")
    text.text = "github.com/praman"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    document.save(path)
    read = read_document(path)
    assert read.lines[0].caps and read.lines[0].size == 14
    assert [(line.plain, line.bullet, line.numbered) for line in read.lines[1:3]] == [
        ("First", True, True),
        ("Second", True, True),
    ]
    assert read.lines[3].plain == "Profile: github.com/praman"
    assert read.links == ["https://github.com/praman"]


def test_soft_line_breaks_split_lines(folder):
    path = folder / "breaks.docx"
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Lumen Analytics").bold = True
    paragraph.add_run().add_break()
    paragraph.add_run("Staff Data Engineer")
    document.save(path)
    lines = read_document(path).lines
    assert [(line.plain, line.bold) for line in lines] == [
        ("Lumen Analytics", True),
        ("Staff Data Engineer", False),
    ]
