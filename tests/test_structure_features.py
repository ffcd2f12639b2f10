"""Each scoring feature on its own, and each field's rules on telling examples.

Why one test per feature: the rules in rules.yaml are data; a feature that silently stops
firing would change many scores at once. Every feature named in rules.yaml must appear in
CASES below (a test checks that), with a text it fires on and one it does not.
"""

from __future__ import annotations

import pytest

from resumetool.parse.lines import Line, Run
from resumetool.structure.features import (
    FEATURES,
    Candidate,
    guess_section,
    heading_section,
    is_legal_form,
    is_title_case,
    load,
    match_degree,
    score,
    user_headings,
)


def _line(text: str, **kw) -> Line:
    bold = kw.pop("bold", False)
    return Line(runs=[Run(t, bold=bold, segment=i) for i, t in enumerate(text.split("\t"))], **kw)


def _cand(text: str, **kw) -> Candidate:
    line_kw = {
        k: kw.pop(k)
        for k in list(kw)
        if k in ("bold", "size", "heading_level", "bullet", "style", "block_start")
    }
    return Candidate(text, _line(text, **line_kw), **kw)


CASES: dict[str, tuple[Candidate, Candidate]] = {
    "heading_phrase": (_cand("Work Experience"), _cand("Hospital Floor Experience")),
    "heading_head_word": (_cand("Hospital Floor Experience"), _cand("Experience")),
    "heading_style": (_cand("Skills", heading_level=1), _cand("Skills")),
    "all_caps": (_cand("EDUCATION"), _cand("Education")),
    "bold_line": (_cand("Education", bold=True), _cand("Education")),
    "larger_than_body": (
        _cand("Skills", size=14, body_size=10),
        _cand("Skills", size=10.5, body_size=10),
    ),
    "ends_with_colon": (_cand("Skills:"), _cand("Skills")),
    "title_case_after_space": (
        _cand("Where I Have Worked", block_start=True),
        _cand("Where I have worked", block_start=True),
    ),
    "short_standalone": (_cand("Key Skills"), _cand("Key Skills\tMore text here")),
    "is_bullet": (_cand("Led it", bullet=True), _cand("Led it")),
    "has_date": (_cand("Acme 2019 – 2020"), _cand("Acme Labs")),
    "too_many_words_heading": (_cand("one two three four five six seven"), _cand("Skills")),
    "ends_with_sentence_stop": (_cand("I led the team."), _cand("Team lead")),
    "has_contact_detail": (_cand("mail me at a@b.com"), _cand("Experience")),
    "several_segments": (_cand("Acme\tSeattle, WA"), _cand("Acme, Seattle")),
    "largest_text": (
        _cand("Ana Ruiz", size=24, largest_size=24),
        _cand("Ana", size=10, largest_size=24),
    ),
    "title_style": (_cand("Ana Ruiz", style="Title"), _cand("Ana Ruiz", style="Normal")),
    "two_to_four_words": (_cand("Ana María Ruiz"), _cand("Ana")),
    "letters_only": (_cand("Ana-María O'Neil"), _cand("Ana Ruiz, PhD 2")),
    "first_in_header": (_cand("Ana Ruiz", index=0), _cand("Ana Ruiz", index=3)),
    "has_at_or_digit": (_cand("ana@x.io"), _cand("Ana Ruiz")),
    "has_separator": (_cand("Ana | Seattle"), _cand("Ana Ruiz")),
    "too_many_words_name": (_cand("Ana Maria Ruiz de la Vega"), _cand("Ana Ruiz")),
    "role_word": (_cand("Senior Software Engineer"), _cand("Corvid Labs")),
    "ends_with_role_word": (_cand("Registered Nurse"), _cand("Nurse Staffing Inc")),
    "starts_with_seniority": (_cand("Senior Analyst"), _cand("Analyst")),
    "org_word": (_cand("Northwind Freight Systems"), _cand("Software Engineer")),
    "legal_suffix": (_cand("Acme, Inc."), _cand("Acme")),
    "is_location": (_cand("Seattle, WA"), _cand("Medical ICU")),
    "too_many_words_field": (_cand("a b c d e f g h i"), _cand("Acme Labs")),
    "inner_comma": (_cand("Registered Nurse, Medical ICU"), _cand("Acme, Inc.")),
    "acronym": (_cand("AACN"), _cand("Acme")),
    "school_word": (_cand("Cascadia State University"), _cand("Corvid Labs")),
    "degree": (_cand("B.S. in Computer Science"), _cand("Computer Science")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_feature_fires_and_does_not(name):
    positive, negative = CASES[name]
    assert FEATURES[name](positive), f"{name} should fire on {positive.text!r}"
    assert not FEATURES[name](negative), f"{name} should not fire on {negative.text!r}"


def test_every_rule_names_a_tested_feature():
    rules = load("rules.yaml")
    used = {
        rule["feature"]
        for field in rules.values()
        if isinstance(field, dict)
        for rule in field["rules"]
    }
    assert used <= set(FEATURES)
    assert used <= set(CASES)


@pytest.mark.parametrize(
    ("text", "position_wins"),
    [
        ("Senior Software Engineer", True),
        ("Registered Nurse, Medical ICU", True),
        ("IT Support Intern", True),
        ("Corvid Labs", False),
        ("St. Brigid Medical Center", False),
        ("Lakeside Credit Union", False),
        ("Acme, Inc.", False),
    ],
)
def test_position_against_company(text, position_wins):
    candidate = Candidate(text)
    assert (score("position", candidate) > score("company", candidate)) is position_wins


def test_a_name_beats_contact_lines():
    name = Candidate("Ana Ruiz", _line("Ana Ruiz", size=24, bold=True), 10, 24, 0)
    contact = Candidate("ana@x.io | 555 0100", _line("ana@x.io | 555 0100", size=10), 10, 24, 1)
    label = Candidate("Data Engineer", _line("Data Engineer", size=12), 10, 24, 1)
    assert score("name", name) > score("name", label) > score("name", contact)


@pytest.mark.parametrize(
    ("text", "section", "exact"),
    [
        ("Licenses & Certifications", "certificates", True),
        ("PROFESSIONAL EXPERIENCE:", "work", True),
        ("Relevant Technical Skills", "skills", False),
        ("Academic Projects", "projects", True),
        ("Volunteer Experience", "volunteer", True),
        ("Awards & Recognition", "awards", False),
        ("Certifications and Training", "certificates", False),
        ("Honors & Activities", "awards", False),
        ("Corvid Labs", None, False),
        ("Smith and Wesson", None, False),
        ("Work", "work", True),
        ("Jobs", "work", True),
        ("Where I've Worked:", "work", True),
        ("Relevant Work", "work", True),
        ("Selected Experience", "work", True),
        ("Professional Work", "work", False),
        ("Work Experience & Projects", "work", False),
        ("Projects and Work Experience", "projects", False),
        ("Leadership & Volunteer Experience", "volunteer", False),
        ("Skills & Tools", "skills", True),
        ("Tools & Methods", "skills", False),
        ("Programming Languages", "skills", True),
        ("Design Toolkit", "skills", False),
        ("Spoken Languages", "languages", True),
    ],
)
def test_heading_lexicon(text, section, exact):
    assert heading_section(text) == (section, exact)


def test_user_headings_come_first_and_name_their_section():
    extra = user_headings({"experience": ["Where I've Been"], "skills": "My Arsenal"})
    assert extra == {"where ive been": "work", "my arsenal": "skills"}
    assert heading_section("WHERE I'VE BEEN", extra) == ("work", True)
    assert heading_section("My Arsenal & Languages", extra) == ("skills", False)
    assert heading_section("Where I've Been") == (None, False)
    with pytest.raises(ValueError, match="'jobz' is not a section"):
        user_headings({"jobz": ["x"]})


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Career Path", "work"),
        ("My Teaching Experience So Far", "work"),
        ("The Stack I Use", "skills"),
        ("Where I've Been", None),
    ],
)
def test_guess_section_finds_a_known_phrase_or_head_word_inside(text, section):
    assert guess_section(text) == section


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Where I Have Worked", True),
        ("Skills & Tools", True),
        ("Education and Training", True),
        ("Where I have worked", False),
        ("Work 2019", False),
    ],
)
def test_title_case(text, title):
    assert is_title_case(text) is title


@pytest.mark.parametrize(
    ("text", "degree", "rest"),
    [
        ("B.S. in Computer Science", "B.S.", "in Computer Science"),
        ("Bachelor of Science in Nursing", "Bachelor of Science in Nursing", ""),
        ("BSN in Nursing", "BSN", "in Nursing"),
        ("MBA, Finance", "MBA", ", Finance"),
        ("Ph.D. Physics", "Ph.D.", "Physics"),
        (
            "Bachelor of Human Resources Management in Labour Studies",
            "Bachelor of Human Resources Management",
            "in Labour Studies",
        ),
        (
            "Associate of Occupational Studies, Culinary",
            "Associate of Occupational Studies",
            ", Culinary",
        ),
        ("Doctor of Pharmacy", "Doctor of Pharmacy", ""),
        ("DVM in Veterinary Medicine", "DVM", "in Veterinary Medicine"),
        ("MLIS", "MLIS", ""),
    ],
)
def test_degrees(text, degree, rest):
    assert match_degree(text) == (degree, rest)


@pytest.mark.parametrize(
    "text", ["Basketball team", "as a lead", "Bsafe Corp", "March 2019", "associate of the firm"]
)
def test_not_degrees(text):
    assert match_degree(text) is None


@pytest.mark.parametrize(
    ("text", "fires"),
    [("Nordlys Media AS", True), ("Hanbit Electronics Co., Ltd.", True), ("Served as Lead", False)],
)
def test_legal_suffix_written_forms(text, fires):
    assert FEATURES["legal_suffix"](Candidate(text)) is fires


@pytest.mark.parametrize(
    ("word", "legal"),
    [
        ("Inc.", True),
        ("LLC", True),
        ("S.A.", True),
        ("B.V.", True),
        ("Co.", True),
        ("AS", True),
        ("as", False),
        ("Labs", False),
    ],
)
def test_legal_forms_are_the_lexicons(word, legal):
    assert is_legal_form(word) is legal


@pytest.mark.parametrize(
    ("text", "inner"),
    [("Nordlys Media, AS", False), ("Hale & Moss, LLP", False), ("Engineer, Platform", True)],
)
def test_a_comma_before_a_legal_form_is_not_an_inner_comma(text, inner):
    assert FEATURES["inner_comma"](Candidate(text)) is inner
