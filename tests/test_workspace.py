"""The workspace library: finding it, reading and writing its files, failing clearly."""

from __future__ import annotations

import datetime as dt
import errno
import os
import threading
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumetool.dates import DateError, parse_date
from resumetool.errors import UsageError, ValidationFailed, WorkspaceError
from resumetool.interview import OUTCOMES, STAGES, CompanyList, Interview
from resumetool.workspace import (
    CACHE_DIR,
    Settings,
    Workspace,
    init_workspace,
    slugify,
)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "search", name="Ada Lovelace")


def interview(**fields) -> Interview:
    base = {"company": "Acme Corp", "date": dt.date(2026, 11, 20)}
    return Interview(**{**base, **fields})


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- init and find ---------------------------------------------------------------------


def test_init_makes_the_layout_and_a_commented_settings_file(tmp_path):
    ws = init_workspace(tmp_path / "new", name='Ada "the Countess" Lovelace')
    assert ws.interviews_dir.is_dir() and ws.resumes_dir.is_dir()
    text = ws.settings_path.read_text()
    assert "# [[skills]]" in text and "#" in text.splitlines()[0]
    parsed = tomllib.loads(text)
    assert parsed == {"name": 'Ada "the Countess" Lovelace', "template": "classic"}
    assert ws.settings() == Settings(name='Ada "the Countess" Lovelace')
    assert ws.companies() == CompanyList()
    assert ws.interviews() == []


def test_init_refuses_an_existing_workspace_and_changes_nothing(ws):
    before = ws.settings_path.read_bytes()
    with pytest.raises(WorkspaceError, match="already exists"):
        init_workspace(ws.root, name="Someone Else")
    assert ws.settings_path.read_bytes() == before


def test_init_keeps_a_companies_file_that_is_already_there(tmp_path):
    write(tmp_path / "companies.yaml", "companies:\n  - {name: Beta, interest: 4}\n")
    ws = init_workspace(tmp_path)
    assert ws.interest_of("beta") == 4


def test_find_walks_up_like_git(ws):
    deep = ws.root / "resumes" / "a" / "b"
    deep.mkdir(parents=True)
    assert Workspace.find(deep).root == ws.root.resolve()


def test_explicit_workspace_wins_over_the_current_folder(ws, tmp_path):
    other = init_workspace(tmp_path / "other")
    assert Workspace.find(ws.root, explicit=other.root).root == other.root.resolve()


def test_outside_a_workspace_the_error_says_how_to_make_one(tmp_path):
    with pytest.raises(WorkspaceError) as caught:
        Workspace.find(tmp_path)
    assert "resumetool init" in caught.value.one_line()
    with pytest.raises(WorkspaceError, match="no resumetool workspace at"):
        Workspace.find(explicit=tmp_path)


# -- settings ----------------------------------------------------------------------------


def test_settings_broken_toml_names_the_line(ws):
    write(ws.settings_path, 'name = "Ada"\ntemplate = classic\n')
    with pytest.raises(ValidationFailed) as caught:
        ws.settings()
    assert caught.value.line == 2
    assert "resumetool.toml:2" in caught.value.one_line()


def test_settings_wrong_type_names_field_and_line(ws):
    write(ws.settings_path, 'name = "Ada"\n\n[[skills]]\ncategory = "x"\n')
    with pytest.raises(ValidationFailed) as caught:
        ws.settings()
    assert caught.value.field == "skills" and caught.value.line == 3


def test_settings_unknown_key_is_warned_and_kept(tmp_path):
    root = init_workspace(tmp_path).root
    write(root / "resumetool.toml", 'nmae = "Ada"\n')
    seen: list[str] = []
    settings = Workspace(root, on_warning=seen.append).settings()
    assert settings.model_extra == {"nmae": "Ada"}
    assert len(seen) == 1 and ":1:" in seen[0] and "'name'" in seen[0]


# -- adding and reading interviews -----------------------------------------------------


def test_add_writes_a_readable_file_in_design_order(ws):
    path = ws.add_interview(
        interview(role="PM", asked=["Scrum", "risk management"], pros=["clear STAR stories"])
    )
    assert path.name == "2026-11-20-acme-corp.yaml"
    keys = [line.split(":")[0] for line in path.read_text().splitlines()]
    assert keys == [
        "schema", "company", "role", "date", "interest", "stage", "outcome", "interviewer",
        "asked", "questions", "feedback", "pros", "cons", "notes",
    ]  # fmt: skip
    assert "asked: [Scrum, risk management]" in path.read_text()
    assert ws.interview("acme").asked == ["Scrum", "risk management"]


def test_a_second_interview_on_the_same_day_gets_a_suffix(ws):
    first = ws.add_interview(interview())
    second = ws.add_interview(interview(stage="final"))
    assert (first.stem, second.stem) == ("2026-11-20-acme-corp", "2026-11-20-acme-corp-2")
    assert ws.interview("2026-11-20-acme-corp-2").stage == "final"


def test_concurrent_writers_never_share_or_tear_a_file(ws):
    paths: list[Path] = []
    errors: list[BaseException] = []

    def add(n: int) -> None:
        try:
            paths.append(ws.add_interview(interview(notes=f"writer {n}")))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(paths)) == 12
    assert sorted(iv.notes for iv in ws.interviews()) == sorted(f"writer {n}" for n in range(12))
    assert not [p for p in ws.interviews_dir.iterdir() if p.name.startswith(".")]


def test_without_hard_links_names_are_still_exclusive(ws, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "links not supported here")

    monkeypatch.setattr(os, "link", no_links)
    first = ws.add_interview(interview(notes="one"))
    second = ws.add_interview(interview(notes="two"))
    assert (first.stem, second.stem) == ("2026-11-20-acme-corp", "2026-11-20-acme-corp-2")
    assert [iv.notes for iv in ws.interviews()] == ["one", "two"]
    assert {p.name for p in ws.interviews_dir.iterdir()} == {first.name, second.name}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Acme Corp", "acme-corp"),
        ("Société Générale", "societe-generale"),
        ("AT&T / Labs", "at-t-labs"),
        ("株式会社メルカリ", "株式会社メルカリ"),
        ("!!!", ""),
    ],
)
def test_slugs_are_readable(name, slug):
    assert slugify(name) == slug


def test_a_company_name_without_letters_still_gets_a_file(ws):
    assert ws.add_interview(interview(company="???")).name == "2026-11-20-interview.yaml"


def test_interest_defaults_from_the_company(ws):
    ws.add_company("Acme Corp", 4)
    path = ws.add_interview(interview())
    assert ws.load_interview_file(path).interest == 4
    path = ws.add_interview(interview(interest=2))
    assert ws.load_interview_file(path).interest == 2


def test_interviews_are_sorted_by_date_then_id(ws):
    ws.add_interview(interview(company="Beta", date=dt.date(2026, 12, 1)))
    ws.add_interview(interview(company="Zeta", date=dt.date(2026, 11, 1)))
    ws.add_interview(interview(company="Alpha", date=dt.date(2026, 12, 1)))
    assert [iv.company for iv in ws.interviews()] == ["Zeta", "Alpha", "Beta"]


def test_interview_refs(ws):
    ws.add_interview(interview(company="Acme", date=dt.date(2026, 11, 20)))
    ws.add_interview(interview(company="Beta", date=dt.date(2026, 12, 1)))
    ws.add_interview(interview(company="Acme", date=dt.date(2026, 10, 1)))
    assert ws.interview("latest").company == "Beta"
    assert ws.interview("2026-12").company == "Beta"
    assert ws.interview("beta").id == "2026-12-01-beta"
    assert ws.interview("2026-10-01-acme.yaml").date == dt.date(2026, 10, 1)
    with pytest.raises(UsageError, match="several") as caught:
        ws.interview("acme")
    assert "2026-10-01-acme" in caught.value.message
    with pytest.raises(UsageError, match="no interview 'gamma'; there are: 2026-10-01-acme"):
        ws.interview("gamma")


def test_unknown_ref_in_an_empty_log_says_how_to_add_one(ws):
    with pytest.raises(UsageError) as caught:
        ws.interview("latest")
    assert "interview add" in caught.value.one_line()


# -- bad files -------------------------------------------------------------------------

GOOD = "schema: 1\ncompany: Acme\ndate: 2026-11-20\n"


def test_one_bad_file_fails_the_whole_read_naming_it(ws):
    ws.add_interview(interview())
    write(ws.interviews_dir / "2026-11-21-beta.yaml", GOOD + "interest: 7\n")
    with pytest.raises(ValidationFailed) as caught:
        ws.interviews()
    line = caught.value.one_line()
    assert "2026-11-21-beta.yaml:4" in line and "interest" in line


def test_broken_yaml_names_the_line(ws):
    write(ws.interviews_dir / "x.yaml", GOOD + "asked: [Scrum, Kanban\nnotes: x\n")
    with pytest.raises(ValidationFailed, match="invalid YAML") as caught:
        ws.interview("x")
    assert caught.value.line in (4, 5)


def test_wrong_type_names_field_and_line(ws):
    write(ws.interviews_dir / "x.yaml", GOOD + "stage: lunch\n")
    with pytest.raises(ValidationFailed) as caught:
        ws.interview("x")
    assert (caught.value.field, caught.value.line) == ("stage", 4)


def test_a_newer_schema_asks_for_an_upgrade_before_anything_else(ws):
    write(ws.interviews_dir / "x.yaml", "schema: 2\ncompany: Acme\nwhen: tomorrow\n")
    with pytest.raises(ValidationFailed) as caught:
        ws.interview("x")
    assert "upgrade resumetool" in caught.value.one_line()
    assert caught.value.line == 1


@pytest.mark.parametrize(("text", "words"), [("", "empty"), ("- a\n- b\n", "mapping")])
def test_empty_or_non_mapping_files_are_refused(ws, text, words):
    write(ws.interviews_dir / "x.yaml", text)
    with pytest.raises(ValidationFailed, match=words):
        ws.interview("x")


def test_a_fourth_pro_in_a_file_is_refused_with_the_reason(ws):
    write(ws.interviews_dir / "x.yaml", GOOD + "pros: [a, b, c, d]\n")
    with pytest.raises(ValidationFailed, match=r"at most 3 pros.*reflection method"):
        ws.interview("x")


def test_misspelt_keys_are_warned_with_line_and_kept_own_keys_silently(ws):
    write(ws.interviews_dir / "x.yaml", GOOD + "intrest: 3   # mine\nsalary: 100k\n")
    seen: list[str] = []
    loaded = Workspace(ws.root, on_warning=seen.append).interview("x")
    assert loaded.model_extra == {"intrest": 3, "salary": "100k"}
    assert len(seen) == 1
    assert seen[0].endswith("x.yaml:4: 'intrest' — did you mean 'interest'? (kept as it is)")


@pytest.mark.parametrize(
    ("key", "guess"),
    [("intrest", "interest"), ("Staus", "status"), ("note", "notes"), ("nme", "name")],
)
def test_company_keys_close_to_a_known_one_are_taken_for_misspellings(ws, key, guess):
    write(ws.companies_path, f"companies:\n  - name: Acme\n    interest: 2\n    {key}: x\n")
    seen: list[str] = []
    Workspace(ws.root, on_warning=seen.append).companies()
    assert len(seen) == 1
    assert seen[0].endswith(
        f"companies.yaml:4: {key!r} in Acme — did you mean {guess!r}? (kept as it is)"
    )


@pytest.mark.parametrize("key", ["recruiter", "url", "salary", "stage", "contacts", "company_name"])
def test_company_keys_of_your_own_are_kept_silently(ws, key):
    write(ws.companies_path, f"companies:\n  - name: Acme\n    interest: 2\n    {key}: x\n")
    seen: list[str] = []
    companies = Workspace(ws.root, on_warning=seen.append).companies()
    assert seen == [] and companies.companies[0].model_extra == {key: "x"}


# -- the read cache --------------------------------------------------------------------


def test_cached_reads_match_and_see_every_edit(ws):
    path = ws.add_interview(interview(asked=["Scrum"]))
    write(ws.interviews_dir / "y.yaml", GOOD + "outcom: offer\n")
    first = ws.interviews()
    assert (ws.root / CACHE_DIR / "interviews.json").exists()
    seen: list[str] = []
    again = Workspace(ws.root, on_warning=seen.append).interviews()
    assert [iv.model_dump() for iv in again] == [iv.model_dump() for iv in first]
    assert [iv.id for iv in again] == [iv.id for iv in first]
    assert seen and "'outcom' — did you mean 'outcome'?" in seen[0]
    write(path, path.read_text().replace("[Scrum]", "[Kanban]"))
    assert ws.interview(path.stem).asked == ["Kanban"]
    assert ws.interviews()[0].asked == ["Kanban"]
    write(path, path.read_text().replace("stage: other", "stage: lunch"))
    with pytest.raises(ValidationFailed, match="stage"):
        ws.interviews()


def test_a_corrupt_cache_is_ignored(ws):
    ws.add_interview(interview())
    ws.interviews()
    write(ws.root / CACHE_DIR / "interviews.json", "{not json")
    assert ws.interviews()[0].company == "Acme Corp"


# -- editing -----------------------------------------------------------------------------


def test_replace_keeps_the_users_text_and_refuses_a_bad_edit(ws, tmp_path):
    path = ws.add_interview(interview())
    original = path.read_bytes()
    edited = tmp_path / "edit.yaml"
    write(edited, path.read_text().replace("interest:", "interest: 9"))
    with pytest.raises(ValidationFailed) as caught:
        ws.replace_interview(path.stem, edited, expected=original)
    assert path.read_bytes() == original
    assert f"{path.name}:5" in caught.value.one_line() and str(edited) in caught.value.one_line()
    write(edited, "# my comment\n" + path.read_text().replace("interest:", "interest: 3"))
    ws.replace_interview(path.stem, edited, expected=original)
    assert path.read_text().startswith("# my comment\n")
    assert ws.interview(path.stem).interest == 3


def test_replace_refuses_when_the_file_changed_meanwhile(ws, tmp_path):
    path = ws.add_interview(interview())
    original = path.read_bytes()
    write(path, path.read_text().replace("stage: other", "stage: final"))
    edited = write(tmp_path / "edit.yaml", original.decode())
    with pytest.raises(WorkspaceError, match="changed while"):
        ws.replace_interview(path.stem, edited, expected=original)
    assert ws.interview(path.stem).stage == "final"


# -- companies ---------------------------------------------------------------------------

COMMENTED = """\
# my ranking, hand-kept
schema: 1
owner: me            # a key of my own
companies:
  # dream job first
  - name: Acme Corp  # met them at a meetup
    interest: 5
    referral: Jo     # mine too
  - name: Beta
    interest: 2
    status: applied
"""


def test_save_companies_keeps_comments_and_unknown_keys(ws):
    write(ws.companies_path, COMMENTED)
    seen: list[str] = []
    ws = Workspace(ws.root, on_warning=seen.append)
    ws.update_company("beta", status="scheduled", date=dt.date(2026, 12, 3))
    ws.add_company("Gamma", 3)
    text = ws.companies_path.read_text()
    for kept in ("# my ranking", "owner: me", "# a key of my own", "# dream job first",
                 "# met them at a meetup", "referral: Jo     # mine too"):  # fmt: skip
        assert kept in text
    assert "status: scheduled\n    date: 2026-12-03\n" in text
    assert text.endswith("  - name: Gamma\n    interest: 3\n")
    assert seen == []  # keys of the user's own, kept without a word
    assert ws.companies().find("acme corp").model_extra == {"referral": "Jo"}


def test_save_companies_removes_and_reorders_only_what_changed(ws):
    write(ws.companies_path, COMMENTED)
    companies = ws.companies()
    companies.companies = [c for c in companies.companies if c.name != "Beta"]
    ws.save_companies(companies)
    text = ws.companies_path.read_text()
    assert "Beta" not in text and "# met them at a meetup" in text


def test_duplicate_company_names_are_refused_with_the_line(ws):
    write(
        ws.companies_path,
        "companies:\n  - {name: Acme, interest: 2}\n  - {name: acme, interest: 3}\n",
    )
    with pytest.raises(ValidationFailed, match="listed twice") as caught:
        ws.companies()
    assert caught.value.line == 3


def test_companies_newer_schema_and_broken_yaml(ws):
    write(ws.companies_path, "schema: 3\ncompanies: []\n")
    with pytest.raises(ValidationFailed, match="upgrade resumetool"):
        ws.companies()
    write(ws.companies_path, "companies:\n  - name: Acme\n   interest: 2\n")
    with pytest.raises(ValidationFailed, match="invalid YAML") as caught:
        ws.companies()
    assert caught.value.line == 3


def test_remember_company_adds_an_unknown_company_only_with_an_interest(ws):
    assert ws.remember_company(interview(company="Delta")) is None
    added = ws.remember_company(interview(company="Delta", interest=3, outcome="rejected"))
    assert (added.name, added.interest, added.status) == ("Delta", 3, "closed")
    assert ws.remember_company(interview(company="delta", interest=5)) is None
    assert ws.interest_of("DELTA") == 3


def test_update_unknown_company_suggests_the_close_one(ws):
    ws.add_company("Acme Corp", 3)
    with pytest.raises(UsageError, match="did you mean 'Acme Corp'"):
        ws.update_company("Acme Crop", interest=4)
    with pytest.raises(UsageError, match="nothing to change"):
        ws.update_company("Acme Corp")
    with pytest.raises(UsageError, match="already on the list"):
        ws.add_company("acme corp", 2)


# -- round trip --------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
NAME = TEXT.filter(lambda s: s.strip())
INTERVIEWS = st.builds(
    Interview,
    company=NAME,
    role=st.none() | TEXT,
    date=st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    interest=st.none() | st.integers(1, 5),
    stage=st.sampled_from(STAGES),
    outcome=st.sampled_from(OUTCOMES),
    interviewer=st.none() | TEXT,
    asked=st.lists(TEXT, max_size=4),
    questions=st.lists(TEXT, max_size=3),
    feedback=st.none() | TEXT,
    pros=st.lists(NAME, max_size=3),
    cons=st.lists(NAME, max_size=3),
    notes=st.none() | TEXT,
)


@pytest.fixture(scope="module")
def shared_ws(tmp_path_factory) -> Workspace:
    return init_workspace(tmp_path_factory.mktemp("round-trip"))


@settings(max_examples=150, deadline=None)
@given(item=INTERVIEWS)
def test_any_interview_round_trips_through_its_file(shared_ws, item):
    path = shared_ws.add_interview(item)
    back = shared_ws.load_interview_file(path)
    assert back.model_dump() == item.model_dump()
    assert back.id == path.stem


# -- dates -------------------------------------------------------------------------------

WEDNESDAY = dt.date(2026, 2, 18)


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("2026-11-20", "2026-11-20", "2026-11-20"),
        ("today", "2026-02-18", "2026-02-18"),
        ("Yesterday", "2026-02-17", "2026-02-17"),
        ("3 days ago", "2026-02-15", "2026-02-15"),
        ("in 2 days", "2026-02-20", "2026-02-20"),
        ("friday", "2026-02-13", "2026-02-20"),
        ("last Friday", "2026-02-13", "2026-02-13"),
        ("next fri", "2026-02-20", "2026-02-20"),
        ("last wednesday", "2026-02-11", "2026-02-11"),
        ("Nov 20", "2025-11-20", "2026-11-20"),
        ("20 November 2026", "2026-11-20", "2026-11-20"),
        ("November 20th, 2026", "2026-11-20", "2026-11-20"),
        ("20.11.2026", "2026-11-20", "2026-11-20"),
        ("Feb 29", "2024-02-29", "2028-02-29"),
    ],
)
def test_dates_as_people_type_them(text, past, future):
    assert parse_date(text, today=WEDNESDAY).isoformat() == past
    assert parse_date(text, today=WEDNESDAY, prefer="future").isoformat() == future


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("03/04/2026", "ambiguous"),
        ("March", "no single day"),
        ("next week", "cannot read"),
        ("", "empty"),
    ],
)
def test_dates_that_are_refused_rather_than_guessed(text, words):
    with pytest.raises(DateError, match=words):
        parse_date(text, today=WEDNESDAY)


def test_atomic_writes_leave_no_temp_files(ws):
    ws.add_interview(interview())
    ws.add_company("Acme Corp", 2)
    leftovers = [p for p in ws.root.rglob(".*.tmp")]
    assert leftovers == []
    assert os.listdir(ws.interviews_dir) == ["2026-11-20-acme-corp.yaml"]


def test_every_unknown_setting_is_warned_even_without_a_guess(tmp_path):
    """Unlike the user's own keys in companies.yaml, resumetool.toml is the tool's file."""
    root = init_workspace(tmp_path).root
    write(root / "resumetool.toml", 'colour_scheme = "dark"\n')
    seen: list[str] = []
    Workspace(root, on_warning=seen.append).settings()
    assert len(seen) == 1 and "unknown setting 'colour_scheme'" in seen[0]
    assert "did you mean" not in seen[0]
