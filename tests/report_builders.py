"""Example workspaces for the report, practice and demo tests, built through the library.

The data is the repository's own examples/ (a Word resume, four interviews, a company
list); each builder makes a fresh workspace in a folder the test owns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import ROOT

EXAMPLES = ROOT / "examples"
TODAY = dt.date(2026, 11, 25)
"""Two days after the last example interview: the report's 'today' in library tests."""


def new_workspace(root: Path, *, name: str | None = "Jordan Rivera") -> Any:
    from resumetool.workspace import init_workspace

    return init_workspace(root, name=name)


def add_example_companies(ws: Any) -> None:
    from resumetool.files import read_yaml, validate
    from resumetool.interview import CompanyList

    path = EXAMPLES / "companies.yaml"
    ws.save_companies(validate(CompanyList, read_yaml(path), path))


def add_example_interviews(ws: Any) -> list[Path]:
    return [
        ws.add_interview(ws.load_interview_file(path))
        for path in sorted((EXAMPLES / "interviews").glob("*.yaml"))
    ]


def import_example_resume(ws: Any) -> Any:
    from resumetool.versions import import_resume

    return import_resume(ws, EXAMPLES / "resume.docx").version


def draft_next(ws: Any) -> Any:
    from resumetool.draft import prepare, save

    parent, drafted = prepare(ws)
    return save(ws, parent, drafted, force=True).version


def example_workspace(root: Path, *, draft: bool = False) -> Any:
    """The demo's workspace up to v1 (or v2 with ``draft``), without renders."""
    ws = new_workspace(root)
    add_example_companies(ws)
    add_example_interviews(ws)
    import_example_resume(ws)
    if draft:
        draft_next(ws)
    return ws


def add_interview(ws: Any, **fields: Any) -> Any:
    """Log one interview from keyword fields (company, date… as in the YAML file)."""
    from resumetool.interview import Interview

    interview = Interview.model_validate(fields)
    ws.add_interview(interview)
    return interview
