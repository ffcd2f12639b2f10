"""`resumetool import`, `versions`, `draft` and `diff` through the CLI, with real files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumetool.cli import main
from resumetool.interview import Interview
from resumetool.versions import TEMP_PREFIX
from resumetool.workspace import Workspace, init_workspace

ANSI = re.compile(r"\x1b\[")

JSON_RESUME = {
    "basics": {"name": "Jordan Rivera", "summary": "Program manager for logistics software."},
    "work": [
        {
            "name": "Northgate Supply Co.",
            "position": "Senior Program Manager",
            "startDate": "2021-03",
            "highlights": [
                "Led a $4.2M warehouse-automation program across three sites",
                "Managed four vendors through SLA reviews",
                "Ran sprint planning, daily stand-ups and retrospectives for two teams",
            ],
        }
    ],
    "skills": [{"name": "Tools", "keywords": ["Confluence", "Jira"]}],
}


def build_docx(path: Path) -> Path:
    """A plain Word resume, the way people write them (headings, tab-aligned dates, bullets)."""
    from docx import Document

    doc = Document()
    doc.add_heading("Jordan Rivera", level=0)
    doc.add_paragraph("Program Manager")
    doc.add_paragraph("jordan.rivera@example.com | +1 303-555-0188 | Denver, CO")
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(
        "Program manager with nine years of experience delivering logistics software."
    )
    doc.add_heading("Experience", level=1)
    doc.add_paragraph("Senior Program Manager, Northgate Supply Co.\tMar 2021 – Present")
    for line in JSON_RESUME["work"][0]["highlights"]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph("Tools: Confluence, Jira")
    doc.save(path)
    return path


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    workspace = init_workspace(tmp_path / "search", name="Jordan Rivera")
    monkeypatch.chdir(workspace.root)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return workspace


@pytest.fixture
def json_file(tmp_path: Path) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(JSON_RESUME), encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, **kwargs):
    return runner.invoke(main, list(args), catch_exceptions=False, **kwargs)


def ask(ws: Workspace, *skills: str, day: int = 20, company: str = "Acme") -> None:
    ws.add_interview(Interview(company=company, date=dt.date(2026, 11, day), asked=list(skills)))


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- import and versions ----------------------------------------------------------------


def test_import_a_docx_and_a_json_resume(runner, ws, tmp_path, json_file):
    docx = build_docx(tmp_path / "resume.docx")
    first = run(runner, "import", str(docx))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("imported resume.docx as v1: Jordan Rivera — 1 role, 3 bullets")
    v1 = ws.resumes_dir / "v1"
    assert (v1 / "source.docx").read_bytes() == docx.read_bytes()
    assert ws.version("v1").resume().work[0].highlights == JSON_RESUME["work"][0]["highlights"]
    second = run(runner, "import", str(json_file))
    assert second.exit_code == 0 and "as v2:" in second.stdout
    assert (ws.resumes_dir / "v2" / "source.json").is_file()
    assert ws.version("v2").meta.reason == "imported resume.json"


def test_versions_lists_lineage_and_reasons(runner, ws, json_file):
    run(runner, "import", str(json_file))
    ask(ws, "Jira")
    assert run(runner, "draft", "--no-render").exit_code == 0
    table = run(runner, "versions")
    assert table.exit_code == 0
    lines = [line.rstrip() for line in table.stdout.splitlines()]
    assert lines[0].split() == ["version", "lineage", "created", "reason"]
    assert re.match(r"v2 +v2 ← v1 +\d{4}-\d\d-\d\d \d\d:\d\d +draft from v1: Jira lead", lines[1])
    assert re.match(r"v1 +v1 +.* imported resume.json$", lines[2])
    data = json.loads(run(runner, "versions", "--format", "json").stdout)
    assert [(d["version"], d["parent"], d["lineage"]) for d in data] == [
        ("v2", "v1", ["v2", "v1"]),
        ("v1", None, ["v1"]),
    ]
    assert data[0]["edits"] >= 1 and data[1]["source"] == "resume.json"


def test_importing_the_same_resume_again_writes_nothing_unless_forced(
    runner, ws, tmp_path, json_file
):
    run(runner, "import", str(json_file))
    copy = tmp_path / "copy.json"
    copy.write_text(json_file.read_text(), encoding="utf-8")
    before = digest(ws.resumes_dir)
    again = run(runner, "import", str(copy))
    assert again.exit_code == 0
    assert again.stdout == "copy.json is identical to v1; nothing written\n"
    assert "--force" in again.stderr
    assert digest(ws.resumes_dir) == before
    forced = run(runner, "import", str(copy), "--force")
    assert forced.exit_code == 0 and "as v2:" in forced.stdout
    assert [v.label for v in ws.versions()] == ["v1", "v2"]
    changed = json.loads(json_file.read_text())
    changed["basics"]["summary"] += " Certified Scrum Master."
    copy.write_text(json.dumps(changed), encoding="utf-8")
    assert "as v3:" in run(runner, "import", str(copy)).stdout


def test_a_draft_identical_to_an_existing_version_writes_nothing_unless_forced(
    runner, ws, json_file
):
    run(runner, "import", str(json_file))
    ask(ws, "Jira")
    assert run(runner, "draft", "--no-render").stdout.startswith("drafted v2 from v1")
    before = digest(ws.resumes_dir)
    again = run(runner, "draft", "--from", "v1", "--no-render")
    assert again.exit_code == 0
    assert again.stdout == "the draft from v1 is identical to v2; nothing written\n"
    assert "draft --from v1 --force" in again.stderr
    assert digest(ws.resumes_dir) == before
    forced = run(runner, "draft", "--from", "v1", "--no-render", "--force")
    assert forced.exit_code == 0 and forced.stdout.startswith("drafted v3 from v1")


def test_versions_in_an_empty_workspace(runner, ws):
    result = run(runner, "versions")
    assert result.exit_code == 0 and result.stdout == ""
    assert "resumetool import FILE" in result.stderr
    assert json.loads(run(runner, "versions", "--format", "json").stdout) == []


def test_importing_an_unparseable_file_writes_nothing(runner, ws, tmp_path):
    bad = tmp_path / "resume.pdf"
    bad.write_bytes(b"%PDF-1.7\n%\xe2\xe3 cut off here")
    before = digest(ws.root)
    result = run(runner, "import", str(bad))
    assert result.exit_code == 1
    assert "resume.pdf" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    after = {k: v for k, v in digest(ws.root).items() if not k.startswith("resumes/.")}
    assert after == {k: v for k, v in before.items() if not k.startswith("resumes/.")}
    assert not list(ws.resumes_dir.glob(f"{TEMP_PREFIX}*"))


def test_import_of_a_missing_file(runner, ws, tmp_path):
    result = run(runner, "import", str(tmp_path / "nope.docx"))
    assert result.exit_code == 1 and "nope.docx" in result.stderr
    assert ws.versions() == []


IMPORTER = "import sys; from resumetool.cli import main; main(sys.argv[1:])"


def test_two_imports_at_once_get_two_versions(ws, json_file, tmp_path):
    docx = build_docx(tmp_path / "cv.docx")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, "import", str(path)],
            cwd=ws.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (json_file, docx)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    labels = sorted(re.search(r" as (v\d+):", out).group(1) for out, _ in outputs)
    assert labels == ["v1", "v2"]
    sources = sorted(v.meta.source for v in ws.versions())
    assert sources == ["cv.docx", "resume.json"]


# -- draft ------------------------------------------------------------------------------


def test_draft_without_versions_says_to_import_first(runner, ws):
    ask(ws, "Scrum")
    result = run(runner, "draft")
    assert result.exit_code == 2
    assert "import a resume first: `resumetool import FILE`" in result.stderr


def test_draft_without_demand(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "draft")
    assert result.exit_code == 2 and "--emphasize" in result.stderr


def test_draft_writes_a_version_says_why_and_renders(runner, ws, json_file):
    run(runner, "import", str(json_file))
    ask(ws, "Scrum", "Jira", "Kubernetes", day=20)
    ask(ws, "Scrum", day=22, company="Beta")
    v1 = digest(ws.resumes_dir / "v1")
    result = run(runner, "draft")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("drafted v2 from v1: Scrum, Jira lead")
    assert 'line 3 → 1 "Ran sprint planning' in out
    assert "2026-11-20-acme, 2026-11-22-beta" in out
    assert "Kubernetes: not added" in out and "What would count as evidence" in out
    assert "suggested, not applied" in out and "(Scrum)" in out
    assert "rendered resumes/v2/resume.pdf, resumes/v2/resume.docx" in out
    v2 = ws.version("v2")
    assert v2.meta.parent == "v1" and v2.meta.edits
    assert (v2.path / "resume.pdf").read_bytes()[:5] == b"%PDF-"
    summary = v2.resume().basics.summary
    assert summary.endswith("Core skills: Scrum, Jira.") and "Kubernetes" not in summary
    assert digest(ws.resumes_dir / "v1") == v1, "the parent never changes"
    again = run(runner, "draft", "--no-render")
    assert again.exit_code == 0 and again.stdout.startswith("nothing to change")
    assert [v.label for v in ws.versions()] == ["v1", "v2"]


def test_draft_from_and_emphasize(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "draft", "--from", "1", "--emphasize", "Jira", "--no-render")
    assert result.exit_code == 0, result.output
    assert ws.version("v2").resume().skills[0].keywords == ["Jira", "Confluence"]
    assert "as --emphasize asked" in result.stdout


def test_draft_from_an_unknown_version(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "draft", "--from", "v7", "--emphasize", "Jira")
    assert result.exit_code == 2
    assert "no version 'v7'; there are: v1" in result.stderr


def test_draft_with_an_unknown_template_writes_nothing(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "draft", "--emphasize", "Jira", "--template", "no-such-design")
    assert result.exit_code != 0 and "no-such-design" in result.stderr
    assert [v.label for v in ws.versions()] == ["v1"]


def test_a_failed_render_keeps_the_version_and_says_how_to_render(runner, ws, json_file):
    run(runner, "import", str(json_file))
    broken = ws.root / "templates" / "broken"
    broken.mkdir(parents=True)
    (broken / "resume.typ.j2").write_text("{% if basics.name %}\n#text(unclosed\n")
    result = run(runner, "draft", "--emphasize", "Jira", "--template", "broken")
    assert result.exit_code == 1
    assert "drafted v2 from v1" in result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert "v2 is written, but rendering it failed" in line
    assert line.endswith("render it with `resumetool render v2`")
    assert [v.label for v in ws.versions()] == ["v1", "v2"]
    assert ws.version("v2").renders() == []


def test_nothing_to_draft_for_a_skill_without_evidence(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "draft", "--emphasize", "Terraform", "--no-render")
    assert result.exit_code == 0
    assert result.stdout.startswith("nothing to change: v1 shows none of these skills")
    assert "Terraform: not added" in result.stdout
    assert [v.label for v in ws.versions()] == ["v1"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("a", "Ran sprint planning (Scrum), daily stand-ups and retrospectives for two teams"),
        ("e", "Led sprint planning (Scrum), daily stand-ups and retrospectives for two teams"),
        ("s", "Ran sprint planning, daily stand-ups and retrospectives for two teams"),
    ],
)
def test_draft_interactive_accept_edit_skip(runner, ws, json_file, monkeypatch, answer, expected):
    run(runner, "import", str(json_file))
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} -c {shlex.quote(EDIT_SCRIPT)}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = run(
        runner, "draft", "--emphasize", "Scrum", "--interactive", "--no-render", input=answer + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "proposed: Ran sprint planning (Scrum)" in result.stdout
    assert ws.version("v2").resume().work[0].highlights[0] == expected
    kinds = [e.kind for e in ws.version("v2").meta.edits]
    assert ("name-skill" in kinds) is (answer != "s")


EDIT_SCRIPT = (
    "import sys, pathlib; p = pathlib.Path(sys.argv[1]); "
    "p.write_text(p.read_text().replace('Ran', 'Led'))"
)


# -- diff -------------------------------------------------------------------------------


@pytest.fixture
def drafted(runner, ws, json_file) -> Workspace:
    run(runner, "import", str(json_file))
    ask(ws, "Scrum", "Jira")
    assert run(runner, "draft", "--no-render").exit_code == 0
    return ws


def test_diff_versions_text_is_plain_when_piped(runner, drafted):
    result = run(runner, "diff", "v1", "v2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not ANSI.search(out)
    assert out.startswith("diff v1 → v2")
    assert "↑ moved 3 → 1: Ran sprint planning" in out
    assert "{+Core skills: Scrum, Jira.+}" in out
    assert re.search(r"Scrum +\d\.\d\d +0\.\d\d → 0\.\d\d ▲ +implied → emphasized", out)


def test_diff_colours_only_at_a_terminal_and_never_with_no_color(runner, drafted, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run(runner, "diff", "v1", "v2")
    assert ANSI.search(coloured.stdout) and "{+" not in coloured.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run(runner, "diff", "v1", "v2")
    assert not ANSI.search(plain.stdout) and "{+Core skills" in plain.stdout


def test_diff_json_and_md(runner, drafted):
    data = json.loads(run(runner, "diff", "1", "latest", "--format", "json").stdout)
    assert (data["a"], data["b"], data["same"]) == ("v1", "v2", False)
    moved = [
        b
        for s in data["sections"]
        for e in s["entries"]
        for b in e["bullets"]
        if b["change"] == "moved"
    ]
    assert moved and moved[0]["matched_by"] == "id"
    assert {s["skill"] for s in data["emphasis"]} == {"Scrum", "Jira"}
    md = run(runner, "diff", "v1", "v2", "--format", "md").stdout
    assert md.startswith("# Diff: v1 → v2") and "| Skill | Demand |" in md


def test_diff_a_version_against_a_file_and_two_files(
    runner, drafted, json_file, tmp_path, monkeypatch
):
    result = run(runner, "diff", str(json_file), "v2")
    assert result.exit_code == 0 and "moved 3 → 1" in result.stdout
    other = tmp_path / "other.json"
    data = json.loads(json_file.read_text())
    data["work"][0]["highlights"].reverse()
    data["work"][0]["highlights"][0] += " across the company"
    other.write_text(json.dumps(data))
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = run(runner, "diff", str(json_file), str(other))
    assert result.exit_code == 0, result.output
    assert "↑ moved 3 → 1, changed: Ran sprint planning" in result.stdout
    assert "demand: the skills named in either resume" in result.stdout


def test_diff_unknown_version(runner, drafted):
    result = run(runner, "diff", "v1", "v9")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "resumetool: no version 'v9'; there are: v1, v2 — see `resumetool versions`"
    )


def test_render_a_version_into_its_folder_and_never_over_its_data(runner, ws, json_file):
    run(runner, "import", str(json_file))
    result = run(runner, "render", "v1", "--to", "md,html")
    assert result.exit_code == 0, result.output
    folder = ws.resumes_dir / "v1"
    assert (folder / "resume.md").is_file() and (folder / "resume.html").is_file()
    assert "Jordan Rivera" in (folder / "resume.md").read_text()
    latest = run(runner, "render", "--to", "md", "-o", str(ws.root / "out.md"))
    assert latest.exit_code == 0 and (ws.root / "out.md").is_file()
    before = digest(folder)
    refused = run(runner, "render", "v1", "--to", "md", "-o", str(folder / "resume.yaml"))
    assert refused.exit_code == 2 and "never changes" in refused.stderr
    assert digest(folder) == before
    unknown = run(runner, "render", "v9")
    assert unknown.exit_code == 2 and "v1" in unknown.stderr
