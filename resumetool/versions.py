"""Resume versions: ``resumes/vN/`` folders that appear whole and never change.

Why this shape: the point of versions is to compare what was sent to whom, and to see
what each draft changed and why. That only works if a version, once written, is exactly
what it was — so every version is built in a temporary folder beside the others and
renamed into place in one step (a killed process leaves a hidden temp folder, never a
half-version), its data files are made read-only, and nothing in resumetool writes to
them again. Renders (``resume.pdf``, ``resume.docx``…) are derived files and may be
written or rewritten in the folder at any time; ``resume.yaml``, ``meta.yaml`` and the
imported ``source.*`` never are (``check_not_version_data`` guards any output path).

Numbers: ``vN`` with N one above the highest folder present, chosen while holding an
exclusive ``flock`` on ``resumes/.lock``. The lock makes two imports or drafts started at
the same moment take different numbers; the kernel drops it when its holder dies, even
on SIGKILL, so a crash never leaves the workspace locked. Where ``flock`` is missing,
``rename`` onto an existing version fails and the next number is tried instead.

Layout of one version::

    resumes/v3/resume.yaml   the Resume as JSON Resume data in YAML, ids kept
    resumes/v3/meta.yaml     schema, version, parent, created, source, reason, edits…
    resumes/v3/source.docx   the imported original (imported versions only)
    resumes/v3/resume.pdf    renders (any number, any time)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import __version__
from .errors import InputError, UsageError, ValidationFailed, WorkspaceError
from .files import (
    SchemaFile,
    atomic_write_text,
    dump_yaml,
    fsync_dir,
    read_yaml,
    shown,
    validate,
)
from .testpoints import pause_point

if TYPE_CHECKING:
    from .model import Resume
    from .workspace import Workspace

RESUME_FILE = "resume.yaml"
META_FILE = "meta.yaml"
SOURCE_STEM = "source"
RENDER_STEM = "resume"
"""A version's renders are ``resume.pdf``, ``resume.docx``…, beside its data."""
LOCK_FILE = ".lock"
TEMP_PREFIX = ".new-version-"
LOCK_TIMEOUT_SECONDS = 30.0
"""How long a command waits for another one that is writing a version."""
STALE_TEMP_SECONDS = 3600.0
"""Without flock, a temp folder this old is taken to be a crashed writer's (see _clean)."""
READ_ONLY = 0o444
FOLDER_MODE = 0o755
"""A version folder: readable by all, writable by its owner (renders are added later)."""

VERSION_DIR = re.compile(r"^v([1-9][0-9]*)$")
VERSION_REF = re.compile(r"^(?:[vV]?([0-9]+)|latest)$", re.IGNORECASE)
"""What names a version on the command line: ``v3``, ``3`` or ``latest``."""

RESUME_HEADER = (
    "# resumetool version {label}: JSON Resume data (jsonresume.org, v1.0.0) with stable ids.\n"
    "# Written once by resumetool and never changed. To change the resume, run\n"
    "# `resumetool draft`, or edit a copy and `resumetool import` it as a new version.\n"
)
META_HEADER = "# resumetool version {label}: where it came from and what changed, with why.\n"
GITIGNORE = "# made by resumetool: its lock and unfinished writes\n.lock\n.new-*\n.*.tmp\n"

Warn = Callable[[str], None]


# -- the models -------------------------------------------------------------------------


class Edit(BaseModel):
    """One change a draft made (or offers) and its cause.

    ``entry`` and ``highlight`` are stable ids (``work-…``, ``h-…``), not positions, so an
    edit still points at its line after later reorders. ``before``/``after``: the text for
    a rewrite, the 1-based line number for a move, the order for a reorder.
    """

    model_config = ConfigDict(extra="allow")

    kind: str
    section: str | None = None
    entry: str | None = None
    highlight: str | None = None
    field: str | None = None
    """The entry's field, when not its bullets (a rewritten ``summary``)."""
    before: int | str | None = None
    after: int | str | None = None
    reason: str
    skills: list[str] = Field(default_factory=list)
    interviews: list[str] = Field(default_factory=list)


class VersionMeta(SchemaFile):
    """meta.yaml. Unknown keys (a newer tool's additions) are kept."""

    version: str
    parent: str | None = None
    created: dt.datetime
    source: str | None = None
    """The imported file's name (imports), None for drafts."""
    reason: str
    edits: list[Edit] = Field(default_factory=list)
    suggestions: list[Edit] = Field(default_factory=list)
    """Edits offered and not applied (rewrites that name a skill, without --interactive)."""
    notes: list[str] = Field(default_factory=list)
    """What the draft would not do, and why (a skill with no evidence)."""
    tool: str | None = None

    @field_validator("version", "parent")
    @classmethod
    def _label(cls, value: str | int | None) -> str | None:
        if value is None:
            return None
        text = f"v{value}" if isinstance(value, int) else str(value).strip()
        if not VERSION_DIR.match(text):
            raise ValueError(f"{value!r} is not a version label like v3")
        return text

    def to_document(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        for key in ("edits", "suggestions"):
            data[key] = [
                {k: v for k, v in edit.items() if v not in (None, [])} for edit in data.get(key, [])
            ]
        return {k: v for k, v in data.items() if v != [] or k == "edits"}


@dataclass
class Version:
    """One version folder. The Resume is read on first use."""

    number: int
    path: Path
    meta: VersionMeta
    _resume: Resume | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return f"v{self.number}"

    @property
    def parent(self) -> int | None:
        return number_of(self.meta.parent) if self.meta.parent else None

    @property
    def resume_path(self) -> Path:
        return self.path / RESUME_FILE

    def source_path(self) -> Path | None:
        """The imported original, if this version was imported."""
        found = sorted(self.path.glob(f"{SOURCE_STEM}.*"))
        return found[0] if found else None

    def resume(self) -> Resume:
        if self._resume is None:
            self._resume = read_resume_yaml(self.resume_path)
        return self._resume.model_copy(deep=True)

    def renders(self) -> list[Path]:
        """Rendered files in the folder (everything but the version's own data)."""
        return sorted(
            p
            for p in self.path.iterdir()
            if p.is_file() and not p.name.startswith(".") and not is_version_data(p)
        )


def number_of(label: str) -> int:
    found = VERSION_DIR.match(label)
    if not found:
        raise ValueError(label)
    return int(found[1])


def is_version_data(path: Path) -> bool:
    """True for a version's own data files, which nothing may write."""
    name = Path(path).name
    return name in (RESUME_FILE, META_FILE) or Path(name).stem == SOURCE_STEM


# -- reading ----------------------------------------------------------------------------


def version_dirs(resumes_dir: Path) -> list[tuple[int, Path]]:
    """Every ``vN`` folder by number, complete or not (temp folders are hidden)."""
    if not resumes_dir.is_dir():
        return []
    found = []
    for child in resumes_dir.iterdir():
        match = VERSION_DIR.match(child.name)
        if match and child.is_dir():
            found.append((int(match[1]), child))
    return sorted(found)


def list_versions(resumes_dir: Path, *, warn: Warn | None = None) -> list[Version]:
    """Every complete version, oldest first. A ``vN`` folder without meta.yaml (made by
    hand; resumetool never leaves one) is skipped with a warning."""
    versions = []
    for number, folder in version_dirs(resumes_dir):
        meta_path = folder / META_FILE
        if not meta_path.is_file() or not (folder / RESUME_FILE).is_file():
            if warn is not None:
                warn(
                    f"{folder}: not a resumetool version (no {META_FILE} or {RESUME_FILE}); "
                    "skipped — move it out of resumes/"
                )
            continue
        versions.append(Version(number, folder, read_meta(meta_path)))
    return versions


def read_meta(path: Path) -> VersionMeta:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValidationFailed(
            "expected the version's metadata as a mapping", path=path, hint=_TAMPERED_HINT
        )
    return validate(VersionMeta, data, path)


_TAMPERED_HINT = (
    "versions are written once by resumetool and never edited; restore the file (e.g. from"
    " git), or import a corrected copy as a new version"
)


def read_resume_yaml(path: Path) -> Resume:
    from .model import Resume

    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValidationFailed(
            "expected JSON Resume data (a mapping with basics, work…)",
            path=path,
            hint=_TAMPERED_HINT,
        )
    return validate(Resume, data, path)


def find_version(versions: Sequence[Version], ref: str | int) -> Version:
    """The version ``ref`` names: ``v3``, ``3`` or ``latest``; anything else, or a number
    that does not exist, is a usage error listing the versions there are."""
    text = str(ref).strip()
    if not versions:
        raise UsageError(
            "no versions yet" + ("" if text.lower() == "latest" else f", so there is no {text!r}"),
            hint="import a resume first: `resumetool import FILE`",
        )
    match = VERSION_REF.match(text)
    if match and match[1] is None:
        return versions[-1]
    if match:
        wanted = int(match[1])
        for version in versions:
            if version.number == wanted:
                return version
    listing = ", ".join(v.label for v in versions)
    raise UsageError(
        f"no version {text!r}; there are: {listing}",
        hint="see `resumetool versions`",
    )


def lineage(version: Version, by_number: dict[int, Version]) -> list[Version]:
    """The version, its parent, the parent's parent… (stops at a missing or looping one)."""
    chain = [version]
    seen = {version.number}
    while (parent := chain[-1].parent) is not None and parent in by_number:
        if parent in seen:
            break
        seen.add(parent)
        chain.append(by_number[parent])
    return chain


# -- writing ----------------------------------------------------------------------------


@contextlib.contextmanager
def version_lock(resumes_dir: Path, *, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[bool]:
    """Hold ``resumes/.lock`` exclusively; yields False where flock is not available."""
    try:
        import fcntl
    except ImportError:  # not POSIX: rename's refusal to replace a version is the guard
        yield False
        return
    path = resumes_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WorkspaceError(
                        f"another resumetool has been writing a version for {timeout:.0f} s",
                        path=path,
                        hint="wait for it to finish (or stop it), then run this again",
                    ) from None
                time.sleep(0.05)
            except OSError:  # a file system without locks (some network mounts)
                yield False
                return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _clean_stale(resumes_dir: Path, *, locked: bool) -> None:
    """Remove temp folders left by writers that died. Under the lock every temp folder is
    stale (a writer holds the lock for as long as its temp folder exists)."""
    now = time.time()
    for child in resumes_dir.glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            if locked or now - child.stat().st_mtime > STALE_TEMP_SECONDS:
                shutil.rmtree(child, ignore_errors=True)


def _ensure_gitignore(resumes_dir: Path) -> None:
    path = resumes_dir / ".gitignore"
    if not path.exists():
        with contextlib.suppress(OSError):
            atomic_write_text(path, GITIGNORE)


def write_version(
    resumes_dir: Path,
    resume: Resume,
    *,
    reason: str,
    parent: int | None = None,
    source: Path | None = None,
    edits: Sequence[Edit] = (),
    suggestions: Sequence[Edit] = (),
    notes: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> Version:
    """Store ``resume`` as the next version and return it.

    The folder appears complete under its final name or not at all; two writers at once
    get two numbers. ``source``: the imported file, copied in as ``source.<ext>``.
    """
    resumes_dir = Path(resumes_dir)
    sources: dict[str, bytes] = {}
    if source is not None:
        sources[f"{SOURCE_STEM}{_suffix(source)}"] = _read_source(source)
    meta_fields = {
        "parent": f"v{parent}" if parent is not None else None,
        "created": (now or dt.datetime.now().astimezone()).replace(microsecond=0),
        "source": source.name if source is not None else None,
        "reason": " ".join(reason.split()),
        "edits": list(edits),
        "suggestions": list(suggestions),
        "notes": list(notes),
        "tool": f"resumetool {__version__}",
    }
    try:
        version = _publish_version(
            resumes_dir, resume.to_json_resume(ids=True), meta_fields, sources
        )
    except OSError as exc:
        raise WorkspaceError(
            f"cannot write a new version: {exc.strerror or type(exc).__name__}",
            path=resumes_dir,
            hint="check that the folder exists and that you may write to it; nothing was written",
        ) from exc
    version._resume = resume.model_copy(deep=True)
    return version


def _publish_version(
    resumes_dir: Path,
    document: dict[str, Any],
    meta_fields: dict[str, Any],
    sources: dict[str, bytes],
) -> Version:
    """Number the version under the lock, fill a hidden temp folder, rename it to ``vN``."""
    resumes_dir.mkdir(parents=True, exist_ok=True)
    _ensure_gitignore(resumes_dir)
    pause_point("version:before-lock")
    with version_lock(resumes_dir) as locked:
        _clean_stale(resumes_dir, locked=locked)
        temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=resumes_dir))
        os.chmod(temp, FOLDER_MODE)
        try:
            number = max((n for n, _ in version_dirs(resumes_dir)), default=0) + 1
            for name, data in sources.items():
                _write_file(temp / name, data)
            while True:
                meta = VersionMeta(version=f"v{number}", **meta_fields)
                _write_data(temp, document, meta)
                target = resumes_dir / meta.version
                if _rename_into_place(temp, target):
                    break
                number += 1  # taken meanwhile (only possible without flock): the next one
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        fsync_dir(resumes_dir)
    return Version(number, target, meta)


def _write_data(folder: Path, document: dict[str, Any], meta: VersionMeta) -> None:
    """resume.yaml and meta.yaml of version ``meta.version``, each with its header."""
    label = meta.version
    resume_text = RESUME_HEADER.format(label=label) + dump_yaml(document)
    meta_text = META_HEADER.format(label=label) + dump_yaml(meta.to_document())
    _write_file(folder / RESUME_FILE, resume_text.encode())
    _write_file(folder / META_FILE, meta_text.encode())
    fsync_dir(folder)
    pause_point("version:files-written")


def _rename_into_place(temp: Path, target: Path) -> bool:
    """Rename ``temp`` to ``target``; False if a version by that name exists already."""
    if target.exists():
        return False
    try:
        os.rename(temp, target)
    except OSError:
        if not target.exists():
            raise
        return False
    pause_point("version:published")
    return True


def _write_file(path: Path, data: bytes) -> None:
    """Write, fsync and make read-only a new file in a version's temp folder (no temp file
    of its own needed: the whole folder is the unit that appears or not)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, 0o644)
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, READ_ONLY)


def _read_source(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", path=path, hint="check the path") from exc
    except OSError as exc:
        raise InputError(
            f"cannot read the file: {exc.strerror}", path=path, hint="check its permissions"
        ) from exc


def _suffix(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


# -- guarding outputs -------------------------------------------------------------------


def check_not_version_data(path: Path, resumes_dir: Path) -> None:
    """Refuse (UsageError) to write ``path`` if it is a version's resume.yaml, meta.yaml or
    source file: versions are immutable. Renders in a version folder are allowed."""
    target = Path(path).resolve()
    folder = target.parent
    if folder.parent != Path(resumes_dir).resolve() or not VERSION_DIR.match(folder.name):
        return
    if is_version_data(target):
        raise UsageError(
            f"this file is part of version {folder.name}, which never changes",
            path=path,
            hint="write to another file, or make a new version with `resumetool import`",
        )


# -- resolving "a resume" ----------------------------------------------------------------


def is_version_ref(text: str) -> bool:
    return bool(VERSION_REF.match(str(text).strip()))


def resolve_resume(ref_or_path: str | Path, workspace: Workspace | None) -> tuple[Resume, str]:
    """A Resume and its label from a version ref (``v3``, ``3``, ``latest``), a version
    folder (``resumes/v3``), or a resume file (anything the parser reads).

    Why a file wins over a ref: ``resumetool diff resume.pdf v2`` must read the file, and a
    file literally named ``v2`` is rarer than a user in a folder holding one.
    """
    text = str(ref_or_path)
    path = Path(text).expanduser()
    if path.is_file():
        return _load_file(path), text
    if path.is_dir() and (path / META_FILE).is_file() and VERSION_DIR.match(path.resolve().name):
        number = number_of(path.resolve().name)
        return read_resume_yaml(path / RESUME_FILE), f"v{number}"
    if is_version_ref(text):
        if workspace is None:
            raise WorkspaceError(
                f"{text!r} names a version, but there is no resumetool workspace here",
                hint="run this inside your workspace, pass --workspace DIR, or give a file",
            )
        version = workspace.version(text)
        return version.resume(), version.label
    if path.is_dir():
        raise InputError(
            "is a folder, not a resume file", path=path, hint="give the resume file in it"
        )
    raise InputError(
        "no such file" + (", and not a version (v1, v2, latest)" if workspace else ""),
        path=path,
        hint="check the path" + ("; `resumetool versions` lists the versions" if workspace else ""),
    )


def _load_file(path: Path, headings: dict[str, list[str]] | None = None) -> Resume:
    from .structure import load_resume

    return load_resume(path, extra_headings=headings)


def render_destination(
    source: str | None,
    output: Path | None,
    formats: Sequence[str],
    workspace: Workspace | None,
) -> tuple[Resume, Path, str]:
    """The resume ``source`` names (default: the latest version) and where its renders go:
    ``(resume, out, stem)`` as ``render.render_resume`` takes them.

    A version renders into its own folder as ``resume.<ext>``, a file beside itself under
    its own name; ``output`` (a folder, or a file for one format) moves them. Refused
    before anything is rendered: no source outside a workspace, a render that would
    overwrite its input file, and a version's own data files (versions never change).
    """
    if source is None:
        if workspace is None:
            raise UsageError("give the resume file to render", hint="resumetool render resume.yaml")
        source = "latest"
    resume, label = resolve_resume(source, workspace)
    path = Path(source).expanduser()
    if path.is_file():
        stem, out = path.stem, output if output is not None else path.parent
        own = path.suffix.lower().lstrip(".")
        if own in formats and _render_path(out, stem, own).resolve() == path.resolve():
            raise UsageError(
                f"rendering {own} would overwrite the input {shown(path)}",
                hint="pass -o with another file or folder",
            )
    else:
        if path.is_dir():  # a version's folder (resolve_resume checked)
            folder = path
        else:
            assert workspace is not None  # resolve_resume refuses a ref outside a workspace
            folder = workspace.version(label).path
        stem, out = RENDER_STEM, output if output is not None else folder
    if workspace is not None:
        for fmt in formats:
            check_not_version_data(_render_path(out, stem, fmt), workspace.resumes_dir)
    return resume, out, stem


def _render_path(out: Path, stem: str, fmt: str) -> Path:
    """The file a render to ``fmt`` writes (``out`` is a file name, or a folder)."""
    return out if out.suffix else out / f"{stem}.{fmt}"


# -- importing --------------------------------------------------------------------------


@dataclass
class Stored:
    """What an import did: ``version`` is the one written, or (``written`` False) the
    version already holding the same resume, when nothing was written."""

    version: Version
    written: bool


def identical_version(versions: Sequence[Version], resume: Resume) -> Version | None:
    """The newest of ``versions`` whose resume is the same as ``resume``, if any.

    Why ids are left out of the comparison: they are bookkeeping (they let a diff show a
    moved bullet as a move); what makes two versions the same is what a reader sees.
    A second version with the same content would only add noise to `resumetool versions`.
    """
    wanted = resume.to_json_resume(ids=False)
    for version in reversed(versions):
        if version.resume().to_json_resume(ids=False) == wanted:
            return version
    return None


def import_resume(workspace: Workspace, path: Path, *, force: bool = False) -> Stored:
    """Parse ``path`` and store it as the next version, the file kept as ``source.<ext>``
    — unless a version with the same resume exists (then nothing is written; ``force``
    writes it anyway).

    Everything is read and checked before anything is written: a file the parser cannot
    read, or one where it finds nothing of a resume, leaves the workspace as it was.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(
            "is a folder, not a resume file", path=path, hint="give the resume file in it"
        )
    resume = _load_file(path, workspace.settings().headings)
    if is_empty(resume):
        raise InputError(
            "found nothing of a resume in it (no name, headline, summary or entries)",
            path=path,
            hint="check that this is the right file; nothing was written",
        )
    same = None if force else identical_version(workspace.versions(), resume)
    if same is not None:
        return Stored(same, written=False)
    version = workspace.add_version(resume, reason=f"imported {path.name}", source=path)
    return Stored(version, written=True)


# -- describing -------------------------------------------------------------------------


def lineage_text(version: Version, by_number: dict[int, Version], *, limit: int = 4) -> str:
    """'v5 ← v4 ← v3 ← … ← v1': the version and its ancestors, the middle cut when long."""
    labels = [v.label for v in lineage(version, by_number)]
    if len(labels) > limit + 1:
        labels = [*labels[:limit], "…", labels[-1]]
    return " ← ".join(labels)


def summary_line(resume: Resume) -> str:
    """'Jordan Rivera — 3 roles, 9 bullets, 2 skill groups, 1 line unplaced'."""
    parts = []

    def count(n: int, one: str, many: str | None = None) -> None:
        if n:
            parts.append(f"{n} {one if n == 1 else (many or one + 's')}")

    count(len(resume.work), "role")
    bullets = sum(len(e.highlights) for e in (*resume.work, *resume.volunteer, *resume.projects))
    count(bullets, "bullet")
    count(len(resume.education), "education entry", "education entries")
    count(len(resume.projects), "project")
    count(len(resume.skills), "skill group")
    count(len(resume.certificates), "certificate")
    count(len(resume.meta.unparsed), "line unplaced", "lines unplaced")
    name = resume.basics.name or "(no name found)"
    return f"{name} — {', '.join(parts) if parts else 'nothing else found'}"


def is_empty(resume: Resume) -> bool:
    """Nothing a resume is made of was found (no name, summary, entries)."""
    basics = resume.basics
    return not (
        basics.name or basics.summary or basics.label or any(True for _ in resume.entries())
    )


def version_to_json(version: Version, by_number: dict[int, Version]) -> dict[str, Any]:
    meta = version.meta
    return {
        "version": version.label,
        "parent": meta.parent,
        "lineage": [v.label for v in lineage(version, by_number)],
        "created": meta.created.isoformat(),
        "source": meta.source,
        "reason": meta.reason,
        "edits": len(meta.edits),
        "suggestions": len(meta.suggestions),
        "path": str(version.path),
        "renders": [p.name for p in version.renders()],
    }


__all__ = [
    "Edit",
    "Stored",
    "Version",
    "VersionMeta",
    "check_not_version_data",
    "find_version",
    "identical_version",
    "import_resume",
    "is_version_ref",
    "lineage",
    "lineage_text",
    "list_versions",
    "render_destination",
    "resolve_resume",
    "summary_line",
    "write_version",
]
