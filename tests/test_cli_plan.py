"""`resumetool plan` through the CLI, on a real workspace folder."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from resumetool.cli import main
from resumetool.dates import short_date
from resumetool.workspace import init_workspace

WIDE = {"COLUMNS": "220", "NO_COLOR": "1"}


def next_monday(after: dt.date) -> dt.date:
    return after + dt.timedelta(days=7 - after.weekday())


MONDAY = next_monday(dt.date.today() + dt.timedelta(days=1))


def write_companies(root: Path, entries: list[str]) -> None:
    body = "\n".join(entries) if entries else "  []"
    (root / "companies.yaml").write_text(
        "# my list\nschema: 1\ncompanies:\n" + body + "\n", encoding="utf-8"
    )


def entry(name: str, interest: int, status: str = "target", date: dt.date | None = None) -> str:
    text = f"  - name: {name}\n    interest: {interest}\n    status: {status}"
    return text + (f"\n    date: {date.isoformat()}" if date else "")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "search"
    init_workspace(root, name="Alex Doe")
    write_companies(
        root,
        [
            entry("Dream Co", 5),
            entry("Warmup Ltd", 1),
            entry("Solid Inc", 3),
            entry("Second Warmup", 2),
            entry("Good Corp", 4),
            entry("Finished", 2, status="done"),
        ],
    )
    return root


def run(runner, root: Path, *args: str):
    return runner.invoke(main, ["--workspace", str(root), "plan", *args], env=WIDE)


def test_table_lists_practice_first_then_the_cluster_with_reasons(runner, workspace):
    result = run(runner, workspace, "--start", MONDAY.isoformat())
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    order = [
        name
        for line in lines
        for name in ("Warmup Ltd", "Second Warmup", "Solid Inc", "Good Corp", "Dream Co")
        if name in line
    ]
    assert order == ["Warmup Ltd", "Second Warmup", "Solid Inc", "Good Corp", "Dream Co"]
    assert "Finished" not in result.stdout
    first = next(line for line in lines if "Warmup Ltd" in line)
    assert first.startswith(f"{short_date(MONDAY)}  Warmup Ltd")
    assert "practice" in first and "lowest interest first" in first
    dream = next(line for line in lines if "Dream Co" in line)
    assert "highest interest last" in dream
    assert result.stderr == ""


def test_json_is_the_plan_for_scripts(runner, workspace):
    result = run(runner, workspace, "--start", MONDAY.isoformat(), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["start"] == MONDAY.isoformat()
    assert [s["company"] for s in data["slots"]] == [
        "Warmup Ltd",
        "Second Warmup",
        "Solid Inc",
        "Good Corp",
        "Dream Co",
    ]
    assert {s["kind"] for s in data["slots"]} == {"practice", "target"}
    assert data["left_out"] == [{"company": "Finished", "status": "done", "interview": None}]
    assert all(
        set(s) == {"date", "company", "interest", "kind", "group", "reason"} for s in data["slots"]
    )


def test_ics_file_imports_back(runner, workspace, tmp_path):
    from icalendar import Calendar

    target = tmp_path / "out" / "plan.ics"
    result = run(runner, workspace, "--start", MONDAY.isoformat(), "--ics", str(target))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "5 events" in result.stderr
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert events[0].decoded("DTSTART") == MONDAY
    assert "Practice interview: Warmup Ltd" in [str(e["SUMMARY"]) for e in events]
    assert [p.name for p in target.parent.iterdir()] == ["plan.ics"]  # no temp file left


def test_ics_into_a_place_that_cannot_be_written_is_one_line(runner, workspace, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run(runner, workspace, "--ics", str(blocker / "plan.ics"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "cannot write the calendar" in result.stderr
    assert "Traceback" not in result.output
    assert blocker.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_ics_into_a_read_only_folder(runner, workspace, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run(runner, workspace, "--ics", str(locked / "plan.ics"))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert "cannot write the calendar" in result.stderr
    assert list(locked.iterdir()) == []


def test_a_start_in_the_past_is_refused(runner, workspace):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    result = run(runner, workspace, "--start", yesterday.isoformat())
    assert result.exit_code == 2
    assert "is in the past" in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_start_accepts_words(runner, workspace):
    result = run(runner, workspace, "--start", "today", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["start"] == dt.date.today().isoformat()


def test_no_companies_says_how_to_add_them(runner, tmp_path):
    root = tmp_path / "empty"
    init_workspace(root)
    result = run(runner, root)
    assert result.exit_code == 1
    assert "companies.yaml" in result.stderr
    assert "resumetool company add NAME --interest N" in result.stderr
    assert result.stderr.count("\n") == 1


def test_all_done_or_closed_is_a_note_and_no_calendar(runner, tmp_path):
    root = tmp_path / "done"
    init_workspace(root)
    write_companies(root, [entry("A", 2, status="done"), entry("B", 4, status="closed")])
    result = run(runner, root)
    assert result.exit_code == 0
    assert "Nothing to plan" in result.stdout
    calendar = tmp_path / "plan.ics"
    result = run(runner, root, "--ics", str(calendar))
    assert result.exit_code == 1
    assert "no interviews" in result.stderr
    assert not calendar.exists()


def test_no_low_interest_companies_get_a_suggestion(runner, tmp_path):
    root = tmp_path / "ambitious"
    init_workspace(root)
    write_companies(root, [entry("A", 4), entry("B", 5)])
    result = run(runner, root, "--start", MONDAY.isoformat())
    assert result.exit_code == 0
    assert "No practice run" in result.stdout
    assert "resumetool company add NAME --interest 1" in result.stdout


def test_ties_are_broken_by_file_order(runner, tmp_path):
    root = tmp_path / "ties"
    init_workspace(root)
    write_companies(root, [entry("Zed", 1), entry("Abe", 1), entry("Top", 4)])
    result = run(runner, root, "--start", MONDAY.isoformat(), "--format", "json")
    slots = json.loads(result.stdout)["slots"]
    assert [s["company"] for s in slots] == ["Zed", "Abe", "Top"]
    assert "tie with Abe" in slots[0]["reason"]


def test_a_fixed_date_in_the_past_is_reported_not_planned(runner, tmp_path):
    root = tmp_path / "past"
    init_workspace(root)
    gone = dt.date.today() - dt.timedelta(days=3)
    write_companies(root, [entry("Gone By", 2, status="scheduled", date=gone), entry("Next", 4)])
    result = run(runner, root)
    assert result.exit_code == 0
    assert "has passed" in result.stdout
    assert 'resumetool company set "Gone By" --status done' in result.stdout
    table = result.stdout.split("note:")[0]
    assert "Gone By" not in table and "Next" in table


def test_weekends_are_skipped_unless_asked(runner, workspace):
    saturday = MONDAY + dt.timedelta(days=5)
    result = run(runner, workspace, "--start", saturday.isoformat(), "--format", "json")
    data = json.loads(result.stdout)
    assert all(dt.date.fromisoformat(s["date"]).weekday() < 5 for s in data["slots"])
    assert any("weekend" in n for n in data["notes"])

    result = run(
        runner, workspace, "--start", saturday.isoformat(), "--weekends", "--format", "json"
    )
    data = json.loads(result.stdout)
    assert data["slots"][0]["date"] == saturday.isoformat()


def test_gap_options_are_checked(runner, workspace):
    result = run(runner, workspace, "--cluster-gap", "99")
    assert result.exit_code == 2
    assert "--cluster-gap 99 is out of range" in result.stderr
    result = run(runner, workspace, "--practice-gap", "4", "--cluster-gap", "0", "--format", "json")
    slots = json.loads(result.stdout)["slots"]
    targets = [s for s in slots if s["kind"] == "target"]
    assert len({s["date"] for s in targets}) == 1


def test_found_by_walking_up_from_a_subfolder(runner, workspace, monkeypatch):
    below = workspace / "interviews"
    monkeypatch.chdir(below)
    result = runner.invoke(main, ["plan", "--format", "json"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["slots"]) == 5


def test_outside_a_workspace(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["plan"], env=WIDE)
    assert result.exit_code == 1
    assert "no resumetool workspace" in result.stderr


def test_a_broken_company_file_names_file_and_line(runner, tmp_path):
    root = tmp_path / "broken"
    init_workspace(root)
    (root / "companies.yaml").write_text(
        "schema: 1\ncompanies:\n  - name: A\n    interest: 9\n", encoding="utf-8"
    )
    result = run(runner, root)
    assert result.exit_code == 1
    assert "companies.yaml:4" in result.stderr
    assert "Traceback" not in result.output
