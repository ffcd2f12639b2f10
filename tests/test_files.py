"""Atomic writes and comment-keeping YAML (resumetool.files)."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resumetool.errors import ValidationFailed
from resumetool.files import atomic_write_text, dump_yaml, read_yaml, write_yaml


def test_atomic_write_follows_the_umask_and_leaves_no_temp_file(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.txt"
        atomic_write_text(target, "hello")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "keep.txt"
    target.write_text("old")

    class Boom(Exception):
        pass

    from resumetool.files import atomic_open

    with pytest.raises(Boom), atomic_open(target) as handle:
        handle.write("half")
        raise Boom
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_comments_survive_a_rewrite(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("# my list\nitems:\n  - a  # first\n")
    data = read_yaml(path)
    data["items"].append("b")
    write_yaml(path, data)
    text = path.read_text()
    assert "# my list" in text and "# first" in text and "- b" in text


def test_broken_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [unclosed\nc: 2\n")
    with pytest.raises(ValidationFailed) as info:
        read_yaml(path)
    assert str(path) in info.value.one_line() and "invalid YAML" in info.value.one_line()


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.lists(text, max_size=4)))
def test_yaml_round_trips_any_text(data):
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(dump_yaml(data)) == data


def test_create_new_file_takes_the_first_free_name_and_never_replaces(tmp_path):
    from resumetool.files import create_new_file

    taken = tmp_path / "a.yaml"
    taken.write_text("mine")
    names = [taken, tmp_path / "a-2.yaml", tmp_path / "a-3.yaml"]
    assert create_new_file(tmp_path, names, b"new") == tmp_path / "a-2.yaml"
    assert taken.read_text() == "mine" and (tmp_path / "a-2.yaml").read_bytes() == b"new"
    with pytest.raises(FileExistsError):
        create_new_file(tmp_path, names[:2], b"newer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.yaml", "a.yaml"]


def test_validate_refuses_a_newer_schema_before_the_fields(tmp_path):
    from resumetool.files import validate
    from resumetool.interview import Interview

    path = tmp_path / "iv.yaml"
    path.write_text("schema: 7\ncompany: Acme\ndate: someday\nstage: lunch\n")
    with pytest.raises(ValidationFailed) as caught:
        validate(Interview, read_yaml(path), path)
    assert caught.value.field == "schema" and caught.value.line == 1
    assert "upgrade resumetool" in caught.value.one_line()


# -- validation messages in plain words --------------------------------------------------


@pytest.mark.parametrize(
    ("model_name", "data", "line"),
    [
        (
            "Interview",
            {"company": "Acme", "date": "2026-13-01"},
            "f.yaml: date: 2026-13-01 is not a date; write it as YYYY-MM-DD",
        ),
        ("Interview", {"date": "2026-11-01"}, "f.yaml: company: is missing (required)"),
        (
            "Interview",
            {"company": "Acme", "date": "2026-11-01", "stage": "onsit"},
            "f.yaml: stage: must be one of screen, phone, technical, onsite, final, other"
            " (not 'onsit'; did you mean onsite?)",
        ),
        (
            "Interview",
            {"company": "Acme", "date": "2026-11-01", "interest": 9},
            "f.yaml: interest: must be from 1 to 5 (not 9)",
        ),
        (
            "Interview",
            {"company": "Acme", "date": "2026-11-01", "interest": "high"},
            "f.yaml: interest: must be a whole number from 1 to 5",
        ),
        (
            "Interview",
            {"company": "Acme", "date": "2026-11-01", "pros": ["a", "b", "c", "d"]},
            "f.yaml: pros: at most 3 pros, not 4: the reflection method keeps the three that"
            " matter most, so pick those",
        ),
        (
            "CompanyList",
            {"companies": [{"name": "Acme", "interest": 0}]},
            "f.yaml: companies.0.interest: must be from 1 to 5 (not 0)",
        ),
        (
            "CompanyList",
            {"companies": [{"name": "Acme", "interest": 2, "date": "soon"}]},
            "f.yaml: companies.0.date: soon is not a date; write it as YYYY-MM-DD",
        ),
    ],
)
def test_validation_names_the_field_in_plain_words_with_the_format(model_name, data, line):
    from resumetool import interview
    from resumetool.files import validate

    with pytest.raises(ValidationFailed) as caught:
        validate(getattr(interview, model_name), data, "f.yaml")
    text = caught.value.one_line()
    assert text.startswith(line + " — "), text
    for pydantic_words in ("Input should", "Field required", "valid date", "Value error"):
        assert pydantic_words not in text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("schema: 1\ncompany: A\ndate: 2026-13-01\n", "x.yaml:3: date: 2026-13-01 is not a date"),
        ("companies:\n  - name: A\n    date: 2026-02-30\n", "x.yaml:3: date: 2026-02-30 is not"),
        ("dates: [2026-02-30]\n", "x.yaml:1: dates: 2026-02-30 is not a date"),
    ],
)
def test_an_impossible_date_in_yaml_names_the_field_and_the_format(tmp_path, text, line):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_yaml(path)
    message = caught.value.one_line()
    assert message.startswith(str(tmp_path / line)), message
    assert "write it as YYYY-MM-DD" in message
