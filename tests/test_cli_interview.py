"""`resumetool init` and `resumetool interview add|list|show|edit`, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from pathlib import Path

import pytest

from resumetool import cli, interview
from resumetool.cli import main
from resumetool.workspace import Workspace


@pytest.fixture
def root(tmp_path: Path, runner, monkeypatch) -> Path:
    """A fresh workspace, made with `resumetool init`, and the current folder inside it."""
    folder = tmp_path / "search"
    result = runner.invoke(main, ["init", str(folder), "--name", "Ada Lovelace"])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder)
    return folder


def files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "interviews").iterdir())


def editor(tmp_path: Path, monkeypatch, old: str, new: str) -> None:
    """Set EDITOR to a small script that replaces ``old`` with ``new`` in the file."""
    script = tmp_path / "fake_editor.py"
    script.write_text(
        textwrap.dedent(
            f"""\
            import sys
            from pathlib import Path
            path = Path(sys.argv[1])
            path.write_text(path.read_text().replace({old!r}, {new!r}))
            """
        )
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    monkeypatch.delenv("VISUAL", raising=False)


def test_cli_value_lists_match_the_models():
    assert cli.INTERVIEW_STAGES == interview.STAGES
    assert cli.INTERVIEW_OUTCOMES == interview.OUTCOMES
    assert cli.COMPANY_STATUSES == interview.COMPANY_STATUSES
    assert cli.MAX_REFLECTIONS == interview.MAX_REFLECTIONS


# -- init / finding the workspace ------------------------------------------------------


def test_init_here_and_refuse_twice(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(main, ["init"])
    assert first.exit_code == 0, first.output
    assert {p.name for p in tmp_path.iterdir()} >= {
        "resumetool.toml", "companies.yaml", "interviews", "resumes",
    }  # fmt: skip
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 1
    assert "already exists" in again.stderr and len(again.stderr.splitlines()) == 1


def test_commands_find_the_workspace_from_a_subfolder(root, runner, monkeypatch):
    sub = root / "resumes" / "drafts"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = runner.invoke(main, ["interview", "add", "--company", "Acme", "--date", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert files(root) == ["2026-11-20-acme.yaml"]


def test_workspace_option_from_anywhere(root, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["--workspace", str(root), "interview", "add", "--company", "Beta"]
    assert runner.invoke(main, args).exit_code == 0
    listed = runner.invoke(main, ["-w", str(root), "interview", "list", "--format", "json"])
    assert [item["company"] for item in json.loads(listed.stdout)] == ["Beta"]


def test_outside_a_workspace_says_how_to_make_one(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RESUMETOOL_WORKSPACE", raising=False)
    result = runner.invoke(main, ["interview", "list"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "no resumetool workspace here" in result.stderr
    assert "resumetool init" in result.stderr and "Traceback" not in result.output


# -- add ---------------------------------------------------------------------------------


def test_add_with_every_option(root, runner):
    args = [
        "interview", "add", "--company", "Acme Corp", "--role", "Program Manager",
        "--date", "2026-11-20", "--interest", "2", "--stage", "onsite", "--outcome", "rejected",
        "--asked", "Scrum, stakeholder management", "--asked", "risk management",
        "--question", "How do you run sprint planning with a distributed team?",
        "--feedback", "Wanted deeper Scrum experience.", "--pro", "clear STAR stories",
        "--pro", "good rapport", "--con", "vague on metrics", "--interviewer", "J. Doe",
        "--notes", "second round next week",
    ]  # fmt: skip
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "interviews/2026-11-20-acme-corp.yaml"
    assert "added Acme Corp to companies.yaml (interest 2, closed)" in result.stderr
    saved = Workspace(root).interview("acme")
    assert saved.asked == ["Scrum", "stakeholder management", "risk management"]
    assert (saved.role, saved.stage, saved.outcome, saved.interest) == (
        "Program Manager", "onsite", "rejected", 2,
    )  # fmt: skip
    assert saved.questions == ["How do you run sprint planning with a distributed team?"]
    assert saved.pros == ["clear STAR stories", "good rapport"] and saved.cons == [
        "vague on metrics"
    ]
    assert (saved.interviewer, saved.notes) == ("J. Doe", "second round next week")


def test_add_defaults_date_to_today_and_interest_to_the_company(root, runner):
    runner.invoke(main, ["company", "add", "Acme", "--interest", "4"])
    result = runner.invoke(main, ["interview", "add", "--company", "acme"])
    assert result.exit_code == 0, result.output
    saved = Workspace(root).interviews()[0]
    assert saved.date == dt.date.today() and saved.interest == 4


def test_add_human_dates_and_bad_ones(root, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "Acme", "--date", "yesterday"])
    assert result.exit_code == 0
    assert Workspace(root).interviews()[0].date == dt.date.today() - dt.timedelta(days=1)
    bad = runner.invoke(main, ["interview", "add", "--company", "Acme", "--date", "03/04/2026"])
    assert bad.exit_code == 2 and "ambiguous" in bad.stderr
    assert len(files(root)) == 1


def test_a_fourth_pro_is_refused_with_the_reason_and_nothing_is_written(root, runner):
    args = ["interview", "add", "--company", "Acme"]
    args += [x for p in ("a", "b", "c", "d") for x in ("--pro", p)]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert (
        "--pro given 4 times; at most 3" in result.stderr and "reflection method" in result.stderr
    )
    assert files(root) == []


def test_not_a_terminal_means_no_prompts_and_missing_company_is_a_usage_error(root, runner):
    result = runner.invoke(main, ["interview", "add", "--role", "PM"], input="Acme\n")
    assert result.exit_code == 2
    assert "missing --company" in result.stderr
    assert "Company:" not in result.output
    assert files(root) == []


def test_no_prompts_for_optional_fields_when_not_a_terminal(root, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "Acme"], input="x\n" * 20)
    assert result.exit_code == 0
    assert "Role" not in result.output
    saved = Workspace(root).interviews()[0]
    assert (saved.role, saved.stage, saved.outcome, saved.asked) == (None, "other", "pending", [])


def test_add_prompts_for_what_is_missing(root, runner):
    runner.invoke(main, ["company", "add", "Acme Corp", "--interest", "4"])
    answers = [
        "Acme Corp",  # company
        "Program Manager",  # role
        "last friday",  # date
        "",  # interest: the company's (4)
        "onsite",  # stage
        "",  # outcome: pending
        "",  # interviewer
        "Scrum, Kubernetes",  # asked
        "Tell me about a conflict.",  # question 1
        "",  # no more questions
        "",  # feedback
        "rapport",  # pro 1
        "",  # no more pros
        "metrics",  # con 1
        "timing",  # con 2
        "depth",  # con 3 (the last one asked)
        "",  # notes
    ]
    result = runner.invoke(
        main,
        ["interview", "add", "--interactive", "--asked", "ignored-if-given"],
        input="\n".join(answers[:7] + answers[8:]) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Interest, 1 (practice) … 5 (dream job) [4]" in result.output
    assert "Con 3 of 3" in result.output and "Con 4" not in result.output
    saved = Workspace(root).interviews()[0]
    assert saved.company == "Acme Corp" and saved.role == "Program Manager"
    assert saved.date.weekday() == 4 and saved.date < dt.date.today()
    assert (saved.interest, saved.stage, saved.outcome) == (4, "onsite", "pending")
    assert saved.asked == ["ignored-if-given"]
    assert saved.questions == ["Tell me about a conflict."]
    assert saved.pros == ["rapport"] and saved.cons == ["metrics", "timing", "depth"]
    assert saved.feedback is None and saved.notes is None


def test_prompts_ask_again_after_a_bad_answer(root, runner):
    answers = ["", "Acme", "", "the day after", "today", "9", "2"] + [""] * 12
    result = runner.invoke(main, ["interview", "add", "--interactive"], input="\n".join(answers))
    assert result.exit_code == 0, result.output
    assert "cannot read 'the day after'" in result.output
    assert "from 1 to 5" in result.output
    saved = Workspace(root).interviews()[0]
    assert (saved.company, saved.date, saved.interest) == ("Acme", dt.date.today(), 2)


def test_unknown_company_without_interest_gets_a_note(root, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "Zeta"])
    assert "Zeta is not in companies.yaml" in result.stderr
    assert "Zeta" not in (root / "companies.yaml").read_text()


def test_blank_company_is_a_usage_error(root, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "  "])
    assert result.exit_code == 2 and "--company" in result.stderr
    assert files(root) == []


# -- list / show -------------------------------------------------------------------------


@pytest.fixture
def logged(root, runner) -> Path:
    for args in (
        ["--company", "Beta", "--date", "2026-12-01", "--asked", "SQL", "--interest", "3"],
        ["--company", "Acme Corp", "--date", "2026-11-20", "--asked", "Scrum, Jira",
         "--stage", "onsite", "--outcome", "rejected", "--pro", "rapport"],
    ):  # fmt: skip
        assert runner.invoke(main, ["interview", "add", *args]).exit_code == 0
    return root


def test_list_table_and_json(logged, runner):
    table = runner.invoke(main, ["interview", "list"])
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "company", "interest", "stage", "outcome", "asked"]
    assert lines[1].startswith("2026-11-20-acme-corp") and "Scrum, Jira" in lines[1]
    assert lines[2].startswith("2026-12-01-beta")
    data = json.loads(runner.invoke(main, ["interview", "list", "--format", "json"]).stdout)
    assert [d["id"] for d in data] == ["2026-11-20-acme-corp", "2026-12-01-beta"]
    assert data[0]["date"] == "2026-11-20" and data[0]["asked"] == ["Scrum", "Jira"]


def test_list_of_nothing(root, runner):
    result = runner.invoke(main, ["interview", "list"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no interviews yet" in result.stderr
    assert runner.invoke(main, ["interview", "list", "--format", "json"]).stdout.strip() == "[]"


def test_show_in_three_formats(logged, runner):
    text = runner.invoke(main, ["interview", "show", "acme"]).stdout
    assert text.startswith("2026-11-20-acme-corp  Acme Corp")
    assert "2026-11-20 (Friday)" in text and "+ rapport" in text
    raw = runner.invoke(main, ["interview", "show", "acme", "--format", "yaml"]).stdout
    assert raw == (logged / "interviews" / "2026-11-20-acme-corp.yaml").read_text()
    data = json.loads(runner.invoke(main, ["interview", "show", "--format", "json"]).stdout)
    assert data["id"] == "2026-12-01-beta"


def test_show_unknown_lists_what_exists(logged, runner):
    result = runner.invoke(main, ["interview", "show", "gamma"])
    assert result.exit_code == 2
    assert "2026-11-20-acme-corp, 2026-12-01-beta" in result.stderr


# -- bad files through the CLI ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("company: Acme\ndate: 2026-11-20\nasked: [Scrum\n", "invalid YAML"),
        ("company: Acme\ndate: 2026-11-20\ninterest: high\n", "x.yaml:3: interest:"),
        ("schema: 2\ncompany: Acme\n", "upgrade resumetool"),
        ("company: Acme\ndate: 2026-11-20\npros: [a, b, c, d]\n", "at most 3 pros"),
    ],
)
def test_bad_files_end_in_one_line(logged, runner, text, words):
    (logged / "interviews" / "x.yaml").write_text(text)
    result = runner.invoke(main, ["interview", "list"])
    assert result.exit_code == 1
    assert words in result.stderr and "x.yaml" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output


def test_keys_of_your_own_are_kept_silently_and_misspelt_ones_warned_once(logged, runner):
    path = logged / "interviews" / "2026-12-01-beta.yaml"
    path.write_text(path.read_text() + "salary: 120k  # theirs\nfeedbak: great\n")
    result = runner.invoke(main, ["interview", "list", "--format", "json"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "resumetool: warning: interviews/2026-12-01-beta.yaml:16: 'feedbak' — did you mean"
        " 'feedback'? (kept as it is)"
    ]
    assert json.loads(result.stdout)[1]["salary"] == "120k"
    assert "salary: 120k  # theirs" in path.read_text()


# -- edit --------------------------------------------------------------------------------


def test_edit_valid_saves_and_keeps_comments(logged, runner, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "feedback:", "feedback: wanted more Scrum  # from the recruiter")
    result = runner.invoke(main, ["interview", "edit", "acme"])
    assert result.exit_code == 0, result.output
    path = logged / "interviews" / "2026-11-20-acme-corp.yaml"
    assert "# from the recruiter" in path.read_text()
    assert Workspace(logged).interview("acme").feedback == "wanted more Scrum"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("interest:", "interest: 11", ":5: interest:"),
        ("stage: onsite", "stage: [onsite", "invalid YAML"),
        ("pros: [rapport]", "pros: [a, b, c, d]", "at most 3 pros"),
        ("schema: 1", "schema: 5", "upgrade resumetool"),
    ],
)
def test_edit_invalid_is_refused_and_the_file_stays_byte_identical(
    logged, runner, tmp_path, monkeypatch, old, new, words
):
    path = logged / "interviews" / "2026-11-20-acme-corp.yaml"
    before = path.read_bytes()
    editor(tmp_path, monkeypatch, old, new)
    result = runner.invoke(main, ["interview", "edit", "acme"])
    assert result.exit_code == 1
    assert path.read_bytes() == before
    line = result.stderr.strip()
    assert len(result.stderr.splitlines()) == 1
    assert "interviews/2026-11-20-acme-corp.yaml" in line and words in line
    assert "nothing was saved" in line
    kept = Path(line.rsplit("your edit is in ", 1)[1])
    assert new in kept.read_text()


def test_edit_without_changes_writes_nothing(logged, runner, tmp_path, monkeypatch):
    path = logged / "interviews" / "2026-12-01-beta.yaml"
    before = path.stat().st_mtime_ns
    editor(tmp_path, monkeypatch, "no such text", "x")
    result = runner.invoke(main, ["interview", "edit", "beta"])
    assert result.exit_code == 0 and "no changes" in result.stderr
    assert path.stat().st_mtime_ns == before


# -- a mistyped company or interview id --------------------------------------------------


@pytest.fixture
def listed(root, runner) -> Path:
    for name, interest in (("Umbrella Analytics", 4), ("Acme Corp", 2), ("Acme Retail", 1)):
        runner.invoke(main, ["company", "add", name, "--interest", str(interest)])
    return root


def test_a_mistyped_company_is_logged_as_typed_with_a_warning_and_the_fix(listed, runner):
    before = (listed / "companies.yaml").read_text()
    result = runner.invoke(
        main,
        ["interview", "add", "--company", "Umbrela Analytics", "--date", "2026-11-20",
         "--interest", "4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "interviews/2026-11-20-umbrela-analytics.yaml\n"
    assert result.stderr.splitlines() == [
        "resumetool: warning: Umbrela Analytics is not in companies.yaml; did you mean"
        " Umbrella Analytics? Logged as typed; to fix it, run `resumetool interview edit"
        " 2026-11-20-umbrela-analytics` and set company: Umbrella Analytics"
    ]
    assert "company add" not in result.stderr  # no invitation to make the typo permanent
    assert (listed / "companies.yaml").read_text() == before  # and it was not added either


def test_a_short_name_of_a_listed_company_is_questioned_too(listed, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "Acme", "--date", "2026-11-20"])
    assert result.exit_code == 0
    assert "did you mean Acme Corp or Acme Retail?" in result.stderr


def test_a_new_company_that_only_shares_a_word_is_not_questioned(listed, runner):
    result = runner.invoke(main, ["interview", "add", "--company", "Acme Labs", "--interest", "3"])
    assert result.exit_code == 0
    assert "did you mean" not in result.stderr
    assert "added Acme Labs to companies.yaml" in result.stderr


@pytest.mark.parametrize(("answer", "company"), [("", "Umbrella Analytics"), ("n", "Umbrela")])
def test_at_a_terminal_a_mistyped_company_is_asked_about(listed, runner, answer, company):
    args = ["interview", "add", "--interactive", "--company", "Umbrela", "--date", "2026-11-20"]
    result = runner.invoke(main, args, input=answer + "\n" + "\n" * 20)
    assert result.exit_code == 0, result.output
    assert "did you mean Umbrella Analytics? [Y/n]" in result.output
    assert "warning" not in result.stderr
    saved = Workspace(listed).interviews()[0]
    assert saved.company == company
    if company == "Umbrella Analytics":  # the interest default came from the right company
        assert "Interest, 1 (practice) … 5 (dream job) [4]" in result.output


def test_at_a_terminal_several_close_companies_are_offered_by_number(listed, runner):
    args = ["interview", "add", "--interactive", "--company", "Acme", "--date", "2026-11-20"]
    result = runner.invoke(main, args, input="2\n" + "\n" * 20)
    assert result.exit_code == 0, result.output
    assert "1. Acme Corp" in result.output and "2. Acme Retail" in result.output
    assert Workspace(listed).interviews()[0].company == "Acme Retail"


@pytest.mark.parametrize("command", [["interview", "show"], ["report"], ["feedback-request"]])
def test_a_mistyped_interview_id_gets_the_closest_ids(listed, runner, command):
    for name in ("Umbrella Analytics", "Acme Corp"):
        runner.invoke(main, ["interview", "add", "--company", name, "--date", "2026-11-20"])
    result = runner.invoke(main, [*command, "umbrela"])
    assert result.exit_code == 2
    assert result.stderr == (
        "resumetool: no interview 'umbrela'; did you mean 2026-11-20-umbrella-analytics?"
        " — see `resumetool interview list`\n"
    )


# -- a final outcome reaches companies.yaml ----------------------------------------------


def test_a_logged_rejection_closes_the_company_and_says_so(listed, runner):
    (listed / "companies.yaml").write_text(
        (listed / "companies.yaml")
        .read_text()
        .replace("  - name: Acme Retail\n", "  - name: Acme Retail   # met at a meetup\n")
    )
    runner.invoke(main, ["company", "set", "Acme Retail", "--status", "applied"])
    result = runner.invoke(
        main, ["interview", "add", "--company", "Acme Retail", "--outcome", "rejected"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "note: Acme Retail is now closed in companies.yaml (this interview: rejected), so"
        " `resumetool plan` leaves it out"
    ]
    assert Workspace(listed).companies().find("Acme Retail").status == "closed"
    assert "# met at a meetup" in (listed / "companies.yaml").read_text()
    plan = runner.invoke(main, ["plan", "--format", "json"])
    assert "Acme Retail" not in [s["company"] for s in json.loads(plan.stdout)["slots"]]


@pytest.mark.parametrize(("outcome", "status"), [("offer", "done"), ("withdrawn", "closed")])
def test_an_offer_or_a_withdrawal_ends_the_company_too(listed, runner, outcome, status):
    args = ["interview", "add", "--company", "Acme Corp", "--outcome", outcome]
    assert runner.invoke(main, args).exit_code == 0
    assert Workspace(listed).companies().find("Acme Corp").status == status


def test_a_pending_or_an_older_interview_leaves_the_status_alone(listed, runner):
    add = ["interview", "add", "--company", "Acme Corp"]
    runner.invoke(main, [*add, "--date", "2026-11-20"])
    assert Workspace(listed).companies().find("Acme Corp").status == "target"
    older = runner.invoke(main, [*add, "--date", "2026-10-01", "--outcome", "rejected"])
    assert older.exit_code == 0 and "now closed" not in older.stderr
    assert Workspace(listed).companies().find("Acme Corp").status == "target"


def test_an_edit_that_sets_a_final_outcome_closes_the_company(
    listed, runner, tmp_path, monkeypatch
):
    runner.invoke(main, ["interview", "add", "--company", "Acme Corp", "--date", "2026-11-20"])
    editor(tmp_path, monkeypatch, "outcome: pending", "outcome: rejected")
    result = runner.invoke(main, ["interview", "edit", "acme"])
    assert result.exit_code == 0, result.output
    assert "Acme Corp is now closed" in result.stderr
    assert Workspace(listed).companies().find("Acme Corp").status == "closed"


# -- init inside a workspace -------------------------------------------------------------


def test_init_inside_a_workspace_is_refused_naming_it(root, runner, monkeypatch):
    sub = root / "notes" / "deeper"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"resumetool: this folder is inside the resumetool workspace {root.resolve()};"
    )
    assert "--force" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (sub / "resumetool.toml").exists()
    other = runner.invoke(main, ["init", str(root / "elsewhere")])
    assert other.exit_code == 1 and not (root / "elsewhere").exists()
    forced = runner.invoke(main, ["init", "--force"])
    assert forced.exit_code == 0 and (sub / "resumetool.toml").is_file()
