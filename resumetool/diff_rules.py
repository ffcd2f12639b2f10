"""Tunables of ``resumetool diff`` — data, documented in one place, read by ``diff.py``.

Scores are rapidfuzz's 0–100 similarities. Why these numbers: a bullet that was reworded
("Ran sprint planning" → "Ran sprint planning (Scrum) for two teams") keeps most of its
characters in order (``fuzz.ratio`` 75–95), while two different bullets of the same role
share only filler words (30–55). An entry keeps its employer and most of its title across
a promotion or a retitle, which ``token_sort_ratio`` scores 80+ regardless of word order.
"""

from __future__ import annotations

BULLET_MATCH = 60.0
"""Two bullets without a shared id are the same line (reworded) at this ``fuzz.ratio``
or above; below it, one was removed and the other added."""

ENTRY_MATCH = 75.0
"""Two entries without a shared id are the same entry at this score or above: the best of
their titles' ``token_sort_ratio`` and their bullets' ``fuzz.ratio``."""

EMPHASIS_EPSILON = 0.0005
"""Emphasis changes smaller than this (rounding) count as unchanged."""

CONTEXT_WORDS = 6
"""In text output, unchanged words shown on each side of a change; a longer unchanged run
is cut to '…' (Markdown and JSON keep every word)."""
