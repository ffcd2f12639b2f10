"""Dates and ranges in the forms people write, with property tests over many renderings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resumetool.structure.dates import MONTHS, find_range, has_date, parse_date


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2020 – Present", "2020-01", None, True),
        ("January 2020 to Current", "2020-01", None, True),
        ("03/2019 - 06/2021", "2019-03", "2021-06", False),
        ("2018–2020", "2018", "2020", False),
        ("2018-2020", "2018", "2020", False),
        ("Sept. 2019", "2019-09", "2019-09", False),
        ("Summer 2017", "2017", "2017", False),
        ("2019 — now", "2019", None, True),
        ("Sept 2014 – May 2018", "2014-09", "2018-05", False),
        ("07/2024 - present", "2024-07", None, True),
        ("2014-09 – 2018-05", "2014-09", "2018-05", False),
        ("Fall 2019 – Spring 2021", "2019", "2021", False),
        ("Mar. 2020 until today", "2020-03", None, True),
        ("(2021)", "2021", "2021", False),
        ("Seattle, WA   Jun 2018 – Dec 2020", "2018-06", "2020-12", False),
    ],
)
def test_forms(text, start, end, current):
    found = find_range(text)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


def test_span_points_at_the_range():
    text = "Corvid Labs, Seattle\tJan 2021 – Present"
    found = find_range(text)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "Jan 2021 – Present"


@pytest.mark.parametrize(
    "text",
    ["Grew revenue by 3,000 accounts", "Call (206) 555-0143", "GPA 3.6", "May the team", ""],
)
def test_no_date_where_there_is_none(text):
    assert find_range(text) is None
    assert not has_date(text)


_NAMES = {n: m for n, m in MONTHS.items()}


@st.composite
def rendered_dates(draw):
    year = draw(st.integers(1960, 2045))
    month = draw(st.integers(1, 12))
    style = draw(st.sampled_from(["name", "abbr", "abbr.", "mm/yyyy", "m/yyyy", "iso", "upper"]))
    names = [n for n, m in _NAMES.items() if m == month]
    full = max(names, key=len)
    short = min(names, key=len)
    text = {
        "name": f"{full.title()} {year}",
        "abbr": f"{short.title()} {year}",
        "abbr.": f"{short.title()}. {year}",
        "mm/yyyy": f"{month:02d}/{year}",
        "m/yyyy": f"{month}/{year}",
        "iso": f"{year}-{month:02d}",
        "upper": f"{full.upper()} {year}",
    }[style]
    return text, f"{year}-{month:02d}"


@given(rendered_dates())
def test_any_single_month_parses(case):
    text, iso = case
    assert parse_date(text) == iso


@given(
    rendered_dates(),
    rendered_dates(),
    st.sampled_from([" – ", " - ", "–", " — ", " to ", " until ", " through "]),
)
def test_any_range_parses(first, second, separator):
    found = find_range(f"{first[0]}{separator}{second[0]}")
    assert found is not None
    assert (found.start, found.end, found.current) == (first[1], second[1], False)


@given(
    rendered_dates(),
    st.sampled_from(["Present", "present", "Current", "Now", "today", "Ongoing"]),
    st.sampled_from([" – ", " - ", " to ", "—"]),
)
def test_current_roles_have_no_end(first, word, separator):
    found = find_range(f"{first[0]}{separator}{word}")
    assert found is not None
    assert found.end is None and found.current


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_never_crashes(text):
    found = find_range(text)
    if found is not None:
        assert found.start[:4].isdigit()


def test_a_range_cut_from_its_text():
    text = "Acme Corp, Jan 2020 – Present, Remote"
    found = find_range(text)
    assert found is not None
    assert found.cut_from(text) == "Acme Corp, , Remote"
