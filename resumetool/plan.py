"""The interview plan: practice companies first and spaced, target companies packed together.

Why: the method interviews first where a rejection costs little, with days in between to
reflect and revise the resume, and then packs the interviews that matter so their offers
arrive together and can be weighed against each other. ``plan_interviews`` is a pure
function from the company list to a ``Plan``; ``plan_to_ics``/``write_ics`` turn a plan
into an RFC 5545 calendar. The CLI only reads the workspace and prints.

Rules (the numbers are in ``plan_rules.py``):

- Companies ``done`` or ``closed`` are left out, and so is a company whose latest logged
  interview ended it (rejected, withdrawn, an offer) while companies.yaml still says it is
  open (the file was edited by hand), with a note naming that interview — unless the
  company has a fixed date after it (a new round). A fixed date that has passed is not
  planned again; it is reported so the user can mark the company done or give a new date.
- Interest ≤ ``PRACTICE_MAX_INTEREST`` → practice run; above → target cluster.
- Order inside each group: interest ascending, ties by order in ``companies.yaml`` (the
  file is the user's own ranking, so reordering it is how to break a tie on purpose).
  In the cluster the highest interest comes last: practice keeps paying off through the
  cluster, so the company that matters most meets the best-prepared candidate, while the
  tight spacing still brings all answers in together.
- Days: without ``weekends`` only Monday–Friday are planned and every gap is counted in
  business days; ``day_distance(a, b)`` is the number of plannable days in ``(a, b]``.
- Practice slots start on the first plannable day ≥ ``start``; each comes at least
  ``practice_gap`` plannable days after every earlier interview (the previous practice one
  or a fixed date), never on a fixed day. One may come shortly *before* a fixed interview:
  it is practice for it, and moving it past would take that away.
- Fixed practice-interest interviews that fall inside the practice run belong to it (and
  start it when no practice company is flexible).
- The cluster starts ``practice_gap`` days after the practice run. A fixed target date on or
  after that day anchors it (the highest-interest one, then the earliest): the flexible
  targets ranked below the anchor fill the days before it, those ranked above follow it,
  each ``cluster_gap`` days from its neighbour; what finds no room before the anchor moves
  right after it. Flexible slots skip days already taken by a fixed interview (unless
  ``cluster_gap`` is 0, which means the same day on purpose).
- A fixed target date before the cluster can start stays where it is, with a note asking
  to move it into the cluster; one far after the cluster likewise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from . import plan_rules as rules
from .dates import date_span, long_date, short_date, written_date
from .errors import InputError, RenderError, UsageError
from .interview import Company, CompanyList, Interview, company_key
from .interview_rules import FINAL_OUTCOMES, OUTCOME_TO_STATUS
from .wording import count_noun, shell_word

SlotKind = Literal["practice", "target", "fixed"]
Group = Literal["practice", "target"]

ONE_DAY = dt.timedelta(days=1)
ADD_COMPANY = "`resumetool company add NAME --interest N`"


class Slot(BaseModel):
    """One planned (or fixed) interview day."""

    date: dt.date
    company: str
    interest: int
    kind: SlotKind = Field(description="practice / target: planned here; fixed: kept as given")
    group: Group = Field(description="which run the company's interest puts it in")
    reason: str


class PastDate(BaseModel):
    """A fixed date that has passed while the company is still open."""

    company: str
    date: dt.date
    interest: int


class LeftOut(BaseModel):
    company: str
    status: str
    interview: str | None = Field(
        default=None, description="the interview whose outcome ended it, if not the status"
    )


class Plan(BaseModel):
    """The schedule, the inputs that shaped it, and notes for the user."""

    today: dt.date
    start: dt.date
    practice_gap: int
    cluster_gap: int
    weekends: bool
    practice_max_interest: int = rules.PRACTICE_MAX_INTEREST
    slots: list[Slot] = Field(default_factory=list)
    past: list[PastDate] = Field(default_factory=list)
    left_out: list[LeftOut] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------- days


def is_plannable(day: dt.date, weekends: bool) -> bool:
    return weekends or day.weekday() < 5


def advance(day: dt.date, days: int, weekends: bool) -> dt.date:
    """The ``days``-th plannable day after ``day``; 0 → ``day`` itself or the next plannable."""
    return _walk(day, days, weekends, ONE_DAY)


def retreat(day: dt.date, days: int, weekends: bool) -> dt.date:
    """The ``days``-th plannable day before ``day``; 0 → ``day`` itself or the previous one."""
    return _walk(day, days, weekends, -ONE_DAY)


def _walk(day: dt.date, days: int, weekends: bool, step: dt.timedelta) -> dt.date:
    if days == 0:
        while not is_plannable(day, weekends):
            day += step
        return day
    while days:
        day += step
        if is_plannable(day, weekends):
            days -= 1
    return day


def day_distance(a: dt.date, b: dt.date, weekends: bool) -> int:
    """Plannable days in ``(min(a, b), max(a, b)]``: the gap as the plan counts it."""
    low, high = sorted((a, b))
    count, day = 0, low
    while day < high:
        day += ONE_DAY
        count += is_plannable(day, weekends)
    return count


def describe_day(day: dt.date) -> str:
    """'Mon 23 Nov 2026': a day in the plan's table (``dates.short_date``; notes, which
    are prose, use ``dates.long_date``)."""
    return short_date(day)


def _gap_words(days: int, weekends: bool) -> str:
    if days == 0:
        return "the same day"
    return count_noun(days, "day" if weekends else "business day")


# ---------------------------------------------------------------------------- planner


@dataclass
class _Entry:
    """A company with its place in companies.yaml (the tie-breaker)."""

    index: int
    company: Company

    @property
    def name(self) -> str:
        return self.company.name

    @property
    def interest(self) -> int:
        return self.company.interest

    @property
    def rank(self) -> tuple[int, int]:
        return (self.company.interest, self.index)

    @property
    def group(self) -> Group:
        return "practice" if self.interest <= rules.PRACTICE_MAX_INTEREST else "target"

    @property
    def is_fixed(self) -> bool:
        return self.company.date is not None

    @property
    def fixed_day(self) -> dt.date:
        """The company's own date; asked only of fixed entries."""
        assert self.company.date is not None
        return self.company.date


def plan_interviews(
    companies: CompanyList | Iterable[Company],
    start: dt.date | None = None,
    practice_gap: int = rules.DEFAULT_PRACTICE_GAP,
    cluster_gap: int = rules.DEFAULT_CLUSTER_GAP,
    weekends: bool = False,
    today: dt.date | None = None,
    interviews: Iterable[Interview] = (),
) -> Plan:
    """Schedule the open companies: a spaced practice run, then a packed target cluster.

    Why pure: the rules are easy to get subtly wrong around fixed dates and weekends, so
    the planner takes ``today`` as an argument and is property-tested without a clock.
    ``start`` defaults to tomorrow; a start in the past is refused (``UsageError``), since
    silently moving it would plan days the user did not ask for. ``interviews``: the
    logged ones, so a company whose latest interview ended it is not planned again.
    """
    today = today or dt.date.today()
    start = start or today + ONE_DAY
    if start < today:
        raise UsageError(
            f"the start date {start.isoformat()} is in the past (today is {today.isoformat()})",
            hint="give today or a later date with --start, or leave it out to start tomorrow",
        )
    _check_range("--practice-gap", practice_gap, rules.PRACTICE_GAP_RANGE)
    _check_range("--cluster-gap", cluster_gap, rules.CLUSTER_GAP_RANGE)

    items = companies.companies if isinstance(companies, CompanyList) else list(companies)
    plan = Plan(
        today=today,
        start=start,
        practice_gap=practice_gap,
        cluster_gap=cluster_gap,
        weekends=weekends,
    )
    if not items:
        plan.notes.append(
            f"No companies yet: add them with {ADD_COMPANY} (1 = practice … 5 = dream job)."
        )
        return plan

    _refuse_duplicates(items)
    _Planner(
        plan, [_Entry(i, c) for i, c in enumerate(items)], _latest_by_company(interviews)
    ).run()
    plan.slots.sort(key=lambda s: s.date)  # stable: same-day slots keep placement order
    return plan


def _latest_by_company(interviews: Iterable[Interview]) -> dict[str, Interview]:
    """Each company's latest interview (by date, then id), keyed by ``company_key``."""
    latest: dict[str, Interview] = {}
    for interview in sorted(interviews, key=lambda iv: (iv.date, iv.id or "")):
        latest[company_key(interview.company)] = interview
    return latest


def _refuse_duplicates(items: list[Company]) -> None:
    seen: set[str] = set()
    for company in items:
        key = company_key(company.name)
        if key in seen:
            raise InputError(
                f"{company.name} is listed twice in companies.yaml",
                hint="keep one entry per company (the plan and the calendar need one each)",
            )
        seen.add(key)


def _check_range(option: str, value: int, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise UsageError(f"{option} {value} is out of range", hint=f"use {low} to {high} days")


class _Planner:
    """One planning run, in the order ``run`` reads: sort out the companies, the practice
    run, then the target cluster. A class so the steps share the plan and the fixed days."""

    def __init__(self, plan: Plan, entries: list[_Entry], latest: dict[str, Interview]):
        self.plan = plan
        self.weekends = plan.weekends
        self.latest = latest
        self.open = self._open_entries(entries)
        self.fixed_days = sorted({e.fixed_day for e in self.open if e.is_fixed})
        self.first_day = advance(plan.start, 0, self.weekends)
        self.practice_end: dt.date | None = None
        """The last practice interview, once the practice run is placed."""

    def run(self) -> None:
        if not self.open:
            if not self.plan.past:
                self.plan.notes.append(
                    "Nothing to plan: every company is done or closed."
                    f" Add more with {ADD_COMPANY}."
                )
            return
        self._start_notes()
        cluster_start = self._practice_run()
        self._cluster(cluster_start)

    # -- what is planned at all

    def _open_entries(self, entries: list[_Entry]) -> list[_Entry]:
        """The companies to plan; done or closed ones and passed dates go to the plan's
        ``left_out`` and ``past``."""
        plan = self.plan
        open_entries = []
        for entry in entries:
            status = entry.company.status
            ended = self._ended_by(entry)
            if status in ("done", "closed"):
                plan.left_out.append(LeftOut(company=entry.name, status=status))
            elif ended is not None:
                closing = OUTCOME_TO_STATUS[ended.outcome]
                plan.left_out.append(
                    LeftOut(company=entry.name, status=closing, interview=ended.id)
                )
                plan.notes.append(
                    f"{entry.name} is left out: its latest interview"
                    f" ({ended.id or written_date(ended.date)}) has the outcome"
                    f" {ended.outcome}, though companies.yaml still says {status}; mark it with"
                    f" `resumetool company set {shell_word(entry.name)} --status {closing}`."
                )
            elif entry.is_fixed and entry.fixed_day < plan.today:
                plan.past.append(
                    PastDate(company=entry.name, date=entry.fixed_day, interest=entry.interest)
                )
                plan.notes.append(
                    f"{entry.name}'s date, {long_date(entry.fixed_day)}, has passed but it is"
                    f" still {status}: mark it done (`resumetool company set"
                    f" {shell_word(entry.name)} --status done`) or give it its new date."
                )
            else:
                open_entries.append(entry)
        return open_entries

    def _ended_by(self, entry: _Entry) -> Interview | None:
        """The company's latest interview if its outcome ended the process, and no fixed
        date after it says a new round is planned."""
        latest = self.latest.get(company_key(entry.name))
        if latest is None or latest.outcome not in FINAL_OUTCOMES:
            return None
        if entry.is_fixed and entry.fixed_day > latest.date:
            return None
        return latest

    def _start_notes(self) -> None:
        plan = self.plan
        if self.first_day != plan.start:
            plan.notes.append(
                f"{long_date(plan.start)} is a weekend day; the plan starts"
                f" {long_date(self.first_day)} (use --weekends to plan weekends too)."
            )
        if plan.cluster_gap > rules.METHOD_MAX_CLUSTER_GAP:
            plan.notes.append(
                f"A cluster gap of {plan.cluster_gap} days spreads the offers out; the method"
                f" keeps target interviews 0–{rules.METHOD_MAX_CLUSTER_GAP} days apart."
            )
        groups = {e.group for e in self.open}
        if "practice" not in groups:
            plan.notes.append(
                "No practice run: every open company has interest"
                f" {rules.PRACTICE_MAX_INTEREST + 1} or more. Add one or two you care less about"
                " and interview there first: `resumetool company add NAME --interest 1`."
            )
        if "target" not in groups:
            plan.notes.append(
                f"No cluster: every open company has interest {rules.PRACTICE_MAX_INTEREST}"
                " or less, so all of them are practice. Add the companies you want most:"
                " `resumetool company add NAME --interest 5`."
            )

    # -- the practice run

    def _practice_run(self) -> dt.date:
        """Place the practice companies; return the first day the cluster may use."""
        gap = self.plan.practice_gap
        group = sorted((e for e in self.open if e.group == "practice"), key=lambda e: e.rank)
        flexible = [e for e in group if not e.is_fixed]
        fixed = sorted((e for e in group if e.is_fixed), key=lambda e: (e.fixed_day, e.index))

        last: dt.date | None = None
        for number, entry in enumerate(flexible, 1):
            wanted = self.first_day if last is None else advance(last, gap, self.weekends)
            day, blocker = self._after_fixed(wanted, gap)
            head = f"practice {number} of {len(flexible)}: "
            if blocker is not None and day != wanted:
                names = ", ".join(
                    e.name for e in self.open if e.is_fixed and e.fixed_day == blocker
                )
                reason = head + f"{self._gap(gap)} after {names} (fixed), to reflect"
            elif number == 1:
                reason = head + "lowest interest first, a rejection costs least"
            else:
                reason = head + f"{self._gap(gap)} after the last, to reflect"
            self._add(entry, day, "practice", reason + self._tie_words(entry, group))
            last = day

        # Fixed practice interviews inside the run extend it; with no flexible practice
        # company, the first fixed one starts it.
        cluster_start = self.first_day if last is None else advance(last, gap, self.weekends)
        in_run: set[int] = set()
        for entry in fixed:
            day = entry.fixed_day
            if day <= cluster_start or (last is None and not in_run):
                in_run.add(entry.index)
                cluster_start = max(cluster_start, advance(day, gap, self.weekends))
                last = max(last or day, day)
        for entry in fixed:
            where = "counts as practice" if entry.index in in_run else "after the practice run"
            self._add(entry, entry.fixed_day, "fixed", f"{self._fixed_words(entry)}; {where}")
        self.practice_end = last
        return cluster_start

    def _after_fixed(self, day: dt.date, gap: int) -> tuple[dt.date, dt.date | None]:
        """Move ``day`` later until it is ``gap`` plannable days after every fixed date on
        or before it; also return the fixed date that moved it last, if any.

        Why only after: the gap is time to reflect on the interview before. A practice
        interview shortly *before* a fixed one is still practice for it; pushing it past
        the fixed date would take that practice away.
        """
        blocker = None
        moved = True
        while moved:
            moved = False
            for fixed in self.fixed_days:
                if fixed <= day and day_distance(fixed, day, self.weekends) < gap:
                    day = advance(fixed, gap, self.weekends)
                    blocker, moved = fixed, True
        return day, blocker

    # -- the target cluster

    def _cluster(self, cluster_start: dt.date) -> None:
        """Place the flexible targets around the anchor (if any), then keep the fixed ones."""
        group = [e for e in self.open if e.group == "target"]
        flexible = sorted((e for e in group if not e.is_fixed), key=lambda e: e.rank)
        fixed = [e for e in group if e.is_fixed]
        late = [e for e in fixed if e.fixed_day >= cluster_start]
        anchor = (
            max(late, key=lambda e: (e.interest, -e.fixed_day.toordinal(), -e.index))
            if late
            else None
        )
        placed = self._place_targets(flexible, anchor, cluster_start)

        top_flexible = flexible[-1] if flexible else None
        anchor_beats_all = anchor is not None and (
            top_flexible is None or anchor.rank > top_flexible.rank
        )
        gap, count = self.plan.cluster_gap, len(placed)
        earliest = advance(cluster_start, 0, self.weekends)
        for number, (entry, day, extra) in enumerate(sorted(placed, key=lambda p: p[1]), 1):
            if entry is top_flexible and not anchor_beats_all and count > 1:
                reason = f"target {number} of {count}: highest interest last, most practice"
            elif number == 1 and anchor is not None and day > earliest:
                reason = f"target 1 of {count}: opens the cluster around {anchor.name} (fixed)"
            elif number == 1 and self.practice_end is not None:
                reason = (
                    f"target 1 of {count}: opens the cluster"
                    f" {self._gap(self.plan.practice_gap)} after the last practice"
                )
            elif number == 1:
                reason = f"target 1 of {count}: opens the cluster (no practice run)"
            else:
                reason = (
                    f"target {number} of {count}: within {self._gap(gap)} of the last,"
                    " so offers arrive together"
                )
            self._add(entry, day, "target", reason + extra + self._tie_words(entry, group))

        self._fixed_targets(fixed, anchor, [day for _, day, _ in placed], cluster_start)

    def _place_targets(
        self, flexible: list[_Entry], anchor: _Entry | None, cluster_start: dt.date
    ) -> list[tuple[_Entry, dt.date, str]]:
        """Days for the flexible targets (lowest rank first), each ``cluster_gap`` from its
        neighbour: from ``cluster_start`` on, or, with an anchor, those ranked below it
        before it and the rest after it. Returns (entry, day, extra reason) in rank order."""
        gap, weekends = self.plan.cluster_gap, self.weekends
        taken = set(self.fixed_days)

        def forward(day: dt.date) -> dt.date:
            day = advance(day, gap, weekends)
            while gap and day in taken:
                day = advance(day, 1, weekends)
            return day

        def backward(day: dt.date) -> dt.date:
            day = retreat(day, gap, weekends)
            while gap and day in taken:
                day = retreat(day, 1, weekends)
            return day

        placed: list[tuple[_Entry, dt.date, str]] = []
        if anchor is None:
            day: dt.date | None = None
            for entry in flexible:
                day = advance(cluster_start, 0, weekends) if day is None else forward(day)
                taken.add(day)
                placed.append((entry, day, ""))
            return placed

        below = [e for e in flexible if e.rank < anchor.rank]
        room: list[dt.date] = []
        day = anchor.fixed_day
        for _ in below:
            day = backward(day)
            if day < cluster_start:
                break
            room.append(day)
        room.reverse()
        for entry, day in zip(below, room, strict=False):
            taken.add(day)
            placed.append((entry, day, ""))
        day = anchor.fixed_day
        for entry in flexible[len(room) :]:
            day = forward(day)
            taken.add(day)
            displaced = entry.rank < anchor.rank
            note = f"; no room before {anchor.name} (fixed), so after it" if displaced else ""
            placed.append((entry, day, note))
        return placed

    def _fixed_targets(
        self,
        fixed: list[_Entry],
        anchor: _Entry | None,
        cluster_days: list[dt.date],
        cluster_start: dt.date,
    ) -> None:
        """Keep fixed target dates; say which sit in the cluster and which do not."""
        chain = list(cluster_days)
        if anchor is not None:
            chain.append(anchor.fixed_day)
        members = self._cluster_members(fixed, anchor, chain)
        span = date_span(min(chain), max(chain)) if chain else ""

        for entry in sorted(fixed, key=lambda e: (e.fixed_day, e.index)):
            day = entry.fixed_day
            words = self._fixed_words(entry)
            if anchor is not None and entry is anchor:
                words += "; the cluster forms around it" if cluster_days else ""
            elif entry.index in members:
                words += "; inside the cluster"
            elif day < cluster_start:
                inside_run = self.practice_end is not None and day <= self.practice_end
                where = " inside the practice run," if inside_run else ""
                if span:
                    words += "; ahead of the cluster: ask to move it into it"
                    self.plan.notes.append(
                        f"{entry.name} (interest {entry.interest}) is fixed on"
                        f" {long_date(day)},{where} ahead of the cluster ({span}): less"
                        " practice before it, and its answer may come before the others'."
                        " If you can, ask to move it into the cluster."
                    )
                elif inside_run:
                    words += "; inside the practice run"
            else:
                words += "; away from the cluster: ask to move it closer"
                self.plan.notes.append(
                    f"{entry.name} (interest {entry.interest}) is fixed on {long_date(day)},"
                    f" away from the cluster ({span}): its answer may not come with the"
                    " others'. If you can, ask to move it closer."
                )
            self._add(entry, day, "fixed", words)

        if anchor is not None and cluster_days:
            first = min([*cluster_days, anchor.fixed_day])
            idle = day_distance(cluster_start, first, self.weekends)
            if idle > self.plan.practice_gap:
                self.plan.notes.append(
                    f"The cluster waits for {anchor.name}'s fixed date"
                    f" ({long_date(anchor.fixed_day)}): {self._gap(idle)} free after"
                    " the practice run — time for mock interviews (`resumetool practice`) or"
                    " another practice company."
                )

    def _cluster_members(
        self, fixed: list[_Entry], anchor: _Entry | None, chain: list[dt.date]
    ) -> set[int]:
        """The fixed targets within ``cluster_gap`` of the cluster, or of one already in it
        (``chain``, the cluster's days, grows as they join)."""
        members = {anchor.index} if anchor is not None else set()
        grown = True
        while grown and chain:
            grown = False
            for entry in fixed:
                day = entry.fixed_day
                if entry.index not in members and any(
                    day_distance(day, other, self.weekends) <= self.plan.cluster_gap
                    for other in chain
                ):
                    members.add(entry.index)
                    chain.append(day)
                    grown = True
        return members

    # -- words

    def _gap(self, days: int) -> str:
        return _gap_words(days, self.weekends)

    def _fixed_words(self, entry: _Entry) -> str:
        day = entry.fixed_day
        if day < self.plan.start:
            return "kept as scheduled (before --start)"
        if not is_plannable(day, self.weekends):
            return "kept as scheduled (a weekend day)"
        return "kept as scheduled"

    def _tie_words(self, entry: _Entry, group: list[_Entry]) -> str:
        """Name the tie and how it was broken, so the order never looks arbitrary. Only
        flexible companies tie: one with a fixed date is never placed by the order."""
        same = [
            e for e in group if e is not entry and e.interest == entry.interest and not e.is_fixed
        ]
        if not same:
            return ""
        return f"; tie with {', '.join(e.name for e in same)}: order in companies.yaml"

    def _add(self, entry: _Entry, day: dt.date, kind: SlotKind, reason: str) -> None:
        self.plan.slots.append(
            Slot(
                date=day,
                company=entry.name,
                interest=entry.interest,
                kind=kind,
                group=entry.group,
                reason=reason,
            )
        )


# ---------------------------------------------------------------------------- calendar


def slot_uid(company: str) -> str:
    """One UID per company: re-importing a re-planned calendar moves the event.

    Why not company + date: the plan starts tomorrow by default, so every re-plan shifts
    dates; a date in the UID would leave the old event behind as a duplicate.
    """
    key = company_key(company)
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:40] or "company"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}@{rules.ICS_UID_DOMAIN}"


def plan_to_ics(plan: Plan, *, stamp: dt.datetime | None = None) -> bytes:
    """The plan as an iCalendar file of all-day events.

    Why all-day: the planner picks days, not hours; a made-up time would block the wrong
    hours and shift across time zones. Planned slots are TENTATIVE and free (TRANSPARENT);
    fixed ones CONFIRMED. SEQUENCE grows with the stamp so a newer plan wins on re-import.
    """
    from icalendar import Calendar, Event

    if not plan.slots:
        raise RenderError(
            "the plan has no interviews, so there is no calendar to write",
            hint=f"add companies with {ADD_COMPANY}",
        )
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    sequence = int((stamp - dt.datetime(2020, 1, 1, tzinfo=dt.UTC)).total_seconds() // 60)

    calendar = Calendar()
    calendar.add("prodid", rules.ICS_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", rules.ICS_CALENDAR_NAME)
    for slot in plan.slots:
        event = Event()
        event.add("uid", slot_uid(slot.company))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", max(sequence, 0))
        event.add("dtstart", slot.date)
        event.add("dtend", slot.date + ONE_DAY)
        label = "Practice interview" if slot.group == "practice" else "Interview"
        event.add("summary", f"{label}: {slot.company}")
        event.add(
            "description",
            f"Interest {slot.interest}/5, {slot.kind}. {slot.reason[0].upper()}{slot.reason[1:]}."
            "\nPlanned by resumetool (resumetool plan).",
        )
        event.add("categories", [slot.group])
        event.add("status", "CONFIRMED" if slot.kind == "fixed" else "TENTATIVE")
        event.add("transp", "OPAQUE" if slot.kind == "fixed" else "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(plan: Plan, path: Path, *, stamp: dt.datetime | None = None) -> Path:
    """Write the calendar atomically; an unwritable place is one ``RenderError``."""
    from .files import write_output

    return write_output(path, plan_to_ics(plan, stamp=stamp), "the calendar")
