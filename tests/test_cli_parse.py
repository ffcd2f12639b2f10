"""`resumetool parse FILE --format text|json|yaml` through the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from parse_builders import JOBS, PERSON, resume_typst, write_docx, write_pdf

from resumetool.cli import main


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    return {
        "pdf": write_pdf(resume_typst(), folder / "resume.pdf"),
        "docx": write_docx(folder / "resume.docx", layout="table"),
    }


@pytest.fixture(scope="module")
def schema():
    return json.loads((ROOT / "resumetool/data/jsonresume-schema-1.0.0.json").read_text())


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_json_validates_against_the_schema(runner, files, schema, kind):
    import jsonschema

    result = runner.invoke(main, ["parse", str(files[kind]), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    assert document["basics"]["name"] == PERSON["name"]
    assert [w["name"] for w in document["work"]] == [j["company"] for j in JOBS]
    assert "endDate" not in document["work"][0]  # current role


def test_yaml_is_the_same_document(runner, files):
    from ruamel.yaml import YAML

    as_json = json.loads(
        runner.invoke(main, ["parse", str(files["pdf"]), "--format", "json"]).stdout
    )
    result = runner.invoke(main, ["parse", str(files["pdf"]), "--format", "yaml"])
    assert result.exit_code == 0, result.output
    assert json.loads(json.dumps(YAML(typ="safe").load(result.stdout))) == as_json


def test_text_outline_is_readable(runner, files):
    result = runner.invoke(main, ["parse", str(files["docx"])])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == PERSON["name"]
    assert f"Work ({len(JOBS)})" in lines
    assert (
        f"  - {JOBS[0]['position']} · {JOBS[0]['company']} · {JOBS[0]['location']} · "
        f"{JOBS[0]['start']} – present" in lines
    )
    assert f"      • {JOBS[0]['bullets'][0]}" in lines


def test_bad_format_option_is_a_usage_error(runner, files):
    result = runner.invoke(main, ["parse", str(files["pdf"]), "--format", "xml"])
    assert result.exit_code == 2
