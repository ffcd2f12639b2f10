"""The PDF reader on real Typst-made PDFs: lines, segments, bullets, columns, hyphens."""

from __future__ import annotations

import subprocess
import sys

import pytest
from parse_builders import JOBS, resume_typst, sidebar_typst, write_pdf

from resumetool.parse import read_document
from resumetool.parse.pdf import _is_split_word, _join_words


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def resume_doc(folder):
    return read_document(write_pdf(resume_typst(), folder / "resume.pdf"))


def _texts(document):
    return [line.text for line in document.lines]


def test_font_cues_come_through(resume_doc):
    name = resume_doc.lines[0]
    assert name.plain == "Priya Raman"
    assert name.bold and name.size == 22
    heading = next(line for line in resume_doc.lines if line.plain == "Professional Experience")
    assert heading.bold and heading.size == 13
    assert resume_doc.body_size == 10


def test_right_aligned_column_is_its_own_segment(resume_doc):
    header = next(line for line in resume_doc.lines if line.plain.startswith("Lumen Analytics"))
    assert header.segments == ["Lumen Analytics, Staff Data Engineer", "Denver, CO"]
    assert header.starts_bold and not header.bold


def test_wrapped_bullets_are_joined_and_marked(resume_doc):
    bullets = [line.plain for line in resume_doc.lines if line.bullet]
    assert bullets[0] == JOBS[0]["bullets"][0]  # wraps over two lines in the PDF
    assert len(bullets) == sum(len(job["bullets"]) for job in JOBS)


def test_wrapped_paragraph_is_joined(resume_doc):
    summary = [line.plain for line in resume_doc.lines if line.plain.startswith("Data engineer")]
    assert summary == [
        "Data engineer with nine years of experience turning slow reports into reliable "
        "pipelines. I like small tools, clear ownership and numbers people trust."
    ]


def test_hyphen_at_line_end(folder):
    source = (
        "#set page(width: 5in, height: 3in)\n"
        "- Led a cross-\\ functional team and scheduled discharge medica-\\ tions reports\n"
        "- Wrote the Kafka-\\ based ingest\n"
    )
    document = read_document(write_pdf(source, folder / "hyphens.pdf"))
    assert [line.plain for line in document.lines] == [
        "Led a cross-functional team and scheduled discharge medications reports",
        "Wrote the Kafka-based ingest",
    ]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("cross-", "functional", "cross-functional"),
        ("medica-", "tions", "medications"),
        ("Kafka-", "based", "Kafka-based"),
        ("post-", "operative care", "post-operative care"),
        ("ends", "starts", "ends starts"),
        ("2019-", "2020", "2019- 2020"),
        ("Mas-", "ter", "Master"),
        ("Okonkwo-", "Hale", "Okonkwo-Hale"),
        ("Decem\xad", "ber 2019", "December 2019"),
    ],
)
def test_join_words(left, right, joined):
    assert _join_words(left, right) == joined


def test_split_word_needs_a_non_word_fragment():
    assert _is_split_word("experi", "ence")
    assert not _is_split_word("customer", "visible")


def test_numbered_and_glyph_bullets(folder):
    source = (
        "#set page(width: 6in, height: 4in)\n"
        "+ First numbered item\n+ Second numbered item\n\n"
        "▪ Square glyph item\n\n◦ Hollow glyph item\n"
    )
    document = read_document(write_pdf(source, folder / "bullets.pdf"))
    flags = [(line.plain, line.bullet, line.numbered) for line in document.lines]
    assert flags == [
        ("First numbered item", True, True),
        ("Second numbered item", True, True),
        ("Square glyph item", True, False),
        ("Hollow glyph item", True, False),
    ]


def test_faux_bold_duplicates_are_removed(folder):
    source = (
        "#set page(width: 6in, height: 3in)\n"
        "#box[#place(dx: 0.25pt)[Harbor Freight Logistics]Harbor Freight Logistics]\n\n"
        "Plain line after it\n"
    )
    document = read_document(write_pdf(source, folder / "fauxbold.pdf"))
    first = document.lines[0]
    assert first.plain == "Harbor Freight Logistics"
    assert first.bold


def test_sidebar_is_read_column_by_column(folder):
    document = read_document(write_pdf(sidebar_typst(), folder / "sidebar.pdf"))
    texts = [line.plain for line in document.lines]
    skills = texts.index("Skills")
    experience = texts.index("Experience")
    assert texts.index("Languages") < experience  # the whole sidebar first
    assert texts[skills + 1] == "Python, SQL, Scala, Spark, Kafka, Snowflake, Airflow"
    assert texts[experience + 1].startswith("Staff Data Engineer, Lumen Analytics")


def test_date_column_beside_entries_stays_on_their_lines(folder):
    rows = "\n".join(
        f"#grid(columns: (1.2in, 1fr), column-gutter: 12pt, [{job['dates']}], "
        f"[*{job['position']}*, {job['company']}])\n"
        + "\n".join(
            f"#grid(columns: (1.2in, 1fr), column-gutter: 12pt, [], [- {b}])"
            for b in job["bullets"]
        )
        for job in JOBS * 3
    )
    document = read_document(write_pdf(rows, folder / "datecolumn.pdf"))
    first = document.lines[0]
    assert first.segments == [JOBS[0]["dates"], f"{JOBS[0]['position']}, {JOBS[0]['company']}"]


def test_link_annotations_are_collected(folder):
    source = '#link("https://github.com/praman")[GitHub] and #link("mailto:p@example.com")[mail]'
    document = read_document(write_pdf(source, folder / "links.pdf"))
    assert document.links == ["https://github.com/praman", "mailto:p@example.com"]


def test_page_numbers_are_marked_as_footer(folder):
    source = "#set page(footer: align(center)[Priya Raman - Page 1 of 1])\nHello there\n"
    document = read_document(write_pdf(source, folder / "footer.pdf"))
    assert [(line.plain, line.source) for line in document.lines] == [
        ("Hello there", "body"),
        ("Priya Raman - Page 1 of 1", "footer"),
    ]


def _raw(text, x0, x1, top=100.0, font="ABCDEF+Serif-Regular"):
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": top + 10,
        "size": 10,
        "fontname": font,
    }


def test_words_the_extractor_glued_are_cut_apart():
    from resumetool.parse.pdf import _words

    words = _words(
        [
            _raw("ILSeptember", 100, 160),
            _raw("2014", 163, 185),
            _raw("Bach\xadNorth", 200, 250),
            _raw("Adébáyo(cid:13)(cid:14)", 260, 300),
            _raw("(cid:7)", 305, 310),
        ]
    )
    assert [w.text for w in words] == ["IL", "September", "2014", "Bach\xad", "North", "Adébáyo"]
    assert words[0].x1 < words[1].x0


def test_word_drawn_twice_over_itself_counts_once():
    from resumetool.parse.pdf import _page_lines

    raw = [_raw("Adébáy", 100, 140), _raw("ọ̀", 140, 150), _raw("ọ̀", 147, 147, top=101)]
    (line,) = _page_lines(raw, 1, 600.0)
    assert [w.text for w in line.words] == ["Adébáy", "ọ̀"]


def test_the_readers_import_nothing_above_parse():
    """parse is the bottom layer (DESIGN.md, "Dependency direction"): no reader may import
    structure or any later stage, not even for a word list."""
    code = (
        "import sys\n"
        "import resumetool.parse.pdf, resumetool.parse.docx, resumetool.parse.text\n"
        "import resumetool.parse.jsonresume\n"
        "above = [m for m in sys.modules if m.startswith('resumetool.')\n"
        "         and not m.startswith(('resumetool.parse', 'resumetool.errors'))]\n"
        "print(sorted(above))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
