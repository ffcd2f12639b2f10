"""The workspace: a folder of plain-text files the user owns (DESIGN.md, "Workspace").

Why this shape: one person keeps their job search in a folder, maybe under git, and
edits the files by hand as often as through the tool. So every file is YAML or TOML a
person can read, every write is atomic, a rewrite keeps the user's comments and unknown
keys, and a file that does not validate is reported with its path, field and line
instead of being skipped (a silently skipped interview would corrupt demand).

The library never prints: problems a user should see but that do not stop the command
(an unknown key, kept as is) go to ``Workspace.warnings`` and to the ``on_warning``
callback the CLI passes in.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import errno
import json
import os
import re
import tempfile
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import UsageError, ValidationFailed, WorkspaceError
from .files import (
    SCHEMA_VERSION,
    atomic_write_bytes,
    atomic_write_text,
    dump_yaml,
    fsync_dir,
    line_of,
    read_yaml,
    validate,
    yaml_scalar,
)
from .interview import (
    COMPANY_STATUSES,
    OUTCOMES,
    STAGES,
    Company,
    CompanyList,
    Interview,
)

if TYPE_CHECKING:
    from .model import Resume
    from .versions import Version

SETTINGS_FILE = "resumetool.toml"
COMPANIES_FILE = "companies.yaml"
INTERVIEWS_DIR = "interviews"
RESUMES_DIR = "resumes"
INTERVIEW_SUFFIXES = (".yaml", ".yml")
SLUG_MAX = 40
"""Longest company part of an interview file name, in characters."""

OUTCOME_TO_STATUS = {
    "pending": "interviewing",
    "offer": "done",
    "rejected": "closed",
    "withdrawn": "closed",
}
"""Status given to a company that ``remember_company`` adds from an interview."""

NO_WORKSPACE_HINT = "run `resumetool init` to make one here, or pass --workspace DIR"

Warn = Callable[[str], None]


class Settings(BaseModel):
    """resumetool.toml: who the candidate is, the default template, their own skills."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    name: str | None = None
    email: str | None = None
    template: str = "classic"
    skills: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("skills")
    @classmethod
    def _named(cls, tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for table in tables:
            name = table.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ValueError('every [[skills]] table needs a name = "..."')
        return tables


SETTINGS_TEMPLATE = """\
# resumetool settings. This folder is a resumetool workspace: every command run in it
# (or in a folder below it) uses the files here. Lines starting with # are comments.

# Your name and e-mail, used in reports and feedback-request e-mails.
{name_line}
{email_line}

# The template `resumetool render` uses unless you pass --template (see `resumetool templates`).
template = "classic"

# Skills of your own, or more aliases and evidence for a built-in one (a known name gets
# them merged in). Same keys as the built-in taxonomy: name, category, aliases, evidence,
# strict. Remove the # signs to use it:
#
# [[skills]]
# name = "Scrum"
# category = "agile method"
# aliases = ["CSM", "PSM"]
# evidence = ["sprint planning", "backlog refinement", "retrospectives"]
"""

COMPANIES_TEMPLATE = f"""\
# The companies you are talking to, ranked by interest: 1 = practice … 5 = dream job.
# status: {" | ".join(COMPANY_STATUSES)}
# date: a fixed, already scheduled day (optional).
# Add with `resumetool company add NAME --interest N`, change with `resumetool company set`,
# or edit by hand: the tool keeps your comments and any keys of your own.
schema: {SCHEMA_VERSION}
companies: []
"""


def init_workspace(folder: Path, *, name: str | None = None, email: str | None = None) -> Workspace:
    """Make a workspace in ``folder`` (created if missing); refuse if one is already there.

    Files that exist (a companies.yaml from before) are kept, never overwritten.
    """
    folder = Path(folder)
    settings_path = folder / SETTINGS_FILE
    if settings_path.exists():
        raise WorkspaceError(
            "a resumetool workspace already exists here",
            path=folder,
            hint="nothing was changed; use it as it is, or pick another folder",
        )
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError("not a folder", path=folder, hint="pick a folder for the workspace")
    folder.mkdir(parents=True, exist_ok=True)
    for sub in (INTERVIEWS_DIR, RESUMES_DIR):
        (folder / sub).mkdir(exist_ok=True)
    companies_path = folder / COMPANIES_FILE
    if not companies_path.exists():
        atomic_write_text(companies_path, COMPANIES_TEMPLATE)
    text = SETTINGS_TEMPLATE.format(
        name_line=_toml_line("name", name, "Ada Lovelace"),
        email_line=_toml_line("email", email, "ada@example.com"),
    )
    _create_exclusive(settings_path, text.encode())
    return Workspace(folder)


def _toml_line(key: str, value: str | None, example: str) -> str:
    # A TOML basic string escapes like JSON (\", \\, \uXXXX), so json.dumps writes one.
    if value and value.strip():
        return f"{key} = {json.dumps(value.strip(), ensure_ascii=False)}"
    return f'# {key} = "{example}"'


class Workspace:
    """One workspace folder. Cheap to make; every read goes to the files."""

    def __init__(self, root: Path, *, on_warning: Warn | None = None):
        self.root = Path(root)
        self.settings_path = self.root / SETTINGS_FILE
        self.companies_path = self.root / COMPANIES_FILE
        self.interviews_dir = self.root / INTERVIEWS_DIR
        self.resumes_dir = self.root / RESUMES_DIR
        self.warnings: list[str] = []
        self._on_warning = on_warning

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    @classmethod
    def find(
        cls,
        start: Path | None = None,
        explicit: Path | None = None,
        *,
        on_warning: Warn | None = None,
    ) -> Workspace:
        """The workspace at ``explicit`` (--workspace), else the nearest one upwards from
        ``start`` (default: the current folder), as git finds its repository."""
        if explicit is not None:
            root = Path(explicit).expanduser().resolve()
            if not (root / SETTINGS_FILE).is_file():
                raise WorkspaceError(
                    f"no resumetool workspace at {explicit} (no {SETTINGS_FILE})",
                    hint=f"run `resumetool init {explicit}` to make one there",
                )
            return cls(root, on_warning=on_warning)
        here = Path(start if start is not None else Path.cwd()).expanduser().resolve()
        for folder in (here, *here.parents):
            if (folder / SETTINGS_FILE).is_file():
                return cls(folder, on_warning=on_warning)
        raise WorkspaceError(
            f"no resumetool workspace here ({here} or any folder above it)",
            hint=NO_WORKSPACE_HINT,
        )

    # -- warnings ---------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        if message in self.warnings:
            return
        self.warnings.append(message)
        if self._on_warning is not None:
            self._on_warning(message)

    def _warn_unknown(self, path: Path, data: Any, loc: tuple[Any, ...], known: Iterable[str]):
        self._report(path, [unknown_key(data, loc, known)])

    def _report(self, path: Path, notes: Iterable[UnknownKey]) -> None:
        for dotted, line, guess in notes:
            where = f"{shown(path)}:{line}" if line else shown(path)
            hint = f" (did you mean {guess!r}?)" if guess else ""
            self._warn(f"{where}: unknown key {dotted!r}{hint}; kept as it is")

    # -- settings ---------------------------------------------------------------------

    def settings(self) -> Settings:
        """resumetool.toml, validated; a TOML or type error names the line."""
        path = self.settings_path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise WorkspaceError(
                f"{SETTINGS_FILE} is missing", path=self.root, hint=NO_WORKSPACE_HINT
            ) from exc
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"at line (\d+)", str(exc))
            raise ValidationFailed(
                f"invalid TOML: {re.sub(r' [(]at line .*$', '', str(exc))}",
                path=shown(path),
                line=int(found[1]) if found else None,
                hint="fix the file and run again",
            ) from exc
        try:
            settings = Settings.model_validate(data)
        except Exception as exc:
            from pydantic import ValidationError

            if not isinstance(exc, ValidationError):
                raise
            first = exc.errors()[0]
            loc = tuple(first["loc"])
            raise ValidationFailed(
                first["msg"],
                path=shown(path),
                field=".".join(str(p) for p in loc) or None,
                line=_toml_line_of(text, loc),
                hint="fix the file and run again",
            ) from exc
        for key in settings.model_extra or {}:
            line = _toml_line_of(text, (key,))
            where = f"{shown(path)}:{line}" if line else shown(path)
            close = difflib.get_close_matches(key, list(Settings.model_fields), n=1)
            guess = f" (did you mean {close[0]!r}?)" if close else ""
            self._warn(f"{where}: unknown setting {key!r}{guess}; kept as it is")
        return settings

    # -- interviews -------------------------------------------------------------------

    def interview_paths(self) -> list[Path]:
        """Every interview file, by name (hidden and temporary files left out)."""
        if not self.interviews_dir.is_dir():
            return []
        return sorted(
            p
            for p in self.interviews_dir.iterdir()
            if p.suffix in INTERVIEW_SUFFIXES and not p.name.startswith(".") and p.is_file()
        )

    def interview_ids(self) -> list[str]:
        return [p.stem for p in self.interview_paths()]

    def interviews(self) -> list[Interview]:
        """Every interview, validated, sorted by (date, id). One bad file fails the call,
        naming that file: demand computed without it would be quietly wrong."""
        cache = InterviewCache(self.root / CACHE_DIR)
        loaded = []
        for path in self.interview_paths():
            interview, notes = cache.get(path) or self._read_interview(path)
            cache.put(path, interview, notes)
            self._report(path, notes)
            loaded.append(interview)
        cache.save()
        return sorted(loaded, key=lambda iv: (iv.date, iv.id or ""))

    def interview(self, ref: str) -> Interview:
        """One interview by id (file stem), unique id prefix, unique part of an id
        (``acme``), or ``latest``; anything else is a usage error listing what exists."""
        return self._load_interview(self.interview_path(ref))

    def interview_path(self, ref: str) -> Path:
        """The file of the interview ``ref`` names (see ``interview``)."""
        paths = self.interview_paths()
        if not paths:
            raise UsageError(
                f"no interviews yet, so none is called {ref!r}",
                hint="log one with `resumetool interview add`",
            )
        wanted = ref.strip()
        if wanted.lower() == "latest":
            return self._latest_path()
        by_id = {p.stem: p for p in paths}
        stem = Path(wanted).name
        for suffix in INTERVIEW_SUFFIXES:
            stem = stem.removesuffix(suffix)
        if stem in by_id:
            return by_id[stem]
        matches = [i for i in by_id if i.startswith(stem)] or [
            i for i in by_id if slugify(stem) and slugify(stem) in i
        ]
        if len(matches) == 1:
            return by_id[matches[0]]
        listing = ", ".join(matches or list(by_id))
        if matches:
            raise UsageError(
                f"{ref!r} matches several interviews: {listing}", hint="give more of the id"
            )
        raise UsageError(
            f"no interview {ref!r}; there are: {listing}",
            hint="see `resumetool interview list`",
        )

    def _latest_path(self) -> Path:
        latest = self.interviews()[-1]
        return self._path_of(latest)

    def _path_of(self, interview: Interview) -> Path:
        for path in self.interview_paths():
            if path.stem == interview.id:
                return path
        raise UsageError(f"no interview {interview.id!r}", hint="see `resumetool interview list`")

    def load_interview_file(self, path: Path, *, label: Path | None = None) -> Interview:
        """Read and validate one interview file (``label``: the path to name in messages)."""
        return self._load_interview(Path(path), label=label)

    def _load_interview(self, path: Path, *, label: Path | None = None) -> Interview:
        interview, notes = self._read_interview(path, label=label)
        self._report(label or path, notes)
        return interview

    def _read_interview(
        self, path: Path, *, label: Path | None = None
    ) -> tuple[Interview, list[UnknownKey]]:
        name = shown(label or path)
        try:
            data = read_yaml(path)
        except ValidationFailed as exc:
            raise _relabel(exc, name) from exc
        data = _require_mapping(data, name, "an interview")
        _require_known_schema(data, name)
        interview = validate(Interview, data, name)
        interview.id = (label or path).stem
        known = [*Interview.model_fields, "schema"]
        notes = [unknown_key(data, (key,), known) for key in interview.model_extra or {}]
        return interview, notes

    def add_interview(self, interview: Interview) -> Path:
        """Write a new interview file (never overwriting one) and return its path.

        The name is ``<date>-<company slug>.yaml``, with ``-2``, ``-3``… when taken; the file
        appears complete or not at all, even with two writers at once. A missing interest
        is filled from companies.yaml.
        """
        if interview.interest is None:
            interest = self.interest_of(interview.company)
            if interest is not None:
                interview = interview.model_copy(update={"interest": interest})
        stem = f"{interview.date.isoformat()}-{slugify(interview.company) or 'interview'}"
        text = dump_yaml(interview_document(interview))
        self.interviews_dir.mkdir(parents=True, exist_ok=True)
        path = _create_unique(self.interviews_dir, stem, ".yaml", text.encode())
        interview.id = path.stem
        return path

    def replace_interview(
        self, ref: str, edited: Path, *, expected: bytes | None = None
    ) -> Interview:
        """Make the file at ``edited`` (a copy the user edited) the interview ``ref``.

        It is validated first; a problem is raised naming the interview's file, the field
        and the line, and nothing is written. ``expected``: the bytes the user started
        from; if the file changed meanwhile, the edit is refused rather than lost.
        """
        target = self.interview_path(ref)
        try:
            interview = self._load_interview(Path(edited), label=target)
        except ValidationFailed as exc:
            exc.hint = (
                f"nothing was saved and {shown(target)} is unchanged; your edit is in {edited}"
            )
            raise
        if expected is not None and target.read_bytes() != expected:
            raise WorkspaceError(
                "the file changed while you were editing it; nothing was saved",
                path=shown(target),
                hint=f"your edit is in {edited}",
            )
        atomic_write_bytes(target, Path(edited).read_bytes())
        return interview

    # -- companies --------------------------------------------------------------------

    def companies(self) -> CompanyList:
        """companies.yaml, validated (an empty list when the file does not exist)."""
        path = self.companies_path
        if not path.exists():
            return CompanyList()
        data = self._companies_document()
        if data is None:
            return CompanyList()
        name = shown(path)
        data = _require_mapping(data, name, "the company list")
        _require_known_schema(data, name)
        if data.get("companies") is None and "companies" in data:
            data = {**data, "companies": []}
        companies = validate(CompanyList, data, name)
        seen: dict[str, int] = {}
        for index, company in enumerate(companies.companies):
            key = company.name.casefold()
            if key in seen:
                raise ValidationFailed(
                    f"{company.name!r} is listed twice (also companies.{seen[key]})",
                    path=name,
                    field=f"companies.{index}.name",
                    line=line_of(data, ("companies", index, "name")),
                    hint="keep one entry per company",
                )
            seen[key] = index
            for key_name in company.model_extra or {}:
                self._warn_unknown(path, data, ("companies", index, key_name), Company.model_fields)
        for key_name in companies.model_extra or {}:
            self._warn_unknown(path, data, (key_name,), [*CompanyList.model_fields, "schema"])
        return companies

    def _companies_document(self) -> Any:
        try:
            return read_yaml(self.companies_path)
        except ValidationFailed as exc:
            raise _relabel(exc, shown(self.companies_path)) from exc

    def interest_of(self, company: str) -> int | None:
        """The company's interest from companies.yaml, or None if it is not listed."""
        found = self.companies().find(company)
        return found.interest if found else None

    def save_companies(self, companies: CompanyList) -> None:
        """Write companies.yaml, editing the loaded document in place so the user's
        comments, key order and keys of their own survive."""
        document = self._companies_document() if self.companies_path.exists() else None
        document = _merge_companies(document, companies)
        atomic_write_text(self.companies_path, dump_yaml(document))

    def add_company(
        self,
        name: str,
        interest: int,
        *,
        status: str | None = None,
        date: dt.date | None = None,
        notes: str | None = None,
    ) -> Company:
        """Put a new company on the list; one already there is a usage error."""
        companies = self.companies()
        existing = companies.find(name)
        if existing is not None:
            raise UsageError(
                f"{existing.name!r} is already on the list (interest {existing.interest})",
                hint=f'change it with `resumetool company set "{existing.name}" --interest N`',
            )
        fields: dict[str, Any] = {"name": name, "interest": interest}
        optional = {"status": status, "date": date, "notes": notes}
        fields.update({key: value for key, value in optional.items() if value})
        company = _company_from_options(fields)
        companies.companies.append(company)
        self.save_companies(companies)
        return company

    def update_company(self, name: str, **changes: Any) -> Company:
        """Change fields of a listed company (``interest``, ``status``, ``date``, ``notes``)."""
        companies = self.companies()
        existing = companies.find(name)
        if existing is None:
            known = [c.name for c in companies.companies]
            close = difflib.get_close_matches(name, known, n=1)
            guess = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(
                f"{name!r} is not on the company list{guess}",
                hint=f'add it with `resumetool company add "{name}" --interest N`',
            )
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            raise UsageError("nothing to change", hint="give --interest, --status or --date")
        updated = _company_from_options({**_company_fields(existing), **changes})
        index = companies.companies.index(existing)
        companies.companies[index] = updated
        self.save_companies(companies)
        return updated

    def remember_company(self, interview: Interview) -> Company | None:
        """Add the interview's company to companies.yaml if it is not there and the
        interview says how much it matters; return the company added (None otherwise)."""
        if interview.interest is None:
            return None
        companies = self.companies()
        if companies.find(interview.company) is not None:
            return None
        company = Company(
            name=interview.company,
            interest=interview.interest,
            status=OUTCOME_TO_STATUS.get(interview.outcome, "interviewing"),
        )
        companies.companies.append(company)
        self.save_companies(companies)
        return company

    def interviews_with_interest(self) -> list[Interview]:
        """``interviews()``, an unset interest taken from companies.yaml (for demand)."""
        interviews = self.interviews()
        if all(iv.interest is not None for iv in interviews):
            return interviews
        return [
            iv
            if iv.interest is not None
            else iv.model_copy(update={"interest": self.interest_of(iv.company)})
            for iv in interviews
        ]

    # -- versions (resumes/vN/, see resumetool/versions.py) ---------------------------------

    def versions(self) -> list[Version]:
        """Every version, oldest first."""
        from .versions import list_versions

        return list_versions(self.resumes_dir, warn=self._warn)

    def version(self, ref: str | int) -> Version:
        """``v3``, ``3`` or ``latest``; unknown → UsageError listing the versions."""
        from .versions import find_version

        return find_version(self.versions(), ref)

    def latest_version(self) -> Version | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def resolve_resume(self, ref_or_path: str | Path) -> tuple[Resume, str]:
        """(Resume, label) from a version ref or a resume file (analyze, render, diff)."""
        from .versions import resolve_resume

        return resolve_resume(ref_or_path, self)

    def add_version(self, resume: Resume, **meta: Any) -> Version:
        """Store ``resume`` as the next version (see ``versions.write_version``)."""
        from .versions import write_version

        return write_version(self.resumes_dir, resume, **meta)


UnknownKey = tuple[str, int | None, str | None]
"""(dotted key, line, closest known key): an unknown key, found when a file was read."""


def unknown_key(data: Any, loc: tuple[Any, ...], known: Iterable[str]) -> UnknownKey:
    close = difflib.get_close_matches(str(loc[-1]), list(known), n=1)
    return ".".join(str(p) for p in loc), line_of(data, loc), close[0] if close else None


CACHE_DIR = ".resumetool-cache"
CACHE_FORMAT = 1


class InterviewCache:
    """Validated interviews as JSON, keyed by each file's stat, in CACHE_DIR.

    Why: ruamel's round-trip parser takes ~1.7 ms per interview file, so a workspace with
    1,000 interviews would spend 1.7 s reading YAML on every ``analyze``; from this cache
    the same read takes ~20 ms. An entry counts only while the file's mtime, ctime, size
    and inode are unchanged (ctime cannot be set back by a tool, so an edit always shows),
    its data is validated again on the way out, and a missing, stale or unreadable cache
    only means reading the YAML. Bad files are never cached: they fail every time.
    """

    def __init__(self, folder: Path):
        self.path = folder / "interviews.json"
        self.folder = folder
        self.stamp = f"{CACHE_FORMAT}:{_package_version()}:{','.join(Interview.model_fields)}"
        self.entries: dict[str, Any] = {}
        self.fresh: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and stored.get("stamp") == self.stamp:
                self.entries = stored.get("files") or {}

    @staticmethod
    def _key(path: Path) -> list[int]:
        st = path.stat()
        return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]

    def get(self, path: Path) -> tuple[Interview, list[UnknownKey]] | None:
        entry = self.entries.get(path.name)
        if not isinstance(entry, dict) or entry.get("key") != self._key(path):
            return None
        try:
            interview = Interview.model_validate(entry["data"])
            notes = [(str(k), line, guess) for k, line, guess in entry["unknown"]]
        except Exception:
            return None
        interview.id = path.stem
        return interview, notes

    def put(self, path: Path, interview: Interview, notes: list[UnknownKey]) -> None:
        data = _plain(interview.model_dump(mode="json", by_alias=True))
        entry = {"key": self._key(path), "data": data, "unknown": [list(n) for n in notes]}
        self.fresh[path.name] = entry

    def save(self) -> None:
        """Write the cache if anything changed; a read-only workspace just goes uncached."""
        if self.fresh == self.entries:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                atomic_write_text(ignore, "# made by resumetool; safe to delete\n*\n")
            text = json.dumps({"stamp": self.stamp, "files": self.fresh}, ensure_ascii=False)
            atomic_write_text(self.path, text)


def _package_version() -> str:
    from . import __version__

    return __version__


# -- interview files ------------------------------------------------------------------

FIELD_COMMENTS = {
    "interest": "1 (practice) … 5 (dream job)",
    "stage": " | ".join(STAGES),
    "outcome": " | ".join(OUTCOMES),
    "pros": "at most 3 each, as the reflection method says",
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
    return {"id": interview.id, **_plain(data)}


def _plain(value: Any) -> Any:
    """ruamel containers and scalars (kept in unknown keys) as plain JSON types."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    for kind in (int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return str(value)


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
        rows.append((str(key), [json.dumps(_plain(value), ensure_ascii=False)]))
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"{interview.id}  {title}" if interview.id else title]
    for label, values in rows:
        for index, value in enumerate(values or ["—"]):
            lines.append(f"  {(label if index == 0 else ''):<{width}}{value}")
    return "\n".join(lines)


def company_to_json(company: Company) -> dict[str, Any]:
    """A JSON-ready dict of one company, unknown keys included."""
    return _plain(company.model_dump(mode="json"))


# -- companies.yaml merging ------------------------------------------------------------


def _company_fields(company: Company) -> dict[str, Any]:
    return {**company.model_dump(exclude_none=True), **(company.model_extra or {})}


def _company_from_options(fields: dict[str, Any]) -> Company:
    try:
        return validate(Company, fields)
    except ValidationFailed as exc:
        raise UsageError(f"--{exc.message}", hint="see `resumetool company --help`") from exc


def _merge_companies(document: Any, companies: CompanyList) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(document, dict):
        from .files import round_trip_yaml

        document = round_trip_yaml().load(COMPANIES_TEMPLATE)
    _merge_map(document, companies, skip=("companies",))
    entries = document.get("companies")
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq(entries or [])
        document["companies"] = entries
    if entries.fa.flow_style():
        entries.fa.set_block_style()
    by_name = {str(e.get("name", "")).strip().casefold(): e for e in entries if isinstance(e, dict)}
    kept = []
    for company in companies.companies:
        entry = by_name.get(company.name.casefold())
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap()
        _merge_map(entry, company)
        kept.append(entry)
    wanted = {id(e) for e in kept}
    for index in reversed(range(len(entries))):
        if id(entries[index]) not in wanted:
            if index > 0:
                _move_tail(entries[index], entries[index - 1])
            del entries[index]
    present = {id(e) for e in entries}
    for entry in kept:
        if id(entry) not in present:
            if len(entries):
                _move_tail(entries[-1], entry)
            entries.append(entry)
    return document


def _is_default(info: Any, value: Any) -> bool:
    if info is None or info.is_required():
        return False
    return value == info.get_default(call_default_factory=True)


def _merge_map(target: Any, model: BaseModel, *, skip: tuple[str, ...] = ()) -> None:
    """Make ``target`` (a ruamel map) say what ``model`` says, touching only what differs;
    comment lines that stood after a key that goes, or before a key that is added at the
    end, stay where they were on the page."""
    values = model.model_dump(mode="python", by_alias=True)
    extras = model.model_extra or {}
    fields = {(info.alias or name): info for name, info in type(model).model_fields.items()}
    for key, value in values.items():
        if key in skip:
            continue
        if value is None:
            if target.get(key) is not None:
                _delete_key(target, key)
            continue
        if key not in target:
            if _is_default(fields.get(key), value):
                continue
            last = next(reversed(target), None) if len(target) else None
            target[key] = value
            if last is not None:
                _move_tail((target, last), (target, key))
        elif target[key] != value:
            target[key] = value
    for key in list(target):
        if key not in values and key not in extras and key not in skip:
            _delete_key(target, key)


def _delete_key(target: Any, key: Any) -> None:
    keys = list(target)
    position = keys.index(key)
    if position > 0:
        _move_tail((target, key), (target, keys[position - 1]))
    del target[key]


def _move_tail(source: Any, destination: Any) -> None:
    """Move the comment lines that follow a value (ruamel keeps them on the line's own
    comment token, after its end-of-line part) to another value.

    ``source``/``destination``: a (map, key) pair, or a map meaning its last key."""
    src_map, src_key = source if isinstance(source, tuple) else (source, _last_key(source))
    dst_map, dst_key = (
        destination if isinstance(destination, tuple) else (destination, _last_key(destination))
    )
    if src_key is None or dst_key is None or not hasattr(src_map, "ca"):
        return
    item = src_map.ca.items.get(src_key)
    token = item[2] if item and len(item) > 2 else None
    if token is None:
        return
    head, _, tail = token.value.partition("\n")
    if not tail.strip():
        return
    moved = copy.copy(token)
    moved.value = "\n" + tail
    if head.strip():
        token.value = head + "\n"
    else:
        item[2] = None
    slot = dst_map.ca.items.setdefault(dst_key, [None, None, None, None])
    if slot[2] is None:
        slot[2] = moved
    else:
        slot[2].value = slot[2].value + tail


def _last_key(mapping: Any) -> Any:
    return next(reversed(mapping), None) if isinstance(mapping, dict) and len(mapping) else None


# -- helpers ----------------------------------------------------------------------------


def slugify(text: str) -> str:
    """A readable file-name part: lowercase letters and digits joined by '-', accents
    dropped, other scripts kept (a Japanese company name stays readable)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    slug = re.sub(r"[\W_]+", "-", plain).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def shown(path: Path | str) -> Path:
    """A path as a person in the current folder would type it."""
    path = Path(path)
    with contextlib.suppress(ValueError, OSError):
        relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
        if len(str(relative)) < len(str(path.resolve())):
            return relative
    return path


def _relabel(exc: ValidationFailed, path: Path) -> ValidationFailed:
    message = exc.message
    if exc.field:
        message = message.removeprefix(f"{exc.field}: ")
    else:
        message = re.sub(r"^.*?: (?=invalid YAML)", "", message)
    return ValidationFailed(message, path=path, field=exc.field, line=exc.line, hint=exc.hint)


def _require_mapping(data: Any, path: Path, what: str) -> Any:
    if data is None:
        raise ValidationFailed(
            f"the file is empty; expected {what} (keys like company:, date:)"
            if what == "an interview"
            else f"the file is empty; expected {what}",
            path=path,
            hint="fill it in or delete it",
        )
    if not isinstance(data, dict):
        raise ValidationFailed(
            f"expected {what} as a mapping of keys to values, found a {type(data).__name__}",
            path=path,
            line=1,
            hint="fix the file and run again",
        )
    return data


def _require_known_schema(data: Any, path: Path) -> None:
    """A newer file format is refused before anything else: its fields may mean other things."""
    schema = data.get("schema", SCHEMA_VERSION)
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise ValidationFailed(
            f"written by a newer resumetool (schema {schema}; this one reads {SCHEMA_VERSION});"
            " upgrade resumetool to read it",
            path=path,
            field="schema",
            line=line_of(data, ("schema",)),
            hint="pip install -U resumetool; the file was left as it is",
        )


def _toml_line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Line of a top-level key or of the n-th [[table]] in TOML text (tomllib keeps none)."""
    if not loc:
        return None
    lines = text.splitlines()
    key = str(loc[0])
    if len(loc) > 1 and isinstance(loc[1], int):
        headers = [i for i, line in enumerate(lines) if line.strip() == f"[[{key}]]"]
        if loc[1] < len(headers):
            start = headers[loc[1]]
            if len(loc) > 2:
                sub = re.compile(rf"^\s*{re.escape(str(loc[2]))}\s*=")
                for i in range(start + 1, len(lines)):
                    if lines[i].lstrip().startswith("["):
                        break
                    if sub.match(lines[i]):
                        return i + 1
            return start + 1
    pattern = re.compile(rf"^\s*(\[+\s*)?{re.escape(key)}\s*(=|\]+)")
    return next((i + 1 for i, line in enumerate(lines) if pattern.match(line)), None)


def _create_exclusive(path: Path, data: bytes) -> None:
    """Create ``path`` complete, or fail with FileExistsError if it exists."""
    if _publish(path.parent, iter([path]), data) is None:
        raise FileExistsError(errno.EEXIST, "file exists", str(path))


def _publish(folder: Path, candidates: Iterator[Path], data: bytes) -> Path | None:
    """Write ``data`` once to a temp file, then give it the first candidate name that is
    free (None if none is): the file appears whole under that name or not at all."""
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for path in candidates:
            try:
                _link_or_reserve(Path(tmp), path)
            except FileExistsError:
                continue
            fsync_dir(folder)
            return path
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)


NO_LINK_ERRNOS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS)


def _link_or_reserve(tmp: Path, path: Path) -> None:
    # link() fails if the name exists, so the file appears whole and never overwrites;
    # where links are not supported, reserve the name with O_EXCL and rename over it.
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in NO_LINK_ERRNOS:
            raise
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    os.replace(tmp, path)


def _create_unique(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """``folder/stem.suffix``, or the first free ``stem-N.suffix``, created exclusively."""

    def names() -> Iterator[Path]:
        number = 1
        while True:
            name = stem if number == 1 else f"{stem}-{number}"
            path = folder / f"{name}{suffix}"
            others = [folder / f"{name}{other}" for other in INTERVIEW_SUFFIXES]
            if not any(other.exists() for other in others):
                yield path
            number += 1

    path = _publish(folder, names(), data)
    assert path is not None  # names() never runs out
    return path
