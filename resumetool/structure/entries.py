"""Entries: split a section's lines into entries and give each part of a header its field.

Why layout first, words second: an entry starts where the layout says so — after the
previous entry's bullets, at a new table row, at a second date range, or at a line that
looks like the section's first entry line (same size, weight, indent). Inside an entry,
the header's lines and segments are cut at separators (" — ", " | ", a change from bold
to plain), dates and places are taken out, and the remaining parts are scored as
position / company / institution (rules.yaml). Entries of one section share one layout,
so when a part's words do not decide, the section's other entries do.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ..parse.datewords import MONTHS
from ..parse.lines import Line, Run
from .contact import bare_place, parse_location
from .dates import DateRange, find_range, has_date
from .features import Candidate, is_legal_form, lexicon, load, match_degree, score
from .places import country_code

SEPARATOR_RE = re.compile(r"\s+(?:--|—|–|-|\||·|•|@|::|(?i:at))\s+|\s*[|;•·]\s*|\s+—|—\s+")
"""Where a header line splits into parts: dashes, bars, bullets, "@" and "at" (any case)."""
GPA_RE = re.compile(
    r"\b(?:(?:C?GPA|Grades?)\s*:?\s*)+([0-9](?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3}(?:\.\d)?)?)",
    re.IGNORECASE,
)
COURSES_RE = re.compile(r"^(?:relevant\s+)?(?:course\s*work|courses)\s*:\s*(.+)$", re.IGNORECASE)
LABEL_RE = re.compile(r"^(?P<label>[^:—–|,;]{1,40}?)\s*(?::|\s—|\s–|\s-\s|\|)\s*(?P<rest>.+)$")


@dataclass(slots=True)
class RawEntry:
    header: list[Line] = field(default_factory=list)
    bullets: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Text taken off the header that fits no field (kept for ``meta.unparsed``)."""


@dataclass(slots=True)
class Part:
    text: str
    line: int
    bold: bool = False
    italic: bool = False
    location: bool = False


@dataclass(slots=True)
class Header:
    parts: list[Part]
    dates: DateRange | None
    location: str | None


# ---- grouping ---------------------------------------------------------------------------
def _look(line: Line, kind: str) -> tuple[object, ...]:
    """How a line looks (size, weight, indent, style). Of a line that opens with a date
    column ("2023 ‖ ACLS Provider"), the look of the text beside the date: an undated entry
    of the same list starts there, with no date to its left."""
    x = round((line.x0 or 0) / 6) if kind == "pdf" else round(line.indent, 1)
    starts_bold = line.starts_bold
    if kind == "pdf" and line.segment_x0 and _date_first(line):
        main = sorted({r.segment for r in line.runs if r.text.strip()})[1]
        if main < len(line.segment_x0):
            x = round(line.segment_x0[main] / 6)
            starts_bold = next(r.bold for r in line.runs if r.segment == main and r.text.strip())
    return (
        round(line.size or 0, 1),
        starts_bold,
        line.italic,
        x,
        line.heading_level,
        line.style if kind == "docx" else None,
    )


def is_prose(line: Line) -> bool:
    """A sentence or paragraph (a description), not a header line. Beside a date or place
    column (the entry's dates on its second row), the text itself is judged."""
    text = _take_gpa(line.plain, {})  # "…, 2013 – 2016; GPA First Class" ends with its dates
    if line.starts_bold:
        return False
    if len(line.segments) > 1:
        main = max(line.segments, key=len)
        if not all(find_range(s) or parse_location(s) for s in line.segments if s is not main):
            return False
        return main.rstrip().endswith((".", "!", "?")) and len(main.split()) >= 6
    words = text.split()
    found = find_range(text)
    if found is not None and (len(words) < 12 or len(text[found.span[1] :].split()) <= 3):
        return False  # a header that ends with its dates (and maybe a GPA), however long
    return len(words) >= 12 or (text.rstrip().endswith(".") and len(words) >= 6)


def group(lines: list[Line], kind: str, *, bullets_are_entries: bool = False) -> list[RawEntry]:
    """Lines of one section → entries, by the layout cues described in the module doc."""
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    first_look: tuple[object, ...] | None = None
    text_like = kind in ("text", "markdown")
    for line in lines:
        if bullets_are_entries and (line.bullet or (text_like and not line.heading_level)):
            entries.append(RawEntry(header=[line]))  # one item a line (wraps already joined)
            current = None
            continue
        if line.bullet and current is not None and not current.bullets and _only_place(line):
            current.header.append(line)  # "– Houston, TX": a header wrapped at its dash
            continue
        if line.bullet:
            if current is None:
                current = RawEntry()
                entries.append(current)
            current.bullets.append(line)
            continue
        if current is not None and not current.bullets and current.header and is_prose(line):
            current.body.append(line)
            continue
        look = _look(line, kind)
        start = current is None or bool(current.bullets or current.body)
        if not start and current is not None:
            start = _starts_entry(line, current, kind, look == first_look)
        if start:
            current = RawEntry(header=[line])
            entries.append(current)
            if first_look is None:
                first_look = look
        elif current is not None:
            current.header.append(line)
    return entries


def _only_place(line: Line) -> bool:
    """A line that is nothing but a place or a date range: header matter, not a bullet."""
    text = line.plain.strip()
    found = find_range(text)
    if found is not None and not found.cut_from(text).strip(" ,|"):
        return True
    return parse_location(text) is not None


def _starts_entry(line: Line, current: RawEntry, kind: str, same_look: bool) -> bool:
    """Whether a header-like line opens a new entry while ``current`` has only a header."""
    if line.source == "table":
        return line.block_start  # a new table row; the rest of a row stays in its entry
    if _date_first(line):
        return True
    dated = any(has_date(h.plain) for h in current.header)
    text_like = kind in ("text", "markdown")
    if text_like and line.block_start and dated:
        return True  # a blank line after a complete header
    if dated and _range_in(line) and _range_in_any(current):
        return True  # a second date range
    if dated and _dated_with_text(line):
        return True  # a second dated line that names something: the next entry's header
    return not text_like and same_look


def _dated_with_text(line: Line) -> bool:
    """A line with a date and at least two words of other text ("OSHA 30-Hour, OSHA (2016)"),
    not a date that wrapped onto a line of its own."""
    text = line.plain
    found = find_range(text)
    if found is None:
        return False
    return len(re.findall(r"[^\W\d_]{2,}", found.cut_from(text))) >= 2


def _date_first(line: Line) -> bool:
    """A line whose first column is only a date: the label column of a new entry."""
    segments = line.segments
    if len(segments) < 2:
        return False
    found = find_range(segments[0])
    return (
        found is not None
        and not segments[0][: found.span[0]].strip(" ()")
        and not (segments[0][found.span[1] :].strip(" ()"))
    )


def _range_in(line: Line) -> bool:
    found = find_range(line.plain)
    return found is not None and found.end != found.start


def _range_in_any(entry: RawEntry) -> bool:
    return any(_range_in(h) for h in entry.header)


# ---- header parts -------------------------------------------------------------------------
def header_of(entry: RawEntry, *, locations: bool = True) -> Header:
    """The header's parts with the (first) date range and place taken out."""
    parts: list[Part] = []
    dates: DateRange | None = None
    location: str | None = None
    for index, line in enumerate(entry.header):
        for runs in _mend_wrapped_year(_segments(line)):
            text = "".join(r.text for r in runs)
            if dates is None:
                found = find_range(text)
                if found is not None:
                    dates = found
                    start, end = found.span
                    if text[:start].rstrip().endswith("(") and text[end:].lstrip()[:1] == ")":
                        start = text[:start].rstrip().rfind("(")
                        end = end + text[end:].find(")") + 1
                    runs = _cut(runs, start, end)
            for part in _split(runs, index):
                if locations and location is None:
                    head, place = peel_location(part.text)
                    if not place and parts and parts[-1].line == index:
                        place = _district_after(parts[-1].text, part.text)
                        head = "" if place else head
                    if place:
                        location = place
                        if not head:
                            continue
                        part.text = head
                parts.append(part)
    for line in entry.bullets + entry.body:
        for runs in _segments(line)[1:]:  # a date or place column beside the text
            text = "".join(r.text for r in runs)
            if dates is None and (found := find_range(text)):
                dates = found
            elif locations and location is None and parse_location(text):
                location = text.strip()
    return Header(parts, dates, location)


_OPEN_RANGE_RE = re.compile(
    rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s*$", re.IGNORECASE
)
_TRAILING_YEAR_RE = re.compile(r"\s(?:19|20)\d\d\s*$")


def _mend_wrapped_year(segments: list[list[Run]]) -> list[list[Run]]:
    """Give a right-hand date column the year that wrapped under the line.

    Why: a date range set at a right tab that does not fit wraps its last word onto the
    next line, under the company ("…, Germany   October 2017 to March" / "2021"); the
    reader joins that word to the line's text, where it ends the company. A side column
    that stops on a month name while the text before it ends on a year is that case.
    """
    if len(segments) < 2:
        return segments
    first = "".join(r.text for r in segments[0])
    last = "".join(r.text for r in segments[-1])
    year = _TRAILING_YEAR_RE.search(first)
    if not year or not _OPEN_RANGE_RE.search(last):
        return segments
    found = find_range(first)
    if found is not None and found.span[0] < year.start():
        return segments  # the text has dates of its own
    head = _cut(segments[0], year.start(), len(first))
    tail = segments[-1][-1]
    moved = Run(year.group(0).strip(), tail.bold, tail.italic, tail.segment)
    return [
        head,
        *segments[1:-1],
        [*segments[-1], Run(" ", tail.bold, tail.italic, tail.segment), moved],
    ]


def _segments(line: Line) -> list[list[Run]]:
    by_segment: dict[int, list[Run]] = {}
    for run in line.runs:
        by_segment.setdefault(run.segment, []).append(run)
    return [runs for _, runs in sorted(by_segment.items()) if "".join(r.text for r in runs).strip()]


def _cut(runs: list[Run], start: int, end: int) -> list[Run]:
    """Runs with characters [start, end) replaced by a separator."""
    out: list[Run] = []
    position = 0
    for run in runs:
        a, b = position, position + len(run.text)
        position = b
        if b <= start or a >= end:
            out.append(run)
            continue
        keep = run.text[: max(0, start - a)] + " | " + run.text[max(0, end - a) :]
        out.append(Run(keep, run.bold, run.italic, run.segment))
    return out


def _split(runs: list[Run], line_index: int) -> list[Part]:
    """Cut a segment at separators and at changes between bold and plain text."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in runs:
        if pieces and pieces[-1][1] == run.bold:
            text, bold, italic = pieces[-1]
            pieces[-1] = (text + run.text, bold, italic and run.italic)
        else:
            pieces.append((run.text, run.bold, run.italic))
    if len(pieces) > 1 and sum(1 for p in pieces if p[0].strip(" ,.;:|-–—()")) < len(pieces):
        merged = "".join(p[0] for p in pieces)
        pieces = [(merged, pieces[0][1], pieces[0][2])]
    parts: list[Part] = []
    for text, bold, italic in pieces:
        text = _campus_at_re().sub(lambda m: m[0].replace(" at ", _CAMPUS_AT), text)
        for chunk in SEPARATOR_RE.split(text):
            chunk = _clean(chunk.replace(_CAMPUS_AT, " at "))
            if chunk:
                parts.append(Part(chunk, line_index, bold, italic))
    return parts


_CAMPUS_AT = "\u2060at\u2060"
"""Stands for the " at " of a school's campus while a header is cut at separators."""


@functools.cache
def _campus_at_re() -> re.Pattern[str]:
    """ "University of Texas at Austin": the campus "at" after lexicons.yaml
    ``campus_name_heads`` and a capitalised name, before a capitalised word."""
    heads = "|".join(re.escape(h) for h in sorted(lexicon("campus_name_heads"), key=len))
    return re.compile(rf"\b(?i:{heads})(?:\s+[A-Z][\w.'’-]*)+ at (?=[A-Z])")


def _clean(text: str) -> str:
    text = re.sub(r"\(\s*\)", "", text)
    return " ".join(text.split()).strip(" ,;:|–—-·•")


def peel_location(text: str) -> tuple[str, str | None]:
    """('Brightline Office Supply', 'Atlanta, GA') from 'Brightline Office Supply, Atlanta, GA'."""
    if parse_location(text):
        return "", text.strip()
    pieces = [p.strip() for p in text.split(",")]
    for take in (2, 1):
        if len(pieces) > take:
            tail = ", ".join(pieces[-take:])
            if parse_location(tail) and (take == 2 or "," in tail or _is_place_word(tail)):
                return ", ".join(pieces[:-take]).strip(), tail
            if take == 2 and _org_then_district(pieces[:-2], pieces[-2], pieces[-1]):
                return ", ".join(pieces[:-take]).strip(), tail
    return text, None


def _district_after(before: str, text: str) -> str | None:
    """``text`` when it is "Parklands, Nairobi" standing after an organisation's name on
    its line (set apart by type: "**Aga Khan University Hospital**, Parklands, Nairobi")."""
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) == 2 and _org_then_district([before], pieces[0], pieces[1], org_only=True):
        return text.strip()
    return None


def _org_then_district(
    head: list[str], district: str, city: str, *, org_only: bool = False
) -> bool:
    """ "Aga Khan University Hospital, Parklands, Nairobi": after a name that reads as an
    organisation and not a role, a bare name before a city the document proves is the
    part of town the organisation is in; before a city with its postal district
    ("Coláiste Éanna, Rathfarnham, Dublin 16") the name need only not read as a role. A
    role first ("Designer, Atelier Sainte-Catherine, Montréal") leaves the middle piece
    the company's. ``org_only``: the name before stands in a part of its own ("Chef-Owner"
    before "Bouchon Fontaine, Lyon 2e"), so only an organisation's name will do."""
    if not head or not bare_place(district):
        return False
    proven = parse_location(city)
    if not proven or set(proven) - {"city", "address"}:
        return False
    position, company = _scores(", ".join(head))
    with_district = "address" in proven and not org_only  # "Dublin 16": a postal district
    return position <= 0 and (company > 0 or with_district)


def _is_place_word(text: str) -> bool:
    """A place named by one word: a country ("Germany") or "Remote", not a city alone."""
    location = parse_location(text)
    return bool(location and "city" not in location)


# ---- work-like entries ----------------------------------------------------------------------
def _scores(text: str) -> tuple[float, float]:
    candidate = Candidate(text)
    return score("position", candidate), score("company", candidate)


def _is_school(text: str) -> bool:
    """A part that reads as a school, not merely as an organisation (rules.yaml)."""
    return score("institution", Candidate(text)) >= float(load("rules.yaml")["school_score"])


def _split_pair(text: str) -> tuple[str, str] | None:
    """'Senior Engineer, Acme Labs' → the comma cut that best reads as role + organisation.

    Why pieces are scored, not halves: a title often carries a comma of its own ("Senior
    Manager, Manufacturing Operations"), an organisation rarely does (only its legal form:
    "Buckeye Snack Foods, Inc."). So the role side is judged by its first piece (the title
    itself), the organisation side by its best piece, less for every extra piece it spans;
    on a tie the shorter organisation wins. Two pieces with no evidence either way are
    still cut: one comma between two names is how a heading joins role and employer. The
    weights are in rules.yaml (``comma_split_*``).
    """
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    if len(pieces) < 2:
        return None
    best: tuple[float, int] | None = None
    for k in range(1, len(pieces)):
        left, right = pieces[:k], pieces[k:]
        value = max(_role_side(left) + _org_side(right), _org_side(left) + _role_side(right))
        if best is None or value >= best[0]:
            best = (value, k)
    least = float(load("rules.yaml")["comma_split_min_score"])
    if best is None or (best[0] < least and len(pieces) > 2) or best[0] == float("-inf"):
        return None
    k = best[1]
    return ", ".join(pieces[:k]), ", ".join(pieces[k:])


def _role_side(pieces: list[str]) -> float:
    return _scores(pieces[0])[0]


def _org_side(pieces: list[str]) -> float:
    rules = load("rules.yaml")
    names = list(pieces)
    bonus = 0.0
    while names and is_legal_form(names[-1]):
        names.pop()
        bonus = float(rules["comma_split_legal_form_bonus"])
    if not names:
        return float("-inf")
    penalty = float(rules["comma_split_extra_piece_penalty"]) * (len(names) - 1)
    return max(_scores(n)[1] for n in names) + bonus - penalty


def work_margin(parts: list[Part]) -> float | None:
    """How much more the first two parts read as (position, company) than the reverse."""
    names = _name_parts(parts)
    if len(names) < 2:
        return None
    ra, oa = _scores(names[0].text)
    rb, ob = _scores(names[1].text)
    return (ra + ob) - (oa + rb)


def _name_parts(parts: list[Part]) -> list[Part]:
    return [p for p in parts if not p.location and re.search(r"[A-Za-zÀ-ÿ]", p.text)]


def share_company(entries: list[RawEntry]) -> list[RawEntry]:
    """Give each role under one company header that company.

    Why: people list promotions as a company line, then several "position + dates" lines,
    each with its bullets. Layout makes each role an entry of its own, but only the first
    one holds the company line. A line that names nothing but an organisation (no role word,
    no date) heads the roles below it; each following entry whose header is one position
    and nothing else gets that line too — after its own lines, so its own dates come first.
    A company line standing alone (with the dates of the whole stay) is not an entry.
    """
    out: list[RawEntry] = []
    company: Line | None = None
    notes: list[str] = []
    held: RawEntry | None = None
    for entry in entries:
        lone = not entry.bullets and not entry.body and len(entry.header) == 1
        if lone and _org_only(entry.header[0]):
            if held is not None:
                out.append(held)
            held = entry
            company, notes = _without_dates(entry.header[0])
            continue
        if company is not None and _role_only(entry):
            entry = RawEntry([*entry.header, company], entry.bullets, entry.body, notes)
            held, notes = None, []
        elif (
            len(entry.header) >= 2
            and _org_only(entry.header[0])
            and not has_date(entry.header[0].plain)
            and _role_only(RawEntry(entry.header[1:]))
        ):
            company = entry.header[0]
        else:
            company = None
        if held is not None:
            out.append(held)
            held = None
        out.append(entry)
    if held is not None:
        out.append(held)
    return out


def _without_dates(line: Line) -> tuple[Line, list[str]]:
    """A copy of ``line`` with its date range cut out, and the range's text."""
    found = find_range(line.plain)
    if found is None:
        return line, []
    dated = line.plain[found.span[0] : found.span[1]]
    runs: list[Run] = []
    for run in line.runs:
        text = run.text.replace(dated, " ") if dated in run.text else run.text
        if text.strip(" ,;|–—-"):
            runs.append(Run(text.strip(" ,;|–—-"), run.bold, run.italic, run.segment))
    return Line(runs, size=line.size, x0=line.x0, style=line.style), [dated]


def _org_only(line: Line) -> bool:
    names = _name_parts(header_of(RawEntry([line])).parts)
    if len(names) != 1:
        return False
    role, org = _scores(names[0].text)
    return role <= 0 and org >= role


def _role_only(entry: RawEntry) -> bool:
    header = header_of(entry)
    names = _name_parts(header.parts)
    if len(names) != 1 or header.dates is None:
        return False
    role, org = _scores(names[0].text)
    return role > 0 and role > org


def build_work(
    entry: RawEntry, consensus: float, org_key: str = "name"
) -> tuple[dict[str, Any], list[str]]:
    """A work (or volunteer, with ``org_key='organization'``) entry and its leftovers."""
    header = header_of(entry)
    names = _name_parts(header.parts)
    if header.location is None:
        names, place = _unknown_place(names)
        if place:
            header.location = place
    data: dict[str, Any] = {}
    leftovers: list[str] = []
    position = company = None
    if len(names) == 1:
        only = names[0].text
        pair = _split_pair(only) if "," in only else None
        if pair:
            names = [Part(pair[0], names[0].line), Part(pair[1], names[0].line)]
        else:
            role, org = _scores(only)
            position, company = (only, None) if role >= org else (None, only)
    if len(names) >= 2:
        rules = load("rules.yaml")
        margin = work_margin(names) or 0.0
        if abs(margin) >= float(rules["order_decisive_margin"]):
            decided = margin
        else:
            decided = (consensus or margin) + float(rules["order_bias_position_first"])
        a, b = names[0].text, names[1].text
        position, company = (a, b) if decided >= 0 else (b, a)
        leftovers.extend(p.text for p in names[2:])
    if position:
        data["position"] = position
    if company:
        data[org_key] = company
    if header.location and org_key == "name":
        data["location"] = header.location
    elif header.location:
        leftovers.append(header.location)
    _put_range(data, header.dates)
    data["highlights"] = [bullet_text(b) for b in entry.bullets]
    if entry.body:
        data["summary"] = " ".join(bullet_text(line) for line in entry.body)
    leftovers.extend(entry.notes)
    return data, leftovers


def _unknown_place(names: list[Part]) -> tuple[list[Part], str | None]:
    """(the other parts, the place) when one of a work header's parts reads as a town no
    list knows ("Dandenong") beside a position and a company; else (names, None).

    Why: a header holds position, company and place; with two parts that read as
    position and company (two parts, or one cut at a comma), a further part of a few
    capitalised words with no role or organisation word can only be the place. Of
    several such, the shortest, then the last (places stand after the company).
    """
    rest, town = _town_after_company(names)
    if town:
        return rest, town
    candidates = [
        i
        for i, part in enumerate(names)
        if bare_place(part.text) and not is_legal_form(part.text.split()[-1])
    ]
    if not candidates:
        return names, None
    pick = min(candidates, key=lambda i: (len(names[i].text.split()), -i))
    rest = [p for i, p in enumerate(names) if i != pick]
    if len(rest) >= 2 or (len(rest) == 1 and "," in rest[0].text and _split_pair(rest[0].text)):
        return rest, names[pick].text
    return names, None


def _town_after_company(names: list[Part]) -> tuple[list[Part], str | None]:
    """("Personal Care Worker", "HomeWell Community Care") and "Dandenong" from the parts
    "Personal Care Worker" and "HomeWell Community Care, Dandenong": beside another part,
    a part that is a name, a comma and a bare town (no role before the comma: "Engineer,
    Stripe" is a role and its company) holds the place at its end. Tried before a bare
    part alone is taken for the place: the comma is the stronger sign ("Land Surveyor"
    is a role the lexicon may not know). A town the document proves ("Lyon 2e" under
    "Lyon, France") is taken; an unproven one is not when the other part is a place by
    itself and nothing marks the name before the comma as a firm ("Paris" beside "Commis
    de Cuisine, Le Pré Catelan"; "Aire Valley Consulting, Bradford" still is a firm)."""
    if len(names) != 2:
        return names, None
    for index, part in enumerate(names):
        head, _, tail = part.text.rpartition(",")
        head, tail = head.strip(), tail.strip()
        if not head or "," in head or is_legal_form(tail.split()[-1] if tail else "-"):
            continue
        if not parse_location(tail):
            other = names[1 - index].text
            alone = bare_place(other) or parse_location(other)
            if not bare_place(tail) or (alone and _scores(head)[1] <= 0):
                continue
        if _scores(head)[0] > 0:
            continue
        rest = list(names)
        rest[index] = Part(head, part.line, part.bold, part.italic)
        return rest, tail
    return names, None


def bullet_text(line: Line) -> str:
    """A bullet's text: its longest segment (side columns hold dates and places)."""
    segments = line.segments
    if len(segments) <= 1:
        return line.plain
    main = max(segments, key=len)
    extras = [s for s in segments if s is not main and not (find_range(s) or parse_location(s))]
    return " ".join([main, *extras])


def _put_range(data: dict[str, Any], dates: DateRange | None) -> None:
    """``startDate`` and ``endDate`` from a range; a current role gets no end date."""
    if dates is None:
        return
    data["startDate"] = dates.start
    if not dates.current and dates.end:
        data["endDate"] = dates.end


# ---- education -------------------------------------------------------------------------------
def split_education(entries: list[RawEntry]) -> list[RawEntry]:
    """Cut a header that holds two schools into two entries.

    Why by content: an education entry has one school and one degree; a header line that
    opens with another school or degree once both are known starts the next entry, even
    where the layout shows no break (one text line per school, or an undated entry whose
    first line lacks the date column that marks the others).
    """
    out: list[RawEntry] = []
    for entry in entries:
        current = RawEntry(header=entry.header[:1])
        school = degree = False
        if entry.header:
            _, _, school, degree = _education_start(entry.header[0])
        for line in entry.header[1:]:
            starts_school, starts_degree, line_school, line_degree = _education_start(line)
            if school and degree and (starts_school or starts_degree):
                out.append(current)
                current = RawEntry(header=[line])
                school, degree = line_school, line_degree
                continue
            current.header.append(line)
            school, degree = school or line_school, degree or line_degree
        current.bullets, current.body = entry.bullets, entry.body
        out.append(current)
    return out


def _education_start(line: Line) -> tuple[bool, bool, bool, bool]:
    """(first piece is a school, first piece is a degree, has a school, has a degree)."""
    pieces = [
        _strip_dates(p).strip()
        for seg in line.segments
        for p in re.split(r",|\s[–—|·]\s|\s-\s|;", seg)
        if _strip_dates(p).strip()
    ]
    if not pieces:
        return False, False, False, False
    is_school = [_is_school(p) for p in pieces]
    is_degree = [bool(match_degree(p)) for p in pieces]
    return is_school[0], is_degree[0], any(is_school), any(is_degree)


def reads_as_education(entries: list[RawEntry]) -> bool:
    """Most entries' headers name both a school and a degree, or span a year or more (a
    section of schools and degrees under a heading that could also mean skills or courses:
    a course from an "Academy" alone, or a licence of one date, is a certificate; a
    two-year programme at a trade school the lexicon cannot know is education)."""
    if not entries:
        return False
    hits = 0
    for entry in entries:
        starts = [_education_start(line) for line in entry.header]
        named = any(s[2] for s in starts) and any(s[3] for s in starts)
        hits += named or _months(header_of(entry, locations=False).dates) >= 12
    return 2 * hits > len(entries)


def _months(dates: DateRange | None) -> int:
    """How many months a closed range spans (0 for none, a single date or an open one)."""
    if dates is None or not dates.end:
        return 0
    (y1, _, m1), (y2, _, m2) = dates.start.partition("-"), dates.end.partition("-")
    return (int(y2) - int(y1)) * 12 + (int(m2 or 1) - int(m1 or 1))


def reads_as_projects(entries: list[RawEntry]) -> bool:
    """No entry has a date or a role in its header: a portfolio, not jobs."""
    if not entries:
        return False
    for entry in entries:
        header = header_of(entry, locations=False)
        if header.dates is not None or any(_scores(p.text)[0] > 0 for p in header.parts):
            return False
    return True


def build_education(entry: RawEntry) -> tuple[dict[str, Any], list[str]]:
    header = header_of(entry)
    data: dict[str, Any] = {}
    leftovers: list[str] = []
    texts = [p.text for p in header.parts]
    texts = [t for t in (_take_gpa(t, data) for t in texts) if t]
    for line in entry.bullets + entry.body:
        rest = _take_gpa(line.plain, data)
        courses = COURSES_RE.match(rest) if rest else None
        if courses:
            data.setdefault("courses", []).extend(split_list(courses.group(1)))
        elif rest:
            leftovers.append(rest)
    pieces: list[str] = []
    for text in texts:
        pieces.extend(_education_pieces(text))
    degree_index = next((i for i, t in enumerate(pieces) if match_degree(t)), None)
    if degree_index is not None:
        degree, rest = match_degree(pieces[degree_index]) or ("", "")
        data["studyType"] = degree
        rest = re.sub(r"^(?:in|of|,|:|-|–|—)\s+", "", rest).strip(" ,")
        if rest and _is_school(rest):
            pieces[degree_index] = degree
            pieces.insert(degree_index + 1, rest)  # "B.B.A. Oconee River College"
        elif rest:
            data["area"] = rest
    others = [t for i, t in enumerate(pieces) if i != degree_index]
    if others:
        ranked = sorted(
            range(len(others)), key=lambda i: -score("institution", Candidate(others[i]))
        )
        best = ranked[0]
        institution = others[best]
        remaining = [t for i, t in enumerate(others) if i != best]
        if "area" not in data and not remaining and "," in institution:
            head, _, tail = institution.rpartition(",")
            institution, remaining = head.strip(), [tail.strip()]
        data["institution"] = institution
        if "area" not in data and remaining:
            data["area"] = remaining.pop(0)
        leftovers.extend(remaining)
    if header.location:
        leftovers.append(header.location)
    _put_range(data, header.dates)
    return data, leftovers


def _education_pieces(text: str) -> list[str]:
    """Cut at commas where a degree or a school starts; other pieces stay with the one
    before ("University of California, Berkeley" is one piece)."""
    pieces: list[str] = []
    for sub in (s.strip() for s in text.split(",")):
        if not sub:
            continue
        starts = bool(match_degree(sub)) or (
            _is_school(sub)
            and not (pieces and match_degree(pieces[-1]) and " in " not in pieces[-1])
        )
        if pieces and not starts:
            pieces[-1] = f"{pieces[-1]}, {sub}"
        else:
            pieces.append(sub)
    return pieces


def _take_gpa(text: str, data: dict[str, Any]) -> str:
    match = GPA_RE.search(text)
    if match:
        data.setdefault("score", match.group(1).replace(" ", ""))
        return _clean(text[: match.start()] + " " + text[match.end() :])
    match = _grade_re().search(text)
    if not match:
        return text
    data.setdefault("score", " ".join((match.group("grade") or match.group("alone")).split()))
    return _clean(text[: match.start()] + " " + text[match.end() :])


@functools.cache
def _grade_re() -> re.Pattern[str]:
    """A grade in words (lexicons.yaml ``grade_words``): after "GPA:", "Grade:",
    "Classification:" ("GPA: Distinction"), or standing alone as a piece ("Magna cum
    laude"); a number is GPA_RE's."""
    words = sorted(lexicon("grade_words"), key=len, reverse=True)
    phrase = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    label = r"(?:(?:GPA|CGPA|Grade|Grades|Classification|Result|Honou?rs)\s*:?\s*)"
    # after a label, any few capitalised words to the end of the piece ("GPA: Pass with
    # distinction"); alone, only a grade the lexicon knows
    free = r"(?-i:[A-Z])[\w'’]*(?:\s+[\w'’]+){0,4}"
    return re.compile(
        rf"(?:\b{label}(?P<grade>{phrase}|{free})|(?:^|(?<=[,;(]))\s*(?P<alone>{phrase}))"
        r"(?=\s*(?:$|[,;)]))",
        re.IGNORECASE,
    )


# ---- projects, certificates, awards, publications, references ---------------------------
def build_project(entry: RawEntry) -> tuple[dict[str, Any], list[str]]:
    header = header_of(entry, locations=False)
    data: dict[str, Any] = {}
    if header.parts:
        first = header.parts[0]
        data["name"] = first.text.rstrip(".")
        same_line = entry.header[first.line].plain
        position = same_line.find(first.text)
        after = same_line[position + len(first.text) :] if position >= 0 else ""
        if header.dates:
            found = find_range(after)
            if found:
                after = found.cut_from(after)
        after = after.strip(" .,;:|–—-\t")
        description = [after] if after else []
        description += [_strip_dates(h.plain) for h in entry.header[first.line + 1 :]]
        description += [line.plain for line in entry.body]
        description = [d for d in description if d]
        if description:
            data["description"] = " ".join(description)
    _put_range(data, header.dates)
    data["highlights"] = [bullet_text(b) for b in entry.bullets]
    return data, []


def _strip_dates(text: str) -> str:
    found = find_range(text)
    if found:
        text = found.cut_from(text)
    return text.strip(" \t|,;–—-")


def build_named(
    entry: RawEntry, name_key: str, by_key: str | None, date_key: str | None
) -> tuple[dict[str, Any], list[str]]:
    """Certificates, awards, publications, references: a name, who gave it, a date."""
    header = header_of(entry, locations=False)
    parts = [p.text for p in header.parts]
    data: dict[str, Any] = {}
    leftovers: list[str] = []
    if len(parts) == 1 and by_key and "," in parts[0]:
        head, _, tail = parts[0].rpartition(",")
        tail = tail.strip()
        if _issuer_like(tail):
            parts = [head.strip(), tail]
    if parts:
        data[name_key] = parts[0]
    if len(parts) > 1 and by_key:
        data[by_key] = parts[1]
        leftovers.extend(parts[2:])
    elif len(parts) > 1:
        data.setdefault("summary" if name_key == "title" else name_key, parts[0])
        leftovers.extend(parts[1:])
    if date_key and header.dates:
        data[date_key] = header.dates.start
    extra = [bullet_text(b) for b in entry.bullets] + [line.plain for line in entry.body]
    if extra:
        if name_key == "title":
            data["summary"] = " ".join(extra)
        elif name_key == "name" and by_key is None:
            data["reference"] = " ".join(extra)
        else:
            leftovers.extend(extra)
    return data, leftovers


def _issuer_like(text: str) -> bool:
    """Whether the text after a certificate's or award's last comma names who gave it: an
    organisation word, an acronym ("AACN"), or a proper name of two or more capitalised
    words ("Marketing Week") — never a place ("Colorado", "New York")."""
    lower = text.lower()
    if lower in lexicon("regions") or country_code(text) or parse_location(text):
        return False
    if score("company", Candidate(text)) > 0 or re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", text):
        return True
    words = text.split()
    if len(words) >= 3:
        return True
    return len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words)


# ---- skills, languages, interests -----------------------------------------------------------
def split_list(text: str) -> list[str]:
    """'a, b (c, d); e' → ['a', 'b (c, d)', 'e']: commas inside brackets stay."""
    items: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;|•·":
            items.append(current)
            current = ""
            continue
        current += char
    items.append(current)
    return [item for item in (i.strip(" .\t") for i in items) if item]


def build_skills(lines: list[Line]) -> list[dict[str, Any]]:
    """Skill groups from a skills section, in their order; a flat list → one skill named ''.

    A group is a "Label: a, b" line, a row of a two-column table or a two-column PDF line
    ("Programming ‖ Python, SQL, R") whose left cell is a short label and right cell a
    list, or a label cell alone in its row beside one item a line. Rows count as groups
    when at least one of them has a list (two or more items) on its right: a grid of
    single skills ("Python ‖ Kubernetes") stays a flat list.
    """
    rows = any(len(row[1]) > 1 for row in map(_label_row, lines) if row)
    labels = _label_cells(lines)
    skills: list[dict[str, Any]] = []
    flat: dict[str, Any] | None = None
    last_group: dict[str, Any] | None = None
    group_row: tuple[int, int] | None = None
    for line in lines:
        text = line.plain.strip()
        row = _label_row(line) if rows else None
        if row is not None:
            last_group, group_row = {"name": row[0], "keywords": row[1]}, None
            skills.append(last_group)
            continue
        if id(line) in labels and line.cell is not None:
            last_group = {"name": text.rstrip(":").strip(), "keywords": []}
            group_row = line.cell[:2]
            skills.append(last_group)
            continue
        match = LABEL_RE.match(text)
        label = match.group("label").strip() if match else ""
        if match and len(label.split()) <= 5 and not has_date(label):
            last_group = {"name": label, "keywords": split_list(match.group("rest"))}
            group_row = None
            skills.append(last_group)
            continue
        items = [item for segment in line.segments for item in split_list(segment)]
        in_row = group_row is not None and line.cell is not None and line.cell[:2] == group_row
        if last_group is not None and (
            in_row or (not line.block_start and not line.bullet and line.source != "table")
        ):
            last_group["keywords"].extend(items)
            continue
        if flat is None:
            flat = {"name": "", "keywords": []}
            skills.append(flat)
        flat["keywords"].extend(items)
    return skills


def forms_skill_groups(lines: list[Line]) -> bool:
    """Whether the lines under a heading the lexicon does not know are skill groups: two
    or more of them, every one a label with a list ("Label: a, b" or two cells), at least
    one list of two or more items."""
    if len(lines) < 2:
        return False
    longest = 0
    for line in lines:
        row = _label_row(line)
        if row is None:
            match = LABEL_RE.match(line.plain.strip())
            if not match or not _short_label(match.group("label").strip()):
                return False
            row = (match.group("label"), split_list(match.group("rest")))
        longest = max(longest, len(row[1]))
    return longest > 1


def _label_row(line: Line) -> tuple[str, list[str]] | None:
    """(label, items) of a line of two cells: a short label, then what it lists."""
    segments = line.segments
    if len(segments) != 2 or line.bullet:
        return None
    label = segments[0].strip().rstrip(":").strip()
    if not _short_label(label):
        return None
    items = split_list(segments[1])
    return (label, items) if items else None


def _short_label(text: str) -> bool:
    """A group label: one to four words, no digit, no list or sentence punctuation."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and not any(ch.isdigit() for ch in text)
        and not re.search(r"[,;.!?]", text)
    )


def _label_cells(lines: list[Line]) -> set[int]:
    """Table cells that label their row: a short label alone in the first column of a row
    whose other cells hold more lines ("Programming" beside "Python", "SQL", "R")."""
    by_row: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        if line.cell is not None and line.cell[2] >= 0:
            by_row.setdefault(line.cell[:2], []).append(line)
    found: set[int] = set()
    for row in by_row.values():
        first = [line for line in row if line.cell and line.cell[2] == 0]
        others = [line for line in row if line.cell and line.cell[2] > 0]
        if len(first) == 1 and others and _short_label(first[0].plain.strip().rstrip(":")):
            found.add(id(first[0]))
    return found


_FLUENCY_RE = re.compile(r"^(?P<lang>[^(:—–-]+?)\s*(?:\((?P<f1>[^)]+)\)|[:—–-]\s*(?P<f2>.+))$")


def build_languages(lines: list[Line]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in lines:
        for piece in _language_pieces(line.plain):
            match = _FLUENCY_RE.match(piece)
            if match:
                fluency = (match.group("f1") or match.group("f2") or "").strip()
                out.append({"language": match.group("lang").strip(), "fluency": fluency})
            else:
                out.append({"language": piece})
    return out


def _language_pieces(text: str) -> list[str]:
    pieces = [p.strip() for p in re.split(r"\s*[|;•·]\s*|\t", text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        out.extend(split_list(piece) if "," in piece else [piece])
    return out


def build_interests(lines: list[Line]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in lines:
        text = line.plain.strip()
        match = LABEL_RE.match(text)
        if match and len(match.group("label").split()) <= 4:
            out.append(
                {"name": match.group("label").strip(), "keywords": split_list(match.group("rest"))}
            )
        elif "," in text or ";" in text:
            out.extend({"name": item} for item in split_list(text))
        else:
            out.append({"name": text})
    return out
