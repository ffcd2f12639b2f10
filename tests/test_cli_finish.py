"""The finish a user expects: --version, --debug, --quiet, NO_COLOR, completion, progress,
an example in every command's help, and errors that say what to do next."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import resumetool
from resumetool.cli import Progress, main
from resumetool.errors import InputError

COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|4[0-9]|10[0-7]|38;|48;)[0-9;]*m")
"""An SGR escape that sets a colour (bold and the like are not colour: NO_COLOR allows them)."""


def commands(group: click.Group = main, path: tuple[str, ...] = ()):
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


@pytest.mark.parametrize(
    "path", [p for p, _ in commands()], ids=[" ".join(p) or "resumetool" for p, _ in commands()]
)
def test_every_command_has_help_with_an_example(runner, path):
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`resumetool {' '.join(path)} --help` shows no example"
    example = result.output.split("Example", 1)[1]
    assert "resumetool " in example, "the example runs resumetool"


def test_version(runner):
    for flag in ("--version", "-V"):
        result = runner.invoke(main, [flag])
        assert result.exit_code == 0
        assert result.output.strip() == f"resumetool, version {resumetool.__version__}"


# -- --debug and one-line errors ---------------------------------------------------------

CLI = [sys.executable, "-c", "from resumetool.cli import main; main(prog_name='resumetool')"]


def test_a_library_error_is_one_line_and_debug_shows_its_traceback(tmp_path):
    missing = str(tmp_path / "missing.pdf")
    plain = subprocess.run([*CLI, "parse", missing], capture_output=True, text=True)
    assert plain.returncode == 1
    assert plain.stderr == f"resumetool: {missing}: file not found — check the path\n"
    debug = subprocess.run([*CLI, "--debug", "parse", missing], capture_output=True, text=True)
    assert debug.returncode == 1
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert "resumetool.errors.InputError: file not found" in debug.stderr


def _broken_load_resume(*args, **kwargs):
    raise RuntimeError("a bug\nover two lines")


def test_an_unexpected_error_is_one_line_that_asks_for_debug(runner, monkeypatch, tmp_path):
    import resumetool.structure

    monkeypatch.setattr(resumetool.structure, "load_resume", _broken_load_resume)
    path = tmp_path / "resume.txt"
    path.write_text("Ada Example\n")
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr == (
        "resumetool: internal error: RuntimeError: a bug over two lines "
        "(run again with --debug for the traceback, and please report it)\n"
    )
    for args, env in ((["--debug"], {}), ([], {"RESUMETOOL_DEBUG": "1"})):
        debug = runner.invoke(main, [*args, "parse", str(path)], env=env)
        assert isinstance(debug.exception, RuntimeError), "--debug lets it through"


def test_debug_lets_a_library_error_through_in_process(runner, tmp_path):
    result = runner.invoke(main, ["--debug", "parse", str(tmp_path / "missing.docx")])
    assert isinstance(result.exception, InputError)


def test_a_refused_read_or_write_is_one_line(runner, monkeypatch, tmp_path):
    import resumetool.structure

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/somewhere/resume.pdf")

    monkeypatch.setattr(resumetool.structure, "load_resume", denied)
    path = tmp_path / "resume.txt"
    path.write_text("Ada Example\n")
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("resumetool: /somewhere/resume.pdf: Permission denied — ")
    assert result.stderr.count("\n") == 1


# -- --quiet and NO_COLOR, on every command of a real session -----------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("finish") / "search"
    result = CliRunner().invoke(main, ["--quiet", "demo", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "", "the demo under --quiet: results only"
    return folder


SESSION = [
    ["analyze", "v2"],
    ["analyze", "v2", "--format", "md"],
    ["diff", "v1", "v2"],
    ["interview", "list"],
    ["interview", "show", "latest"],
    ["company", "list"],
    ["company", "set", "Brightline Logistics", "--interest", "2"],
    ["versions"],
    ["templates"],
    ["plan", "--ics", "{tmp}/plan.ics"],
    ["report"],
    ["report", "--format", "html", "-o", "{tmp}/report.html"],
    ["practice"],
    ["feedback-request", "latest"],
    ["render", "v2", "--to", "md,html"],
    ["draft", "--emphasize", "Scrum", "--no-render"],
    ["import", "resumes/v1/source.docx"],
    ["interview", "add", "--company", "Zeta Co", "--asked", "Scrum"],
    ["company", "add", "Omega {unique}", "--interest", "1"],
]


def _session(demo: Path, tmp_path: Path):
    """The session's commands; each call gives new names where a name must be new."""
    import itertools

    counter = itertools.count()
    for args in SESSION:
        yield [a.format(tmp=tmp_path, unique=next(counter)) for a in args]


def test_quiet_silences_notes_and_progress_never_results(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(demo)
    runner = CliRunner()
    noted = []
    for args in _session(demo, tmp_path):
        loud = runner.invoke(main, [a.replace("Omega", "Omega loud") for a in args])
        quiet = runner.invoke(main, ["--quiet", *args])
        assert quiet.exit_code == 0 and loud.exit_code == 0, (args, quiet.output, loud.output)
        assert quiet.stderr == "", (args, quiet.stderr)
        assert quiet.stdout.strip(), f"{args}: --quiet must still print the result"
        if loud.stderr:
            noted.append(args[0])
    assert {"plan", "import", "feedback-request"} <= set(noted), "notes exist without --quiet"


def test_no_color_everywhere_even_when_colour_is_forced(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(demo)
    runner = CliRunner()
    coloured = []
    for args in _session(demo, tmp_path):
        plain = runner.invoke(
            main,
            [a.replace("Omega", "Omega plain") for a in args],
            env={"FORCE_COLOR": "1", "NO_COLOR": "1"},
        )
        assert plain.exit_code == 0, (args, plain.output)
        assert not COLOUR.search(plain.stdout + plain.stderr), args
        forced = runner.invoke(main, args, env={"FORCE_COLOR": "1", "NO_COLOR": None})
        if COLOUR.search(forced.stdout):
            coloured.append(args[0])
    assert {"analyze", "diff", "report"} <= set(coloured), "colours exist without NO_COLOR"


def test_piped_output_has_no_escapes_at_all(demo, monkeypatch):
    monkeypatch.chdir(demo)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for args in (["analyze", "v2"], ["diff", "v1", "v2"], ["report"], ["versions"]):
        result = CliRunner().invoke(main, args)
        assert "\x1b[" not in result.stdout, args


# -- progress ------------------------------------------------------------------------------

PROGRESS_RUN = (
    "import sys, resumetool.cli as cli; cli.Progress.DELAY_SECONDS = 0.0; "
    "cli.main(sys.argv[1:], prog_name='resumetool')"
)


def _in_a_terminal(args: list[str], cwd: Path) -> str:
    """Run the CLI with stdout and stderr on a pseudo-terminal; what it showed there."""
    import pty
    import select

    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("FORCE_COLOR", None)
    main_fd, child_fd = pty.openpty()
    chunks = []
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", PROGRESS_RUN, *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=child_fd,
            stderr=child_fd,
        )
        os.close(child_fd)
        child_fd = -1
        while True:
            ready, _, _ = select.select([main_fd], [], [], 60)
            if not ready:
                proc.kill()
                pytest.fail("the command printed nothing for a minute")
            try:
                data = os.read(main_fd, 65536)
            except OSError:  # EIO: the other end closed, the command is done
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
    finally:
        os.close(main_fd)
        if child_fd != -1:
            os.close(child_fd)
    shown = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0, shown
    return shown


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_progress_bar_for_several_formats_only_at_a_terminal(demo, tmp_path):
    shown = _in_a_terminal(["render", "v2", "--to", "pdf,docx,md,html", "-o", str(tmp_path)], demo)
    assert re.search(r"rendering (pdf|docx|md|html) .*/4", shown), shown
    assert "wrote " in shown
    quiet = _in_a_terminal(
        ["--quiet", "render", "v2", "--to", "pdf,docx,md,html", "-o", str(tmp_path)], demo
    )
    assert "rendering" not in quiet and "wrote " in quiet


def test_the_progress_bar_waits_a_second_and_stays_off_when_disabled():
    assert Progress.DELAY_SECONDS == 1.0, "quick work shows no bar"
    with Progress(3, "work", enabled=False) as progress:
        progress.step("one")
        progress.step("two")
    assert progress._bar is None


# -- shell completion ------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(runner, shell):
    result = runner.invoke(
        main, [], prog_name="resumetool", env={"_RESUMETOOL_COMPLETE": f"{shell}_source"}
    )
    assert result.exit_code == 0
    assert "_RESUMETOOL_COMPLETE" in result.output and "resumetool" in result.output


def test_completion_offers_commands_and_options(runner):
    def complete(words: str) -> list[str]:
        env = {
            "_RESUMETOOL_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        result = runner.invoke(main, [], prog_name="resumetool", env=env)
        return [line.split(",", 1)[1] for line in result.output.splitlines()]

    assert "render" in complete("resumetool re")
    assert "report" in complete("resumetool re")
    assert "--template" in complete("resumetool render --te")
    assert {"add", "list", "show", "edit"} <= set(complete("resumetool interview "))


# -- errors say what to do next --------------------------------------------------------------


def test_every_typed_error_in_the_package_says_what_to_do():
    """Each ResumetoolError raised in the package carries a hint, or its message says what to
    do ('write it as', 'give', 'add', 'run', …)."""
    import ast

    names = {
        "ResumetoolError",
        "UsageError",
        "InputError",
        "UnsupportedFormat",
        "ValidationFailed",
        "WorkspaceError",
        "RenderError",
        "DateError",
    }
    advice = re.compile(
        r"\b(write|give|add|run|pass|use|check|choose|fix|save|export|pick|import|see|"
        r"log|try|rename|remove|upgrade|install)\b"
    )
    silent = []
    package = Path(resumetool.__file__).parent
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in names or any(k.arg == "hint" for k in node.keywords):
                continue
            message = ast.unparse(node.args[0]) if node.args else ""
            if not advice.search(message):
                silent.append(f"{path.relative_to(package)}:{node.lineno}: {message[:80]}")
    assert silent == []


@pytest.mark.parametrize("flag", ["-q", "--quiet", "--debug"])
def test_global_flags_also_work_after_the_command(runner, tmp_path, flag):
    path = tmp_path / "resume.txt"
    path.write_text("Ada Example\nada@example.com\n")
    after = runner.invoke(main, ["parse", str(path), flag])
    before = runner.invoke(main, [flag, "parse", str(path)])
    assert after.exit_code == before.exit_code == 0
    assert after.output == before.output


def test_a_flag_after_double_dash_is_left_to_the_command(runner, tmp_path):
    result = runner.invoke(main, ["parse", "--", "-q"])
    assert result.exit_code == 1 and "-q" in result.stderr
