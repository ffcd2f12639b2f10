"""Drafting: demanded skills lead, reorders are stable, nothing unevidenced is claimed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumetool import draft_rules
from resumetool.analyze import Analysis, analyze
from resumetool.draft import (
    Draft,
    apply_suggestion,
    describe,
    draft_resume,
    gloss,
    stable_order,
)
from resumetool.model import Resume
from resumetool.skills import Taxonomy, load_taxonomy

TODAY = dt.date(2026, 11, 25)

RESUME = {
    "basics": {
        "name": "Casimir Example",
        "label": "Backend Developer",
        "summary": "Backend developer running order services on Kubernetes.",
    },
    "work": [
        {
            "name": "Greenbasket",
            "position": "Backend Developer",
            "startDate": "2021-02",
            "highlights": [
                "Built the order-routing service used by 120 stores.",
                "Owned the go-to-market launch checklist.",
                "Ran sprint planning and retrospectives for the team.",
                "Wrote the Redis caching layer for the catalog API.",
            ],
        },
        {
            "name": "Fernhill",
            "position": "Developer",
            "startDate": "2017-01",
            "endDate": "2021-01",
            "highlights": ["Maintained billing reports.", "Set up Jira boards for three teams."],
        },
    ],
    "skills": [
        {"name": "Tools", "keywords": ["Jira", "Docker"]},
        {"name": "Stack", "keywords": ["Python", "Redis", "Go"]},
    ],
}

POOL = [
    "Go",
    "Scrum",
    "Terraform",
    "Redis",
    "Jira",
    "Kubernetes",
    "Python",
    "Java",
    "React",
    "stakeholder management",
    "Excel",
    "Rust",
]
"""Named, buried, implied and absent skills, and short names that must not be invented."""


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture
def parent() -> Resume:
    return Resume.model_validate(RESUME)


def drafted(resume: Resume, taxonomy: Taxonomy, asked: Sequence[str]) -> tuple[Analysis, Draft]:
    analysis = analyze(resume, taxonomy=taxonomy, asked=asked, today=TODAY, resume_label="v1")
    return analysis, draft_resume(
        resume, analysis, taxonomy=taxonomy, order=asked, parent_label="v1", today=TODAY
    )


ASKED = ["Go", "Scrum", "Terraform", "Redis", "Jira"]


def test_one_line_per_entry_moves_to_the_top_and_the_rest_keep_their_order(parent, taxonomy):
    """draft_rules, 'Which lines move': the line showing the most demanded buried skill
    leads; Redis (less demanded) stays where the candidate put it."""
    _, draft = drafted(parent, taxonomy, ASKED)
    assert draft.resume.work[0].highlights == [
        "Ran sprint planning and retrospectives for the team.",  # shows Scrum (rank 1)
        "Built the order-routing service used by 120 stores.",
        "Owned the go-to-market launch checklist.",  # 'go-to-market' is not Go
        "Wrote the Redis caching layer for the catalog API.",
    ]
    assert draft.resume.work[1].highlights[0] == "Set up Jira boards for three teams."
    moves = [e for e in draft.edits if e.kind == "move"]
    assert [(e.before, e.after, e.skills) for e in moves] == [(3, 1, ["Scrum"]), (2, 1, ["Jira"])]
    assert moves[0].reason == (
        "moved up: it shows Scrum, as --emphasize asked; "
        '"Built the order-routing service used by 120 stores." is now line 2'
    )


def test_a_first_line_showing_a_skill_demanded_as_much_keeps_its_place(parent, taxonomy):
    """The first line shows Scrum; a later line shows Redis, asked with it: nothing moves."""
    data = parent.model_dump(mode="json", exclude_none=True)
    data["work"][0]["highlights"] = [
        "Ran sprint planning for two teams, cutting cycle time by 30%.",
        "Built the order-routing service used by 120 stores.",
        "Wrote the Redis caching layer for the catalog API.",
    ]
    resume = Resume.model_validate(data)
    _, draft = drafted(resume, taxonomy, ["Scrum", "Redis"])
    assert draft.resume.work[0].highlights == resume.work[0].highlights
    assert not [e for e in draft.edits if e.kind == "move" and e.section == "work"]


def test_a_skill_the_summary_already_names_moves_no_line(parent, taxonomy):
    """Emphasized already (the summary names it, a reader sees it first): its proof stays."""
    summary = "Backend developer who runs Scrum for the team."
    resume = parent.model_copy(
        update={"basics": parent.basics.model_copy(update={"summary": summary})}
    )
    analysis, draft = drafted(resume, taxonomy, ["Scrum"])
    assert next(r for r in analysis.skills if r.skill == "Scrum").verdict == "emphasized"
    assert draft.resume.work[0].highlights == parent.work[0].highlights


def test_bullets_keep_their_ids_when_moved(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    before = dict(parent.work[0].bullets())
    after = dict(draft.resume.work[0].bullets())
    assert before == after


def test_skill_groups_and_keywords_put_demanded_skills_first(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    assert [g.name for g in draft.resume.skills] == ["Stack", "Tools"]
    assert draft.resume.skills[0].keywords == ["Go", "Redis", "Python"]
    assert draft.resume.skills[1].keywords == ["Jira", "Docker"]
    kinds = {e.kind for e in draft.edits}
    assert {"reorder-keywords", "reorder-skill-groups", "focus-line"} <= kinds


def test_focus_line_lists_evidenced_skills_and_never_an_absent_one(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    summary = draft.resume.basics.summary
    assert summary.startswith(RESUME["basics"]["summary"] + "\n\n")
    assert summary.endswith("Core skills: Go, Scrum, Redis, Jira.")
    assert "Terraform" not in summary
    focus = next(e for e in draft.edits if e.kind == "focus-line")
    assert focus.skills == ["Go", "Scrum", "Redis", "Jira"] and focus.section == "basics"


def test_the_focus_line_writes_skills_as_the_resume_or_the_taxonomy_does(taxonomy):
    """Never re-cased by rule ('Dbt'): the resume's own spelling of the name, else the
    taxonomy's, else as asked."""
    resume = Resume.model_validate(
        {
            "basics": {"summary": "Data engineer."},
            "work": [
                {
                    "name": "Lumen",
                    "position": "Data Engineer",
                    "startDate": "2022",
                    "highlights": [
                        "Aligned finance and sales stakeholders on one revenue definition.",
                        "Wrote dbt models for the month-end close.",
                    ],
                }
            ],
            "skills": [{"name": "Data", "keywords": ["dbt", "Risk management", "Kafka"]}],
        }
    )
    asked = ["DBT", "risk management", "stakeholder management", "APACHE KAFKA"]
    _, draft = drafted(resume, taxonomy, asked)
    assert draft.resume.basics.summary.endswith(
        "Core skills: dbt, Risk management, stakeholder management, Apache Kafka."
    )


def test_a_focus_line_written_with_the_wrong_casing_is_corrected(taxonomy):
    resume = Resume.model_validate(
        {
            "basics": {"summary": "Data engineer.\n\nCore skills: Dbt, Airflow."},
            "work": [
                {
                    "name": "Lumen",
                    "position": "Engineer",
                    "startDate": "2022",
                    "highlights": ["Ran dbt in CI for the finance marts."],
                }
            ],
        }
    )
    _, draft = drafted(resume, taxonomy, ["dbt"])
    assert draft.resume.basics.summary == "Data engineer.\n\nCore skills: dbt, Airflow."


def test_skills_the_summary_names_are_left_out_of_the_focus_line(parent, taxonomy):
    summary = "Backend developer known for clear stakeholder management."
    resume = parent.model_copy(
        update={"basics": parent.basics.model_copy(update={"summary": summary})}
    )
    _, draft = drafted(resume, taxonomy, ["stakeholder management", "Scrum"])
    assert draft.resume.basics.summary == f"{summary}\n\nCore skills: Scrum."
    focus = next(e for e in draft.edits if e.kind == "focus-line")
    assert focus.skills == ["Scrum"]
    assert "stakeholder management: left out, the summary already names it" in focus.reason
    _, again = drafted(draft.resume, taxonomy, ["stakeholder management", "Scrum"])
    assert again.edits == []


def test_no_focus_line_when_the_summary_names_every_evidenced_skill(parent, taxonomy):
    summary = "Backend developer who runs Scrum with Redis and Go."
    resume = parent.model_copy(
        update={"basics": parent.basics.model_copy(update={"summary": summary})}
    )
    _, draft = drafted(resume, taxonomy, ["Scrum", "Redis", "Go"])
    assert draft.resume.basics.summary == summary
    assert all(e.kind != "focus-line" for e in draft.edits)


def test_an_absent_skill_gets_a_note_naming_its_evidence_phrases(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    (note,) = draft.notes
    assert note.startswith("Terraform: not added")
    phrases = taxonomy.get("Terraform").evidence[: draft_rules.EVIDENCE_EXAMPLES]
    assert phrases and all(f"'{p}'" in note for p in phrases)


def test_implied_skill_rewrite_is_only_suggested(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    (suggestion,) = draft.suggestions
    assert suggestion.kind == "name-skill" and suggestion.skills == ["Scrum"]
    assert suggestion.after == "Ran sprint planning (Scrum) and retrospectives for the team."
    assert all("(Scrum)" not in line for line in draft.resume.work[0].highlights)
    accepted = apply_suggestion(draft, suggestion)
    assert accepted.resume.work[0].highlights[0] == suggestion.after
    assert accepted.resume.work[0].highlightIds == draft.resume.work[0].highlightIds
    assert accepted.suggestions == [] and accepted.edits[-1].kind == "name-skill"
    edited = apply_suggestion(draft, suggestion, "Ran Scrum sprint planning\nfor the team.\n")
    assert edited.resume.work[0].highlights[0] == "Ran Scrum sprint planning for the team."
    assert edited.edits[-1].reason.endswith("(edited by hand)")


def test_every_edit_says_why(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ASKED)
    for edit in [*draft.edits, *draft.suggestions]:
        assert edit.reason and edit.skills
        assert describe(edit, draft.resume)
    assert draft.reason().startswith("draft from v1: Go, Scrum, Redis, Jira lead")


def test_interview_ids_are_the_cause_when_demand_comes_from_interviews(parent, taxonomy):
    from resumetool.interview import Interview

    interviews = [
        Interview(company="Acme", date=dt.date(2026, 11, 20), asked=["Scrum"]),
        Interview(company="Beta", date=dt.date(2026, 11, 22), asked=["Scrum", "Redis"]),
    ]
    for n, iv in enumerate(interviews):
        iv.id = f"2026-11-2{n}-x{n}"
    analysis = analyze(parent, taxonomy=taxonomy, interviews=interviews, today=TODAY)
    draft = draft_resume(parent, analysis, taxonomy=taxonomy, today=TODAY)
    move = next(e for e in draft.edits if e.kind == "move" and e.skills == ["Scrum"])
    assert move.interviews == ["2026-11-20-x0", "2026-11-21-x1"]
    assert "asked about in 2 interviews" in move.reason


def test_drafting_a_draft_again_changes_nothing(parent, taxonomy):
    _, first = drafted(parent, taxonomy, ASKED)
    _, second = drafted(first.resume, taxonomy, ASKED)
    assert not second.changed and second.edits == []


def test_an_existing_focus_line_is_updated_keeping_the_users_items(parent, taxonomy):
    summary = "Backend developer.\n\nCore skills: Docker, Go, PostgreSQL."
    resume = parent.model_copy(
        update={"basics": parent.basics.model_copy(update={"summary": summary})}
    )
    _, draft = drafted(resume, taxonomy, ["Scrum", "Go"])
    assert draft.resume.basics.summary == (
        "Backend developer.\n\nCore skills: Scrum, Go, Docker, PostgreSQL."
    )
    focus = next(e for e in draft.edits if e.kind == "focus-line")
    assert focus.before == "Core skills: Docker, Go, PostgreSQL."


def test_a_focus_line_run_into_the_summary_is_found_again(parent, taxonomy):
    """A rendered draft parsed back has its summary lines joined; drafting it again must
    update that focus line, not add a second one."""
    summary = "Backend developer. Core skills: Go, Docker."
    resume = parent.model_copy(
        update={"basics": parent.basics.model_copy(update={"summary": summary})}
    )
    _, draft = drafted(resume, taxonomy, ["Scrum", "Go"])
    assert draft.resume.basics.summary == "Backend developer.\n\nCore skills: Scrum, Go, Docker."


def test_no_demand_means_no_change(parent, taxonomy):
    _, draft = drafted(parent, taxonomy, ["Terraform"])
    assert not draft.changed and draft.notes


def test_gloss_names_the_skill_after_its_evidence():
    assert gloss("Ran sprint planning for 9 people.", "sprint planning", "Scrum") == (
        "Ran sprint planning (Scrum) for 9 people."
    )
    assert gloss("Ran retrospectives.", "retrospective", "Scrum") == ("Ran retrospectives (Scrum).")
    assert gloss("Planned the sprints.", "sprint planning", "Scrum") == (
        "Planned the sprints (Scrum)."
    )


def test_a_rewrite_names_the_skill_right_after_the_words_the_analyzer_found(taxonomy):
    """Where the evidence words are: also when they matched across a gap or by lemma, and
    in a line with surrounding spaces (the analyzer reads it stripped)."""
    line = "  Negotiated venue and catering contracts for 35 events a year."
    resume = Resume.model_validate(
        {
            "work": [
                {"name": "Acme", "position": "Planner", "startDate": "2020", "highlights": [line]}
            ]
        }
    )
    _, draft = drafted(resume, taxonomy, ["contract negotiation"])
    (suggestion,) = draft.suggestions
    assert suggestion.after == (
        "  Negotiated venue and catering contracts (contract negotiation) for 35 events a year."
    )


def test_a_keyword_leads_only_where_the_skill_was_found(parent, taxonomy):
    """'Google Cloud' starts with the letters of Go but does not name it."""
    data = parent.model_dump(mode="json", exclude_none=True)
    data["skills"] = [{"name": "Stack", "keywords": ["Python", "Google Cloud", "Terraform", "Go"]}]
    _, draft = drafted(Resume.model_validate(data), taxonomy, ["Go"])
    assert draft.resume.skills[0].keywords == ["Go", "Python", "Google Cloud", "Terraform"]


# -- properties -------------------------------------------------------------------------


def named_skills(resume: Resume, taxonomy: Taxonomy) -> tuple[set[str], set[str]]:
    """(skills the resume names, skills it shows evidence of), over the whole pool."""
    analysis = analyze(resume, taxonomy=taxonomy, asked=POOL, today=TODAY)
    named = {r.skill for r in analysis.skills if r.emphasis.mentions}
    shown = {r.skill for r in analysis.skills if r.evidence}
    return named, shown


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(asked=st.lists(st.sampled_from(POOL), min_size=1, max_size=6, unique=True))
def test_a_draft_never_claims_a_skill_without_evidence(parent, taxonomy, asked):
    _, draft = drafted(parent, taxonomy, asked)
    for suggestion in list(draft.suggestions):  # even accepting every offered rewrite
        draft = apply_suggestion(draft, suggestion)
    named_before, shown_before = named_skills(parent, taxonomy)
    named_after, _ = named_skills(draft.resume, taxonomy)
    for skill in named_after - named_before:
        assert skill in shown_before, f"{skill} was added without evidence"


@given(keys=st.lists(st.integers(0, 4), max_size=30))
def test_stable_order_sorts_and_keeps_ties_in_place(keys):
    order = stable_order(keys)
    assert sorted(order) == list(range(len(keys)))
    result = [keys[i] for i in order]
    assert result == sorted(keys)
    for a, b in itertools.pairwise(order):
        if keys[a] == keys[b]:
            assert a < b


SCRUM_LINES = [
    "Ran the Scrum ceremonies for two squads.",
    "Coached a Scrum team through its first release.",
    "Introduced Scrum to the data group.",
]
OTHER_LINES = [
    "Cut cloud costs by a third.",
    "Hired four engineers.",
    "Wrote the onboarding guide.",
    "Migrated billing to a new provider.",
    "Reduced page load time by half.",
]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.sampled_from(SCRUM_LINES + OTHER_LINES), min_size=1, max_size=8))
def test_only_the_first_line_showing_the_skill_moves(taxonomy, lines):
    resume = Resume.model_validate(
        {"work": [{"name": "Acme", "position": "Lead", "startDate": "2020", "highlights": lines}]}
    )
    _, draft = drafted(resume, taxonomy, ["Scrum"])
    result = draft.resume.work[0].highlights
    scrum = [j for j, line in enumerate(lines) if line in SCRUM_LINES]
    if not scrum or scrum[0] == 0:
        assert result == lines
    else:
        assert result == [lines[scrum[0]], *lines[: scrum[0]], *lines[scrum[0] + 1 :]]
    assert sorted(draft.resume.work[0].highlightIds) == sorted(resume.work[0].highlightIds)


ROLE_LINES = [
    "Ran sprint planning for two squads.",
    "Wrote the Redis caching layer for the catalog API.",
    "Set up Jira boards for three teams.",
    "Cut cloud costs by a third.",
    "Hired four engineers.",
    "Built Kafka consumers that fed stock levels to 900 stores.",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    roles=st.lists(
        st.lists(st.sampled_from(ROLE_LINES), min_size=1, max_size=5, unique=True),
        min_size=1,
        max_size=3,
    ),
    asked=st.lists(
        st.sampled_from(["Scrum", "Redis", "Jira", "stream processing", "Go"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
)
def test_the_record_of_moves_is_what_the_diff_shows(taxonomy, roles, asked):
    """Every move the diff shows has an edit saying why, and no edit claims a move the
    diff does not show (the record, `resumetool diff` and the demo's count agree)."""
    from resumetool.diff import diff_resumes

    work = [
        {"name": f"Co{n}", "position": "Lead", "startDate": f"{2024 - 3 * n}", "highlights": lines}
        for n, lines in enumerate(roles)
    ]
    if len(work) > 1:
        for n, role in enumerate(work[1:], 1):
            role["endDate"] = f"{2024 - 3 * n + 2}"
    resume = Resume.model_validate({"work": work})
    _, draft = drafted(resume, taxonomy, asked)
    moves = {(e.highlight, e.before, e.after) for e in draft.edits if e.kind == "move"}
    up, down = diff_resumes(resume, draft.resume).moved_within_entries()
    assert moves == {(b.id, b.before_line, b.after_line) for b in [*up, *down]}
    for edit in draft.edits:
        if edit.kind == "move":
            assert edit.skills and edit.reason.startswith(("moved up: ", "moved down: "))
    for before, after in zip(resume.work, draft.resume.work, strict=True):
        assert after.highlights[1:] == [h for h in before.highlights if h != after.highlights[0]]


def test_an_unchanged_draft_says_why_nothing_changed(parent, taxonomy):
    _, unsupported = drafted(parent, taxonomy, ["Terraform"])
    assert unsupported.unchanged_reason() == "v1 shows none of these skills"
    _, first = drafted(parent, taxonomy, ASKED)
    _, again = drafted(first.resume, taxonomy, ASKED)
    assert again.unchanged_reason() == "v1 already leads with what is asked"
    _, undemanded = drafted(parent, taxonomy, [])
    assert undemanded.unchanged_reason() == "no interview lists a skill asked about yet"
