"""Patterns the held-out people of batch 7 brought: "2019/04", "Apr '19", "since 2020",
state codes outside the US ("São Paulo, SP"), towns with a district ("Lyon 2e") or a
neighbourhood ("Victoria Island, Lagos"), "B.Sc. (Hons)", "CGPA 8.7/10", research-CV
headings, and in PDFs cells drawn over each other and a date range wrapped at the margin."""

from __future__ import annotations

import pytest
from parse_builders import parse_text, section, typst_page, write_pdf

from resumetool.parse.lines import Document, Line, Run
from resumetool.structure import build_resume, load_resume
from resumetool.structure.contact import extract, parse_location
from resumetool.structure.dates import find_range
from resumetool.structure.entries import _take_gpa
from resumetool.structure.features import heading_section, match_degree


# ---- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2019/04 – 2021/03", "2019-04", "2021-03", False),
        ("2021/04 – present", "2021-04", None, True),
        ("Apr '19 – Mar '21", "2019-04", "2021-03", False),
        ("Sep ’98 – Jun ’01", "1998-09", "2001-06", False),
        ("since 2020", "2020", None, True),
        ("Since March 2018", "2018-03", None, True),
        ("2015 - date", "2015", None, True),
    ],
)
def test_more_date_forms(text, start, end, current):
    found = find_range(text)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)
    assert found.span == (0, len(text))


def test_since_is_cut_with_its_date_from_a_header(tmp_path):
    body = (
        "EXPERIENCE\n----------\nLogistics Manager -- Cape Fear Freight, Raleigh, NC\n"
        "since 2020\n- Ran a cross-dock\n"
    )
    resume = parse_text(tmp_path, "ANA RUIZ\nana@example.com | Denver, CO\n\n" + body)
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Logistics Manager", "Cape Fear Freight", "2020", None)
    ]


# ---- headings -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Academic Appointments", "work"),
        ("APPOINTMENTS", "work"),
        ("Languages Spoken", "languages"),
        ("Publications & Talks", "publications"),
    ],
)
def test_research_and_language_headings(heading, key):
    assert heading_section(heading)[0] == key


# ---- places and phones ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("São Paulo, SP", {"city": "São Paulo", "region": "SP"}),
        ("Parramatta, NSW", {"city": "Parramatta", "region": "NSW"}),
        ("Pune, Maharashtra", {"city": "Pune", "region": "Maharashtra"}),
        ("Stockholm, SE", None),  # Sweden's code is not read after a city; no state either
        ("Vitória, ES", {"city": "Vitória", "countryCode": "ES"}),  # a country wins
        ("Denver, CO", {"city": "Denver", "region": "CO"}),  # a US state wins
    ],
)
def test_states_outside_the_us(text, read):
    assert parse_location(text) == read


def test_national_number_read_in_the_country_of_a_state_code():
    contact = extract(["São Paulo, SP", "leticia@example.com", "(11) 95555-0173"])
    assert contact.phone == "+55 11 95555-0173"


def test_towns_with_a_district_or_a_neighbourhood_known_from_the_header(tmp_path):
    body = (
        "EXPERIENCE\n----------\n"
        "Chef-Owner -- Bouchon Fontaine, Lyon 2e\nMar 2016 – today\n- Opened a bouchon\n\n"
        "Audit Manager -- Okonkwo & Partners, Victoria Island, Lyon\n2015 - date\n"
        "- Managed audits\n"
    )
    resume = parse_text(tmp_path, "BENOIT FONTAINE\nb@example.com | Lyon, France\n\n" + body)
    assert [(w.position, w.name, w.location, w.endDate) for w in resume.work] == [
        ("Chef-Owner", "Bouchon Fontaine", "Lyon 2e", None),
        ("Audit Manager", "Okonkwo & Partners", "Victoria Island, Lyon", None),
    ]


def test_a_town_alone_beats_a_name_after_a_comma_the_lexicon_does_not_know(tmp_path):
    """ "Commis de Cuisine, Le Pré Catelan" as a heading, "Paris" and the dates below: the
    part that is a town by itself is the place, the comma splits role and company."""
    lines = [
        Line(runs=[Run("Ana Ruiz", bold=True)], size=20),
        Line(runs=[Run("ana.ruiz@example.com | (303) 555-0101 | Denver, CO")]),
        Line(runs=[Run("Experience", bold=True)], size=14, block_start=True),
        Line(runs=[Run("Commis de Cuisine, Le Pré Catelan", bold=True)], size=13),
        Line(runs=[Run("Paris"), Run("Jun 2010 – Aug 2012", segment=1)]),
        Line(runs=[Run("Rotated through garde-manger and sauce")], bullet=True),
    ]
    resume = build_resume(Document(path=tmp_path / "x.docx", kind="docx", lines=lines))
    assert [(w.position, w.name, w.location) for w in resume.work] == [
        ("Commis de Cuisine", "Le Pré Catelan", "Paris")
    ]


# ---- degrees and grades ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("B.Sc. (Hons) in Accounting", ("B.Sc. (Hons)", "in Accounting")),
        ("BA Hons, History", ("BA Hons", ", History")),
        ("B.Tech in Computer Science", ("B.Tech", "in Computer Science")),
        ("B.TechNational Institute of Technology", ("B.Tech", "National Institute of Technology")),
        ("Bachelor’s", ("Bachelor’s", "")),
        ("MasterCard Inc.", None),
    ],
)
def test_more_degrees(text, found):
    assert match_degree(text) == found


def test_cgpa_on_a_ten_point_scale():
    data: dict = {}
    assert _take_gpa("B.Tech in CSE; GPA CGPA 8.7/10", data).strip(" ;") == "B.Tech in CSE"
    assert data["score"] == "8.7/10"


# ---- PDFs -------------------------------------------------------------------------------------
def test_degree_drawn_into_the_school_column_stays_apart(tmp_path):
    """A degree wider than its column is drawn over the start of the school's name; read
    left to right their letters interleave ("DiplomCahisholm"), read in drawing order
    each cell is whole."""
    body = section("Education") + (
        "#grid(columns: (1.0cm, 1fr, auto), column-gutter: 0pt,\n"
        "  [*Diploma*], [*Chisholm Institute*, Nursing], [Feb 2015 – Dec 2016])\n"
    )
    resume = load_resume(write_pdf(typst_page(body), tmp_path / "edu.pdf"))
    assert [(e.institution, e.studyType, e.area) for e in resume.education] == [
        ("Chisholm Institute", "Diploma", "Nursing")
    ]


def test_open_date_range_wrapped_to_the_next_line_goes_back(tmp_path):
    """A right-aligned "2015 - date" that did not fit: "date" wraps to the left margin of
    the next line; it ends the range, not the company's line."""
    body = section("Experience") + (
        "*Okonkwo & Partners Chartered Accountants*, Victoria Island, Lagos #h(1fr) 2015 -"
        " \\ date\n\n_Audit Manager_\n\n- Managed statutory audits for 14 clients\n"
    )
    page = typst_page(body, contact="ana.ruiz\\@example.com | +234 803 555 0192 | Lagos, Nigeria")
    resume = load_resume(write_pdf(page, tmp_path / "work.pdf"))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Audit Manager", "Okonkwo & Partners Chartered Accountants", "2015", None)
    ]


def test_degree_hyphenated_down_a_narrow_column_is_joined(tmp_path):
    """ "Post-", "grad-", "uate Diploma": the last piece spills under the school's column
    (one word too long), and still ends the degree."""
    body = section("Education") + (
        "#grid(columns: (1.1cm, 1fr, auto), column-gutter: 0pt,\n"
        "  [*Post\\u{ad}grad\\u{ad}uate~Diploma*],"
        " [*Lund University*, Intensive Care Nursing], [2019 – 2020])\n"
    )
    resume = load_resume(write_pdf(typst_page(body), tmp_path / "edu.pdf"))
    assert [(e.institution, e.studyType, e.area) for e in resume.education] == [
        ("Lund University", "Postgraduate Diploma", "Intensive Care Nursing")
    ]
