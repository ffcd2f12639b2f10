"""The interview planner: rules by example, properties by Hypothesis, the calendar by parsing."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumetool import plan_rules
from resumetool.errors import InputError, RenderError, UsageError
from resumetool.interview import Company, CompanyList, Interview
from resumetool.plan import Plan, Slot, plan_interviews, plan_to_ics, slot_uid, write_ics

WEDNESDAY = dt.date(2026, 11, 25)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
SATURDAY = dt.date(2026, 11, 28)


def company(name: str, interest: int, **extra) -> Company:
    return Company(name=name, interest=interest, **extra)


def weekday_gap(a: dt.date, b: dt.date, weekends: bool) -> int:
    """The test's own count of plannable days in (a, b] — independent of the planner's."""
    low, high = sorted((a, b))
    days = [low + dt.timedelta(days=n) for n in range(1, (high - low).days + 1)]
    return sum(1 for d in days if weekends or d.isoweekday() <= 5)


def by_name(plan: Plan) -> dict[str, Slot]:
    return {s.company: s for s in plan.slots}


# ---------------------------------------------------------------- the method by example


def test_practice_first_spaced_then_targets_packed_with_the_dream_job_last():
    companies = [
        company("Dream", 5),
        company("Practice A", 1),
        company("Mid", 3),
        company("Practice B", 2),
        company("Good", 4),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    order = [s.company for s in plan.slots]
    assert order == ["Practice A", "Practice B", "Mid", "Good", "Dream"]
    slots = by_name(plan)
    assert slots["Practice A"].date == THURSDAY
    assert slots["Practice B"].date == dt.date(2026, 12, 1)  # Thu + 3 business days = Tue
    assert slots["Mid"].date == dt.date(2026, 12, 4)  # 3 business days after the last practice
    assert slots["Good"].date == dt.date(2026, 12, 7)  # Fri + 1 business day = Mon
    assert slots["Dream"].date == dt.date(2026, 12, 8)
    assert [s.kind for s in plan.slots] == ["practice"] * 2 + ["target"] * 3
    assert "highest interest last" in slots["Dream"].reason
    assert plan.notes == []


def test_threshold_is_data():
    plan = plan_interviews([company("Two", 2), company("Three", 3)], today=WEDNESDAY)
    groups = {s.company: s.group for s in plan.slots}
    assert plan_rules.PRACTICE_MAX_INTEREST == 2
    assert groups == {"Two": "practice", "Three": "target"}


def test_ties_follow_the_order_in_companies_yaml_and_say_so():
    first = plan_interviews(
        [company("Zulu", 1), company("Alpha", 1), company("Big", 4)], today=WEDNESDAY
    )
    second = plan_interviews(
        [company("Alpha", 1), company("Zulu", 1), company("Big", 4)], today=WEDNESDAY
    )
    assert [s.company for s in first.slots][:2] == ["Zulu", "Alpha"]
    assert [s.company for s in second.slots][:2] == ["Alpha", "Zulu"]
    assert "tie with Alpha: order in companies.yaml" in by_name(first)["Zulu"].reason
    assert "tie" not in by_name(first)["Big"].reason


def test_a_company_with_a_fixed_date_is_never_named_in_a_tie():
    plan = plan_interviews(
        [company("Hooli", 5), company("Pied Piper", 5, date=dt.date(2026, 12, 10))],
        today=WEDNESDAY,
    )
    assert all("tie" not in slot.reason for slot in plan.slots)
    flexible = plan_interviews(
        [company("Hooli", 5), company("Pied Piper", 5), company("Aviato", 5)], today=WEDNESDAY
    )
    assert "tie with Pied Piper, Aviato" in by_name(flexible)["Hooli"].reason


def interview(name: str, day: dt.date, outcome: str, ident: str | None = None) -> Interview:
    logged = Interview(company=name, date=day, outcome=outcome)
    logged.id = ident or f"{day.isoformat()}-{name.lower()}"
    return logged


def test_a_company_whose_latest_interview_ended_it_is_left_out_with_a_note():
    companies = [company("Acme Retail", 1, status="applied"), company("Big", 4)]
    interviews = [
        interview("Acme Retail", dt.date(2026, 11, 10), "pending"),
        interview("acme  retail", dt.date(2026, 11, 20), "rejected", "2026-11-20-acme-retail"),
    ]
    plan = plan_interviews(companies, today=WEDNESDAY, interviews=interviews)
    assert [s.company for s in plan.slots] == ["Big"]
    assert plan.left_out[0].model_dump() == {
        "company": "Acme Retail",
        "status": "closed",
        "interview": "2026-11-20-acme-retail",
    }
    assert any(
        n.startswith("Acme Retail is left out: its latest interview (2026-11-20-acme-retail)")
        and "--status closed" in n
        for n in plan.notes
    )


@pytest.mark.parametrize(
    ("outcomes", "extra", "planned"),
    [
        (["rejected", "pending"], {}, True),  # a later round is pending
        (["pending", "offer"], {}, False),
        (["pending", "withdrawn"], {}, False),
        (["pending", "rejected"], {"date": dt.date(2026, 12, 2)}, True),  # a new round is fixed
        (["pending", "rejected"], {"status": "closed"}, False),
    ],
)
def test_only_the_latest_interview_decides(outcomes, extra, planned):
    interviews = [
        interview("Acme", dt.date(2026, 11, 10 + n), outcome) for n, outcome in enumerate(outcomes)
    ]
    plan = plan_interviews([company("Acme", 2, **extra)], today=WEDNESDAY, interviews=interviews)
    assert ("Acme" in by_name(plan)) is planned


def test_no_low_interest_companies_means_no_practice_run_and_a_suggestion():
    plan = plan_interviews([company("A", 4), company("B", 3)], start=THURSDAY, today=WEDNESDAY)
    assert [s.company for s in plan.slots] == ["B", "A"]
    assert plan.slots[0].date == THURSDAY
    assert "no practice run" in plan.slots[0].reason
    assert any("No practice run" in n and "company add" in n for n in plan.notes)


def test_all_low_interest_means_no_cluster():
    plan = plan_interviews([company("A", 1), company("B", 2)], today=WEDNESDAY)
    assert {s.kind for s in plan.slots} == {"practice"}
    assert any(n.startswith("No cluster") and "--interest 5" in n for n in plan.notes)


def test_done_and_closed_are_left_out_and_an_all_done_list_says_so():
    plan = plan_interviews(
        [company("A", 1, status="done"), company("B", 5, status="closed")], today=WEDNESDAY
    )
    assert plan.slots == []
    assert [(x.company, x.status) for x in plan.left_out] == [("A", "done"), ("B", "closed")]
    assert any("Nothing to plan" in n for n in plan.notes)


def test_empty_list_says_how_to_add_companies():
    plan = plan_interviews(CompanyList(), today=WEDNESDAY)
    assert plan.slots == []
    assert any("resumetool company add NAME --interest N" in n for n in plan.notes)


def test_start_defaults_to_tomorrow_and_a_past_start_is_refused():
    assert plan_interviews([company("A", 3)], today=WEDNESDAY).slots[0].date == THURSDAY
    assert plan_interviews([company("A", 3)], start=WEDNESDAY, today=WEDNESDAY).start == WEDNESDAY
    with pytest.raises(UsageError) as caught:
        plan_interviews([company("A", 3)], start=WEDNESDAY - dt.timedelta(days=1), today=WEDNESDAY)
    assert caught.value.exit_code == 2
    assert "in the past" in caught.value.one_line()
    assert "2026-11-25" in caught.value.one_line()


@pytest.mark.parametrize(
    ("practice_gap", "cluster_gap"), [(0, 1), (31, 1), (3, -1), (3, 15)], ids=str
)
def test_gaps_out_of_range_are_usage_errors(practice_gap, cluster_gap):
    with pytest.raises(UsageError):
        plan_interviews(
            [company("A", 3)], practice_gap=practice_gap, cluster_gap=cluster_gap, today=WEDNESDAY
        )


def test_a_duplicate_company_is_refused():
    with pytest.raises(InputError, match="listed twice"):
        plan_interviews([company("Acme", 1), company("acme ", 3)], today=WEDNESDAY)


def test_a_past_fixed_date_is_not_planned_again_but_reported():
    plan = plan_interviews(
        [company("Gone By", 2, date=dt.date(2026, 11, 20)), company("Next", 4)], today=WEDNESDAY
    )
    assert [s.company for s in plan.slots] == ["Next"]
    assert [(p.company, p.date) for p in plan.past] == [("Gone By", dt.date(2026, 11, 20))]
    assert any('company set "Gone By" --status done' in n for n in plan.notes)


def test_weekends_are_skipped_unless_allowed():
    companies = [company("A", 1), company("B", 1), company("C", 3), company("D", 4)]
    plan = plan_interviews(companies, start=SATURDAY, today=WEDNESDAY)
    assert all(s.date.isoweekday() <= 5 for s in plan.slots)
    assert plan.slots[0].date == dt.date(2026, 11, 30)
    assert any("weekend" in n and "--weekends" in n for n in plan.notes)

    with_weekends = plan_interviews(companies, start=SATURDAY, weekends=True, today=WEDNESDAY)
    dates = [s.date for s in with_weekends.slots]
    assert dates[0] == SATURDAY
    assert dates[1] == SATURDAY + dt.timedelta(days=3)  # calendar days now
    assert not with_weekends.notes


def test_a_fixed_date_in_the_practice_run_is_kept_and_practice_flows_around_it():
    fixed_day = dt.date(2026, 12, 1)  # Tue, where the second practice slot would go
    companies = [
        company("P1", 1),
        company("P2", 1),
        company("Booked", 2, date=fixed_day),
        company("T", 4),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["Booked"].date == fixed_day and slots["Booked"].kind == "fixed"
    assert "counts as practice" in slots["Booked"].reason
    assert slots["P1"].date == THURSDAY  # 3 business days before Tue: fits
    assert slots["P2"].date == dt.date(2026, 12, 4)  # pushed 3 business days past the fixed one
    assert "after Booked (fixed)" in slots["P2"].reason
    assert slots["T"].date == dt.date(2026, 12, 9)


def test_a_fixed_target_after_the_practice_run_anchors_the_cluster():
    anchor_day = dt.date(2026, 12, 16)  # Wed, well after the practice run
    companies = [
        company("P", 1),
        company("Low", 3),
        company("Fixed", 4, date=anchor_day),
        company("Dream", 5),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["Fixed"].date == anchor_day
    assert slots["Low"].date == anchor_day - dt.timedelta(days=1)
    assert slots["Dream"].date == anchor_day + dt.timedelta(days=1)
    assert "the cluster forms around it" in slots["Fixed"].reason
    assert any("waits for Fixed's fixed date" in n for n in plan.notes)


def test_targets_with_no_room_before_the_anchor_follow_it_in_order():
    # Practice ends Thu 26 Nov; the cluster may start Tue 1 Dec; the anchor is Wed 2 Dec.
    companies = [
        company("P", 1),
        company("T3", 3),
        company("T4", 4),
        company("Anchor", 5, date=dt.date(2026, 12, 2)),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["T3"].date == dt.date(2026, 12, 1)
    assert slots["T4"].date == dt.date(2026, 12, 3)
    assert "no room before Anchor (fixed), so after it" in slots["T4"].reason


def test_a_fixed_target_inside_the_practice_run_stays_with_a_note():
    early = dt.date(2026, 11, 27)
    companies = [company("P1", 1), company("P2", 2), company("Early", 4, date=early)]
    companies.append(company("Late", 3))
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["Early"].date == early
    assert "ahead of the cluster" in slots["Early"].reason
    assert any(n.startswith("Early (interest 4) is fixed") for n in plan.notes)
    # a practice interview may come just before a fixed one (it is practice for it);
    # the next one keeps the full gap after it
    assert slots["P1"].date == THURSDAY
    assert slots["P2"].date == dt.date(2026, 12, 2)
    assert "3 business days after Early (fixed)" in slots["P2"].reason
    assert slots["Late"].date == dt.date(2026, 12, 7)


def test_a_fixed_date_inside_the_cluster_is_skipped_over_not_doubled_up():
    companies = [
        company("T3", 3),
        company("Booked", 1, date=dt.date(2026, 11, 27)),
        company("T4", 4),
        company("T5", 5),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    # the practice run is the fixed Friday; the cluster starts 3 business days later
    assert slots["T3"].date == dt.date(2026, 12, 2)
    assert [slots[n].date.day for n in ("T3", "T4", "T5")] == [2, 3, 4]


def test_cluster_gap_zero_means_the_same_day():
    plan = plan_interviews(
        [company("A", 3), company("B", 4), company("C", 5)], cluster_gap=0, today=WEDNESDAY
    )
    assert len({s.date for s in plan.slots}) == 1
    assert "the same day" in plan.slots[1].reason


def test_a_wide_cluster_gap_is_allowed_but_noted():
    plan = plan_interviews([company("A", 3), company("B", 4)], cluster_gap=4, today=WEDNESDAY)
    assert any("spreads the offers out" in n for n in plan.notes)


# ---------------------------------------------------------------- properties

NAMES = [f"Company {n}" for n in range(12)]
STATUSES = ["target", "applied", "scheduled", "interviewing", "done", "closed"]


@st.composite
def scenarios(draw):
    today = draw(st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
    count = draw(st.integers(0, 9))
    companies = []
    for name in NAMES[:count]:
        fixed = draw(st.none() | st.integers(-10, 50))
        companies.append(
            company(
                name,
                draw(st.integers(1, 5)),
                status=draw(st.sampled_from(STATUSES)),
                date=None if fixed is None else today + dt.timedelta(days=fixed),
            )
        )
    return dict(
        companies=companies,
        today=today,
        start=today + dt.timedelta(days=draw(st.integers(0, 14))),
        practice_gap=draw(st.integers(1, 7)),
        cluster_gap=draw(st.integers(0, 3)),
        weekends=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_planner_properties(case):
    plan = plan_interviews(**case)
    weekends, today = case["weekends"], case["today"]
    companies = case["companies"]
    open_names = [c.name for c in companies if c.status not in ("done", "closed")]

    # every open company exactly once, as a slot or as a passed fixed date
    seen = [s.company for s in plan.slots] + [p.company for p in plan.past]
    assert sorted(seen) == sorted(open_names)

    # fixed dates are kept as they are; passed ones are not planned again
    for c in companies:
        if c.name in open_names and c.date is not None:
            if c.date < today:
                assert c.name in {p.company for p in plan.past}
            else:
                slot = by_name(plan)[c.name]
                assert (slot.date, slot.kind) == (c.date, "fixed")

    planned = [s for s in plan.slots if s.kind != "fixed"]
    for slot in planned:
        assert slot.date >= case["start"]  # nothing before the start
        assert weekends or slot.date.isoweekday() <= 5  # no weekend unless allowed
        assert slot.kind == slot.group

    # practice: at least the gap after every earlier interview, never on a fixed day;
    # flexible interviews after it keep the gap too
    for slot in (s for s in planned if s.kind == "practice"):
        for other in plan.slots:
            if other is slot:
                continue
            if other.date <= slot.date or other.kind != "fixed":
                assert weekday_gap(slot.date, other.date, weekends) >= case["practice_gap"]

    practice = [s for s in planned if s.kind == "practice"]
    targets = [s for s in planned if s.kind == "target"]
    if practice and targets:
        assert max(s.date for s in practice) < min(s.date for s in targets)

    # each group in interest order, ties by file order
    position = {c.name: i for i, c in enumerate(companies)}
    for group in (practice, targets):
        ranks = [(s.interest, position[s.company]) for s in group]
        assert ranks == sorted(ranks)

    # the cluster is a chain: between its first and last target, neighbours are within the gap
    if targets:
        window = [s for s in plan.slots if targets[0].date <= s.date <= targets[-1].date]
        for left, right in itertools.pairwise(window):
            allowed = case["cluster_gap"]
            if any(
                not weekends and s.kind == "fixed" and s.date.isoweekday() > 5
                for s in (left, right)
            ):
                allowed = max(allowed, 1)  # a fixed weekend day cannot be matched exactly
            assert weekday_gap(left.date, right.date, weekends) <= allowed

    # same input, same plan
    assert plan_interviews(**case) == plan


# ---------------------------------------------------------------- calendar


@pytest.fixture
def sample_plan() -> Plan:
    return plan_interviews(
        [
            company("Acme Corp", 1),
            company("Beta, Inc.", 5),
            company("Gamma; Ltd", 3, date=dt.date(2026, 12, 10)),
            company("Dé Ünïcode GmbH — a very long company name that needs folding", 4),
        ],
        start=THURSDAY,
        today=WEDNESDAY,
    )


STAMP = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def test_ics_parses_back_with_the_rfc_5545_essentials(sample_plan):
    from icalendar import Calendar

    data = plan_to_ics(sample_plan, stamp=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only

    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == plan_rules.ICS_PRODID
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(sample_plan.slots)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, slot in zip(events, sample_plan.slots, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and start == slot.date  # all-day
        assert end == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        assert slot.company in str(event["SUMMARY"])
        assert str(event["STATUS"]) == ("CONFIRMED" if slot.kind == "fixed" else "TENTATIVE")
        assert str(event["UID"]) == slot_uid(slot.company)


def test_uid_is_stable_per_company_across_replans(sample_plan):
    from icalendar import Calendar

    later = sample_plan.model_copy(deep=True)
    later.slots = [
        s.model_copy(update={"date": s.date + dt.timedelta(days=7)}) for s in later.slots
    ]
    first = Calendar.from_ical(plan_to_ics(sample_plan, stamp=STAMP))
    second = Calendar.from_ical(plan_to_ics(later, stamp=STAMP + dt.timedelta(days=1)))
    uids = [[str(e["UID"]) for e in c.walk("VEVENT")] for c in (first, second)]
    assert uids[0] == uids[1]
    sequences = [[int(e["SEQUENCE"]) for e in c.walk("VEVENT")] for c in (first, second)]
    assert all(b > a for a, b in zip(sequences[0], sequences[1], strict=True))
    assert slot_uid("Acme  Corp") == slot_uid("acme corp") != slot_uid("Acme Corps")


def test_write_ics_is_atomic_and_an_unwritable_place_is_one_error(sample_plan, tmp_path):
    target = write_ics(sample_plan, tmp_path / "plan.ics", stamp=STAMP)
    assert target.read_bytes() == plan_to_ics(sample_plan, stamp=STAMP)

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(RenderError) as caught:
        write_ics(sample_plan, blocker / "plan.ics", stamp=STAMP)
    assert "cannot write the calendar" in caught.value.one_line()
    assert "\n" not in caught.value.one_line()

    with pytest.raises(UsageError):
        write_ics(sample_plan, tmp_path, stamp=STAMP)  # a folder, not a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "plan.ics"]


def test_an_empty_plan_has_no_calendar(tmp_path: Path):
    empty = plan_interviews([], today=WEDNESDAY)
    with pytest.raises(RenderError, match="no interviews"):
        write_ics(empty, tmp_path / "plan.ics")
    assert not (tmp_path / "plan.ics").exists()


def test_of_two_fixed_targets_far_apart_the_higher_one_anchors_the_other_is_noted():
    companies = [
        company("Near", 3, date=dt.date(2026, 12, 1)),
        company("Far", 5, date=dt.date(2027, 1, 12)),
        company("Flexible", 4),
    ]
    plan = plan_interviews(companies, start=THURSDAY, today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["Flexible"].date == dt.date(2027, 1, 11)  # the day before the anchor
    assert "the cluster forms around it" in slots["Far"].reason
    assert "away from the cluster" in slots["Near"].reason
    assert any(
        n.startswith("Near (interest 3) is fixed on Tuesday 1 December 2026, away from the")
        and "cluster (11–12 January 2027)" in n
        for n in plan.notes
    )


def test_fixed_dates_before_start_and_after_the_run_are_kept_and_labelled():
    companies = [
        company("Before", 2, date=THURSDAY),
        company("After", 1, date=dt.date(2027, 2, 1)),
        company("P", 1),
        company("T", 3),
    ]
    plan = plan_interviews(companies, start=dt.date(2026, 11, 30), today=WEDNESDAY)
    slots = by_name(plan)
    assert slots["Before"].reason == "kept as scheduled (before --start); counts as practice"
    assert slots["After"].reason == "kept as scheduled; after the practice run"
    assert slots["P"].date == dt.date(2026, 12, 1)  # 3 business days after Thu 26 Nov
    assert slots["T"].date == dt.date(2026, 12, 4)
