"""Small pieces of the sentences the tool writes for the candidate: counts, lists, quotes.

Why a module of its own: the analyzer's suggestions, the drafter's edit reasons and the
diff's summary lines all count things and quote resume lines, and each had its own copy of
these helpers. It imports nothing, so any module can use it.
"""

from __future__ import annotations

from collections.abc import Sequence


def count_noun(n: int, noun: str) -> str:
    """'1 interview', '3 interviews', '2 work entries' (regular plurals: the nouns are the
    tool's own)."""
    if n == 1:
        return f"{n} {noun}"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return f"{n} {noun[:-1]}ies"
    return f"{n} {noun}s"


def join_words(items: Sequence[str], last: str = "and") -> str:
    """'Scrum, Jira and Go' (or 'or'): a list as a sentence writes it."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with '…' when longer —
    between words ("two Scrum…", not "two Scrum t…") unless that would lose over half."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if not text[limit - 1].isspace() and space > limit // 2:
        cut = cut[:space]
    return cut.rstrip().rstrip(",;:") + "…"


def distinct_phrases(phrases: Sequence[str], limit: int) -> list[str]:
    """The first ``limit`` phrases that differ by more than case or a plural 's'
    ('Helm charts' and 'Helm chart' are one example, not two)."""
    seen: set[str] = set()
    kept: list[str] = []
    for phrase in phrases:
        key = phrase.casefold().removesuffix("s")
        if key not in seen:
            seen.add(key)
            kept.append(phrase)
        if len(kept) == limit:
            break
    return kept


def quoted(text: str) -> str:
    """'Acme Corp' in a sentence: single quotes, or double ones when the text has an
    apostrophe ("O'Brien & Sons"), or “…” when it has both — never Python's backslashes."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return f"“{text}”"


_SHELL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_")


def shell_word(text: str) -> str:
    """``text`` as one word of a command the user may copy: bare when safe (acme),
    "Acme Corp" as people type it, and single-quoted only when double quotes would not
    keep it literal ($, `, \\, ! or a double quote inside)."""
    if text and all(c in _SHELL_SAFE for c in text):
        return text
    if not any(c in text for c in '"$`\\!'):
        return f'"{text}"'
    return "'" + text.replace("'", "'\"'\"'") + "'"
