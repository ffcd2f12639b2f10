"""Mock-interview practice: questions for what the interviews ask, anchored in the resume.

Why: the method says to practise what went badly before the next interview. The skills
interviewers keep asking about and the cons the candidate keeps writing down are the
topics; a question bank shipped as data (``practice_questions.yaml``) gives the questions;
the candidate's own resume lines (the analyzer's mentions and evidence) are the stories a
STAR answer can stand on. For a skill the resume neither names nor shows, there is no
story to tell: the advice is to learn it or to bring an honest, transferable story —
never to claim it.

``group_cons`` (cons fuzzy-grouped across interviews, rapidfuzz) and ``drill_for`` are
also what the report's "cons that recur" section uses. Everything here is pure except
``build_practice`` and ``workspace_bank``, which read the workspace.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from . import practice_rules as R
from .current import (
    Anchor,
    anchors_for,
    entry_title,
    figure_lines,
    load_current,
    source_path,
    words_in,
)
from .errors import UsageError
from .templating import md_escape, md_keep_code
from .wording import count_noun, distinct_phrases

if TYPE_CHECKING:
    from .analyze import SkillReport
    from .current import Current
    from .interview import Interview
    from .model import Resume
    from .skills import SkillDef
    from .workspace import Workspace

BANK_FILE = "practice_questions.yaml"
BANK_PATH = Path(__file__).resolve().parent / BANK_FILE
SKILL_PLACEHOLDER = "{skill}"

# -- the question bank (data) -------------------------------------------------------------


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuestionSet(_Data):
    behavioural: list[str] = Field(default_factory=list)
    technical: list[str] = Field(default_factory=list)


class ConTheme(_Data):
    title: str
    match: list[str]
    anchor: Literal["numbers", "skills", "none"] = "none"
    drill: str
    questions: list[str]


class ConGeneral(_Data):
    drill: str
    questions: list[str]


class AbsentAdvice(_Data):
    learn: str
    learn_plain: str
    transfer: str
    answer: str


class Bank(_Data):
    """practice_questions.yaml (see the comment at its top)."""

    schema_: int = Field(default=1, alias="schema")
    skills: dict[str, QuestionSet] = Field(default_factory=dict)
    categories: dict[str, QuestionSet] = Field(default_factory=dict)
    fields: dict[str, QuestionSet] = Field(default_factory=dict)
    general: QuestionSet
    con_themes: dict[str, ConTheme] = Field(default_factory=dict)
    con_general: ConGeneral
    absent: AbsentAdvice

    def lookup(self, table: dict[str, QuestionSet], key: str) -> QuestionSet | None:
        """An entry by key, any case (a few dozen keys: a scan costs nothing)."""
        wanted = key.casefold()
        return next((v for k, v in table.items() if k.casefold() == wanted), None)

    def theme_of(self, con: str) -> str | None:
        """The first theme (in file order) one of whose match words is in ``con``."""
        for name, theme in self.con_themes.items():
            if any(pattern.search(con) for pattern in _patterns(tuple(theme.match))):
                return name
        return None


@functools.cache
def _patterns(words: tuple[str, ...]) -> list[re.Pattern[str]]:
    """A match entry as a regex: whole words (plural too), or a prefix when it ends in *."""
    patterns = []
    for word in words:
        body = r"\s+".join(re.escape(part) for part in word.rstrip("*").split())
        tail = r"\w*" if word.endswith("*") else r"(?:s|es)?(?!\w)"
        patterns.append(re.compile(rf"(?<!\w){body}{tail}", re.IGNORECASE))
    return patterns


def load_bank(override: Path | None = None) -> Bank:
    """The shipped bank; entries of ``override`` (the user's copy) replace same-keyed ones."""
    data = _read_bank(BANK_PATH)
    if override is not None:
        from .files import read_yaml

        extra = read_yaml(override)
        if isinstance(extra, dict):
            for key, value in extra.items():
                if isinstance(value, dict) and isinstance(data.get(key), dict):
                    data[key] = {**data[key], **value}
                elif key != "schema":
                    data[key] = value
        from .files import validate

        return validate(Bank, data, override)
    return _shipped_bank()


def workspace_bank(workspace: Workspace) -> Bank:
    """The bank with the workspace's own ``templates/practice_questions.yaml`` over it."""
    return load_bank(source_path(workspace, BANK_FILE))


@functools.cache
def _shipped_bank() -> Bank:
    from .files import validate

    return validate(Bank, _read_bank(BANK_PATH), BANK_PATH)


def _read_bank(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    with open(path, encoding="utf-8") as handle:
        return dict(YAML(typ="safe").load(handle))


# -- questions for a skill ----------------------------------------------------------------


class Question(BaseModel):
    text: str
    kind: Literal["behavioural", "technical", "con"]


def questions_for(
    name: str, skill: SkillDef, bank: Bank, count: int, *, behavioural: bool = True
) -> list[Question]:
    """``count`` questions on a skill, most specific first: the skill's own, then its
    category's, its field's, then the general ones; behavioural and technical alternate.
    ``behavioural=False`` (a skill the candidate has never used) asks only technical
    questions: there is no "tell me about a time" story to tell."""
    sets = [
        bank.lookup(bank.skills, skill.name),
        bank.lookup(bank.categories, skill.category),
        bank.lookup(bank.fields, skill.field),
        bank.general,
    ]
    pools: dict[str, list[str]] = {"behavioural": [], "technical": []}
    for found in sets:
        if found is None:
            continue
        for kind in pools:
            for text in getattr(found, kind):
                text = text.replace(SKILL_PLACEHOLDER, name)
                if text not in pools[kind]:
                    pools[kind].append(text)
    order = ["behavioural", "technical"] if behavioural else ["technical"]
    chosen: list[Question] = []
    position = {kind: 0 for kind in order}
    while len(chosen) < count and any(position[k] < len(pools[k]) for k in order):
        for kind in order:
            if len(chosen) < count and position[kind] < len(pools[kind]):
                chosen.append(Question(text=pools[kind][position[kind]], kind=kind))  # type: ignore[arg-type]
                position[kind] += 1
    return chosen


# -- cons across interviews -----------------------------------------------------------------


class ConItem(BaseModel):
    text: str
    interview: str
    company: str
    date: dt.date


class ConGroup(BaseModel):
    """Cons that say the same thing (a theme, or fuzzy-similar words), across interviews."""

    title: str
    theme: str | None = None
    items: list[ConItem]

    @property
    def interviews(self) -> list[str]:
        return list(dict.fromkeys(item.interview for item in self.items))

    @property
    def recurring(self) -> bool:
        return len(self.interviews) >= R.RECURRING_MIN_INTERVIEWS


def _topic_words(text: str) -> str:
    words = re.findall(r"[\w'’-]+", text.casefold())
    return " ".join(w for w in words if w not in R.CON_IGNORED_WORDS)


def same_con(a: str, b: str) -> bool:
    """Two cons say the same thing: 'vague on metrics' ≈ 'too vague about metrics'."""
    from rapidfuzz import fuzz

    left, right = _topic_words(a), _topic_words(b)
    if not left or not right:
        return False
    if left == right:
        return True
    shorter = min(len(left.split()), len(right.split()))
    scorer = fuzz.token_set_ratio if shorter >= R.SUBSET_MIN_WORDS else fuzz.ratio
    return scorer(left, right) >= R.CON_SIMILARITY


def group_cons(interviews: Sequence[Interview], bank: Bank) -> list[ConGroup]:
    """Every con of every interview, grouped: one group per theme of the bank, and cons of
    no theme joined when their words match closely. Recurring groups first (most
    interviews, then most recent), then the rest."""
    items = [
        ConItem(text=text, interview=iv.id or iv.company, company=iv.company, date=iv.date)
        for iv in interviews
        for text in iv.cons
    ]
    themes = [bank.theme_of(item.text) for item in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            if (themes[i] is not None and themes[i] == themes[j]) or same_con(
                items[i].text, items[j].text
            ):
                parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(root(i), []).append(i)
    groups = []
    theme_order = list(bank.con_themes)
    for indexes in members.values():
        named = [themes[i] for i in indexes if themes[i] is not None]
        theme = None
        if named:
            counts = Counter(named)
            theme = min(counts, key=lambda t: (-counts[t], theme_order.index(t)))
        if theme is not None:
            title = bank.con_themes[theme].title
        else:
            texts = Counter(items[i].text for i in indexes)
            title = max(texts, key=lambda t: texts[t])
        groups.append(ConGroup(title=title, theme=theme, items=[items[i] for i in indexes]))
    groups.sort(
        key=lambda g: (
            not g.recurring,
            -len(g.interviews),
            -max(item.date for item in g.items).toordinal(),
            g.title.casefold(),
        )
    )
    return groups


def recurring_cons(interviews: Sequence[Interview], bank: Bank) -> list[ConGroup]:
    return [g for g in group_cons(interviews, bank) if g.recurring]


def drill_for(group: ConGroup, bank: Bank) -> str:
    """The mock-interview drill for a group of cons: its theme's, else the general one
    naming the con."""
    theme = bank.con_themes.get(group.theme) if group.theme else None
    text = theme.drill if theme else bank.con_general.drill.replace("{con}", group.title)
    return " ".join(text.split())


# -- the practice set ---------------------------------------------------------------------


class SkillPractice(BaseModel):
    skill: str
    verdict: str | None
    """None when no resume is imported yet."""
    demand: float
    interviews: list[str]
    questions: list[Question]
    anchors: list[Anchor]
    advice: str
    prepare: list[str] = Field(default_factory=list)
    """For a skill the resume neither names nor shows: what to do instead of a story."""


class ConPractice(BaseModel):
    title: str
    theme: str | None
    cons: list[ConItem]
    interviews: list[str]
    recurring: bool
    drill: str
    questions: list[Question]
    anchors: list[Anchor]
    skills: list[str] = Field(default_factory=list)
    """Demanded skills the cons name (their lines are the anchors)."""


class Practice(BaseModel):
    resume: str | None
    interview: str | None = None
    skills: list[SkillPractice]
    cons: list[ConPractice]
    notes: list[str] = Field(default_factory=list)
    chosen: bool = False
    """The skills are the ones the user named (``--skill``), not those the interviews asked."""


ADVICE = {
    "emphasized": "Your resume leads with this: tell the story behind the first line below.",
    "buried": (
        "The story is in your resume but low down: tell it first, and say the word {skill}."
    ),
    "implied": (
        "Your lines show {skill} without naming it: say the word {skill} when you tell them."
    ),
    "list-only": (
        "Only {places} {verb} {skill}, no role or project: write down the true story behind"
        " it before the interview, in STAR form."
    ),
    "absent": "Nothing in your resume shows {skill}. Do not claim it; prepare instead:",
    "no-resume": (
        "Import your resume (`resumetool import FILE`) to see which of your lines can"
        " anchor these answers."
    ),
}


def skill_practice(
    row: SkillReport,
    current: Current,
    bank: Bank,
    *,
    count: int = R.QUESTIONS_PER_SKILL,
) -> SkillPractice:
    """Questions, anchor lines and advice for one analysed skill."""
    skill = current.taxonomy.resolve(row.skill)
    resume = current.resume
    verdict = row.verdict if resume is not None else None
    absent = verdict == "absent"
    questions = questions_for(row.skill, skill, bank, count, behavioural=not absent)
    anchors = anchors_for(row, resume, R.ANCHORS_PER_ITEM)
    prepare: list[str] = []
    if resume is None:
        key = "no-resume"
    elif absent:
        key = "absent"
        prepare = prepare_instead(row.skill, skill, resume, bank)
    elif not anchors:
        key = "list-only"
    else:
        key = verdict or "buried"
    advice = ADVICE[key].replace(SKILL_PLACEHOLDER, row.skill)
    if key == "list-only":
        places = _places_in_words(row)
        verb = "names" if len(places) == 1 else "name"
        advice = advice.replace("{places}", " and ".join(places)).replace("{verb}", verb)
    return SkillPractice(
        skill=row.skill,
        verdict=verdict,
        demand=row.demand.score,
        interviews=row.demand.interviews,
        questions=questions,
        anchors=anchors,
        advice=advice,
        prepare=prepare,
    )


PLACE_WORDS = {"basics": "your summary", "skills": "your skills list"}


def _places_in_words(row: SkillReport) -> list[str]:
    """Where a skill is named outside roles and projects: 'your summary', 'your skills list'."""
    places = [*row.emphasis.mentions, *row.evidence]
    words = dict.fromkeys(PLACE_WORDS.get(p.section, f"your {p.section}") for p in places)
    return list(words) or ["your resume"]


def prepare_instead(name: str, skill: SkillDef, resume: Resume, bank: Bank) -> list[str]:
    """For a skill with no evidence: learn it, bring a transferable story, answer honestly."""
    advice = bank.absent
    if skill.evidence:
        topics = ", ".join(f"'{e}'" for e in distinct_phrases(skill.evidence, 4))
        learn = advice.learn.replace("{evidence}", topics)
    else:
        learn = advice.learn_plain
    closest = closest_entry(skill, resume)
    near = f" (the nearest in your resume: {closest})" if closest else ""
    transfer = advice.transfer.replace("{closest}", near)
    return [text.replace(SKILL_PLACEHOLDER, name) for text in (learn, transfer, advice.answer)]


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{4,}", text.casefold())
    return {w[: R.CLOSEST_STEM] for w in words if w not in R.CLOSEST_IGNORED_WORDS}


def closest_entry(skill: SkillDef, resume: Resume) -> str | None:
    """The role or project whose words share the most with the skill, its category, field
    and evidence phrases ('HIPAA' → healthcare compliance → 'Mesa Health Partners'); None
    when nothing shares a word. A pointer to a transferable story, not a claim."""
    wanted = _stems(" ".join((skill.name, skill.category, skill.field, *skill.evidence)))
    if not wanted:
        return None
    best: tuple[int, int, str] | None = None
    for section in ("work", "volunteer", "projects"):
        for index, entry in enumerate(getattr(resume, section)):
            head = " ".join(
                str(v)
                for v in (
                    getattr(entry, "name", None),
                    getattr(entry, "organization", None),
                    getattr(entry, "position", None),
                    getattr(entry, "summary", None),
                    getattr(entry, "description", None),
                )
                if v
            )
            score = len(wanted & _stems(" ".join((head, *entry.highlights))))
            if score and (best is None or score > best[0]):
                title = entry_title(resume, section, index)
                best = (score, index, title)
    return best[2] if best else None


def con_practice(
    group: ConGroup, current: Current, bank: Bank, *, count: int = R.QUESTIONS_PER_CON
) -> ConPractice:
    """The mock interview for one con (or group of cons): the theme's drill and questions,
    and the lines to practise on (figures for metrics, the named skills' stories…)."""
    theme = bank.con_themes.get(group.theme) if group.theme else None
    texts = [item.text for item in group.items]
    named = [
        row for row in current.analysis.skills if any(words_in(text, row.skill) for text in texts)
    ]
    anchors: list[Anchor] = []
    kind = theme.anchor if theme else "skills"
    if kind == "numbers":
        anchors = figure_lines(current.resume, R.ANCHORS_PER_ITEM)
    elif kind == "skills":
        for row in named:
            for anchor in anchors_for(row, current.resume, R.ANCHORS_PER_ITEM):
                if all(anchor.text != a.text for a in anchors):
                    anchors.append(anchor)
        anchors = anchors[: R.ANCHORS_PER_ITEM]
    pool = theme.questions if theme is not None else bank.con_general.questions
    questions = [Question(text=q, kind="con") for q in pool[:count]]
    return ConPractice(
        title=group.title,
        theme=group.theme,
        cons=group.items,
        interviews=group.interviews,
        recurring=group.recurring,
        drill=drill_for(group, bank),
        questions=questions,
        anchors=anchors,
        skills=[row.skill for row in named],
    )


def build_practice(
    workspace: Workspace,
    *,
    skills: Sequence[str] = (),
    interview: str | None = None,
    resume_ref: str | None = None,
    count: int = R.QUESTIONS_PER_SKILL,
) -> Practice:
    """What ``resumetool practice`` shows.

    Default: every skill the interviews asked about (most demanded first) and every
    recurring con. ``skills``: just those skills. ``interview``: the skills that interview
    asked about and each of its cons (recurring or not).
    """
    skills = [" ".join(s.split()) for s in skills if s.strip()]
    chosen = workspace.interview(interview) if interview else None
    interviews = workspace.interviews()
    if not interviews and not skills:
        raise UsageError(
            "no interviews logged yet, so nothing says what to practise",
            hint="log one with `resumetool interview add`, or pass --skill SKILL",
        )
    asked = skills or (chosen.asked if chosen is not None else [])
    if chosen is not None and not asked and not chosen.cons:
        raise UsageError(
            f"interview {chosen.id} lists no skills asked and no cons, so there is nothing"
            " to practise from it",
            hint=f"add them with `resumetool interview edit {chosen.id}`",
        )
    bank = workspace_bank(workspace)
    current = load_current(workspace, resume_ref=resume_ref, asked=asked)
    rows = list(current.analysis.skills)
    if skills:  # in the order the user named them
        wanted = [s.casefold() for s in skills]
        rows.sort(
            key=lambda r: (
                wanted.index(r.skill.casefold()) if r.skill.casefold() in wanted else len(wanted)
            )
        )
    else:
        rows.sort(key=lambda r: -r.demand.score)  # stable: priority order among equals
    notes = []
    if current.resume is None:
        notes.append(ADVICE["no-resume"])
    if not rows and not skills:
        notes.append(
            "No skills asked about yet: add them (`asked: [...]`) with `resumetool interview"
            " edit ID`, or name some with `resumetool practice --skill SKILL`."
        )
    skill_sets = [skill_practice(row, current, bank, count=count) for row in rows]
    cons: list[ConPractice] = []
    if not skills:
        cons, con_notes = _con_practices(current, bank, chosen)
        notes += con_notes
    return Practice(
        resume=current.label,
        interview=chosen.id if chosen is not None else None,
        skills=skill_sets,
        cons=cons,
        notes=notes,
        chosen=bool(skills),
    )


def _con_practices(
    current: Current, bank: Bank, chosen: Interview | None
) -> tuple[list[ConPractice], list[str]]:
    """A mock interview for each con of ``chosen``, or for each recurring con; and notes
    saying why there are none."""
    notes = []
    groups = group_cons(current.interviews, bank)
    if chosen is not None:
        groups = [g for g in groups if chosen.id in g.interviews]
    else:
        groups = [g for g in groups if g.recurring]
    any_cons = any(iv.cons for iv in current.interviews)
    if chosen is None and not groups and any_cons:
        notes.append(
            "No con recurs yet across your interviews; `resumetool practice --interview ID`"
            " practises one interview's cons."
        )
    if not any_cons:
        notes.append(
            "No cons recorded yet: after each interview add three with"
            " `resumetool interview edit ID`."
        )
    return [con_practice(g, current, bank) for g in groups], notes


# -- presentation -------------------------------------------------------------------------


def to_markdown(practice: Practice) -> str:
    """The practice set as Markdown: one section per skill, then per con."""
    lines = ["# Practice for your next interview", ""]
    if practice.chosen:
        scope = "For the skills you chose"
    elif practice.interview:
        scope = f"From interview {practice.interview}"
    else:
        scope = "From all your interviews"
    resume = f"resume {practice.resume}" if practice.resume else "no resume imported yet"
    lines += [f"{md_escape(scope)}, with {md_escape(resume)}.", ""]
    for note in practice.notes:
        lines += [f"> {md_keep_code(note)}", ""]
    if practice.skills:
        heading = "The skills you chose" if practice.chosen else "Skills they ask about"
        lines += [f"## {heading}", ""]
    for item in practice.skills:
        asked = len(item.interviews)
        # A skill named with --skill may be one no interview has asked about yet.
        times = (
            f"asked in {count_noun(asked, 'interview')}"
            if asked
            else "not asked in an interview yet"
        )
        verdict = f", {item.verdict} in your resume" if item.verdict else ""
        lines += [f"### {md_escape(item.skill)} ({times}{verdict})", "", md_escape(item.advice), ""]
        for step in item.prepare:
            lines.append(f"- {md_escape(step)}")
        if item.prepare:
            lines.append("")
        for number, question in enumerate(item.questions, 1):
            lines.append(f"{number}. {md_escape(question.text)} *({question.kind})*")
        lines.append("")
        lines += _anchor_lines("Your lines to build the answer on:", item.anchors)
    if practice.cons:
        heading = "Your cons" if practice.interview else "Cons that recur"
        lines += [f"## {heading}: a mock interview on each", ""]
    for con in practice.cons:
        lines += [f"### {md_escape(con.title)}", ""]
        for item in con.cons:
            lines.append(
                f"- “{md_escape(item.text)}” ({md_escape(item.company)}, {item.date.isoformat()})"
            )
        lines += ["", f"Mock interview: {md_escape(con.drill)}", ""]
        for number, question in enumerate(con.questions, 1):
            lines.append(f"{number}. {md_escape(question.text)}")
        lines.append("")
        lines += _anchor_lines("Lines to practise on:", con.anchors)
    return "\n".join(lines).rstrip() + "\n"


def _anchor_lines(heading: str, anchors: Sequence[Anchor]) -> list[str]:
    if not anchors:
        return []
    items = [f"- {md_escape(anchor.text)} — *{md_escape(anchor.where)}*" for anchor in anchors]
    return [heading, "", *items, ""]


def to_json(practice: Practice) -> dict[str, Any]:
    return practice.model_dump(mode="json")
