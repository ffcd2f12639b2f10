"""Diffs: words, moves (by id and fuzzy), entries added/removed, emphasis, output formats."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resumetool.analyze import analyze_many
from resumetool.diff import (
    diff_resumes,
    emphasis_shift,
    moved_pairs,
    run,
    to_markdown,
    to_text,
    word_diff,
)
from resumetool.model import Resume
from resumetool.skills import load_taxonomy

ANSI = re.compile(r"\x1b\[")

BASE = {
    "basics": {"name": "Ada Example", "summary": "Program manager for logistics software."},
    "work": [
        {
            "name": "Northgate",
            "position": "Program Manager",
            "startDate": "2021-03",
            "highlights": [
                "Led a $4.2M warehouse-automation program across three sites",
                "Built the program's risk register and weekly steering committee",
                "Managed four vendors through SLA reviews",
                "Ran sprint planning and retrospectives for two Scrum teams",
            ],
        },
        {
            "name": "Mesa Health",
            "position": "Project Coordinator",
            "startDate": "2017-06",
            "endDate": "2021-02",
            "highlights": ["Coordinated a rollout to 22 clinics", "Wrote weekly status reports"],
        },
    ],
    "skills": [{"name": "Methods", "keywords": ["Risk management", "Scrum", "Kanban"]}],
}


def resume(data: dict | None = None) -> Resume:
    return Resume.model_validate(json.loads(json.dumps(data or BASE)))


def edited(**changes) -> dict:
    data = json.loads(json.dumps(BASE))
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
    return data


# -- words and moves --------------------------------------------------------------------


def test_word_diff_marks_only_the_changed_words():
    words = word_diff("Built the risk register weekly", "Built the program's risk register daily")
    assert [(w.op, w.text) for w in words] == [
        ("equal", "Built the"),
        ("insert", "program's"),
        ("equal", "risk register"),
        ("delete", "weekly"),
        ("insert", "daily"),
    ]


@given(st.permutations(list(range(8))))
def test_moves_are_the_fewest_that_explain_the_new_order(order):
    pairs = [(i, j, "id") for j, i in enumerate(order)]
    moved = moved_pairs(pairs)
    kept = [i for i in order if i not in moved]
    assert kept == sorted(kept)  # what did not move kept its order
    longest = _lis_length([j for _, j, _ in sorted(pairs)])
    assert len(moved) == len(order) - longest


def _lis_length(values: list[int]) -> int:
    best: list[int] = []
    import bisect

    for v in values:
        k = bisect.bisect_left(best, v)
        best[k : k + 1] = [v]
    return len(best)


def test_a_moved_bullet_is_a_move_not_a_delete_and_insert():
    a = resume()
    b = a.model_copy(deep=True)
    bullets = list(b.work[0].bullets())
    b.work[0] = b.work[0].with_bullets([bullets[3], *bullets[:3]])
    diff = diff_resumes(a, b, a_label="v1", b_label="v2")
    (section,) = diff.sections
    (entry,) = section.entries
    assert [(c.change, c.before_line, c.after_line, c.matched_by) for c in entry.bullets] == [
        ("moved", 4, 1, "id")
    ]
    text = to_text(diff)
    assert "↑ moved 4 → 1: Ran sprint planning" in text
    assert "[-" not in text and "{+" not in text


def test_a_reworded_bullet_keeps_its_id_and_shows_the_words():
    a = resume()
    b = a.model_copy(deep=True)
    b.work[0].highlights[3] = "Ran sprint planning (Scrum) and retrospectives for two Scrum teams"
    diff = diff_resumes(a, b)
    (change,) = diff.sections[0].entries[0].bullets
    assert change.change == "changed" and change.matched_by == "id"
    assert "planning {+(Scrum)+} and" in to_text(diff)


def test_plain_files_pair_reworded_and_moved_bullets_by_fuzzy_match():
    b_data = edited()
    lines = b_data["work"][0]["highlights"]
    lines.insert(0, lines.pop(2).replace("four vendors", "five vendors"))
    b_data["work"][0]["highlights"] = lines
    diff = diff_resumes(resume(), resume(b_data))
    bullets = diff.sections[0].entries[0].bullets
    assert [(c.change, c.before_line, c.after_line, c.matched_by) for c in bullets] == [
        ("moved", 3, 1, "fuzzy")
    ]
    assert [(w.op, w.text) for w in bullets[0].words if w.op != "equal"] == [
        ("delete", "four"),
        ("insert", "five"),
    ]
    text = to_text(diff)
    assert "↑ moved 3 → 1, changed: Managed [-four-] {+five+} vendors" in text


def test_entries_added_removed_and_retitled():
    b_data = edited(work__1__position="Senior Project Coordinator")
    b_data["work"].insert(
        0,
        {"name": "Acme", "position": "Director", "startDate": "2024-01", "highlights": ["New"]},
    )
    b_data["skills"] = []
    diff = diff_resumes(resume(), resume(b_data))
    work = next(s for s in diff.sections if s.section == "work")
    summary = [(e.change, e.title, e.matched_by) for e in work.entries]
    assert ("added", "Acme · Director", None) in summary
    retitled = next(e for e in work.entries if e.title.startswith("Mesa"))
    assert retitled.change == "changed" and retitled.matched_by == "fuzzy"
    assert [(f.field, f.before, f.after) for f in retitled.fields] == [
        ("position", "Project Coordinator", "Senior Project Coordinator")
    ]
    skills = next(s for s in diff.sections if s.section == "skills")
    assert [e.change for e in skills.entries] == ["removed"]
    text = to_text(diff)
    assert "+ Acme · Director (added)" in text and "- Methods (removed)" in text


def test_a_bullet_moved_to_another_entry():
    b_data = edited()
    line = b_data["work"][0]["highlights"].pop(1)
    b_data["work"][1]["highlights"].append(line)
    diff = diff_resumes(resume(), resume(b_data))
    changes = {e.title: e.bullets for e in diff.sections[0].entries}
    (arrived,) = changes["Mesa Health · Project Coordinator"]
    assert arrived.change == "moved" and arrived.from_entry == "Northgate · Program Manager"
    (left,) = changes["Northgate · Program Manager"]
    assert left.to_entry == "Mesa Health · Project Coordinator"


def test_keywords_reordered_and_same_resumes():
    b_data = edited(skills__0__keywords=["Scrum", "Risk management", "Kanban"])
    diff = diff_resumes(resume(), resume(b_data))
    (lst,) = diff.sections[0].entries[0].lists
    assert lst.reordered and not lst.added and not lst.removed
    assert diff_resumes(resume(), resume()).same
    assert "no differences" in to_text(diff_resumes(resume(), resume()))


def test_spacing_alone_is_not_a_difference():
    b_data = edited(basics__summary="Program manager\n\nfor  logistics software.")
    assert diff_resumes(resume(), resume(b_data)).same


def test_emphasis_before_and_after():
    a = resume()
    b = a.model_copy(deep=True)
    b.basics.summary += "\n\nCore skills: Scrum, Kanban."
    taxonomy = load_taxonomy()
    before, after = analyze_many(
        [("a", a), ("b", b)],
        taxonomy=taxonomy,
        asked=["Scrum", "Kanban", "Terraform"],
        today=dt.date(2026, 11, 25),
    )
    shifts = {s.skill: s for s in emphasis_shift(before, after)}
    assert shifts["Scrum"].after > shifts["Scrum"].before
    assert shifts["Scrum"].verdict_after == "emphasized"
    assert not shifts["Terraform"].changed


def test_output_formats():
    b = resume()
    b.work[0].highlights[0] = "Led a $5M warehouse-automation program"
    diff = diff_resumes(resume(), b, a_label="v1", b_label="v2")
    plain = to_text(diff)
    assert not ANSI.search(plain) and "[-$4.2M-] {+$5M+}" in plain
    rich_text = to_text(diff, color=True)
    assert "[-" not in rich_text.plain
    styles = {str(span.style) for span in rich_text.spans}
    assert {"red", "green"} <= styles
    md = to_markdown(diff)
    assert md.startswith("# Diff: v1 → v2") and "~~\\$4.2M" in md and "**\\$5M**" in md
    data = diff.to_json()
    assert json.loads(json.dumps(data))["same"] is False


def test_run_diffs_two_plain_files_outside_a_workspace(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a_path, b_path = tmp_path / "old.json", tmp_path / "new.json"
    a_path.write_text(json.dumps(BASE))
    b_data = edited(basics__summary="Program manager for logistics software. Scrum, Kanban.")
    rng = random.Random(3)
    rng.shuffle(b_data["work"][0]["highlights"])
    b_path.write_text(json.dumps(b_data))
    result = run(str(a_path), str(b_path))
    assert result.demand_from.startswith("the skills named in either resume")
    assert {s.skill for s in result.emphasis} == {"Risk management", "Scrum", "Kanban"}
    assert all(s.demand is None for s in result.emphasis)
    moved = [c for c in result.sections[0].entries[0].bullets if c.change == "moved"]
    assert moved and all(c.matched_by == "id" for c in moved)


@pytest.mark.parametrize("ref", ["v1", "latest"])
def test_run_needs_a_workspace_for_versions(tmp_path, monkeypatch, ref):
    from resumetool.errors import WorkspaceError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.json").write_text(json.dumps(BASE))
    with pytest.raises(WorkspaceError):
        run(ref, "a.json")
