"""Tunables of the after-interview report — data, read by ``report.py``.

Why here: which skills count as "asked again and again" and how much of the draft is
previewed are judgement calls a user may want to change; they live in one place.
"""

from __future__ import annotations

REPEATED_MIN_INTERVIEWS = 2
"""A skill is 'asked again and again' when at least this many interviews brought it up
(asked it, or named it in a question, the feedback or a con: the analyzer's demand)."""

EDIT_VERDICTS = ("buried", "implied")
"""Verdicts an edit of the resume can fix. ``emphasized`` needs none; ``absent`` is not
an edit (never claim a skill): it is listed under "prepare" instead."""

LINES_PER_SKILL = 4
"""Resume lines quoted per skill in the coverage section (mentions first, then evidence)."""

DRAFT_PREVIEW_MAX = 8
"""Edits of the `resumetool draft` preview listed in full; more are counted."""

REPORTS_DIR = "reports"
"""Where `resumetool report --format html` writes when no -o is given (in the workspace)."""

EXCERPT_CHARS = 150
"""A quoted resume line longer than this is cut around the matched words ('…')."""
