"""The end-to-end demo: a complete example job search, built through the library.

Why: a new user should see the whole loop work on real files before giving it their own
— a Word resume imported, four interviews in which Scrum is asked three times while the
resume buries it in the last bullet of the current role, the analysis that says so, a
draft that moves it up, renders, a diff, the report and the interview plan. Every step
calls the same library functions as the commands do, so the demo is also a smoke test
of the installed package.

The example files ship inside the wheel as ``resumetool/examples`` (setup.py copies the
repository's ``examples/``); an editable install reads the checkout's ``examples/``.

Dates: the interviews keep their own dates (November 2026); the report is dated today
and the plan starts tomorrow — the demo is a snapshot of a search in progress.

The workspace is built in a hidden folder next to the target and renamed into place when
every step has worked, so a failure never leaves half a demo behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from .errors import InputError, UsageError, WorkspaceError
from .wording import count_noun

if TYPE_CHECKING:
    from .diff import BulletChange
    from .versions import Edit

Moves = tuple[Sequence["BulletChange"], Sequence["BulletChange"]]
"""(moved up, moved down), as ``ResumeDiff.moved_within_entries`` gives them."""

EXAMPLES_DIR_NAME = "examples"
EXAMPLE_FILES = ("resume.docx", "resume.pdf", "companies.yaml")
DEFAULT_FOLDER = "resumetool-demo"
MARKER = ".resumetool-demo"
"""A file in the demo folder: `--force` only ever deletes a folder that has it."""
CANDIDATE = ("Jordan Rivera", "jordan.rivera@example.com")
STEPS = (
    "workspace",
    "companies",
    "interviews",
    "import",
    "analyze",
    "draft",
    "render",
    "diff",
    "report",
    "plan",
)


class Step(BaseModel):
    """One step of the loop: what it did, in a line or two, and the files it wrote."""

    name: str
    summary: str
    details: list[str] = Field(default_factory=list)
    files: list[Path] = Field(default_factory=list)
    """Paths relative to the demo folder."""


class DemoResult(BaseModel):
    root: Path
    steps: list[Step]
    edits: list[str] = Field(default_factory=list)
    """The draft's edits from v1 to v2, one line each."""
    emphasis: list[str] = Field(default_factory=list)
    """Each skill whose emphasis changed from v1 to v2, one line each."""
    next_commands: list[str] = Field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [self.root / f for step in self.steps for f in step.files]


def examples_dir() -> Path:
    """The example files: inside the installed package, else the source checkout's."""
    package = Path(__file__).resolve().parent
    for candidate in (package / EXAMPLES_DIR_NAME, package.parent / EXAMPLES_DIR_NAME):
        if all((candidate / name).is_file() for name in EXAMPLE_FILES):
            return candidate
    raise WorkspaceError(
        "the example files are missing from this installation",
        path=package,
        hint="reinstall resumetool (`pip install --force-reinstall resumetool`)",
    )


def check_target(folder: Path, *, force: bool) -> None:
    """Refuse a non-empty folder, unless ``force`` and it is an earlier demo."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError("exists and is not a folder", path=folder, hint="pick another name")
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    if not force:
        raise UsageError(
            "the folder is not empty; nothing was changed",
            path=folder,
            hint="pick another folder, or pass --force to rebuild an earlier demo there",
        )
    if not (folder / MARKER).is_file():
        raise UsageError(
            "the folder is not empty and is not an earlier demo, so --force will not delete it",
            path=folder,
            hint="pick another folder",
        )


Progress = Callable[[Step], None]


def run_demo(
    folder: Path | str = DEFAULT_FOLDER,
    *,
    force: bool = False,
    today: dt.date | None = None,
    on_step: Progress | None = None,
) -> DemoResult:
    """Build the demo workspace in ``folder`` and run the whole loop; ``on_step`` is called
    after each step (for a progress display). Returns what was done and where."""
    check_target(Path(folder).expanduser(), force=force)
    target = Path(folder).expanduser().absolute()
    source = examples_dir()
    today = today or dt.date.today()
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=".resumetool-demo-", dir=target.parent))
    try:
        result = _build(build, source, today, on_step)
        _move_into_place(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return result.model_copy(update={"root": target})


def _move_into_place(build: Path, target: Path) -> None:
    if target.is_dir():
        if any(target.iterdir()):
            shutil.rmtree(target)  # check_target allowed it: an earlier demo, with --force
        else:
            target.rmdir()
    build.rename(target)


def _build(root: Path, source: Path, today: dt.date, on_step: Progress | None) -> DemoResult:
    steps: list[Step] = []

    def done(step: Step) -> None:
        steps.append(step)
        if on_step is not None:
            on_step(step)

    from .workspace import Workspace, init_workspace

    # A demo is its own example workspace, even when run inside the user's (force).
    init_workspace(root, name=CANDIDATE[0], email=CANDIDATE[1], force=True)
    (root / MARKER).write_text(
        "Made by `resumetool demo`. `resumetool demo --force` may delete and rebuild this"
        " folder; delete this file to keep it safe from that.\n",
        encoding="utf-8",
    )
    ws = Workspace(root)
    done(
        Step(
            name="workspace",
            summary=f"a workspace for {CANDIDATE[0]}",
            files=[Path("resumetool.toml")],
        )
    )
    done(_companies(ws, source))
    done(_interviews(ws, source))
    done(_import(ws, source))
    done(_analyze(ws))
    drafted, changes = _draft(ws)
    done(drafted)
    done(_render(ws))
    diff_step, diff_changes = _diff(ws)
    done(diff_step)
    done(_report(ws, today))
    done(_plan(ws, today))
    latest = ws.interviews()[-1].id or "latest"
    return DemoResult(
        root=root,
        steps=steps,
        edits=changes,
        emphasis=diff_changes,
        next_commands=[
            "resumetool interview list",
            "resumetool analyze v2",
            "resumetool practice",
            f"resumetool feedback-request {latest}",
            "resumetool versions",
        ],
    )


def _companies(ws, source: Path) -> Step:
    from .files import read_yaml, validate
    from .interview import CompanyList

    path = source / "companies.yaml"
    companies = validate(CompanyList, read_yaml(path), path)
    ws.save_companies(companies)
    listed = companies.companies
    open_ = [c for c in listed if c.status not in ("done", "closed")]
    return Step(
        name="companies",
        summary=f"{len(listed)} companies ranked by interest 1–5, {len(open_)} still open",
        files=[Path("companies.yaml")],
    )


def _interviews(ws, source: Path) -> Step:
    from .workspace import slugify

    folder = source / "interviews"
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise InputError("no example interviews", path=folder, hint="reinstall resumetool")
    written = []
    for path in paths:
        interview = ws.load_interview_file(path)
        written.append(ws.add_interview(interview).relative_to(ws.root))
    interviews = ws.interviews()
    asked: dict[str, int] = {}
    for iv in interviews:
        for term in dict.fromkeys(slugify(t) for t in iv.asked):
            asked[term] = asked.get(term, 0) + 1
    top = max(asked.items(), key=lambda kv: kv[1]) if asked else None
    first = next((t for iv in interviews for t in iv.asked if top and slugify(t) == top[0]), None)
    most = f"; {first} asked in {top[1]} of them" if first and top else ""
    return Step(
        name="interviews",
        summary=f"{count_noun(len(interviews), 'interview')} logged{most}",
        files=written,
    )


def _import(ws, source: Path) -> Step:
    from .structure import load_resume
    from .versions import import_resume, summary_line

    version = import_resume(ws, source / "resume.docx").version
    resume = version.resume()
    pdf = load_resume(source / "resume.pdf")
    same = pdf.to_json_resume(ids=False) == resume.to_json_resume(ids=False)
    check = (
        "parse check: resume.pdf (saved from Word by LibreOffice) reads back identical"
        if same
        else f"parse check: resume.pdf reads back as {summary_line(pdf)}, not identical"
    )
    files = [p.relative_to(ws.root) for p in sorted(version.path.iterdir()) if p.is_file()]
    return Step(
        name="import",
        summary=f"resume.docx → {version.label}: {summary_line(resume)}",
        details=[check],
        files=files,
    )


def _analyze(ws) -> Step:
    from .current import load_current

    current = load_current(ws)
    rows = current.analysis.skills
    top = rows[0] if rows else None
    details = []
    scrum = next((r for r in rows if r.verdict == "buried"), None)
    for row in (top, scrum):
        if row is not None:
            line = (
                f"{row.skill}: {row.verdict} (demand {row.demand.score:.2f},"
                f" emphasis {row.emphasis.score:.2f}, priority {row.priority:.2f})"
            )
            if line not in details:
                details.append(line)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
    return Step(
        name="analyze",
        summary=f"{current.label}: {count_noun(len(rows), 'skill')} asked about — {summary}",
        details=details,
    )


def _draft(ws) -> tuple[Step, list[str]]:
    from .diff import diff_resumes
    from .draft import describe, prepare, save
    from .versions import META_FILE, RESUME_FILE

    parent, drafted = prepare(ws)
    if not drafted.changed:
        raise WorkspaceError(
            "the draft made no edits, so the demo has nothing to show",
            hint="the example data may have been changed; reinstall resumetool",
        )
    version = save(ws, parent, drafted, force=True).version  # a new workspace: nothing to match
    changes = [describe(edit, drafted.resume) for edit in drafted.edits]
    moves = diff_resumes(parent.resume(), version.resume()).moved_within_entries()
    folder = version.path.relative_to(ws.root)
    return (
        Step(
            name="draft",
            summary=f"{version.label} from {parent.label}: {_draft_words(drafted.edits, moves)}",
            details=[f"not added: {note.split(':')[0]} (no evidence)" for note in drafted.notes],
            files=[folder / RESUME_FILE, folder / META_FILE],
        ),
        changes,
    )


COUNTED_EDITS = {
    "reorder-keywords": ("skills line", "reordered"),
    "name-skill": ("line", "rewritten to name its skill"),
}
"""Edits told as a count: (noun, what happened to them)."""
SINGLE_EDITS = {
    "reorder-skill-groups": "the skill groups reordered",
    "focus-line": "a focus line added to the summary",
}
"""Edits a draft makes at most once."""
FOCUS_UPDATED = "the summary's focus line updated"


def _moves_words(moves: Moves) -> list[str]:
    """'2 bullets moved up' (and down): counted from the diff, as ``diff`` counts them."""
    up, down = moves
    words = [f"{count_noun(len(up), 'bullet')} moved up"] if up else []
    return words + ([f"{count_noun(len(down), 'bullet')} moved down"] if down else [])


def _draft_words(edits: Sequence[Edit], moves: Moves) -> str:
    """The draft's edits in one phrase, in the order they were made; its moves as the diff
    of the two versions counts them (``ResumeDiff.moved_within_entries``)."""
    parts: list[str] = []
    for kind in dict.fromkeys(edit.kind for edit in edits):
        of_kind = [edit for edit in edits if edit.kind == kind]
        if kind == "move":
            parts += _moves_words(moves)
        elif kind == "focus-line" and of_kind[0].before:
            parts.append(FOCUS_UPDATED)
        elif kind in SINGLE_EDITS:
            parts.append(SINGLE_EDITS[kind])
        else:
            noun, verb = COUNTED_EDITS.get(kind, (f"{kind} edit", "made"))
            parts.append(f"{count_noun(len(of_kind), noun)} {verb}")
    return ", ".join(parts)


def _render(ws) -> Step:
    from .render import render_resume
    from .versions import RENDER_STEM

    version = ws.latest_version()
    paths = render_resume(
        version.resume(),
        ws.settings().template,
        ("pdf", "docx"),
        version.path,
        stem=RENDER_STEM,
        extra_template_dirs=[ws.templates_dir],
    )
    return Step(
        name="render",
        summary=f"{version.label} as PDF and Word ({ws.settings().template} template)",
        files=[p.relative_to(ws.root) for p in paths],
    )


def _diff(ws) -> tuple[Step, list[str]]:
    from .diff import run, to_markdown
    from .files import atomic_write_text

    result = run("v1", "v2", workspace=ws.root)
    path = ws.root / "reports" / "diff-v1-v2.md"
    path.parent.mkdir(exist_ok=True)
    atomic_write_text(path, to_markdown(result))
    shifts = [s for s in result.emphasis if s.changed]
    lines = [
        f"{s.skill}: emphasis {s.before:.2f} → {s.after:.2f}"
        + (
            f" ({s.verdict_before} → {s.verdict_after})"
            if s.verdict_before != s.verdict_after
            else ""
        )
        for s in shifts
    ]
    visible = [s for s in shifts if s.after > s.before]
    parts = [*_moves_words(result.moved_within_entries())]
    parts.append(f"{count_noun(len(visible), 'skill')} more visible")
    return (
        Step(
            name="diff",
            summary=f"v1 → v2: {', '.join(parts)}",
            files=[path.relative_to(ws.root)],
        ),
        lines,
    )


def _report(ws, today: dt.date) -> Step:
    from .report import build_report, default_path, render_html, write_report

    report = build_report(ws, "latest", today=today)
    path = write_report(render_html(report), default_path(ws, report, "html"))
    iv = report.interview
    return Step(
        name="report",
        summary=f"after the {iv.company} interview ({iv.date.isoformat()}), on {report.resume}",
        details=[
            f"recurring cons: {', '.join(c.title for c in report.recurring_cons) or 'none'}",
        ],
        files=[path.relative_to(ws.root)],
    )


def _plan(ws, today: dt.date) -> Step:
    from .plan import day_distance, describe_day, plan_interviews, write_ics

    plan = plan_interviews(ws.companies(), today=today)
    path = write_ics(plan, ws.root / "plan.ics")
    practice = [s for s in plan.slots if s.group == "practice"]
    targets = [s for s in plan.slots if s.group == "target"]
    days = [describe_day(s.date) for s in plan.slots]
    width = max(map(len, days), default=0)
    details = [
        f"{day:<{width}}  {s.company} ({s.kind}, interest {s.interest})"
        for day, s in zip(days, plan.slots, strict=True)
    ]
    summary = (
        f"{count_noun(len(practice), 'practice interview')} first, then {len(targets)} that matter"
    )
    if targets:
        span = day_distance(targets[0].date, targets[-1].date, plan.weekends)
        summary += f" within {count_noun(span, 'business day')}"
    with contextlib.suppress(IndexError):
        summary += f", from {describe_day(plan.slots[0].date)}"
    return Step(name="plan", summary=summary, details=details, files=[path.relative_to(ws.root)])
