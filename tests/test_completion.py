"""Shell completion of versions and interview ids, through click's own completion protocol
(what the `eval "$(_RESUMETOOL_COMPLETE=bash_source resumetool)"` script calls on Tab)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resumetool.cli import main
from resumetool.interview import Interview
from resumetool.model import Resume
from resumetool.workspace import init_workspace


@pytest.fixture
def search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    workspace = init_workspace(tmp_path / "search", name="Jordan Rivera")
    resume = Resume.from_json_resume({"basics": {"name": "Jordan Rivera"}})
    workspace.add_version(resume, reason="first")
    workspace.add_version(resume.model_copy(update={"basics": resume.basics}), reason="second")
    for day, company in ((2, "Brightline"), (9, "Acme Corp")):
        workspace.add_interview(Interview(company=company, date=dt.date(2026, 11, day)))
    (workspace.root / "interviews" / "notes.txt").write_text("not an interview")
    monkeypatch.chdir(workspace.root)
    return workspace.root


def complete(runner, line: str) -> list[tuple[str, str]]:
    """The (type, value) pairs bash would be offered for the last word of ``line``."""
    words = line.split(" ")
    result = runner.invoke(
        main,
        [],
        prog_name="resumetool",
        env={
            "_RESUMETOOL_COMPLETE": "bash_complete",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        },
    )
    assert result.exit_code == 0, result.output
    return [tuple(row.split(",", 1)) for row in result.output.splitlines() if row]


def test_versions_complete_in_number_order_with_latest(runner, search):
    assert complete(runner, "resumetool draft --from ") == [
        ("plain", "v1"),
        ("plain", "v2"),
        ("plain", "latest"),
    ]


def test_a_version_or_file_argument_also_offers_the_shells_file_names(runner, search):
    assert complete(runner, "resumetool diff v1 v") == [
        ("plain", "v1"),
        ("plain", "v2"),
        ("file", "v"),
    ]


def test_interview_ids_complete_from_their_file_names(runner, search):
    offered = complete(runner, "resumetool report 2026-11-0")
    assert [value for _, value in offered] == ["2026-11-02-brightline", "2026-11-09-acme-corp"]
    assert ("plain", "latest") in complete(runner, "resumetool interview show ")


def test_the_workspace_option_is_honoured_and_no_workspace_completes_nothing(
    runner, search, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert complete(runner, "resumetool draft --from ") == []
    offered = complete(runner, f"resumetool -w {search} draft --from v")
    assert [value for _, value in offered] == ["v1", "v2"]
