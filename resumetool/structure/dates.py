"""Dates and date ranges as people write them, to ISO 8601 prefixes.

Why a tokenizer rather than one big pattern: resumes mix forms freely ("Sept. 2019 –
Present", "03/2019 - 06/2021", "2018–2020", "Summer 2017", "2019 — now", "January 2020
to Current"), so single dates are found first and a range is two of them (or one and a
"present" word) with only a dash or "to" between. A season or a bare year is year-only;
a current role has no end date (``current`` is True instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse.datewords import MONTHS, SEASONS

PRESENT = ("present", "current", "currently", "now", "today", "ongoing", "to date", "date")
"""Words that end an open range: the role is current and gets no end date."""
OPEN_START = ("since",)
"""Words before a single date that make it the start of a current role ("since 2020")."""
RANGE_SEPARATORS = ("-", "–", "—", "‒", "‐", "−", "~", "to", "until", "till", "through", "thru")
"""What stands between the two dates of a range (a dash may be doubled: "2019 -- 2021")."""
EXPECTED_WORDS = ("expected", "anticipated", "est.", "exp.")
"""Words before the end of a range that is still to come ("Aug 2023 – Expected May 2027"):
the end date is kept as written."""

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SINGLE = re.compile(
    rf"""
    (?<![\w/.])
    (?:
        (?P<month>{_MONTH})\.?,?\s*(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?
        (?:'?(?P<year>{_YEAR})|['‘’](?P<short_year>\d\d)(?!\d))
      | (?P<season>{"|".join(SEASONS)})\s+(?P<season_year>{_YEAR})
      | (?P<mm>0?[1-9]|1[0-2])\s*[/.]\s*(?P<mm_year>{_YEAR})
      | (?P<ym_year>{_YEAR})\s*/\s*(?P<ym_month>0[1-9]|1[0-2])(?![\d/])
      | (?P<iso_year>{_YEAR})-(?P<iso_month>0[1-9]|1[0-2])(?:-(?P<iso_day>[0-3]\d))?(?![\d])
      | (?P<bare_year>{_YEAR})
    )
    (?![\w/])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PRESENT_RE = re.compile(
    rf"(?<![\w])(?:{'|'.join(sorted((re.escape(p) for p in PRESENT), key=len, reverse=True))})"
    r"(?![\w])",
    re.IGNORECASE,
)
_OPEN_START_RE = re.compile(
    rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in OPEN_START)})\s+$", re.IGNORECASE
)
_DASHES = re.escape("".join(s for s in RANGE_SEPARATORS if not s.isalpha()))
_SEPARATOR_WORDS = "|".join(s for s in RANGE_SEPARATORS if s.isalpha())
_EXPECTED = "|".join(re.escape(w) for w in EXPECTED_WORDS)
_SEPARATOR_RE = re.compile(
    rf"^\s*(?:[{_DASHES}]{{1,2}}|{_SEPARATOR_WORDS})\s*(?:(?:{_EXPECTED})(?<!\.)\b\.?\s*)?$",
    re.IGNORECASE,
)
_SHORT_END_RE = re.compile(rf"^\s*[{_DASHES}]{{1,2}}\s*(?P<yy>\d\d)(?=\s*(?:$|[,;|)\]]))")
"""The end year of a range written by its last two digits ("2016–18")."""
_MONTH_BEFORE_RE = re.compile(
    rf"(?<![\w/.])(?P<month>{_MONTH})\.?\s*(?:[{_DASHES}]{{1,2}}|{_SEPARATOR_WORDS})\s*$",
    re.IGNORECASE,
)
"""A month without its year before a full date ("May – Aug 2025"): the range's start."""


@dataclass(frozen=True, slots=True)
class DateRange:
    """A parsed range; ``end`` is None for a current role (``current``) or a single date."""

    start: str
    end: str | None
    current: bool
    span: tuple[int, int]
    """Where in the text the range stood, so the caller can cut it out."""

    def cut_from(self, text: str) -> str:
        """``text`` (the text the range was found in) with the range cut out."""
        return text[: self.span[0]] + text[self.span[1] :]


def parse_date(text: str) -> str | None:
    """One date to an ISO prefix ('2019-09', '2017'), or None."""
    match = _SINGLE.search(text)
    return _iso(match) if match else None


def find_range(text: str) -> DateRange | None:
    """The first date range (or single date) in ``text``."""
    tokens: list[tuple[int, int, str | None]] = [
        (m.start(), m.end(), _iso(m)) for m in _SINGLE.finditer(text)
    ]
    if not tokens:
        return None
    for index, (start, end, iso) in enumerate(tokens):
        if iso is None:
            continue
        rest = text[end:]
        shared_year = _MONTH_BEFORE_RE.search(text[:start]) if index == 0 else None
        if shared_year and len(iso) >= 7:
            return DateRange(
                _start_in_year(shared_year["month"], iso), iso, False, (shared_year.start(), end)
            )
        if index + 1 < len(tokens):
            n_start, n_end, n_iso = tokens[index + 1]
            between = text[end:n_start]
            if n_iso and _SEPARATOR_RE.match(between):
                return DateRange(iso, n_iso, False, (start, n_end))
        short_end = _SHORT_END_RE.match(rest) if len(iso) == 4 else None
        if short_end:
            end_year = f"{iso[:2]}{short_end['yy']}"
            if end_year > iso:
                return DateRange(iso, end_year, False, (start, end + short_end.end()))
        present = _PRESENT_RE.search(rest)
        if present and _SEPARATOR_RE.match(rest[: present.start()]):
            return DateRange(iso, None, True, (start, end + present.end()))
        open_start = _OPEN_START_RE.search(text[:start])
        if open_start:
            return DateRange(iso, None, True, (open_start.start(), end))
        return DateRange(iso, iso, False, (start, end))
    return None


def _start_in_year(month_word: str, end_iso: str) -> str:
    """The start of "May – Aug 2025": the end's year, or the year before when the start
    month comes later in the year ("Nov – Feb 2021" began in November 2020)."""
    month = MONTHS[month_word.lower()]
    year = int(end_iso[:4])
    if month > int(end_iso[5:7]):
        year -= 1
    return f"{year}-{month:02d}"


def has_date(text: str) -> bool:
    """Whether a date stands in ``text`` (cheap test for features)."""
    return _SINGLE.search(text) is not None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["month"]:
        month = MONTHS[groups["month"].lower()]
        year = groups["year"] or _full_year(groups["short_year"])
        day = groups["day"]
        if day and 1 <= int(day) <= 31:
            return f"{year}-{month:02d}-{int(day):02d}"
        return f"{year}-{month:02d}"
    if groups["season"]:
        return groups["season_year"]
    if groups["mm"]:
        return f"{groups['mm_year']}-{int(groups['mm']):02d}"
    if groups["ym_year"]:
        return f"{groups['ym_year']}-{groups['ym_month']}"
    if groups["iso_year"]:
        if groups["iso_day"] and 1 <= int(groups["iso_day"]) <= 31:
            return f"{groups['iso_year']}-{groups['iso_month']}-{groups['iso_day']}"
        return f"{groups['iso_year']}-{groups['iso_month']}"
    return groups["bare_year"]


SHORT_YEAR_PIVOT = 50
"""A year written "'19" is 2019 below this, 19xx from it ("'87" is 1987)."""


def _full_year(short_year: str) -> str:
    """ "'21" → 2021: resumes written now date their jobs within this century or the last."""
    two = int(short_year)
    return f"{2000 + two if two < SHORT_YEAR_PIVOT else 1900 + two}"
