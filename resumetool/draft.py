"""Draft the next version: move the emphasis to where the interviews' demand is.

Why these edits and no others: a draft may only rearrange what the candidate already
wrote and name what the resume already shows. So it reorders skill groups and keywords
so demanded skills lead, lifts to the top of each entry the one line that shows a buried
demanded skill (``draft_rules``: which lines move, and why), adds a focus line to the summary
listing the demanded skills the resume has evidence for, and *offers* to name an
``implied`` skill in the line that shows it (applied only when the user accepts it,
under ``--interactive``). A demanded skill with no evidence is never added: the draft
says so and names what would count as evidence (the taxonomy's evidence phrases).

``draft_resume`` is pure: (parent Resume, Analysis of it) → Draft (the new Resume plus
every edit with its cause: the skills and the interview ids). ``prepare`` is the edge
that reads the workspace. The tunables are in ``draft_rules.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from . import draft_rules as R
from .errors import InputError, UsageError
from .model import Resume, WithHighlights
from .versions import Edit, Stored, identical_version
from .wording import count_noun, distinct_phrases, join_words, shorten

if TYPE_CHECKING:
    import datetime as dt

    from .analyze import Analysis, Mention, Place, SkillReport
    from .skills import Taxonomy
    from .versions import Version
    from .workspace import Workspace

Loc = tuple[str, int | None, str, int | None]
"""(section, entry index, field, item index): a place in the parent, as the analysis names it."""
Span = tuple[int, int]
"""(start, end) of a piece of a text, in characters."""

BULLET_SECTIONS = ("work", "volunteer", "projects")
REWRITABLE_FIELDS = ("highlights", "summary", "description")
"""Where a rewrite may name a skill: free text of an entry. Not titles (a job title is a
fact), not the skills list and not the summary (the focus line there names it already)."""

_NO_RANK = 10**9


class Draft(BaseModel):
    """A drafted Resume and what was done to it, and why."""

    parent: str
    resume: Resume
    skills: list[str] = Field(default_factory=list)
    """The demanded skills, most demanded first."""
    edits: list[Edit] = Field(default_factory=list)
    suggestions: list[Edit] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def unchanged_reason(self) -> str:
        """Why the draft changed nothing, for the line that says no version was written:
        no demand at all, a parent that already leads with it, or no evidence for any of
        it (one note per unsupported skill) — each calls for a different next step."""
        if not self.skills:
            return "no interview lists a skill asked about yet"
        if len(self.skills) > len(self.notes):
            return f"{self.parent} already leads with what is asked"
        return f"{self.parent} shows none of these skills"

    def reason(self) -> str:
        """One line for meta.yaml and `resumetool versions`."""
        return f"draft from {self.parent}: {self.headline()}"

    def headline(self) -> str:
        """'Scrum, Jira lead (5 edits; asked in 4 interviews)'."""
        edited = {skill for edit in self.edits for skill in edit.skills}
        leading = [skill for skill in self.skills if skill in edited]
        shown = ", ".join(leading[:4]) + ("…" if len(leading) > 4 else "")
        interviews = sorted({i for e in self.edits for i in e.interviews})
        asked = f"; asked in {count_noun(len(interviews), 'interview')}" if interviews else ""
        lead = f"{shown} lead" if shown else "no demanded skills"
        return f"{lead} ({count_noun(len(self.edits), 'edit')}{asked})"


# -- the pure part ----------------------------------------------------------------------


def rank_demanded(analysis: Analysis, order: Sequence[str] = ()) -> list[SkillReport]:
    """The skills with demand, most demanded first; ties in the order given (--emphasize),
    then the analysis's order (priority)."""
    wanted = {" ".join(name.split()).casefold(): i for i, name in enumerate(order)}
    position = {id(r): i for i, r in enumerate(analysis.skills)}
    reports = [r for r in analysis.skills if r.demand.score > 0]
    return sorted(
        reports,
        key=lambda r: (
            -r.demand.score,
            wanted.get(r.skill.casefold(), len(wanted)),
            position[id(r)],
        ),
    )


def draft_resume(
    parent: Resume,
    analysis: Analysis,
    *,
    taxonomy: Taxonomy | None = None,
    order: Sequence[str] = (),
    parent_label: str | None = None,
    today: dt.date | None = None,
) -> Draft:
    """The next version of ``parent`` for the demand in ``analysis`` (an analysis OF
    ``parent``: its places are the parent's indexes). ``taxonomy`` gives the evidence
    phrases named in notes and lets the focus line tell k8s from Kubernetes."""
    demanded = rank_demanded(analysis, order)
    places = _Places(demanded)
    resume = parent.model_copy(deep=True)
    edits: list[Edit] = []
    edits += _reorder_bullets(resume, places, demanded)
    edits += _reorder_skills(resume, places, demanded)
    edits += _focus_line(resume, demanded, taxonomy)
    suggestions = _name_implied(parent, demanded, today)
    notes = _unsupported(demanded, taxonomy)
    return Draft(
        parent=parent_label or analysis.resume or "the parent",
        resume=resume,
        skills=[r.skill for r in demanded],
        edits=edits,
        suggestions=suggestions,
        notes=notes,
    )


class _Places:
    """Where each demanded skill is named or shown: per place, (rank, start) pairs — the
    skill's rank (0 = most demanded) and where its words start in the line."""

    def __init__(self, demanded: Sequence[SkillReport]):
        self.named: dict[Loc, list[tuple[int, int]]] = {}
        self.shown: dict[Loc, list[tuple[int, int]]] = {}
        for rank, report in enumerate(demanded):
            for m in report.emphasis.mentions:
                self.named.setdefault(_loc(m), []).append((rank, m.start))
            for e in report.evidence:
                self.shown.setdefault(_loc(e), []).append((rank, e.start))

    def named_ranks(self, loc: Loc) -> set[int]:
        return {rank for rank, _ in self.named.get(loc, ())}

    def ranks(self, loc: Loc) -> set[int]:
        return self.named_ranks(loc) | {rank for rank, _ in self.shown.get(loc, ())}


def _loc(place: Place) -> Loc:
    return (place.section, place.entry, place.field, place.highlight)


def _names(ranks: Iterable[int], demanded: Sequence[SkillReport]) -> list[str]:
    return [demanded[r].skill for r in sorted(set(ranks))]


def _interviews(ranks: Iterable[int], demanded: Sequence[SkillReport]) -> list[str]:
    """The interviews behind the skills, oldest first (an id starts with its date), as a
    reader checks them against `resumetool interview list`."""
    return sorted({i for r in set(ranks) for i in demanded[r].demand.interviews})


def _why(ranks: Iterable[int], demanded: Sequence[SkillReport]) -> str:
    """'Scrum and Jira, asked about in 3 interviews'."""
    return join_words(_names(ranks, demanded)) + _cause(ranks, demanded)


def _cause(ranks: Iterable[int], demanded: Sequence[SkillReport]) -> str:
    interviews = _interviews(ranks, demanded)
    if interviews:
        return f", asked about in {count_noun(len(interviews), 'interview')}"
    return ", as --emphasize asked"


def _asked(rank: int, demanded: Sequence[SkillReport]) -> str:
    interviews = demanded[rank].demand.interviews
    if interviews:
        return f"asked about in {count_noun(len(interviews), 'interview')}"
    return "asked for with --emphasize"


def stable_order(keys: Sequence[Any]) -> list[int]:
    """Indexes sorted by key; equal keys keep their order (Python's sort is stable)."""
    return sorted(range(len(keys)), key=lambda i: keys[i])


def _reorder_bullets(
    resume: Resume, places: _Places, demanded: Sequence[SkillReport]
) -> list[Edit]:
    """In each entry, at most one line moves: to the top (the rule and why:
    ``draft_rules``, "Which lines move"). Each move ``resumetool diff`` will show gets an
    edit with its reason."""
    needed = {rank for rank, r in enumerate(demanded) if r.verdict in R.LIFTED_VERDICTS}
    edits: list[Edit] = []
    for section in BULLET_SECTIONS:
        entries: list[WithHighlights] = getattr(resume, section)
        for i, entry in enumerate(entries):
            bullets = list(entry.bullets())
            ranks = [places.ranks((section, i, "highlights", j)) for j in range(len(bullets))]
            lifted = _line_to_lift(ranks, needed)
            if lifted is None:
                continue
            order = [lifted, *(j for j in range(len(bullets)) if j != lifted)]
            entries[i] = entry.with_bullets([bullets[j] for j in order])
            why = sorted(ranks[lifted] & needed)
            edits += _move_edits(section, i, entry.id, bullets, order, why, places, demanded)
    return edits


def _line_to_lift(ranks: Sequence[set[int]], needed: set[int]) -> int | None:
    """The line of an entry to put first, or None: the line showing the most demanded
    skill in ``needed`` (the earliest such line), when that skill is demanded more than
    every skill the first line shows. ``ranks``: per line, the ranks of the demanded
    skills it names or shows (0 = most demanded)."""
    candidates = [(min(r & needed), j) for j, r in enumerate(ranks) if j and r & needed]
    if not candidates:
        return None
    rank, line = min(candidates)
    lead = min(ranks[0], default=_NO_RANK)
    return line if rank < lead else None


def _move_edits(
    section: str,
    index: int,
    entry_id: str | None,
    bullets: Sequence[tuple[str, str]],
    order: Sequence[int],
    why: Sequence[int],
    places: _Places,
    demanded: Sequence[SkillReport],
) -> list[Edit]:
    """An edit per line that moved, as ``resumetool diff`` will show it (the fewest moves
    that explain the new order): a line moved up says which demanded skill it shows, a
    line moved down which line took its place."""
    from .diff import moved_pairs

    new_place = {old: new for new, old in enumerate(order)}
    moved = moved_pairs([(old, new_place[old], "id") for old in range(len(bullets))])
    lifted_text = shorten(bullets[order[0]][1], R.QUOTE_CHARS)
    skills, interviews = _names(why, demanded), _interviews(why, demanded)
    edits = []
    for old in sorted(moved, key=lambda o: new_place[o]):
        new = new_place[old]
        if new < old:
            named = places.named_ranks((section, index, "highlights", old)) & set(why)
            shown = [rank for rank in why if rank not in named]
            says = [f"names {join_words(_names(named, demanded))}"] if named else []
            says += [f"shows {join_words(_names(shown, demanded))}"] if shown else []
            reason = f"moved up: it {' and '.join(says)}{_cause(why, demanded)}"
            if 0 not in moved:  # the old first line is not named otherwise: say where it went
                first = shorten(bullets[0][1], R.QUOTE_CHARS)
                reason += f'; "{first}" is now line {new_place[0] + 1}'
        else:
            reason = (
                f'moved down: to make room for "{lifted_text}", which shows {_why(why, demanded)}'
            )
        edits.append(
            Edit(
                kind="move",
                section=section,
                entry=entry_id,
                highlight=bullets[old][0],
                before=old + 1,
                after=new + 1,
                reason=reason,
                skills=skills,
                interviews=interviews,
            )
        )
    return edits


def _keyword_spans(keywords: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of each keyword in the analyzer's line (', '.join(...).strip())."""
    joined = ", ".join(map(str, keywords))
    offset = len(joined) - len(joined.lstrip())
    spans, start = [], 0
    for keyword in keywords:
        spans.append((start - offset, start - offset + len(str(keyword))))
        start += len(str(keyword)) + 2
    return spans


def _keywords_hit(
    keywords: Sequence[str], line_hits: Sequence[tuple[int, int]]
) -> dict[int, set[int]]:
    """keyword index → ranks of the skills whose words start in it."""
    spans = _keyword_spans(keywords)
    found: dict[int, set[int]] = {}
    for rank, start in line_hits:
        for k, (a, b) in enumerate(spans):
            if a <= start < b:
                found.setdefault(k, set()).add(rank)
    return found


def _keyword_keys(keywords: Sequence[str], places: _Places, loc: Loc) -> list[tuple[int, int]]:
    """A sort key per keyword: (0, rank) when it names a demanded skill, (1, rank) when it
    shows one (the rank of the most demanded), (2, 0) otherwise."""
    named = _keywords_hit(keywords, places.named.get(loc, []))
    shown = _keywords_hit(keywords, places.shown.get(loc, []))
    return [
        (0, min(named[k])) if k in named else (1, min(shown[k])) if k in shown else (2, 0)
        for k in range(len(keywords))
    ]


def _reorder_skills(resume: Resume, places: _Places, demanded: Sequence[SkillReport]) -> list[Edit]:
    """Keywords naming a demanded skill first, then those showing one, then the rest; and
    the groups holding the most demanded skills first. Otherwise the order is kept."""
    edits: list[Edit] = []
    group_keys: list[tuple[int, int]] = []
    for i, group in enumerate(resume.skills):
        keys = _keyword_keys(group.keywords, places, ("skills", i, "keywords", None))
        in_name = places.named_ranks(("skills", i, "name", None))
        best = [(0, min(in_name))] if in_name else []
        group_keys.append(min([*best, *(key for key in keys if key[0] < 2)], default=(2, 0)))
        order = stable_order(keys)
        if order == list(range(len(keys))):
            continue
        before = list(group.keywords)
        after = [before[k] for k in order]
        resume.skills[i] = group.model_copy(update={"keywords": after})
        moved = {rank for tier, rank in keys if tier < 2}
        edits.append(
            Edit(
                kind="reorder-keywords",
                section="skills",
                entry=group.id,
                before=", ".join(before),
                after=", ".join(after),
                reason=f"demanded skills first in {_group_name(group)}: {_why(moved, demanded)}",
                skills=_names(moved, demanded),
                interviews=_interviews(moved, demanded),
            )
        )
    return edits + _reorder_groups(resume, group_keys, places, demanded)


def _reorder_groups(
    resume: Resume,
    group_keys: Sequence[tuple[int, int]],
    places: _Places,
    demanded: Sequence[SkillReport],
) -> list[Edit]:
    """The skill groups by ``group_keys`` (their best keyword's or name's key), stably."""
    order = stable_order(group_keys)
    if order == list(range(len(resume.skills))):
        return []
    before_names = [_group_name(g) for g in resume.skills]
    resume.skills = [resume.skills[i] for i in order]
    moved: set[int] = set()
    for i, (tier, _) in enumerate(group_keys):
        if tier < 2:  # the skills its keywords name or show, and its name names
            moved |= places.ranks(("skills", i, "keywords", None))
            moved |= places.named_ranks(("skills", i, "name", None))
    return [
        Edit(
            kind="reorder-skill-groups",
            section="skills",
            before=" | ".join(before_names),
            after=" | ".join(before_names[i] for i in order),
            reason=f"the groups holding demanded skills first: {_why(moved, demanded)}",
            skills=_names(moved, demanded),
            interviews=_interviews(moved, demanded),
        )
    ]


def _group_name(group: Any) -> str:
    return group.name or "the skills list"


def focus_item(
    report: SkillReport, taxonomy: Taxonomy | None, summary: str = "", focus: Span | None = None
) -> str:
    """How the focus line writes a skill: as the resume writes that name (its skills list
    first, then a place where it does not start a sentence; never the old focus line at
    ``focus`` in ``summary``), else as the taxonomy spells it, else as it was asked. Never
    re-cased by rule: 'dbt' stays 'dbt', and 'risk management' is capitalized only where
    the resume itself writes it so."""
    wanted = report.skill.casefold()
    written = [
        m
        for m in report.emphasis.mentions
        if m.matched.casefold() == wanted and not _in_focus_line(m, summary, focus)
    ]
    if written:
        best = min(written, key=lambda m: (m.section != "skills", m.start == 0))
        return best.matched
    known = taxonomy.get(report.skill) if taxonomy is not None else None
    spelled = [form for form in known.names if form.casefold() == wanted] if known else []
    return spelled[0] if spelled else report.skill


def _in_focus_line(mention: Mention, summary: str, focus: Span | None) -> bool:
    """Whether ``mention`` stands in the focus line at ``focus`` of ``summary`` (the
    analyzer reads the summary stripped, so its offsets start after leading space)."""
    if focus is None or mention.section != "basics" or mention.field != "summary":
        return False
    lead = len(summary) - len(summary.lstrip())
    return focus[0] <= mention.start + lead < focus[1]


def _named_in_summary(report: SkillReport, summary: str, focus: Span | None) -> bool:
    """Whether the summary names the skill outside its focus line."""
    return any(
        m.section == "basics" and m.field == "summary" and not _in_focus_line(m, summary, focus)
        for m in report.emphasis.mentions
    )


_LABEL = re.escape(R.FOCUS_LABEL)
FOCUS_PARAGRAPH = re.compile(rf"\s*{_LABEL}\s*:\s*(?P<items>.*?)\s*\.?\s*$", re.I | re.S)
FOCUS_TAIL = re.compile(rf"(?<=[.!?])[ \t]+{_LABEL}\s*:\s*(?P<items>[^\n]*?)\s*\.?\s*$", re.I)
"""A focus line run into the summary's last paragraph: what a parser that joins the
summary's lines gives back from a rendered focus line."""
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def find_focus_line(summary: str) -> tuple[int, int, list[str]] | None:
    """(start, end, items) of the focus line in ``summary``: a paragraph of its own, or
    the last sentence of the summary; None if there is none."""
    start = 0
    for brk in [*PARAGRAPH_BREAK.finditer(summary), None]:
        end = brk.start() if brk else len(summary)
        found = FOCUS_PARAGRAPH.match(summary, start, end)
        if found and summary[start:end].strip():
            return start, end, _items(found["items"])
        start = brk.end() if brk else start
    tail = FOCUS_TAIL.search(summary)
    if tail:
        return tail.start(), tail.end(), _items(tail["items"])
    return None


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _focus_line(
    resume: Resume, demanded: Sequence[SkillReport], taxonomy: Taxonomy | None
) -> list[Edit]:
    """Write or update the focus line, a paragraph at the end of the summary: the demanded
    skills the resume has evidence for (never an ``absent`` one) that the rest of the
    summary does not already name (there they are emphasized already, and a repeat reads
    as padding), then any items a previous focus line had that are not among them (the
    user's words are kept)."""
    summary = resume.basics.summary or ""
    found = find_focus_line(summary)
    span = found[:2] if found is not None else None
    evidenced = [(rank, r) for rank, r in enumerate(demanded) if r.verdict != "absent"]
    in_summary = [(rank, r) for rank, r in evidenced if _named_in_summary(r, summary, span)]
    focus = [pair for pair in evidenced if pair not in in_summary][: R.FOCUS_MAX]
    if not focus:
        return []

    def key(item: str) -> str:
        return taxonomy.resolve(item).key if taxonomy is not None else item.strip().casefold()

    items = [focus_item(r, taxonomy, summary, span) for _, r in focus]
    keys = {key(item) for item in items} | {key(r.skill) for _, r in in_summary}
    old_line = None
    if found is not None:
        start, end, listed = found
        old_line = summary[start:end].strip()
        for item in listed:
            if key(item) not in keys:
                items.append(item)
                keys.add(key(item))
    else:
        start = end = len(summary)
    line = f"{R.FOCUS_LABEL}: {R.FOCUS_SEPARATOR.join(items)}."
    before, after = summary[:start].rstrip(), summary[end:]
    new_summary = f"{before}\n\n{line}{after}" if before else f"{line}{after}"
    if new_summary == summary:
        return []
    resume.basics.summary = new_summary
    ranks = [rank for rank, _ in focus]
    what = "updated the focus line" if old_line else "added a focus line to the summary"
    left_out = ""
    if in_summary:
        named = join_words([r.skill for _, r in in_summary])
        them = "it" if len(in_summary) == 1 else "them"
        left_out = f" ({named}: left out, the summary already names {them})"
    return [
        Edit(
            kind="focus-line",
            section="basics",
            field="summary",
            before=old_line,
            after=line,
            reason=f"{what}: the demanded skills this resume has evidence for — "
            f"{_why(ranks, demanded)}{left_out}",
            skills=[r.skill for _, r in focus],
            interviews=_interviews(ranks, demanded),
        )
    ]


def gloss(text: str, via: str, skill: str, *, at: tuple[int, int] | None = None) -> str:
    """``text`` naming ``skill`` right after the words that show it: those at ``at`` (their
    character span, as the analyzer found them), else the words ``via`` as written; when
    neither is given or found, at the end of the line."""
    if at is None:
        match = re.search(rf"(?<!\w){re.escape(via)}\w*", text, re.IGNORECASE)
        at = match.span() if match else None
    if at is not None:
        start, end = at
        phrase = R.REWRITE_GLOSS.format(phrase=text[start:end], skill=skill)
        return text[:start] + phrase + text[end:]
    body = text.rstrip()
    end = body[-1] if body and body[-1] in ".;" else ""
    body = body[: len(body) - len(end)]
    return R.REWRITE_APPEND.format(text=body, skill=skill) + end


def _name_implied(
    parent: Resume, demanded: Sequence[SkillReport], today: dt.date | None
) -> list[Edit]:
    """For each implied skill, a rewrite of the line that shows it best, naming it."""
    implied = [(rank, r) for rank, r in enumerate(demanded) if r.verdict == "implied"]
    if not implied:
        return []
    from .analyze import resume_lines

    weights = {
        (ln.section, ln.entry, ln.field, ln.highlight): ln.weight
        for ln in resume_lines(parent, today=today)
    }
    suggestions = []
    for rank, report in implied:
        candidates = [
            e
            for e in report.evidence
            if e.section in BULLET_SECTIONS and e.entry is not None and e.field in REWRITABLE_FIELDS
        ]
        if not candidates:
            continue
        best = max(
            candidates, key=lambda e: weights.get((e.section, e.entry, e.field, e.highlight), 0)
        )
        entry = getattr(parent, best.section)[best.entry]
        if best.field == "highlights":
            highlight_id, text = list(entry.bullets())[best.highlight]
        else:
            highlight_id, text = None, getattr(entry, best.field) or ""
        lead = len(text) - len(text.lstrip())  # the analyzer reads the line stripped
        proposal = gloss(text, best.via, report.skill, at=(lead + best.start, lead + best.end))
        if proposal == text:
            continue
        suggestions.append(
            Edit(
                kind="name-skill",
                section=best.section,
                entry=entry.id,
                highlight=highlight_id,
                field=best.field,
                before=text,
                after=proposal,
                reason=f"name {report.skill} where '{best.via}' already shows it: "
                f"{_why([rank], demanded)}",
                skills=[report.skill],
                interviews=_interviews([rank], demanded),
            )
        )
    return suggestions


def _unsupported(demanded: Sequence[SkillReport], taxonomy: Taxonomy | None) -> list[str]:
    """A note per demanded skill with no evidence: not added, and what would count."""
    notes = []
    for rank, report in enumerate(demanded):
        if report.verdict != "absent":
            continue
        skill = report.skill
        phrases: Sequence[str] = ()
        if taxonomy is not None:
            phrases = distinct_phrases(taxonomy.resolve(skill).evidence, R.EVIDENCE_EXAMPLES)
        if phrases:
            would = "a true line about " + join_words([f"'{p}'" for p in phrases], "or")
            would += f", or one that names {skill} where you used it"
        else:
            would = f"a true line naming {skill} in a role or project where you used it"
        notes.append(
            f"{skill}: not added — nothing in the resume names or shows it "
            f"({_asked(rank, demanded)}). What would count as evidence: {would}; add it "
            "(edit a copy and `resumetool import` it), then draft again."
        )
    return notes


def apply_suggestion(draft: Draft, suggestion: Edit, text: str | None = None) -> Draft:
    """``draft`` with one offered rewrite applied: as proposed, or as the user edited it
    (``text``). The line keeps its id, so diffs show it as changed, not replaced."""
    new_text = " ".join((text if text is not None else str(suggestion.after or "")).split())
    if not new_text:
        raise UsageError("the edited line is empty", hint="skip the suggestion instead")
    resume = draft.resume.model_copy(deep=True)
    entries = getattr(resume, suggestion.section or "", None)
    index = next((i for i, e in enumerate(entries or []) if e.id == suggestion.entry), None)
    if entries is None or index is None:
        raise InputError(
            f"the draft has no entry {suggestion.entry!r} to rewrite",
            hint="run `resumetool draft` again",
        )
    entry = entries[index]
    if suggestion.highlight is not None:
        bullets = [
            (hid, new_text if hid == suggestion.highlight else line)
            for hid, line in entry.bullets()
        ]
        entries[index] = entry.with_bullets(bullets)
    else:
        entries[index] = entry.model_copy(update={suggestion.field or "summary": new_text})
    hand = "" if new_text == " ".join(str(suggestion.after).split()) else " (edited by hand)"
    applied = suggestion.model_copy(
        update={"after": new_text, "reason": suggestion.reason + hand}, deep=True
    )
    return draft.model_copy(
        update={
            "resume": resume,
            "edits": [*draft.edits, applied],
            "suggestions": [s for s in draft.suggestions if s is not suggestion],
        }
    )


# -- describing -------------------------------------------------------------------------


def where(edit: Edit, resume: Resume) -> str:
    """A reader's name for the place of an edit: 'work · Acme · Engineer'."""
    if edit.section == "basics":
        return f"summary ({edit.field})" if edit.field and edit.field != "summary" else "summary"
    if edit.section is None:
        return "resume"
    entry = next((e for e in getattr(resume, edit.section, []) if e.id == edit.entry), None)
    if entry is None:
        return edit.section
    if edit.section == "skills":
        return f"skills · {_group_name(entry)}"
    title = entry.identity() or getattr(entry, "name", None) or edit.entry
    return f"{edit.section} · {title}"


def describe(edit: Edit, resume: Resume) -> str:
    """One line: what changed, where (``resume``: the version the ids are looked up in)."""
    place = where(edit, resume)
    if edit.kind == "move":
        text = _line_text(resume, edit)
        return f'{place}: line {edit.before} → {edit.after} "{shorten(text, R.QUOTE_CHARS)}"'
    if edit.kind == "focus-line":
        return f'{place}: "{edit.after}"'
    if edit.kind == "reorder-keywords":
        return f"{place}: {edit.after}"
    if edit.kind == "reorder-skill-groups":
        return f"skills: groups {edit.before} → {edit.after}"
    if edit.kind == "name-skill":
        before, after = (shorten(str(line), R.QUOTE_CHARS) for line in (edit.before, edit.after))
        return f'{place}: "{before}" → "{after}"'
    return f"{place}: {edit.kind}"


def _line_text(resume: Resume, edit: Edit) -> str:
    for entry in getattr(resume, edit.section or "", []):
        if entry.id == edit.entry and isinstance(entry, WithHighlights):
            return dict(entry.bullets()).get(edit.highlight or "", "")
    return ""


# -- the edge ---------------------------------------------------------------------------


def prepare(
    workspace: Workspace,
    *,
    from_ref: str | None = None,
    emphasize: Sequence[str] = (),
    today: dt.date | None = None,
) -> tuple[Version, Draft]:
    """Read the parent version, the taxonomy and the demand; analyze; draft.

    Demand: the skills given with ``emphasize`` (all equally, in that order), else the
    workspace's interviews.
    """
    from .analyze import analyze
    from .skills import load_taxonomy

    versions = workspace.versions()
    if not versions:
        raise UsageError(
            "no versions yet, so there is nothing to draft from",
            hint="import a resume first: `resumetool import FILE`",
        )
    parent = workspace.version(from_ref) if from_ref else versions[-1]
    settings = workspace.settings()
    taxonomy = load_taxonomy(settings.skills, source=workspace.settings_path)
    emphasize = [" ".join(s.split()) for s in emphasize if s.strip()]
    interviews = [] if emphasize else workspace.interviews_with_interest()
    if not emphasize and not interviews:
        raise UsageError(
            f"no interviews logged in {workspace.root}, so nothing says what to emphasize",
            hint="log one with `resumetool interview add`, or pass --emphasize SKILL",
        )
    resume = parent.resume()
    analysis = analyze(
        resume,
        taxonomy=taxonomy,
        asked=emphasize,
        interviews=interviews,
        resume_label=parent.label,
        today=today,
    )
    draft = draft_resume(
        resume,
        analysis,
        taxonomy=taxonomy,
        order=emphasize,
        parent_label=parent.label,
        today=today,
    )
    return parent, draft


def save(workspace: Workspace, parent: Version, draft: Draft, *, force: bool = False) -> Stored:
    """Write the draft as the next version, child of ``parent`` — unless a version with the
    same resume exists (then nothing is written; ``force`` writes it anyway), as
    ``versions.import_resume`` does for an import."""
    same = None if force else identical_version(workspace.versions(), draft.resume)
    if same is not None:
        return Stored(same, written=False)
    version = workspace.add_version(
        draft.resume,
        parent=parent.number,
        reason=draft.reason(),
        edits=draft.edits,
        suggestions=draft.suggestions,
        notes=draft.notes,
    )
    return Stored(version, written=True)
