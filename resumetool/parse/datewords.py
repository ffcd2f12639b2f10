"""Month and season words as resumes write them.

Why here, in ``parse``: the PDF reader needs them to keep a narrow date column together
(``pdf._repair_columns``), and the structure stage needs them to read dates
(``structure.dates``). Imports run from ``structure`` down to ``parse``, never up, so the
words live at the lower of the two layers.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
"""Month names and the abbreviations people use (with or without a full stop)."""
SEASONS = ("spring", "summer", "fall", "autumn", "winter")
"""Seasons give a year only: which months a season means depends on the hemisphere."""
