"""`resumetool report` and `resumetool practice` through the command line."""

from __future__ import annotations

import json

import pytest
from report_builders import add_example_interviews, example_workspace, new_workspace

from resumetool.cli import main

COBALT = "2026-11-23-cobalt-health"


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    return example_workspace(tmp_path_factory.mktemp("cli-report") / "ws")


def run(runner, ws, *args):
    return runner.invoke(main, ["--workspace", str(ws.root), *args])


def test_report_numbers_agree_with_analyze_json(runner, ws):
    report = run(runner, ws, "report", "--format", "json")
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    analyzed = run(
        runner, ws, "analyze", str(ws.root / "resumes" / "v1" / "resume.yaml"), "--format", "json"
    )
    assert analyzed.exit_code == 0, analyzed.output
    expected = json.loads(analyzed.stdout)

    def numbers(skills):
        return {
            s["skill"]: (
                s["demand"]["score"],
                s["demand"]["interviews"],
                s["emphasis"]["score"],
                s["priority"],
                s["verdict"],
                s["suggestion"],
            )
            for s in skills
        }

    assert numbers(data["analysis"]["skills"]) == numbers(expected["skills"])
    ordered = [s["skill"] for s in expected["skills"]]
    assert [s["skill"] for s in data["analysis"]["skills"]] == ordered
    by_skill = {s["skill"]: s for s in expected["skills"]}
    for c in data["coverage"]:
        row = by_skill[c["skill"]]
        assert (c["demand"], c["emphasis"], c["priority"]) == (
            row["demand"]["score"],
            row["emphasis"]["score"],
            row["priority"],
        )
    for e in data["next_edits"]:
        row = by_skill[e["skill"]]
        assert (e["priority"], e["causes"]) == (row["priority"], row["demand"]["interviews"])
    for bar in data["chart"]:
        row = by_skill[bar["skill"]]
        assert (bar["demand"], bar["emphasis"]) == (
            row["demand"]["score"],
            row["emphasis"]["score"],
        )
    markdown = run(runner, ws, "report").stdout
    scrum = by_skill["Scrum"]
    assert f"| Scrum | buried | {scrum['demand']['score']:.2f} |" in markdown


def test_report_markdown_when_piped(runner, ws):
    result = run(runner, ws, "report", "acme")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# After the interview: Acme Corp — Program Manager")
    assert "## 7. What comes next" in result.stdout


def test_report_html_goes_to_reports_by_default(runner, ws):
    result = run(runner, ws, "report", "--format", "html")
    assert result.exit_code == 0, result.output
    path = ws.root / "reports" / f"{COBALT}.html"
    assert f"wrote {path}" in result.stdout or f"reports/{COBALT}.html" in result.stdout
    html = path.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html


def test_report_to_a_chosen_file(runner, ws, tmp_path):
    target = tmp_path / "out" / "after-acme.md"
    result = run(runner, ws, "report", "acme", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# After the interview: Acme Corp")


def test_report_to_a_folder_is_refused(runner, ws, tmp_path):
    result = run(runner, ws, "report", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_interview_is_one_clear_line(runner, ws):
    result = run(runner, ws, "report", "globex")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no interview 'globex'" in lines[0]
    assert COBALT in lines[0] and "resumetool interview list" in lines[0]


def test_an_unknown_resume_version_is_one_clear_line(runner, ws):
    result = run(runner, ws, "report", "--resume", "v9")
    assert result.exit_code == 2
    assert "no version 'v9'" in result.stderr


def test_an_empty_workspace_says_what_to_do_next(runner, tmp_path):
    empty = new_workspace(tmp_path / "empty")
    for command in (["report"], ["practice"]):
        result = run(runner, empty, *command)
        assert result.exit_code == 2, result.output
        assert "no interviews logged yet" in result.stderr
        assert "resumetool interview add" in result.stderr
        assert "Traceback" not in result.output


def test_interviews_but_no_resume_reports_with_a_hint(runner, tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_example_interviews(ws)
    result = run(runner, ws, "report")
    assert result.exit_code == 0, result.output
    assert "import it with `resumetool import FILE`" in result.stdout


def test_outside_a_workspace(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["report"])
    assert result.exit_code == 1
    assert "resumetool init" in result.stderr


def test_practice_prints_questions_and_lines(runner, ws):
    result = run(runner, ws, "practice")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Practice for your next interview")
    assert "### Scrum (asked in 3 interviews, buried in your resume)" in out
    assert "Ran sprint planning, daily stand-ups and retrospectives" in out
    assert "### HIPAA" in out and "Never claim it" in out


def test_practice_json_and_options(runner, ws):
    result = run(runner, ws, "practice", "--skill", "Scrum", "--questions", "5", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["skill"] for s in data["skills"]] == ["Scrum"]
    assert len(data["skills"][0]["questions"]) == 5
    result = run(runner, ws, "practice", "--interview", "cobalt", "--format", "json")
    data = json.loads(result.stdout)
    assert data["interview"] == COBALT


def test_practice_refuses_skill_and_interview_together(runner, ws):
    result = run(runner, ws, "practice", "--skill", "Scrum", "--interview", "acme")
    assert result.exit_code == 2
    assert "not both" in result.output


def test_a_plan_start_in_the_past_is_refused_clearly(runner, ws):
    result = run(runner, ws, "plan", "--start", "2020-01-06")
    assert result.exit_code == 2
    assert "in the past" in result.stderr and "Traceback" not in result.output
    report = run(runner, ws, "report")  # the report's plan always starts tomorrow
    assert report.exit_code == 0 and "## 7. What comes next" in report.stdout


def test_the_output_extension_picks_the_format(runner, ws, tmp_path):
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.txt", "# After")):
        result = run(runner, ws, "report", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
