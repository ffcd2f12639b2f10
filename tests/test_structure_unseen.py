"""Patterns the held-out people of batch 5 brought: places no list knows, ISO codes after a
city, national phone numbers of another country, grades in words, headings that name two
sections, a degree column flush against the school's, a date range that wrapped its year."""

from __future__ import annotations

import pytest
from parse_builders import parse_text, section, typst_page, write_pdf

from resumetool.parse.lines import Document, Line, Run
from resumetool.structure import build_resume, load_resume
from resumetool.structure.contact import bare_place, extract, parse_location
from resumetool.structure.entries import _take_gpa
from resumetool.structure.features import match_degree

HEAD = "ANA RUIZ\nana.ruiz@example.com | (303) 555-0101 | Denver, CO\n\n"


# ---- places -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Zürich, CH", {"city": "Zürich", "countryCode": "CH"}),
        ("Bern, CH", {"city": "Bern", "countryCode": "CH"}),
        ("İstanbul, Türkiye", {"city": "İstanbul", "countryCode": "TR"}),
        ("Łódź, Poland", {"city": "Łódź", "countryCode": "PL"}),
        ("Denver, CO", {"city": "Denver", "region": "CO"}),  # the state, not Colombia
        ("Toronto, CA", {"city": "Toronto", "region": "CA"}),
        ("Manager, HR", None),  # a department, not Croatia
        ("Director, IT", None),
        ("IT", None),  # a code alone is never a place
        ("Brightline Office Supply, Atlanta, GA", None),  # a company before the city
        ("Springvale", None),  # a bare town: only where the document proves it
    ],
)
def test_places_with_iso_codes_and_any_capital(text, read):
    assert parse_location(text) == read


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Springvale", True),
        ("Montréal", True),
        ("Québec City", True),
        ("Newcastle upon Tyne", True),
        ("Brand Designer", False),
        ("Acme Labs", False),
        ("Open to relocation", False),
        ("linkedin.com/in/x", False),
    ],
)
def test_bare_place(text, place):
    assert bare_place(text) is place


def test_bare_town_in_a_contact_line_is_the_location_and_a_trunk_zero_number_kept():
    contact = extract(["Springvale", "ewa@care.example", "0412 555 018"])
    assert contact.location == {"city": "Springvale"}
    # "0…" is a national number of a country the header does not name: not a US one
    assert contact.phone == "0412 555 018"
    assert not contact.leftovers


def test_national_number_read_in_the_country_of_an_iso_code():
    contact = extract(["Zürich, CH", "lukas@example.com", "044 555 01 23"])
    assert (contact.location, contact.phone) == (
        {"city": "Zürich", "countryCode": "CH"},
        "+41 44 555 01 23",
    )


PLACES_TXT = """EWA NOWAK
Care Coordinator
Springvale | ewa@care.example | 0412 555 018

EXPERIENCE
----------
Care Coordinator -- Banksia Gardens Aged Care, Springvale
Jul 2020 – Present
- Coordinate care plans for 90 residents

Personal Care Worker -- HomeWell Community Care, Dandenong
Jan 2014 – Jan 2017
- Supported 12 clients a week at home
"""


def test_phone_in_pairs_of_digits_read_in_the_country_of_the_address():
    contact = extract(["Lyon, FR", "anais@labo.example", "04 72 55 01 88"])
    assert contact.phone == "+33 4 72 55 01 88"


def test_town_after_the_company_wins_over_a_title_the_lexicon_does_not_know(tmp_path):
    """ "Greenkeeper" has no role word the lexicon knows and reads like a town; the comma
    before "Bradford" is the better sign of the place."""
    body = (
        "EXPERIENCE\n----------\nGreenkeeper -- Aire Valley Consulting, Bradford\n"
        "Aug 2015 – Mar 2019\n- Kept the greens\n"
    )
    resume = parse_text(tmp_path, HEAD + body)
    assert [(w.position, w.name, w.location) for w in resume.work] == [
        ("Greenkeeper", "Aire Valley Consulting", "Bradford")
    ]


def test_towns_known_from_the_header_and_after_a_company(tmp_path):
    resume = parse_text(tmp_path, PLACES_TXT)
    assert resume.basics.location.city == "Springvale"
    assert [(w.position, w.name, w.location) for w in resume.work] == [
        ("Care Coordinator", "Banksia Gardens Aged Care", "Springvale"),
        ("Personal Care Worker", "HomeWell Community Care", "Dandenong"),
    ]


def test_a_bare_town_beside_position_and_company_in_word(tmp_path):
    """Company, town (plain) and dates at a tab, the title in italics below: the town no
    list knows is the place, not the position."""
    import docx

    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph().add_run("Ewa Nowak").bold = True
    document.add_paragraph("ewa@care.example  ·  +61 412 555 018")
    heading = document.add_paragraph()
    heading.add_run("EXPERIENCE").bold = True
    for company, town, dates, title in [
        ("HomeWell Community Care", "Dandenong", "Jan 2014 – Jan 2017", "Personal Care Worker"),
        ("Maison Tremblay Communications", "Québec City", "Summer 2017", "Junior Designer"),
    ]:
        line = document.add_paragraph()
        line.add_run(company).bold = True
        line.add_run(f", {town}\t{dates}")
        document.add_paragraph().add_run(title).italic = True
        document.add_paragraph("• Did the work well", style="List Bullet")
    document.save(path)
    resume = load_resume(path)
    assert [(w.position, w.name, w.location) for w in resume.work] == [
        ("Personal Care Worker", "HomeWell Community Care", "Dandenong"),
        ("Junior Designer", "Maison Tremblay Communications", "Québec City"),
    ]


# ---- headings that name two sections --------------------------------------------------------


def test_qualifications_of_schools_and_degrees_are_education(tmp_path):
    body = (
        "QUALIFICATIONS\n--------------\n"
        "Chisholm Institute, Diploma in Nursing, Feb 2015 – Dec 2016; GPA Distinction\n"
        "Chisholm Institute, Certificate III in Individual Support, 2013\n"
    )
    resume = parse_text(tmp_path, HEAD + body)
    assert not resume.skills
    assert [(e.institution, e.studyType, e.area, e.score) for e in resume.education] == [
        ("Chisholm Institute", "Diploma", "Nursing", "Distinction"),
        ("Chisholm Institute", "Certificate III", "Individual Support", None),
    ]


def test_qualifications_as_a_skills_list_stay_skills(tmp_path):
    body = "QUALIFICATIONS\n--------------\nRostering, Dementia care, Care planning\n"
    resume = parse_text(tmp_path, HEAD + body)
    assert not resume.education
    assert [k for s in resume.skills for k in s.keywords] == [
        "Rostering",
        "Dementia care",
        "Care planning",
    ]


def test_training_by_what_it_holds(tmp_path):
    courses = "TRAINING\n--------\nMEDDICC Certified, MEDDICC Academy (2021)\n"
    assert [c.name for c in parse_text(tmp_path, HEAD + courses).certificates] == [
        "MEDDICC Certified"
    ]
    school = (
        "TRAINING\n--------\nCIFP Txurdinaga, Técnico in Electrical Installations, "
        "Sep 2011 – Jun 2013\n"
    )
    resume = parse_text(tmp_path, HEAD + school)
    assert not resume.certificates
    assert [(e.startDate, e.endDate) for e in resume.education] == [("2011-09", "2013-06")]


def test_selected_work_without_dates_or_roles_is_a_portfolio(tmp_path):
    portfolio = (
        "SELECTED WORK\n-------------\n"
        "Festival Lueurs -- Identity and wayfinding for a winter light festival.\n"
    )
    resume = parse_text(tmp_path, HEAD + portfolio)
    assert (resume.work, [p.name for p in resume.projects]) == ([], ["Festival Lueurs"])
    jobs = "SELECTED WORK\n-------------\nDesigner -- Atelier Nord\n2019 – 2022\n- Posters\n"
    assert [w.position for w in parse_text(tmp_path, HEAD + jobs).work] == ["Designer"]


@pytest.mark.parametrize(("heading", "key"), [("METHODS", "skills"), ("OUTREACH", "volunteer")])
def test_research_cv_headings(tmp_path, heading, key):
    body = f"{heading}\n{'-' * len(heading)}\n"
    body += (
        "Analysis: R, Python, GIS\n"
        if key == "skills"
        else "Outreach Volunteer -- Skóli á sjó\n01/2019 - Present\n- Took classes to sea\n"
    )
    resume = parse_text(tmp_path, HEAD + body)
    assert getattr(resume, key)


# ---- education ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "rest", "score"),
    [
        ("GPA: Distinction", "", "Distinction"),
        ("GPA Mention d'excellence", "", "Mention d'excellence"),
        (
            "B.Arch. in Architecture; GPA Magna cum laude",
            "B.Arch. in Architecture",
            "Magna cum laude",
        ),
        ("Magna cum laude", "", "Magna cum laude"),
        (
            "BSc in Nursing, 2015; GPA Pass with distinction",
            "BSc in Nursing, 2015",
            "Pass with distinction",
        ),
        ("Grades vary a lot", "Grades vary a lot", None),
        ("GPA: 3.8", "", "3.8"),
        ("Studied merit systems", "Studied merit systems", None),
        ("Graduated with honors in history", "Graduated with honors in history", None),
    ],
)
def test_grades_in_words(text, rest, score):
    data: dict[str, str] = {}
    assert _take_gpa(text, data) == rest
    assert data.get("score") == score


def test_long_school_line_ending_in_a_word_grade_is_an_entry_not_a_paragraph(tmp_path):
    body = (
        "EDUCATION\n---------\n"
        "University of Bergen, PhD in Marine Biology, 09/2017 – 06/2021\n"
        "University of Iceland, BS in Biology, 09/2013 – 06/2016; GPA First Class\n"
    )
    schools = parse_text(tmp_path, HEAD + body).education
    assert [(e.institution, e.studyType, e.score) for e in schools] == [
        ("University of Bergen", "PhD", None),
        ("University of Iceland", "BS", "First Class"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("M.Arch.Technische Universität Berlin", ("M.Arch.", "Technische Universität Berlin")),
        ("BDes in Graphic Design", ("BDes", "in Graphic Design")),
        ("Certificate III in Individual Support", ("Certificate III", "in Individual Support")),
        ("Técnico in Electrical Installations", ("Técnico", "in Electrical Installations")),
        ("Laurea in Ingegneria", ("Laurea", "in Ingegneria")),
        ("Mastering Typography", None),
    ],
)
def test_degrees(text, found):
    assert match_degree(text) == found


def test_degree_column_flush_against_the_school_in_a_pdf(tmp_path):
    """A degree column too narrow for "M.Arch." puts it against the school's name with no
    space between; the reader gets one word, the school is still cut off."""
    body = section("Education") + (
        "#grid(columns: (0.9cm, 1fr, auto), column-gutter: 0pt,\n"
        "  [*M.Arch.*], [*Technische Universität Berlin*, Architecture], "
        "[Oct 2013 – Jan 2015])\n"
    )
    resume = load_resume(write_pdf(typst_page(body), tmp_path / "edu.pdf"))
    assert [(e.institution, e.studyType) for e in resume.education] == [
        ("Technische Universität Berlin", "M.Arch.")
    ]


# ---- a date range that wrapped its year -----------------------------------------------------
def test_year_wrapped_under_the_company_goes_back_to_the_dates(tmp_path):
    lines = [
        Line(runs=[Run("Ana Ruiz", bold=True)], size=20),
        Line(runs=[Run("ana.ruiz@example.com | (303) 555-0101 | Denver, CO")]),
        Line(runs=[Run("EXPERIENCE", bold=True)], block_start=True),
        Line(
            runs=[
                Run("Studio Lindemann Architekten", bold=True),
                Run(", Hamburg, Germany 2021"),
                Run("October 2017 to March", segment=1),
            ]
        ),
        Line(runs=[Run("Architect", italic=True)]),
        Line(runs=[Run("Designed 220 units of social housing")], bullet=True),
    ]
    resume = build_resume(Document(path=tmp_path / "x.pdf", kind="pdf", lines=lines))
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Architect", "Studio Lindemann Architekten", "2017-10", "2021-03")
    ]
