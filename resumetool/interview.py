"""Interviews and companies as typed models (the files under a workspace), and the forms
an interview takes: its YAML document, JSON, text to read, and command-line options.

Why a module of its own: the analyzer (demand), the report, the plan and the workspace
all read these, but only the workspace does I/O. Field names follow DESIGN.md's
interview file; ``schema`` is the file format version.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .errors import UsageError, ValidationFailed
from .files import SchemaFile, plain_data, validate, yaml_scalar
from .interview_rules import (
    COMPANY_STATUSES,
    MAX_REFLECTIONS,
    OUTCOMES,
    STAGES,
    CompanyStatus,
    Outcome,
    Stage,
)

__all__ = [  # the value lists are re-exported from interview_rules
    "COMPANY_STATUSES",
    "MAX_REFLECTIONS",
    "OUTCOMES",
    "STAGES",
    "Company",
    "CompanyList",
    "Interview",
    "company_from_options",
    "company_to_json",
    "format_interview",
    "interview_document",
    "interview_from_options",
    "interview_to_json",
]


class _FileModel(SchemaFile):
    # Unknown keys are kept (and warned about by the workspace), never dropped.
    model_config = ConfigDict(str_strip_whitespace=True)


class Interview(_FileModel):
    """One interview, as logged after it happened."""

    id: str | None = Field(default=None, exclude=True, description="File stem; set on load.")
    company: str = Field(min_length=1)
    role: str | None = None
    date: dt.date
    interest: int | None = Field(default=None, ge=1, le=5)
    stage: Stage = "other"
    outcome: Outcome = "pending"
    interviewer: str | None = None
    asked: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    feedback: str | None = None
    pros: list[str] = Field(default_factory=list)
    cons: list[str] = Field(default_factory=list)
    notes: str | None = None

    @field_validator("asked", "questions", "pros", "cons", mode="before")
    @classmethod
    def _list_of_text(cls, value: object) -> object:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return value

    @field_validator("asked", "questions", "pros", "cons")
    @classmethod
    def _drop_blank(cls, value: list[str]) -> list[str]:
        return [v.strip() for v in value if v and v.strip()]

    @field_validator("pros", "cons")
    @classmethod
    def _at_most_three(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if len(value) > MAX_REFLECTIONS:
            raise PydanticCustomError(
                "too_many_reflections",
                "at most {limit} {field}, not {count}: the reflection method keeps the three"
                " that matter most, so pick those",
                {"limit": MAX_REFLECTIONS, "field": info.field_name, "count": len(value)},
            )
        return value


class Company(BaseModel):
    """A company on the candidate's list, ranked by interest."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    interest: int = Field(ge=1, le=5)
    status: CompanyStatus = "target"
    date: dt.date | None = Field(default=None, description="A fixed, already scheduled date.")
    notes: str | None = None


def company_key(name: str) -> str:
    """One company however it was typed: case and spacing aside ("Acme  corp", "Acme Corp").

    Why one function: companies.yaml, interview files, the plan and its calendar UIDs all
    compare company names, and must agree on when two names are the same company."""
    return " ".join(name.casefold().split())


class CompanyList(_FileModel):
    """companies.yaml"""

    companies: list[Company] = Field(default_factory=list)

    def find(self, name: str) -> Company | None:
        key = company_key(name)
        return next((c for c in self.companies if company_key(c.name) == key), None)

    def interest_of(self, name: str) -> int | None:
        """The listed company's interest, or None if it is not on the list."""
        found = self.find(name)
        return found.interest if found else None

    def ranked(self) -> list[Company]:
        """The companies most wanted first (ties by name), as `company list` shows them."""
        return sorted(self.companies, key=lambda c: (-c.interest, c.name.casefold()))


# -- the forms an interview takes: its file, JSON, text to read, command-line options ----


FIELD_COMMENTS = {
    "interest": "1 (practice) … 5 (dream job)",
    "stage": " | ".join(STAGES),
    "outcome": " | ".join(OUTCOMES),
    "pros": f"at most {MAX_REFLECTIONS} each, as the reflection method says",
}
FLOW_LISTS = ("asked", "pros", "cons")
COMMENT_COLUMN = 24


def interview_document(interview: Interview) -> Any:
    """The interview as a ruamel document: DESIGN.md's field order, every field present
    (empty ones invite filling in on `interview edit`), short lists on one line, a
    comment naming the allowed values, unknown keys kept at the end."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = interview.model_dump(mode="python", by_alias=True)
    document = CommentedMap()
    for key, value in data.items():
        if isinstance(value, list):
            items = CommentedSeq(yaml_scalar(v) for v in value)
            if key in FLOW_LISTS and all(_one_line(v) for v in value):
                items.fa.set_flow_style()
            value = items
        else:
            value = yaml_scalar(value)
        document[key] = value
        if key in FIELD_COMMENTS:
            document.yaml_add_eol_comment(FIELD_COMMENTS[key], key, column=COMMENT_COLUMN)
    return document


def _one_line(value: Any) -> bool:
    return not isinstance(value, str) or ("\n" not in value and len(value) <= 80)


def interview_to_json(interview: Interview) -> dict[str, Any]:
    """A JSON-ready dict, id first."""
    data = interview.model_dump(mode="json", by_alias=True)
    return {"id": interview.id, **plain_data(data)}


OPTION_NAMES = {"pros": "--pro", "cons": "--con", "questions": "--question", "asked": "--asked"}
"""The command-line option behind each interview field whose name differs."""


def interview_from_options(fields: dict[str, Any]) -> Interview:
    """An Interview from command-line values; a bad one is a usage error naming the option."""
    try:
        return validate(Interview, {k: v for k, v in fields.items() if v is not None})
    except ValidationFailed as exc:
        field = (exc.field or "").split(".")[0]
        option = OPTION_NAMES.get(field, f"--{field}") if field else "options"
        message = exc.message.removeprefix(f"{exc.field}: ") if exc.field else exc.message
        raise UsageError(f"{option}: {message}", hint="nothing was written") from exc


def format_interview(interview: Interview) -> str:
    """The interview as a person reads it: a title, then one labelled line per field."""
    title = interview.company + (f" — {interview.role}" if interview.role else "")
    rows: list[tuple[str, list[str]]] = [
        ("date", [f"{interview.date.isoformat()} ({interview.date.strftime('%A')})"]),
        ("interest", [f"{interview.interest} of 5" if interview.interest else "not set"]),
        ("stage", [interview.stage]),
        ("outcome", [interview.outcome]),
        ("interviewer", [interview.interviewer] if interview.interviewer else []),
        ("asked", [", ".join(interview.asked)] if interview.asked else []),
        ("questions", [f"- {q}" for q in interview.questions]),
        ("feedback", (interview.feedback or "").splitlines()),
        ("pros", [f"+ {p}" for p in interview.pros]),
        ("cons", [f"- {c}" for c in interview.cons]),
        ("notes", (interview.notes or "").splitlines()),
    ]
    for key, value in (interview.model_extra or {}).items():
        rows.append((str(key), [json.dumps(plain_data(value), ensure_ascii=False)]))
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"{interview.id}  {title}" if interview.id else title]
    for label, values in rows:
        for index, value in enumerate(values or ["—"]):
            lines.append(f"  {(label if index == 0 else ''):<{width}}{value}")
    return "\n".join(lines)


def company_to_json(company: Company) -> dict[str, Any]:
    """A JSON-ready dict of one company, unknown keys included."""
    return plain_data(company.model_dump(mode="json"))


def company_from_options(fields: dict[str, Any]) -> Company:
    """A Company from command-line values; a bad one is a usage error naming the option."""
    try:
        return validate(Company, fields)
    except ValidationFailed as exc:
        raise UsageError(f"--{exc.message}", hint="see `resumetool company --help`") from exc
