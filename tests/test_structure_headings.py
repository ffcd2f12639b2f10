"""Section headings people write, in every format: the work history must never be lost.

Why whole files: a heading is found by its words and its look together (bold capitals,
Word's Heading 1, Markdown ``##``, a blank line before a title-case line, a larger font in
a PDF), so each case is a real resume drawn by tests/parse_builders.py in each format,
with the headings the test chooses.
"""

from __future__ import annotations

import pytest
from parse_builders import (
    JOBS,
    LABEL,
    PERSON,
    SKILL_GROUPS,
    section,
    sections_markdown,
    sections_text,
    sections_typst,
    typst_page,
    write_label_column_docx,
    write_pdf,
    write_sections_docx,
)

from resumetool.structure import diagnose, load_resume

FORMATS = {
    "txt-caps": lambda d, s: _write(d / "r.txt", sections_text(s)),
    "txt-title-case": lambda d, s: _write(d / "r.txt", sections_text(s, caps=False)),
    "md": lambda d, s: _write(d / "r.md", sections_markdown(s)),
    "docx-bold": lambda d, s: write_sections_docx(d / "r.docx", s),
    "docx-heading-style": lambda d, s: write_sections_docx(d / "r.docx", s, headings="styled"),
    "pdf": lambda d, s: write_pdf(sections_typst(s), d / "r.pdf"),
}
WORK_HEADINGS = [
    "Where I have worked",
    "Where I've Worked",
    "Work",
    "Jobs",
    "Relevant Work",
    "Selected Experience",
    "Employment History",
    "Work Experience & Projects",
]


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _jobs(resume):
    return [(w.position, w.name, w.startDate, w.endDate, w.highlights) for w in resume.work]


WANT_JOBS = [(j["position"], j["company"], j["start"], j["end"], j["bullets"]) for j in JOBS]
WANT_SKILLS = [(label, items) for label, items in SKILL_GROUPS.items()]


def _skills(resume):
    return [(s.name, s.keywords) for s in resume.skills]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("heading", WORK_HEADINGS)
def test_work_headings_people_write(tmp_path, heading, fmt):
    sections = [(heading, "work"), ("Education", "education"), ("Skills & Tools", "skills")]
    resume = load_resume(FORMATS[fmt](tmp_path, sections))
    assert _jobs(resume) == WANT_JOBS
    assert resume.projects == []
    assert _skills(resume) == WANT_SKILLS
    assert resume.basics.label == LABEL  # never the heading
    assert resume.meta.unparsed == []
    assert diagnose(resume) == []


@pytest.mark.parametrize("fmt", ["docx-heading-style", "md"])
def test_a_heading_style_makes_an_unknown_heading_a_section(tmp_path, fmt):
    """Words the lexicon does not know, in the sections' own heading style: a section of
    its own, its text kept, never the person's headline, the sections after it intact."""
    sections = [("Where I've Been", "work"), ("Education", "education"), ("Skills", "skills")]
    resume = load_resume(FORMATS[fmt](tmp_path, sections))
    assert resume.basics.label == LABEL
    assert resume.work == []
    assert resume.meta.unparsed[0] == "Where I've Been"
    assert any(JOBS[0]["bullets"][0] in line for line in resume.meta.unparsed)
    assert [e.institution for e in resume.education] == ["Front Range University"]
    assert _skills(resume) == WANT_SKILLS
    warning = diagnose(resume)[0]
    assert warning.startswith("no work entries were found")
    assert "Rename 'Where I've Been' to 'Experience'" in warning
    assert '[headings] experience = ["Where I\'ve Been"]' in warning


@pytest.mark.parametrize("fmt", ["docx-heading-style", "md"])
def test_an_unknown_styled_heading_takes_the_section_its_words_suggest(tmp_path, fmt):
    sections = [("Career Path", "work"), ("Education", "education"), ("Skills", "skills")]
    resume = load_resume(FORMATS[fmt](tmp_path, sections))
    assert _jobs(resume) == WANT_JOBS
    assert resume.meta.unparsed == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_users_own_headings(tmp_path, fmt):
    """``[headings]`` in resumetool.toml reaches the parser as ``extra_headings``."""
    sections = [("My Arc So Far", "work"), ("Education", "education"), ("Skills", "skills")]
    path = FORMATS[fmt](tmp_path, sections)
    resume = load_resume(path, extra_headings={"experience": ["My arc so far"]})
    assert _jobs(resume) == WANT_JOBS
    assert resume.basics.label == LABEL
    assert resume.meta.unparsed == []


def test_a_heading_before_any_known_one_is_never_the_headline(tmp_path):
    """Capitals after a blank line, like the known 'EDUCATION' below it: a heading."""
    sections = [("Where I've Been", "work"), ("Education", "education"), ("Skills", "skills")]
    resume = load_resume(FORMATS["txt-caps"](tmp_path, sections))
    assert resume.basics.label == LABEL
    assert resume.meta.unparsed[0] == "WHERE I'VE BEEN"


SKILL_FORMATS = {
    "docx-table": lambda d, s: write_sections_docx(d / "r.docx", s),
    "pdf-grid": lambda d, s: write_pdf(sections_typst(s), d / "r.pdf"),
    "txt-columns": lambda d, s: _write(d / "r.txt", sections_text(s)),
}


@pytest.mark.parametrize("fmt", sorted(SKILL_FORMATS))
@pytest.mark.parametrize("heading", ["Technical Toolkit", "Skills"])
def test_a_two_column_skills_table_is_skill_groups(tmp_path, heading, fmt):
    """'Languages | Python, SQL, Scala' rows: groups named by the left cell, never spoken
    languages, never a heading made of the 'Languages' cell."""
    assert next(iter(SKILL_GROUPS)) == "Languages"  # the case that used to go wrong
    sections = [("Experience", "work"), ("Education", "education"), (heading, "skills-table")]
    resume = load_resume(SKILL_FORMATS[fmt](tmp_path, sections))
    assert _skills(resume) == WANT_SKILLS
    assert resume.languages == []
    assert _jobs(resume) == WANT_JOBS
    assert resume.meta.unparsed == []


@pytest.mark.parametrize("fmt", sorted(SKILL_FORMATS))
def test_label_and_list_rows_under_an_unknown_heading_are_skills(tmp_path, fmt):
    """The rows make the section skills; the heading the lexicon does not know is kept."""
    sections = [("Experience", "work"), ("Education", "education"), ("My Arsenal", "skills-table")]
    resume = load_resume(SKILL_FORMATS[fmt](tmp_path, sections))
    assert _skills(resume) == WANT_SKILLS
    assert [text.upper() for text in resume.meta.unparsed] == ["MY ARSENAL"]


def test_headings_in_a_label_column_are_sections(tmp_path):
    """A Word layout with each section's heading alone in a left-hand cell."""
    resume = load_resume(write_label_column_docx(tmp_path / "r.docx"))
    assert _jobs(resume) == WANT_JOBS
    assert [e.institution for e in resume.education] == ["Front Range University"]
    assert [k for s in resume.skills for k in s.keywords] == [
        k for items in SKILL_GROUPS.values() for k in items
    ]


def test_a_pdf_table_row_is_not_read_as_the_wrapped_end_of_the_row_above(tmp_path):
    """The first row's list ends at its column's right edge, as a wrapped line would: the
    next row has a label of its own in the left column, so it is a new row."""
    rows = [
        ("Programming", "Python, SQL, R, Scala, Go, Rust, TypeScript, Kotlin, Bash"),
        ("Data", "Airflow, Spark, dbt"),
        ("Cloud & ops", "AWS, Terraform, Docker"),
    ]
    cells = ", ".join(f"[{label}], [{items}]" for label, items in rows)
    body = section("Skills") + f"#grid(columns: (120pt, auto), row-gutter: 0pt, {cells})\n"
    resume = load_resume(write_pdf(typst_page(body), tmp_path / "r.pdf"))
    assert _skills(resume) == [(label, items.split(", ")) for label, items in rows]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Call me on (303) 555-0199.", []),
        ("Reach me at (303) 555-0199 or priya.raman@example.com", []),
        ("Phone (303) 555-0199 after six in the evening", ["after six in the evening"]),
    ],
)
def test_what_a_phone_number_leaves_of_a_line_is_never_the_headline(tmp_path, line, kept):
    text = (
        f"{PERSON['name']}\n"
        "I build data pipelines and I like it. I worked at two logistics firms.\n"
        f"{line}\n"
    )
    resume = load_resume(_write(tmp_path / "r.txt", text))
    assert resume.basics.label is None
    assert resume.basics.phone == "+1 303-555-0199"
    assert resume.meta.unparsed[1:] == kept
    assert "no sections were found" in diagnose(resume)[0]
