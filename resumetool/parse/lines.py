"""Lines with style cues: the one shape every reader (DOCX, PDF, text) produces.

Why: the structure stage must not care where a line came from. A reader's whole job is
to turn its format into ``Line`` objects that say what a person sees — the text, split
into segments where the page has a big horizontal gap, a tab or a table cell; which
parts are bold or italic; whether it is a heading, a bullet, how far it is indented and
how much space stands above it. Everything after that is format-free.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

GLYPH_BULLETS = "•▪◦‣●○■□◆◇►▸▹➢➤✓✔❖⁃∙"
"""Glyphs that are bullets even without a following space (never part of a word); the
dashes, "*" and "·" start a bullet only when a space follows."""

_BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(GLYPH_BULLETS)}]\s*|[–—\-*·]\s+)")
_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)])\s+")


@dataclass(slots=True)
class Run:
    """A stretch of text in one style. ``segment`` says which column/cell it belongs to."""

    text: str
    bold: bool = False
    italic: bool = False
    segment: int = 0


@dataclass(eq=False)
class Line:
    """One line as a reader sees it; a bullet or a paragraph wrapped over lines is one Line.

    ``gap_before`` is the blank space above, in multiples of the body line height (None
    where the format does not say). ``block_start`` marks a strong layout break: a new
    table row, a page's first line, or a vertical gap well above the usual.
    """

    runs: list[Run]
    size: float | None = None
    heading_level: int = 0
    bullet: bool = False
    numbered: bool = False
    indent: float = 0.0
    page: int = 1
    gap_before: float | None = None
    source: str = "body"
    block_start: bool = False
    x0: float | None = None
    x1: float | None = None
    segment_x0: list[float] | None = None
    """Where each segment starts on the page (PDF only): the columns a line spans."""
    style: str | None = None
    all_caps: bool = False
    cell: tuple[int, int, int] | None = None
    """Where a line from a table stands: (table, row, column), numbered in reading order
    (DOCX only). A table whose every cell of a row is one line gives that row as one Line
    with a segment per cell, ``cell`` column -1."""

    def changed(self) -> None:
        """Forget the cached texts after a reader edits ``runs`` (joining a wrapped line)."""
        for name in ("segments", "text", "plain"):
            self.__dict__.pop(name, None)

    @cached_property
    def segments(self) -> list[str]:
        """Text of each segment (column, cell or tab stop), in reading order."""
        parts: dict[int, list[str]] = {}
        for run in self.runs:
            parts.setdefault(run.segment, []).append(run.text)
        return [t for t in (_squash("".join(p)) for _, p in sorted(parts.items())) if t]

    @cached_property
    def text(self) -> str:
        """Segments joined by a tab: what a person reads, with the columns kept apart."""
        return "\t".join(self.segments)

    @cached_property
    def plain(self) -> str:
        """Segments joined by a space."""
        return " ".join(self.segments)

    def _styled(self, attr: str) -> bool:
        letters = [r for r in self.runs if r.text.strip()]
        return bool(letters) and all(getattr(r, attr) for r in letters)

    @property
    def bold(self) -> bool:
        return self._styled("bold")

    @property
    def italic(self) -> bool:
        return self._styled("italic")

    @property
    def caps(self) -> bool:
        """All letters upper case (and at least two of them)."""
        letters = [c for c in self.plain if c.isalpha()]
        return len(letters) >= 2 and (self.all_caps or all(c.isupper() for c in letters))

    @property
    def starts_bold(self) -> bool:
        first = next((r for r in self.runs if r.text.strip()), None)
        return bool(first and first.bold)


@dataclass(eq=False)
class Document:
    """What a reader returns: lines in reading order plus what the file says about itself."""

    path: Path
    kind: str
    lines: list[Line] = field(default_factory=list)
    pages: int = 1
    links: list[str] = field(default_factory=list)
    author: str | None = None
    """The author the file names in its properties (often the person, exactly spelled)."""

    @cached_property
    def body_size(self) -> float | None:
        """The most common font size, weighted by text length (None when unknown)."""
        counts: dict[float, int] = {}
        for line in self.lines:
            if line.size:
                key = round(line.size, 1)
                counts[key] = counts.get(key, 0) + len(line.plain)
        return max(counts, key=counts.__getitem__) if counts else None


def _squash(text: str) -> str:
    """Whitespace runs to one space, and accents composed (NFC): "é" drawn as "e" plus a
    combining accent reads, compares and prints as the one letter it is."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def split_bullet(text: str) -> tuple[str, bool, bool]:
    """(text without its marker, is_bullet, is_numbered) for a typed bullet or number.

    Why: people type "• ", "- ", "* " or "1. " instead of using Word's list numbering, and
    PDFs carry the glyph as text; both must read as bullets.
    """
    match = _BULLET_RE.match(text)
    if match and text[match.end() :].strip():
        return text[match.end() :].strip(), True, False
    match = _NUMBER_RE.match(text)
    if match and text[match.end() :].strip():
        rest = text[match.end() :].strip()
        if rest[:1].isalpha() or rest[:1] in "$€£\"'(":
            return rest, True, True
    return text, False, False


def strip_marker(runs: list[Run]) -> tuple[list[Run], bool, bool]:
    """``split_bullet`` applied to a list of runs, keeping their styles."""
    joined = "".join(r.text for r in runs)
    rest, bullet, numbered = split_bullet(joined)
    if not bullet:
        return runs, False, False
    cut = joined.find(rest) if rest else len(joined)
    out: list[Run] = []
    seen = 0
    for run in runs:
        start, end = seen, seen + len(run.text)
        seen = end
        if end <= cut:
            continue
        text = run.text[max(0, cut - start) :]
        out.append(Run(text, run.bold, run.italic, run.segment))
    return out, True, numbered
