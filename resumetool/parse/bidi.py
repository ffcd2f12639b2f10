"""Right-to-left text read out of a PDF: visual order (left to right on the page) → logical.

Why: a PDF places glyphs; it does not say in which order they were typed. pdfplumber gives
a line's characters sorted left to right, so Arabic or Hebrew comes out reversed ("محمد"
as "دمحم") while the Latin text beside it is fine. This module undoes the reordering of
the Unicode bidirectional algorithm (UAX #9), simplified to what a resume line holds (no
explicit embeddings): strong RTL (R, AL) and LTR (L) characters, numbers (EN, AN, with the
separators and terminators that belong to them) and neutrals (spaces, punctuation).

Why not python-bidi: it goes logical → visual on code points. Run on a visual line it is
its own inverse only when it guesses the paragraph direction right, and it reverses a
glyph that stands for several letters (the lam-alef ligature "لا", "لى"): pdfplumber gives
such a glyph as one character whose text is already in logical order. Here the unit is
the glyph, as the PDF drew it.

How a visual line is read back:
- the paragraph direction comes from the first strong character, which is the leftmost
  in an LTR paragraph and the rightmost in an RTL one: strong characters at both ends
  agree → that direction; they disagree (Latin at one end, Arabic at the other) → the
  caller's ``rtl_default`` (the PDF reader judges it from where the line stands: flush
  left, flush right, or the document's usual side);
- levels are resolved on the visual sequence as UAX #9 resolves them on the logical one
  (rules W2, W4–W7, N1, N2, I1, I2; the rules are symmetric enough that this gives back the
  levels the line was drawn with), and the reordering of rule L2 — reverse every run at
  level k or above, from the highest k down to 1 — undoes itself;
- brackets are mirrored back only when the text reads wrong without it: some producers
  map a mirrored glyph to the mirrored character (")" drawn for "("), Typst keeps the
  typed one;
- Arabic and Hebrew presentation forms (U+FB1D–FDFF, U+FE70–FEFE: shaped letters some
  producers map glyphs to) become their base letters by NFKC, that glyph only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_RTL_RE = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Every character whose bidi class is R or AL lies in these blocks (a quick first test)."""
_PRESENTATION_RE = re.compile("[\ufb1d-\ufdff\ufe70-\ufefe]")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_OPENING, _CLOSING = "([{<«", ")]}>»"

_STRONG_RTL = frozenset({"R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
_NUMBER_JOINERS = frozenset({"CS", "ES", "ET"})
"""Separators and terminators that belong to a number around them ("4.2", "2015/16", "5%")."""


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter: ASCII text answers without a regex."""
    return not text.isascii() and _RTL_RE.search(text) is not None


def logical_order(glyphs: Sequence[str], rtl_default: bool = False) -> list[tuple[int, str]]:
    """Glyph texts in visual order, left to right → ``(index, text)`` in logical order.

    ``index`` is the position in ``glyphs`` of the glyph a piece of text came from (so a
    caller can keep its font style); a glyph of combining marks alone goes with the glyph
    before it, the base it was drawn over. ``rtl_default``: the paragraph direction of a
    line whose two ends disagree (Latin at one end, Arabic at the other), which the line
    cannot tell — the direction of the document it stands in.
    """
    clusters = _clusters(glyphs)
    if not any(kind in ("R", "AL") for _, _, kind in clusters):
        return [(index, text) for index, text, _ in clusters]
    kinds = [kind for _, _, kind in clusters]
    rtl = _rtl_paragraph(kinds, rtl_default)
    levels = _levels(kinds, rtl)
    order = _reorder(list(range(len(clusters))), levels)
    out = [(clusters[i][0], clusters[i][1]) for i in order]
    if not _brackets_balanced("".join(text for _, text in out)):
        mirrored = [
            (index, text.translate(_MIRRORED) if levels[i] % 2 else text)
            for i, (index, text) in zip(order, out, strict=True)
        ]
        if _brackets_balanced("".join(text for _, text in mirrored)):
            out = mirrored
    return out


def _clusters(glyphs: Sequence[str]) -> list[tuple[int, str, str]]:
    """(index, text, kind) per glyph: kind "R", "L", "EN", "AN", a joiner class or "N"."""
    out: list[tuple[int, str, str]] = []
    for index, glyph in enumerate(glyphs):
        if not glyph:
            continue
        text = glyph
        if _PRESENTATION_RE.search(text):
            text = unicodedata.normalize("NFKC", text)
        kind = _kind(text)
        if kind == "mark" and out:
            last = out[-1]
            out[-1] = (last[0], last[1] + text, last[2])
            continue
        out.append((index, text, "N" if kind == "mark" else kind))
    return out


def _kind(text: str) -> str:
    """The glyph's bidi class, from its first character that has one of its own; "mark"
    for a glyph of combining marks alone."""
    kind = "mark"
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi == "NSM":
            continue
        if bidi == "BN":  # a soft hyphen, a joiner: neutral on its own
            kind = "N"
            continue
        if bidi in _STRONG_RTL:
            return "R" if bidi == "R" else "AL"
        if bidi == "L" or bidi in _NUMBER or bidi in _NUMBER_JOINERS:
            return bidi
        return "N"
    return kind


def _rtl_paragraph(kinds: list[str], rtl_default: bool) -> bool:
    strong = [k for k in kinds if k in ("L", "R", "AL")]
    if not strong:
        return rtl_default
    first, last = strong[0] != "L", strong[-1] != "L"
    return first if first == last else rtl_default


def _levels(kinds: list[str], rtl: bool) -> list[int]:
    """The embedding level of each cluster (0/1 paragraph, +1 for the other direction).

    "Before" in the rules means logically before: left of a character in an LTR
    paragraph, right of it in an RTL one.
    """
    size = len(kinds)
    base = "R" if rtl else "L"
    steps = range(size) if not rtl else range(size - 1, -1, -1)
    kinds = list(kinds)
    last_strong = base
    for i in steps:  # W2: a European number after an Arabic letter is an Arabic number
        if kinds[i] in ("L", "R", "AL"):
            last_strong = kinds[i]
        elif kinds[i] == "EN" and last_strong == "AL":
            kinds[i] = "AN"
    kinds = _attach_joiners(kinds)
    # W7: a European number after an L is L; any other number counts as R for N1.
    direction: list[str | None] = [None] * size
    last_strong = base
    for i in steps:
        kind = kinds[i]
        if kind in ("L", "R", "AL"):
            last_strong = "L" if kind == "L" else "R"
            direction[i] = last_strong
        elif kind in _NUMBER:
            direction[i] = "L" if last_strong == "L" and kind == "EN" else "R"
    # N1, N2: neutrals between two of one direction take it; others take the paragraph's.
    i = 0
    while i < size:
        if direction[i] is not None:
            i += 1
            continue
        end = i
        while end < size and direction[end] is None:
            end += 1
        before = direction[i - 1] if i > 0 else base
        after = direction[end] if end < size else base
        fill = before if before == after else base
        for j in range(i, end):
            direction[j] = fill
        i = end
    levels: list[int] = []
    for kind, resolved in zip(kinds, direction, strict=True):
        number = kind in _NUMBER
        if not rtl:
            levels.append(0 if resolved == "L" else (2 if number else 1))
        else:
            levels.append(2 if resolved == "L" or number else 1)
    return levels


def _attach_joiners(kinds: list[str]) -> list[str]:
    """W4–W6: a separator between two numbers of one kind ("4.2", "2015/16"; for Arabic
    numbers only a common separator) and terminators touching a European number ("5%")
    join the number; the rest are neutral."""
    out = list(kinds)
    for i, kind in enumerate(kinds):
        if kind not in _NUMBER_JOINERS:
            continue
        before = kinds[i - 1] if i > 0 else ""
        after = kinds[i + 1] if i + 1 < len(kinds) else ""
        if kind == "ET":
            touching = _number_beside(kinds, i, -1) == "EN" or _number_beside(kinds, i, 1) == "EN"
            out[i] = "EN" if touching else "N"
        elif before in _NUMBER and before == after and (kind == "CS" or before == "EN"):
            out[i] = before
        else:
            out[i] = "N"
    return out


def _number_beside(kinds: list[str], i: int, step: int) -> str:
    """The number class a run of terminators starting at ``i`` touches on side ``step``."""
    j = i
    while 0 <= j < len(kinds) and kinds[j] == "ET":
        j += step
    return kinds[j] if 0 <= j < len(kinds) and kinds[j] in _NUMBER else ""


def _reorder(items: list[int], levels: list[int]) -> list[int]:
    """Rule L2: reverse each run at level k or higher, from the highest k down to 1. The
    same reversal turns a visual sequence back into the logical one."""
    items = list(items)
    levels = list(levels)
    for k in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(items):
            if levels[i] < k:
                i += 1
                continue
            end = i
            while end < len(items) and levels[end] >= k:
                end += 1
            items[i:end] = items[i:end][::-1]
            levels[i:end] = levels[i:end][::-1]
            i = end
    return items


def _brackets_balanced(text: str) -> bool:
    """No closing bracket before its opening one (the sign of a mirrored pair read back)."""
    if not any(c in text for c in _OPENING + _CLOSING):
        return True
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
            if depth < 0:
                return False
    return True
