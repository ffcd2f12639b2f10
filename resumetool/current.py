"""Where the job search stands now: the current resume analyzed against every interview.

Why a module of its own: the report and the practice questions both need the same thing —
the taxonomy, the interviews (interest filled from companies.yaml), the current resume
(the latest version, or one the user names) and its analysis — and the report's numbers
must be exactly what ``resumetool analyze`` prints for the same resume. So both go through
``load_current``, which calls the analyzer's own ``analyze_many`` with the same demand.
It also turns the analyzer's places (``work[0] highlight 3``) into words a reader knows
("Senior Program Manager, Northgate Supply Co. — bullet 4") and picks the lines that can
carry a spoken answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from .analyze import Analysis, Place, SkillReport
    from .interview import Interview
    from .model import Resume
    from .skills import Taxonomy
    from .versions import Version
    from .workspace import Workspace

STORY_SECTIONS = ("work", "volunteer", "projects", "awards", "publications", "education")
"""Sections whose lines can carry a story told in an interview (a skills list cannot)."""
SECTION_NAMES = {
    "work": "work",
    "volunteer": "volunteering",
    "projects": "project",
    "awards": "award",
    "publications": "publication",
    "education": "education",
    "certificates": "certificate",
    "skills": "skills",
    "languages": "languages",
    "interests": "interests",
    "meta": "unplaced line",
}
FIGURE = re.compile(r"\d")
STRONG_FIGURE = re.compile(r"\d\s*%|[$€£¥]\s*\d|\d+(?:[.,]\d+)?\s*[kKmMbB×x]\b|\bfrom \d")
"""A line with a figure can anchor a "quantify it" answer; a %, a currency or a from→to
figure anchors it best."""


class Anchor(BaseModel):
    """A resume line that could carry an answer, and where it stands."""

    where: str
    text: str
    section: str
    entry: int | None = None
    highlight: int | None = None


@dataclass
class Current:
    """The inputs and the analysis every after-interview view is built from."""

    workspace: Workspace
    taxonomy: Taxonomy
    interviews: list[Interview]
    resume: Resume | None
    label: str | None
    version: Version | None
    analysis: Analysis
    parent_label: str | None = None
    parent_analysis: Analysis | None = None

    def row(self, term: str) -> SkillReport | None:
        """The analysis row of an asked term (as written, or the skill it resolves to)."""
        return find_row(self.analysis, term, self.taxonomy)

    def parent_row(self, term: str) -> SkillReport | None:
        if self.parent_analysis is None:
            return None
        return find_row(self.parent_analysis, term, self.taxonomy)


def find_row(analysis: Analysis, term: str, taxonomy: Taxonomy) -> SkillReport | None:
    wanted = {" ".join(term.split()).casefold(), taxonomy.resolve(term).name.casefold()}
    for row in analysis.skills:
        if row.skill.casefold() in wanted:
            return row
    key = taxonomy.resolve(term).key
    return next((r for r in analysis.skills if taxonomy.resolve(r.skill).key == key), None)


def load_current(
    workspace: Workspace,
    *,
    resume_ref: str | None = None,
    asked: Sequence[str] = (),
    with_parent: bool = False,
) -> Current:
    """Read the workspace and analyze the current resume against its interviews.

    ``resume_ref``: a version (``v2``, ``latest``) or a resume file; default the latest
    version, or none when nothing is imported yet (the analysis then runs on an empty
    resume, for the demand alone). ``asked``: analyze these skills instead of every skill
    the interviews asked about (the demand still comes from the interviews).
    ``with_parent``: also analyze the version's parent with the same demand, to show what
    the last draft changed.
    """
    from .analyze import analyze_many
    from .model import Resume
    from .skills import load_taxonomy
    from .versions import VERSION_DIR

    settings = workspace.settings()
    taxonomy = load_taxonomy(settings.skills, source=workspace.settings_path)
    interviews = workspace.interviews_with_interest()
    resume: Resume | None
    version = None
    if resume_ref is None:
        version = workspace.latest_version()
        resume, label = (version.resume(), version.label) if version else (None, None)
    else:
        resume, label = workspace.resolve_resume(resume_ref)
        if label and VERSION_DIR.match(label):
            version = workspace.version(label)
    pairs: list[tuple[str, Resume]] = [(label or "", resume or Resume())]
    parent_label = None
    if with_parent and version is not None and version.meta.parent:
        parent_label = version.meta.parent
        try:
            pairs.append((parent_label, workspace.version(parent_label).resume()))
        except Exception:  # a parent deleted by hand: show the version on its own
            parent_label = None
    analyses = analyze_many(pairs, taxonomy=taxonomy, asked=asked, interviews=interviews)
    return Current(
        workspace=workspace,
        taxonomy=taxonomy,
        interviews=interviews,
        resume=resume,
        label=label,
        version=version,
        analysis=analyses[0],
        parent_label=parent_label,
        parent_analysis=analyses[1] if parent_label else None,
    )


# -- places in words ----------------------------------------------------------------------


def _entry(resume: Resume, section: str, index: int | None) -> Any:
    entries = getattr(resume, section, None)
    if index is None or not isinstance(entries, list) or not 0 <= index < len(entries):
        return None
    return entries[index]


def entry_title(resume: Resume, section: str, index: int | None) -> str:
    """'Senior Program Manager, Northgate Supply Co.' — the words a reader knows it by."""
    entry = _entry(resume, section, index)
    if entry is None:
        return SECTION_NAMES.get(section, section)
    if section == "skills":
        return f"skills: {entry.name}" if entry.name else "skills list"
    return entry.display_name() or SECTION_NAMES.get(section, section)


def place_label(resume: Resume | None, place: Place) -> str:
    """A place of the analysis in a reader's words."""
    section, field = place.section, place.field
    if section == "basics":
        return "headline" if field == "label" else "summary"
    if section == "meta":
        return "a line the parser could not place"
    if resume is None:
        return SECTION_NAMES.get(section, section)
    title = entry_title(resume, section, place.entry)
    if section == "skills":
        return title
    if place.highlight is not None:
        noun = "course" if field == "courses" else "bullet"
        return f"{title} — {noun} {place.highlight + 1}"
    if field in ("summary", "description"):
        return f"{title} — {field}"
    return title


def _order(place: Place) -> tuple[int, int, int]:
    section = STORY_SECTIONS.index(place.section) if place.section in STORY_SECTIONS else 99
    return (section, place.entry or 0, -1 if place.highlight is None else place.highlight)


def anchors_for(row: SkillReport, resume: Resume | None, limit: int) -> list[Anchor]:
    """Lines that name or show the skill and can carry a story: roles and projects first,
    in resume order; a skills list or the summary is no story and is left out."""
    if resume is None:
        return []
    places = [*row.emphasis.mentions, *row.evidence]
    seen: set[str] = set()
    chosen = []
    for place in sorted((p for p in places if p.section in STORY_SECTIONS), key=_order):
        if place.text in seen:
            continue
        seen.add(place.text)
        chosen.append(_anchor(resume, place))
    return chosen[:limit]


def _anchor(resume: Resume, place: Place) -> Anchor:
    return Anchor(
        where=place_label(resume, place),
        text=place.text,
        section=place.section,
        entry=place.entry,
        highlight=place.highlight,
    )


def figure_lines(resume: Resume | None, limit: int) -> list[Anchor]:
    """Bullets with figures in them, most recent role first, the strongest (%, $, from→to)
    before plain counts: what a "quantify your results" answer can quote."""
    from .analyze import Place

    if resume is None:
        return []
    found: list[tuple[int, Anchor]] = []
    for section in ("work", "volunteer", "projects"):
        for i, entry in enumerate(getattr(resume, section)):
            for j, text in enumerate(entry.highlights):
                if FIGURE.search(text):
                    place = Place(
                        section=section, entry=i, highlight=j, field="highlights", text=text
                    )
                    strength = 0 if STRONG_FIGURE.search(text) else 1
                    found.append((strength, _anchor(resume, place)))
    found.sort(key=lambda item: item[0])  # stable: resume order among equals
    return [anchor for _, anchor in found[:limit]]


def words_in(text: str, name: str) -> bool:
    """``name`` appears in ``text`` as whole words, any case ("Scrum" in "no Scrum examples")."""
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text.casefold()) is not None


def source_path(workspace: Workspace, name: str) -> Path | None:
    """A user's own copy of a data file in the workspace's templates/ folder, if any."""
    path = workspace.root / "templates" / name
    return path if path.is_file() else None
