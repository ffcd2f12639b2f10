"""The small sentence helpers the analyzer, the drafter, the differ and the report share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resumetool.wording import count_noun, join_words, shorten


def test_count_noun_and_join_words():
    assert [count_noun(n, "interview") for n in (0, 1, 2)] == [
        "0 interviews",
        "1 interview",
        "2 interviews",
    ]
    assert join_words([]) == "" and join_words(["Scrum"]) == "Scrum"
    assert join_words(["Scrum", "Jira", "Go"]) == "Scrum, Jira and Go"
    assert join_words(["'a'", "'b'"], "or") == "'a' or 'b'"


def test_shorten_keeps_short_lines_and_cuts_long_ones():
    assert shorten("  Ran  sprint\nplanning ", 40) == "Ran sprint planning"
    assert shorten("Ran sprint planning for two teams", 12) == "Ran sprint…"


@given(text=st.text(), limit=st.integers(1, 80))
def test_shorten_never_exceeds_the_limit(text, limit):
    short = shorten(text, limit)
    assert len(short) <= limit and "\n" not in short
