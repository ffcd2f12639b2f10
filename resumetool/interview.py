"""Interviews and companies as typed models (the files under a workspace).

Why a module of its own: the analyzer (demand), the report, the plan and the workspace
all read these, but only the workspace does I/O. Field names follow DESIGN.md's
interview file; ``schema`` is the file format version.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .files import SchemaFile

STAGES = ("screen", "phone", "technical", "onsite", "final", "other")
OUTCOMES = ("pending", "rejected", "offer", "withdrawn")
COMPANY_STATUSES = ("target", "applied", "scheduled", "interviewing", "done", "closed")
MAX_REFLECTIONS = 3
"""Three pros and three cons, as the reflection method says."""

Stage = Literal["screen", "phone", "technical", "onsite", "final", "other"]
Outcome = Literal["pending", "rejected", "offer", "withdrawn"]
CompanyStatus = Literal["target", "applied", "scheduled", "interviewing", "done", "closed"]


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


class CompanyList(_FileModel):
    """companies.yaml"""

    companies: list[Company] = Field(default_factory=list)

    def find(self, name: str) -> Company | None:
        key = name.strip().casefold()
        return next((c for c in self.companies if c.name.casefold() == key), None)
