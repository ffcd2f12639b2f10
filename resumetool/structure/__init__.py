"""Structure: lines with style cues → a Resume (JSON Resume model).

``load_resume(path)`` is the entry every other stage uses: a JSON Resume file (JSON or
YAML) is validated straight into the model; a DOCX, PDF, text or Markdown file is read
into lines (``resumetool.parse``) and built here. ``build_resume`` is pure (document in,
model out); ``format_outline`` prints the result so a person can check it at a glance.

Nothing found is invented, and nothing read is dropped: text that fits no field goes to
``meta.unparsed``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..parse.lines import Document, Line
from .diagnose import diagnose
from .outline import format_outline

if TYPE_CHECKING:
    from ..model import Resume
    from .sections import Section

__all__ = ["build_resume", "diagnose", "format_outline", "load_resume"]

_NAME_SPLIT_RE = re.compile(r"\s*(?:\||·|•|\t|\s{3,})\s*")
_LIST_SECTIONS: dict[str, tuple[str, str | None, str | None]] = {
    "certificates": ("name", "issuer", "date"),
    "awards": ("title", "awarder", "date"),
    "publications": ("name", "publisher", "releaseDate"),
    "references": ("name", None, None),
}
"""Sections whose entries are a name, who gave it and a date: (name, by, date) fields."""
_NAME_LINES = 8
"""The name is looked for in the header's first lines only (the rest is contact details)."""


def load_resume(
    path: str | Path, extra_headings: Mapping[str, Iterable[str]] | None = None
) -> Resume:
    """Read any supported resume file into a Resume.

    Why one entry point: import, analyze, diff and render all take "a resume file" from
    the user; they should not care whether it is a Word file or the JSON Resume YAML that
    a previous version was saved as.

    ``extra_headings``: the user's own section headings, ``{section: [heading, …]}``
    (e.g. ``{"experience": ["Where I have worked"]}``; a key is any word the heading
    lexicon knows for a section). The CLI passes the ``[headings]`` table of
    resumetool.toml; they are read before the built-in lexicon.
    """
    from ..parse import detect_format, read_bytes, read_document

    headings = _user_headings(extra_headings)
    path = Path(path)
    data = read_bytes(path)
    if detect_format(data, path) == "jsonresume":
        from ..parse import jsonresume

        return jsonresume.load(path, data)
    return build_resume(read_document(path), headings)


def _user_headings(extra: Mapping[str, Iterable[str]] | None) -> dict[str, str]:
    from ..errors import ValidationFailed
    from .features import user_headings

    try:
        return user_headings(extra)
    except ValueError as exc:
        raise ValidationFailed(
            str(exc), field="headings", hint="fix the [headings] table in resumetool.toml"
        ) from exc


def build_resume(document: Document, headings: Mapping[str, str] | None = None) -> Resume:
    """Sections, entries, dates and contact details from a read document.

    ``headings``: extra heading phrases, normalized phrase → section key (as
    ``features.user_headings`` makes them from the user's table).
    """
    from ..model import Resume
    from .contact import known_places
    from .sections import split_sections

    sections = split_sections(document, headings)
    basics, unparsed = _basics(sections, document, headings)
    with known_places(_document_cities(document, basics)):
        out = _sections(sections, basics, unparsed, document.kind)
    out["basics"] = {k: v for k, v in basics.items() if v}
    out["meta"] = {"unparsed": [u for u in unparsed if u and u.strip()]}
    return Resume.model_validate(out)


def _document_cities(document: Document, basics: Mapping[str, Any]) -> set[str]:
    """The cities a document proves are places: its contact location's, and every
    "City, Region/Country" it writes. Why: "Springvale" alone under a job is a place only
    because the resume says so elsewhere; no list of every town is at hand."""
    from .contact import PART_SPLIT_RE, parse_location

    cities: set[str] = set()
    location = basics.get("location") or {}
    if location.get("city"):
        cities.add(location["city"])
    for line in document.lines:
        for segment in line.segments:
            for part in PART_SPLIT_RE.split(segment):
                pieces = [p.strip() for p in part.split(",")]
                for start in range(max(0, len(pieces) - 3), len(pieces) - 1):
                    found = parse_location(", ".join(pieces[start:]))
                    if found and found.get("city"):
                        cities.add(found["city"])
    return cities


def _sections(
    sections: list[Section], basics: dict[str, Any], unparsed: list[str], kind: str
) -> dict[str, Any]:
    """The JSON Resume sections after the header (a summary goes into ``basics``)."""
    out: dict[str, Any] = {}
    for section in sections[1:]:
        if section.key == "contact":
            continue
        if not section.lines:
            if section.key == "other" and section.title:
                unparsed.append(section.title)  # an unknown heading is text too: kept
            continue
        if section.key == "summary":
            text = " ".join(line.plain for line in section.lines)
            basics["summary"] = f"{basics['summary']} {text}" if basics.get("summary") else text
        else:
            unparsed.extend(_add_section(out, _by_content(section, kind), kind))
    return out


def _by_content(section: Section, kind: str) -> Section:
    """The section under another key when its heading names two sections and its lines
    read as the other one's entries (headings.yaml, ``by_content``)."""
    from dataclasses import replace

    from . import entries as E
    from .features import load, normalize_heading

    other = load("headings.yaml").get("by_content", {}).get(normalize_heading(section.title or ""))
    if not other or other == section.key:
        return section
    raws = E.group(section.lines, kind)
    if other == "education" and E.reads_as_education(raws):
        return replace(section, key=other)
    if other == "projects" and E.reads_as_projects(raws):
        return replace(section, key=other)
    return section


def _basics(
    sections: list[Section], document: Document, headings: Mapping[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Name, label and contact details, and the text near them that is none of those.

    Why from three places: the header holds them mostly, but some resumes give contact
    details a section of their own, and a Word file may keep them in its page footer (a
    PDF's footers are page numbers).
    """
    from .contact import extract

    name, label, contact_parts, unparsed = _name_and_label(sections[0].lines, document, headings)
    name = _exact_name(name, document.author)
    for section in sections[1:]:
        if section.key == "contact":
            contact_parts.extend(_contact_parts(section.lines))
    if document.kind != "pdf":
        contact_parts.extend(_contact_parts(x for x in document.lines if x.source == "footer"))
    contact = extract(contact_parts, document.links)
    basics: dict[str, Any] = {"name": name, "label": label, **contact.basics()}
    usernames = {str(p.get("username", "")).lower().lstrip("@") for p in contact.profiles}
    leftovers = [text for text in contact.leftovers if text.lower().lstrip("@") not in usernames]
    if not label:
        for index, part in enumerate(leftovers):
            if _label_like(part, headings):
                basics["label"] = leftovers.pop(index)
                break
    unparsed.extend(leftovers)
    unparsed.extend(contact.remnants)
    return basics, unparsed


def _contact_parts(lines: Iterable[Line]) -> list[str]:
    from .contact import PART_SPLIT_RE

    return [part for line in lines for part in PART_SPLIT_RE.split(line.text) if part]


def _add_section(out: dict[str, Any], section: Section, kind: str) -> list[str]:
    """Add the entries of one section to ``out``; return the text that fits no field."""
    from . import entries as E

    key, lines = section.key, section.lines
    if key in ("skills", "languages", "interests"):
        build_list = {
            "skills": E.build_skills,
            "languages": E.build_languages,
            "interests": E.build_interests,
        }[key]
        out.setdefault(key, []).extend(build_list(lines))
        return []
    if key in ("work", "volunteer"):
        groups = E.share_company(E.group(lines, kind))
        margins = [E.work_margin(E.header_of(g).parts) for g in groups]
        consensus = sum(m for m in margins if m is not None)
        org_key = "name" if key == "work" else "organization"
        built = [E.build_work(raw, consensus, org_key) for raw in groups]
    elif key == "education":
        built = [E.build_education(raw) for raw in E.split_education(E.group(lines, kind))]
    elif key == "projects":
        built = [E.build_project(raw) for raw in E.group(lines, kind)]
    elif key in _LIST_SECTIONS:
        name_key, by_key, date_key = _LIST_SECTIONS[key]
        raws = E.group(lines, kind, bullets_are_entries=True)
        built = [E.build_named(raw, name_key, by_key, date_key) for raw in raws]
    elif E.forms_skill_groups(lines):  # an unknown heading over "label | list" rows
        out.setdefault("skills", []).extend(E.build_skills(lines))
        return [section.title or ""]
    else:  # a section the lexicon does not know: kept whole
        return [section.title or "", *(line.plain for line in lines)]
    unparsed: list[str] = []
    for entry, left in built:
        _add(out, key, entry)
        unparsed.extend(left)
    return unparsed


def _add(out: dict[str, Any], key: str, entry: dict[str, Any]) -> None:
    cleaned = {k: v for k, v in entry.items() if v not in (None, "", [])}
    if cleaned:
        out.setdefault(key, []).append(cleaned)


def _name_and_label(
    header: list[Line], document: Document, headings: Mapping[str, str] | None = None
) -> tuple[str | None, str | None, list[str], list[str]]:
    """(name, label, parts left for contact details, text that is neither)."""
    from .features import Candidate, min_score, score

    largest = max((line.size or 0 for line in header[:_NAME_LINES]), default=0) or None
    best: tuple[float, int, int] | None = None
    pieces: list[list[str]] = []
    for index, line in enumerate(header):
        parts = [p for seg in line.segments for p in _NAME_SPLIT_RE.split(seg) if p.strip()]
        pieces.append(parts)
        if index >= _NAME_LINES:
            continue
        for p_index, part in enumerate(parts):
            candidate = Candidate(part.strip(), line, document.body_size, largest, index)
            value = score("name", candidate)
            if best is None or value > best[0]:
                best = (value, index, p_index)
    name = label = None
    used: set[tuple[int, int]] = set()
    if best is not None and best[0] >= min_score("name"):
        _, line_index, part_index = best
        name = _tidy_name(pieces[line_index][part_index])
        used.add((line_index, part_index))
        following = line_index + 1
        if following < len(pieces) and len(pieces[following]) == 1:
            text, place = _label_and_place(pieces[following][0].strip())
            if _label_like(text, headings):
                label = text
                used.add((following, 0))
                if place:
                    pieces[following].append(place)
    contact_parts: list[str] = []
    before_name: list[str] = []
    for index, parts in enumerate(pieces):
        for p_index, part in enumerate(parts):
            if (index, p_index) in used:
                continue
            if best is not None and index < best[1] and not _has_contact(part):
                before_name.append(part.strip())
            else:
                contact_parts.append(part)
    return name, label, contact_parts, before_name


def _exact_name(name: str | None, author: str | None) -> str | None:
    """The file's author instead of the name read from the page when they are the same
    letters: a font may lose accents it cannot map ("Adébáyọ̀" read as "Adébáyo")."""
    if not name or not author:
        return name
    if _fold(author) == _fold(name) and not (author.islower() or author.isupper()):
        return unicodedata.normalize("NFC", " ".join(author.split()))
    return name


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalpha()).casefold()


def _tidy_name(text: str) -> str:
    text = " ".join(text.split())
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        text = text.title()
    return text


def _has_contact(text: str) -> bool:
    return bool(re.search(r"@|\d{3}|https?://|www\.|\.com|\.org|linkedin|github", text, re.I))


def _label_and_place(text: str) -> tuple[str, str | None]:
    """("Data Engineer", "Lisbon, Portugal") from "Data Engineer — Lisbon, Portugal": a
    headline with the place after a dash; the text and None when no place ends it."""
    from .contact import parse_location

    dashes = list(re.finditer(r"\s+[–—-]\s+", text))
    if dashes and parse_location(text[dashes[-1].end() :]) is not None:
        return text[: dashes[-1].start()].strip(), text[dashes[-1].end() :].strip()
    return text, None


def _label_like(text: str, headings: Mapping[str, str] | None = None) -> bool:
    """A headline ("Data Engineer"): a few capitalised words, no contact detail, date or
    place, and never a section heading ("Work", "Skills & Tools")."""
    from .contact import parse_location
    from .features import heading_section

    words = text.split()
    return (
        0 < len(words) <= 8
        and not _has_contact(text)
        and not any(ch.isdigit() for ch in text)
        and parse_location(text) is None
        and text[:1].isupper()
        and not heading_section(text, headings)[1]
    )
