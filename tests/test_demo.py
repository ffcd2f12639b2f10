"""`resumetool demo`: the whole loop once, and every file it claims checked for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from resumetool.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("demo") / "resumetool-demo"
    result = CliRunner().invoke(main, ["demo", str(folder)])
    assert result.exit_code == 0, result.output
    return folder, result.stdout


def listed_files(folder: Path, output: str) -> list[Path]:
    lines = output.split("Files in ", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [folder / line.strip() for line in lines]


def test_every_step_runs_and_says_what_it_did(demo):
    _, output = demo
    for step in ("workspace", "companies", "interviews", "import", "analyze", "draft"):
        assert f"✓ {step}" in output
    for step in ("render", "diff", "report", "plan"):
        assert f"✓ {step}" in output
    assert "Scrum asked in 3 of them" in output
    assert "Scrum: buried (demand 0.87" in output
    assert "reads back identical" in output  # the PDF parse check
    assert "Scrum: emphasis 0.48 → 0.93 (buried → emphasized)" in output
    assert "not added: HIPAA (no evidence)" in output


def test_every_file_it_lists_exists(demo):
    folder, output = demo
    files = listed_files(folder, output)
    assert len(files) >= 15
    missing = [str(f) for f in files if not f.is_file()]
    assert missing == []
    names = {f.relative_to(folder).as_posix() for f in files}
    assert {"resumes/v2/resume.pdf", "resumes/v2/resume.docx", "plan.ics"} <= names
    assert "resumes/v1/source.docx" in names


def test_the_pdf_opens_and_names_the_candidate(demo):
    import pdfplumber

    folder, _ = demo
    with pdfplumber.open(folder / "resumes" / "v2" / "resume.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Jordan Rivera" in text
    assert "Ran sprint planning" in text


def test_the_docx_opens(demo):
    import docx

    folder, _ = demo
    document = docx.Document(str(folder / "resumes" / "v2" / "resume.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Jordan Rivera" in text


def test_the_calendar_parses(demo):
    import datetime as dt

    from icalendar import Calendar

    folder, _ = demo
    calendar = Calendar.from_ical((folder / "plan.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events][:2] == [
        "Practice interview: Evergreen Energy",
        "Practice interview: Fjord Payments",
    ]
    assert len(events) == 5
    assert min(e.decoded("dtstart") for e in events) > dt.date.today()


def test_the_report_has_the_chart(demo):
    folder, _ = demo
    (report,) = (folder / "reports").glob("2026-11-23-*.html")
    html = report.read_text(encoding="utf-8")
    assert html.count('class="bar-d"') == 4 and "<script" not in html  # Cobalt's four skills
    assert "was buried in v1" in html


def test_v2_moves_the_scrum_line_up(demo):
    from resumetool.workspace import Workspace

    folder, _ = demo
    ws = Workspace(folder)
    v1, v2 = ws.version("v1").resume(), ws.version("v2").resume()
    assert "Scrum" in v1.work[0].highlights[3]
    assert "Scrum" in v2.work[0].highlights[0]
    assert v2.work[0].highlights[1] == v1.work[0].highlights[0]  # the lead line is second
    assert ws.version("v2").meta.parent == "v1"


def test_the_record_the_summary_and_the_diff_count_the_same_moves(demo):
    """Every moved line of v2 has an edit with its reason in meta.yaml, and the demo's draft
    and diff lines count what `resumetool diff v1 v2` lists."""
    from resumetool.diff import diff_resumes
    from resumetool.workspace import Workspace

    folder, output = demo
    ws = Workspace(folder)
    up, down = diff_resumes(
        ws.version("v1").resume(), ws.version("v2").resume()
    ).moved_within_entries()
    edits = [e for e in ws.version("v2").meta.edits if e.kind == "move"]
    assert {(e.highlight, e.before, e.after) for e in edits} == {
        (b.id, b.before_line, b.after_line) for b in [*up, *down]
    }
    assert all(e.reason.startswith("moved up: it ") for e in edits)
    assert "is now line 2" in edits[0].reason
    moved = f"{len(up)} bullet{'s' if len(up) != 1 else ''} moved up"
    draft_line = next(line for line in output.splitlines() if "✓ draft" in line)
    diff_line = next(line for line in output.splitlines() if "✓ diff" in line)
    assert moved in draft_line and moved in diff_line and not down


def test_a_non_empty_folder_is_refused(runner, demo, tmp_path):
    folder, _ = demo
    again = runner.invoke(main, ["demo", str(folder)])
    assert again.exit_code == 2
    assert "not empty" in again.stderr and "--force" in again.stderr
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    forced = runner.invoke(main, ["demo", str(other), "--force"])
    assert forced.exit_code == 2
    assert "not an earlier demo" in forced.stderr
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert not any(p.name.startswith(".resumetool-demo-") for p in tmp_path.iterdir())


def test_the_wheel_ships_the_examples_and_the_report_data(wheel, tmp_path):
    """Non-editable installs find the demo's files inside the package."""
    names = wheel.names
    for name in ("resume.docx", "resume.pdf", "companies.yaml"):
        assert f"resumetool/examples/{name}" in names
    interviews = [n for n in names if n.startswith("resumetool/examples/interviews/")]
    assert len(interviews) == 4
    assert "resumetool/examples/build_examples.py" not in names
    for name in ("report.md.j2", "report.html.j2"):
        assert f"resumetool/report_templates/{name}" in names
    assert "resumetool/practice_questions.yaml" in names
    found = subprocess.run(
        [sys.executable, "-c", "from resumetool import demo; print(demo.examples_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(wheel.site), "PATH": "/usr/bin:/bin"},
    )
    assert found.returncode == 0, found.stderr[-2000:]
    assert Path(found.stdout.strip()) == wheel.site / "resumetool" / "examples"
