"""DOCX reader: body paragraphs and tables in document order, headers and footers.

Why the XML directly: python-docx opens the package and parses the parts (and gives the
corrupt-file errors), but its per-run style API re-searches the style table on every
call. Reading ``w:p``/``w:r`` elements once, with styles resolved once per document,
keeps the reader within a small factor of python-docx merely listing the text.

What counts as a cue: heading styles (``Heading N``, ``Title``, outline level), bold /
italic / all-caps / size from runs, their character styles, paragraph styles and the
document defaults; Word list numbering (``numPr`` on the paragraph or its style) as a
bullet; typed bullet characters; tabs as segment breaks; table cells read cell by cell,
each row starting a new block (a two-column "dates | content" table is common); a row of
one-line cells ("Programming | Python, SQL") is one line with a segment per cell.
"""

from __future__ import annotations

import functools
import re
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import InputError
from .lines import Document, Line, Run, strip_marker

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_B = f"{W}b"
_BR = f"{W}br"
_CAPS = f"{W}caps"
_CR = f"{W}cr"
_HYPERLINK = f"{W}hyperlink"
_I = f"{W}i"
_ILVL = f"{W}ilvl"
_IND = f"{W}ind"
_LEFT = f"{W}left"
_NOBREAKHYPHEN = f"{W}noBreakHyphen"
_NUMID = f"{W}numId"
_NUMPR = f"{W}numPr"
_OUTLINELVL = f"{W}outlineLvl"
_PPR = f"{W}pPr"
_PSTYLE = f"{W}pStyle"
_PTAB = f"{W}ptab"
_R = f"{W}r"
_RPR = f"{W}rPr"
_RSTYLE = f"{W}rStyle"
_START = f"{W}start"
_SZ = f"{W}sz"
_T = f"{W}t"
_TAB = f"{W}tab"
_VAL = f"{W}val"
_HEADING_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_TRUE_OFF = ("0", "false", "off", "none")


@dataclass(slots=True)
class _Style:
    name: str = ""
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    size: float | None = None
    numbered: bool = False
    outline: int | None = None
    based_on: str | None = None


@dataclass(slots=True)
class _ParagraphProps:
    """What a paragraph's own ``w:pPr`` says; its style says the rest."""

    style_id: str | None = None
    numbered: bool = False
    num_key: tuple[str, str] | None = None
    """(numId, level) of the Word list the paragraph is in."""
    outline: int | None = None
    indent: float = 0.0
    """Left indent in inches."""


def read(path: Path, data: bytes) -> Document:
    """Read a .docx held in ``data`` (the bytes of ``path``)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, EOFError, zlib.error) as exc:
        # zlib.error, EOFError: a zip entry whose compressed bytes are damaged or cut short
        raise _corrupt(path) from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError, zipfile errors deep inside
        if type(exc).__module__.startswith(("lxml", "zipfile", "docx")) or _raised_inside(exc):
            raise _corrupt(path) from exc
        raise
    reader = _Reader(document)
    out = Document(path=Path(path), kind="docx")
    try:
        out.author = (document.core_properties.author or "").strip() or None
    except Exception:  # damaged core properties: the author is only a hint
        out.author = None
    header_lines, footer_lines = reader.headers_and_footers()
    out.lines.extend(header_lines)
    for child in document.element.body.iterchildren():
        reader.block(child, out.lines, source="body")
    out.lines.extend(footer_lines)
    out.links = reader.links
    return out


def _raised_inside(exc: BaseException) -> bool:
    """True when ``exc`` came from inside python-docx or zipfile reading a damaged package
    (an AttributeError on a mangled part, NotImplementedError on a garbled zip header…)."""
    import zipfile

    import docx

    from . import raised_inside

    libraries = (str(Path(docx.__file__).resolve().parent), str(Path(zipfile.__file__).resolve()))
    return raised_inside(exc, libraries)


def _corrupt(path: Path) -> InputError:
    return InputError(
        "the Word document is truncated or corrupt",
        path=path,
        hint="open it in Word or LibreOffice, save it again, and retry",
    )


class _Reader:
    def __init__(self, document: Any):
        self.document = document
        self.links: list[str] = []
        self.tables = 0
        self.default_para: str | None = None
        self._parsed: dict[str, _Style] = {}
        self._resolved: dict[str, _Style] = {}
        self.styles = self._load_styles()

    # ---- styles ------------------------------------------------------------------
    def _load_styles(self) -> dict[str, Any]:
        """Style elements by id; each is parsed only when a paragraph or run uses it."""
        styles: dict[str, Any] = {}
        self.doc_defaults = _Style()
        try:
            root = self.document.styles.element
        except Exception:
            return styles
        rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr_default is not None:
            _apply_rpr(self.doc_defaults, rpr_default)
        for el in root.iterchildren(f"{W}style"):
            sid = el.get(f"{W}styleId")
            if sid:
                styles[sid] = el
                if el.get(f"{W}default") in ("1", "true") and el.get(f"{W}type") == "paragraph":
                    self.default_para = sid
        return styles

    def _parse_style(self, sid: str) -> _Style | None:
        if sid in self._parsed:
            return self._parsed[sid]
        el = self.styles.get(sid)
        if el is None:
            return None
        style = _Style()
        name = el.find(f"{W}name")
        style.name = name.get(f"{W}val", "") if name is not None else sid
        based = el.find(f"{W}basedOn")
        style.based_on = based.get(f"{W}val") if based is not None else None
        rpr = el.find(f"{W}rPr")
        if rpr is not None:
            _apply_rpr(style, rpr)
        ppr = el.find(f"{W}pPr")
        if ppr is not None:
            num_id = ppr.find(f"{W}numPr/{W}numId")
            style.numbered = num_id is not None and num_id.get(f"{W}val", "0") != "0"
            outline = ppr.find(f"{W}outlineLvl")
            if outline is not None:
                style.outline = int(outline.get(f"{W}val", "9"))
        self._parsed[sid] = style
        return style

    def style(self, sid: str | None) -> _Style:
        """A style with its ``basedOn`` chain and the document defaults folded in."""
        sid = sid or self.default_para or ""
        if sid in self._resolved:
            return self._resolved[sid]
        chain: list[_Style] = []
        cursor: str | None = sid
        while cursor and len(chain) < 20:
            parsed = self._parse_style(cursor)
            if parsed is None:
                break
            chain.append(parsed)
            cursor = parsed.based_on
        base = self.doc_defaults
        merged = _Style(
            name=chain[0].name if chain else "",
            bold=base.bold,
            italic=base.italic,
            caps=base.caps,
            size=base.size,
        )
        for style in reversed(chain):
            for attr in ("bold", "italic", "caps", "size", "outline"):
                value = getattr(style, attr)
                if value is not None:
                    setattr(merged, attr, value)
            merged.numbered = merged.numbered or style.numbered
        self._resolved[sid] = merged
        return merged

    @functools.cached_property
    def bullet_levels(self) -> dict[tuple[str, str], bool]:
        """(numId, level) → True for bullets, False for numbers (``numFmt``); read when a
        paragraph first names a list."""
        found: dict[tuple[str, str], bool] = {}
        try:
            numbering = self.document.part.numbering_part.element
        except Exception:
            return found
        abstract: dict[str, dict[str, bool]] = {}
        for an in numbering.iterfind(f"{W}abstractNum"):
            levels = {}
            for lvl in an.iterfind(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                levels[lvl.get(f"{W}ilvl", "0")] = (
                    fmt is None or fmt.get(f"{W}val", "bullet") == "bullet"
                )
            abstract[an.get(f"{W}abstractNumId", "")] = levels
        for num in numbering.iterfind(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for level, is_bullet in abstract.get(ref.get(f"{W}val", ""), {}).items():
                found[(num.get(f"{W}numId", ""), level)] = is_bullet
        return found

    # ---- blocks ------------------------------------------------------------------
    def block(self, el: Any, out: list[Line], *, source: str) -> None:
        tag = el.tag
        if tag == f"{W}p":
            out.extend(self.paragraph(el, source=source))
        elif tag == f"{W}tbl":
            self.table(el, out, source="table" if source == "body" else source)
        elif tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                for child in content.iterchildren():
                    self.block(child, out, source=source)

    def table(self, el: Any, out: list[Line], *, source: str) -> None:
        """A table, row by row, each row starting a new block.

        A row whose filled cells hold one line each ("Programming | Python, SQL, R") is one
        Line with a segment per cell, as a PDF shows it; a row with longer cells ("dates |
        title, company, bullets") stays a line per paragraph, each marked with its cell.
        """
        number = self.tables
        self.tables += 1
        for row_index, row in enumerate(el.iterfind(f"{W}tr")):
            cells: list[list[Line]] = []
            for cell_index, cell in enumerate(row.iterfind(f"{W}tc")):
                lines: list[Line] = []
                for child in cell.iterchildren():
                    self.block(child, lines, source=source)
                for line in lines:
                    line.indent = max(line.indent, float(cell_index))
                    if line.cell is None:  # a nested table's lines keep their own place
                        line.cell = (number, row_index, cell_index)
                cells.append(lines)
            filled = [lines for lines in cells if lines]
            if len(filled) > 1 and all(len(c) == 1 and not c[0].bullet for c in filled):
                row_lines = [_joined_row([c[0] for c in filled], (number, row_index, -1))]
            else:
                row_lines = [line for lines in cells for line in lines]
            if row_lines:
                row_lines[0].block_start = True
            out.extend(row_lines)

    def paragraph(self, p: Any, *, source: str) -> list[Line]:
        """The lines of one ``w:p``: one per line break, the first marked as a list item
        when the paragraph is in a Word list."""
        props = _paragraph_props(p.find(_PPR))
        style = self.style(props.style_id)
        content = self._runs(p, style)
        if content is None:
            return []
        pieces, sizes, caps_all = content
        list_item = props.numbered or (style.numbered and props.num_key is None)
        list_numbered = "number" in style.name.lower()
        if props.num_key is not None and props.num_key in self.bullet_levels:
            list_numbered = not self.bullet_levels[props.num_key]
        level = _heading_level(style, props.outline)
        lines = []
        for index, piece in enumerate(pieces):
            if not "".join(r.text for r in piece).strip():
                continue
            piece_runs, typed_bullet, typed_number = strip_marker(piece)
            is_list = list_item and index == 0
            line = Line(
                runs=piece_runs,
                size=max(sizes) if sizes else None,
                heading_level=level,
                bullet=is_list or typed_bullet,
                numbered=(is_list and list_numbered) or typed_number,
                indent=props.indent,
                source=source,
                style=style.name or None,
                all_caps=caps_all,
            )
            lines.append(line)
        return lines

    def _runs(self, p: Any, style: _Style) -> tuple[list[list[Run]], list[float], bool] | None:
        """The paragraph's runs, cut into pieces at line breaks (a tab starts a new segment),
        with the sizes of its text and whether all of it is in capitals; None when it
        holds no text. Hyperlinks are not text here: their targets go to ``links``."""
        runs: list[Run] = []
        sizes: list[float] = []
        caps_all = True
        any_text = False
        segment = 0
        pieces: list[list[Run]] = [runs]
        for r in p.iter(_R, _HYPERLINK):
            if r.tag == _HYPERLINK:
                self._link(r)
                continue
            rpr = r.find(_RPR)
            bold, italic, caps, size = style.bold, style.italic, style.caps, style.size
            if rpr is not None:
                rs = rpr.find(_RSTYLE)
                if rs is not None:
                    char_style = self.style(rs.get(_VAL))
                    bold = char_style.bold if char_style.bold is not None else bold
                    italic = char_style.italic if char_style.italic is not None else italic
                    caps = char_style.caps if char_style.caps is not None else caps
                bold, italic, caps, size = _run_props(rpr, bold, italic, caps, size)
            for child in r.iterchildren():
                ctag = child.tag
                if ctag == _T:
                    text = child.text or ""
                elif ctag in (_TAB, _PTAB):
                    segment += 1
                    continue
                elif ctag in (_BR, _CR):
                    runs = []
                    pieces.append(runs)
                    segment = 0
                    continue
                elif ctag == _NOBREAKHYPHEN:
                    text = "-"
                else:
                    continue
                if not text:
                    continue
                if text.strip():
                    any_text = True
                    caps_all = caps_all and bool(caps)
                    if size:
                        sizes.append(size)
                runs.append(Run(text, bool(bold), bool(italic), segment))
        return (pieces, sizes, caps_all) if any_text else None

    def _link(self, el: Any) -> None:
        rid = el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        if not rid:
            return
        try:
            target = self.document.part.rels[rid].target_ref
        except KeyError:
            return
        if target and target not in self.links:
            self.links.append(target)

    def headers_and_footers(self) -> tuple[list[Line], list[Line]]:
        """Lines from every distinct header and footer (contact details often live there)."""
        seen: set[int] = set()
        headers: list[Line] = []
        footers: list[Line] = []
        for section in self.document.sections:
            for attr, out, source in (
                ("first_page_header", headers, "header"),
                ("header", headers, "header"),
                ("first_page_footer", footers, "footer"),
                ("footer", footers, "footer"),
            ):
                try:
                    part = getattr(section, attr)
                    if part.is_linked_to_previous:
                        continue
                    element = part._element
                except Exception:
                    continue
                if id(element) in seen:
                    continue
                seen.add(id(element))
                for child in element.iterchildren():
                    self.block(child, out, source=source)
        return headers, footers


def _joined_row(cells: list[Line], place: tuple[int, int, int]) -> Line:
    """One Line for a table row of one-line cells: a segment per cell (a cell's own tabs
    stay segments inside it), the size of its largest text, no heading level."""
    runs: list[Run] = []
    offset = 0
    for line in cells:
        for run in line.runs:
            runs.append(Run(run.text, run.bold, run.italic, offset + run.segment))
        offset = max((r.segment for r in runs), default=-1) + 1
    sizes = [line.size for line in cells if line.size]
    first = cells[0]
    return Line(
        runs=runs,
        size=max(sizes) if sizes else None,
        indent=first.indent,
        source=first.source,
        style=first.style,
        all_caps=all(line.all_caps for line in cells),
        cell=place,
    )


def _paragraph_props(ppr: Any) -> _ParagraphProps:
    """Style id, list membership, outline level and indent from a ``w:pPr`` (or None)."""
    props = _ParagraphProps()
    if ppr is None:
        return props
    ps = ppr.find(_PSTYLE)
    props.style_id = ps.get(_VAL) if ps is not None else None
    num = ppr.find(_NUMPR)
    if num is not None:
        num_id = num.find(_NUMID)
        ilvl = num.find(_ILVL)
        nid = num_id.get(_VAL, "0") if num_id is not None else "0"
        props.numbered = nid != "0"
        props.num_key = (nid, ilvl.get(_VAL, "0") if ilvl is not None else "0")
    ol = ppr.find(_OUTLINELVL)
    if ol is not None:
        props.outline = int(ol.get(_VAL, "9"))
    ind = ppr.find(_IND)
    if ind is not None:
        props.indent = _int(ind.get(_LEFT) or ind.get(_START) or "0") / 1440.0
    return props


def _heading_level(style: _Style, outline: int | None) -> int:
    """N for a "Heading N" style, else the outline level (0-8, the paragraph's or its
    style's) plus one; 0 for body text."""
    match = _HEADING_RE.match(style.name)
    if match:
        return int(match.group(1))
    value = outline if outline is not None else style.outline
    return value + 1 if value is not None and value < 9 else 0


def _flag(el: Any, default: bool | None) -> bool | None:
    if el is None:
        return default
    return el.get(f"{W}val", "true").lower() not in _TRUE_OFF


def _int(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def _apply_rpr(style: _Style, rpr: Any) -> None:
    style.bold, style.italic, style.caps, style.size = _run_props(
        rpr, style.bold, style.italic, style.caps, style.size
    )


def _run_props(
    rpr: Any, bold: bool | None, italic: bool | None, caps: bool | None, size: float | None
) -> tuple[bool | None, bool | None, bool | None, float | None]:
    """Bold, italic, capitals and size as a ``w:rPr`` sets them over the values given."""
    sz = rpr.find(_SZ)
    if sz is not None:
        size = _int(sz.get(_VAL, "0")) / 2 or size
    return (
        _flag(rpr.find(_B), bold),
        _flag(rpr.find(_I), italic),
        _flag(rpr.find(_CAPS), caps),
        size,
    )
