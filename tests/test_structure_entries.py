"""Entry rules on whole files: roles under one company, schools one a line, list items,
"at" in any case, header lines that wrap, role/organisation cuts, contact details.

Each case is a small real file (text, python-docx) with an invented person, read through
``load_resume`` — the rules are general, so the people and employers here are not the
ones in any fixture.
"""

from __future__ import annotations

import pytest
from parse_builders import parse_text

from resumetool.parse import detect_format
from resumetool.parse.lines import Document, Line, Run
from resumetool.structure import build_resume, load_resume
from resumetool.structure.contact import URL_RE, extract
from resumetool.structure.entries import _issuer_like, _split_pair

HEAD = "ANA RUIZ\nana.ruiz@example.com | (303) 555-0101 | Denver, CO\n\n"


def _text(tmp_path, body: str, name: str = "resume.txt"):
    return parse_text(tmp_path, HEAD + body, name)


# ---- several roles under one company header -----------------------------------------------
ROLES_TXT = """EXPERIENCE
----------
Acme Robotics Inc., Denver, CO
Senior Engineer, Jan 2021 - Present
- Led the arm team
- Cut costs 10%
Engineer, Jun 2018 - Dec 2020
- Built the gripper

Intern AT BOREALIS LABS
Summer 2017
- Wrote tests
"""


def _roles(resume):
    return [(w.position, w.name, w.startDate, w.endDate, w.highlights) for w in resume.work]


EXPECTED_ROLES = [
    (
        "Senior Engineer",
        "Acme Robotics Inc.",
        "2021-01",
        None,
        ["Led the arm team", "Cut costs 10%"],
    ),
    ("Engineer", "Acme Robotics Inc.", "2018-06", "2020-12", ["Built the gripper"]),
]


def test_roles_under_one_company_line_in_text(tmp_path):
    resume = _text(tmp_path, ROLES_TXT)
    assert _roles(resume)[:2] == EXPECTED_ROLES
    assert resume.work[0].location == resume.work[1].location == "Denver, CO"


def test_at_splits_role_and_company_in_any_case(tmp_path):
    intern = _text(tmp_path, ROLES_TXT).work[2]
    assert (intern.position, intern.name, intern.startDate) == ("Intern", "BOREALIS LABS", "2017")
    for text in ("Engineer at Acme Labs", "Engineer At Acme Labs", "ENGINEER AT ACME LABS"):
        job = _text(tmp_path, f"EXPERIENCE\n----------\n{text}\n2019 - 2021\n- Did it\n").work[0]
        assert (job.position.lower(), job.name.lower()) == ("engineer", "acme labs")


def test_roles_under_one_company_line_in_word(tmp_path):
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches

    document = docx.Document()
    document.add_paragraph("Ana Ruiz", style="Title")
    document.add_paragraph("ana.ruiz@example.com | (303) 555-0101")
    document.add_heading("Experience", 1)
    document.add_paragraph().add_run("Acme Robotics Inc., Denver, CO").bold = True
    for position, dates, bullets in (
        ("Senior Engineer", "Jan 2021 – Present", ["Led the arm team", "Cut costs 10%"]),
        ("Engineer", "Jun 2018 – Dec 2020", ["Built the gripper"]),
    ):
        para = document.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Inches(6), WD_TAB_ALIGNMENT.RIGHT)
        para.add_run(position).italic = True
        para.add_run(f"\t{dates}")
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.save(tmp_path / "roles.docx")
    assert _roles(load_resume(tmp_path / "roles.docx")) == EXPECTED_ROLES


def test_a_company_line_with_its_own_dates_heads_the_roles(tmp_path):
    body = (
        "EXPERIENCE\n----------\nNorthwind Freight Systems, 2015 - Present\n"
        "Engineering Manager, 2020 - Present\n- Runs two teams\n"
        "Software Engineer, 2015 - 2020\n- Built the pricing API\n"
    )
    got = [(w.position, w.name, w.startDate) for w in _text(tmp_path, body).work]
    assert got == [
        ("Engineering Manager", "Northwind Freight Systems", "2020"),
        ("Software Engineer", "Northwind Freight Systems", "2015"),
    ]


# ---- education ----------------------------------------------------------------------------
def test_one_school_a_line_in_text(tmp_path):
    body = (
        "EDUCATION\n---------\n"
        "Lakeshore College, Certificate in Paralegal Studies, 2014\n"
        "Midway State University, B.A. in Political Science, August 2010 to May 2014; "
        "GPA 3.5\n"
        "Norwegian Institute of Science and Technology, B.Sc. in Civil Engineering\n"
    )
    schools = _text(tmp_path, body).education
    assert [(e.institution, e.studyType, e.area, e.startDate) for e in schools] == [
        ("Lakeshore College", "Certificate", "Paralegal Studies", "2014"),
        ("Midway State University", "B.A.", "Political Science", "2010-08"),
        ("Norwegian Institute of Science and Technology", "B.Sc.", "Civil Engineering", None),
    ]
    assert schools[1].score == "3.5"


def test_undated_school_after_a_dated_one_in_a_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Ana Ruiz", style="Title")
    document.add_paragraph("ana.ruiz@example.com")
    document.add_heading("Education", 2)
    table = document.add_table(rows=0, cols=2)
    for dates, school, degree in (
        ("Aug 2011 – May 2013", "University of Colorado Boulder", "M.S. in Structural Engineering"),
        ("", "Norwegian Institute of Science and Technology", "B.Sc. in Civil Engineering"),
    ):
        cells = table.add_row().cells
        cells[0].text = dates
        cells[1].paragraphs[0].add_run(school).bold = True
        cells[1].add_paragraph(degree)
    document.save(tmp_path / "edu.docx")
    schools = load_resume(tmp_path / "edu.docx").education
    assert [(e.institution, e.studyType) for e in schools] == [
        ("University of Colorado Boulder", "M.S."),
        ("Norwegian Institute of Science and Technology", "B.Sc."),
    ]


def test_school_location_is_kept_not_placed(tmp_path):
    body = (
        "EDUCATION\n---------\nFront Range University, Boulder, CO\nB.S. in Physics, 2014 - 2018\n"
    )
    resume = _text(tmp_path, body)
    assert resume.education[0].institution == "Front Range University"
    assert "Boulder, CO" in resume.meta.unparsed


# ---- list sections: one item a line -------------------------------------------------------
def test_certificates_and_awards_one_a_line_in_text(tmp_path):
    body = (
        "CERTIFICATIONS & TRAINING\n-------------------------\n"
        "Advanced Cardiovascular Life Support (ACLS), Irish Heart Foundation (2023)\n"
        "Registered General Nurse, Nursing and Midwifery Board of Ireland\n\n"
        "AWARDS & RECOGNITION\n--------------------\n"
        "Rising Star of the Year, Marketing Week (2020)\n"
    )
    resume = _text(tmp_path, body)
    assert [(c.name, c.issuer, c.date) for c in resume.certificates] == [
        ("Advanced Cardiovascular Life Support (ACLS)", "Irish Heart Foundation", "2023"),
        ("Registered General Nurse", "Nursing and Midwifery Board of Ireland", None),
    ]
    assert [(a.title, a.awarder, a.date) for a in resume.awards] == [
        ("Rising Star of the Year", "Marketing Week", "2020")
    ]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Marketing Week", True),
        ("AACN", True),
        ("Colorado State Board of Licensure", True),
        ("Colorado", False),
        ("New York", False),
        ("Chemistry 7-12", False),
    ],
)
def test_issuer_like(text, issuer):
    assert _issuer_like(text) is issuer


# ---- role / organisation cut --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "Senior Manager, Manufacturing Operations, Buckeye Snack Foods, Inc.",
            ("Senior Manager, Manufacturing Operations", "Buckeye Snack Foods, Inc."),
        ),
        (
            "Associate, Transaction Services, Samil & Partners",
            ("Associate, Transaction Services", "Samil & Partners"),
        ),
        ("Systems Administrator, Nordlys Media AS", ("Systems Administrator", "Nordlys Media AS")),
        ("Engineering Co-op, Ohio Valley Co-op", ("Engineering Co-op", "Ohio Valley Co-op")),
        (
            "Research Assistant, University of California, Berkeley",
            ("Research Assistant", "University of California, Berkeley"),
        ),
    ],
)
def test_split_pair(text, cut):
    assert _split_pair(text) == cut


# ---- header lines -------------------------------------------------------------------------
def test_dated_header_with_gpa_is_not_a_paragraph(tmp_path):
    body = (
        "EDUCATION\n---------\nGulf Coast State University, M.Ed. in Curriculum and "
        "Instruction, 2016 to 2018\nGulf Coast State University, B.S. in Chemistry, 2010 to "
        "2014; GPA 3.8\n"
    )
    schools = _text(tmp_path, body).education
    assert [(e.studyType, e.endDate, e.score) for e in schools] == [
        ("M.Ed.", "2018", None),
        ("B.S.", "2014", "3.8"),
    ]


# ---- contact details ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("parts", "links", "phone"),
    [
        (["Galway, Ireland", "087 555 0142"], [], "+353 87 555 0142"),
        (["London, UK", "020 7946 0321"], [], "+44 20 7946 0321"),
        (["Toronto, ON", "(416) 555-0199"], [], "+1 416-555-0199"),
        (["Galway", "087 555 0142"], ["tel:+353-87-555-0142"], "+353 87 555 0142"),
        (["Seattle, WA", "(206) 555-0143"], ["tel:+1-206-555-0143"], "+1 206-555-0143"),
    ],
)
def test_phone_read_in_the_country_of_the_address(parts, links, phone):
    assert extract(parts, links).phone == phone


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("ngozi.design", "ngozi.design"),
        ("jiwoo.kim/work", "jiwoo.kim/work"),
        ("https://Example.org", "https://Example.org"),
        ("node.js", None),
        ("cv.pdf", None),
        ("e.g.", None),
        ("St. Paul", None),
    ],
)
def test_web_addresses_with_any_ending(text, url):
    found = URL_RE.search(text)
    assert (found.group(0) if found else None) == url


def test_name_keeps_accents_a_font_could_not_map(tmp_path):
    """The page shows "Adébáyo" (the font had no glyph for the combining marks); the
    file's author property spells the same name exactly."""
    lines = [
        Line([Run("Ngozi Adébáyo")], size=24),
        Line([Run("ngozi@example.com")], size=10),
    ]
    document = Document(path=tmp_path / "x.pdf", kind="pdf", lines=lines, author="Ngozi Adébáyọ̀")
    assert build_resume(document).basics.name == "Ngozi Adébáyọ̀"
    document.author = "Someone Else"
    assert build_resume(document).basics.name == "Ngozi Adébáyo"


def test_decomposed_accents_are_composed():
    assert Line([Run("Jose\u0301 Nu\u0301n\u0303ez")]).plain == "José Núñez"


# ---- JSON Resume YAML, whatever the file is called ----------------------------------------
RESUME_YAML = """# my resume
basics:
  name: Ana Ruiz
  email: ana.ruiz@example.com
work:
  - name: Acme Labs
    position: Engineer
    startDate: "2019-01"
"""


@pytest.mark.parametrize("name", ["resume.txt", "cv", "resume.md"])
def test_json_resume_yaml_detected_by_content(tmp_path, name):
    path = tmp_path / name
    path.write_text(RESUME_YAML, encoding="utf-8")
    assert detect_format(path.read_bytes(), path) == "jsonresume"
    resume = load_resume(path)
    assert (resume.basics.name, resume.work[0].name) == ("Ana Ruiz", "Acme Labs")


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz\nSkills: Python, SQL\nWork: Acme Labs\n",
        "basics: a resume that says so\nhobbies: chess\n",
        "Name: Ana Ruiz\nEmail: ana@example.com\n",
    ],
)
def test_text_resumes_are_not_taken_for_yaml(tmp_path, text):
    path = tmp_path / "resume.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path.read_bytes(), path) == "text"


def test_role_summary_wrapped_onto_a_capitalised_word(tmp_path):
    body = (
        "EXPERIENCE\n----------\nSenior Product Manager -- Dockside Software B.V., Amsterdam\n"
        "Feb 2021 - Present\n"
        "Own the carrier-integration product line, used by 1,400 shippers across the\n"
        "Benelux.\n- Shipped a self-serve integration builder\n"
    )
    (job,) = _text(tmp_path, body).work
    assert job.summary == (
        "Own the carrier-integration product line, used by 1,400 shippers across the Benelux."
    )
    assert job.highlights == ["Shipped a self-serve integration builder"]
