"""Dates as people type them at a prompt: ISO, relative words, and written-out forms.

Why a module of its own: ``interview add --date``, ``company add --date`` and
``plan --start`` all take a day, and a person logging an interview the evening after
types "yesterday" or "Nov 20" more often than 2026-11-20. ISO and relative words are
handled here without imports; written-out forms ("20 November", "Nov 20 2026",
"20.11.2026") go to ``dateutil.parser`` (already installed through icalendar, ~15 ms to
import, imported only when such a form is given). A numeric day/month that reads both
ways (03/04/2026) is refused rather than guessed, and a form without a day ("March") is
refused rather than filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Prefer = Literal["past", "future"]

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English names, not the locale's: the e-mail and the report are written in English."""
WEEKDAYS = tuple(name.lower() for name in DAY_NAMES)
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_AGO = re.compile(r"^(\d{1,3})\s+days?\s+ago$")
_IN = re.compile(r"^in\s+(\d{1,3})\s+days?$")
_WEEKDAY = re.compile(r"^(?:(last|next|this)\s+)?([a-z]{3,9})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")

EXAMPLES = "2026-11-20, today, yesterday, 3 days ago, last friday, Nov 20, 20 November 2026"


class DateError(ValueError):
    """The text is not a day this module can read; the message says what would be."""


def parse_date(text: str, *, today: dt.date | None = None, prefer: Prefer = "past") -> dt.date:
    """The day ``text`` names.

    ``prefer`` settles forms without a year or direction: an interview already happened
    ("friday", "Nov 20" → the most recent one), a scheduled company date lies ahead
    ("friday" → the coming one).
    """
    today = today or dt.date.today()
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        raise DateError(f"empty date; write one like {EXAMPLES}")
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    relative = _relative(cleaned, today, prefer)
    if relative is not None:
        return relative
    numeric = _NUMERIC.match(cleaned)
    if numeric:
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            raise DateError(
                f"{text.strip()!r} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
            )
    return _written_out(text.strip(), cleaned, today, prefer)


def _relative(cleaned: str, today: dt.date, prefer: Prefer) -> dt.date | None:
    if cleaned in RELATIVE_DAYS:
        return today + dt.timedelta(days=RELATIVE_DAYS[cleaned])
    if match := _AGO.match(cleaned):
        return today - dt.timedelta(days=int(match[1]))
    if match := _IN.match(cleaned):
        return today + dt.timedelta(days=int(match[1]))
    match = _WEEKDAY.match(cleaned)
    if not match:
        return None
    day = next((i for i, name in enumerate(WEEKDAYS) if name.startswith(match[2])), None)
    if day is None or len(match[2]) < 3:
        return None
    direction = {"last": "past", "next": "future"}.get(match[1] or "", prefer)
    if direction == "past":
        back = (today.weekday() - day) % 7 or (7 if match[1] == "last" else 0)
        return today - dt.timedelta(days=back)
    ahead = (day - today.weekday()) % 7 or (7 if match[1] == "next" else 0)
    return today + dt.timedelta(days=ahead)


def _written_out(original: str, cleaned: str, today: dt.date, prefer: Prefer) -> dt.date:
    """Hand the text to dateutil twice with different defaults to see which parts it filled."""
    from dateutil import parser

    try:
        a = parser.parse(cleaned, default=dt.datetime(2000, 1, 1)).date()
        b = parser.parse(cleaned, default=dt.datetime(2004, 3, 2)).date()
    except (ValueError, OverflowError) as exc:
        raise DateError(f"cannot read {original!r} as a date; write one like {EXAMPLES}") from exc
    if a.day != b.day or a.month != b.month:
        raise DateError(f"{original!r} names no single day; write one like {EXAMPLES}")
    if a.year != b.year:
        return _nearest_year(a.month, a.day, today, prefer, original)
    return a


def _nearest_year(month: int, day: int, today: dt.date, prefer: Prefer, original: str) -> dt.date:
    """A day without a year: this year's, unless that lies on the wrong side of today."""
    step = -1 if prefer == "past" else 1
    for offset in range(9):
        try:
            candidate = dt.date(today.year + step * offset, month, day)
        except ValueError:
            continue
        if (candidate <= today) if prefer == "past" else (candidate >= today):
            return candidate
    raise DateError(f"cannot place {original!r} in a year; write it as YYYY-MM-DD")


def written_date(day: dt.date, *, weekday: bool = False) -> str:
    """'20 November 2026' (or 'Friday 20 November 2026'): unambiguous in every country,
    unlike 11/20 or 20/11."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{DAY_NAMES[day.weekday()]} {text}" if weekday else text


def long_date(day: dt.date) -> str:
    """'Friday 20 November 2026': the form for a day in prose (reports, plan notes)."""
    return written_date(day, weekday=True)


def short_date(day: dt.date) -> str:
    """'Fri 20 Nov 2026': the form for a day in a table (the plan, a report). The year
    stays: a plan made in December runs into January."""
    month = MONTH_NAMES[day.month - 1][:3]
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {month} {day.year}"


def date_span(first: dt.date, last: dt.date) -> str:
    """'17–18 December 2026', '30 November – 2 December 2026', '28 December 2026 – 4
    January 2027': days from ``first`` to ``last`` in prose, nothing said twice."""
    if first == last:
        return written_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{written_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {written_date(last)}"
    return f"{written_date(first)} – {written_date(last)}"
