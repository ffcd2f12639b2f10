"""The analyzer: the properties the weights must keep, verdicts, suggestions, the contract.

Properties, not numbers: weights.py may be retuned; these must stay true.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumetool import weights as W
from resumetool.analyze import (
    analyze,
    emphasis_score,
    resume_lines,
    role_factors,
)
from resumetool.interview import Interview
from resumetool.model import Resume
from resumetool.skills import Taxonomy, skill_from_table

TODAY = dt.date(2026, 11, 30)

TAXONOMY = Taxonomy(
    skill_from_table(t)
    for t in [
        {
            "name": "Scrum",
            "category": "method",
            "aliases": ["CSM"],
            "evidence": ["sprint planning", "retrospectives"],
        },
        {"name": "Kubernetes", "category": "cloud", "aliases": ["k8s"], "evidence": ["kubectl"]},
        {"name": "Go", "category": "language", "strict": True, "not_before": ["live"]},
        {"name": "risk management", "category": "pm"},
    ]
)

BASE: dict[str, Any] = {
    "basics": {"name": "A. Person", "label": "Program Manager", "summary": "Delivery lead."},
    "work": [
        {
            "name": "Now Co",
            "position": "Program Manager",
            "startDate": "2022-01",
            "highlights": ["Shipped a platform.", "Hired four people.", "Cut costs by 9%."],
        },
        {
            "name": "Then Co",
            "position": "Analyst",
            "startDate": "2009-01",
            "endDate": "2012-06",
            "highlights": ["Wrote reports.", "Ran audits."],
        },
    ],
    "skills": [{"name": "Tools", "keywords": ["Jira", "Excel"]}],
}


def resume_with(**edits: Any) -> Resume:
    """BASE with edits at dotted paths: ``resume_with(**{"work.0.highlights.2": "..."})``."""
    data = copy.deepcopy(BASE)
    for path, value in edits.items():
        node: Any = data
        *parents, last = path.split(".")
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
    return Resume.model_validate(data)


def report(resume: Resume, *asked: str, interviews: list[Interview] | None = None):
    result = analyze(
        resume,
        taxonomy=TAXONOMY,
        asked=asked,
        interviews=interviews or [],
        today=TODAY,
        resume_label="test",
    )
    return {r.skill: r for r in result.skills}


def emphasis(resume: Resume, skill: str = "Scrum") -> float:
    return report(resume, skill)[skill].emphasis.score


# -- emphasis properties --------------------------------------------------------------


def test_a_mention_moved_up_raises_emphasis():
    last = resume_with(**{"work.0.highlights.2": "Ran Scrum for two teams."})
    first = resume_with(**{"work.0.highlights.0": "Ran Scrum for two teams."})
    assert emphasis(first) > emphasis(last)


def test_places_rank_headline_summary_recent_role_projects_skills():
    ladder = [
        resume_with(**{"skills.0.keywords": ["Scrum"]}),
        resume_with(projects=[{"name": "Side", "highlights": ["Used Scrum at home."]}]),
        resume_with(**{"work.1.highlights.0": "Ran Scrum for two teams."}),
        resume_with(**{"work.0.highlights.1": "Ran Scrum for two teams."}),
        resume_with(**{"work.0.highlights.0": "Ran Scrum for two teams."}),
        resume_with(**{"basics.summary": "Delivery lead running Scrum."}),
        resume_with(**{"basics.label": "Scrum Master"}),
    ]
    scores = [emphasis(r) for r in ladder]
    assert scores == sorted(scores) and len(set(scores)) == len(scores), scores


def test_an_older_role_weighs_less():
    entries = [
        Resume.model_validate({"work": [{"startDate": "2020", "endDate": end}]}).work[0]
        for end in ("2025-06", "2019-01", "2012-06", "1999-01")
    ]
    current = Resume.model_validate({"work": [{"startDate": "2024-01"}]}).work[0]
    factors = role_factors([current, *entries], TODAY)
    assert factors[0] == W.MOST_RECENT_ROLE
    assert factors == sorted(factors, reverse=True) and factors[-1] > 0


def test_undated_roles_run_newest_first():
    work = Resume.model_validate({"work": [{"name": "A"}, {"name": "B"}, {"name": "C"}]}).work
    factors = role_factors(work, TODAY)
    assert factors[0] == W.MOST_RECENT_ROLE > factors[1] >= factors[2]


def test_same_bullet_in_the_current_role_beats_an_old_role():
    old = resume_with(**{"work.1.highlights.0": "Ran Scrum ceremonies."})
    new = resume_with(**{"work.0.highlights.0": "Ran Scrum ceremonies."})
    assert emphasis(new) > emphasis(old)


def test_every_mention_raises_emphasis_but_never_past_one():
    one = resume_with(**{"skills.0.keywords": ["Scrum"]})
    two = resume_with(**{"skills.0.keywords": ["Scrum"], "work.0.highlights.2": "Scrum coach."})
    many = resume_with(
        **{
            "skills.0.keywords": ["Scrum"],
            "basics.label": "Scrum Master",
            "basics.summary": "Scrum, Scrum.",
            "work.0.highlights": ["Scrum."] * 3,
            "work.1.highlights": ["Scrum."] * 2,
        }
    )
    assert emphasis(one) < emphasis(two) < emphasis(many) <= 1.0
    assert emphasis_score([]) == 0.0 and emphasis_score([1.0, 0.5]) == 1.0


def test_a_repeat_within_one_line_counts_once():
    once = resume_with(**{"work.0.highlights.2": "Ran Scrum."})
    twice = resume_with(**{"work.0.highlights.2": "Ran Scrum, Scrum and CSM work."})
    assert emphasis(once) == emphasis(twice)


def test_employer_names_and_contact_details_are_not_read():
    resume = resume_with(**{"work.0.name": "Scrum Inc.", "basics.email": "scrum@example.com"})
    assert report(resume, "Scrum")["Scrum"].verdict == "absent"
    assert all("Scrum Inc." not in line.text for line in resume_lines(resume, today=TODAY))


# -- verdicts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skill", "edits", "verdict"),
    [
        ("Kubernetes", {"basics.summary": "Program lead who runs k8s clusters."}, "emphasized"),
        ("Scrum", {"basics.label": "Scrum Master"}, "emphasized"),
        ("Scrum", {"work.0.highlights.0": "Ran Scrum for two teams."}, "emphasized"),
        ("Scrum", {"work.0.position": "Scrum Master"}, "emphasized"),
        ("Scrum", {"work.0.highlights.2": "Ran Scrum for two teams."}, "buried"),
        ("Scrum", {"work.1.highlights.0": "Ran Scrum for two teams."}, "buried"),
        ("Scrum", {"skills.0.keywords": ["Scrum", "Jira"]}, "buried"),
        ("Scrum", {"work.0.highlights.0": "Ran sprint planning weekly."}, "implied"),
        ("Go", {"basics.summary": "Go-getter; led the go-live."}, "absent"),
        ("Go", {"basics.summary": "Led the Go live cutover."}, "absent"),
        ("Scrum", {}, "absent"),
    ],
)
def test_verdicts(skill: str, edits: dict[str, Any], verdict: str):
    assert report(resume_with(**edits), skill)[skill].verdict == verdict


@pytest.mark.parametrize(
    ("skill", "edits", "verdict"),
    [
        ("machine learning", {"basics.summary": "Builds ML-based pricing models."}, "emphasized"),
        (
            "Excel",
            {"basics.summary": "Excellent communicator.", "skills.0.keywords": ["Excel"]},
            "buried",
        ),
        ("Swift", {"skills.0.keywords": ["SWIFT", "Fedwire", "Excel"]}, "absent"),
        ("Spring", {"work.0.highlights.0": "Shipped the Spring/Summer 2025 catalog."}, "absent"),
        ("Scrum", {"work.0.highlights.0": "Partnered with each account's CSM."}, "absent"),
        ("literacy instruction", {"work.0.highlights.0": "Led guided reading groups."}, "implied"),
        (
            "contract negotiation",
            {"work.0.highlights.1": "Negotiated 40 vendor agreements."},
            "implied",
        ),
        (
            "CRM",
            {
                "basics.summary": "Captain who teaches Crew Resource Management (CRM).",
                "work.0.highlights.1": "Ran CRM debriefs after line checks.",
            },
            "absent",
        ),
        (
            "CRM",
            {
                "basics.summary": "Rep fluent in Customer Relationship Management (CRM).",
                "work.0.highlights.0": "Logged every call in the CRM.",
            },
            "emphasized",
        ),
        ("pandas", {"basics.summary": "Keeper for the red pandas and rhinos."}, "absent"),
        (
            "event planning",
            {"work.0.highlights.1": "Planned 40 galas and events a year."},
            "implied",
        ),
        (
            "vendor management",
            {"work.0.highlights.1": "Sent quarterly scorecards to our 35 suppliers."},
            "implied",
        ),
        (
            "Docker",
            {"basics.summary": "Supervisor of 40 dockers at a container terminal."},
            "absent",
        ),
        ("Caddy", {"work.0.highlights.0": "Trained caddies on pace of play."}, "absent"),
    ],
)
def test_verdicts_with_the_shipped_taxonomy(skill: str, edits: dict[str, Any], verdict: str):
    """Traps, decoys and evidence where the data and the matcher must agree."""
    from resumetool.skills import load_taxonomy

    result = analyze(resume_with(**edits), taxonomy=load_taxonomy(), asked=[skill], today=TODAY)
    assert result.skills[0].verdict == verdict


def test_mentions_and_evidence_point_at_their_place():
    resume = resume_with(
        **{
            "work.0.highlights.1": "Ran sprint planning and Scrum reviews.",
            "skills.0.keywords": ["Scrum", "Jira"],
        }
    )
    r = report(resume, "Scrum")["Scrum"]
    places = {(m.section, m.entry, m.highlight, m.field, m.matched) for m in r.emphasis.mentions}
    assert places == {
        ("work", 0, 1, "highlights", "Scrum"),
        ("skills", 0, None, "keywords", "Scrum"),
    }
    assert [(e.section, e.entry, e.highlight, e.via) for e in r.evidence] == [
        ("work", 0, 1, "sprint planning")
    ]
    assert r.emphasis.mentions[0].text == "Ran sprint planning and Scrum reviews."


def test_mentions_and_evidence_carry_the_span_of_their_words_outside_the_json():
    resume = resume_with(**{"work.0.highlights.1": "  Ran Sprint Planning with two k8s teams."})
    r = report(resume, "Scrum", "Kubernetes")
    (ev,) = r["Scrum"].evidence
    assert ev.text[ev.start : ev.end] == "Sprint Planning"
    (k8s,) = r["Kubernetes"].emphasis.mentions
    assert k8s.text[k8s.start : k8s.end] == k8s.matched == "k8s"
    assert "start" not in k8s.model_dump() and "end" not in ev.model_dump(mode="json")


# -- suggestions ----------------------------------------------------------------------


def test_an_absent_skill_is_never_suggested_as_a_claim():
    r = report(resume_with(), "Kubernetes", "underwater welding")
    for skill in ("Kubernetes", "underwater welding"):
        text = r[skill].suggestion
        assert r[skill].verdict == "absent"
        assert "prepare" in text and "learn" in text and "do not claim" in text
        assert not text.startswith(("Name", "Add", "Move", "Keep"))


def test_suggestions_cite_the_line():
    implied = report(resume_with(**{"work.0.highlights.1": "Ran sprint planning."}), "Scrum")
    # In the candidate's words: counted from one, the role by its title, never "work[0]".
    assert "bullet 2 of Program Manager, Now Co" in implied["Scrum"].suggestion
    assert "Ran sprint planning." in implied["Scrum"].suggestion
    buried = report(resume_with(**{"work.1.highlights.1": "Ran Scrum."}), "Scrum")
    assert "bullet 2 of Analyst, Then Co" in buried["Scrum"].suggestion
    assert "[" not in buried["Scrum"].suggestion


# -- demand ---------------------------------------------------------------------------


def interview(day: int, asked: list[str], **fields: Any) -> Interview:
    return Interview(
        id=f"2026-11-{day:02d}-co{day}",
        company=f"Co {day}",
        date=dt.date(2026, 11, day),
        asked=asked,
        **fields,
    )


def demand(interviews: list[Interview], skill: str = "Scrum") -> float:
    result = analyze(resume_with(), taxonomy=TAXONOMY, interviews=interviews)
    return next(r.demand.score for r in result.skills if r.skill == skill)


def test_another_interview_asking_raises_demand():
    one = [interview(1, ["Scrum"]), interview(20, ["Go"])]
    two = [*one, interview(10, ["scrum"])]
    assert 0 < demand(one) < demand(two) < 1


def test_recent_and_interesting_interviews_weigh_more():
    base = interview(20, ["Go"])
    old, recent = interview(1, ["Scrum"]), interview(19, ["Scrum"])
    assert demand([base, old]) < demand([base, recent])
    dull = interview(19, ["Scrum"], interest=1)
    keen = interview(19, ["Scrum"], interest=5)
    assert demand([base, dull]) < demand([base, keen])


def test_feedback_and_own_cons_naming_a_skill_raise_demand():
    plain = [interview(5, ["Scrum", "Go"])]
    feedback = [interview(5, ["Scrum", "Go"], feedback="Wanted deeper Scrum experience.")]
    cons = [interview(5, ["Scrum", "Go"], cons=["no Scrum examples"])]
    assert demand(plain) < demand(feedback)
    assert demand(plain) < demand(cons)
    assert demand(plain, "Go") == demand(feedback, "Go")


def test_demand_lists_the_interviews_and_skills_come_from_asked():
    ivs = [interview(3, ["k8s", "Scrum"]), interview(4, ["Kubernetes"])]
    result = analyze(resume_with(), taxonomy=TAXONOMY, interviews=ivs)
    by_skill = {r.skill: r for r in result.skills}
    assert set(by_skill) == {"Kubernetes", "Scrum"}
    assert by_skill["Kubernetes"].demand.interviews == ["2026-11-03-co3", "2026-11-04-co4"]


def test_asked_without_interviews_gives_uniform_demand():
    r = report(resume_with(), "Scrum", "Go", "Kubernetes")
    assert {x.demand.score for x in r.values()} == {W.ASKED_ONLY_DEMAND}
    assert all(x.demand.interviews == [] for x in r.values())


# -- priority and the contract --------------------------------------------------------


def test_priority_is_demand_times_missing_emphasis_and_sorts_the_output():
    resume = resume_with(
        **{"basics.summary": "Runs Scrum.", "skills.0.keywords": ["Go"]},
    )
    result = analyze(resume, taxonomy=TAXONOMY, asked=["Go", "Scrum", "Kubernetes"], today=TODAY)
    priorities = [r.priority for r in result.skills]
    assert priorities == sorted(priorities, reverse=True)
    for r in result.skills:
        assert r.priority == pytest.approx(r.demand.score * (1 - r.emphasis.score), abs=2e-3)
    assert [r.skill for r in result.skills] == ["Kubernetes", "Go", "Scrum"]


def test_json_has_exactly_the_contract_keys():
    resume = resume_with(**{"work.0.highlights.0": "Ran sprint planning for Scrum teams."})
    data = analyze(resume, taxonomy=TAXONOMY, asked=["Scrum"], resume_label="v3").to_json()
    assert set(data) == {"resume", "skills"} and data["resume"] == "v3"
    (skill,) = data["skills"]
    assert set(skill) == {
        "skill",
        "demand",
        "emphasis",
        "evidence",
        "verdict",
        "priority",
        "suggestion",
    }
    assert set(skill["demand"]) == {"score", "interviews"}
    assert set(skill["emphasis"]) == {"score", "mentions"}
    place = {"section", "entry", "highlight", "field", "text"}
    assert set(skill["emphasis"]["mentions"][0]) == place | {"matched"}
    assert set(skill["evidence"][0]) == place | {"via"}
    assert 0 <= skill["emphasis"]["score"] <= 1 and 0 <= skill["demand"]["score"] <= 1


def test_skills_keep_the_asked_spelling_and_unknown_terms_work():
    r = report(resume_with(**{"basics.summary": "Known for risk management."}), "RISK management")
    assert r["RISK management"].verdict == "emphasized"
    u = report(resume_with(**{"work.0.highlights.0": "Led vendor audits."}), "vendor audit")
    assert u["vendor audit"].verdict == "emphasized"


def test_two_asked_terms_for_one_skill_each_get_their_row():
    r = report(resume_with(**{"basics.summary": "Runs k8s."}), "k8s", "Kubernetes", "K8S")
    assert set(r) == {"k8s", "Kubernetes"}
    assert r["k8s"].verdict == r["Kubernetes"].verdict == "emphasized"


PLACES = [
    "basics.label",
    "basics.summary",
    "work.0.position",
    "work.0.highlights.0",
    "work.0.highlights.1",
    "work.0.highlights.2",
    "work.1.highlights.0",
    "work.1.highlights.1",
    "skills.0.name",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(PLACES)), st.sampled_from(PLACES))
def test_adding_a_mention_never_lowers_emphasis(places: set[str], extra: str):
    def with_scrum(chosen: set[str]) -> Resume:
        return resume_with(**{p: f"Scrum work {i}" for i, p in enumerate(sorted(chosen))})

    before = report(with_scrum(places), "Scrum")["Scrum"]
    after = report(with_scrum(places | {extra}), "Scrum")["Scrum"]
    assert 0.0 <= before.emphasis.score <= after.emphasis.score <= 1.0
    if extra not in places and before.emphasis.score < 0.99:  # rounding saturates near 1
        assert after.emphasis.score > before.emphasis.score
    assert (before.verdict == "absent") == (not places)
