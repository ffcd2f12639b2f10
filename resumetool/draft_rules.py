"""Tunables of ``resumetool draft`` — data, documented in one place, read by ``draft.py``.

Why the focus line lives in the summary: it must render in every template and parse back
with the resume, and sit where a reader looks first. ``basics.summary`` is all three — every
design prints it right under the name, the parser reads it back as the summary, and the
analyzer weighs it just below the headline. A "Core skills" entry in ``skills`` would also
round-trip, but every design prints the skills list last, where the analyzer (and a
recruiter) weighs a mention least. The headline (``basics.label``) is read first of all but
is one short line the parser recognises only when it looks like a job title. So the focus
line is a paragraph of its own at the end of the summary: ``Core skills: A, B, C.``

What it lists: the demanded skills the resume has evidence for, less those the rest of the
summary already names (they are emphasized there; repeating them reads as padding). Each is
written as the resume writes that name (its skills list first), else as the taxonomy spells
it — never re-cased by a rule, which would turn 'dbt' into 'Dbt'.

Which lines move
----------------
In each entry (a role, a project) at most ONE line moves, and only to the top. It is the
line that names or shows the most demanded skill the parent does not yet emphasize (its
verdict is in ``LIFTED_VERDICTS``), and it moves only when that skill is demanded more
than every skill the entry's first line already shows. Every other line keeps its order;
the old first line becomes the second.

Why one line, to the top: the first line of a role is the one a reader reads (the
analyzer's line weights fall after it, ``weights.LINE_DECAY``), and it is where the
analyzer's own advice sends a buried skill ("move bullet 4 to the top of its entry").
Lifting more lines would push the candidate's chosen lead — typically their strongest,
quantified result — further down for skills the focus line names anyway, and a full sort
reshuffles lines no demand asked to move. Why only skills not yet emphasized: a skill the
summary or headline already names is seen first; moving its proof changes nothing a
reader sees first.

The record is the diff: the moves in ``meta.yaml`` are the moves ``resumetool diff``
shows (both come from ``diff.moved_pairs``, the fewest moves that explain the new order);
a line moved up says which demanded skill it shows and where the old first line went, a
line moved down (should a rule ever move one) which line took its place.
"""

from __future__ import annotations

LIFTED_VERDICTS = frozenset({"buried", "implied"})
"""Verdicts of the skills whose line may be lifted: named only low, or only shown."""

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
