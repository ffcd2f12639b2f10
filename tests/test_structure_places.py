"""Countries: names ↔ ISO codes, the location line a render prints, and its way back."""

from __future__ import annotations

import pytest

from resumetool import render
from resumetool.model import Location, Resume
from resumetool.structure import load_resume
from resumetool.structure.contact import parse_location
from resumetool.structure.features import load
from resumetool.structure.places import country_code, country_name


def test_every_country_is_in_the_table_and_reads_back_from_its_printed_name():
    """All but one: "Georgia" after a city is read as the US state, as it mostly is."""
    table = load("countries.yaml")
    assert len(table) == 249  # every ISO 3166-1 alpha-2 code
    states = set(load("lexicons.yaml")["regions"])
    for code in table:
        name = country_name(code)
        assert name and "," not in name, code  # a location is split at its commas
        assert country_code(name) == code
        read = parse_location(f"Springfield, {name}")
        if name.lower() in states:
            assert (code, read) == ("GE", {"city": "Springfield", "region": name})
        else:
            assert read == {"city": "Springfield", "countryCode": code}


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Portugal", "PT"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("United States of America", "US"),
        ("UK", "GB"),
        ("England", "GB"),
        ("Deutschland", "DE"),
        ("the netherlands", "NL"),
        ("Holland", "NL"),
        ("South Korea", "KR"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Côte d'Ivoire", "CI"),
        ("Lisbon", None),
    ],
)
def test_the_forms_people_write(written, code):
    assert country_code(written) == code


@pytest.mark.parametrize(
    ("location", "text"),
    [
        ({"city": "Lisbon", "countryCode": "PT"}, "Lisbon, Portugal"),
        ({"city": "Seattle", "region": "WA"}, "Seattle, WA"),
        ({"city": "Austin", "region": "TX", "countryCode": "US"}, "Austin, TX, United States"),
        (
            {"city": "London", "region": "England", "countryCode": "GB"},
            "London, England, United Kingdom",
        ),
        ({"countryCode": "PT"}, "Portugal"),
        ({"city": "Lisbon", "address": "Portugal"}, "Lisbon, Portugal"),  # an older parse
        ({"city": "Springfield", "countryCode": "ZZ"}, "Springfield, ZZ"),
        ({"address": "Remote"}, "Remote"),
        ({"address": "12 Main St", "city": "Springfield"}, "Springfield"),
    ],
)
def test_location_text(location, text):
    assert render.location_text(Location(**location)) == text


LOCATIONS = [
    {"city": "Lisbon", "countryCode": "PT"},
    {"city": "London", "region": "England", "countryCode": "GB"},
    {"city": "Toronto", "region": "ON", "countryCode": "CA"},
    {"city": "Seattle", "region": "WA"},
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_render_parses_back_to_the_same_location(tmp_path, fmt):
    for index, location in enumerate(LOCATIONS):
        resume = Resume.from_json_resume(
            {
                "basics": {"name": "Ana Ruiz", "email": "ana@example.com", "location": location},
                "work": [{"name": "Acme Labs", "position": "Engineer", "startDate": "2021-03"}],
            }
        )
        (path,) = render.render_resume(resume, "classic", fmt, tmp_path, stem=f"r{index}")
        parsed = load_resume(path).basics.location
        assert parsed is not None and parsed.model_dump(exclude_none=True) == location
