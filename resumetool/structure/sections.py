"""Sections: find the headings, cut the lines between them.

Why two passes: the lexicon finds the headings people usually write ("Experience",
"Licenses & Certifications") when a layout cue backs them (rules.yaml, ``heading``). A
resume's headings share one look, so a second pass takes other short lines with exactly
that look (size, weight, capitals, style) as headings too — of sections the lexicon does
not know, whose text is kept in ``meta.unparsed`` rather than mixed into the section above.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..parse.lines import Document, Line
from .features import FEATURES, Candidate, guess_section, heading_section, load, min_score, score


@dataclass(slots=True)
class Section:
    key: str
    """'header' (before the first heading), a JSON Resume section, 'summary', 'contact' or
    'other'."""
    title: str | None
    lines: list[Line] = field(default_factory=list)


_HEADER_LINES = 2
"""The name and the headline under it: never a heading found by its look alone."""


def heading_text(line: Line) -> str:
    return line.plain.strip().rstrip(":").strip()


def _signature(line: Line, kind: str) -> tuple[object, ...]:
    return (
        round(line.size or 0),
        line.bold,
        line.caps,
        line.italic,
        line.heading_level,
        (line.style or "") if kind == "docx" else "",
    )


def split_sections(document: Document, headings: Mapping[str, str] | None = None) -> list[Section]:
    """The document's lines grouped under their headings, in order.

    ``headings``: the user's own heading phrases (normalized phrase → section key), read
    before the lexicon.
    """
    # Footers belong to no section: a PDF's are page numbers, a DOCX's are read for contact
    # details on their own (``structure._basics``).
    lines = [line for line in document.lines if line.source != "footer"]
    body = document.body_size
    largest = max((line.size or 0 for line in lines), default=0) or None
    lines, labels = _label_column(lines, headings)
    keys: list[str | None] = []
    for line in lines:
        text = heading_text(line)
        candidate = Candidate(text, line, body, largest, headings=headings)
        section, _ = candidate.section
        if line.cell is not None and id(line) not in labels:
            keys.append(None)  # a table cell or row is never a heading by itself
        elif section and score("heading", candidate) >= min_score("heading"):
            keys.append(section)
        else:
            keys.append(None)
    _add_styled(lines, keys, headings)
    _expand_by_look(lines, keys, document.kind, body, headings)
    sections: list[Section] = [Section("header", None)]
    for line, key in zip(lines, keys, strict=True):
        if key is not None:
            sections.append(Section(key, heading_text(line)))
        else:
            sections[-1].lines.append(line)
    return sections


def _label_column(
    lines: list[Line], headings: Mapping[str, str] | None
) -> tuple[list[Line], set[int]]:
    """The lines again, and the ids of those that are section headings standing in a
    table's first column ("EXPERIENCE" | the jobs, "EDUCATION" | the school): a row read as
    one line ("EDUCATION ‖ Front Range University, …") is cut into its heading and the rest.

    Why only such a column: a "Languages" cell beside "Python, SQL" in a skills table is a
    row's label, not a heading — a table cell is never a heading by itself. Only a layout
    that puts every section's title in a left column makes cells headings, and there most
    cells of that column are heading words, among them Experience or Education.
    """
    by_cell: dict[tuple[int, int, int], list[Line]] = {}
    for line in lines:
        if line.cell is not None:
            by_cell.setdefault(line.cell, []).append(line)
    tables: dict[int, list[tuple[Line, str | None]]] = {}
    for (table, _, column), cell_lines in by_cell.items():
        first = cell_lines[0]
        if column == 0 and len(cell_lines) == 1:
            text = heading_text(first)
        elif column == -1:
            text = first.segments[0].rstrip(":").strip()
        else:
            continue
        tables.setdefault(table, []).append((first, heading_section(text, headings)[0]))
    found: set[int] = set()
    for cells in tables.values():
        known = [(line, key) for line, key in cells if key is not None]
        keys = {key for _, key in known}
        if len(known) >= 2 and 2 * len(known) >= len(cells) and keys & {"work", "education"}:
            found.update(id(line) for line, _ in known)
    if not found:
        return lines, found
    out: list[Line] = []
    for line in lines:
        if id(line) in found and line.cell is not None and line.cell[2] == -1:
            heading, rest = _cut_first_segment(line)
            found.add(id(heading))
            out += [heading, rest]
        else:
            out.append(line)
    return out, found


def _cut_first_segment(line: Line) -> tuple[Line, Line]:
    """A table row read as one line → (its first cell, the rest), as two lines."""
    first_segment = min(r.segment for r in line.runs)
    head = [r for r in line.runs if r.segment == first_segment]
    rest = [r for r in line.runs if r.segment != first_segment]
    table, row, _ = line.cell or (0, 0, 0)
    heading = replace(line, runs=[replace(r, segment=0) for r in head], cell=(table, row, 0))
    content = replace(
        line,
        runs=[replace(r, segment=r.segment - first_segment - 1) for r in rest],
        cell=(table, row, 1),
        block_start=False,
    )
    return heading, content


def _add_styled(
    lines: list[Line], keys: list[str | None], headings: Mapping[str, str] | None
) -> None:
    """Lines in a real heading style at the sections' level become headings on their own
    (rules.yaml ``styled_heading``): of the section the lexicon guesses, else 'other'.

    Why: "Work" or "Where I've been" set in Word's Heading 1 beside "Education" in
    Heading 1 is a section heading whatever its words; before this it fell into the header
    and became the person's label. The sections' level is the one the known headings use
    (else the highest one used), so "### Staff Engineer, Acme" under "## Experience"
    stays an entry.
    """
    levels = [
        line.heading_level
        for line, key in zip(lines, keys, strict=True)
        if key is not None and line.heading_level > 0
    ]
    candidates = [
        i
        for i, line in enumerate(lines)
        if keys[i] is None and i > 0 and line.heading_level > 0 and _heading_like(line)
    ]
    if not candidates:
        return
    level = min(levels) if levels else min(lines[i].heading_level for i in candidates)
    for i in candidates:
        if lines[i].heading_level == level:
            keys[i] = guess_section(heading_text(lines[i]), headings) or "other"


def _heading_like(line: Line) -> bool:
    """Short, one segment, no digit, "@", separator or sentence stop, no role or
    organisation word: how a heading reads, and an entry's title does not."""
    text = heading_text(line)
    words = text.split()
    limit = int(load("rules.yaml")["styled_heading_max_words"])
    if not words or len(words) > limit or len(line.segments) > 1 or line.bullet:
        return False
    if line.source in ("header", "footer") or line.cell is not None:
        return False
    if any(ch.isdigit() for ch in text) or "@" in text or re.search(r"[,;|·•]|\s[-–—]\s", text):
        return False
    if text.endswith((".", "!", "?")):
        return False
    candidate = Candidate(text)
    return not (FEATURES["role_word"](candidate) or FEATURES["org_word"](candidate))


def _expand_by_look(
    lines: list[Line],
    keys: list[str | None],
    kind: str,
    body: float | None,
    headings: Mapping[str, str] | None = None,
) -> None:
    """Mark short lines that look exactly like the found headings as headings too: of the
    section the lexicon guesses from their words, else 'other'.

    After the first found heading, two found headings sharing a look make that look a
    heading's. Before it (the header), a line must also stand after a blank line or gap,
    below the name and headline, and read as a heading (``_heading_like``): "WHERE I HAVE
    BEEN" above a known "SKILLS" is the first section, not the person's headline.
    """
    found = [i for i, k in enumerate(keys) if k is not None]
    if not found:
        return
    looks: dict[tuple[object, ...], int] = {}
    for i in found:
        sig = _signature(lines[i], kind)
        looks[sig] = looks.get(sig, 0) + 1
    look, count = max(looks.items(), key=lambda kv: kv[1])
    if look == _signature(Line(runs=[]), kind):
        return
    larger = bool(body) and float(look[0]) > (body or 0) + 0.5  # type: ignore[arg-type]
    if not (look[1] or look[2] or look[4] or larger):
        return  # plain-looking headings: the look alone proves nothing
    for i in range(_HEADER_LINES, found[0]):
        line = lines[i]
        if line.block_start and _signature(line, kind) == look and _heading_like(line):
            keys[i] = guess_section(heading_text(line), headings) or "other"
    if len(found) < 2 or count < 2:
        return
    for i in range(found[0] + 1, len(lines)):
        line = lines[i]
        if keys[i] is not None or line.bullet or _signature(line, kind) != look:
            continue
        if line.cell is not None:
            continue
        text = heading_text(line)
        words = text.split()
        if not words or len(words) > 5 or len(line.segments) > 1:
            continue
        if any(ch.isdigit() for ch in text) or "@" in text or text.endswith((".", ",")):
            continue
        keys[i] = guess_section(text, headings) or "other"
