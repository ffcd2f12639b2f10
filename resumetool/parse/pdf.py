"""PDF reader: words with font name and size → visual lines → logical lines, in reading order.

Why one pass: pdfplumber's layout analysis of the characters is the expensive part, so
each page gets exactly one ``extract_words`` call (with ``fontname``, ``size`` and ``top``,
so text on another baseline is never glued into one word) and everything else —
faux-bold duplicates, bullet glyphs glued to words, icon glyphs, lines, segments, columns,
wrapped bullets and paragraphs, hyphens — is done on those words.

Layout rules, all geometric (no rule knows a generator; the thresholds are in layout.yaml):
- a visual line is words whose vertical centres fall inside each other's extent;
- a segment break is a horizontal gap wider than ``SEGMENT_GAP`` × the font size
  (a tab stop, a table cell or a right-aligned date column), or a change of baseline
  between words of one font and size (a date column drawn touching the text);
- narrow columns that wrap are put back together (``_repair_columns``): a date or degree
  continued on the line below inside its own column, a date spread by justification, a
  date touching text that wraps below it, a date glued to the word before it;
- two real columns (a sidebar) are read one after the other when a vertical gutter
  separates them and each side has many lines of its own; a narrow column that only
  labels the lines beside it (dates or places beside each entry) stays on those lines;
- a wrapped bullet is joined when the next line is not a bullet, sits at the bullet's
  indent or its text's indent, and follows with a line's usual spacing;
- a wrapped paragraph is joined when the previous line reached its column's right edge,
  unless the line has a label of its own in the column left of it (a new table row);
- a hyphen at a line end is kept for compounds ("cross-functional") and dropped for a
  word split by hyphenation ("medica-tions"), judged with an English word list;
- right-to-left text (Arabic, Hebrew) comes out of extraction in visual order: each
  segment with some is put back in logical order glyph by glyph (bidi.py), its direction,
  where the text cannot tell, judged by which side of the column the line is flush with.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import bidi, layout, limits
from .datewords import MONTHS, SEASONS
from .lines import GLYPH_BULLETS, Document, Line, Run, split_bullet

_LAYOUT = layout()  # the thresholds, documented in layout.yaml
SEGMENT_GAP = _LAYOUT["segment_gap"]
TEXT_FLOW = bool(_LAYOUT["text_flow"])
OVERLAP = _LAYOUT["overlap"]
CELL_SPILL_WORDS = _LAYOUT["cell_spill_words"]
MARKER_GAP = _LAYOUT["marker_gap"]
WORD_SPACE = _LAYOUT["word_space"]
FAUX_BOLD_ADVANCE = _LAYOUT["faux_bold_advance"]
TIGHT_GAP = _LAYOUT["tight_gap"]
BLOCK_GAP = _LAYOUT["block_gap"]
CELL_GUTTER = _LAYOUT["cell_gutter"]
CELL_WRAP_SPACE = _LAYOUT["cell_wrap_space"]
LINE_WRAP_SPACE = _LAYOUT["line_wrap_space"]
SAME_SIZE = _LAYOUT["same_size"]
ALIGNED = _LAYOUT["aligned"]
ALIGNED_COLUMN = _LAYOUT["aligned_column"]
SIDEBAR_MIN_LINES = _LAYOUT["sidebar_min_lines"]
SIDEBAR_MIN_SIDE_LINES = _LAYOUT["sidebar_min_side_lines"]
SIDEBAR_LABEL_SHARE = _LAYOUT["sidebar_label_share"]
DEEP_DESCENT = _LAYOUT["deep_descent"]
USUAL_DESCENT = _LAYOUT["usual_descent"]

_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi|-bd\b|bd$|,b$|-b$", re.IGNORECASE)
_ITALIC_RE = re.compile(r"italic|oblique|-it$|-it\b|it$|,i$", re.IGNORECASE)
_CID_RE = re.compile(r"\(cid:\d+\)")
_PUA_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\ufffd]")
_PAGE_FURNITURE_RE = re.compile(
    r"^(?:.*\s[-–—|·]\s*)?(?:page\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$|^(?:page\s*)?\d{1,3}$"
    r"|^(?:.*\s)?page\s+\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
    re.IGNORECASE,
)
_SYMBOL_BULLETS = str.maketrans(
    {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf0a8": "•"}
)
"""Bullets drawn from the Symbol / Wingdings / OpenSymbol fonts' private-use code points."""
_LABEL_RE = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:present|current|now)\b", re.IGNORECASE)
"""A year or "present": what the narrow date column beside each entry holds."""
_MARKER_RE = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)]|[-–*])$")
_PLACE_RE = re.compile(r"^[A-ZÀ-Ý][\w.'’ -]{1,30}, [A-ZÀ-Ý][\w.'’ -]{1,30}$")
"""A "City, Region" label: the other thing a narrow column beside each entry holds."""
_RANGE_JOINS = ("-", "–", "—", "to")
"""A dash or "to": what joins the two dates of a range in a date column."""
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_PRESENT_WORD_RE = re.compile(r"^(?:present|current|currently|now|today|ongoing)[.,]?$", re.I)
_GLUED_DATE_RE = re.compile(
    rf"^(?P<head>.*?[^\W\d_][.,;:)]?|.*?[.,;:)])"
    rf"(?P<date>(?:{_MONTH_WORDS.title()}|{'|'.join(s.title() for s in SEASONS)})\.?"
    r"|(?:19|20)\d{2})$"
)
"""A word that ends in a capitalised month or season, or a year, glued to text before it."""
_DATE_WORD_RE = re.compile(
    rf"^(?:(?:{_MONTH_WORDS})\.?,?|(?:{'|'.join(SEASONS)}),?|'?\d{{2}}|(?:19|20)\d{{2}}[.,;]?"
    r"|\d{1,2}/(?:19|20)\d{2}|[-–—]|to|until|through|present|current|now|today|ongoing|date)$",
    re.IGNORECASE,
)
"""One word of a date or date range, as a narrow date column holds them."""


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    font: str = ""
    glyphs: tuple[str, ...] | None = None
    """Set for right-to-left text only: the glyphs as drawn, left to right (a glyph can
    stand for several letters, as the ligature "لا"), so the word can be put back in
    logical order (bidi.py)."""


@dataclass(slots=True)
class _VLine:
    words: list[_Word]
    page: int
    top: float = 0.0
    bottom: float = 0.0
    segments: list[list[_Word]] = field(default_factory=list)
    rtl_default: bool = False
    """The paragraph direction of right-to-left text on this line when the text cannot
    tell (Latin at one end, Arabic at the other): see ``_mark_rtl_lines``."""

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        counts: dict[float, int] = {}
        for w in self.words:
            counts[w.size] = counts.get(w.size, 0) + len(w.text)
        return max(counts, key=counts.__getitem__)


def read(path: Path, data: bytes) -> Document:
    """Read a PDF held in ``data`` (the bytes of ``path``).

    A damaged PDF makes pdfminer and pdfplumber fail in many ways — their own exceptions,
    but also TypeError, KeyError, zlib errors… from deep inside, on opening, on a page, or
    even on closing — so any exception raised inside those libraries is taken to be about
    the file and reported as a damaged PDF (``--debug`` still shows the chain). Their
    logged complaints about broken objects are silenced: one clear line is enough.
    """
    _quiet_pdf_libraries()
    try:
        return _read(path, data)
    except InputError:
        raise
    except Exception as exc:
        if _raised_inside_pdf_libraries(exc):
            raise _open_error(path, exc) from exc
        raise


def _quiet_pdf_libraries() -> None:
    import logging

    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


@functools.cache
def _pdf_library_dirs() -> tuple[str, ...]:
    import pdfminer
    import pdfplumber

    return tuple(str(Path(m.__file__).resolve().parent) for m in (pdfminer, pdfplumber))


def _raised_inside_pdf_libraries(exc: BaseException) -> bool:
    """True when ``exc`` (or what it was raised from) came from inside pdfminer/pdfplumber."""
    from . import raised_inside

    seen = 0
    while exc is not None and seen < 5:
        if raised_inside(exc, _pdf_library_dirs()):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _read(path: Path, data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(BytesIO(data))
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError) as exc:
        raise _open_error(path, exc) from exc
    with pdf:
        try:
            pages = pdf.pages
        except (PdfminerException, PDFSyntaxError) as exc:
            raise _open_error(path, exc) from exc
        cap = limits()["max_pdf_pages"]
        if len(pages) > cap:
            raise InputError(
                f"the PDF has {len(pages)} pages; resumetool reads resumes of at most {cap}",
                path=path,
                hint="a resume is a few pages: give the resume alone, not a portfolio or a book",
            )
        document = Document(path=Path(path), kind="pdf", pages=len(pages))
        author = (pdf.metadata or {}).get("Author")
        document.author = author.strip() if isinstance(author, str) and author.strip() else None
        vlines: list[_VLine] = []
        saw_images = False
        for number, page in enumerate(pages, start=1):
            raw = page.extract_words(
                extra_attrs=["fontname", "size", "top"],
                return_chars=True,
                use_text_flow=TEXT_FLOW,
            )
            for uri in _page_links(page):
                if uri not in document.links:
                    document.links.append(uri)
            if not raw:
                saw_images = saw_images or bool(page.objects.get("image"))
                continue
            vlines.extend(_page_lines(raw, number, float(page.width)))
    if not any(v.words for v in vlines):
        what = "is a scanned image with no text layer" if saw_images else "has no text layer"
        raise InputError(
            f"the PDF {what}, so there is nothing to read",
            path=path,
            hint="export the resume as DOCX or text from the original, or run OCR "
            "(e.g. ocrmypdf) on it first",
        )
    _mark_rtl_lines(vlines)
    document.lines = _logical_lines(vlines)
    return document


def _mark_rtl_lines(vlines: list[_VLine]) -> None:
    """Which way each line with right-to-left text runs, where its text cannot tell.

    Why geometry: a left-to-right paragraph starts at the left edge of its column and a
    right-to-left one at the right edge, whatever script it is in. A line flush with the
    page's text at one side only goes that way; any other (centred, full width, indented)
    goes the way most one-sided lines of the document go. Only a document with RTL words
    pays for this.
    """
    if not any(w.glyphs is not None for v in vlines for w in v.words):
        return
    left_edge: dict[int, float] = {}
    right_edge: dict[int, float] = {}
    for v in vlines:
        left_edge[v.page] = min(left_edge.get(v.page, v.x0), v.x0)
        right_edge[v.page] = max(right_edge.get(v.page, v.x1), v.x1)
    sides: list[bool | None] = []
    for v in vlines:
        flush_left = v.x0 - left_edge[v.page] <= ALIGNED
        flush_right = right_edge[v.page] - v.x1 <= ALIGNED
        sides.append(flush_right if flush_left != flush_right else None)
    rtl_document = sides.count(True) > sides.count(False)
    for v, side in zip(vlines, sides, strict=True):
        v.rtl_default = rtl_document if side is None else side


def _page_links(page: Any) -> list[str]:
    """The page's link targets; a damaged annotation costs its links, not the page's text."""
    try:
        links = page.hyperlinks
    except Exception as exc:
        if _raised_inside_pdf_libraries(exc):
            return []
        raise
    return [link["uri"] for link in links if link.get("uri")]


def _open_error(path: Path, exc: Exception) -> InputError:
    chain = f"{exc!r} {exc.__cause__!r} {getattr(exc, 'args', '')}".lower()
    if "password" in chain or "encrypt" in chain:
        return InputError(
            "the PDF is encrypted (password-protected)",
            path=path,
            hint="open it, save or print a copy without a password, and parse that copy",
        )
    return InputError(
        "the PDF is damaged or truncated and cannot be read",
        path=path,
        hint="export the resume to PDF again from the original",
    )


# ---- words and visual lines ------------------------------------------------------------
def _words(raw: list[dict[str, Any]]) -> list[_Word]:
    words: list[_Word] = []
    for w in raw:
        text = w["text"]
        size = float(w["size"]) or 10.0
        x0, x1 = float(w["x0"]), float(w["x1"])
        fontname = w.get("fontname") or ""
        font = fontname.split("+")[-1]
        bold = bool(_BOLD_RE.search(font))
        italic = bool(_ITALIC_RE.search(font))
        if "(cid:" in text:  # a glyph the font does not map to a character
            text = _CID_RE.sub("", text)
            if not text:
                continue
        if _PUA_RE.search(text):
            text = _PUA_RE.sub("", text.translate(_SYMBOL_BULLETS))
            if not text:
                continue
        doubled = len(text) >= 4 and len(text) % 2 == 0 and text[::2] == text[1::2]
        if doubled and (x1 - x0) / len(text) < FAUX_BOLD_ADVANCE * size:
            text, bold = text[::2], True  # each glyph drawn twice, side by side: faux bold
        top, bottom = _box_depth(w, size)
        if len(text) > 1 and text[0] in GLYPH_BULLETS:
            cut = x0 + (x1 - x0) / len(text)
            words.append(_Word(text[0], x0, cut, top, bottom, size, False, False, font))
            text, x0 = text[1:].lstrip(), cut + 0.25 * size
        for piece, p0, p1 in _pieces(text, x0, x1):
            glyphs = _glyphs(w, piece) if bidi.has_rtl(piece) else None
            words.append(_Word(piece, p0, p1, top, bottom, size, bold, italic, font, glyphs))
    return _unglue_dates(words)


def _box_depth(raw: dict[str, Any], size: float) -> tuple[float, float]:
    """The word's top and bottom, its box moved up to the usual depth below the baseline
    when its font declares a very deep one (``deep_descent`` in layout.yaml)."""
    top, bottom = float(raw["top"]), float(raw["bottom"])
    chars = raw.get("chars")
    if not chars or not chars[0].get("upright", True):
        return top, bottom
    char = chars[0]
    baseline = char["bottom"] + char["y0"] - char["matrix"][5]  # page height - baseline y
    if bottom - baseline <= DEEP_DESCENT * size:
        return top, bottom
    shift = bottom - baseline - USUAL_DESCENT * size
    return top - shift, bottom - shift


def _glyphs(raw: dict[str, Any], text: str) -> tuple[str, ...]:
    """The texts of the glyphs that make ``text`` (what is left of ``raw`` after the clean-up
    above), left to right; one glyph a letter when they do not add up to it."""
    glyphs = [
        _PUA_RE.sub("", _CID_RE.sub("", char["text"]).translate(_SYMBOL_BULLETS))
        for char in raw.get("chars", ())
    ]
    glyphs = [g for g in glyphs if g]
    while glyphs and "".join(glyphs) != text and len("".join(glyphs)) > len(text):
        glyphs.pop(0)  # a bullet glyph cut off the front, or a faux-bold double
    return tuple(glyphs) if "".join(glyphs) == text else tuple(text)


def _pieces(text: str, x0: float, x1: float) -> list[tuple[str, float, float]]:
    """A word cut after each soft hyphen inside it: a soft hyphen shows only where a line
    breaks, so text after it ("Bach\xadNorth") is the next column's, glued by extraction."""
    if "\xad" not in text[:-1]:
        return [(text, x0, x1)]
    out: list[tuple[str, float, float]] = []
    per_char = (x1 - x0) / max(len(text), 1)
    start = 0
    for index, char in enumerate(text[:-1]):
        if char == "\xad":
            cut = x0 + (index + 1) * per_char
            out.append((text[start : index + 1], x0 + start * per_char, cut))
            start = index + 1
    out.append((text[start:], x0 + start * per_char, x1))
    return out


def _unglue_dates(words: list[_Word]) -> list[_Word]:
    """Split a date glued to the word before it ("ILSeptember 2014"): a right-aligned date
    that did not fit its tab stop is drawn touching the text, and extraction joins them."""
    out: list[_Word] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        match = _GLUED_DATE_RE.match(word.text)
        if (
            match
            and following is not None
            and abs(following.top - word.top) < 0.5 * word.size
            and _glued_date_ok(match, following.text)
        ):
            cut = word.x0 + (word.x1 - word.x0) * len(match["head"]) / len(word.text)
            out.append(replace(word, text=match["head"], x1=cut))
            out.append(replace(word, text=match["date"], x0=cut + 0.25 * word.size))
            continue
        out.append(word)
    return out


def _glued_date_ok(match: re.Match[str], following: str) -> bool:
    date = match["date"]
    if date[:1].isdigit():  # a year: only when a range goes on after it
        return following in _RANGE_JOINS or bool(_PRESENT_WORD_RE.match(following))
    if date.rstrip(".").lower() not in MONTHS and date.lower() not in SEASONS:
        return False
    return bool(re.fullmatch(r"'?\d{2}|(?:19|20)\d{2},?", following))


def _page_lines(raw: list[dict[str, Any]], page: int, width: float) -> list[_VLine]:
    words = sorted(_words(raw), key=lambda w: (w.top, w.x0))
    lines: list[_VLine] = []
    for word in words:
        centre = (word.top + word.bottom) / 2
        line = lines[-1] if lines else None
        if line is not None and line.top - 0.5 <= centre <= line.bottom + 0.5:
            line.words.append(word)
            line.top = min(line.top, word.top)
            line.bottom = max(line.bottom, word.bottom)
        else:
            lines.append(_VLine([word], page, word.top, word.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        line.words = _drop_overdrawn(line.words)
        segments: list[list[_Word]] = [[line.words[0]]]
        for index, (prev, word) in enumerate(zip(line.words, line.words[1:], strict=False)):
            limit = SEGMENT_GAP * min(prev.size, word.size)
            if index == 0 and (prev.text in GLYPH_BULLETS or _MARKER_RE.match(prev.text)):
                limit = MARKER_GAP * prev.size  # a list marker and its text, far apart
            if word.x0 - prev.x1 > limit or _baseline_shift(prev, word) or _overdraws(prev, word):
                segments.append([word])
            else:
                segments[-1].append(word)
        line.segments = segments
    lines = _repair_columns(lines)
    return _reading_order(lines, width)


def _drop_overdrawn(words: list[_Word]) -> list[_Word]:
    """Words drawn twice over each other (a fallback font's accent, faux bold) count once.
    Read in drawing order, faux bold is the word twice, the second a hair to the right."""
    out = [words[0]]
    for word in words[1:]:
        if word.text == out[-1].text and word.x0 < out[-1].x1:
            shift = abs(word.x0 - out[-1].x0)
            if len(word.text) > 1 and 0 < shift < FAUX_BOLD_ADVANCE * word.size:
                out[-1] = replace(out[-1], bold=True)  # the whole word again, a hair aside
            continue
        out.append(word)
    return out


def _overdraws(a: _Word, b: _Word) -> bool:
    """Word ``b`` starts inside word ``a``: two cells collide (a long degree drawn into the
    school's column), and the text of each is its own."""
    return TEXT_FLOW and b.x0 < a.x1 - OVERLAP * min(a.size, b.size)


def _baseline_shift(a: _Word, b: _Word) -> bool:
    """Two words of one font and size whose baselines differ sit in different cells (a date
    column drawn touching the text beside it), whatever the gap between them."""
    return a.font == b.font and abs(a.size - b.size) < 0.1 and abs(a.bottom - b.bottom) > 0.5


# ---- columns that wrap --------------------------------------------------------------------
def _repair_columns(lines: list[_VLine]) -> list[_VLine]:
    """Put back together what a narrow column spread over several lines or segments.

    Why: a date or degree column is narrow; a long "September 2016 – December 2019" or
    "Associate of Applied Science" wraps inside it (hyphenated or justified), so its pieces
    land on the lines below, beside other text. Four repairs, all geometric:
    - a first column whose word is hyphenated at its edge ("Asso-" then "ciate" below it)
      is cut from the text beside it, so the logical-line stage can join its pieces;
    - a date range drawn touching the text before it, at the right margin, is cut off that
      text when the text wraps onto the line below (``_split_trailing_date``);
    - date words a justified column spread into separate segments are one segment again;
    - a date left open at a line's end ("… – January", "Decem-") takes the date words right
      below it, inside its own column ("2018", "ber 2019"), from the next line.
    """
    margin = max((line.x1 for line in lines), default=0.0)
    for line, below in itertools.pairwise(lines):
        if _tight(line, below):
            _split_hyphenated_column(line, below)
            _split_trailing_date(line, below, margin)
    for line in lines:
        line.segments = _merge_date_segments(line.segments)
    out: list[_VLine] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and _tight(previous, line):
            _take_date_fragment(previous, line)
            if not line.words:
                continue
        out.append(line)
    return out


def _tight(upper: _VLine, lower: _VLine) -> bool:
    return lower.top - upper.bottom <= TIGHT_GAP * lower.size


def _date_words(words: list[_Word]) -> bool:
    return bool(words) and all(_DATE_WORD_RE.match(w.text) for w in words)


def _merge_date_segments(segments: list[list[_Word]]) -> list[list[_Word]]:
    out: list[list[_Word]] = []
    for segment in segments:
        if (
            out
            and _date_words(out[-1])
            and _date_words(segment)
            and (_opens(out[-1]) or segment[0].text in _RANGE_JOINS)
        ):
            out[-1] = out[-1] + segment
        else:
            out.append(segment)
    return out


def _opens(words: list[_Word]) -> bool:
    """The words end a date that must go on: a dash or "to", or a month with no year yet."""
    last = words[-1].text.rstrip(".,")
    return last.lower() in ("-", "–", "—", "to", "until", "through") or (
        last.lower() in MONTHS or last.lower() in SEASONS
    )


def _take_date_fragment(upper: _VLine, lower: _VLine) -> None:
    for segment in upper.segments:
        if not any(_DATE_WORD_RE.match(w.text) and w.text not in _RANGE_JOINS for w in segment):
            continue
        hyphen = segment[-1].text.endswith(("\xad", "-")) and len(segment[-1].text) > 1
        if not (hyphen or _opens(segment)):
            continue
        left, right = segment[0].x0 - ALIGNED, max(w.x1 for w in segment) + ALIGNED
        for index, other in enumerate(lower.segments):
            inside = other[0].x0 >= left and max(w.x1 for w in other) <= right
            carried = hyphen and other[0].text[:1].islower()  # "Decem-" then "ber 2019"
            if not inside or not (
                _date_words(other) or (carried and (len(other) == 1 or _date_words(other[1:])))
            ):
                continue
            moved = list(other)
            if carried:
                segment[-1].text = segment[-1].text[:-1] + moved.pop(0).text
            if moved:  # the pieces' boxes overlap, so the space between must be written out
                moved[0] = replace(moved[0], text=" " + moved[0].text)
            segment.extend(moved)
            upper.words.extend(moved)
            del lower.segments[index]
            kept = {id(w) for seg in lower.segments for w in seg}
            lower.words = [w for w in lower.words if id(w) in kept]
            break


def _split_trailing_date(line: _VLine, below: _VLine, margin: float) -> None:
    """Cut a date range off the end of a segment when it ends at the right margin and the
    text before it wraps onto the next line ("…Maplewood Logistics November 2020 – present"
    above "Group – Toronto, ON"): the date stands in its own right-aligned column, drawn
    too close to the text for a gap to show it."""
    segment = line.segments[-1]
    if abs(segment[-1].x1 - margin) > 1.0 or line.words[0].text in GLYPH_BULLETS:
        return
    if abs(below.x0 - segment[0].x0) > ALIGNED_COLUMN or below.words[0].text in GLYPH_BULLETS:
        return
    if abs(below.size - line.size) > SAME_SIZE or len(below.segments) > 1:
        return
    start = len(segment)
    while start > 0 and _DATE_WORD_RE.match(segment[start - 1].text):
        start -= 1
    while start < len(segment) and segment[start].text in _RANGE_JOINS:
        start += 1  # a dash before the date belongs to the text ("Group –" / "Toronto")
    tail = segment[start:]
    if start == 0 or len(tail) < 2 or not any(re.search(r"\d{4}", w.text) for w in tail):
        return
    if _opens(tail) or _DATE_WORD_RE.match(below.words[0].text):
        return  # the line below finishes the date ("… to January" above "2018")
    line.segments[-1:] = [segment[:start], tail]


def _split_hyphenated_column(line: _VLine, below: _VLine) -> None:
    """Cut a segment after a word hyphenated at a column's edge ("Aus-" touching the date
    column beside it): the line below goes on where that column starts ("tralia"), left of
    the text that followed the hyphen on this line."""
    cuts: list[tuple[int, int]] = []
    for s_index, segment in enumerate(line.segments):
        for w_index, word in enumerate(segment[:-1]):
            if not word.text.endswith(("\xad", "-")) or len(word.text) < 2:
                continue
            following = segment[w_index + 1]
            if any(
                abs(other[0].x0 - segment[0].x0) <= ALIGNED_COLUMN
                and other[-1].x1 < following.x0 - 0.5
                for other in below.segments
            ):
                cuts.append((s_index, w_index))
            break
    for s_index, w_index in reversed(cuts):
        segment = line.segments[s_index]
        line.segments[s_index : s_index + 1] = [segment[: w_index + 1], segment[w_index + 1 :]]


def _reading_order(lines: list[_VLine], width: float) -> list[_VLine]:
    """Read a two-column (sidebar) page column by column; anything else top to bottom."""
    if len(lines) < SIDEBAR_MIN_LINES:
        return lines
    gutter = _gutter(lines)
    if gutter is None:
        return lines
    sides = [_side(line, gutter) for line in lines]
    inner = [i for i, s in enumerate(sides) if s != "cross"]
    if not inner:
        return lines
    first, last = inner[0], inner[-1]
    block, block_sides = lines[first : last + 1], sides[first : last + 1]
    if "cross" in block_sides or not _is_sidebar(block, block_sides, gutter):
        return lines
    left: list[_VLine] = []
    right: list[_VLine] = []
    for line in block:
        for seg in line.segments:
            target = left if seg[-1].x1 <= gutter else right
            target.append(_VLine(list(seg), line.page, line.top, line.bottom, [list(seg)]))
    return lines[:first] + left + right + lines[last + 1 :]


def _gutter(lines: list[_VLine]) -> float | None:
    """The x, in the middle 60 % of the text's width (2-pt steps), that the fewest segments
    cross: where a second column would start."""
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    best: tuple[int, float] | None = None
    x = left_edge + 0.2 * (right_edge - left_edge)
    while x < left_edge + 0.8 * (right_edge - left_edge):
        crossing = sum(1 for line in lines for seg in line.segments if seg[0].x0 < x < seg[-1].x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += 2.0
    return None if best is None else best[1]


def _side(line: _VLine, gutter: float) -> str:
    """Which side of the gutter a line stands on: 'left', 'right', 'both' or 'cross'."""
    if any(seg[0].x0 < gutter < seg[-1].x1 for seg in line.segments):
        return "cross"
    has_left = any(seg[-1].x1 <= gutter for seg in line.segments)
    has_right = any(seg[0].x0 >= gutter for seg in line.segments)
    return "both" if has_left and has_right else ("left" if has_left else "right")


def _is_sidebar(block: list[_VLine], sides: list[str], gutter: float) -> bool:
    """Whether the lines either side of the gutter are two columns to read one after the
    other: each side has many lines of its own, and neither only labels the other."""
    left_texts = [_text(seg) for line in block for seg in line.segments if seg[-1].x1 <= gutter]
    right_texts = [_text(seg) for line in block for seg in line.segments if seg[0].x0 >= gutter]
    right_lines = sum(1 for s in sides if s in ("right", "both"))
    if len(left_texts) < SIDEBAR_MIN_SIDE_LINES or right_lines < SIDEBAR_MIN_SIDE_LINES:
        return False
    return not any(
        sum(1 for text in texts if _is_label(text)) >= SIDEBAR_LABEL_SHARE * len(texts)
        for texts in (left_texts, right_texts)
    )  # a column of dates and places labelling the entries is not a sidebar


def _text(words: list[_Word], rtl_default: bool = False) -> str:
    if any(w.glyphs is not None for w in words):
        return "".join(run.text for run in _bidi_runs(words, 0, rtl_default, glue_all=True))
    return " ".join(w.text for w in words)


def _is_label(text: str) -> bool:
    """A date or a place, as a narrow column beside each entry holds them."""
    return len(text.split()) <= 6 and bool(_LABEL_RE.search(text) or _PLACE_RE.match(text))


# ---- logical lines ---------------------------------------------------------------------
def _runs(vline: _VLine) -> list[Run]:
    runs: list[Run] = []
    for index, segment in enumerate(vline.segments):
        if any(w.glyphs is not None for w in segment):
            marker = None
            if index == 0 and len(segment) > 1 and _is_marker(segment[0].text):
                marker, segment = segment[0], segment[1:]  # a list marker stays in front
            reordered = _bidi_runs(segment, index, vline.rtl_default)
            if marker is not None and reordered:
                first = reordered[0]
                if (first.bold, first.italic) == (marker.bold, marker.italic):
                    first.text = f"{marker.text} {first.text}"
                else:
                    runs.append(Run(marker.text, marker.bold, marker.italic, index))
                    first.text = " " + first.text
            runs.extend(reordered)
            continue
        previous: _Word | None = None
        for word in segment:
            glue = ""
            if previous is not None and word.x0 - previous.x1 > WORD_SPACE * word.size:
                glue = " "
            previous = word
            if runs and runs[-1].segment == index:
                last = runs[-1]
                if last.bold == word.bold and last.italic == word.italic:
                    last.text += glue + word.text
                    continue
            runs.append(Run(glue + word.text, word.bold, word.italic, index))
    return runs


def _is_marker(text: str) -> bool:
    return text in GLYPH_BULLETS or bool(_MARKER_RE.match(text))


def _bidi_runs(
    words: list[_Word], segment: int, rtl_default: bool, glue_all: bool = False
) -> list[Run]:
    """The runs of a segment with right-to-left text, in logical order: its glyphs and the
    spaces between its words (as ``_runs`` finds them, or every one with ``glue_all``)
    reordered by bidi.py, each piece in the style of the word it came from; a space goes
    with the text before it, so no run is a bare space."""
    glyphs: list[str] = []
    owners: list[_Word] = []
    previous: _Word | None = None
    for word in words:
        gap = previous is not None and word.x0 - previous.x1 > WORD_SPACE * word.size
        if previous is not None and (glue_all or gap):
            glyphs.append(" ")
            owners.append(word)
        previous = word
        drawn = word.glyphs if word.glyphs and "".join(word.glyphs) == word.text else word.text
        glyphs.extend(drawn)
        owners.extend([word] * len(drawn))
    runs: list[Run] = []
    for index, text in bidi.logical_order(glyphs, rtl_default):
        owner = owners[index]
        last = runs[-1] if runs else None
        if last is not None and (
            text.isspace() or (last.bold == owner.bold and last.italic == owner.italic)
        ):
            last.text += text
        else:
            runs.append(Run(text, owner.bold, owner.italic, segment))
    return runs


def _logical_lines(vlines: list[_VLine]) -> list[Line]:
    """Visual lines → logical lines: a wrapped paragraph, bullet or cell becomes one Line.

    ``sources`` and ``cell_bottoms`` run parallel to ``out``: each logical line's first
    visual line, and how far down its first cell reaches so far (a cell can wrap below
    lines that stand in another column).
    """
    right_edges = _right_edges(vlines)
    out: list[Line] = []
    sources: list[_VLine] = []
    cell_bottoms: list[float] = []
    previous: _VLine | None = None
    bullet_text_x0: float | None = None
    for vline in vlines:
        same_page = previous is not None and previous.page == vline.page
        gap = vline.top - previous.bottom if previous is not None and same_page else None
        runs = _runs(vline)
        rest, bullet, numbered = split_bullet(runs[0].text if runs else "")
        last = out[-1] if out else None
        if previous is not None and previous.page == vline.page - 1:
            tight = _carried_over(last, previous, vline)
        else:
            tight = gap is not None and gap <= TIGHT_GAP * vline.size
        how = (
            _continues(last, previous, vline, bullet_text_x0, right_edges)
            if last is not None and previous is not None and not bullet and tight
            else ""
        )
        if how and last is not None and previous is not None and _ends_open_date(previous, vline):
            _append_to_date(last, runs)
            previous = vline
            continue
        if how == "main" and last is not None and previous is not None:
            _append(last, vline, runs, _main_index(previous, vline))
            previous = vline
            continue
        cell = len(out) - 1 if how == "cell" else None
        if cell is None and not bullet and len(vline.segments) == 1:
            cell = _cell_above(sources, cell_bottoms, vline)
        if cell is not None:
            _join_cell(out[cell], vline)
            cell_bottoms[cell] = vline.bottom
            previous = vline
            continue
        if bullet:
            runs = [Run(rest, runs[0].bold, runs[0].italic, runs[0].segment), *runs[1:]]
            bullet_text_x0 = _bullet_text_x0(vline, numbered)
        elif vline.words[0].text in GLYPH_BULLETS:
            bullet_text_x0 = vline.x0
        line = _new_line(vline, runs, gap, bullet, numbered)
        if line.runs:
            out.append(line)
            sources.append(vline)
            cell_bottoms.append(max(w.bottom for w in vline.segments[0]))
        previous = vline
    _drop_soft_hyphens(out)
    return out


def _new_line(
    vline: _VLine, runs: list[Run], gap: float | None, bullet: bool, numbered: bool
) -> Line:
    """A logical line started by ``vline`` (``gap``: blank space above it, None after a
    page break); a page number or "Page 2 of 3" is marked as a footer."""
    size = vline.size
    line = Line(
        runs=[r for r in runs if r.text.strip()],
        size=round(size, 1),
        bullet=bullet,
        numbered=numbered,
        indent=round(vline.x0, 1),
        page=vline.page,
        gap_before=None if gap is None else round(gap / size, 2),
        block_start=gap is None or gap > BLOCK_GAP * size,
        x0=vline.x0,
        x1=vline.x1,
        segment_x0=[seg[0].x0 for seg in vline.segments],
    )
    if _PAGE_FURNITURE_RE.match(line.plain.strip()):
        line.source = "footer"
    return line


def _bullet_text_x0(vline: _VLine, numbered: bool) -> float:
    """Where a bullet's text starts, after its glyph or number: its wrapped lines go on there."""
    text_words = [w for w in vline.words if w.text not in GLYPH_BULLETS]
    if numbered and len(text_words) > 1:
        return text_words[1].x0
    return text_words[0].x0 if text_words else vline.x0


def _drop_soft_hyphens(lines: list[Line]) -> None:
    """Soft hyphens only show where a line broke: once lines are joined, they go."""
    for line in lines:
        if any("\xad" in run.text for run in line.runs):
            for run in line.runs:
                run.text = run.text.replace("\xad", "")
            line.changed()


def _carried_over(line: Line | None, prev: _VLine, cur: _VLine) -> bool:
    """Whether the first line of a page goes on with the last line of the page before: it
    starts in lower case, or the text above stopped mid-sentence. A line that ended with a
    full stop, a closing bracket or a year ("…Licensure (2018)") was complete."""
    if line is None:
        return False
    first = cur.words[0].text
    if first[:1].islower():
        return True
    last = prev.words[-1].text
    return not (last.endswith((".", "!", "?", ")", ":")) or re.search(r"(?:19|20)\d{2}\W*$", last))


def _cell_above(sources: list[_VLine], cell_bottoms: list[float], cur: _VLine) -> int | None:
    """The index of a logical line up to three back whose first cell ``cur`` wraps into,
    when the lines in between stand in another column (a name wrapping beside its contact
    column); ``sources`` and ``cell_bottoms`` as in ``_logical_lines``."""
    for back in (1, 2, 3):
        if len(sources) < back:
            return None
        first_vline = sources[-back]
        between = sources[len(sources) - back + 1 :]
        if first_vline.page != cur.page or len(first_vline.segments) < 2:
            continue
        if any(v.x0 < cur.x1 + SEGMENT_GAP * cur.size for v in between):
            continue
        if cur.top - cell_bottoms[-back] <= TIGHT_GAP * cur.words[0].size and (
            _wraps_in_first_cell(cur, first_vline)
        ):
            return len(sources) - back
    return None


def _wraps_in_first_cell(cur: _VLine, above: _VLine) -> bool:
    """Whether ``cur`` goes on with the text of the first cell (column) of ``above``: it
    starts where that cell starts, stays inside it, is set in the same size, and the
    cell's text had to wrap."""
    first, nxt = above.segments[0], above.segments[1]
    word = cur.words[0]
    return (
        abs(cur.x0 - first[0].x0) <= ALIGNED
        and _inside_cell(cur, nxt)
        and abs(word.size - first[-1].size) <= SAME_SIZE
        and _cell_wrapped(first, nxt, word)
    )


def _join_cell(line: Line, vline: _VLine) -> None:
    """Add ``vline``'s text to the end of ``line``'s first cell."""
    tail = _last_run(line, min(r.segment for r in line.runs))
    if tail is not None:
        tail.text = _join_words(tail.text, _text(vline.words, vline.rtl_default))
        line.changed()


def _inside_cell(cur: _VLine, nxt: list[_Word]) -> bool:
    """``cur`` stays in the first column: it ends before the next column starts, or it is
    one word too long for the column that spills under the next one ("Commerce"), or it
    starts inside the column and its last words spill so ("uate Diploma" after "Post-",
    "grad-": a long degree hyphenated down a narrow column)."""
    return cur.x1 < nxt[0].x0 or (
        len(cur.words) <= CELL_SPILL_WORDS
        and (len(cur.words) == 1 or cur.words[0].x1 < nxt[0].x0)
        and cur.x1 < nxt[-1].x1
    )


def _cell_wrapped(first: list[_Word], nxt: list[_Word], word: _Word) -> bool:
    """Whether a cell's text went on to the next line: its next word would not have fit
    before the next column, or its last word was hyphenated ("Man-" then "agement")."""
    if first[-1].text.endswith(("-", "\xad")) and word.text[:1].islower():
        return True
    next_end = first[-1].x1 + (word.x1 - word.x0) + CELL_WRAP_SPACE * word.size
    return next_end >= nxt[0].x0 - CELL_GUTTER * word.size


def _widest(segments: list[list[_Word]]) -> list[_Word]:
    """The segment that spans the most width: a line's main text, beside dates or places."""
    return max(segments, key=lambda s: s[-1].x1 - s[0].x0)


def _right_edges(vlines: list[_VLine]) -> dict[tuple[int, int], float]:
    """The right edge of the text that starts at each left edge (per page, 4-pt buckets)."""
    edges: dict[tuple[int, int], float] = {}
    for v in vlines:
        main = _widest(v.segments)
        key = (v.page, int(main[0].x0 // 4))
        edges[key] = max(edges.get(key, 0.0), main[-1].x1)
    return edges


def _column_right(edges: dict[tuple[int, int], float], page: int, x0: float) -> float:
    bucket = int(x0 // 4)
    return max(edges.get((page, b), 0.0) for b in range(bucket - 3, bucket + 4))


def _continues(
    line: Line,
    prev: _VLine,
    cur: _VLine,
    bullet_text_x0: float | None,
    right_edges: dict[tuple[int, int], float],
) -> str:
    """How visual line ``cur`` carries on logical ``line`` (last visual line ``prev``):
    "cell" (wrapped inside the first column), "main" (wrapped text), or "" (it does not)."""
    if cur.words[0].text in GLYPH_BULLETS:
        return ""
    if len(cur.segments) == 1 and len(prev.segments) > 1 and _wraps_in_first_cell(cur, prev):
        return "cell"  # a cell's text wrapped inside a narrow column (a date range)
    if abs(prev.size - cur.size) > SAME_SIZE:
        return ""
    main_prev = _widest(prev.segments)
    main_cur = cur.segments[_main_index(prev, cur)]
    if _new_row(prev, cur, main_cur):
        return ""
    if line.bullet and bullet_text_x0 is not None:
        bullet_x0 = line.x0 if line.x0 is not None else prev.x0
        if not (bullet_x0 - ALIGNED_COLUMN <= main_cur[0].x0 <= bullet_text_x0 + ALIGNED):
            return ""
        return "main" if _same_weight(main_prev, main_cur) else ""
    if abs(main_cur[0].x0 - main_prev[0].x0) > ALIGNED or not _same_weight(main_prev, main_cur):
        return ""
    right = _column_right(right_edges, prev.page, main_prev[0].x0)
    beside = [seg[0].x0 for seg in prev.segments if seg[0].x0 > main_prev[-1].x1]
    if beside:  # a place or date column to the right narrows the text's own column
        right = min(right, min(beside) - CELL_GUTTER * cur.size)
    first_word = main_cur[0]
    next_end = main_prev[-1].x1 + (first_word.x1 - first_word.x0) + LINE_WRAP_SPACE * cur.size
    return "main" if next_end >= right else ""


def _ends_open_date(prev: _VLine, cur: _VLine) -> bool:
    """``prev`` ends with a date range left open at the right margin ("… Lagos ‖ 2015 -")
    and ``cur`` is only the rest of it, wrapped to the left margin ("date", "2018")."""
    tail = prev.segments[-1]
    return (
        len(prev.segments) > 1
        and len(cur.segments) == 1
        and _date_words(tail)
        and tail[-1].text in _RANGE_JOINS
        and _date_words(cur.segments[0])
        and len(cur.segments[0]) <= 2
    )


def _append_to_date(line: Line, runs: list[Run]) -> None:
    """Put the wrapped end of an open date range after its start, in the date's segment."""
    segment = max(run.segment for run in line.runs)
    text = " ".join(run.text.strip() for run in runs)
    line.runs.append(Run(" " + text, runs[0].bold, runs[0].italic, segment))
    line.changed()


def _new_row(prev: _VLine, cur: _VLine, main_cur: list[_Word]) -> bool:
    """Whether ``cur`` opens a new table row rather than wrapping ``prev``'s text: it has
    text of its own in the label column left of its main text, under a label of ``prev``
    that was complete (its next word would have fit), as "Cloud & ops ‖ AWS, Terraform"
    under "Data ‖ Airflow, Spark, PostgreSQL"."""
    left = cur.segments[0]
    if left is main_cur or len(prev.segments) < 2:
        return False
    label = prev.segments[0]
    if label is _widest(prev.segments) or abs(left[0].x0 - label[0].x0) > ALIGNED:
        return False
    return not _cell_wrapped(label, prev.segments[1], left[0])


def _main_index(prev: _VLine, cur: _VLine) -> int:
    """Which segment of ``cur`` carries the text of ``prev``'s main (widest) segment: the
    one that starts where it starts (a wrapped last word with the dates beside it,
    "Management ‖ September 2011 to June 2015"), else the widest."""
    main_prev = _widest(prev.segments)
    for index, segment in enumerate(cur.segments):
        if abs(segment[0].x0 - main_prev[0].x0) <= ALIGNED:
            return index
    return max(
        range(len(cur.segments)), key=lambda i: cur.segments[i][-1].x1 - cur.segments[i][0].x0
    )


def _same_weight(a: list[_Word], b: list[_Word]) -> bool:
    return a[-1].bold == b[0].bold and a[-1].italic == b[0].italic


def _append(line: Line, vline: _VLine, runs: list[Run], cur_main: int) -> None:
    """Join a wrapped visual line onto a logical line: main text onto main text, the
    other segments (a date or place at the side) kept as segments of their own."""
    texts: dict[int, int] = {}
    for run in line.runs:
        texts[run.segment] = texts.get(run.segment, 0) + len(run.text.strip())
    main_seg = max(texts, key=texts.__getitem__) if texts else 0
    top_seg = max(texts, default=0)
    first = True
    for run in runs:
        if run.segment != cur_main:
            line.runs.append(Run(run.text, run.bold, run.italic, top_seg + 1 + run.segment))
            continue
        if first:
            first = False
            tail = _last_run(line, main_seg)
            text = run.text.lstrip()
            if tail is not None and text:
                stem = tail.text.rstrip()
                joined = _join_words(stem, text)
                if joined.startswith(stem):
                    tail.text, glue = stem, joined[len(stem) : len(joined) - len(text)]
                else:
                    tail.text, glue = stem[:-1], ""
                if tail.bold == run.bold and tail.italic == run.italic:
                    tail.text += glue + text
                else:
                    _insert_after(line, tail, Run(glue + text, run.bold, run.italic, main_seg))
                continue
        line.runs.append(Run(run.text, run.bold, run.italic, main_seg))
    line.x1 = max(line.x1 or 0.0, vline.x1)
    line.changed()


def _last_run(line: Line, segment: int) -> Run | None:
    for run in reversed(line.runs):
        if run.segment == segment:
            return run
    return None


def _insert_after(line: Line, anchor: Run, run: Run) -> None:
    index = next(i for i, r in enumerate(line.runs) if r is anchor)
    line.runs.insert(index + 1, run)


def _join_words(left: str, right: str) -> str:
    """Join two wrapped lines, deciding what a hyphen at the break means."""
    left = left.rstrip()
    if left.endswith("\xad"):
        return left[:-1] + right  # a soft hyphen: always a word broken at the line's end
    if not left.endswith("-") or len(left) < 2 or not left[-2].isalpha() or not right[:1].isalpha():
        return f"{left} {right}"
    head = re.split(r"[\s\-/]", left[:-1])[-1]
    tail = re.split(r"[\s\-/.,;:!?)]", right)[0]
    if _is_split_word(head, tail):
        return left[:-1] + right
    return left + right


def _is_split_word(head: str, tail: str) -> bool:
    """True when ``head-`` + ``tail`` is one word broken by hyphenation, not a compound."""
    if not head.isalpha() or not tail.isalpha() or not tail[0].islower():
        return False  # "Okonkwo-Hale", "Wi-Fi": a capital after the hyphen is a compound
    words = _word_list()
    if not words:
        return False
    head_ok, tail_ok = head.lower() in words, tail.lower() in words
    if head_ok and tail_ok:
        return False
    return (head + tail).lower() in words or not (head_ok or tail_ok)


@functools.cache
def _word_list() -> frozenset[str]:
    """English word forms from spaCy's lookup tables (a dependency already), loaded once."""
    import gzip
    import json

    try:
        import spacy_lookups_data
    except ImportError:
        return frozenset()
    folder = Path(spacy_lookups_data.__file__).parent / "data"
    words: set[str] = set()
    try:
        with gzip.open(folder / "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as handle:
            lookup = json.load(handle)
        words.update(lookup)
        words.update(lookup.values())
        with gzip.open(folder / "en_lemma_index.json.gz", "rt", encoding="utf-8") as handle:
            for forms in json.load(handle).values():
                words.update(forms)
    except (OSError, ValueError):
        return frozenset()
    return frozenset(w.lower() for w in words)
