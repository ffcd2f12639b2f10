"""Usage errors as one line, and the group's options typed after the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumetool.cli import ResumetoolGroup, main
from resumetool.workspace import init_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "search"
    init_workspace(root)
    monkeypatch.chdir(tmp_path)  # outside the workspace: only -w finds it
    return root


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("resumetool: "), lines[0]
    assert "Usage:" not in result.output and "Error:" not in result.output
    return lines[0]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["versoins"],
            "resumetool: no such command 'versoins'; did you mean 'versions'?"
            " — see `resumetool --help`",
        ),
        (
            ["analyze", "--formt", "json"],
            "resumetool: no such option '--formt'; did you mean '--format'?"
            " — see `resumetool analyze --help`",
        ),
        (
            ["interview", "add", "--company", "Acme", "--interest", "9"],
            "resumetool: invalid value for '--interest': 9 is not in the range 1<=x<=5"
            " — see `resumetool interview add --help`",
        ),
        (["parse"], "resumetool: missing argument 'FILE' — see `resumetool parse --help`"),
        (
            ["plan", "--start"],
            "resumetool: option '--start' requires an argument — see `resumetool plan --help`",
        ),
        (["--bogus"], "resumetool: no such option '--bogus' — see `resumetool --help`"),
        (
            ["company", "add", "Beta", "--interest", "2", "--status", "maybe"],
            "resumetool: invalid value for '--status': 'maybe' is not one of 'target', 'applied',"
            " 'scheduled', 'interviewing', 'done', 'closed' — see `resumetool company add --help`",
        ),
    ],
)
def test_click_usage_errors_are_one_line_with_the_help_to_see(runner, args, line):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert one_line(result) == line


def test_a_suggestion_list_is_kept(runner):
    result = runner.invoke(main, ["interview", "add", "--intrest", "3"])
    assert result.exit_code == 2
    assert "did you mean one of: '--interactive', '--interest'" in one_line(result)


def test_a_usage_error_raised_by_a_command_names_its_help_once(ws, runner):
    args = ["-w", str(ws), "interview", "add", "--company", "A", *["--pro", "x"] * 4]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    line = one_line(result)
    assert "--pro given 4 times" in line
    assert line.endswith("— see `resumetool interview add --help`")

    missing = runner.invoke(main, ["-w", str(ws), "interview", "add", "--no-interactive"])
    assert missing.exit_code == 2
    assert one_line(missing).count("--help`") == 1


def test_help_version_and_a_group_alone_still_show_their_text(runner):
    help_text = runner.invoke(main, ["versions", "--help"])
    assert help_text.exit_code == 0 and help_text.stdout.startswith("Usage: ")
    version = runner.invoke(main, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("resumetool, version ")
    group = runner.invoke(main, ["interview"])  # no subcommand: the group's help, as click does
    assert group.exit_code == 2 and "Commands:" in group.stderr and "add" in group.stderr


def test_ctrl_c_in_a_command_is_one_line_and_exit_130(ws, runner, monkeypatch):
    from resumetool import workspace

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(workspace.Workspace, "versions", interrupted)
    result = runner.invoke(main, ["-w", str(ws), "versions"])
    assert result.exit_code == 130
    assert one_line(result) == "resumetool: interrupted; nothing was half-written"


# -- the group's options after the command ----------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        ["-w", "{ws}"],
        ["--workspace", "{ws}"],
        ["--workspace={ws}"],
        ["-w{ws}"],
        ["-q", "-w", "{ws}"],
    ],
)
def test_workspace_option_after_the_command(ws, runner, tail):
    args = ["company", "add", "Acme", "--interest", "2"]
    result = runner.invoke(main, [*args, *(part.format(ws=ws) for part in tail)])
    assert result.exit_code == 0, result.output
    assert "Acme" in (ws / "companies.yaml").read_text()
    listed = runner.invoke(main, ["company", "list", "--format", "json", "-w", str(ws)])
    assert listed.exit_code == 0 and '"Acme"' in listed.stdout


def test_hoisting_stops_at_a_double_dash_and_keeps_other_values():
    hoist = ResumetoolGroup.hoist_global_options
    assert hoist(["versions", "-w", "/x", "-q"]) == ["-w", "/x", "-q", "versions"]
    assert hoist(["parse", "--", "-w", "file"]) == ["parse", "--", "-w", "file"]
    assert hoist(["interview", "add", "--workspace"]) == ["--workspace", "interview", "add"]
    assert hoist(["company", "add", "-w", "/x", "--notes", "w"]) == [
        "-w", "/x", "company", "add", "--notes", "w",
    ]  # fmt: skip


def test_a_missing_workspace_after_the_command_is_one_line(runner, tmp_path):
    result = runner.invoke(main, ["versions", "-w", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "no resumetool workspace at" in one_line(result)
