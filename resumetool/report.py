"""The after-interview report: one page that says where things stand and what to do next.

Why: after an interview the method is always the same — reflect (three pros, three cons),
ask for feedback, see what was asked and how the resume answers it, notice what keeps
coming back across interviews, revise the resume, plan the next interviews. The report
puts those seven steps on one page, in that order, each with the exact command that
does the next thing. Its numbers are the analyzer's own (``current.load_current`` calls
``analyze_many`` with the same demand as ``resumetool analyze``), so the report and
``analyze --format json`` never disagree.

``build_report`` reads the workspace and returns a ``Report`` (a pydantic model);
``render_markdown`` and ``render_html`` turn it into text through the Jinja templates in
``report_templates/`` (the HTML is one self-contained file: inline CSS and SVG, no
script, nothing fetched); ``write_report`` writes atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from . import report_rules as R
from .analyze import Analysis  # a field type of Report: pydantic needs it at runtime
from .current import load_current, place_label
from .dates import long_date, short_date
from .errors import RenderError, ResumetoolError, UsageError
from .interview import MAX_REFLECTIONS
from .plan import Plan, plan_interviews
from .practice import ConItem, drill_for, prepare_instead, recurring_cons, workspace_bank
from .templating import md_escape, md_keep_code
from .wording import count_noun, shell_word, shorten

if TYPE_CHECKING:
    from jinja2 import Environment

    from .analyze import SkillReport
    from .current import Current
    from .interview import Interview
    from .practice import Bank
    from .workspace import Workspace

TEMPLATES_DIR = Path(__file__).resolve().parent / "report_templates"
FORMATS = ("md", "html", "json")


# -- the report's data ----------------------------------------------------------------------


class InterviewFacts(BaseModel):
    id: str
    company: str
    role: str | None
    date: dt.date
    interest: int | None
    stage: str
    outcome: str
    interviewer: str | None
    asked: list[str]
    questions: list[str]
    notes: str | None


class Reflection(BaseModel):
    pros: list[str]
    cons: list[str]
    missing: list[str] = Field(description="'pros' and/or 'cons' when fewer than three")
    command: str


class Feedback(BaseModel):
    text: str | None
    command: str
    pending: bool = Field(description="the outcome is still pending")


class CitedLine(BaseModel):
    where: str
    text: str
    matched: str
    kind: str = Field(description="names: the line names the skill; shows: evidence of it")
    parts: list[tuple[str, bool]] = Field(
        default_factory=list,
        description="the line (cut around the match when long), the matched words marked True",
    )

    @property
    def excerpt(self) -> str:
        return "".join(text for text, _ in self.parts) or self.text


class Coverage(BaseModel):
    asked_as: str
    skill: str
    verdict: str | None
    demand: float
    emphasis: float
    priority: float
    suggestion: str
    lines: list[CitedLine]
    more_lines: int = 0
    before_verdict: str | None = None
    before_emphasis: float | None = None


class RepeatedSkill(BaseModel):
    skill: str
    interviews: list[str]
    demand: float
    verdict: str | None
    asked_here: bool


class RecurringCon(BaseModel):
    title: str
    theme: str | None
    items: list[ConItem]
    interviews: list[str]
    drill: str


class NextEdit(BaseModel):
    skill: str
    verdict: str
    priority: float
    demand: float
    emphasis: float
    suggestion: str
    lines: list[CitedLine]
    causes: list[str]


class Prepare(BaseModel):
    skill: str
    demand: float
    causes: list[str]
    advice: list[str]


class DraftPreview(BaseModel):
    command: str
    edits: list[str] = Field(default_factory=list)
    more: int = 0
    headline: str | None = None
    notes: list[str] = Field(default_factory=list)
    available: bool = True
    """False when the current resume is a file, not a version (import it first)."""
    applied: list[str] = Field(default_factory=list)
    """The edits that made the current version (a draft) from its parent, in words."""
    applied_from: str | None = None
    same_as: str | None = None
    """A version that already holds exactly this draft (then `draft` would write nothing)."""


class ChartRow(BaseModel):
    skill: str
    demand: float
    emphasis: float
    before: float | None
    verdict: str | None


class Report(BaseModel):
    generated: dt.date
    candidate: str | None
    interview: InterviewFacts
    reflection: Reflection
    feedback: Feedback
    resume: str | None
    parent: str | None
    coverage: list[Coverage]
    interviews_total: int
    repeated: list[RepeatedSkill]
    elsewhere: list[RepeatedSkill] = Field(
        default_factory=list,
        description="skills only one other interview brought up: neither asked here nor repeated",
    )
    recurring_cons: list[RecurringCon]
    next_edits: list[NextEdit]
    prepare: list[Prepare]
    draft: DraftPreview
    plan: Plan | None
    plan_notes: list[str] = Field(default_factory=list)
    chart: list[ChartRow] = Field(description="this interview's asked skills, most demanded first")
    analysis: Analysis
    notes: list[str] = Field(default_factory=list)


# -- building it ----------------------------------------------------------------------------


def _command(*words: str) -> str:
    return " ".join(["resumetool", *(shell_word(w) for w in words)])


def build_report(
    workspace: Workspace,
    interview: str = "latest",
    *,
    resume_ref: str | None = None,
    today: dt.date | None = None,
) -> Report:
    """Everything the report shows for ``interview`` (an id, a unique part of one, or
    ``latest``), with the current resume (the latest version, or ``resume_ref``).

    No interviews is a usage error saying how to log one; no resume yet is not: the
    report then says how to import one and shows what does not need it.
    """
    if not workspace.interview_paths():
        raise UsageError(
            "no interviews logged yet, so there is nothing to report on",
            hint="log one with `resumetool interview add` (then `resumetool report`)",
        )
    today = today or dt.date.today()
    chosen = workspace.interview(interview)
    current = load_current(workspace, resume_ref=resume_ref, with_parent=True)
    return make_report(current, chosen, today=today)


def make_report(current: Current, interview: Interview, *, today: dt.date) -> Report:
    """The report from what ``load_current`` read (it also reads the company list, the
    settings and a question bank of the user's own, if any)."""
    ref = interview.id or "latest"
    notes = []
    if current.resume is None:
        notes.append(
            "No resume imported yet, so the report cannot say how your resume covers what"
            " was asked: import it with `resumetool import FILE` and run the report again."
        )
    bank = workspace_bank(current.workspace)
    groups = recurring_cons(current.interviews, bank)
    plan, plan_notes = _plan(current, today)
    return Report(
        generated=today,
        candidate=current.workspace.settings().name,
        interview=_facts(interview),
        reflection=_reflection(interview, ref),
        feedback=Feedback(
            text=interview.feedback or None,
            command=_command("feedback-request", ref),
            pending=interview.outcome == "pending",
        ),
        resume=current.label,
        parent=current.parent_label,
        coverage=[_coverage(term, current) for term in _unique(interview.asked)],
        interviews_total=len(current.interviews),
        repeated=_repeated(current, interview),
        elsewhere=_elsewhere(current, interview),
        recurring_cons=[
            RecurringCon(
                title=g.title,
                theme=g.theme,
                items=g.items,
                interviews=g.interviews,
                drill=drill_for(g, bank),
            )
            for g in groups
        ],
        next_edits=_next_edits(current),
        prepare=_prepare(current, bank),
        draft=_draft_preview(current),
        plan=plan,
        plan_notes=plan_notes,
        chart=_chart(current, interview),
        analysis=current.analysis,
        notes=notes,
    )


def _unique(terms: list[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(t.split()) for t in terms if t.strip()))


def _facts(interview: Interview) -> InterviewFacts:
    return InterviewFacts(
        id=interview.id or "",
        company=interview.company,
        role=interview.role,
        date=interview.date,
        interest=interview.interest,
        stage=interview.stage,
        outcome=interview.outcome,
        interviewer=interview.interviewer,
        asked=interview.asked,
        questions=interview.questions,
        notes=interview.notes,
    )


def _reflection(interview: Interview, ref: str) -> Reflection:
    missing = [
        name
        for name, items in (("pros", interview.pros), ("cons", interview.cons))
        if len(items) < MAX_REFLECTIONS
    ]
    return Reflection(
        pros=interview.pros,
        cons=interview.cons,
        missing=missing,
        command=_command("interview", "edit", ref),
    )


def _cited(current: Current, row: SkillReport, limit: int) -> tuple[list[CitedLine], int]:
    lines: list[CitedLine] = []
    seen: set[tuple[str, str]] = set()
    places = [(m, m.matched, "names") for m in row.emphasis.mentions]
    places += [(e, e.via, "shows") for e in row.evidence]
    for place, matched, kind in places:
        where = place_label(current.resume, place)
        if (where, place.text) in seen:
            continue
        seen.add((where, place.text))
        lines.append(
            CitedLine(
                where=where,
                text=place.text,
                matched=matched,
                kind=kind,
                parts=excerpt_parts(place.text, matched),
            )
        )
    return lines[:limit], max(0, len(lines) - limit)


def excerpt_parts(text: str, matched: str, limit: int = R.EXCERPT_CHARS) -> list[tuple[str, bool]]:
    """``text`` split around the first place ``matched`` occurs (any case), cut to about
    ``limit`` characters around it with '…' when the line is long (a whole summary would
    drown the one word that matters)."""
    text = " ".join(text.split())
    found = (
        re.search(re.escape(" ".join(matched.split())), text, re.IGNORECASE) if matched else None
    )
    if found is None:
        return [(shorten(text, limit), False)]
    start, end = found.span()
    if len(text) > limit:
        room = max(0, limit - (end - start))
        left = max(0, start - room // 2)
        right = min(len(text), end + (room - (start - left)))
        left = max(0, min(left, right - limit))
        # Cut between words, never inside one ("…t, calm risk management"): the ends move
        # inwards to the nearest space, keeping the match whole.
        if left > 0 and not text[left - 1].isspace():
            space = text.find(" ", left, start)
            left = space + 1 if space != -1 else left
        if right < len(text) and not text[right].isspace():
            space = text.rfind(" ", end, right)
            right = space if space != -1 else right
        head = ("…" if left > 0 else "") + text[left:start].lstrip()
        tail = text[end:right].rstrip() + ("…" if right < len(text) else "")
    else:
        head, tail = text[:start], text[end:]
    return [
        (part, mark)
        for part, mark in ((head, False), (text[start:end], True), (tail, False))
        if part
    ]


def _coverage(term: str, current: Current) -> Coverage:
    row = current.row(term)
    if row is None:  # every asked term is analysed; kept safe for hand-edited files
        skill = current.taxonomy.resolve(term).name
        return Coverage(
            asked_as=term,
            skill=skill,
            verdict=None,
            demand=0.0,
            emphasis=0.0,
            priority=0.0,
            suggestion="",
            lines=[],
        )
    lines, more = _cited(current, row, R.LINES_PER_SKILL) if current.resume else ([], 0)
    before = current.parent_row(term)
    return Coverage(
        asked_as=term,
        skill=row.skill,
        verdict=row.verdict if current.resume is not None else None,
        demand=row.demand.score,
        emphasis=row.emphasis.score,
        priority=row.priority,
        suggestion=row.suggestion if current.resume is not None else "",
        lines=lines,
        more_lines=more,
        before_verdict=before.verdict if before else None,
        before_emphasis=before.emphasis.score if before else None,
    )


def _asked_keys(current: Current, interview: Interview) -> set[str]:
    """The taxonomy keys of what this interview asked (so "scrum" and "Scrum" are one)."""
    return {current.taxonomy.resolve(term).key for term in interview.asked}


def _repeated_skill(current: Current, row: SkillReport, *, asked_here: bool) -> RepeatedSkill:
    """One analysis row as a patterns-section line (no verdict without a resume)."""
    return RepeatedSkill(
        skill=row.skill,
        interviews=row.demand.interviews,
        demand=row.demand.score,
        verdict=row.verdict if current.resume is not None else None,
        asked_here=asked_here,
    )


def _repeated(current: Current, interview: Interview) -> list[RepeatedSkill]:
    """The skills several interviews asked about, the most often asked first."""
    here = _asked_keys(current, interview)
    rows = [
        r for r in current.analysis.skills if len(r.demand.interviews) >= R.REPEATED_MIN_INTERVIEWS
    ]
    rows.sort(key=lambda r: (-len(r.demand.interviews), -r.demand.score))
    return [
        _repeated_skill(current, r, asked_here=current.taxonomy.resolve(r.skill).key in here)
        for r in rows
    ]


def _next_edits(current: Current) -> list[NextEdit]:
    if current.resume is None:
        return []
    edits = []
    for row in current.analysis.skills:  # already highest priority first
        if row.verdict not in R.EDIT_VERDICTS:
            continue
        lines, _ = _cited(current, row, R.LINES_PER_SKILL)
        edits.append(
            NextEdit(
                skill=row.skill,
                verdict=row.verdict,
                priority=row.priority,
                demand=row.demand.score,
                emphasis=row.emphasis.score,
                suggestion=row.suggestion,
                lines=lines,
                causes=row.demand.interviews,
            )
        )
    return edits


def _prepare(current: Current, bank: Bank) -> list[Prepare]:
    if current.resume is None:
        return []
    return [
        Prepare(
            skill=row.skill,
            demand=row.demand.score,
            causes=row.demand.interviews,
            advice=prepare_instead(
                row.skill, current.taxonomy.resolve(row.skill), current.resume, bank
            ),
        )
        for row in current.analysis.skills
        if row.verdict == "absent"
    ]


def _draft_preview(current: Current) -> DraftPreview:
    """What `resumetool draft` would do from the current version, computed by the draft
    module itself (nothing is written)."""
    version = current.version
    if current.resume is None:
        return DraftPreview(command=_command("import", "FILE"), available=False)
    if version is None:
        label = current.label or "FILE"
        return DraftPreview(
            command=f"{_command('import', label)} && resumetool draft", available=False
        )
    latest = current.workspace.latest_version()
    is_latest = latest is not None and latest.number == version.number
    command = _command("draft") if is_latest else _command("draft", "--from", version.label)
    from .draft import describe, draft_resume

    draft = draft_resume(
        current.resume,
        current.analysis,
        taxonomy=current.taxonomy,
        parent_label=version.label,
    )
    described = [describe(edit, draft.resume) for edit in draft.edits]
    applied = [describe(edit, current.resume) for edit in version.meta.edits]
    from .versions import identical_version

    same = identical_version(current.workspace.versions(), draft.resume) if draft.changed else None
    return DraftPreview(
        same_as=same.label if same is not None else None,
        command=command,
        edits=described[: R.DRAFT_PREVIEW_MAX],
        more=max(0, len(described) - R.DRAFT_PREVIEW_MAX),
        headline=draft.headline() if draft.changed else None,
        notes=list(draft.notes),
        applied=applied[: R.DRAFT_PREVIEW_MAX],
        applied_from=version.meta.parent if applied else None,
    )


def _plan(current: Current, today: dt.date) -> tuple[Plan | None, list[str]]:
    companies = current.workspace.companies()
    if not companies.companies:
        return None, [
            "No companies on your list yet: add the ones you are talking to with"
            " `resumetool company add NAME --interest N` (1 = practice … 5 = dream job)."
        ]
    try:
        plan = plan_interviews(companies, today=today, interviews=current.interviews)
    except ResumetoolError as exc:
        return None, [exc.one_line()]
    return plan, list(plan.notes)


def _elsewhere(current: Current, interview: Interview) -> list[RepeatedSkill]:
    """The skills the other interviews brought up once each and this one did not: listed
    in the patterns section, so that no demanded skill goes unmentioned (the coverage
    section and its chart are about this interview's questions only)."""
    here = _asked_keys(current, interview)
    rows = [
        r
        for r in current.analysis.skills
        if len(r.demand.interviews) < R.REPEATED_MIN_INTERVIEWS
        and current.taxonomy.resolve(r.skill).key not in here
    ]
    rows.sort(key=lambda r: (-r.demand.score, r.skill.casefold()))
    return [_repeated_skill(current, r, asked_here=False) for r in rows]


def _chart(current: Current, interview: Interview) -> list[ChartRow]:
    """Demand against emphasis for the skills this interview asked about.

    Why not every skill: the section is "what was asked, and how the resume covers it",
    read right after this interview; the other interviews' skills are in section 5.
    """
    found = [row for term in _unique(interview.asked) if (row := current.row(term)) is not None]
    unique = {row.skill: row for row in found}.values()
    rows = sorted(unique, key=lambda r: (-r.demand.score, r.skill.casefold()))
    has_resume = current.resume is not None
    return [
        ChartRow(
            skill=r.skill,
            demand=r.demand.score,
            emphasis=r.emphasis.score if has_resume else 0.0,
            before=(b.emphasis.score if (b := current.parent_row(r.skill)) else None),
            verdict=r.verdict if has_resume else None,
        )
        for r in rows
    ]


# -- rendering ------------------------------------------------------------------------------


def code_spans(text: Any) -> Any:
    """HTML for a note: escaped, with each `command` span set as code."""
    from markupsafe import Markup, escape

    parts = re.split(r"(`[^`]+`)", str(text))
    html = "".join(
        f'<code class="cmd">{escape(p[1:-1])}</code>'
        if p.startswith("`") and p.endswith("`") and len(p) > 1
        else str(escape(p))
        for p in parts
    )
    return Markup(html)


def percent(value: float) -> str:
    """A score as a width for the chart, clamped to [0, 100] and rounded to 0.1."""
    return f"{max(0.0, min(1.0, float(value))) * 100:.1f}"


def _configure(env: Environment) -> None:
    """HTML escaped by Jinja, Markdown by the ``md`` filters; the report's own filters."""
    env.autoescape = lambda name: bool(name) and name.endswith(".html.j2")
    env.filters.update(
        long_date=long_date,
        short_date=short_date,
        md=md_escape,
        md_keep_code=md_keep_code,
        code_spans=code_spans,
        pct=percent,
        score=_score,
        count=count_noun,
    )


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _render(report: Report, name: str) -> str:
    from jinja2 import TemplateError

    from .templating import environment, error_location

    try:
        template = environment([TEMPLATES_DIR], _configure).get_template(name)
        return template.render(report=report)
    except TemplateError as exc:  # a bug in a shipped template: say which
        raise RenderError(
            f"report template error: {exc}",
            path=error_location(exc, TEMPLATES_DIR / name),
            hint="please report it; `resumetool report --format json` still works",
        ) from exc


def render_markdown(report: Report) -> str:
    text = _render(report, "report.md.j2")
    return re.sub(r"\n{3,}", "\n\n", text)


def render_html(report: Report) -> str:
    return _render(report, "report.html.j2")


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


def render(report: Report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    return {"md": render_markdown, "html": render_html, "json": render_json}[fmt](report)


FORMAT_BY_SUFFIX = {".html": "html", ".htm": "html", ".json": "json"}
"""The format a report file gets from its extension when none is asked (others: md)."""


def format_for(output: Path | None) -> str:
    """The format to write when none was asked: from ``output``'s extension, else Markdown
    (also what is printed when there is no file), so `-o notes.html` needs no --format."""
    suffix = output.suffix.lower() if output is not None else ""
    return FORMAT_BY_SUFFIX.get(suffix, "md")


def default_path(workspace: Workspace, report: Report, fmt: str) -> Path:
    """reports/<interview id>.<fmt> in the workspace."""
    return workspace.root / R.REPORTS_DIR / f"{report.interview.id or 'report'}.{fmt}"


def write_report(text: str, path: Path) -> Path:
    """Write the report atomically; an unwritable place is one ``RenderError``."""
    from .files import write_output

    return write_output(path, text, "the report")
