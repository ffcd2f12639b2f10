"""Tunables of ``resumetool draft`` — data, documented in one place, read by ``draft.py``.

Why the focus line lives in the summary: it must render in every template and parse back
with the resume, and sit where a reader looks first. ``basics.summary`` is all three — every
design prints it right under the name, the parser reads it back as the summary, and the
analyzer weighs it just below the headline. A "Core skills" entry in ``skills`` would also
round-trip, but every design prints the skills list last, where the analyzer (and a
recruiter) weighs a mention least. The headline (``basics.label``) is read first of all but
is one short line the parser recognises only when it looks like a job title. So the focus
line is a paragraph of its own at the end of the summary: ``Core skills: A, B, C.``
"""

from __future__ import annotations

FOCUS_LABEL = "Core skills"
"""The words that start the focus line; a summary paragraph starting so is the focus line
a later draft updates (its items the user wrote are kept, after the demanded ones)."""

FOCUS_MAX = 8
"""At most this many demanded skills lead the focus line (most demanded first): a longer
line reads as a keyword dump."""

FOCUS_SEPARATOR = ", "

REWRITE_GLOSS = "{phrase} ({skill})"
"""How a rewrite names an implied skill: right after the words that show it, so the line
keeps its meaning and the reader sees why ('sprint planning (Scrum)')."""

REWRITE_APPEND = "{text} ({skill})"
"""Used when ``draft.gloss`` is given no span and cannot find the evidence words as
written; a draft always passes the analyzer's span."""

EVIDENCE_EXAMPLES = 5
"""How many of the taxonomy's evidence phrases a note lists as 'what would count'."""

QUOTE_CHARS = 72
"""A line quoted in the one-line description of an edit is cut to this many characters."""
