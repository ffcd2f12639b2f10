"""Plain text and Markdown reader.

Why these cues: a text resume has no fonts, so headings show as ``#``, a line
underlined with ``---``/``===``, or capitals (the structure stage adds the heading
lexicon); bullets as typed markers; wrapped lines as indented continuations; columns as
tabs or runs of three or more spaces. Text that is not UTF-8 is decoded with the
fallbacks in ``limits.yaml`` (cp1252, then latin-1, which never fails) instead of crashing.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import limits
from .lines import Document, Line, Run, split_bullet

_UNDERLINE_RE = re.compile(r"^\s*([-=~_*])\1{2,}\s*$")
_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_COLUMN_RE = re.compile(r"\t+| {3,}")
_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
_STYLE_RE = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM, or UTF-16 with BOM), else the fallbacks."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in limits()["text_encodings"]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read(path: Path, data: bytes) -> Document:
    """Read a .txt or .md resume held in ``data``."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() in (".md", ".markdown") or bool(
        re.search(r"^#{1,6}\s", text, re.MULTILINE)
    )
    document = Document(path=Path(path), kind="markdown" if markdown else "text")
    raw_lines = text.split("\n")
    out: list[Line] = []
    blanks = 0
    previous_raw = ""
    for index, raw in enumerate(raw_lines):
        if not raw.strip():
            blanks += 1
            previous_raw = ""
            continue
        if _UNDERLINE_RE.match(raw):
            if out and previous_raw and blanks == 0 and raw.strip()[0] in "-=~":
                out[-1].heading_level = out[-1].heading_level or 1
            blanks += 1  # a rule reads as space
            previous_raw = ""
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        body = raw.strip()
        level = 0
        if markdown:
            atx = _ATX_RE.match(raw)
            if atx:
                level, body = len(atx.group(1)), atx.group(2)
            body = _LINK_RE.sub(lambda m: _keep_link(m, document), body)
            body = _AUTOLINK_RE.sub(lambda m: _keep_link(m, document, group=1), body)
            body = body.rstrip("\\").rstrip()
        rest, bullet, numbered = split_bullet(body)
        last = out[-1] if out else None
        if (
            last is not None
            and blanks == 0
            and not bullet
            and not level
            and previous_raw
            and not last.heading_level
            and _continues(previous_raw, raw, indent, last)
        ):
            _append(last, rest)
            previous_raw = raw
            continue
        runs = _runs(rest, markdown)
        out.append(
            Line(
                runs=runs,
                heading_level=level,
                bullet=bullet,
                numbered=numbered,
                indent=float(indent),
                page=1,
                gap_before=float(blanks) if index else None,
                block_start=blanks > 0 or index == 0,
            )
        )
        blanks = 0
        previous_raw = raw
    document.lines = [line for line in out if line.runs]
    return document


def _keep_link(match: re.Match[str], document: Document, group: int = 2) -> str:
    url = match.group(group)
    if url not in document.links:
        document.links.append(url)
    return match.group(1)


def _continues(previous_raw: str, raw: str, indent: int, last: Line) -> bool:
    """A wrapped line: indented under the previous one, or a lower-case carry-on."""
    prev_indent = len(previous_raw) - len(previous_raw.lstrip(" \t"))
    if indent > prev_indent:
        return True
    stripped = raw.strip()
    return (
        indent == prev_indent
        and len(previous_raw.strip()) >= 50
        and not previous_raw.rstrip().endswith((".", ":"))
        and (stripped[:1].islower() or _ends_mid_sentence(previous_raw))
    ) or (last.bullet and indent > 0 and indent >= prev_indent)


def _ends_mid_sentence(raw: str) -> bool:
    """A long line that stops on a small lower-case word ("… across the") wrapped, even
    when the next line starts with a capital ("Benelux.")."""
    words = raw.split()
    return len(raw.strip()) >= 60 and bool(words) and words[-1] in _CARRY_WORDS


_CARRY_WORDS = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "and", "or", "by", "at",
        "from", "as", "into", "across", "over", "under", "via", "per", "than", "that",
        "which", "who", "our", "their", "its", "his", "her", "my", "your",
    ]
)  # fmt: skip


def _append(line: Line, text: str) -> None:
    tail = line.runs[-1]
    segment = tail.segment
    for piece_index, piece in enumerate(_COLUMN_RE.split(text)):
        if piece_index == 0:
            tail.text = f"{tail.text.rstrip()} {piece.strip()}"
        else:
            segment += 1
            line.runs.append(Run(piece.strip(), segment=segment))
    line.changed()


def _runs(text: str, markdown: bool) -> list[Run]:
    runs: list[Run] = []
    for segment, piece in enumerate(_COLUMN_RE.split(text)):
        piece = piece.strip()
        if not piece:
            continue
        if not markdown:
            runs.append(Run(piece, segment=segment))
            continue
        position = 0
        for match in _STYLE_RE.finditer(piece):
            if match.start() > position:
                runs.append(Run(piece[position : match.start()], segment=segment))
            if match.group(2) is not None:
                runs.append(Run(match.group(2), bold=True, segment=segment))
            else:
                runs.append(Run(match.group(4), italic=True, segment=segment))
            position = match.end()
        if position < len(piece):
            runs.append(Run(piece[position:], segment=segment))
    return runs
