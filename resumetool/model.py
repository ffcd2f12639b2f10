"""The Resume: JSON Resume v1.0.0 as typed models, plus stable ids.

Why: every stage (parse, analyze, draft, render, diff) passes the same data, so it lives
in one place with the field names of https://jsonresume.org/schema (v1.0.0). Two
additions ride along in fields that JSON Resume tools ignore (its entry objects allow
extra properties): an ``id`` on every entry and a parallel ``highlightIds`` list, so a
diff can tell a moved bullet from a deleted one. Ids are derived from content, so the
same file parsed twice gets the same ids, and a hand-edited YAML that drops or adds
bullets is repaired on load instead of rejected.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ISO_DATE = re.compile(r"^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$")
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def stable_id(prefix: str, *parts: str | None) -> str:
    """A short id from normalized content: equal text gives an equal id."""
    text = " ".join(_normalize(p) for p in parts if p)
    return f"{prefix}-{hashlib.blake2s(text.encode(), digest_size=4).hexdigest()}"


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


class Model(BaseModel):
    """Base: unknown keys are kept (JSON Resume allows them), blank strings become None."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=False)

    @model_validator(mode="before")
    @classmethod
    def _drop_blank(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    if not ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


class Location(Model):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class Profile(Model):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(Model):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] = Field(default_factory=list)


class Entry(Model):
    """An item of a list section. Subclasses name the fields that identify it."""

    id: str | None = None
    id_prefix: ClassVar[str] = "e"
    identity_fields: ClassVar[tuple[str, ...]] = ()
    title_fields: ClassVar[tuple[str, ...]] = ()
    """The fields a reader knows the entry by, in reading order (see ``display_name``)."""

    @field_validator(
        "startDate", "endDate", "date", "releaseDate", mode="before", check_fields=False
    )
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        return _check_date(value) if isinstance(value, str | int) else value

    @model_validator(mode="after")
    def _assign_ids(self) -> Entry:
        if not self.id:
            self.id = stable_id(
                self.id_prefix, *(getattr(self, f, None) for f in self.identity_fields)
            )
        return self

    def identity(self) -> str:
        """The fields that identify this entry: 'Acme · Engineer'."""
        return " · ".join(str(v) for f in self.identity_fields if (v := getattr(self, f, None)))

    def display_name(self) -> str:
        """What a reader calls this entry: 'Senior Program Manager, Northgate Supply Co.'."""
        fields = self.title_fields or self.identity_fields
        return ", ".join(str(v) for f in fields if (v := getattr(self, f, None)))


class WithHighlights(Entry):
    """An entry with bullets; ``highlightIds`` runs parallel to ``highlights``."""

    highlights: list[str] = Field(default_factory=list)
    highlightIds: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _assign_highlight_ids(self) -> WithHighlights:
        if len(self.highlightIds) != len(self.highlights):
            self.highlightIds = [stable_id("h", self.id, h) for h in self.highlights]
        return self

    def bullets(self) -> Iterator[tuple[str, str]]:
        """(id, text) pairs, in order."""
        return zip(self.highlightIds, self.highlights, strict=True)

    def with_bullets(self, bullets: list[tuple[str, str]]) -> WithHighlights:
        """A copy with these (id, text) bullets, e.g. after a reorder or a rewrite."""
        return self.model_copy(
            update={"highlightIds": [i for i, _ in bullets], "highlights": [t for _, t in bullets]}
        )


class Work(WithHighlights):
    id_prefix = "work"
    identity_fields = ("name", "position")
    title_fields = ("position", "name")
    name: str | None = None
    location: str | None = None
    description: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None


class Volunteer(WithHighlights):
    id_prefix = "vol"
    identity_fields = ("organization", "position")
    title_fields = ("position", "organization")
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None


class Education(Entry):
    id_prefix = "edu"
    identity_fields = ("institution", "area", "studyType")
    title_fields = ("studyType", "area", "institution")
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Award(Entry):
    id_prefix = "award"
    identity_fields = ("title", "awarder")
    title: str | None = None
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None


class Certificate(Entry):
    id_prefix = "cert"
    identity_fields = ("name", "issuer")
    name: str | None = None
    date: str | None = None
    url: str | None = None
    issuer: str | None = None


class Publication(Entry):
    id_prefix = "pub"
    identity_fields = ("name", "publisher")
    name: str | None = None
    publisher: str | None = None
    releaseDate: str | None = None
    url: str | None = None
    summary: str | None = None


class Skill(Entry):
    id_prefix = "skill"
    identity_fields = ("name",)
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Language(Entry):
    id_prefix = "lang"
    identity_fields = ("language",)
    language: str | None = None
    fluency: str | None = None


class Interest(Entry):
    id_prefix = "interest"
    identity_fields = ("name",)
    name: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Reference(Entry):
    id_prefix = "ref"
    identity_fields = ("name",)
    name: str | None = None
    reference: str | None = None


class Project(WithHighlights):
    id_prefix = "proj"
    identity_fields = ("name",)
    name: str | None = None
    description: str | None = None
    keywords: list[str] = Field(default_factory=list)
    startDate: str | None = None
    endDate: str | None = None
    url: str | None = None
    roles: list[str] = Field(default_factory=list)
    entity: str | None = None
    type: str | None = None


class Meta(Model):
    canonical: str | None = None
    version: str | None = None
    lastModified: str | None = None
    unparsed: list[str] = Field(
        default_factory=list, description="Lines the parser could not place; kept, never dropped."
    )


SECTIONS: dict[str, type[Entry]] = {
    "work": Work,
    "volunteer": Volunteer,
    "education": Education,
    "awards": Award,
    "certificates": Certificate,
    "publications": Publication,
    "skills": Skill,
    "languages": Language,
    "interests": Interest,
    "references": Reference,
    "projects": Project,
}
"""List sections in JSON Resume order, with their entry model."""


class Resume(BaseModel):
    """A whole resume. Top-level keys are exactly JSON Resume's (its schema forbids others)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    @model_validator(mode="after")
    def _unique_ids(self) -> Resume:
        """Two entries with the same identity (or copied bullets) must not share an id."""
        seen: set[str] = set()
        for _, _, entry in self.entries():
            entry.id = _fresh(entry.id, seen)
            if isinstance(entry, WithHighlights):
                entry.highlightIds = [_fresh(i, seen) for i in entry.highlightIds]
        return self

    def to_json_resume(self, *, ids: bool = True) -> dict[str, Any]:
        """The JSON Resume document: empty fields left out, never invented.

        Why: "not found" must read as absent, not as "" or [] — other tools and the
        scorer treat an empty string as a wrong value.
        """
        data = self.model_dump(by_alias=True, exclude_none=True, mode="json")
        data = _prune(data, ids=ids)
        data.setdefault("$schema", SCHEMA_URL)
        for entry in data.get("skills", []):
            entry.setdefault("name", "")  # a flat skills list is one entry named ""
        return {"$schema": data.pop("$schema"), **data}

    @classmethod
    def from_json_resume(cls, data: dict[str, Any]) -> Resume:
        """Validate a JSON Resume document (raises pydantic.ValidationError)."""
        return cls.model_validate(data)

    def entries(self) -> Iterator[tuple[str, int, Entry]]:
        """Every (section, index, entry) in document order."""
        for section in SECTIONS:
            for index, entry in enumerate(getattr(self, section)):
                yield section, index, entry


_KEY_RANK = {"highlights": 1, "id": 2, "highlightIds": 3}
"""Bookkeeping keys go last so the YAML reads like the resume."""


def _fresh(candidate: str, seen: set[str]) -> str:
    n, fresh = 1, candidate
    while fresh in seen:
        fresh = f"{candidate}.{n}"
        n += 1
    seen.add(fresh)
    return fresh


def _prune(value: Any, *, ids: bool) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not ids and k in ("id", "highlightIds"):
                continue
            v = _prune(v, ids=ids)
            if v in (None, "", [], {}):
                continue
            out[k] = v
        return dict(sorted(out.items(), key=lambda kv: _KEY_RANK.get(kv[0], 0)))
    if isinstance(value, list):
        return [_prune(v, ids=ids) for v in value]
    return value
