"""``diagnose``: warnings a person can act on when a parse looks wrong, and none otherwise."""

from __future__ import annotations

import pytest
from parse_builders import (
    STANDARD_SECTIONS,
    sections_markdown,
    sections_text,
    sections_typst,
    write_pdf,
    write_sections_docx,
)

from resumetool.model import Resume
from resumetool.structure import diagnose, load_resume

CLEAN = {
    "txt": lambda d: _write(d / "r.txt", sections_text(STANDARD_SECTIONS)),
    "md": lambda d: _write(d / "r.md", sections_markdown(STANDARD_SECTIONS)),
    "docx": lambda d: write_sections_docx(d / "r.docx", STANDARD_SECTIONS),
    "pdf": lambda d: write_pdf(sections_typst(STANDARD_SECTIONS), d / "r.pdf"),
}


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(CLEAN))
def test_a_good_parse_has_no_warnings(tmp_path, fmt):
    assert diagnose(load_resume(CLEAN[fmt](tmp_path))) == []


def _resume(**data) -> Resume:
    return Resume.from_json_resume({"basics": {"name": "Ana Ruiz"}, **data})


WORK = [{"name": "Acme", "position": "Engineer", "startDate": "2020"}]


def test_dated_lines_without_a_work_entry_name_the_heading_to_rename():
    resume = _resume(
        education=[{"institution": "Front Range University"}],
        meta={
            "unparsed": [
                "THE ROAD SO FAR",
                "Acme Labs — Engineer (Jan 2019 – Mar 2022)",
                "Built the billing pipeline",
            ]
        },
    )
    (warning,) = diagnose(resume)
    assert "no work entries were found, but 1 line with dates was not placed" in warning
    assert "(first: 'Acme Labs — Engineer (Jan 2019 – Mar 2022)')" in warning
    assert "Rename 'THE ROAD SO FAR' to 'Experience'" in warning
    assert '[headings] experience = ["THE ROAD SO FAR"]' in warning


def test_many_lines_unplaced_suggest_the_section_their_content_reads_as():
    lines = ["Toolbelt Extras", "Python, SQL, Scala", "Spark, Kafka, Airflow", "Git, Docker"]
    lines += ["Figma, Miro", "Excel, Tableau"]
    (warning,) = diagnose(_resume(work=WORK, meta={"unparsed": lines}))
    assert warning.startswith("6 lines were not placed in any section")
    assert "Rename 'Toolbelt Extras' to 'Skills'" in warning


def test_many_lines_unplaced_without_a_heading_say_so_plainly():
    lines = [f"note number {n}." for n in "abcde"]
    (warning,) = diagnose(_resume(work=WORK, meta={"unparsed": lines}))
    assert warning == (
        "5 lines were not placed in any section (`resumetool parse` lists them under 'Not placed')."
    )


def test_a_few_unplaced_lines_are_no_warning():
    assert diagnose(_resume(work=WORK, meta={"unparsed": ["(weekdays only)"]})) == []


def test_skills_that_look_like_labels():
    skills = [{"keywords": ["Programming", "Python", "SQL", "Data", "Airflow", "Cloud & ops"]}]
    (warning,) = diagnose(_resume(work=WORK, skills=skills))
    assert "the skills list has keywords that look like group labels" in warning
    assert "('Programming', 'Data', 'Cloud & ops')" in warning
    assert "'Programming: …'" in warning


def test_one_skill_that_is_also_a_label_word_is_no_warning():
    skills = [{"name": "Tools", "keywords": ["Python", "Data", "Spark"]}]
    assert diagnose(_resume(work=WORK, skills=skills)) == []


def test_no_sections_at_all():
    resume = _resume(meta={"unparsed": ["I build data pipelines and I like it."]})
    assert diagnose(resume) == [
        "no sections were found: put each part of the resume under a heading on a line of "
        "its own (Experience, Education, Skills)."
    ]


def test_a_bare_undated_entry_among_dated_roles_suggests_an_unknown_heading(tmp_path):
    text = (
        "Jane Doe\njane@example.com\n\nExperience\nAcme Corp — Engineer\nJan 2020 - Present\n"
        "- Built the billing pipeline in Python\n\nMy toolbox\nPython, SQL\n"
    )
    (warning,) = diagnose(load_resume(_write(tmp_path / "r.txt", text)))
    assert warning.startswith("1 work entry without dates or lines among dated ones")
    assert "[headings] in resumetool.toml" in warning


def test_an_undated_role_with_bullets_is_not_flagged():
    resume = _resume(
        work=[*WORK, {"name": "Freelance", "position": "Consultant", "highlights": ["Ran audits"]}]
    )
    assert diagnose(resume) == []
