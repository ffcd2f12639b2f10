"""Tables piped (whole rows, no padding) and at narrow and wide terminals (nothing that
matters cut: dates, companies, skills), for every command that prints one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resumetool.cli import Sheet, main
from resumetool.workspace import init_workspace

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG_SKILL = "stakeholder management"
COMPANIES = ["Brightline Logistics International", "Umbrella Analytics", "Hooli"]
RESUME = {
    "basics": {"name": "Ada Example", "summary": "Program manager; stakeholder management."},
    "work": [
        {
            "name": "Northgate",
            "position": "Program Manager",
            "startDate": "2021-03",
            "highlights": ["Ran sprint planning for two teams", "Managed vendor contracts"],
        }
    ],
    "skills": [{"name": "Methods", "keywords": ["Scrum", "Kanban"]}],
}


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    root = tmp_path_factory.mktemp("tables") / "search"
    init_workspace(root)
    resume = root.parent / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    runner = CliRunner()
    steps = [
        ["import", str(resume)],
        ["company", "add", COMPANIES[0], "--interest", "1", "--notes", "met at a meetup " * 4],
        ["company", "add", COMPANIES[1], "--interest", "4"],
        ["company", "add", COMPANIES[2], "--interest", "5"],
    ]
    for day, company in zip(("2026-11-20", "2026-11-23"), COMPANIES, strict=False):
        steps.append(
            ["interview", "add", "--company", company, "--date", day, "--stage", "technical",
             "--asked", f"Scrum, {LONG_SKILL}, vendor management, Kubernetes, budgeting"]
        )  # fmt: skip
    for args in steps:
        result = runner.invoke(main, ["-w", str(root), *args])
        assert result.exit_code == 0, result.output
    return root


COMMANDS = [
    ["interview", "list"],
    ["company", "list"],
    ["plan"],
    ["versions"],
    ["templates"],
    ["analyze"],
]


def must_show(command: list[str]) -> list[str]:
    """What the command's table must show whole, wherever it is printed."""
    return {
        "interview": ["2026-11-20", "2026-11-23", *COMPANIES[:2]],
        "company": COMPANIES,
        "plan": COMPANIES,
        "versions": ["v1", "imported resume.json"],
        "templates": ["classic", "modern"],
        "analyze": [LONG_SKILL, "vendor management", "Kubernetes"],
    }[command[0]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_piped_rows_are_whole_lines_without_padding(ws, runner, command):
    result = runner.invoke(main, ["-w", str(ws), *command], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and not ANSI.search(result.stdout)
    assert all(line == line.rstrip() for line in lines), "trailing spaces"
    for words in must_show(command):
        assert any(words in line for line in lines), words
    if command == ["plan"]:
        rows = [line for line in lines if line.startswith(("Mon", "Tue", "Wed", "Thu", "Fri"))]
        assert len(rows) == 3 and all(re.search(r" \d of \d: ", row) for row in rows)
        assert all(len(line) > 40 for line in rows)  # not squeezed to the 40 columns asked
    if command == ["interview", "list"]:
        assert len(lines) == 3  # the header and one line per interview
        assert lines[1].endswith(f"{LONG_SKILL}, vendor management, Kubernetes, budgeting")
    if command == ["analyze"]:
        advice = lines[lines.index("What to do") + 1 :]
        assert advice and all(re.match(r"\d+\. ", line) for line in advice)  # one line each


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_at_a_terminal_what_matters_stays_whole(ws, runner, command, width):
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": str(width), "NO_COLOR": "1"}
    result = runner.invoke(main, ["-w", str(ws), *command], env=env)
    assert result.exit_code == 0, result.output
    text = ANSI.sub("", result.stdout)
    lines = text.splitlines()
    for words in must_show(command):
        assert any(words in line for line in lines), (words, text)
    if command[0] in ("interview", "company", "plan", "analyze"):
        assert max(len(line.rstrip()) for line in lines) <= width, text
    if command == ["analyze"]:
        header = next(line for line in lines if line.lstrip().startswith("#") or "┃ #" in line)
        assert ("Emph." in header) is (width == 60) and "…" not in text.split("What to do")[0]
    if command == ["interview", "list"] and width == 60:
        assert lines[0].split() == ["date", "company", "outcome"]  # the id left out, last
    if command == ["plan"] and width == 60:  # the reasons go under their rows, not in shreds
        assert lines[0].split() == ["date", "company"]
        reason = "practice 1 of 1: lowest interest first, a rejection costs least"
        assert " ".join(" ".join(lines[2:4]).split()) == reason
        assert lines[2].startswith("  practice 1 of 1: lowest")


def test_columns_give_way_in_the_order_asked():
    sheet = Sheet(
        "id",
        "date",
        "text",
        cut=("id",),
        wrap=("text",),
        squeeze=(("text", 20), ("id", 10), ("text", None)),
    )
    sheet.add_row("x" * 30, "2026-11-20", " ".join(["word"] * 20))
    assert sheet.natural_widths() == [30, 10, 99]
    assert sheet.fitted_widths(200) == [30, 10, 99]
    assert sheet.fitted_widths(70) == [30, 10, 26]  # text first, room left given back
    assert sheet.fitted_widths(50) == [16, 10, 20]  # then the id
    assert sheet.fitted_widths(30) == [18, 10, None]  # then the text goes
    assert sheet.fitted_widths(8) == [6, 10, None]  # the date never gives way
    assert sheet.layout(70) == ([30, 10, 26], ())
    plain = Sheet("id", "date", "text", cut=("id",), wrap=("text",))
    plain.add_row("x" * 30, "2026-11-20", " ".join(["word"] * 20))
    assert plain.layout(50) == ([16, 10, 20], ())
    assert plain.layout(45) == ([30, 10, None], (2,))  # the text under the row, the id whole


def test_a_cut_cell_says_so(runner):
    from rich.console import Console

    sheet = Sheet("id", "date", cut=("id",))
    sheet.add_row("2026-11-02-brightline-logistics", "2026-11-02")
    console = Console(width=30, color_system=None)
    with console.capture() as captured:
        console.print(sheet.renderable(sheet.fitted_widths(30)))
    assert captured.get().splitlines()[1] == "2026-11-02-bright…  2026-11-02"
