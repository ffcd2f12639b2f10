"""`parse` and `import` warn when a parse looks wrong, and read ``[headings]`` from
resumetool.toml."""

from __future__ import annotations

import json

import pytest
from parse_builders import JOBS, sections_text, write_sections_docx

from resumetool.cli import main
from resumetool.workspace import Workspace, init_workspace

UNKNOWN = [("The Road So Far", "work"), ("Education", "education"), ("Skills", "skills")]
HEADINGS = '\n[headings]\nexperience = ["The road so far"]\nskills = "Toolbelt"\n'


@pytest.fixture(scope="module")
def resume_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("headings")
    return write_sections_docx(folder / "resume.docx", UNKNOWN)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    workspace = init_workspace(tmp_path / "search", name="Priya Raman")
    monkeypatch.chdir(workspace.root)
    return workspace


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("resumetool: warning: ")]


def test_parse_warns_on_stderr_and_prints_the_parse(runner, resume_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no workspace here
    result = runner.invoke(main, ["parse", str(resume_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["meta"]["unparsed"][0] == "THE ROAD SO FAR"
    first, *_ = _warnings(result.stderr)
    assert first.startswith("resumetool: warning: no work entries were found")
    assert "Rename 'THE ROAD SO FAR' to 'Experience'" in first


def test_parse_in_a_workspace_reads_its_headings(runner, resume_file, workspace):
    with workspace.settings_path.open("a", encoding="utf-8") as handle:
        handle.write(HEADINGS)
    assert workspace.settings().headings == {
        "experience": ["The road so far"],
        "skills": ["Toolbelt"],
    }
    result = runner.invoke(main, ["parse", str(resume_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [w["name"] for w in document["work"]] == [j["company"] for j in JOBS]
    assert "unparsed" not in document.get("meta", {})
    assert _warnings(result.stderr) == []


def test_import_warns_and_reads_the_headings(runner, resume_file, workspace):
    result = runner.invoke(main, ["import", str(resume_file)])
    assert result.exit_code == 0, result.output
    assert _warnings(result.stderr)[0].startswith("resumetool: warning: no work entries")
    with workspace.settings_path.open("a", encoding="utf-8") as handle:
        handle.write(HEADINGS)
    result = runner.invoke(main, ["import", str(resume_file)])
    assert result.exit_code == 0, result.output
    assert "2 roles" in result.stdout
    assert _warnings(result.stderr) == []
    latest = Workspace.find(workspace.root).latest_version()
    assert [w.name for w in latest.resume().work] == [j["company"] for j in JOBS]


def test_an_unknown_section_in_headings_is_one_clear_line(runner, resume_file, workspace):
    with workspace.settings_path.open("a", encoding="utf-8") as handle:
        handle.write('\n[headings]\njobz = ["The road so far"]\n')
    result = runner.invoke(main, ["parse", str(resume_file)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "resumetool.toml" in line and "jobz" in line and "not a section" in line


def test_the_init_template_shows_how(workspace):
    text = workspace.settings_path.read_text(encoding="utf-8")
    assert '# [headings]\n# experience = ["Where I have worked"]' in text


def test_a_clean_parse_prints_no_warning(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "r.txt"
    path.write_text(sections_text([("Experience", "work"), ("Skills", "skills")]), "utf-8")
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
