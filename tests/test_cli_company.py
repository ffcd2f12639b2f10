"""`resumetool company add|list|set`, through the CLI, on real companies.yaml files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from resumetool.cli import main
from resumetool.workspace import Workspace


@pytest.fixture
def root(tmp_path: Path, runner, monkeypatch) -> Path:
    folder = tmp_path / "search"
    assert runner.invoke(main, ["init", str(folder)]).exit_code == 0
    monkeypatch.chdir(folder)
    return folder


HAND_KEPT = """\
# My list. Reviewed every Sunday.
schema: 1
companies:
  - name: Acme Corp   # dream job
    interest: 5
    recruiter: Sam    # my own key
  # practice first
  - name: Beta
    interest: 1
"""


def test_add_list_and_set(root, runner):
    assert runner.invoke(main, ["company", "add", "Beta", "--interest", "2"]).exit_code == 0
    added = runner.invoke(
        main, ["company", "add", "Acme Corp", "--interest", "5", "--status", "applied"]
    )
    assert added.stdout.strip() == "added Acme Corp (interest 5, applied)"
    changed = runner.invoke(
        main, ["company", "set", "beta", "--status", "scheduled", "--date", "2030-01-15"]
    )
    assert changed.exit_code == 0, changed.output
    assert changed.stdout.strip() == "Beta: interest 2, scheduled, 2030-01-15"
    table = runner.invoke(main, ["company", "list"]).stdout.splitlines()
    assert table[0].split() == ["company", "interest", "status", "date", "notes"]
    assert table[1].split() == ["Acme", "Corp", "5", "applied"]
    assert table[2].split() == ["Beta", "2", "scheduled", "2030-01-15"]
    data = json.loads(runner.invoke(main, ["company", "list", "--format", "json"]).stdout)
    assert [c["name"] for c in data] == ["Acme Corp", "Beta"]
    assert data[1]["date"] == "2030-01-15"


def test_a_fixed_date_reads_forward(root, runner):
    result = runner.invoke(main, ["company", "add", "Acme", "--interest", "3", "--date", "friday"])
    assert result.exit_code == 0
    day = Workspace(root).companies().find("acme").date
    assert day.weekday() == 4 and dt.date.today() <= day < dt.date.today() + dt.timedelta(days=7)


def test_comments_and_own_keys_survive_every_rewrite(root, runner):
    (root / "companies.yaml").write_text(HAND_KEPT)
    steps = (
        ["company", "set", "Beta", "--interest", "2"],
        ["company", "add", "Gamma", "--interest", "3"],
        ["company", "set", "acme corp", "--status", "interviewing"],
    )
    for args in steps:
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    text = (root / "companies.yaml").read_text()
    expected = HAND_KEPT.replace("interest: 1", "interest: 2").replace(
        "    recruiter: Sam    # my own key\n",
        "    recruiter: Sam    # my own key\n    status: interviewing\n",
    )
    assert text == expected + "  - name: Gamma\n    interest: 3\n"


def test_keys_of_your_own_are_kept_silently(root, runner):
    (root / "companies.yaml").write_text(HAND_KEPT)
    result = runner.invoke(main, ["company", "list", "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["recruiter"] == "Sam"


def test_a_misspelt_key_is_warned_once_naming_the_company_and_kept(root, runner):
    text = HAND_KEPT.replace("    interest: 1\n", "    interest: 1\n    intrest: 2  # typo\n")
    (root / "companies.yaml").write_text(text)
    # `plan` reads companies.yaml more than once; the warning still comes once.
    for args in (["company", "list", "--format", "json"], ["plan", "--format", "json"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == [
            "resumetool: warning: companies.yaml:10: 'intrest' in Beta — did you mean"
            " 'interest'? (kept as it is)"
        ]
    runner.invoke(main, ["company", "set", "Beta", "--interest", "3"])
    assert "    intrest: 2  # typo\n" in (root / "companies.yaml").read_text()


def test_the_new_list_says_what_happens_to_keys_of_your_own(root):
    header = (root / "companies.yaml").read_text()
    assert "keys of your own" in header and "did you mean" in header


def test_add_twice_is_refused(root, runner):
    runner.invoke(main, ["company", "add", "Acme", "--interest", "3"])
    before = (root / "companies.yaml").read_bytes()
    result = runner.invoke(main, ["company", "add", "acme", "--interest", "5"])
    assert result.exit_code == 2
    assert "already on the list" in result.stderr and "company set" in result.stderr
    assert (root / "companies.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["company", "set", "Acme Crop", "--interest", "2"], "did you mean 'Acme'"),
        (["company", "set", "Acme"], "nothing to change"),
        (["company", "add", "Beta", "--interest", "6"], "6 is not in the range 1<=x<=5"),
        (["company", "add", "Beta"], "missing option '--interest'"),
        (["company", "add", "Beta", "--interest", "2", "--status", "maybe"], "'maybe' is not one"),
    ],
)
def test_usage_errors(root, runner, args, words):
    runner.invoke(main, ["company", "add", "Acme", "--interest", "3"])
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stderr.startswith("resumetool: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("companies:\n  - name: Acme\n    interest: 9\n", "companies.yaml:3: companies.0.interest"),
        ("companies:\n  - name: Acme\n   interest: 2\n", "companies.yaml:3: invalid YAML"),
        ("schema: 2\ncompanies: []\n", "upgrade resumetool"),
        ("companies:\n  - {name: A, interest: 2}\n  - {name: a, interest: 3}\n", "listed twice"),
    ],
)
def test_bad_company_files_end_in_one_line_and_are_not_rewritten(root, runner, text, words):
    path = root / "companies.yaml"
    path.write_text(text)
    for args in (["company", "list"], ["company", "add", "Zeta", "--interest", "2"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1
        assert words in result.stderr and len(result.stderr.splitlines()) == 1
        assert path.read_text() == text


def test_a_missing_company_file_is_an_empty_list_and_is_made_on_add(root, runner):
    (root / "companies.yaml").unlink()
    listed = runner.invoke(main, ["company", "list"])
    assert listed.exit_code == 0 and "no companies yet" in listed.stderr
    assert runner.invoke(main, ["company", "add", "Acme", "--interest", "3"]).exit_code == 0
    assert Workspace(root).interest_of("Acme") == 3
    assert (root / "companies.yaml").read_text().startswith("# The companies you are talking to")
