"""Patterns the held-out people of batch 8 brought: "2016–18", "May – Aug 2025", "Expected
May 2027", "Bar Admissions" and "Practice Areas", a city-state ("Singapore"), a firm's
legal form before a country ("Merlion Systems Pte Ltd, Singapore"), a postcode that names
its country ("Dublin 6W, D6W Y2R4"), a postal district ("Rathfarnham, Dublin 16"), a
part of town after an organisation ("Aga Khan University Hospital, Parklands, Nairobi")
and a school's campus after "at" ("The University of Texas at Austin")."""

from __future__ import annotations

import pytest
from parse_builders import parse_text

from resumetool.parse.lines import Document, Line, Run
from resumetool.structure import build_resume
from resumetool.structure.contact import known_places, parse_location
from resumetool.structure.dates import find_range
from resumetool.structure.entries import peel_location
from resumetool.structure.features import heading_section
from resumetool.structure.places import place_text


# ---- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2016–18", "2016", "2018", False),
        ("2016-18", "2016", "2018", False),
        ("2018–present", "2018", None, True),
        ("May – Aug 2025", "2025-05", "2025-08", False),
        ("Nov – Feb 2021", "2020-11", "2021-02", False),
        ("Aug 2023 – Expected May 2027", "2023-08", "2027-05", False),
        ("Jan. 2020 – Dec. 2021", "2020-01", "2021-12", False),
        ("May 2018 — Present", "2018-05", None, True),
    ],
)
def test_batch8_date_forms(text, start, end, current):
    found = find_range(text)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)
    assert found.span == (0, len(text))


@pytest.mark.parametrize("text", ["2010 - 12 staff", "2019 – 17 clients"])
def test_two_digits_after_a_year_are_no_end_year_inside_a_sentence(text):
    found = find_range(text)
    assert found is not None and found.end == found.start


# ---- headings -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Bar Admissions", "certificates"),
        ("BAR ADMISSIONS", "certificates"),
        ("Practice Areas", "skills"),
        ("Subjects", "skills"),
        ("Career History", "work"),
        ("Technical Proficiencies", "skills"),
        ("Training & Certifications", "certificates"),
    ],
)
def test_law_and_teaching_headings(heading, key):
    assert heading_section(heading)[0] == key


# ---- places ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Singapore", {"city": "Singapore", "countryCode": "SG"}),
        ("Germany", {"countryCode": "DE"}),  # a country alone is no city
        ("Merlion Systems Pte Ltd, Singapore", None),  # a firm, not a city
        (
            "Dublin 6W, D6W Y2R4",
            {"city": "Dublin", "countryCode": "IE", "address": "Dublin 6W, D6W Y2R4"},
        ),
        (
            "London, SW1A 1AA",
            {"city": "London", "countryCode": "GB", "address": "London, SW1A 1AA"},
        ),
        ("Acme Ltd, D6W Y2R4", None),
        ("Ennis, Co. Clare", {"city": "Ennis", "region": "Co. Clare"}),
        ("Omagh, County Tyrone", {"city": "Omagh", "region": "County Tyrone"}),
        ("Acme, Co. ltd", None),
        ("Springfield, 12345", None),  # five digits name no country
    ],
)
def test_city_states_legal_forms_and_postcodes(text, read):
    assert parse_location(text) == read


def test_a_city_state_is_printed_once():
    assert place_text({"city": "Singapore", "countryCode": "SG"}) == "Singapore"
    assert parse_location(place_text({"city": "Singapore", "countryCode": "SG"})) == {
        "city": "Singapore",
        "countryCode": "SG",
    }


def test_firm_with_a_legal_form_before_a_city_state_keeps_its_name(tmp_path):
    body = (
        "CAREER HISTORY\n--------------\n"
        "Project Manager -- Merlion Systems Pte Ltd, Singapore\nJul 2017 – Feb 2021\n"
        "- Shipped integrations for 5 banks\n"
    )
    resume = parse_text(
        tmp_path, "TAN WEI LING\nwl@example.com | +65 9155 0123 | Singapore\n\n" + body
    )
    assert resume.basics.location.city == "Singapore"
    assert [(w.position, w.name, w.location) for w in resume.work] == [
        ("Project Manager", "Merlion Systems Pte Ltd", "Singapore")
    ]


def test_postal_district_under_a_postcode_header_is_the_place(tmp_path):
    body = (
        "EMPLOYMENT HISTORY\n------------------\n"
        "Teacher of Physics -- Coláiste Éanna, Rathfarnham, Dublin 16\n2016–18\n"
        "- Taught Leaving Certificate physics\n"
    )
    resume = parse_text(tmp_path, "SIOBHAN BRENNAN\ns@example.com | Dublin 6W, D6W Y2R4\n\n" + body)
    assert resume.basics.location.city == "Dublin"
    assert resume.basics.location.countryCode == "IE"
    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in resume.work] == [
        ("Teacher of Physics", "Coláiste Éanna", "Rathfarnham, Dublin 16", "2016", "2018")
    ]


def test_part_of_town_after_an_organisation_in_bold(tmp_path):
    """ "**Aga Khan University Hospital**, Parklands, Nairobi", the role on the next line:
    after an organisation, a bare name before a city the header proves is the place."""
    lines = [
        Line(runs=[Run("Grace Kamau", bold=True)], size=20),
        Line(runs=[Run("grace@example.com | +254 722 555 018 | Nairobi, Kenya")]),
        Line(runs=[Run("Experience", bold=True)], size=14, block_start=True),
        Line(
            runs=[
                Run("Aga Khan University Hospital", bold=True),
                Run(", Parklands, Nairobi"),
                Run("May 2018 — Present", segment=1),
            ]
        ),
        Line(runs=[Run("Senior ICU Nurse")]),
        Line(runs=[Run("Care for ventilated patients")], bullet=True),
    ]
    resume = build_resume(Document(path=tmp_path / "x.docx", kind="docx", lines=lines))
    assert [(w.position, w.name, w.location, w.startDate) for w in resume.work] == [
        ("Senior ICU Nurse", "Aga Khan University Hospital", "Parklands, Nairobi", "2018-05")
    ]


def test_role_before_a_firm_and_city_is_no_part_of_town():
    """After a role ("Designer"), "Atelier Sainte-Catherine" is the firm, not a district."""
    with known_places(["Montréal", "Nairobi"]):
        assert peel_location("Designer, Atelier Sainte-Catherine, Montréal")[1] != (
            "Atelier Sainte-Catherine, Montréal"
        )
        assert peel_location("Chef, Bouchon Fontaine, Montréal 2e")[1] != (
            "Bouchon Fontaine, Montréal 2e"
        )
        assert peel_location("Aga Khan University Hospital, Parklands, Nairobi") == (
            "Aga Khan University Hospital",
            "Parklands, Nairobi",
        )


# ---- schools --------------------------------------------------------------------------------
def test_campus_after_at_stays_in_the_school_name(tmp_path):
    body = (
        "EDUCATION\n---------\n"
        "The University of Texas at Austin, B.S. in Mechanical Engineering, Aug 2023 – "
        "Expected May 2027\n\nEXPERIENCE\n----------\n"
        "Intern at Lone Star Robotics, Round Rock, TX\nMay – Aug 2025\n- Designed a bracket\n"
    )
    resume = parse_text(tmp_path, "DIEGO MORALES\nd@example.com | Austin, TX\n\n" + body)
    assert [(e.institution, e.studyType, e.startDate, e.endDate) for e in resume.education] == [
        ("The University of Texas at Austin", "B.S.", "2023-08", "2027-05")
    ]
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Intern", "Lone Star Robotics", "2025-05", "2025-08")
    ]
