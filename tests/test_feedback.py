"""The feedback-request e-mail: wording, questions, templates, and the CLI command."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumetool.cli import main
from resumetool.dates import written_date
from resumetool.errors import RenderError
from resumetool.feedback import (
    TEMPLATE_NAME,
    draft_feedback_request,
    join_and,
    question_focus,
    write_email,
)
from resumetool.interview import OUTCOMES, Interview
from resumetool.workspace import init_workspace

WORD_LIMIT = 120

ACME = Interview(
    company="Acme Corp",
    role="Program Manager",
    date=dt.date(2026, 11, 20),
    stage="onsite",
    outcome="rejected",
    interviewer="Dana Smith",
    asked=["stakeholder management", "Scrum", "risk management"],
    cons=["vague on metrics", "rushed the system design", "no Scrum examples"],
)


def words(text: str) -> int:
    return len(re.findall(r"\S+", text))


# ---------------------------------------------------------------- wording


def test_rejected_thanks_asks_to_learn_and_never_to_be_reconsidered():
    email = draft_feedback_request(ACME, candidate="Alex Doe")
    assert email.subject == (
        "Thank you, and a request for feedback (Program Manager interview, 20 November 2026)"
    )
    body = email.body
    assert body.startswith("Dear Dana Smith,\n\nThank you for your time on 20 November 2026")
    assert "not asking you to reconsider" in body
    assert "own development" in body
    assert body.rstrip().endswith("Best regards,\nAlex Doe")
    assert words(body) <= WORD_LIMIT
    assert email.notes == []
    assert email.text.startswith("Subject: Thank you")


def test_questions_target_the_skills_the_candidate_felt_weak_on():
    topics, concern = question_focus(ACME)
    assert topics == ["Scrum", "stakeholder management"]  # Scrum is named in a con: first
    assert concern == "vague on metrics"
    body = draft_feedback_request(ACME).body
    assert "my answers on Scrum and stakeholder management stronger?" in body
    assert "I wrote “vague on metrics”" in body
    assert body.count("\n- ") == 2


def test_short_skill_names_do_not_match_inside_words():
    interview = ACME.model_copy(update={"asked": ["Go", "R"], "cons": ["good rapport lost"]})
    topics, concern = question_focus(interview)
    assert topics == ["Go", "R"]
    assert concern == "good rapport lost"


@pytest.mark.parametrize(
    ("asked", "cons", "expected"),
    [
        ([], [], ["could have done better", "background"]),
        (["Scrum"], [], ["answers on Scrum stronger", "background"]),
        ([], ["too long answers"], ["“too long answers”", "background"]),
    ],
)
def test_two_questions_whatever_is_known(asked, cons, expected):
    body = draft_feedback_request(ACME.model_copy(update={"asked": asked, "cons": cons})).body
    questions = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(questions) == 2
    for part, question in zip(expected, questions, strict=True):
        assert part in question


def test_pending_waits_for_the_decision_and_says_so():
    email = draft_feedback_request(ACME.model_copy(update={"outcome": "pending"}), candidate="A")
    assert "once your decision is made" in email.body
    assert "reconsider" not in email.body
    assert any("pending" in note for note in email.notes)


def test_offer_and_withdrawn_have_their_own_wording():
    offer = draft_feedback_request(ACME.model_copy(update={"outcome": "offer"})).body
    withdrawn = draft_feedback_request(ACME.model_copy(update={"outcome": "withdrawn"})).body
    assert "for the offer" in offer and "reconsider" not in offer
    assert "Although I withdrew" in withdrawn


def test_missing_optional_facts_change_the_wording_not_leave_blanks():
    bare = Interview(company="Beta Labs", date=dt.date(2026, 3, 2), outcome="rejected")
    email = draft_feedback_request(bare)
    assert "Dear Beta Labs team," in email.body
    assert "(2 March 2026)" in email.subject
    assert "None" not in email.text and "  " not in email.body
    assert email.body.rstrip().endswith("Best regards,")
    joined = " ".join(email.notes)
    assert "no interviewer recorded" in joined and "interview edit" in joined
    assert 'name = "Your Name"' in joined


def test_recorded_feedback_is_mentioned():
    email = draft_feedback_request(ACME.model_copy(update={"feedback": "More Scrum depth."}))
    assert any("already has feedback" in note for note in email.notes)


text = st.text(alphabet="abcdefghij ", min_size=1, max_size=20).map(str.strip).filter(bool)
short_phrase = st.lists(
    st.sampled_from(["clear", "vague", "on", "metrics", "Scrum", "design"]), min_size=1, max_size=4
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    outcome=st.sampled_from(OUTCOMES),
    role=st.none() | text,
    interviewer=st.none() | text,
    candidate=st.none() | text,
    asked=st.lists(short_phrase, max_size=5),
    cons=st.lists(short_phrase, max_size=3),
    day=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
)
def test_every_combination_is_short_complete_and_gracious(
    outcome, role, interviewer, candidate, asked, cons, day
):
    interview = Interview(
        company="Acme",
        role=role,
        date=day,
        outcome=outcome,
        interviewer=interviewer,
        asked=asked,
        cons=cons,
    )
    email = draft_feedback_request(interview, candidate=candidate)
    assert words(email.body) <= WORD_LIMIT
    assert "None" not in email.text and "{" not in email.text
    assert "\n\n\n" not in email.body and email.body.endswith("\n")
    assert email.body.count("\n- ") == 2
    assert written_date(day) in email.body
    assert "Thank you" in email.body
    reconsider = email.body.count("reconsider")
    assert reconsider == (1 if outcome == "rejected" else 0)
    assert "not asking you to reconsider" in email.body or reconsider == 0


def test_helpers():
    assert written_date(dt.date(2026, 1, 5)) == "5 January 2026"
    assert join_and([]) == "" and join_and(["A"]) == "A"
    assert join_and(["A", "B", "C"]) == "A, B and C"


# ---------------------------------------------------------------- templates


def test_a_workspace_template_replaces_the_built_in(tmp_path):
    (tmp_path / TEMPLATE_NAME).write_text(
        "Subject: Hello {{ company }}\n\n"
        "Hi {{ interviewer or 'there' }}, {{ topics | join_and }}.\n"
    )
    email = draft_feedback_request(ACME, template_dirs=[tmp_path])
    assert email.subject == "Hello Acme Corp"
    assert email.body == "Hi Dana Smith, Scrum and stakeholder management.\n"
    assert email.template == str(tmp_path / TEMPLATE_NAME)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Subject: x\n\n{% if %}\n", "template error"),
        ("Subject: x\n\n{{ recruiter }}\n", "values are: company, role"),
        ("Dear {{ company }}\n", "first line must be the subject"),
    ],
    ids=["syntax", "unknown value", "no subject"],
)
def test_a_broken_template_is_one_clear_error(tmp_path, source, message):
    (tmp_path / TEMPLATE_NAME).write_text(source)
    with pytest.raises(RenderError) as caught:
        draft_feedback_request(ACME, template_dirs=[tmp_path])
    line = caught.value.one_line()
    assert message in line
    assert TEMPLATE_NAME in line
    assert "\n" not in line


def test_a_template_error_names_the_line(tmp_path):
    (tmp_path / TEMPLATE_NAME).write_text("Subject: x\n\nHi,\n{{ company.nickname.first }}\n")
    with pytest.raises(RenderError) as caught:
        draft_feedback_request(ACME, template_dirs=[tmp_path])
    assert f"{tmp_path / TEMPLATE_NAME}:4:" in caught.value.one_line()


def test_write_email_is_atomic_and_reports_an_unwritable_place(tmp_path):
    email = draft_feedback_request(ACME, candidate="Alex Doe")
    target = write_email(email, tmp_path / "mail.txt")
    assert target.read_text(encoding="utf-8") == email.text
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RenderError, match="cannot write the e-mail"):
        write_email(email, blocker / "mail.txt")


# ---------------------------------------------------------------- the command


INTERVIEW_YAML = """\
schema: 1
company: Acme Corp
role: Program Manager
date: 2026-11-20
stage: onsite
outcome: rejected
interviewer: Dana Smith
asked: [Scrum, stakeholder management]
cons: [vague on metrics, no Scrum examples]
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "search"
    init_workspace(root, name="Alex Doe")
    (root / "interviews" / "2026-11-20-acme-corp.yaml").write_text(INTERVIEW_YAML)
    (root / "interviews" / "2026-11-24-beta.yaml").write_text(
        "schema: 1\ncompany: Beta\ndate: 2026-11-24\noutcome: pending\n"
    )
    return root


def invoke(runner, root: Path, *args: str):
    return runner.invoke(main, ["--workspace", str(root), "feedback-request", *args])


def test_command_prints_subject_and_body_signed_with_the_settings_name(runner, workspace):
    result = invoke(runner, workspace, "acme")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: Thank you, and a request for feedback")
    assert "Dear Dana Smith," in result.stdout
    assert result.stdout.rstrip().endswith("Alex Doe")
    assert result.stderr == ""


def test_command_defaults_to_the_latest_interview_and_prints_notes(runner, workspace):
    result = invoke(runner, workspace)
    assert result.exit_code == 0, result.output
    assert "Dear Beta team," in result.stdout
    assert "note: the outcome is still pending" in result.stderr
    assert "interview edit 2026-11-24-beta" in result.stderr
    assert "note:" not in result.stdout


def test_unknown_interview_is_one_line_pointing_to_the_list(runner, workspace):
    result = invoke(runner, workspace, "nosuch")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "resumetool interview list" in result.stderr


def test_no_interviews_yet(runner, tmp_path):
    root = tmp_path / "fresh"
    init_workspace(root)
    result = invoke(runner, root, "latest")
    assert result.exit_code == 2
    assert "interview add" in result.stderr


def test_to_file_writes_the_email(runner, workspace, tmp_path):
    target = tmp_path / "mail" / "acme.txt"
    result = invoke(runner, workspace, "acme", "--to-file", str(target))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout
    assert target.read_text(encoding="utf-8").startswith("Subject: Thank you")
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = invoke(runner, workspace, "acme", "--to-file", str(blocker / "acme.txt"))
    assert result.exit_code == 1
    assert "cannot write the e-mail" in result.stderr
    assert result.stderr.count("\n") == 1


def test_workspace_template_is_used_by_the_command(runner, workspace):
    folder = workspace / "templates"
    folder.mkdir()
    (folder / TEMPLATE_NAME).write_text("Subject: Quick question\n\nHello {{ company }}!\n")
    result = invoke(runner, workspace, "acme")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Subject: Quick question\n\nHello Acme Corp!\n"
    (folder / TEMPLATE_NAME).write_text("Subject: x\n\n{{ salary }}\n")
    result = invoke(runner, workspace, "acme")
    assert result.exit_code == 1
    assert "templates/feedback_request.txt.j2" in result.stderr
