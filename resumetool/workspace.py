"""The workspace: a folder of plain-text files the user owns (DESIGN.md, "Workspace").

Why this shape: one person keeps their job search in a folder, maybe under git, and
edits the files by hand as often as through the tool. So every file is YAML or TOML a
person can read, every write is atomic, a rewrite keeps the user's comments and unknown
keys, and a file that does not validate is reported with its path, field and line
instead of being skipped (a silently skipped interview would corrupt demand).

The library never prints: problems a user should see but that do not stop the command
(a misspelt key, kept as is) go to ``Workspace.warnings`` and to the ``on_warning``
callback the CLI passes in.

Keys the tool does not know, in companies.yaml and interview files: the files invite
keys of the user's own (``recruiter:``, ``url:``), so those are kept, and kept silent —
a warning on every command for a key the user added on purpose would teach them to
ignore warnings. A key that looks like a misspelling of a known one (``intrest`` for
``interest``: a difflib ratio of at least ``interview_rules.MISSPELLING_CUTOFF``) is
still kept as it is, but warned about once per command, naming the file, the line, the
company it belongs to and the key it probably means. Settings (resumetool.toml) are the
tool's own file, not the user's notes, so every unknown setting there is warned about.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import __version__
from .errors import UsageError, ValidationFailed, WorkspaceError
from .files import (
    SCHEMA_VERSION,
    atomic_write_bytes,
    atomic_write_text,
    create_new_file,
    dump_yaml,
    line_of,
    move_trailing_comments,
    plain_data,
    read_yaml,
    round_trip_yaml,
    shown,
    update_map,
    validate,
    write_yaml,
)
from .interview import (
    Company,
    CompanyList,
    Interview,
    company_from_options,
    company_key,
    interview_document,
)
from .interview_rules import (
    COMPANY_STATUSES,
    FINAL_OUTCOMES,
    MISSPELLING_CUTOFF,
    OUTCOME_TO_STATUS,
)
from .wording import quoted, shell_word

if TYPE_CHECKING:
    from .model import Resume
    from .versions import Version

SETTINGS_FILE = "resumetool.toml"
COMPANIES_FILE = "companies.yaml"
INTERVIEWS_DIR = "interviews"
RESUMES_DIR = "resumes"
TEMPLATES_DIR = "templates"
"""The user's own designs and e-mail templates (optional; see `resumetool templates`)."""
INTERVIEW_SUFFIXES = (".yaml", ".yml")
SLUG_MAX = 40
"""Longest company part of an interview file name, in characters."""

NO_WORKSPACE_HINT = "run `resumetool init` to make one here, or pass --workspace DIR"

Warn = Callable[[str], None]


class Settings(BaseModel):
    """resumetool.toml: who the candidate is, the default template, their own skills and
    section headings."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    name: str | None = None
    email: str | None = None
    template: str = "classic"
    skills: list[dict[str, Any]] = Field(default_factory=list)
    headings: dict[str, list[str]] = Field(default_factory=dict)
    """[headings]: the user's own section headings, ``experience = ["Where I have worked"]``;
    ``parse`` and ``import`` pass them to the parser (``load_resume(extra_headings=…)``)."""

    @field_validator("skills")
    @classmethod
    def _named(cls, tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for table in tables:
            name = table.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ValueError('every [[skills]] table needs a name = "..."')
        return tables

    @field_validator("headings", mode="before")
    @classmethod
    def _sections(cls, table: Any) -> Any:
        """Each key names a section the parser knows ("experience", "skills"); a single
        heading may be written without brackets."""
        if not isinstance(table, dict):
            return table
        from .structure.features import section_key

        for key in table:
            if section_key(str(key)) is None:
                raise ValueError(
                    f"[headings] {key}: not a section; use experience, education, skills, "
                    "projects, certificates, awards, publications, languages, volunteer, "
                    "interests, references, summary or contact"
                )
        return {k: [v] if isinstance(v, str) else v for k, v in table.items()}


SETTINGS_TEMPLATE = """\
# resumetool settings. This folder is a resumetool workspace: every command run in it
# (or in a folder below it) uses the files here. Lines starting with # are comments.

# Your name and e-mail, used in reports and feedback-request e-mails.
{name_line}
{email_line}

# The template `resumetool render` uses unless you pass --template (see `resumetool templates`).
template = "classic"

# Section headings of your own, when the parser does not know yours: `resumetool parse`
# and `import` then read them as the section named on the left (experience, education,
# skills, projects, certificates, awards, languages, volunteer, summary…). Remove the #
# signs to use it:
#
# [headings]
# experience = ["Where I have worked"]
# skills = ["My toolbox"]

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
# or edit by hand: the tool keeps your comments, and keys of your own (recruiter:, url:…)
# are kept as they are, without a word; a key that looks like a misspelling of one above
# (intrest:) gets a "did you mean" warning.
schema: {SCHEMA_VERSION}
companies: []
"""


def init_workspace(
    folder: Path,
    *,
    name: str | None = None,
    email: str | None = None,
    force: bool = False,
) -> Workspace:
    """Make a workspace in ``folder`` (created if missing); refuse if one is already there.

    A folder inside another workspace is refused too unless ``force``: every command run
    below it would find the new one first, so the outer workspace would silently vanish
    from view (a person who typed `init` in a subfolder rarely means that).
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
    outer = enclosing_workspace(folder)
    if outer is not None and not force:
        here = folder.expanduser().resolve() == Path.cwd().resolve()
        raise WorkspaceError(
            f"{'this folder' if here else shown(folder)} is inside the resumetool workspace"
            f" {outer}; a new one here would hide it from every command run below",
            hint="nothing was made; use that one (commands find it from here), or pass --force"
            " to make a separate workspace anyway",
        )
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
    create_new_file(folder, [settings_path], text.encode())
    return Workspace(folder)


def enclosing_workspace(folder: Path) -> Path | None:
    """The root of the workspace ``folder`` lies inside (above it, not ``folder`` itself)."""
    here = Path(folder).expanduser().resolve()
    return next((p for p in here.parents if (p / SETTINGS_FILE).is_file()), None)


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
        self.templates_dir = self.root / TEMPLATES_DIR
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

    def _report_unknown_settings(self, path: Path, notes: Iterable[UnknownKey]) -> None:
        """Warn about every unknown setting, guess or not: resumetool.toml is the tool's own
        file, so a key it does not know is a slip (see the module docstring)."""
        for key, line, guess in notes:
            hint = f" (did you mean {guess!r}?)" if guess else ""
            self._warn(f"{_file_line(path, line)}: unknown setting {key!r}{hint}; kept as it is")

    def _report_misspelt(
        self, path: Path, notes: Iterable[UnknownKey], *, owner: str | None = None
    ) -> None:
        """Warn about the unknown keys that look like a misspelt known key; keys of the
        user's own (no close known key) are kept silently (see the module docstring).
        ``owner``: what the keys belong to, in words ("Acme Retail")."""
        for key, line, guess in notes:
            if guess is None:
                continue
            where = _file_line(path, line)
            within = f" in {owner}" if owner else ""
            self._warn(f"{where}: {key!r}{within} — did you mean {guess!r}? (kept as it is)")

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
        settings = validate(
            Settings, data, shown(path), line_at=lambda loc: _toml_line_of(text, loc)
        )
        notes = [
            (key, _toml_line_of(text, (key,)), _closest(key, Settings.model_fields))
            for key in settings.model_extra or {}
        ]
        self._report_unknown_settings(path, notes)
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

    def interviews(self) -> list[Interview]:
        """Every interview, validated, sorted by (date, id). One bad file fails the call,
        naming that file: demand computed without it would be quietly wrong."""
        cache = InterviewCache(self.root / CACHE_DIR)
        loaded = []
        for path in self.interview_paths():
            interview, notes = cache.get(path) or self._read_interview(path)
            cache.put(path, interview, notes)
            self._report_misspelt(path, notes)
            loaded.append(interview)
        cache.save()
        return sorted(loaded, key=lambda iv: (iv.date, iv.id or ""))

    def interview(self, ref: str) -> Interview:
        """One interview by id (file stem), unique id prefix, unique part of an id
        (``acme``), or ``latest``; anything else is a usage error listing what exists."""
        return self.load_interview_file(self.interview_path(ref))

    def interview_path(self, ref: str) -> Path:
        """The file of the interview ``ref`` names (see ``interview``)."""
        paths = self.interview_paths()
        if not paths:
            raise UsageError(
                "no interviews yet"
                + ("" if ref.strip().lower() == "latest" else f", so none is called {quoted(ref)}"),
                hint="log one with `resumetool interview add`",
            )
        by_id = {p.stem: p for p in paths}
        wanted = ref.strip()
        if wanted.lower() == "latest":
            return by_id[self.interviews()[-1].id or ""]
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
                f"{quoted(ref)} matches several interviews: {listing}", hint="give more of the id"
            )
        close = similar_ids(stem, list(by_id))
        if close:
            guess = close[0] if len(close) == 1 else "one of " + ", ".join(close)
            raise UsageError(
                f"no interview {quoted(ref)}; did you mean {guess}?",
                hint="see `resumetool interview list`",
            )
        raise UsageError(
            f"no interview {quoted(ref)}; there are: {listing}",
            hint="see `resumetool interview list`",
        )

    def load_interview_file(self, path: Path, *, label: Path | None = None) -> Interview:
        """Read and validate one interview file (``label``: the path to name in messages)."""
        interview, notes = self._read_interview(Path(path), label=label)
        self._report_misspelt(label or path, notes)
        return interview

    def _read_interview(
        self, path: Path, *, label: Path | None = None
    ) -> tuple[Interview, list[UnknownKey]]:
        name = shown(label or path)
        try:
            data = read_yaml(path)
        except ValidationFailed as exc:
            raise _relabel(exc, name) from exc
        data = _require_mapping(data, name, "an interview", keys="company:, date:")
        interview = validate(Interview, data, name)
        interview.id = (label or path).stem
        known = [name for name in Interview.model_fields if name != "id"] + ["schema"]
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
        names = _interview_names(self.interviews_dir, stem)
        path = create_new_file(self.interviews_dir, names, text.encode())
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
            interview = self.load_interview_file(Path(edited), label=target)
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
        if data.get("companies") is None and "companies" in data:
            data = {**data, "companies": []}
        companies = validate(CompanyList, data, name)
        seen: dict[str, int] = {}
        for index, company in enumerate(companies.companies):
            key = company_key(company.name)
            if key in seen:
                first = line_of(data, ("companies", seen[key], "name"))
                raise ValidationFailed(
                    f"{quoted(company.name)} is listed twice"
                    + (f" (also on line {first})" if first else ""),
                    path=name,
                    field="name",
                    line=line_of(data, ("companies", index, "name")),
                    hint="keep one entry per company",
                )
            seen[key] = index
            notes = [
                unknown_key(data, ("companies", index, extra), Company.model_fields)
                for extra in company.model_extra or {}
            ]
            self._report_misspelt(path, notes, owner=company.name)
        known = [*CompanyList.model_fields, "schema"]
        notes = [unknown_key(data, (extra,), known) for extra in companies.model_extra or {}]
        self._report_misspelt(path, notes)
        return companies

    def _companies_document(self) -> Any:
        try:
            return read_yaml(self.companies_path)
        except ValidationFailed as exc:
            raise _relabel(exc, shown(self.companies_path)) from exc

    def interest_of(self, company: str) -> int | None:
        """The company's interest from companies.yaml, or None if it is not listed."""
        return self.companies().interest_of(company)

    def save_companies(self, companies: CompanyList) -> None:
        """Write companies.yaml, editing the loaded document in place so the user's
        comments, key order and keys of their own survive."""
        document = self._companies_document() if self.companies_path.exists() else None
        document = _merge_companies(document, companies)
        write_yaml(self.companies_path, document)

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
                f"{quoted(existing.name)} is already on the list (interest {existing.interest})",
                hint=f"change it with `resumetool company set {shell_word(existing.name)}"
                " --interest N`",
            )
        fields: dict[str, Any] = {"name": name, "interest": interest}
        optional = {"status": status, "date": date, "notes": notes}
        fields.update({key: value for key, value in optional.items() if value})
        company = company_from_options(fields)
        companies.companies.append(company)
        self.save_companies(companies)
        return company

    def update_company(self, name: str, **changes: Any) -> Company:
        """Change fields of a listed company (``interest``, ``status``, ``date``, ``notes``)."""
        companies = self.companies()
        existing = companies.find(name)
        if existing is None:
            close = similar_names(name, [c.name for c in companies.companies])
            guess = f"; did you mean {quoted(close[0])}?" if close else ""
            hint = f"add it with `resumetool company add {shell_word(name)} --interest N`"
            if close:
                hint = (
                    f"give its name as listed (`resumetool company set {shell_word(close[0])}"
                    f" …`), or {hint}"
                )
            raise UsageError(
                f"{quoted(name)} is not on the company list{guess}",
                hint=hint,
            )
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            raise UsageError("nothing to change", hint="give --interest, --status or --date")
        updated = company_from_options({**_company_fields(existing), **changes})
        index = companies.companies.index(existing)
        companies.companies[index] = updated
        self.save_companies(companies)
        return updated

    def similar_companies(self, name: str) -> list[str]:
        """Listed companies ``name`` is probably a slip for ("Umbrela Analytics" for
        "Umbrella Analytics", "Acme" for "Acme Corp"), most alike first; empty when
        ``name`` is listed as it is, or nothing listed is close."""
        companies = self.companies()
        if companies.find(name) is not None:
            return []
        return similar_names(name, [c.name for c in companies.companies])

    def record_outcome(self, interview: Interview) -> Company | None:
        """Close (rejected, withdrawn) or finish (offer) the interview's company in
        companies.yaml, as ``OUTCOME_TO_STATUS`` says, and return it changed; None when
        nothing changes: the outcome is pending, the company is not listed or already has
        that status, or a later interview with it is logged (this one is old news).

        Why: the plan reads the status; a rejection logged only in the interview file
        would leave the company planned as if nothing had happened.
        """
        status = OUTCOME_TO_STATUS.get(interview.outcome)
        if interview.outcome not in FINAL_OUTCOMES or status is None:
            return None
        companies = self.companies()
        existing = companies.find(interview.company)
        if existing is None or existing.status == status:
            return None
        key = company_key(interview.company)
        later = [
            other
            for other in self.interviews()
            if company_key(other.company) == key
            and other.id != interview.id
            and other.date > interview.date
        ]
        if later:
            return None
        updated = company_from_options({**_company_fields(existing), "status": status})
        companies.companies[companies.companies.index(existing)] = updated
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
        companies = self.companies()  # read once, not once per interview
        return [
            iv
            if iv.interest is not None
            else iv.model_copy(update={"interest": companies.interest_of(iv.company)})
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
"""(key, 1-based line, the known key it looks like a misspelling of, if any): an unknown
key, found when a file was read."""


def unknown_key(data: Any, loc: tuple[Any, ...], known: Iterable[str]) -> UnknownKey:
    """The key at ``loc`` in ruamel-loaded ``data``, its line, and the known key it is
    probably a misspelling of (None: a key of the user's own)."""
    key = str(loc[-1])
    return key, line_of(data, loc), _closest(key.casefold(), known, cutoff=MISSPELLING_CUTOFF)


def similar_names(typed: str, names: Iterable[str]) -> list[str]:
    """The ``names`` that ``typed`` is probably a slip for, most alike first.

    Alike means: a difflib ratio of at least ``MISSPELLING_CUTOFF`` ("Umbrela Analytics"),
    or the first words of one, each that alike, being all the words of the other ("Acme"
    or "Umbrela" for "Acme Corp" or "Umbrella Analytics"; punctuation and case aside).
    "Acme Retail" is not taken for "Acme Corp": a different word is a different company.
    """
    wanted = slugify(typed)
    if not wanted:
        return []
    words = wanted.split("-")
    scored: list[tuple[float, str]] = []
    for name in names:
        slug = slugify(name)
        if not slug or company_key(name) == company_key(typed):
            continue
        shorter, longer = sorted((words, slug.split("-")), key=len)
        leading = min(_ratio(a, b) for a, b in zip(shorter, longer, strict=False))
        score = max(_ratio(wanted, slug), leading)
        if score >= MISSPELLING_CUTOFF:
            scored.append((score, name))
    return [name for _, name in sorted(scored, key=lambda pair: -pair[0])]


def _file_line(path: Path, line: int | None) -> str:
    """'companies.yaml:12' (the file alone when the line is unknown), for a warning."""
    return f"{shown(path)}:{line}" if line else str(shown(path))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


_ID_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}-?")
"""The date an interview id starts with (2026-11-20-acme-corp)."""
_ID_NUMBER = re.compile(r"-\d+$")
"""The number that tells apart two interviews with one company on one day (…-acme-corp-2)."""


def similar_ids(typed: str, ids: Iterable[str]) -> list[str]:
    """Interview ids whose company part (the id without its date, and ``-2``…) ``typed``
    is probably a slip for ("umbrela" for 2026-11-20-umbrella-analytics), at most three,
    most alike first."""
    wanted = slugify(typed)
    if not wanted:
        return []
    # A whole id typed with a slip ("2026-11-09-acme-crop") is compared without its date too.
    wanted_company = _ID_DATE.sub("", wanted) or wanted
    scored: list[tuple[float, str]] = []
    for ident in ids:
        company = _ID_NUMBER.sub("", _ID_DATE.sub("", ident))
        parts = [company, *company.split("-")] if company else []
        score = max((_ratio(wanted_company, part) for part in parts), default=0.0)
        if score >= MISSPELLING_CUTOFF:
            scored.append((score, ident))
    return [ident for _, ident in sorted(scored, key=lambda pair: -pair[0])[:3]]


def _closest(word: str, known: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The known name ``word`` is most likely a typo of, if one is close enough."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


CACHE_DIR = ".resumetool-cache"
CACHE_FORMAT = 2
"""2: unknown keys carry a guess only when it passes MISSPELLING_CUTOFF."""


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
        self.stamp = f"{CACHE_FORMAT}:{__version__}:{','.join(Interview.model_fields)}"
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
        data = plain_data(interview.model_dump(mode="json", by_alias=True))
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


# -- companies.yaml merging ------------------------------------------------------------


def _company_fields(company: Company) -> dict[str, Any]:
    return {**company.model_dump(exclude_none=True), **(company.model_extra or {})}


def _merge_companies(document: Any, companies: CompanyList) -> Any:
    """``document`` (companies.yaml as loaded, or None) edited to list ``companies``: an
    entry is matched by name and updated in place, so its comments stay with it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(document, dict):
        document = round_trip_yaml().load(COMPANIES_TEMPLATE)
    update_map(document, companies, skip=("companies",))
    entries = document.get("companies")
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq(entries or [])
        document["companies"] = entries
    if entries.fa.flow_style():
        entries.fa.set_block_style()
    by_name = {company_key(str(e.get("name", ""))): e for e in entries if isinstance(e, dict)}
    kept = []
    for company in companies.companies:
        entry = by_name.get(company_key(company.name))
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap()
        update_map(entry, company)
        kept.append(entry)
    wanted = {id(e) for e in kept}
    for index in reversed(range(len(entries))):
        if id(entries[index]) not in wanted:
            if index > 0:
                move_trailing_comments(entries[index], entries[index - 1])
            del entries[index]
    present = {id(e) for e in entries}
    for entry in kept:
        if id(entry) not in present:
            if len(entries):
                move_trailing_comments(entries[-1], entry)
            entries.append(entry)
    return document


# -- helpers ----------------------------------------------------------------------------


def slugify(text: str) -> str:
    """A readable file-name part: lowercase letters and digits joined by '-', accents
    dropped, other scripts kept (a Japanese company name stays readable)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    slug = re.sub(r"[\W_]+", "-", plain).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def _relabel(exc: ValidationFailed, path: Path) -> ValidationFailed:
    """``exc`` naming ``path``: the file as the user knows it (relative, or the interview an
    edited copy stands for) rather than the file that was read."""
    message = exc.message.removeprefix(f"{exc.field}: ") if exc.field else exc.message
    return ValidationFailed(message, path=path, field=exc.field, line=exc.line, hint=exc.hint)


def _require_mapping(data: Any, path: Path, what: str, *, keys: str | None = None) -> Any:
    """``data`` if it is a mapping; an empty file or a list is refused naming ``what`` was
    expected (and, for an empty file, ``keys`` it would start with)."""
    if data is None:
        example = f" (keys like {keys})" if keys else ""
        raise ValidationFailed(
            f"the file is empty; expected {what}{example}",
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


def _interview_names(folder: Path, stem: str) -> Iterator[Path]:
    """``stem.yaml``, then ``stem-2.yaml``, ``stem-3.yaml``…, skipping a name taken by a
    file of any interview suffix (``stem.yml`` takes ``stem``: the ids would clash)."""
    number = 1
    while True:
        name = stem if number == 1 else f"{stem}-{number}"
        if not any((folder / f"{name}{suffix}").exists() for suffix in INTERVIEW_SUFFIXES):
            yield folder / f"{name}.yaml"
        number += 1
