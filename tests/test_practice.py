"""Practice questions: the bank (data), cons grouped across interviews, anchors, advice."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_builders import add_interview, example_workspace, new_workspace

from resumetool.errors import UsageError, ValidationFailed
from resumetool.interview import Interview
from resumetool.practice import (
    build_practice,
    group_cons,
    load_bank,
    questions_for,
    same_con,
    to_markdown,
)
from resumetool.skills import load_taxonomy


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return example_workspace(tmp_path_factory.mktemp("practice") / "ws")


@pytest.fixture(scope="module")
def practice(workspace):
    return build_practice(workspace)


# -- the bank is data, and its keys mean something ------------------------------------------


def test_the_bank_holds_a_few_hundred_questions(bank):
    sets = [*bank.skills.values(), *bank.categories.values(), *bank.fields.values()]
    count = sum(len(s.behavioural) + len(s.technical) for s in [*sets, bank.general])
    count += sum(len(t.questions) for t in bank.con_themes.values())
    assert count >= 300


def test_every_bank_key_names_something_the_taxonomy_knows(bank, taxonomy):
    categories = {s.category.casefold() for s in taxonomy}
    fields = {f.casefold() for f in taxonomy.fields()}
    assert [c for c in bank.categories if c.casefold() not in categories] == []
    assert [f for f in bank.fields if f.casefold() not in fields] == []
    assert fields <= {f.casefold() for f in bank.fields}, "every field needs questions"
    for name in bank.skills:
        skill = taxonomy.get(name)
        assert skill is not None and skill.name == name, name


def test_every_con_theme_can_be_practised(bank):
    assert {"metrics", "rambling", "system-design", "conflict"} <= set(bank.con_themes)
    for theme in bank.con_themes.values():
        assert len(theme.questions) >= 3 and theme.match and theme.drill


@pytest.mark.parametrize(
    ("con", "theme"),
    [
        ("vague on metrics", "metrics"),
        ("forgot to quantify results", "metrics"),
        ("no Scrum examples", "examples"),
        ("rambled on the budget question", "rambling"),
        ("ran over time", "rambling"),
        ("rushed the risk question", "pacing"),
        ("slow on the SQL join", "technical-exercise"),
        ("weak system design answer", "system-design"),
        ("got defensive when she disagreed", "conflict"),
        ("did not ask about team size", "questions-for-them"),
        ("said um a lot", "nerves"),
        ("umbrella policy question", None),
        ("lost my train of thought", None),
    ],
)
def test_a_con_finds_its_theme_by_whole_words_or_stems(bank, con, theme):
    assert bank.theme_of(con) == theme


# -- questions ------------------------------------------------------------------------------


def test_a_known_skill_gets_its_own_questions_first(bank, taxonomy):
    questions = questions_for("Scrum", taxonomy.resolve("Scrum"), bank, 4)
    assert [q.kind for q in questions] == ["behavioural", "technical"] * 2
    assert questions[0].text == bank.skills["Scrum"].behavioural[0]


def test_an_unknown_skill_falls_back_to_general_questions_naming_it(bank, taxonomy):
    skill = taxonomy.resolve("Underwater basket weaving")
    assert not skill.known
    questions = questions_for("underwater basket weaving", skill, bank, 3)
    assert len(questions) == 3
    assert all("underwater basket weaving" in q.text for q in questions)
    assert not any("{skill}" in q.text for q in questions)


def test_a_category_fills_in_for_a_skill_without_its_own_entry(bank, taxonomy):
    skill = taxonomy.resolve("Rust")
    assert skill.category == "programming language"
    questions = questions_for("Rust", skill, bank, 2)
    assert questions[0].text == bank.categories["programming language"].behavioural[0].replace(
        "{skill}", "Rust"
    )


def test_no_behavioural_questions_for_a_skill_never_used(bank, taxonomy):
    questions = questions_for("HIPAA", taxonomy.resolve("HIPAA"), bank, 3, behavioural=False)
    assert len(questions) == 3 and {q.kind for q in questions} == {"technical"}


# -- cons across interviews -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("vague on metrics", "too vague about metrics", True),
        ("weak on system design", "system design was weak", True),
        ("ran over time", "ran out of time", True),
        ("no Scrum examples", "no HIPAA example", False),
        ("vague on metrics", "vague on goals", False),
        ("slow", "slow on the SQL join", False),
        ("", "anything", False),
    ],
)
def test_same_con_is_fuzzy_but_not_loose(a, b, same):
    assert same_con(a, b) is same
    assert same_con(b, a) is same


def _interview(n: int, cons: list[str]) -> Interview:
    interview = Interview(company=f"Co {n}", date=dt.date(2026, 11, 1 + n), cons=cons)
    interview.id = f"iv{n}"
    return interview


def test_cons_recur_only_across_interviews(bank):
    groups = group_cons(
        [
            _interview(1, ["lost my place", "too vague about goals"]),
            _interview(2, ["lost my place again"]),
            _interview(3, ["vague on goals", "lost my place"]),
        ],
        bank,
    )
    recurring = [g for g in groups if g.recurring]
    assert {g.title for g in recurring} == {"lost my place", "too vague about goals"}
    lost = next(g for g in recurring if g.title == "lost my place")
    assert lost.interviews == ["iv1", "iv2", "iv3"]
    single = group_cons([_interview(1, ["rambled", "went on too long"])], bank)
    assert len(single) == 1 and not single[0].recurring  # one interview is not a pattern


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "vague on metrics",
                    "too vague about metrics",
                    "rambled",
                    "no Scrum examples",
                    "lost my place",
                    "nervous",
                    "Lost my place!",
                    "did not ask about salary",
                ]
            ),
            max_size=3,
        ),
        max_size=5,
    )
)
def test_groups_partition_the_cons_and_recur_by_interview_count(bank, cons_per_interview):
    interviews = [_interview(n, cons) for n, cons in enumerate(cons_per_interview)]
    groups = group_cons(interviews, bank)
    items = [(i.interview, i.text) for g in groups for i in g.items]
    expected = [(iv.id, c) for iv in interviews for c in iv.cons]
    assert sorted(items) == sorted(expected)
    for group in groups:
        assert group.recurring == (len({i.interview for i in group.items}) >= 2)
    flags = [g.recurring for g in groups]
    assert flags == sorted(flags, reverse=True)  # recurring ones first


# -- the practice set for the example search ------------------------------------------------


def test_demanded_skills_come_most_demanded_first_with_their_lines(practice):
    demands = [s.demand for s in practice.skills]
    assert demands == sorted(demands, reverse=True)
    scrum = practice.skills[0]
    assert scrum.skill == "Scrum" and scrum.verdict == "buried"
    assert any("sprint planning" in a.text for a in scrum.anchors)
    assert "low down" in scrum.advice
    assert len(scrum.questions) == 3


def test_a_skill_named_only_in_a_list_asks_for_the_story_behind_it(practice):
    sql = next(s for s in practice.skills if s.skill == "SQL")
    assert sql.anchors == []
    assert "write down the true story" in sql.advice


def test_an_absent_skill_gets_preparation_never_a_claim(practice):
    hipaa = next(s for s in practice.skills if s.skill == "HIPAA")
    assert hipaa.verdict == "absent" and hipaa.anchors == []
    assert {q.kind for q in hipaa.questions} == {"technical"}
    learn, transfer, answer = hipaa.prepare
    assert "protected health information" in learn
    assert "Mesa Health Partners" in transfer
    assert "Never claim it" in answer


def test_recurring_cons_become_mock_interviews_anchored_in_the_resume(practice):
    titles = [c.title for c in practice.cons]
    assert titles == ["Quantifying results", "Concrete examples", "Concise answers"]
    metrics, examples, rambling = practice.cons
    assert metrics.anchors and all(any(ch.isdigit() for ch in a.text) for a in metrics.anchors)
    assert "%" in metrics.anchors[0].text or "$" in metrics.anchors[0].text
    assert examples.skills == ["Scrum", "HIPAA"] or set(examples.skills) == {"Scrum", "HIPAA"}
    assert any("Scrum" in a.text for a in examples.anchors)
    assert rambling.anchors == []


def test_one_interview_practises_its_skills_and_all_its_cons(workspace):
    result = build_practice(workspace, interview="delta")
    assert [s.skill for s in result.skills] == ["risk management", "SQL", "vendor management"]
    cons = {
        item.text
        for c in result.cons
        for item in c.cons
        if item.interview.endswith("delta-freight")
    }
    assert cons == {"slow on the SQL join", "vague on metrics", "did not ask about team size"}
    assert any(not c.recurring for c in result.cons)


def test_named_skills_only(workspace):
    result = build_practice(workspace, skills=["Kubernetes", "Scrum"], count=2)
    assert [s.skill for s in result.skills] == ["Kubernetes", "Scrum"]
    assert result.cons == []
    assert result.skills[0].verdict == "absent"
    assert all(len(s.questions) == 2 for s in result.skills)


def test_markdown_lists_questions_and_lines(practice):
    text = to_markdown(practice)
    assert "### Scrum (asked in 3 interviews, buried in your resume)" in text
    assert "## Cons that recur: a mock interview on each" in text
    assert "— *Senior Program Manager, Northgate Supply Co. — bullet 4*" in text


def test_a_workspace_copy_of_the_bank_replaces_entries(tmp_path):
    ws = example_workspace(tmp_path / "ws")
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "practice_questions.yaml").write_text(
        "skills:\n  Scrum:\n    behavioural: [My own Scrum question?]\n    technical: []\n",
        encoding="utf-8",
    )
    result = build_practice(ws, skills=["Scrum"], count=1)
    assert result.skills[0].questions[0].text == "My own Scrum question?"


def test_a_broken_workspace_bank_names_the_file(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_interview(ws, company="Acme", date="2026-11-20", asked=["Scrum"])
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "practice_questions.yaml").write_text(
        "general: [not, a, mapping]\n", encoding="utf-8"
    )
    with pytest.raises(ValidationFailed) as caught:
        build_practice(ws)
    assert "practice_questions.yaml" in str(caught.value.path)


def test_no_resume_yet_still_gives_questions(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    add_interview(ws, company="Acme", date="2026-11-20", asked=["Scrum"], cons=["rambled"])
    result = build_practice(ws)
    assert result.resume is None
    assert result.skills[0].questions and result.skills[0].verdict is None
    assert any("resumetool import" in note for note in result.notes)


def test_nothing_to_practise_from_is_a_usage_error(tmp_path):
    ws = new_workspace(tmp_path / "ws")
    with pytest.raises(UsageError) as caught:
        build_practice(ws)
    assert "--skill" in (caught.value.hint or "")
    result = build_practice(ws, skills=["Scrum"])  # a named skill needs no interviews
    assert result.skills[0].skill == "Scrum"
