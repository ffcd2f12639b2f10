"""Layouts that narrow columns make: dates and degrees that wrap, text drawn touching a date.

Why these: theme generators (RenderCV and others) put dates, places and degrees in narrow
columns beside the text. A long "September 2014 – January 2018" or "Associate of Applied
Science" wraps inside its column, onto lines that also hold other text; a date that does
not fit its tab stop is drawn touching the text before it. Each test builds one such page
with Typst (real PDFs, real glyph positions) and checks the resume read back from it.
"""

from __future__ import annotations

import pytest
from parse_builders import section, typst_page, write_pdf

from resumetool.parse import read_document
from resumetool.structure import load_resume


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("layouts")


def _resume(folder, name, body, **kw):
    return load_resume(write_pdf(typst_page(body, **kw), folder / f"{name}.pdf"))


def test_date_wrapped_in_a_left_date_column(folder):
    body = section("Experience") + (
        "#grid(columns: (3.2cm, 1fr), column-gutter: 0.6cm,\n"
        "  align(right)[September 2014 – January 2018],\n"
        "  [*Legal Assistant*, Cook County Public Defender's Office – Chicago, IL\n"
        "   - Interviewed clients and witnesses in English and Spanish\n"
        "   - Tracked court dates for a caseload of 180 felony matters],\n"
        ")\n"
    )
    (job,) = _resume(folder, "left-dates", body).work
    assert (job.startDate, job.endDate) == ("2014-09", "2018-01")
    assert (job.position, job.name, job.location) == (
        "Legal Assistant",
        "Cook County Public Defender’s Office",
        "Chicago, IL",
    )
    assert job.highlights[0] == "Interviewed clients and witnesses in English and Spanish"
    assert len(job.highlights) == 2


@pytest.mark.parametrize("width", ["2.6cm", "2.1cm"])
def test_date_wrapped_and_spread_in_a_right_date_column(folder, width):
    """Justified and hyphenated in a narrow right column: "September ‖ 2016 ‖ –" spread
    apart, then "Decem-" / "ber 2019" or "December 2019" on the line below."""
    body = section("Experience") + (
        f"#grid(columns: (1fr, {width}), column-gutter: 0.3cm,\n"
        "  [*Audit Senior Associate*],\n"
        "  [#set par(justify: true)\n#set text(hyphenate: true)\n"
        "St. Paul, MN \\ September 2016 – December 2019],\n"
        ")\n"
        "- Led fieldwork on audits of credit unions\n"
        "- Supervised teams of two to four associates\n"
    )
    (job,) = _resume(folder, f"right-dates-{width}", body).work
    assert (job.startDate, job.endDate, job.location) == ("2016-09", "2019-12", "St. Paul, MN")
    assert job.highlights == [
        "Led fieldwork on audits of credit unions",
        "Supervised teams of two to four associates",
    ]


def test_degree_hyphenated_down_a_narrow_column(folder):
    body = section("Education") + (
        "#grid(columns: (1cm, 1fr, auto), column-gutter: 0.15cm,\n"
        "  [#set par(justify: true)\n#set text(hyphenate: true)\n"
        "*Associate of Applied Science*],\n"
        "  [*High Desert College*, Supply Chain Management], [2017 – 2019])\n"
    )
    (school,) = _resume(folder, "degree-column", body).education
    assert (school.studyType, school.institution, school.area) == (
        "Associate of Applied Science",
        "High Desert College",
        "Supply Chain Management",
    )
    assert (school.startDate, school.endDate) == ("2017", "2019")


def test_date_glued_to_the_text_before_it(folder):
    """A right tab that did not fit: the date is drawn with no gap ("ILSeptember")."""
    body = section("Experience") + (
        "*Cook County Public Defender's Office*, Chicago, IL#h(0pt)September 2014 – "
        "January 2018\n\n_Legal Assistant_\n\n- Tracked court dates\n"
    )
    (job,) = _resume(folder, "glued", body).work
    assert (job.startDate, job.endDate, job.location) == ("2014-09", "2018-01", "Chicago, IL")
    assert job.position == "Legal Assistant"


def test_date_touching_text_on_another_baseline_is_its_own_segment(folder):
    body = (
        "- Led fieldwork on audits of credit unions#h(1pt)"
        "#box(move(dy: -1.2pt)[September 2016 – December 2019])\n"
    )
    document = read_document(write_pdf(typst_page(body), folder / "baseline.pdf"))
    bullet = next(line for line in document.lines if line.bullet)
    assert bullet.segments == [
        "Led fieldwork on audits of credit unions",
        "September 2016 – December 2019",
    ]


def test_date_right_after_text_that_wraps_below_it(folder):
    """The header's text fills its column and wraps ("… Logistics" / "International Group – …");
    the date column starts right where that text stopped, with no gap between."""
    body = section("Experience") + (
        "#grid(columns: (1fr, auto), column-gutter: 1.5pt,\n"
        "  [#set par(justify: true)\n"
        "*Senior HR Business Partner, Engineering & Operations*, Maplewood Logistics "
        "International Group – Toronto, ON], [November 2020 – present])\n"
        "- Redesigned the promotion process\n"
    )
    (job,) = _resume(folder, "trailing-date", body).work
    assert job.startDate == "2020-11" and job.endDate is None
    assert job.name == "Maplewood Logistics International Group"
    assert job.location == "Toronto, ON"


def test_last_word_wrapped_beside_the_dates(folder):
    """A tab-aligned date pushed to the next line with the paragraph's last word."""
    body = section("Education") + (
        "*York University*\n\n"
        "Bachelor of Human Resources Management in Human Resources Administration and "
        "Labour\\ Studies #h(1fr) September 2011 – June 2015\n"
    )
    (school,) = _resume(folder, "wrapped-last-word", body).education
    assert school.studyType == "Bachelor of Human Resources Management"
    assert school.area == "Human Resources Administration and Labour Studies"
    assert (school.startDate, school.endDate) == ("2011-09", "2015-06")


def test_place_wrapped_onto_a_dash_line_is_not_a_bullet(folder):
    body = section("Experience") + (
        "#grid(columns: (1fr, auto), column-gutter: 1cm,\n"
        "  [*Chemistry Teacher & Science Department Chair*, Westbury Heights High School\\ "
        "– Houston, TX], [2019 – present])\n"
        "- Teach five sections of Chemistry\n"
    )
    (job,) = _resume(folder, "dash-place", body).work
    assert job.location == "Houston, TX"
    assert job.highlights == ["Teach five sections of Chemistry"]


def test_page_break_joins_only_unfinished_text(folder):
    body = section("Certifications") + (
        "Professional Engineer (P.E.), Colorado, Colorado State Board of Licensure (2018)"
        "#linebreak(justify: true)\n#pagebreak()\n"
        "OSHA 30-Hour Construction Safety, OSHA (2016)\n"
        + section("Experience")
        + "*Acme Corp*, Engineer #h(1fr) 2019 – 2021\n\n"
        "- Reported changes in condition to the charge nurse promptly and accurately "
        "to keep every handoff safe and complete, and wrote the unit guide for new\n"
        "#pagebreak()\n"
        "#pad(left: 0.6em)[graduates on nights]\n"
    )
    resume = _resume(folder, "page-break", body)
    assert len(resume.certificates) == 2
    assert resume.certificates[1].name == "OSHA 30-Hour Construction Safety"
    (job,) = resume.work
    assert job.highlights[0].endswith("wrote the unit guide for new graduates on nights")


def test_footer_with_name_and_page_number_is_not_content(folder):
    body = (
        section("Languages")
        + "English: Native\n\nSwedish: Conversational\n\n"
        + "#place(bottom + center)[#text(size: 8pt)[Ana Ruiz Page 1 of 1]]\n"
    )
    resume = _resume(folder, "footer", body)
    assert [x.language for x in resume.languages] == ["English", "Swedish"]


def test_undated_entry_after_dated_ones_in_a_date_column(folder):
    """Beside a date column, an entry without a date starts where the others' text does."""
    body = section("Certifications") + (
        "#grid(columns: (3.2cm, 1fr), column-gutter: 0.6cm, row-gutter: 0.5cm,\n"
        "  align(right)[2023], [*Advanced Cardiovascular Life Support (ACLS)*\\ "
        "Irish Heart Foundation],\n"
        "  [], [*Registered General Nurse*\\ Nursing and Midwifery Board of Ireland])\n"
    )
    certificates = _resume(folder, "undated", body).certificates
    assert [(c.name, c.issuer, c.date) for c in certificates] == [
        ("Advanced Cardiovascular Life Support (ACLS)", "Irish Heart Foundation", "2023"),
        ("Registered General Nurse", "Nursing and Midwifery Board of Ireland", None),
    ]


def test_role_summary_beside_the_date_column(folder):
    """A theme that puts the dates on an entry's second row, beside its summary."""
    body = section("Experience") + (
        "#grid(columns: (1fr, auto), column-gutter: 1cm, row-gutter: 0.3em,\n"
        "  [*Dockside Software B.V.*, Senior Product Manager], [Amsterdam, Netherlands],\n"
        "  [Own the carrier-integration product line for shippers in the Benelux.],\n"
        "  [Feb 2021 – present])\n"
        "- Shipped a self-serve integration builder\n"
    )
    (job,) = _resume(folder, "summary-beside-date", body).work
    assert job.summary == "Own the carrier-integration product line for shippers in the Benelux."
    assert (job.startDate, job.location) == ("2021-02", "Amsterdam, Netherlands")
    assert job.highlights == ["Shipped a self-serve integration builder"]
