"""The text and Markdown reader: headings, bullets, wrapped lines, columns, encodings."""

from __future__ import annotations

from parse_builders import RESUME_MARKDOWN, RESUME_TEXT

from resumetool.parse import read_document
from resumetool.parse.lines import split_bullet
from resumetool.parse.text import decode


def _read(tmp_path, text, name="resume.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_underlined_headings_bullets_and_wraps(tmp_path):
    document = _read(tmp_path, RESUME_TEXT)
    levels = [line.plain for line in document.lines if line.heading_level]
    assert levels == ["SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS"]
    bullets = [line.plain for line in document.lines if line.bullet]
    assert bullets[0].endswith("for the finance and sales dashboards")  # indented wrap joined
    assert len(bullets) == 5


def test_markdown_headings_emphasis_and_links(tmp_path):
    document = _read(tmp_path, RESUME_MARKDOWN, "resume.md")
    assert document.kind == "markdown"
    assert [(line.plain, line.heading_level) for line in document.lines[:1]] == [("Priya Raman", 1)]
    assert "https://www.linkedin.com/in/priyaraman" in document.links
    skill = next(line for line in document.lines if line.plain.startswith("Languages"))
    assert skill.bullet and skill.starts_bold


def test_columns_of_spaces_become_segments(tmp_path):
    document = _read(tmp_path, "Lumen Analytics, Denver, CO        Mar 2020 - Present\n")
    assert document.lines[0].segments == ["Lumen Analytics, Denver, CO", "Mar 2020 - Present"]


def test_decode_falls_back():
    assert decode("Ibáñez – 2020".encode("cp1252")) == "Ibáñez – 2020"
    assert decode("Ibáñez".encode()) == "Ibáñez"
    assert decode(b"\xef\xbb\xbfHello") == "Hello"
    assert decode("Hi".encode("utf-16")) == "Hi"
    assert decode(bytes(range(128, 256)))  # never raises


def test_split_bullet_markers():
    assert split_bullet("• Led the team") == ("Led the team", True, False)
    assert split_bullet("- Led the team") == ("Led the team", True, False)
    assert split_bullet("* Led the team") == ("Led the team", True, False)
    assert split_bullet("3. Led the team") == ("Led the team", True, True)
    assert split_bullet("2) Led the team") == ("Led the team", True, True)
    assert split_bullet("2019 – 2020") == ("2019 – 2020", False, False)
    assert split_bullet("3.6 GPA") == ("3.6 GPA", False, False)
    assert split_bullet("-") == ("-", False, False)
