"""Diff two resumes (versions or files): words, moves, entries, and emphasis.

Why not a text diff: a draft mostly *moves* lines, and a line diff shows every move as a
deletion plus an insertion, burying the one word that was added. So entries are paired
first (by stable id, else by fuzzy match of title and bullets), then the bullets of each
pair (by id, else fuzzy), and only then are words compared. A bullet is "moved" when it
is not on the longest run of bullets that kept their relative order — the fewest moves
that explain the new order. Bullets whose text is the same in two plain files share an id
(ids are derived from content), so moves are exact there too; reworded ones are paired by
rapidfuzz (thresholds in ``diff_rules.py``).

Word changes use rapidfuzz's Indel opcodes (a true longest-common-subsequence alignment
of words, where difflib's heuristic can split a change oddly). Emphasis: the analyzer runs
on both resumes against one demand — the workspace's interviews when there are any, else
the skills named in either resume's skills list and focus line (each then weighs the same,
so the change in emphasis is what shows).

``diff_resumes`` and ``emphasis_shift`` are pure; ``run`` reads the inputs; ``to_text``,
``to_markdown`` present the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from . import diff_rules as R
from .model import SECTIONS, Entry, Resume, WithHighlights
from .templating import md_escape
from .wording import count_noun

if TYPE_CHECKING:
    from rich.text import Text

    from .analyze import Analysis
    from .skills import Taxonomy

Op = Literal["equal", "delete", "insert"]


class Words(BaseModel):
    op: Op
    text: str


class FieldChange(BaseModel):
    field: str
    before: str | None = None
    after: str | None = None
    words: list[Words] = Field(default_factory=list)


class ListChange(BaseModel):
    field: str
    before: list[str]
    after: list[str]
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    reordered: bool = False


class BulletChange(BaseModel):
    change: Literal["moved", "changed", "added", "removed"]
    id: str | None = None
    before_line: int | None = None
    """1-based position in the entry of A (None: added)."""
    after_line: int | None = None
    before: str | None = None
    after: str | None = None
    words: list[Words] = Field(default_factory=list)
    matched_by: Literal["id", "fuzzy"] | None = None
    from_entry: str | None = None
    """For a bullet that came from another entry: that entry's title."""
    to_entry: str | None = None
    """For a bullet that went to another entry: that entry's title."""


class EntryChange(BaseModel):
    section: str
    change: Literal["added", "removed", "changed"]
    id: str | None = None
    title: str
    before_index: int | None = None
    after_index: int | None = None
    moved: bool = False
    matched_by: Literal["id", "fuzzy"] | None = None
    fields: list[FieldChange] = Field(default_factory=list)
    lists: list[ListChange] = Field(default_factory=list)
    bullets: list[BulletChange] = Field(default_factory=list)


class SectionChange(BaseModel):
    section: str
    entries: list[EntryChange]


class SkillShift(BaseModel):
    skill: str
    demand: float | None
    """The demand score (None when demand is just 'named in either resume')."""
    before: float
    after: float
    verdict_before: str
    verdict_after: str

    @property
    def changed(self) -> bool:
        return (
            abs(self.after - self.before) >= R.EMPHASIS_EPSILON
            or self.verdict_before != self.verdict_after
        )

    @property
    def verdicts(self) -> str:
        """'buried → emphasized', or the one verdict when it stayed."""
        if self.verdict_before == self.verdict_after:
            return self.verdict_after
        return f"{self.verdict_before} → {self.verdict_after}"


class ResumeDiff(BaseModel):
    a: str
    b: str
    basics: list[FieldChange] = Field(default_factory=list)
    basics_lists: list[ListChange] = Field(default_factory=list)
    sections: list[SectionChange] = Field(default_factory=list)
    emphasis: list[SkillShift] = Field(default_factory=list)
    demand_from: str | None = None

    @property
    def same(self) -> bool:
        return not (self.basics or self.basics_lists or self.sections)

    def moved_within_entries(self) -> tuple[list[BulletChange], list[BulletChange]]:
        """(moved up, moved down): the bullets this diff shows as moved inside their entry.
        One place for the count, so every summary of a draft (``resumetool demo``, a draft's
        own record) agrees with what the diff lists."""
        moved = [
            b
            for section in self.sections
            for entry in section.entries
            for b in entry.bullets
            if b.change == "moved"
            and b.before_line is not None
            and b.after_line is not None
            and b.from_entry is None
        ]
        up = [b for b in moved if b.after_line < b.before_line]
        down = [b for b in moved if b.after_line > b.before_line]
        return up, down

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["same"] = self.same
        return data


# -- words ------------------------------------------------------------------------------


def word_diff(before: str, after: str) -> list[Words]:
    """Word-level changes; runs of changes come out as one deletion then one insertion."""
    from rapidfuzz.distance import Indel

    a, b = before.split(), after.split()
    out: list[Words] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(Words(op="delete", text=" ".join(deleted)))
        if inserted:
            out.append(Words(op="insert", text=" ".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            flush()
            out.append(Words(op="equal", text=" ".join(a[op.src_start : op.src_end])))
        else:
            deleted += a[op.src_start : op.src_end]
            inserted += b[op.dest_start : op.dest_end]
    flush()
    return out


def similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(" ".join(a.split()).casefold(), " ".join(b.split()).casefold())


# -- pairing ----------------------------------------------------------------------------

Pair = tuple[int, int, Literal["id", "fuzzy"]]


def pair_items(
    a_ids: Sequence[str | None],
    b_ids: Sequence[str | None],
    score: Callable[[int, int], float],
    threshold: float,
) -> list[Pair]:
    """Pairs (i, j) of the same item in A and B: equal ids first, then the most similar
    remaining items at or above ``threshold`` (greedy, best first)."""
    pairs: list[Pair] = []
    where_b: dict[str, int] = {}
    for j, item_id in enumerate(b_ids):
        if item_id is not None:
            where_b.setdefault(item_id, j)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, item_id in enumerate(a_ids):
        j = where_b.get(item_id) if item_id is not None else None
        if j is not None and j not in used_b:
            pairs.append((i, j, "id"))
            used_a.add(i)
            used_b.add(j)
    candidates = []
    for i in range(len(a_ids)):
        if i in used_a:
            continue
        for j in range(len(b_ids)):
            if j in used_b:
                continue
            value = score(i, j)
            if value >= threshold:
                candidates.append((-value, i, j))
    for _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            pairs.append((i, j, "fuzzy"))
            used_a.add(i)
            used_b.add(j)
    return sorted(pairs)


def unpaired(pairs: Sequence[Pair], a_count: int, b_count: int) -> tuple[list[int], list[int]]:
    """The A and the B indexes that ``pairs`` leave out, in order."""
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    return (
        [i for i in range(a_count) if i not in paired_a],
        [j for j in range(b_count) if j not in paired_b],
    )


def moved_pairs(pairs: Sequence[Pair]) -> set[int]:
    """The A-indexes of the pairs that moved: all but a longest run that kept its order."""
    ordered = sorted(pairs)
    js = [j for _, j, _ in ordered]
    n = len(js)
    if n < 2:
        return set()
    # Longest increasing run of B positions; among runs as long, the one keeping the most
    # items at their old position, so a line that stayed put is not called moved.
    fixed = [1 if i == j else 0 for i, j, _ in ordered]
    best = [(1, fixed[k]) for k in range(n)]
    back = [-1] * n
    for k in range(n):
        for m in range(k):
            candidate = (best[m][0] + 1, best[m][1] + fixed[k])
            if js[m] < js[k] and candidate > best[k]:
                best[k], back[k] = candidate, m
    k = max(range(n), key=lambda x: (best[x], -x))
    kept: set[int] = set()
    while k != -1:
        kept.add(ordered[k][0])
        k = back[k]
    return {i for i, _, _ in ordered if i not in kept}


# -- fields -----------------------------------------------------------------------------

SKIPPED_FIELDS = frozenset({"id", "highlights", "highlightIds"})


def _as_text(value: Any) -> str | None:
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, "", [], {}))
    return str(value)


def _words_of(text: str | None) -> list[str] | None:
    return text.split() if text is not None else None


def _as_items(value: Any) -> list[str]:
    return [t for t in (_as_text(v) for v in value or []) if t is not None]


def compare_fields(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[list[FieldChange], list[ListChange]]:
    """Scalar fields as word changes, list fields as items added/removed/reordered."""
    fields: list[FieldChange] = []
    lists: list[ListChange] = []
    keys = list(dict.fromkeys([*before, *after]))
    for key in keys:
        if key in SKIPPED_FIELDS:
            continue
        a, b = before.get(key), after.get(key)
        if isinstance(a, list) or isinstance(b, list):
            change = compare_lists(key, _as_items(a), _as_items(b))
            if change is not None:
                lists.append(change)
            continue
        ta, tb = _as_text(a), _as_text(b)
        if _words_of(ta) == _words_of(tb):
            continue  # only spacing or line breaks differ: layout, not content
        fields.append(
            FieldChange(field=key, before=ta, after=tb, words=word_diff(ta or "", tb or ""))
        )
    return fields, lists


def compare_lists(name: str, before: list[str], after: list[str]) -> ListChange | None:
    if before == after:
        return None
    a_keys = [item.casefold() for item in before]
    b_keys = [item.casefold() for item in after]
    added = [item for item, k in zip(after, b_keys, strict=True) if k not in a_keys]
    removed = [item for item, k in zip(before, a_keys, strict=True) if k not in b_keys]
    common_a = [k for k in a_keys if k in b_keys]
    common_b = [k for k in b_keys if k in a_keys]
    return ListChange(
        field=name,
        before=before,
        after=after,
        added=added,
        removed=removed,
        reordered=common_a != common_b,
    )


# -- entries and bullets ----------------------------------------------------------------


def title_of(entry: Entry, section: str) -> str:
    title = entry.identity()
    if title:
        return title
    if section == "skills":
        return "the skills list"
    return entry.id or section


def _entry_score(a: Entry, b: Entry) -> float:
    from rapidfuzz import fuzz

    ta, tb = a.identity(), b.identity()
    best = fuzz.token_sort_ratio(ta.casefold(), tb.casefold()) if ta and tb else 0.0
    both = isinstance(a, WithHighlights) and isinstance(b, WithHighlights)
    if both and a.highlights and b.highlights:
        best = max(best, similarity(" ".join(a.highlights), " ".join(b.highlights)))
    return best


def _dump(entry: Entry) -> dict[str, Any]:
    return entry.model_dump(mode="json", by_alias=True, exclude_none=True)


def compare_bullets(a: Entry, b: Entry) -> tuple[list[BulletChange], list[int], list[int]]:
    """Changes between the bullets of two paired entries, and the A and B positions left
    unpaired (for moves between entries)."""
    if not isinstance(a, WithHighlights) or not isinstance(b, WithHighlights):
        return [], [], []
    a_b, b_b = list(a.bullets()), list(b.bullets())
    pairs = pair_items(
        [i for i, _ in a_b],
        [i for i, _ in b_b],
        lambda i, j: similarity(a_b[i][1], b_b[j][1]),
        R.BULLET_MATCH,
    )
    moved = moved_pairs(pairs)
    changes = [
        _paired_bullet("moved" if i in moved else "changed", i, j, a_b[i], b_b[j], how)
        for i, j, how in pairs
        if i in moved or a_b[i][1] != b_b[j][1]
    ]
    return changes, *unpaired(pairs, len(a_b), len(b_b))


def _paired_bullet(
    change: Literal["moved", "changed"],
    a_index: int,
    b_index: int,
    a_bullet: tuple[str, str],
    b_bullet: tuple[str, str],
    how: Literal["id", "fuzzy"],
    from_entry: str | None = None,
) -> BulletChange:
    """Bullet ``a_index`` of an entry of A paired with bullet ``b_index`` of one of B (each
    bullet as (id, text)); it keeps B's id."""
    text_a, text_b = a_bullet[1], b_bullet[1]
    return BulletChange(
        change=change,
        id=b_bullet[0],
        before_line=a_index + 1,
        after_line=b_index + 1,
        before=text_a,
        after=text_b,
        words=word_diff(text_a, text_b) if text_a != text_b else [],
        matched_by=how,
        from_entry=from_entry,
    )


def compare_section(
    section: str, a_entries: Sequence[Entry], b_entries: Sequence[Entry]
) -> list[EntryChange]:
    pairs = pair_items(
        [e.id for e in a_entries],
        [e.id for e in b_entries],
        lambda i, j: _entry_score(a_entries[i], b_entries[j]),
        R.ENTRY_MATCH,
    )
    moved = moved_pairs(pairs)
    changes: dict[tuple[str, int], EntryChange] = {}
    loose_a: list[tuple[int, int]] = []  # (entry index in A, bullet index) unpaired
    loose_b: list[tuple[int, int]] = []
    for i, j, how in pairs:
        ea, eb = a_entries[i], b_entries[j]
        fields, lists = compare_fields(_dump(ea), _dump(eb))
        bullets, left_a, left_b = compare_bullets(ea, eb)
        loose_a += [(i, k) for k in left_a]
        loose_b += [(j, k) for k in left_b]
        changes[("b", j)] = EntryChange(
            section=section,
            change="changed",
            id=eb.id,
            title=title_of(eb, section),
            before_index=i,
            after_index=j,
            moved=i in moved,
            matched_by=how,
            fields=fields,
            lists=lists,
            bullets=bullets,
        )
    left_a, left_b = unpaired(pairs, len(a_entries), len(b_entries))
    for i in left_a:
        changes[("a", i)] = _lone_entry(section, a_entries[i], "removed", i)
        loose_a += _bullet_refs(i, a_entries[i])
    for j in left_b:
        changes[("b", j)] = _lone_entry(section, b_entries[j], "added", j)
        loose_b += _bullet_refs(j, b_entries[j])
    _cross_entry(section, a_entries, b_entries, pairs, loose_a, loose_b, changes)
    ordered = sorted(
        changes.values(),
        key=lambda c: (
            c.after_index if c.after_index is not None else (c.before_index or 0) + 0.5,
            c.change != "removed",
        ),
    )
    return [c for c in ordered if _has_news(c)]


def _lone_entry(
    section: str, entry: Entry, change: Literal["added", "removed"], index: int
) -> EntryChange:
    """An entry only one side has: removed from A (at ``index``) or added in B."""
    return EntryChange(
        section=section,
        change=change,
        id=entry.id,
        title=title_of(entry, section),
        before_index=index if change == "removed" else None,
        after_index=index if change == "added" else None,
    )


def _bullet_refs(index: int, entry: Entry) -> list[tuple[int, int]]:
    """(entry index, bullet index) of every bullet of ``entry``."""
    return [(index, k) for k in range(len(getattr(entry, "highlights", [])))]


def _has_news(change: EntryChange) -> bool:
    return change.change != "changed" or bool(
        change.moved or change.fields or change.lists or change.bullets
    )


def _cross_entry(
    section: str,
    a_entries: Sequence[Entry],
    b_entries: Sequence[Entry],
    pairs: Sequence[Pair],
    loose_a: list[tuple[int, int]],
    loose_b: list[tuple[int, int]],
    changes: dict[tuple[str, int], EntryChange],
) -> None:
    """Pair the bullets left over in each entry across entries (a bullet moved to another
    role); what stays unpaired is added or removed."""
    b_of_a = {i: j for i, j, _ in pairs}

    def bullet(entries: Sequence[Entry], ref: tuple[int, int]) -> tuple[str, str]:
        entry = entries[ref[0]]
        assert isinstance(entry, WithHighlights)
        return list(entry.bullets())[ref[1]]

    a_items = [bullet(a_entries, ref) for ref in loose_a]
    b_items = [bullet(b_entries, ref) for ref in loose_b]
    cross = pair_items(
        [hid for hid, _ in a_items],
        [hid for hid, _ in b_items],
        lambda x, y: similarity(a_items[x][1], b_items[y][1]),
        R.BULLET_MATCH,
    )
    for x, y, how in cross:
        (ai, ak), (bj, bk) = loose_a[x], loose_b[y]
        same_entry = b_of_a.get(ai) == bj
        source = None if same_entry else title_of(a_entries[ai], section)
        _entry_change(changes, "b", bj).bullets.append(
            _paired_bullet(
                "changed" if same_entry else "moved", ak, bk, a_items[x], b_items[y], how, source
            )
        )
        if not same_entry:
            home = _entry_change(changes, "a", ai, b_of_a.get(ai))
            home.bullets.append(
                BulletChange(
                    change="moved",
                    id=a_items[x][0],
                    before_line=ak + 1,
                    before=a_items[x][1],
                    matched_by=how,
                    to_entry=title_of(b_entries[bj], section),
                )
            )
    left_x, left_y = unpaired(cross, len(loose_a), len(loose_b))
    for x in left_x:
        ai, ak = loose_a[x]
        _entry_change(changes, "a", ai, b_of_a.get(ai)).bullets.append(
            BulletChange(
                change="removed", id=a_items[x][0], before_line=ak + 1, before=a_items[x][1]
            )
        )
    for y in left_y:
        bj, bk = loose_b[y]
        _entry_change(changes, "b", bj).bullets.append(
            BulletChange(change="added", id=b_items[y][0], after_line=bk + 1, after=b_items[y][1])
        )
    for change in changes.values():
        change.bullets.sort(key=_bullet_order)


def _entry_change(
    changes: dict[tuple[str, int], EntryChange], side: str, index: int, paired: int | None = None
) -> EntryChange:
    if side == "a" and paired is not None:
        return changes[("b", paired)]
    return changes[(side, index)]


def _bullet_order(change: BulletChange) -> tuple[float, int]:
    if change.after_line is not None:
        return (change.after_line, 1)
    return ((change.before_line or 0) - 0.5, 0)


def diff_resumes(a: Resume, b: Resume, *, a_label: str = "A", b_label: str = "B") -> ResumeDiff:
    """Every difference between two resumes, section by section (no emphasis yet)."""
    basics_a = a.basics.model_dump(mode="json", exclude_none=True)
    basics_b = b.basics.model_dump(mode="json", exclude_none=True)
    basics, basics_lists = compare_fields(basics_a, basics_b)
    sections = []
    for section in SECTIONS:
        entries = compare_section(section, getattr(a, section), getattr(b, section))
        if entries:
            sections.append(SectionChange(section=section, entries=entries))
    unplaced = compare_lists("unplaced", a.meta.unparsed, b.meta.unparsed)
    if unplaced is not None:
        entry = EntryChange(
            section="meta", change="changed", title="lines not placed", lists=[unplaced]
        )
        sections.append(SectionChange(section="meta", entries=[entry]))
    return ResumeDiff(
        a=a_label, b=b_label, basics=basics, basics_lists=basics_lists, sections=sections
    )


# -- emphasis ---------------------------------------------------------------------------


def emphasis_shift(
    before: Analysis, after: Analysis, *, with_demand: bool = True
) -> list[SkillShift]:
    """Each analyzed skill's emphasis and verdict before → after, most demanded first."""
    later = {r.skill: r for r in after.skills}
    shifts = []
    for report in before.skills:
        other = later.get(report.skill)
        if other is None:
            continue
        shifts.append(
            SkillShift(
                skill=report.skill,
                demand=report.demand.score if with_demand else None,
                before=report.emphasis.score,
                after=other.emphasis.score,
                verdict_before=report.verdict,
                verdict_after=other.verdict,
            )
        )
    shifts.sort(key=lambda s: (-(s.demand or 0.0), -(s.after - s.before), s.skill.casefold()))
    return shifts


def skills_named(resume: Resume, taxonomy: Taxonomy) -> list[str]:
    """The skills a resume lists: skills keywords, group names the taxonomy knows, and the
    items of a focus line (see draft_rules)."""
    from .draft import find_focus_line

    names: list[str] = []
    for group in resume.skills:
        if group.name and taxonomy.get(group.name) is not None:
            names.append(group.name)
        names += [k for k in group.keywords if k.strip()]
    focus = find_focus_line(resume.basics.summary or "")
    if focus is not None:
        names += focus[2]
    return names


def run(
    a: str,
    b: str,
    *,
    asked: Sequence[str] = (),
    workspace: Path | None = None,
    start: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> ResumeDiff:
    """What ``resumetool diff`` does: resolve A and B (versions or files), diff them, and
    add the emphasis change of every demanded skill (see the module doc for the demand)."""
    from .analyze import analyze_many, find_workspace
    from .skills import load_taxonomy
    from .versions import resolve_resume

    ws = find_workspace(workspace, start, required=False, on_warning=on_warning)
    resume_a, label_a = resolve_resume(a, ws)
    resume_b, label_b = resolve_resume(b, ws)
    result = diff_resumes(resume_a, resume_b, a_label=label_a, b_label=label_b)
    settings_skills = ws.settings().skills if ws is not None else []
    taxonomy = load_taxonomy(settings_skills, source=ws.settings_path if ws else None)
    interviews = [] if asked or ws is None else ws.interviews_with_interest()
    skills = [" ".join(s.split()) for s in asked if s.strip()]
    if skills:
        demand_from = "the skills given with --asked"
    elif interviews:
        demand_from = f"from {count_noun(len(interviews), 'interview')}"
    else:
        skills = skills_named(resume_a, taxonomy) + skills_named(resume_b, taxonomy)
        demand_from = "the skills named in either resume, each weighing the same (no interviews)"
    if not skills and not interviews:
        result.demand_from = "none (no interviews, and neither resume lists skills)"
        return result
    before, after = analyze_many(
        [(label_a, resume_a), (label_b, resume_b)],
        taxonomy=taxonomy,
        asked=skills,
        interviews=interviews,
    )
    result.emphasis = emphasis_shift(before, after, with_demand=bool(interviews))
    result.demand_from = demand_from
    return result


# -- presentation -----------------------------------------------------------------------

Segment = tuple[str, str | None]
"""Text and its style (None: plain)."""

STYLES = {
    "delete": "red",
    "insert": "green",
    "removed": "red",
    "added": "green",
    "move": "yellow",
    "title": "bold",
    "section": "bold underline",
    "dim": "dim",
    "up": "green",
    "down": "red",
}
MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
"""Without colour, deleted and inserted words are marked as ``git diff --word-diff`` does;
whole lines added or removed are told by their sign (+/-) instead."""
SIGNS = {"added": "+", "removed": "-", "changed": "~", "moved": "↕"}


def _context(text: str, *, first: bool, last: bool) -> str:
    """An unchanged run of words, cut to ``CONTEXT_WORDS`` next to each change."""
    words = text.split()
    if len(words) <= 2 * R.CONTEXT_WORDS + 1:
        return text
    head = [] if first else words[: R.CONTEXT_WORDS]
    tail = [] if last else words[-R.CONTEXT_WORDS :]
    return " ".join([*head, "…", *tail])


def _words(words: Sequence[Words]) -> list[Segment]:
    out: list[Segment] = []
    for n, w in enumerate(words):
        if n:
            out.append((" ", None))
        if w.op == "equal":
            out.append((_context(w.text, first=n == 0, last=n == len(words) - 1), None))
        else:
            out.append((w.text, w.op))
    return out


def _list_segments(change: ListChange) -> list[Segment]:
    if not change.added and not change.removed:
        return [
            (f"{change.field} reordered: ", None),
            (", ".join(change.before), "dim"),
            (" → ", None),
            (", ".join(change.after), None),
        ]
    out: list[Segment] = [(f"{change.field}: ", None)]
    parts: list[Segment] = [(item, "insert") for item in change.added]
    parts += [(item, "delete") for item in change.removed]
    for n, part in enumerate(parts):
        if n:
            out.append((", ", None))
        out.append(part)
    if change.reordered:
        out.append((" (and reordered)", "dim"))
    return out


def _bullet_segments(change: BulletChange) -> list[Segment]:
    if change.change == "added":
        return [(f"+ line {change.after_line}: {change.after or ''}", "added")]
    if change.change == "removed":
        return [(f"- line {change.before_line}: {change.before or ''}", "removed")]
    if change.to_entry is not None:
        return [
            (f"↕ line {change.before_line} moved to {change.to_entry}: ", "move"),
            (change.before or "", "dim"),
        ]
    if change.change == "moved":
        if change.from_entry is not None:
            head = f"↕ moved from {change.from_entry} (line {change.before_line}) to line "
            head += f"{change.after_line}"
        else:
            before, after = change.before_line or 0, change.after_line or 0
            arrow = "↑" if after < before else "↓" if after > before else "↕"
            head = f"{arrow} moved {change.before_line} → {change.after_line}"
        body = _words(change.words) if change.words else [(change.after or "", None)]
        return [(head + (", changed: " if change.words else ": "), "move"), *body]
    return [(f"~ line {change.after_line}: ", None), *_words(change.words)]


def text_lines(diff: ResumeDiff) -> list[list[Segment]]:
    """The diff as lines of styled segments (see ``to_text``)."""
    lines: list[list[Segment]] = [[(f"diff {diff.a} → {diff.b}", "title")]]
    if diff.same:
        lines.append([("no differences in the resume's content", None)])
    if diff.basics or diff.basics_lists:
        lines += [[], [("basics", "section")]]
        lines += _field_lines("  ", diff.basics, diff.basics_lists)
    for section in diff.sections:
        lines += [[], [(section.section, "section")]]
        for entry in section.entries:
            sign = SIGNS[entry.change]
            style = {"added": "added", "removed": "removed"}.get(entry.change, "title")
            head: list[Segment] = [(f"  {sign} ", style), (entry.title, style)]
            if entry.change in ("added", "removed"):
                head.append((f" ({entry.change})", style))
            if entry.moved:
                head.append((f"  moved {_positions(entry)}", "move"))
            lines.append(head)
            lines += _field_lines("      ", entry.fields, entry.lists)
            for bullet in entry.bullets:
                lines.append([("      ", None), *_bullet_segments(bullet)])
    if diff.emphasis or diff.demand_from:
        lines += [[], [(f"emphasis of demanded skills — demand: {diff.demand_from}", "section")]]
        lines += _emphasis_lines(diff)
    return lines


def _field_lines(
    indent: str, fields: Sequence[FieldChange], lists: Sequence[ListChange]
) -> list[list[Segment]]:
    lines = [[(f"{indent}~ ", None), (f"{c.field}: ", None), *_words(c.words)] for c in fields]
    return lines + [[(f"{indent}~ ", None), *_list_segments(c)] for c in lists]


def _positions(entry: EntryChange) -> str:
    """'3 → 1': a moved entry's place in its section, before and after, counted from one."""
    return f"{(entry.before_index or 0) + 1} → {(entry.after_index or 0) + 1}"


def _emphasis_lines(diff: ResumeDiff) -> list[list[Segment]]:
    shown = [s for s in diff.emphasis if s.demand is not None or s.changed]
    hidden = len(diff.emphasis) - len(shown)
    if not shown:
        return [[(f"  no change in emphasis ({hidden} skills compared)", "dim")]] if hidden else []
    width = min(max(len(s.skill) for s in shown), 32)
    demand_col = any(s.demand is not None for s in shown)
    header = (
        f"  {'skill':<{width}}  " + ("demand  " if demand_col else "") + f"{'emphasis':<15}verdict"
    )
    out: list[list[Segment]] = [[(header, "dim")]]
    for s in shown:
        delta = s.after - s.before
        mark, style = ("▲", "up") if delta >= R.EMPHASIS_EPSILON else ("▼", "down")
        if abs(delta) < R.EMPHASIS_EPSILON:
            mark, style = "=", "dim"
        name = s.skill if len(s.skill) <= width else s.skill[: width - 1] + "…"
        row: list[Segment] = [(f"  {name:<{width}}  ", None)]
        if demand_col:
            row.append((f"{s.demand:>6.2f}  " if s.demand is not None else "     —  ", None))
        row += [(f"{s.before:.2f} → {s.after:.2f} ", None), (mark, style)]
        row.append((f"  {s.verdicts}", None))
        out.append(row)
    if hidden:
        out.append([(f"  {count_noun(hidden, 'other skill')} unchanged", "dim")])
    return out


def to_text(diff: ResumeDiff, *, color: bool = False) -> str | Text:
    """Plain text with ``[-…-]``/``{+…+}`` word markers, or (``color``) a rich Text with
    colours instead of markers."""
    lines = text_lines(diff)
    if not color:
        out = []
        for line in lines:
            parts = []
            for text, style in line:
                start, end = MARKERS.get(style or "", ("", ""))
                parts.append(f"{start}{text}{end}")
            out.append("".join(parts))
        return "\n".join(out) + "\n"
    from rich.text import Text

    rich_text = Text()
    for n, line in enumerate(lines):
        if n:
            rich_text.append("\n")
        for text, style in line:
            rich_text.append(text, style=STYLES.get(style or ""))
    return rich_text


def _md(text: str) -> str:
    """Text for the Markdown diff, through the resume designs' escaper (``render``), not
    ``templating.md_escape``: a diff quotes whole resume lines, which may start with '-',
    '1.' or '#' and carry '~' or '$', and the designs' escaper is the one that neutralizes
    those the way a rendered Markdown resume does. Imported on use: ``draft`` and ``demo``
    load this module for its move counting and need nothing of ``render``."""
    from .render import markdown_escape

    return markdown_escape(text)


def _md_words(words: Sequence[Words]) -> str:
    out = []
    for w in words:
        text = _md(w.text)
        out.append(
            text if w.op == "equal" else f"~~{text}~~" if w.op == "delete" else f"**{text}**"
        )
    return " ".join(out)


def _md_list(change: ListChange) -> str:
    if not change.added and not change.removed:
        return (
            f"{change.field} reordered: {_md(', '.join(change.before))} → "
            f"{_md(', '.join(change.after))}"
        )
    items = [f"**{_md(i)}**" for i in change.added] + [f"~~{_md(i)}~~" for i in change.removed]
    return f"{change.field}: {', '.join(items)}" + (" (and reordered)" if change.reordered else "")


def _md_bullet(change: BulletChange) -> str:
    if change.change == "added":
        return f"added line {change.after_line}: **{_md(change.after or '')}**"
    if change.change == "removed":
        return f"removed line {change.before_line}: ~~{_md(change.before or '')}~~"
    if change.to_entry is not None:
        return (
            f"line {change.before_line} moved to {_md(change.to_entry)}: {_md(change.before or '')}"
        )
    body = _md_words(change.words) if change.words else _md(change.after or "")
    if change.change == "moved":
        origin = f" from {_md(change.from_entry)}" if change.from_entry else ""
        return f"moved{origin} line {change.before_line} → {change.after_line}: {body}"
    return f"changed line {change.after_line}: {body}"


def _md_items(
    fields: Sequence[FieldChange],
    lists: Sequence[ListChange],
    bullets: Sequence[BulletChange] = (),
) -> list[str]:
    items = [f"- {c.field}: {_md_words(c.words)}" for c in fields]
    items += [f"- {_md_list(c)}" for c in lists]
    return items + [f"- {_md_bullet(c)}" for c in bullets]


def to_markdown(diff: ResumeDiff) -> str:
    """The diff as Markdown: ~~deleted~~, **inserted**, one list per entry, a table of
    emphasis."""
    out = [f"# Diff: {_md(diff.a)} → {_md(diff.b)}", ""]
    if diff.same:
        out += ["No differences in the resume's content.", ""]
    if diff.basics or diff.basics_lists:
        out += ["## basics", "", *_md_items(diff.basics, diff.basics_lists), ""]
    for section in diff.sections:
        out += [f"## {section.section}", ""]
        for entry in section.entries:
            status = f" ({entry.change})" if entry.change != "changed" else ""
            if entry.moved:
                status += f" (moved {_positions(entry)})"
            out += [f"### {_md(entry.title)}{status}", ""]
            items = _md_items(entry.fields, entry.lists, entry.bullets)
            out += [*items, ""] if items else []
    if diff.emphasis:
        out += ["## Emphasis of demanded skills", "", f"Demand: {_md(diff.demand_from or '')}.", ""]
        out += ["| Skill | Demand | Before | After | Verdict |", "|---|---:|---:|---:|---|"]
        for s in diff.emphasis:
            demand = f"{s.demand:.2f}" if s.demand is not None else "—"
            cells = [md_escape(s.skill), demand, f"{s.before:.2f}", f"{s.after:.2f}", s.verdicts]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def to_json_text(diff: ResumeDiff) -> str:
    return json.dumps(diff.to_json(), ensure_ascii=False, indent=2)
