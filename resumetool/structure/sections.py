"""Sections: find the headings, cut the lines between them.

Why two passes: the lexicon finds the headings people usually write ("Experience",
"Licenses & Certifications") when a layout cue backs them (rules.yaml, ``heading``). A
resume's headings share one look, so a second pass takes other short lines with exactly
that look (size, weight, capitals, style) as headings too — of sections the lexicon does
not know, whose text is kept in ``meta.unparsed`` rather than mixed into the section above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.lines import Document, Line
from .features import Candidate, heading_section, min_score, score


@dataclass(slots=True)
class Section:
    key: str
    """'header' (before the first heading), a JSON Resume section, 'summary', 'contact' or
    'other'."""
    title: str | None
    lines: list[Line] = field(default_factory=list)


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


def split_sections(document: Document) -> list[Section]:
    """The document's lines grouped under their headings, in order."""
    # Footers belong to no section: a PDF's are page numbers, a DOCX's are read for contact
    # details on their own (``structure._basics``).
    lines = [line for line in document.lines if line.source != "footer"]
    body = document.body_size
    largest = max((line.size or 0 for line in lines), default=0) or None
    keys: list[str | None] = []
    for line in lines:
        text = heading_text(line)
        candidate = Candidate(text, line, body, largest)
        section, _ = heading_section(text)
        if section and score("heading", candidate) >= min_score("heading"):
            keys.append(section)
        else:
            keys.append(None)
    _expand_by_look(lines, keys, document.kind, body)
    sections: list[Section] = [Section("header", None)]
    for line, key in zip(lines, keys, strict=True):
        if key is not None:
            sections.append(Section(key, heading_text(line)))
        else:
            sections[-1].lines.append(line)
    return sections


def _expand_by_look(
    lines: list[Line], keys: list[str | None], kind: str, body: float | None
) -> None:
    """Mark short lines that look exactly like the found headings as 'other' headings."""
    found = [i for i, k in enumerate(keys) if k is not None]
    if len(found) < 2:
        return
    looks: dict[tuple[object, ...], int] = {}
    for i in found:
        sig = _signature(lines[i], kind)
        looks[sig] = looks.get(sig, 0) + 1
    look, count = max(looks.items(), key=lambda kv: kv[1])
    if count < 2 or look == _signature(Line(runs=[]), kind):
        return
    larger = bool(body) and float(look[0]) > (body or 0) + 0.5  # type: ignore[arg-type]
    if not (look[1] or look[2] or look[4] or larger):
        return  # plain-looking headings: the look alone proves nothing
    for i in range(found[0] + 1, len(lines)):
        line = lines[i]
        if keys[i] is not None or line.bullet or _signature(line, kind) != look:
            continue
        text = heading_text(line)
        words = text.split()
        if not words or len(words) > 5 or len(line.segments) > 1:
            continue
        if any(ch.isdigit() for ch in text) or "@" in text or text.endswith((".", ",")):
            continue
        keys[i] = "other"
