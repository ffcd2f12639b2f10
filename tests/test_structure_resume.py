"""Whole resumes through load_resume: one person, every format and layout, one answer."""

from __future__ import annotations

import json

import pytest
from parse_builders import (
    JOBS,
    PERSON,
    RESUME_MARKDOWN,
    RESUME_TEXT,
    SKILL_GROUPS,
    resume_typst,
    sidebar_typst,
    write_docx,
    write_pdf,
)

from resumetool.errors import ValidationFailed
from resumetool.parse.lines import Document, Line, Run
from resumetool.structure import build_resume, format_outline, load_resume
from resumetool.structure.contact import extract, parse_location, profile_for

BUILDERS = {
    "pdf-company-first": lambda d: write_pdf(resume_typst(), d / "a.pdf"),
    "pdf-position-first": lambda d: write_pdf(resume_typst(company_first=False), d / "b.pdf"),
    "pdf-sidebar": lambda d: write_pdf(sidebar_typst(), d / "c.pdf"),
    "docx-styles": lambda d: write_docx(d / "styles.docx", layout="styles"),
    "docx-table": lambda d: write_docx(d / "table.docx", layout="table"),
    "docx-plain": lambda d: write_docx(d / "plain.docx", layout="plain"),
    "txt": lambda d: _write(d / "resume.txt", RESUME_TEXT),
    "md": lambda d: _write(d / "resume.md", RESUME_MARKDOWN),
}


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def parsed(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    return request.param, load_resume(BUILDERS[request.param](folder))


def test_contact_details(parsed):
    _, resume = parsed
    basics = resume.basics
    assert basics.name == PERSON["name"]
    assert basics.email == PERSON["email"]
    assert basics.phone == "+1 303-555-0199"
    assert basics.location and basics.location.city == PERSON["city"]


def test_work_entries_fields_and_dates(parsed):
    _, resume = parsed
    got = [(w.position, w.name, w.startDate, w.endDate) for w in resume.work]
    want = [(j["position"], j["company"], j["start"], j["end"]) for j in JOBS]
    assert got == want


def test_highlights_in_order(parsed):
    _, resume = parsed
    assert [w.highlights for w in resume.work] == [j["bullets"] for j in JOBS]


def test_education(parsed):
    _, resume = parsed
    (education,) = resume.education
    assert education.institution == "Front Range University"
    assert (education.studyType, education.area) == ("B.S.", "Statistics")
    assert education.startDate[:4] == "2012" and education.endDate[:4] == "2016"


def test_skills(parsed):
    layout, resume = parsed
    flat = [k for skill in resume.skills for k in skill.keywords]
    assert flat == [k for items in SKILL_GROUPS.values() for k in items]
    if layout in ("pdf-company-first", "pdf-position-first", "docx-styles", "txt", "md"):
        assert [s.name for s in resume.skills] == list(SKILL_GROUPS)
    else:
        assert [s.name for s in resume.skills] in ([None], [""])


def test_json_is_valid_json_resume(parsed):
    import jsonschema
    from conftest import ROOT

    _, resume = parsed
    schema = json.loads((ROOT / "resumetool/data/jsonresume-schema-1.0.0.json").read_text())
    jsonschema.validate(resume.to_json_resume(), schema)


def test_outline_shows_each_entry(parsed):
    _, resume = parsed
    outline = format_outline(resume)
    assert outline.splitlines()[0].startswith(PERSON["name"])
    for job in JOBS:
        assert f"{job['position']} · {job['company']}" in outline


def test_unplaced_text_is_kept_not_dropped(tmp_path):
    lines = [
        Line([Run("Ana Ruiz")], size=20),
        Line([Run("Experience", bold=True)], size=12),
        Line([Run("Acme Labs, Engineer"), Run("2019 – 2021", segment=1)], size=10),
        Line([Run("Shipped things")], bullet=True, size=10),
        Line([Run("Curiosities and Oddities", bold=True)], size=12),
        Line([Run("Sourdough, bouldering")], size=10),
        Line([Run("Skills", bold=True)], size=12),
        Line([Run("Python")], size=10),
    ]
    resume = build_resume(Document(path=tmp_path / "x.docx", kind="docx", lines=lines))
    assert "Sourdough, bouldering" in resume.meta.unparsed
    assert [k for s in resume.skills for k in s.keywords] == ["Python"]
    assert resume.work[0].highlights == ["Shipped things"]


def test_json_resume_files_go_straight_to_the_model(tmp_path):
    data = {"basics": {"name": "Ana Ruiz"}, "work": [{"name": "Acme", "startDate": "2020-01"}]}
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(data))
    assert load_resume(path).work[0].name == "Acme"
    yaml_path = tmp_path / "resume.yaml"
    yaml_path.write_text(
        "basics:\n  name: Ana Ruiz\nwork:\n  - name: Acme\n    startDate: 2020-01\n"
    )
    assert load_resume(yaml_path).work[0].startDate == "2020-01"


def test_json_resume_errors_name_the_field_and_line(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(
        '{\n  "basics": {"name": "Ana"},\n  "work": [\n    {"startDate": "May 2020"}\n  ]\n}'
    )
    with pytest.raises(ValidationFailed) as caught:
        load_resume(path)
    assert caught.value.field == "work.0.startDate"
    assert caught.value.line == 4
    broken = tmp_path / "broken.json"
    broken.write_text('{"basics": {"name": "Ana"},,}')
    with pytest.raises(ValidationFailed, match="invalid JSON"):
        load_resume(broken)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Seattle, WA", {"city": "Seattle", "region": "WA"}),
        ("Toronto, Ontario", {"city": "Toronto", "region": "Ontario"}),
        ("Berlin, Germany", {"city": "Berlin", "countryCode": "DE"}),
        ("Lisbon, Portugal", {"city": "Lisbon", "countryCode": "PT"}),
        ("Munich, Deutschland", {"city": "Munich", "countryCode": "DE"}),
        ("Leeds, U.K.", {"city": "Leeds", "countryCode": "GB"}),
        ("Austin, TX, USA", {"city": "Austin", "region": "TX", "countryCode": "US"}),
        ("Toronto, ON, Canada", {"city": "Toronto", "region": "ON", "countryCode": "CA"}),
        ("Portugal", {"countryCode": "PT"}),
        ("portugal", None),
        ("Remote", {"address": "Remote"}),
        ("Registered Nurse, Medical ICU", None),
        ("Brightline Office Supply, Atlanta, GA", None),
        ("98101", None),
    ],
)
def test_locations(text, location):
    assert parse_location(text) == location


def test_contact_from_parts_and_links():
    contact = extract(
        ["Seattle, WA", "ana@x.io", "206.555.0143", "github.com/anar", "anar.dev"],
        ["https://www.linkedin.com/in/ana-ruiz", "tel:+1-206-555-0143"],
    )
    assert contact.email == "ana@x.io"
    assert contact.phone == "+1 206-555-0143"
    assert contact.location == {"city": "Seattle", "region": "WA"}
    assert [(p["network"], p["username"]) for p in contact.profiles] == [
        ("GitHub", "anar"),
        ("LinkedIn", "ana-ruiz"),
    ]
    assert contact.url == "https://anar.dev"
    assert contact.leftovers == []


def test_profile_for_unknown_site_is_none():
    assert profile_for("https://example.org/me") is None


EDGE_TEXT = """ANA RUIZ
ana@ruiz.dev

EXPERIENCE
Chief Wizard at Quibble
2021 – Present
- Did magic things

Wizard at Acme Labs
Sept. 2019 — now
- Did more

EDUCATION
Master of Science in Computer Science, University of Washington, Seattle, WA, 2016 – 2018
University of California, Berkeley, B.A., Economics, 2008 - 2012
"""


def test_at_separator_and_entries_without_bullets(tmp_path):
    resume = load_resume(_write(tmp_path / "edge.txt", EDGE_TEXT))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Chief Wizard", "Quibble", "2021", None),
        ("Wizard", "Acme Labs", "2019-09", None),
    ]
    assert [(e.studyType, e.area, e.institution) for e in resume.education] == [
        ("Master of Science", "Computer Science", "University of Washington"),
        ("B.A.", "Economics", "University of California, Berkeley"),
    ]
    assert "Seattle, WA" in resume.meta.unparsed  # kept, not dropped
