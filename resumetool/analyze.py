"""The emphasis analyzer: what interviewers ask about vs. what the resume puts first.

Why: after an interview (and especially a rejection) the question is which skills the
interviewers kept probing that the resume hides, only hints at, or lacks. For each skill
this module finds every place the resume names it (a mention) or implies it (evidence),
scores how prominent those places are (emphasis) and how much the interviews wanted it
(demand), and turns that into a verdict, a priority and one concrete suggestion.

Everything here is a pure function of its inputs (Resume, interviews, taxonomy) except
``run``, the edge the CLI calls, which reads the files. The numbers live in
``weights.py``; the matching rules in ``skills.py`` and ``taxonomy/README.md``.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from . import weights as W
from .errors import UsageError, WorkspaceError
from .wording import shorten

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .interview import Interview
    from .model import Resume
    from .skills import Hit, SkillDef, SkillMatcher, Taxonomy
    from .workspace import Workspace

Verdict = Literal["emphasized", "buried", "implied", "absent"]
VERDICT_ORDER: dict[str, int] = {"implied": 0, "buried": 1, "absent": 2, "emphasized": 3}
"""Tie-break among equal priorities: the cheapest fix first (naming what is already there)."""


# -- output models (the DESIGN.md contract) -------------------------------------------


class Place(BaseModel):
    """Where in the resume: ``section`` and ``entry`` index as in JSON Resume (``entry`` is
    None for basics and meta), ``highlight`` the index within a list field (bullets,
    courses) or None, ``field`` the JSON Resume field, ``text`` the whole line."""

    section: str
    entry: int | None = None
    highlight: int | None = None
    field: str
    text: str


class Spotted(Place):
    """A place where the analyzer found words of the skill."""

    start: int = Field(exclude=True)
    end: int = Field(exclude=True)
    """Where the words stand in ``text`` (``text[start:end]``), for code that edits or quotes
    the line (``draft``). In-process only: not part of the JSON contract."""


class Mention(Spotted):
    matched: str
    """The words as the resume writes them (an alias, an inflection: 'k8s', 'APIs')."""


class Evidence(Spotted):
    via: str
    """The taxonomy's evidence phrase that matched ('sprint planning')."""


class Demand(BaseModel):
    score: float
    interviews: list[str]


class Emphasis(BaseModel):
    score: float
    mentions: list[Mention]


class SkillReport(BaseModel):
    skill: str
    demand: Demand
    emphasis: Emphasis
    evidence: list[Evidence]
    verdict: Verdict
    priority: float
    suggestion: str


class Analysis(BaseModel):
    resume: str
    skills: list[SkillReport]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


# -- the resume as weighted lines -----------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One readable line of the resume with the weight of its place."""

    section: str
    entry: int | None
    highlight: int | None
    field: str
    text: str
    weight: float
    title: str | None = None
    """The heading of the entry the line belongs to (a role's position); context words
    there count for the line."""
    entry_name: str | None = None
    """What a reader calls the entry ('Program Manager, Acme'), for suggestions."""

    @property
    def is_list(self) -> bool:
        return self.section in W.LIST_SECTIONS

    def place(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "entry": self.entry,
            "highlight": self.highlight,
            "field": self.field,
            "text": self.text,
        }


def _day(value: str | None) -> dt.date | None:
    """A JSON Resume date prefix as a day (a bare year counts as its middle)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 15 if len(parts) > 1 else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 1)


def role_factors(entries: Sequence[Any], today: dt.date) -> list[float]:
    """How much each role's lines weigh for its place in time (see weights.py).

    The most recent role (no end date, or the latest one) keeps full weight; every other
    role starts lower and fades with the years since it ended. A role without any date
    counts as ending just before the role listed above it (resumes run newest first).
    """
    ends: list[dt.date] = []
    previous = today + dt.timedelta(days=1)
    for entry in entries:
        end = _day(getattr(entry, "endDate", None))
        if end is None:
            start = _day(getattr(entry, "startDate", None))
            # Undated: just older than the role above it (a resume runs newest first).
            end = today if start is not None else previous - dt.timedelta(days=1)
        ends.append(end)
        previous = end
    if not ends:
        return []
    latest = max(ends)
    factors = []
    for end in ends:
        if end >= latest:
            factors.append(W.MOST_RECENT_ROLE)
            continue
        years = (latest - end).days / 365.25
        fade = 0.5 ** (years / W.ROLE_AGE_HALF_LIFE_YEARS)
        factors.append(W.ROLE_FLOOR + (W.OLDER_ROLE - W.ROLE_FLOOR) * fade)
    return factors


READ_FIELDS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "work": ("position", ("position", "summary", "description", "highlights")),
    "volunteer": ("position", ("position", "summary", "highlights")),
    "projects": ("name", ("name", "description", "highlights", "keywords", "roles")),
    "education": ("area", ("area", "studyType", "courses")),
    "certificates": ("name", ("name",)),
    "awards": ("title", ("title", "summary")),
    "publications": ("name", ("name", "summary")),
    "skills": ("name", ("name", "keywords")),
    "languages": (None, ("language",)),
    "interests": ("name", ("name", "keywords")),
}
"""Per list section: the field that heads an entry, and the fields read, in reading order.
A field's weight comes from ``weights.PLACE_WEIGHTS``; list fields are either lines of
their own (bullets, courses) or one line joined by commas (keywords, roles)."""

LINE_PER_ITEM = frozenset({"highlights", "courses"})
DECAYING = frozenset({"highlights"})
DATED_SECTIONS = frozenset({"work", "volunteer"})


def line_factor_of(index: int) -> float:
    """How much line ``index`` of an entry weighs against its first line (weights.py)."""
    return W.LINE_FLOOR + (1.0 - W.LINE_FLOOR) * W.LINE_DECAY**index


def resume_lines(resume: Resume, *, today: dt.date | None = None) -> list[Line]:
    """Every line a reader could find a skill in, with the weight of its place."""
    today = today or dt.date.today()
    lines: list[Line] = []

    def add(
        section: str,
        entry: int | None,
        index: int | None,
        name: str,
        text: Any,
        weight: float,
        title: str | None = None,
        entry_name: str | None = None,
    ) -> None:
        if weight > 0 and isinstance(text, str) and text.strip():
            lines.append(Line(section, entry, index, name, text.strip(), weight, title, entry_name))

    for name in ("label", "summary"):
        add(
            "basics",
            None,
            None,
            name,
            getattr(resume.basics, name),
            W.PLACE_WEIGHTS.get(("basics", name), 0.0),
        )
    for section, (title_field, fields) in READ_FIELDS.items():
        entries = getattr(resume, section)
        factors = (
            role_factors(entries, today) if section in DATED_SECTIONS else [1.0] * len(entries)
        )
        for i, (entry, factor) in enumerate(zip(entries, factors, strict=True)):
            title = getattr(entry, title_field, None) if title_field else None
            known_as = entry.display_name() or None
            for name in fields:
                weight = W.PLACE_WEIGHTS.get((section, name), 0.0) * factor
                heading = None if name == title_field else title
                value = getattr(entry, name, None)
                if name in LINE_PER_ITEM:
                    for j, item in enumerate(value or []):
                        line_factor = line_factor_of(j) if name in DECAYING else 1.0
                        add(section, i, j, name, item, weight * line_factor, heading, known_as)
                elif isinstance(value, list):
                    joined = ", ".join(map(str, value))
                    add(section, i, None, name, joined, weight, heading, known_as)
                else:
                    add(section, i, None, name, value, weight, heading, known_as)
    for j, text in enumerate(resume.meta.unparsed):
        add("meta", None, j, "unparsed", text, W.PLACE_WEIGHTS.get(("meta", "unparsed"), 0.0))
    return lines


# -- locating mentions and evidence ---------------------------------------------------


@dataclass
class Found:
    """Mentions and evidence of one skill, each with its line."""

    mentions: list[tuple[Line, Hit]]
    evidence: list[tuple[Line, Hit]]


def locate(
    lines: Sequence[Line], skills: Sequence[SkillDef], matcher: SkillMatcher
) -> dict[str, Found]:
    """Every mention and piece of evidence of ``skills`` in ``lines``, by skill key."""
    from .skills import acronym_definitions

    matcher.prepare(skills)
    found = {s.key: Found([], []) for s in skills}
    titles = sorted({line.title for line in lines if line.title})
    docs = matcher.docs([line.text for line in lines] + titles)
    title_docs = dict(zip(titles, docs[len(lines) :], strict=True))
    # An acronym defined once ('Crew Resource Management (CRM)') keeps that meaning bare.
    defined = acronym_definitions(docs[: len(lines)], [line.text for line in lines])
    keys = set(found)
    for line, doc in zip(lines, docs, strict=False):
        title = title_docs.get(line.title) if line.title else None
        hits = matcher.find(
            doc, line.text, keys, title=title, is_list=line.is_list, defined=defined
        )
        for hit in hits:
            bucket = found[hit.skill]
            (bucket.mentions if hit.kind == "name" else bucket.evidence).append((line, hit))
    return found


def emphasis_score(weights: Sequence[float]) -> float:
    """1 − Π(1 − w): rises with every place, most with a strong one, stays below 1."""
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - min(max(w, 0.0), 1.0)
    return 1.0 - remaining


def _line_weights(pairs: Sequence[tuple[Line, Hit]]) -> list[float]:
    """One weight per line: naming a skill twice in one sentence is not two mentions."""
    by_line: dict[int, float] = {}
    for line, _ in pairs:
        by_line[id(line)] = line.weight
    return list(by_line.values())


# -- demand ---------------------------------------------------------------------------


def interview_weight(interview: Interview, reference: dt.date) -> float:
    """Recency × interest of one interview (weights.py)."""
    days = max(0, (reference - interview.date).days)
    recency = 0.5 ** (days / W.RECENCY_HALF_LIFE_DAYS)
    interest = interview.interest or W.DEFAULT_INTEREST
    return recency * W.INTEREST_FACTOR.get(interest, 1.0)


def demand_scores(
    skills: Sequence[SkillDef],
    interviews: Sequence[Interview],
    taxonomy: Taxonomy,
    matcher: SkillMatcher,
    *,
    reference: dt.date | None = None,
) -> dict[str, Demand]:
    """Demand of each skill from the interviews (module doc of weights.py).

    Why the reference date defaults to the latest interview and not today: a search
    paused for a month should not change which skill matters most, and the result stays
    reproducible.
    """
    if not interviews:
        return {s.key: Demand(score=W.ASKED_ONLY_DEMAND, interviews=[]) for s in skills}
    reference = reference or max(iv.date for iv in interviews)
    matcher.prepare(skills)
    keys = {s.key for s in skills}
    texts: list[str] = []
    owners: list[tuple[int, str]] = []
    for n, iv in enumerate(interviews):
        for kind, items in (
            ("question", iv.questions),
            ("feedback", [iv.feedback] if iv.feedback else []),
            ("con", iv.cons),
        ):
            for text in items:
                texts.append(text)
                owners.append((n, kind))
    named: dict[tuple[int, str], set[str]] = {}
    for (n, kind), text, doc in zip(owners, texts, matcher.docs(texts), strict=True):
        for hit in matcher.find(doc, text, keys, is_list=True):
            if hit.kind == "name":
                named.setdefault((n, kind), set()).add(hit.skill)
    raw = {key: 0.0 for key in keys}
    asked_by: dict[str, list[str]] = {key: [] for key in keys}
    for n, iv in enumerate(interviews):
        asked = {taxonomy.resolve(term).key for term in iv.asked}
        weight = interview_weight(iv, reference)
        for key in keys:
            amount = 0.0
            if key in asked:
                amount += W.ASKED
            elif key in named.get((n, "question"), ()):
                amount += W.QUESTION
            if key in named.get((n, "feedback"), ()):
                amount += W.FEEDBACK
            if key in named.get((n, "con"), ()):
                amount += W.CON
            if amount:
                raw[key] += amount * weight
                asked_by[key].append(iv.id or f"{iv.date.isoformat()}-{iv.company}")
    return {
        key: Demand(score=1.0 - math.exp(-raw[key] / W.DEMAND_SCALE), interviews=asked_by[key])
        for key in keys
    }


def demanded_skills(interviews: Sequence[Interview], taxonomy: Taxonomy) -> list[SkillDef]:
    """Every skill some interview asked about, once, in first-asked order."""
    seen: dict[str, SkillDef] = {}
    for iv in sorted(interviews, key=lambda i: (i.date, i.id or "")):
        for term in iv.asked:
            skill = taxonomy.resolve(term)
            seen.setdefault(skill.key, skill)
    return list(seen.values())


# -- verdicts and suggestions ---------------------------------------------------------


def verdict_of(mention_weights: Sequence[float], evidence_count: int) -> Verdict:
    """Named in a place read first → emphasized; named lower → buried; only evidence →
    implied; nothing → absent."""
    if mention_weights:
        return "emphasized" if max(mention_weights) >= W.EMPHASIZED_AT else "buried"
    return "implied" if evidence_count else "absent"


def place_name(line: Line) -> str:
    """A reader's name for a line: 'the summary', 'bullet 4 of Program Manager, Acme'.

    Why words, not indexes: suggestions are read by the candidate, who counts from one
    and knows a role by its title, not as ``work[0]``.
    """
    if line.section == "basics":
        return "the headline" if line.field == "label" else "the summary"
    if line.section == "skills":
        return "the skills list"
    if line.section == "meta":
        return "a line the parser could not place"
    entry = line.entry_name or f"{line.section} entry {(line.entry or 0) + 1}"
    if line.highlight is not None:
        noun = "course" if line.field == "courses" else "bullet"
        return f"{noun} {line.highlight + 1} of {entry}"
    return entry if line.field == "position" else f"the {line.field} of {entry}"


def _quote(text: str, limit: int = 60) -> str:
    return f'"{shorten(text, limit)}"'


def suggestion_for(
    skill: str,
    verdict: Verdict,
    mentions: Sequence[tuple[Line, Hit]],
    evidence: Sequence[tuple[Line, Hit]],
) -> str:
    """One sentence: what to change, citing the line. An absent skill is never to be
    claimed — the advice is to prepare or learn it."""
    if verdict == "absent":
        return (
            f"Nothing in this resume names or shows {skill}: prepare for questions on it or "
            f"learn it, and do not claim it until you have done it."
        )
    if verdict == "implied":
        line, hit = max(evidence, key=lambda p: p[0].weight)
        return (
            f"Name {skill} in {place_name(line)} {_quote(line.text)}, where "
            f"'{hit.matched}' already shows it, and add {skill} to the summary."
        )
    best_line, _ = max(mentions, key=lambda p: p[0].weight)
    where = place_name(best_line)
    if verdict == "emphasized":
        return f"Keep {skill} where it is: {where} names it, where a reader looks first."
    if evidence:
        ev_line, ev_hit = max(evidence, key=lambda p: p[0].weight)
        if ev_line.weight > best_line.weight:
            return (
                f"Name {skill} in {place_name(ev_line)} {_quote(ev_line.text)}, where "
                f"'{ev_hit.matched}' shows it, and in the summary: now only {where} names it."
            )
    if best_line.field == "highlights" and best_line.highlight:  # a bullet, not the first
        return (
            f"Move {where} {_quote(best_line.text)} to the top of its entry and add {skill} "
            f"to the summary."
        )
    return (
        f"Name {skill} higher: it appears only in {where} {_quote(best_line.text)}; add it to "
        f"the summary or to the first line of the role where you used it."
    )


# -- the analysis ---------------------------------------------------------------------


def analyze(
    resume: Resume,
    *,
    taxonomy: Taxonomy,
    asked: Sequence[str] = (),
    interviews: Sequence[Interview] = (),
    resume_label: str = "",
    today: dt.date | None = None,
    matcher: SkillMatcher | None = None,
) -> Analysis:
    """Analyze ``resume`` for the ``asked`` skills, or for every skill the ``interviews``
    asked about; demand comes from the interviews, or is uniform when there are none.

    Skills are reported as asked (the asked spelling), highest priority first. ``today``
    dates a current role (default: the real today).
    """
    (result,) = analyze_many(
        [(resume_label, resume)],
        taxonomy=taxonomy,
        asked=asked,
        interviews=interviews,
        today=today,
        matcher=matcher,
    )
    return result


def analyze_many(
    resumes: Sequence[tuple[str, Resume]],
    *,
    taxonomy: Taxonomy,
    asked: Sequence[str] = (),
    interviews: Sequence[Interview] = (),
    today: dt.date | None = None,
    matcher: SkillMatcher | None = None,
) -> list[Analysis]:
    """``analyze`` for several (label, resume) pairs — every version of a resume — against
    one demand, computed once: the interviews are the expensive, shared part."""
    from .skills import matcher as shared_matcher

    matcher = matcher or shared_matcher()
    pairs = skills_to_analyze(asked, interviews, taxonomy)
    skills = [skill for _, skill in pairs]
    with _gc_paused():
        matcher.prepare(skills)
        demands = demand_scores(skills, interviews, taxonomy, matcher)
        return [
            _analysis(label, resume, pairs, demands, matcher, today) for label, resume in resumes
        ]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one analysis.

    Why: an analysis allocates many short-lived objects (tokens, hits, models) and makes
    no reference cycles, yet the collector's passes over a growing heap cost as much as
    the analysis itself at 1,000 interviews × 100 versions (measured: 0.87 s → 0.49 s).
    Reference counting still frees everything; the collector's state is restored after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def skills_to_analyze(
    asked: Sequence[str], interviews: Sequence[Interview], taxonomy: Taxonomy
) -> list[tuple[str, SkillDef]]:
    """(label, skill) pairs: each asked term as written (two terms naming one skill, k8s
    and Kubernetes, each get their row: both were asked), else every skill the interviews
    asked about, once, under its canonical name."""
    if not asked:
        return [(s.name, s) for s in demanded_skills(interviews, taxonomy)]
    wanted: dict[str, tuple[str, SkillDef]] = {}
    for term in asked:
        label = " ".join(term.split())
        if label:
            wanted.setdefault(label.casefold(), (label, taxonomy.resolve(label)))
    return list(wanted.values())


def _analysis(
    label: str,
    resume: Resume,
    pairs: Sequence[tuple[str, SkillDef]],
    demands: dict[str, Demand],
    matcher: SkillMatcher,
    today: dt.date | None,
) -> Analysis:
    found = locate(resume_lines(resume, today=today), [s for _, s in pairs], matcher)
    digits = W.SCORE_DIGITS
    reports = []
    for name, skill in pairs:
        f = found[skill.key]
        weights = _line_weights(f.mentions)
        emphasis = emphasis_score(weights)
        verdict = verdict_of(weights, len(f.evidence))
        demand = demands[skill.key]
        reports.append(
            SkillReport(
                skill=name,
                demand=Demand(score=round(demand.score, digits), interviews=demand.interviews),
                emphasis=Emphasis(
                    score=round(emphasis, digits),
                    mentions=[
                        Mention(**ln.place(), start=h.start, end=h.end, matched=h.matched)
                        for ln, h in f.mentions
                    ],
                ),
                evidence=[
                    Evidence(**ln.place(), start=h.start, end=h.end, via=h.form)
                    for ln, h in f.evidence
                ],
                verdict=verdict,
                priority=round(demand.score * (1.0 - emphasis), digits),
                suggestion=suggestion_for(name, verdict, f.mentions, f.evidence),
            )
        )
    reports.sort(
        key=lambda r: (-r.priority, -r.demand.score, VERDICT_ORDER[r.verdict], r.skill.casefold())
    )
    return Analysis(resume=label, skills=reports)


# -- the edge the CLI calls -----------------------------------------------------------


def read_resume(path: Path) -> Resume:
    """A resume file as a Resume, through the parser (``structure.load_resume``).

    Why a fast path first: a valid JSON Resume needs only ``json`` and the model; the
    parser's JSON path also re-reads the file through ruamel to know line numbers for its
    messages, which costs more than the rest of the analysis. Anything the fast path
    does not accept goes to the parser, so errors read as they do for ``parse``.
    """
    path = Path(path)
    if path.suffix.lower() == ".json":
        fast = _valid_json_resume(path)
        if fast is not None:
            return fast
    from .structure import load_resume

    return load_resume(path)


def _valid_json_resume(path: Path) -> Resume | None:
    """The JSON Resume in ``path`` if it is one and valid, else None (no error raised)."""
    import json

    from pydantic import ValidationError

    from .model import Resume

    try:
        data = json.loads(path.read_bytes())
        return Resume.model_validate(data) if isinstance(data, dict) else None
    except (OSError, ValueError, ValidationError):
        return None


def run(
    resume: str | None,
    asked: Sequence[str] = (),
    *,
    workspace: Path | None = None,
    start: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Analysis:
    """What ``resumetool analyze`` does: read the inputs, then ``analyze``.

    ``resume`` is a file, or a workspace version (``v3``, ``latest``; None means the
    latest). With a file and ``asked`` no workspace is needed (one found is still used for
    the user's own skills); without ``asked`` the demand comes from the workspace's
    interviews.
    """
    from .skills import load_taxonomy

    is_file = resume is not None and Path(resume).expanduser().is_file()
    if resume is not None and not is_file and not _version_like(resume):
        read_resume(Path(resume).expanduser())  # neither a file nor a version: says why
    needs_workspace = not asked or resume is None or not (is_file or Path(resume).is_dir())
    ws = find_workspace(workspace, start, required=needs_workspace, on_warning=on_warning)
    if is_file:
        assert resume is not None
        document, label = read_resume(Path(resume).expanduser()), resume
    else:
        from .versions import resolve_resume

        document, label = resolve_resume(resume or "latest", ws)
    interviews: list[Interview] = []
    if not asked:
        interviews = ws.interviews_with_interest()
        if not interviews:
            raise UsageError(
                f"no interviews logged in {ws.root}, so there is no demand to analyze",
                hint="log one with `resumetool interview add`, or pass --asked SKILL",
            )
    user_skills = ws.settings().skills if ws is not None else []
    taxonomy = load_taxonomy(user_skills, source=ws.settings_path if ws else None)
    return analyze(
        document, taxonomy=taxonomy, asked=asked, interviews=interviews, resume_label=label
    )


def _version_like(text: str) -> bool:
    """v3, 3, latest, or a folder (a version's): left to ``versions.resolve_resume``."""
    from .versions import is_version_ref

    return is_version_ref(text) or Path(text).expanduser().is_dir()


def find_workspace(
    explicit: Path | None,
    start: Path | None,
    *,
    required: bool,
    on_warning: Callable[[str], None] | None = None,
) -> Workspace | None:
    """The workspace at ``explicit``, else the one around ``start``; None when there is none
    and none is ``required`` (a file analyzed or diffed outside any workspace). A
    ``--workspace`` that is not one is always an error."""
    from .workspace import Workspace

    try:
        return Workspace.find(start, explicit, on_warning=on_warning)
    except WorkspaceError:
        if required or explicit is not None:
            raise
        return None


# -- presentation ---------------------------------------------------------------------


def to_markdown(analysis: Analysis) -> str:
    """A Markdown table, highest priority first."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = [
        f"# Skills analysis: {cell(analysis.resume)}" if analysis.resume else "# Skills analysis",
        "",
        "| # | Skill | Verdict | Demand | Emphasis | Priority | Suggestion |",
        "|---:|---|---|---:|---:|---:|---|",
    ]
    for n, r in enumerate(analysis.skills, 1):
        rows.append(
            f"| {n} | {cell(r.skill)} | {r.verdict} | {r.demand.score:.2f} | "
            f"{r.emphasis.score:.2f} | {r.priority:.2f} | {cell(r.suggestion)} |"
        )
    return "\n".join(rows) + "\n"


VERDICT_STYLE = {"emphasized": "green", "buried": "yellow", "implied": "cyan", "absent": "red"}


SCORE_HEADERS = ("Demand", "Emphasis", "Priority")
SHORT_SCORE_HEADERS = ("Dem.", "Emph.", "Prio.")
"""The score columns' headers, and the short ones a narrow terminal gets: the skill
names are what matter, so they are never cut; the headers give way instead."""


def to_table(analysis: Analysis, width: int | None = None) -> RenderableType:
    """For the terminal: a table of scores, highest priority first, then the numbered
    suggestions as wrapped lines (a suggestion column would be unreadable in 80 columns).

    ``width``: the terminal's; when the boxed table would not fit, it comes without the
    box and with short score headers, so skill names stay whole.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    texts = [("#", "Skill", "Verdict")]
    texts += [(str(n), r.skill, r.verdict) for n, r in enumerate(analysis.skills, 1)]
    content = sum(max(cell_len(row[i]) for row in texts) for i in range(3))
    scores = sum(max(len("0.00"), len(header)) for header in SCORE_HEADERS)
    boxed = content + scores + 3 * 6 + 1  # six columns: a border and a space each side
    compact = width is not None and boxed > width
    headers = SHORT_SCORE_HEADERS if compact else SCORE_HEADERS
    table = Table(
        title=f"Skills analysis: {analysis.resume}" if analysis.resume else "Skills analysis",
        title_justify="left",
        expand=False,
        box=None if compact else box.HEAVY_HEAD,
        pad_edge=not compact,
    )
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Skill", style="bold", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    for header in headers:
        table.add_column(header, justify="right", no_wrap=True)
    for n, r in enumerate(analysis.skills, 1):
        table.add_row(
            str(n),
            Text(r.skill),
            Text(r.verdict, style=VERDICT_STYLE[r.verdict]),
            f"{r.demand.score:.2f}",
            f"{r.emphasis.score:.2f}",
            f"{r.priority:.2f}",
        )
    if not analysis.skills:
        return Group(table, Text("No skills to analyze."))
    advice = Table.grid(padding=(0, 1))
    advice.add_column(justify="right", style="dim", no_wrap=True)
    advice.add_column()
    for n, r in enumerate(analysis.skills, 1):
        advice.add_row(f"{n}.", r.suggestion)
    return Group(table, Text(""), Text("What to do", style="bold"), advice)
