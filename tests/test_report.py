"""The after-interview report, through the library: sections, numbers, edits, plan, HTML."""

from __future__ import annotations

import re
import shutil

import pytest
from report_builders import (
    TODAY,
    add_example_companies,
    add_example_interviews,
    add_interview,
    example_workspace,
    new_workspace,
)

from resumetool.errors import UsageError
from resumetool.report import (
    build_report,
    excerpt_parts,
    render_html,
    render_markdown,
)

COBALT = "2026-11-23-cobalt-health"
ACME = "2026-11-09-acme-corp"


@pytest.fixture(scope="module")
def v1_workspace(tmp_path_factory):
    """The example search with only the imported resume (v1): Scrum buried."""
    return example_workspace(tmp_path_factory.mktemp("report") / "ws")


@pytest.fixture(scope="module")
def v1_report(v1_workspace):
    return build_report(v1_workspace, "latest", today=TODAY)


@pytest.fixture(scope="module")
def v2_workspace(tmp_path_factory):
    return example_workspace(tmp_path_factory.mktemp("report-v2") / "ws", draft=True)


def test_the_latest_interview_is_the_default(v1_report):
    assert v1_report.interview.id == COBALT
    assert v1_report.resume == "v1"
    assert v1_report.interviews_total == 4


def test_markdown_has_the_seven_sections_in_the_issues_order(v1_report):
    text = render_markdown(v1_report)
    headings = re.findall(r"^## (\d)\. ", text, re.MULTILINE)
    assert headings == ["1", "2", "3", "4", "5", "6", "7"]
    assert "# After the interview: Cobalt Health — Senior Program Manager" in text


def test_missing_feedback_suggests_asking_with_the_command(v1_report):
    assert v1_report.feedback.text is None
    assert v1_report.feedback.command == f"resumetool feedback-request {COBALT}"
    text = render_markdown(v1_report)
    assert f"`resumetool feedback-request {COBALT}`" in text
    assert "not to be reconsidered" in text


def test_received_feedback_is_quoted_and_not_asked_for_again(v1_workspace):
    report = build_report(v1_workspace, "acme", today=TODAY)
    text = render_markdown(report)
    assert "> Strong communication; wanted deeper Scrum experience." in text
    assert "feedback-request" not in text.split("## 3.")[1].split("## 4.")[0]


def test_missing_reflection_says_so_and_shows_the_edit_command(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_interview(ws, company="Quiet Co", date="2026-11-20", asked=["Scrum"], pros=["on time"])
    report = build_report(ws, "quiet", today=TODAY)
    assert report.reflection.missing == ["pros", "cons"]
    text = render_markdown(report)
    assert "`resumetool interview edit 2026-11-20-quiet-co`" in text
    assert "none written down yet" in text


def test_coverage_gives_each_asked_skill_its_verdict_and_resume_lines(v1_report):
    by_skill = {c.asked_as: c for c in v1_report.coverage}
    assert list(by_skill) == ["Scrum", "Kanban", "stakeholder management", "HIPAA"]
    scrum = by_skill["Scrum"]
    assert scrum.verdict == "buried"
    sprint = next(line for line in scrum.lines if "sprint planning" in line.text)
    assert sprint.where == "Senior Program Manager, Northgate Supply Co. — bullet 4"
    assert by_skill["HIPAA"].verdict == "absent"
    assert by_skill["HIPAA"].lines == []


def test_numbers_are_the_analyzers_own(v1_workspace, v1_report):
    from resumetool.analyze import analyze
    from resumetool.skills import load_taxonomy

    direct = analyze(
        v1_workspace.version("v1").resume(),
        taxonomy=load_taxonomy(),
        interviews=v1_workspace.interviews_with_interest(),
        resume_label="v1",
    )
    assert v1_report.analysis.to_json() == direct.to_json()
    rows = {r.skill: r for r in direct.skills}
    for c in v1_report.coverage:
        row = rows[c.skill]
        assert (c.demand, c.emphasis, c.priority, c.verdict) == (
            row.demand.score,
            row.emphasis.score,
            row.priority,
            row.verdict,
        )


def test_skills_asked_again_and_again_and_recurring_cons(v1_report):
    repeated = {s.skill: s for s in v1_report.repeated}
    assert len(repeated["Scrum"].interviews) == 3
    assert repeated["Scrum"].asked_here
    assert all(len(s.interviews) >= 2 for s in v1_report.repeated)
    titles = [c.title for c in v1_report.recurring_cons]
    assert titles[0] == "Quantifying results"
    metrics = v1_report.recurring_cons[0]
    assert {i.text for i in metrics.items} >= {"vague on metrics", "forgot to quantify results"}
    assert len(metrics.interviews) == 4
    assert all(len(c.interviews) >= 2 for c in v1_report.recurring_cons)
    assert "every answer has to end with a number" in metrics.drill


def test_next_edits_come_highest_priority_first_with_evidence_and_causes(v1_report):
    edits = v1_report.next_edits
    assert edits and edits[0].skill == "Scrum"
    assert [e.priority for e in edits] == sorted((e.priority for e in edits), reverse=True)
    assert all(e.verdict in ("buried", "implied") for e in edits)
    assert all(e.causes and e.lines for e in edits)
    assert edits[0].causes == [
        "2026-11-02-brightline-logistics",
        ACME,
        COBALT,
    ]
    assert v1_report.draft.command == "resumetool draft"
    assert any("line 4 → 1" in edit for edit in v1_report.draft.edits)


def test_an_absent_skill_is_to_prepare_never_an_edit(v1_report):
    assert "HIPAA" not in {e.skill for e in v1_report.next_edits}
    (hipaa,) = v1_report.prepare
    assert hipaa.skill == "HIPAA"
    assert any("Never claim it" in step for step in hipaa.advice)
    assert any("Mesa Health Partners" in step for step in hipaa.advice)


def test_after_the_draft_the_report_shows_what_it_changed(v2_workspace):
    report = build_report(v2_workspace, today=TODAY)
    assert (report.resume, report.parent) == ("v2", "v1")
    scrum = next(c for c in report.coverage if c.skill == "Scrum")
    assert (scrum.before_verdict, scrum.verdict) == ("buried", "emphasized")
    assert scrum.before_emphasis < scrum.emphasis
    assert report.draft.applied and report.draft.applied_from == "v1"
    assert not report.draft.edits  # nothing left to move
    html = render_html(report)
    assert 'class="before"' in html


def test_an_older_version_is_drafted_from_explicitly(v2_workspace):
    report = build_report(v2_workspace, resume_ref="v1", today=TODAY)
    assert report.resume == "v1"
    assert report.draft.command == "resumetool draft --from v1"


def test_a_resume_file_is_reported_on_and_must_be_imported_to_draft(v1_workspace):
    from conftest import ROOT

    path = ROOT / "examples" / "resume.pdf"
    report = build_report(v1_workspace, resume_ref=str(path), today=TODAY)
    assert report.resume == str(path)
    assert not report.draft.available
    assert report.draft.command.startswith("resumetool import ")


def test_the_plan_comes_from_the_company_list(v1_report):
    plan = v1_report.plan
    assert plan is not None
    kinds = [s.group for s in plan.slots]
    assert kinds == ["practice", "practice", "target", "target", "target"]
    assert plan.start == TODAY.replace(day=TODAY.day + 1)


def test_ties_and_no_practice_companies_still_plan_sensibly(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_example_interviews(ws)
    for name in ("North", "South", "East"):
        ws.add_company(name, 4)
    report = build_report(ws, today=TODAY)
    assert report.plan is not None
    assert [s.company for s in report.plan.slots] == ["North", "South", "East"]
    assert any("tie with" in s.reason for s in report.plan.slots)
    assert any("No practice run" in note for note in report.plan_notes)
    assert "No practice run" in render_markdown(report)


def test_a_fixed_date_in_the_past_is_a_note_not_a_slot(tmp_path):
    import datetime as dt

    ws = new_workspace(tmp_path / "ws")
    add_example_interviews(ws)
    ws.add_company("Late Corp", 2, status="scheduled", date=dt.date(2026, 11, 1))
    report = build_report(ws, today=TODAY)
    assert report.plan is not None and not report.plan.slots
    assert any("has passed" in note for note in report.plan_notes)


def test_no_companies_says_how_to_add_them(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_example_interviews(ws)
    report = build_report(ws, today=TODAY)
    assert report.plan is None
    assert "resumetool company add NAME --interest N" in render_markdown(report)


def test_no_resume_yet_still_reports_and_says_how_to_import(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_example_companies(ws)
    add_example_interviews(ws)
    report = build_report(ws, today=TODAY)
    assert report.resume is None
    assert all(c.verdict is None for c in report.coverage)
    assert report.next_edits == [] and report.prepare == []
    text = render_markdown(report)
    assert "resumetool import FILE" in text
    assert "absent" not in text  # no verdicts without a resume
    assert "<svg" in render_html(report)


def test_an_empty_workspace_is_a_usage_error_saying_what_to_do(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    with pytest.raises(UsageError) as caught:
        build_report(ws)
    assert "no interviews" in caught.value.message
    assert "resumetool interview add" in (caught.value.hint or "")


def test_an_unknown_interview_lists_the_ones_there_are(v1_workspace):
    with pytest.raises(UsageError) as caught:
        build_report(v1_workspace, "globex")
    assert ACME in caught.value.message


def test_html_is_one_self_contained_file_with_the_chart(v1_report):
    html = render_html(v1_report)
    assert html.startswith("<!DOCTYPE html>")
    for forbidden in ("http://", "https://", "<script", "<link", "@import", "url(", "<iframe"):
        assert forbidden not in html.lower()
    assert html.count("<svg") == 1 + len(v1_report.chart)  # the chart, one bar area per row
    # The chart is this interview's: Scrum, Kanban, stakeholder management, HIPAA.
    charted = {row.skill for row in v1_report.chart}
    assert charted == {c.skill for c in v1_report.coverage} and len(charted) == 4
    assert html.count('class="bar-d"') == html.count('class="bar-e"') == 4
    # The other interviews' skills are in the patterns section, none left unmentioned.
    listed = {s.skill for s in v1_report.repeated} | {s.skill for s in v1_report.elsewhere}
    assert listed | charted == {row.skill for row in v1_report.analysis.skills}
    assert "Brought up once, in another interview" in html
    assert "@media print" in html and "@media (max-width: 640px)" in html
    assert 'name="viewport"' in html


def test_html_and_markdown_escape_what_the_user_typed(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_interview(
        ws,
        company="<b>Evil</b> & Co | Ltd",
        date="2026-11-20",
        asked=["<script>alert(1)</script>"],
        pros=["*bold* claim"],
        cons=["<img src=x>"],
        feedback="Use `rm -rf` </blockquote>",
    )
    report = build_report(ws, today=TODAY)
    html = render_html(report)
    assert "<b>Evil" not in html and "<script>" not in html and "<img" not in html
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co | Ltd" in html
    text = render_markdown(report)
    assert r"\<b\>Evil\</b\> & Co \| Ltd" in text
    assert r"\*bold\* claim" in text


@pytest.mark.parametrize(
    ("text", "matched", "expected"),
    [
        ("Ran Scrum teams", "scrum", [("Ran ", False), ("Scrum", True), (" teams", False)]),
        ("No match here", "Kanban", [("No match here", False)]),
    ],
)
def test_excerpt_marks_the_matched_words(text, matched, expected):
    assert excerpt_parts(text, matched) == expected


def test_a_long_line_is_cut_around_the_match():
    text = "word " * 60 + "Scrum" + " more" * 60
    parts = excerpt_parts(text, "Scrum", limit=80)
    joined = "".join(p for p, _ in parts)
    assert ("Scrum", True) in parts
    assert joined.startswith("…") and joined.endswith("…")
    assert len(joined) <= 84


def test_the_report_never_writes_into_the_workspace(v1_workspace, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(v1_workspace.root, copy)
    from resumetool.workspace import Workspace

    before = sorted(
        p.relative_to(copy) for p in copy.rglob("*") if ".resumetool-cache" not in str(p)
    )
    build_report(Workspace(copy), today=TODAY)
    after = sorted(
        p.relative_to(copy) for p in copy.rglob("*") if ".resumetool-cache" not in str(p)
    )
    assert before == after


# -- one date form for prose, one for tables -----------------------------------------------

LONG_DATE = re.compile(
    r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} (January|February|March|April|May|"
    r"June|July|August|September|October|November|December) \d{4}\b"
)
SHORT_DATE = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{4}\b"
)
DAY_WORD = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)")
BARE_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b(?!-)")  # an interview id goes on: 2026-11-23-…


def test_a_report_writes_days_one_way_in_prose_and_one_way_in_tables(tmp_path):
    ws = example_workspace(tmp_path / "ws")
    ws.add_company("Pied Piper", 5, date=TODAY.replace(day=30))  # fixed, before the cluster
    report = build_report(ws, "latest", today=TODAY)
    text = render_markdown(report)
    prose = [line for line in text.splitlines() if not line.startswith("|")]
    tables = [line for line in text.splitlines() if line.startswith("|")]
    note = next(n for n in report.plan_notes if n.startswith("Pied Piper"))
    assert "fixed on Monday 30 November 2026" in note
    assert "ahead of the cluster (8–10 December 2026)" in note
    for line in prose:
        rest = LONG_DATE.sub("", line)
        assert not DAY_WORD.search(rest) and not BARE_ISO.search(rest), line
    for line in tables:
        rest = SHORT_DATE.sub("", line)
        assert not DAY_WORD.search(rest) and not BARE_ISO.search(rest), line
    assert any(SHORT_DATE.search(line) for line in tables)
    assert "| Mon 23 Nov 2026 |" in text  # the interview's own date, in the first table
    html = render_html(report)
    assert "Mon 30 Nov 2026" in html and "Monday 23 November 2026" in html
    assert not re.search(r"(Mon|Tue|Wed|Thu|Fri) \d{4}-\d{2}-\d{2}", html)


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        ((2026, 12, 17), (2026, 12, 18), "17–18 December 2026"),
        ((2026, 11, 30), (2026, 12, 2), "30 November – 2 December 2026"),
        ((2026, 12, 28), (2027, 1, 4), "28 December 2026 – 4 January 2027"),
        ((2026, 12, 17), (2026, 12, 17), "17 December 2026"),
    ],
)
def test_date_spans_say_nothing_twice(first, last, words):
    import datetime as dt

    from resumetool.dates import date_span, long_date, short_date

    assert date_span(dt.date(*first), dt.date(*last)) == words
    assert long_date(dt.date(2026, 11, 26)) == "Thursday 26 November 2026"
    assert short_date(dt.date(2026, 11, 26)) == "Thu 26 Nov 2026"


@pytest.mark.parametrize(
    ("output", "fmt"),
    [(None, "md"), ("r.md", "md"), ("r.HTML", "html"), ("r.htm", "html"), ("r.json", "json")],
)
def test_the_format_follows_the_files_extension(output, fmt):
    from pathlib import Path

    from resumetool.report import format_for

    assert format_for(Path(output) if output else None) == fmt
