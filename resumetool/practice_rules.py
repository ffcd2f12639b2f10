"""Tunables of the practice questions and of grouping cons — data, read by ``practice.py``.

Why these numbers: a mock interview covers a handful of topics well rather than many
badly, so each skill gets a few questions; a con counts as recurring once it shows up in
two different interviews (once is an incident, twice is a pattern). Change a number
here, not in the code.
"""

from __future__ import annotations

QUESTIONS_PER_SKILL = 3
"""Questions per demanded skill (behavioural and technical alternate, behavioural first)."""
QUESTIONS_PER_CON = 3
"""Questions per recurring con."""
ANCHORS_PER_ITEM = 3
"""Resume lines offered to anchor the answers to one skill or con."""

RECURRING_MIN_INTERVIEWS = 2
"""A con (or a group of similar cons) is recurring when this many interviews name it."""
CON_SIMILARITY = 80
"""rapidfuzz token_set_ratio (0–100) at which two cons without a theme count as the same:
'vague on metrics' and 'too vague about metrics' score 100, 'ran over time' and 'ran out
of time' 80, 'no Scrum examples' and 'no HIPAA example' 59."""
CON_IGNORED_WORDS = frozenset(
    {"a", "an", "the", "on", "about", "of", "to", "too", "in", "at", "for", "my", "i"}
    | {"was", "were", "with", "and", "or", "very", "bit", "little", "some", "enough", "be"}
    | {"been", "being", "got", "get", "it", "its", "quite", "rather", "really"}
)
"""Words left out before two cons are compared: they carry no topic."""
SUBSET_MIN_WORDS = 2
"""token_set_ratio gives 100 when one con's words are all in the other; that counts only
when the shorter con has at least this many words (a one-word con is not a topic)."""

CLOSEST_IGNORED_WORDS = frozenset(
    {"management", "manager", "skills", "skill", "tool", "tools", "software", "practice"}
    | {"practices", "method", "service", "services", "system", "systems", "process", "data"}
    | {"work", "team", "teams", "general", "other"}
)
"""Words too common to say a role is close to a skill the resume lacks."""
CLOSEST_STEM = 6
"""Words are compared by their first this-many letters (healthcare ~ Health Partners)."""
