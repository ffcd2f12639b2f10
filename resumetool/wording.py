"""Small pieces of the sentences the tool writes for the candidate: counts, lists, quotes.

Why a module of its own: the analyzer's suggestions, the drafter's edit reasons and the
diff's summary lines all count things and quote resume lines, and each had its own copy of
these helpers. It imports nothing, so any module can use it.
"""

from __future__ import annotations

from collections.abc import Sequence


def count_noun(n: int, noun: str) -> str:
    """'1 interview', '3 interviews' (a regular plural: the nouns are the tool's own)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def join_words(items: Sequence[str], last: str = "and") -> str:
    """'Scrum, Jira and Go' (or 'or'): a list as a sentence writes it."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with '…' when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
