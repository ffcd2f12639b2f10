"""What a new user meets at the terminal: help that says what is optional, date examples
that fit the option, messages that quote names the way a shell and a reader need, one-line
errors for a missing editor or an aborted prompt, and output that says what it is about."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from report_builders import example_workspace

from resumetool.cli import main
from resumetool.workspace import init_workspace


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's search up to v1 (read-only in these tests)."""
    return example_workspace(tmp_path_factory.mktemp("polish") / "ws").root


@pytest.fixture
def empty(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "search"
    init_workspace(root, name="Ada Lovelace")
    monkeypatch.chdir(root)
    return root


# -- --help ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "usage"),
    [
        (["report"], "Usage: resumetool report [OPTIONS] [INTERVIEW]"),
        (["feedback-request"], "Usage: resumetool feedback-request [OPTIONS] [INTERVIEW]"),
        (["interview", "show"], "Usage: resumetool interview show [OPTIONS] [ID]"),
        (["interview", "edit"], "Usage: resumetool interview edit [OPTIONS] [ID]"),
    ],
)
def test_an_interview_argument_with_a_default_shows_as_optional(runner, words, usage):
    result = runner.invoke(main, [*words, "--help"], prog_name="resumetool")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == usage
    assert "or latest (the default)" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("words", "option"),
    [(["plan"], "--start"), (["company", "add"], "--date"), (["company", "set"], "--date")],
)
def test_a_day_ahead_is_explained_with_days_ahead(runner, words, option):
    text = " ".join(runner.invoke(main, [*words, "--help"]).stdout.split())
    options = text[text.index("Options:") :]
    described = options[options.index(option) :].split(" --", 1)[0]
    assert "tomorrow" in described and "next tuesday" in described
    assert "yesterday" not in described and "ago" not in described


def test_an_unreadable_start_day_suggests_days_ahead(runner, empty):
    result = runner.invoke(main, ["plan", "--start", "whenever"])
    assert result.exit_code == 2
    assert "write one like 2026-12-01, tomorrow" in result.stderr
    assert "yesterday" not in result.stderr and "ago" not in result.stderr


# -- names in messages and in the commands they suggest -----------------------------------

ODD_NAME = 'O\'Brien & Sons "Ltd"'


def suggested_commands(text: str) -> list[list[str]]:
    return [shlex.split(command) for command in re.findall(r"`(resumetool [^`]*)`", text)]


def test_a_name_with_quotes_is_quoted_for_people_and_for_the_shell(runner, empty):
    added = runner.invoke(main, ["company", "add", ODD_NAME, "--interest", "3"])
    assert added.exit_code == 0, added.output
    again = runner.invoke(main, ["company", "add", ODD_NAME, "--interest", "4"])
    assert again.exit_code == 2
    assert "\\" not in again.stderr  # not Python's repr: 'O\'Brien…'
    assert f"“{ODD_NAME}” is already on the list" in again.stderr
    (command,) = suggested_commands(again.stderr)
    assert command[:4] == ["resumetool", "company", "set", ODD_NAME]

    slip = runner.invoke(main, ["company", "set", "O'Brien", "--status", "applied"])
    assert slip.exit_code == 2
    assert "\\" not in slip.stderr
    assert f"did you mean “{ODD_NAME}”?" in slip.stderr
    listed, new = suggested_commands(slip.stderr)
    assert listed[3] == ODD_NAME and new[:4] == ["resumetool", "company", "add", "O'Brien"]


def test_a_plain_name_is_suggested_as_people_type_it(runner, empty):
    runner.invoke(main, ["company", "add", "Acme Corp", "--interest", "3"])
    result = runner.invoke(main, ["company", "set", "acme", "--interest", "2"])
    assert "did you mean 'Acme Corp'?" in result.stderr
    assert '`resumetool company set "Acme Corp" …`' in result.stderr


# -- a hand-edited file: the value given, and the choice it was probably meant to be ------


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        (
            "stage: onsight",
            "stage: must be one of screen, phone, technical, onsite, final, other"
            " (not 'onsight'; did you mean onsite?)",
        ),
        ("date: Nov 20", "date: Nov 20 is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_a_mistake_in_an_interview_file_names_what_was_written(runner, empty, line, wanted):
    key = line.split(":")[0]
    text = "schema: 1\ncompany: Acme\ndate: 2026-11-20\nstage: onsite\n"
    text = re.sub(rf"^{key}: .*$", line, text, flags=re.M)
    (empty / "interviews" / "2026-11-20-acme.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["interview", "list"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert wanted in result.stderr


# -- an editor that does not start, a prompt left with Ctrl-D -----------------------------


def test_an_editor_that_does_not_start_is_one_line_saying_what_to_set(runner, empty):
    runner.invoke(
        main, ["interview", "add", "--company", "Acme", "--no-interactive"], catch_exceptions=False
    )
    before = {p: p.read_bytes() for p in (empty / "interviews").iterdir()}
    result = runner.invoke(
        main, ["interview", "edit", "acme"], env={"EDITOR": "no-such-editor-xyz", "VISUAL": ""}
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("resumetool: could not start the editor 'no-such-editor-xyz'")
    assert "EDITOR=" in lines[0] and "Editing failed" not in lines[0]
    assert {p: p.read_bytes() for p in (empty / "interviews").iterdir()} == before


def test_end_of_input_at_a_prompt_is_one_line_and_writes_nothing(runner, empty):
    result = runner.invoke(main, ["interview", "add", "--interactive"], input="Acme\n")
    assert result.exit_code == 1
    assert "Aborted!" not in result.output
    assert result.stderr.strip().endswith("resumetool: stopped at a prompt; nothing was written")
    assert list((empty / "interviews").iterdir()) == []


# -- what the output is about ---------------------------------------------------------------


def test_practice_on_chosen_skills_does_not_claim_the_interviews_asked(runner, example):
    result = runner.invoke(
        main, ["-w", str(example), "practice", "--skill", "Kubernetes", "--skill", "Scrum"]
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "For the skills you chose, with resume v1." in text
    assert "## The skills you chose" in text and "Skills they ask about" not in text
    assert "### Kubernetes (not asked in an interview yet, absent in your resume)" in text
    assert "### Scrum (asked in 3 interviews, buried in your resume)" in text


def test_examples_of_evidence_are_not_the_same_phrase_twice(runner, example):
    result = runner.invoke(main, ["-w", str(example), "practice", "--skill", "Kubernetes"])
    (listed,) = re.findall(r"Topics that would count as real experience: (.*)\.", result.stdout)
    topics = [t.strip(" '").casefold().removesuffix("s") for t in listed.split(",")]
    assert topics and len(topics) == len(set(topics)), listed


def test_a_draft_names_its_interviews_oldest_first_on_a_line_of_their_own(runner, tmp_path: Path):
    root = example_workspace(tmp_path / "ws").root
    result = runner.invoke(main, ["-w", str(root), "draft", "--no-render"])
    assert result.exit_code == 0, result.output
    asked = [line for line in result.stdout.splitlines() if line.strip().startswith("asked in:")]
    assert asked
    for line in asked:
        ids = line.split("asked in:", 1)[1].strip().split(", ")
        assert ids == sorted(ids)
    why = [line for line in result.stdout.splitlines() if line.strip().startswith("why:")]
    assert all("2026-11-" not in line for line in why)


def test_an_empty_workspace_does_not_speak_of_a_latest_no_one_typed(runner, empty):
    result = runner.invoke(main, ["analyze"])
    assert result.exit_code == 2
    assert result.stderr.startswith("resumetool: no versions yet — import a resume first")


def test_quiet_demo_prints_only_the_files_it_made(runner, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["-q", "demo", "quiet-demo"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "quiet-demo/resumetool.toml" in lines and "quiet-demo/plan.ics" in lines
    assert all(line.startswith("quiet-demo/") for line in lines)
    assert all((tmp_path / line).is_file() for line in lines)


@pytest.mark.parametrize("words", [[], ["interview"], ["company"]])
def test_command_lists_are_whole_sentences_not_cut_with_dots(runner, words):
    result = runner.invoke(main, [*words, "--help"], prog_name="resumetool", terminal_width=80)
    commands = result.stdout.split("Commands:", 1)[1]
    assert "..." not in commands, commands


def test_a_fixed_date_far_ahead_is_shown_and_questioned(runner, empty):
    import datetime as dt

    far = dt.date.today() + dt.timedelta(days=300)
    result = runner.invoke(
        main, ["company", "add", "Eta", "--interest", "3", "--date", far.isoformat()]
    )
    assert result.exit_code == 0
    assert result.stdout == f"added Eta (interest 3, target, {far.isoformat()})\n"
    assert "300 days from now" in result.stderr and "company set Eta --date" in result.stderr
    near = dt.date.today() + dt.timedelta(days=10)
    quiet = runner.invoke(main, ["company", "set", "Eta", "--date", near.isoformat()])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout.endswith(f", {near.isoformat()}\n")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's search with v2 drafted from v1 (read-only in these tests)."""
    return example_workspace(tmp_path_factory.mktemp("drafted") / "ws", draft=True).root


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_on_an_old_version_does_not_promise_a_draft_already_made(
    runner, drafted, tmp_path, fmt
):
    out = tmp_path / f"report.{fmt}"
    args = ["-w", str(drafted), "report", "acme", "--resume", "v1", "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    text = re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8"))
    assert "v2 already makes these" in text
    assert "writes the next version" not in text
    latest = runner.invoke(main, ["-w", str(drafted), "report", "acme"])
    assert "v2 already makes these" not in latest.stdout


def test_quiet_plan_prints_the_plan_without_its_notes(runner, empty):
    import datetime as dt

    past = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    runner.invoke(main, ["company", "add", "Gone By", "--interest", "2", "--date", past])
    runner.invoke(main, ["company", "add", "Next", "--interest", "4"])
    loud = runner.invoke(main, ["plan"])
    assert loud.exit_code == 0 and "note: Gone By's date" in loud.stdout
    quiet = runner.invoke(main, ["plan", "-q"])
    assert quiet.exit_code == 0
    assert "Next" in quiet.stdout and "note:" not in quiet.stdout and quiet.stderr == ""


def test_report_excerpts_are_cut_between_words(runner, drafted):
    from resumetool.files import read_yaml

    summary = " ".join(
        read_yaml(drafted / "resumes" / "v2" / "resume.yaml")["basics"]["summary"].split()
    )
    words = set(summary.split())
    text = runner.invoke(main, ["-w", str(drafted), "report"]).stdout
    starts = re.findall(r"“…(\S+)", text)
    ends = re.findall(r"(\S+)…”", text)
    assert starts or ends
    for word in starts + ends:
        assert word in words, word


def test_a_whole_id_with_a_slip_gets_the_id_it_was_meant_to_be(runner, example):
    result = runner.invoke(main, ["-w", str(example), "interview", "show", "2026-11-09-acme-crop"])
    assert result.exit_code == 2
    assert "did you mean 2026-11-09-acme-corp?" in result.stderr


def test_no_interviews_yet_is_said_plainly_for_the_default(runner, empty):
    result = runner.invoke(main, ["feedback-request"])
    assert result.exit_code == 2
    assert result.stderr.startswith("resumetool: no interviews yet — log one with")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_incomplete_reflection_says_how_many_are_written(runner, empty, fmt):
    args = ["interview", "add", "--company", "Acme", "--pro", "calm", "--pro", "prepared"]
    assert runner.invoke(main, [*args, "--con", "rushed", "--no-interactive"]).exit_code == 0
    out = empty / f"report.{fmt}"
    result = runner.invoke(main, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8")).split())
    assert "this interview has 2 pros and 1 con. Add the rest with" in text
    assert "not complete" not in text


def test_an_interview_dated_after_today_is_logged_with_a_warning(runner, empty):
    import datetime as dt

    ahead = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    args = ["interview", "add", "--company", "Acme", "--date", ahead, "--no-interactive"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert result.stdout == f"interviews/{ahead}-acme.yaml\n"
    assert f"warning: {ahead} is after today" in result.stderr
    assert f"company set Acme --status scheduled --date {ahead}" in result.stderr
    today = runner.invoke(main, ["interview", "add", "--company", "Beta", "--no-interactive"])
    assert "after today" not in today.stderr


@pytest.fixture
def nothing_asked(tmp_path: Path, runner) -> Path:
    """A search with v1 and one interview that lists no skill asked about."""
    from report_builders import import_example_resume

    ws = init_workspace(tmp_path / "search", name="Ada Lovelace")
    import_example_resume(ws)
    args = ["-w", str(ws.root), "interview", "add", "--company", "Acme", "--no-interactive"]
    assert runner.invoke(main, args).exit_code == 0
    return ws.root


def test_nothing_asked_yet_is_one_line_saying_what_would_fill_it(runner, nothing_asked):
    where = ["-w", str(nothing_asked)]
    analyzed = runner.invoke(main, [*where, "analyze"])
    assert analyzed.exit_code == 0
    assert analyzed.stdout == "no skills to analyze in v1: no interview lists one asked about\n"
    assert "--asked SKILL" in analyzed.stderr
    drafted = runner.invoke(main, [*where, "draft", "--no-render"])
    assert drafted.stdout.startswith("nothing to change: no interview lists a skill asked about")
    assert "--emphasize SKILL" in drafted.stderr
    practised = runner.invoke(main, [*where, "practice"])
    assert "> No skills asked about yet" in practised.stdout
    assert "\\`" not in practised.stdout  # commands stay code spans
    reported = runner.invoke(main, [*where, "report"])
    assert "## 5. Your only interview so far" in reported.stdout


def test_quoted_lines_are_shortened_between_words(runner, tmp_path: Path):
    from resumetool.files import read_yaml

    root = example_workspace(tmp_path / "ws").root
    result = runner.invoke(main, ["-w", str(root), "draft", "--no-render"])
    resume = read_yaml(root / "resumes" / "v1" / "resume.yaml")
    words = {w for job in resume["work"] for line in job["highlights"] for w in line.split()}
    cut = re.findall(r"(\S+)…\"", result.stdout)
    assert cut, result.stdout
    assert all(word.rstrip(",;:") in {w.rstrip(",;:") for w in words} for word in cut), cut
