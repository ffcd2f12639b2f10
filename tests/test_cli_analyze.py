"""`resumetool analyze` through the CLI: the JSON contract, no workspace needed with a file
and --asked, demand from a workspace's interviews, and bad input as one clear line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumetool.cli import main

RESUME = {
    "basics": {
        "name": "Casimir Example",
        "label": "Backend Developer",
        "summary": "Backend developer running order services on Kubernetes.",
    },
    "work": [
        {
            "name": "Greenbasket",
            "position": "Backend Developer",
            "startDate": "2021-02",
            "highlights": [
                "Built the order-routing service used by 120 stores.",
                "Ran sprint planning and retrospectives for the team.",
                "Owned the go-to-market launch checklist.",
            ],
        }
    ],
    "skills": [{"name": "Stack", "keywords": ["Python", "Redis", "Go"]}],
}


@pytest.fixture
def resume_file(tmp_path: Path) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(RESUME), "utf-8")
    return path


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_json_contract_without_a_workspace(
    runner: CliRunner, resume_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    asked = [
        arg for skill in ("Kubernetes", "Scrum", "Go", "Terraform") for arg in ("--asked", skill)
    ]
    result = run(runner, "analyze", str(resume_file), *asked, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["resume"] == str(resume_file)
    verdicts = {s["skill"]: s["verdict"] for s in data["skills"]}
    assert verdicts == {
        "Kubernetes": "emphasized",
        "Scrum": "implied",
        "Go": "buried",
        "Terraform": "absent",
    }
    priorities = [s["priority"] for s in data["skills"]]
    assert priorities == sorted(priorities, reverse=True)
    go = next(s for s in data["skills"] if s["skill"] == "Go")
    assert [m["section"] for m in go["emphasis"]["mentions"]] == ["skills"]


def test_table_and_markdown(runner: CliRunner, resume_file: Path):
    table = run(runner, "analyze", str(resume_file), "--asked", "Scrum", "--asked", "Terraform")
    assert table.exit_code == 0
    assert "implied" in table.stdout and "absent" in table.stdout and "What to do" in table.stdout
    md = run(runner, "analyze", str(resume_file), "--asked", "Scrum", "--format", "md")
    assert md.exit_code == 0
    assert "| # | Skill | Verdict |" in md.stdout and "| 1 | Scrum | implied |" in md.stdout


def test_demand_from_the_workspace_interviews(runner: CliRunner, resume_file: Path, tmp_path):
    from resumetool.interview import Interview
    from resumetool.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    ws.add_interview(
        Interview(
            company="Acme",
            date=dt.date(2026, 11, 20),
            interest=4,
            asked=["Scrum", "k8s"],
            feedback="Wanted deeper Scrum experience.",
        )
    )
    ws.add_interview(Interview(company="Beta", date=dt.date(2026, 11, 24), asked=["Scrum"]))
    result = run(
        runner, "--workspace", str(ws.root), "analyze", str(resume_file), "--format", "json"
    )
    assert result.exit_code == 0, result.output
    skills = {s["skill"]: s for s in json.loads(result.stdout)["skills"]}
    assert set(skills) == {"Scrum", "Kubernetes"}
    assert len(skills["Scrum"]["demand"]["interviews"]) == 2
    assert skills["Scrum"]["demand"]["score"] > skills["Kubernetes"]["demand"]["score"] > 0


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_missing_file(runner: CliRunner, tmp_path: Path):
    result = run(runner, "analyze", str(tmp_path / "nope.json"), "--asked", "Go")
    assert result.exit_code == 1
    assert "nope.json: file not found" in one_line_error(result)


def test_broken_json_resume(runner: CliRunner, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"basics": {"name": "X",}', "utf-8")
    result = run(runner, "analyze", str(bad), "--asked", "Go")
    assert result.exit_code == 1
    line = one_line_error(result)
    assert "bad.json:1" in line and "invalid JSON" in line


def test_json_that_is_not_a_resume(runner: CliRunner, tmp_path: Path):
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"work": [{"startDate": "last year"}]}', "utf-8")
    result = run(runner, "analyze", str(wrong), "--asked", "Go")
    assert result.exit_code == 1
    line = one_line_error(result)
    assert "wrong.json" in line and "work.0.startDate" in line


def test_a_folder_and_an_unreadable_document(runner: CliRunner, tmp_path: Path):
    folder = run(runner, "analyze", str(tmp_path), "--asked", "Go")
    assert folder.exit_code == 1 and "folder" in one_line_error(folder)
    broken_docx = tmp_path / "resume.docx"
    broken_docx.write_bytes(b"PK\x03\x04 not really a zip")
    docx = run(runner, "analyze", str(broken_docx), "--asked", "Go")
    assert docx.exit_code == 1 and "resume.docx" in one_line_error(docx)


def test_versions_need_a_workspace(runner: CliRunner, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["--asked", "Go"], ["v3", "--asked", "Go"], ["latest"]):
        result = run(runner, "analyze", *args)
        assert result.exit_code == 1 and "resumetool init" in one_line_error(result), args


def test_versions_in_a_workspace(runner: CliRunner, resume_file: Path, tmp_path: Path):
    from resumetool.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    w = ["--workspace", str(ws.root)]
    none_yet = run(runner, *w, "analyze", "--asked", "Go")
    assert none_yet.exit_code == 2 and "no versions yet" in one_line_error(none_yet)
    assert run(runner, *w, "import", str(resume_file)).exit_code == 0
    for ref in ([], ["v1"], ["latest"]):
        result = run(runner, *w, "analyze", *ref, "--asked", "Go", "--format", "json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["resume"] == "v1" and data["skills"][0]["verdict"] == "buried"
    unknown = run(runner, *w, "analyze", "v7", "--asked", "Go")
    assert unknown.exit_code == 2 and "no version 'v7'" in one_line_error(unknown)


def test_without_asked_outside_a_workspace(
    runner: CliRunner, resume_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "analyze", str(resume_file))
    assert result.exit_code == 1
    assert "resumetool init" in one_line_error(result)


def test_a_workspace_without_interviews(runner: CliRunner, resume_file: Path, tmp_path: Path):
    from resumetool.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    result = run(runner, "--workspace", str(ws.root), "analyze", str(resume_file))
    assert result.exit_code == 2
    assert "no interviews" in one_line_error(result)


def test_a_markdown_resume_goes_through_the_parser(runner: CliRunner, tmp_path: Path):
    resume = tmp_path / "resume.md"
    resume.write_text(
        "# Jane Doe\nPlatform Engineer\njane@example.com\n\n## Summary\n"
        "Platform engineer running k8s clusters for 40 teams.\n\n## Experience\n"
        "### Senior Platform Engineer, Quillfeather — 2022–Present\n"
        "- Rewrote the infrastructure estate in Terraform.\n- Introduced SLOs for 25 services.\n\n"
        "## Skills\nGo, Python, Bash\n",
        "utf-8",
    )
    asked = ["--asked", "Kubernetes", "--asked", "Go", "--asked", "Java"]
    result = run(runner, "analyze", str(resume), *asked, "--format", "json")
    assert result.exit_code == 0, result.output
    verdicts = {s["skill"]: s["verdict"] for s in json.loads(result.stdout)["skills"]}
    assert verdicts == {"Kubernetes": "emphasized", "Go": "buried", "Java": "absent"}
