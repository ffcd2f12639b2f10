"""The Resume model: JSON Resume names, stable ids, schema-valid output."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from pydantic import ValidationError

from resumetool.model import Resume

SCHEMA = json.loads(
    resources.files("resumetool").joinpath("data/jsonresume-schema-1.0.0.json").read_text()
)


def sample() -> dict:
    return {
        "basics": {"name": "Ada Lovelace", "location": {"city": "London"}},
        "work": [
            {
                "name": "Analytical Engines",
                "position": "Engineer",
                "startDate": "2021-03",
                "highlights": ["Wrote the first program", "Ran sprint planning"],
            }
        ],
        "skills": [{"name": "", "keywords": ["Python", "Scrum"]}],
        "meta": {"unparsed": ["a line nobody could place"]},
    }


def test_output_validates_against_official_schema():
    doc = Resume.from_json_resume(sample()).to_json_resume()
    jsonschema.validate(doc, SCHEMA)


def test_empty_fields_are_left_out_not_invented():
    doc = Resume.from_json_resume({"basics": {"name": "A", "email": ""}}).to_json_resume()
    assert doc["basics"] == {"name": "A"}
    assert "work" not in doc


def test_ids_are_stable_across_loads_and_follow_moves():
    first = Resume.from_json_resume(sample())
    again = Resume.from_json_resume(sample())
    assert first.work[0].id == again.work[0].id
    ids = first.work[0].highlightIds
    moved = first.work[0].with_bullets(list(reversed(list(first.work[0].bullets()))))
    assert moved.highlightIds == list(reversed(ids))


def test_duplicate_entries_and_bullets_get_distinct_ids():
    data = {"work": [{"name": "X", "highlights": ["same", "same"]}, {"name": "X"}]}
    resume = Resume.from_json_resume(data)
    ids = [resume.work[0].id, resume.work[1].id, *resume.work[0].highlightIds]
    assert len(set(ids)) == len(ids)


def test_flat_skills_list_keeps_empty_name():
    doc = Resume.from_json_resume(sample()).to_json_resume()
    assert doc["skills"][0]["name"] == ""


@pytest.mark.parametrize("bad", ["March 2021", "2021-3-1", "21"])
def test_dates_must_be_iso_prefixes(bad):
    with pytest.raises(ValidationError):
        Resume.from_json_resume({"work": [{"name": "X", "startDate": bad}]})


def test_unknown_top_level_key_is_refused():
    with pytest.raises(ValidationError):
        Resume.from_json_resume({"bogus": 1})
