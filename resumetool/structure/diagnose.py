"""Say when a parse looks wrong, in words a person can act on.

Why: a parser that silently files a work history under "Not placed" (an unknown
heading) or turns a skills table into a flat list looks like it worked; the user finds
out only when ``analyze`` calls every skill absent. These checks read the parsed Resume
alone (pure, no file), so they run on a fresh parse and on any stored version alike, and
each warning says what to rename or add. Thresholds and words are in diagnose.yaml.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..wording import count_noun
from .dates import find_range
from .features import guess_section, is_title_case, load, match_degree

if TYPE_CHECKING:
    from ..model import Resume

__all__ = ["diagnose"]


@functools.cache
def _settings() -> dict[str, Any]:
    return dict(load("diagnose.yaml"))


def diagnose(resume: Resume) -> list[str]:
    """Warnings about a parse that looks wrong, each with what to do; [] when it looks right.

    - no sections found at all (every line left unplaced);
    - no work entry although unplaced lines carry dates;
    - many lines unplaced: names the first one that looks like a heading and the standard
      heading to rename it to (or the ``[headings]`` line to add to resumetool.toml);
    - skills that look like group labels ("Programming", "Data") mixed into the keywords;
    - a work entry with no dates and no lines among dated ones (what follows a heading the
      parser did not know reads as one more role: "My toolbox" / "Python, SQL").
    """
    settings = _settings()
    unplaced = [text for text in resume.meta.unparsed if text.strip()]
    warnings: list[str] = []
    placed = any(
        getattr(resume, key)
        for key in ("work", "education", "skills", "projects", "volunteer", "certificates")
    )
    heading = _first_heading(unplaced)
    advice = _rename_advice(heading, unplaced) if heading else ""
    if not placed and unplaced:
        warnings.append(
            "no sections were found: put each part of the resume under a heading on a line "
            f"of its own (Experience, Education, Skills).{advice}"
        )
        return warnings
    dated = [text for text in unplaced if _dated(text)]
    if not resume.work and len(dated) >= int(settings["min_dated_unplaced"]):
        warnings.append(
            f"no work entries were found, but {count_noun(len(dated), 'line')} with dates "
            f"{'was' if len(dated) == 1 else 'were'} not placed (first: '{_short(dated[0])}'): "
            f"is the work history under a heading resumetool does not know?{advice}"
        )
        advice = ""
    if len(unplaced) >= int(settings["min_unplaced"]):
        warnings.append(
            f"{count_noun(len(unplaced), 'line')} {'was' if len(unplaced) == 1 else 'were'} not "
            f"placed in any section (`resumetool parse` lists them under 'Not placed').{advice}"
        )
    warnings.extend(_label_skills(resume))
    warnings.extend(_bare_undated_work(resume))
    return warnings


def _bare_undated_work(resume: Resume) -> list[str]:
    """One warning for the work entries with neither dates nor lines, when other entries
    are dated: a real role without dates still has bullets, so such an entry is most
    likely a section whose heading was not recognised."""
    dated = [w for w in resume.work if w.startDate or w.endDate]
    bare = [
        w
        for w in resume.work
        if not (w.startDate or w.endDate or w.highlights or w.summary or w.description)
    ]
    if not dated or not bare:
        return []
    names = ", ".join(f"'{_short(w.display_name(), 40)}'" for w in bare[:3])
    return [
        f"{count_noun(len(bare), 'work entry')} without dates or lines among dated ones ({names}):"
        " is that a section under a heading resumetool does not know? Rename the heading to"
        " a standard one (Experience, Education, Skills, Projects), or add it under"
        " [headings] in resumetool.toml"
    ]


def _rename_advice(heading: str, unplaced: list[str]) -> str:
    """The sentence that says what to rename the heading to (" Rename 'WHERE I HAVE
    WORKED' to 'Experience', or add …"), from its words or the lines under it."""
    section = guess_section(heading) or _section_of_lines(unplaced[unplaced.index(heading) + 1 :])
    titles = _settings()["standard_titles"]
    if section in titles:
        key = "experience" if section == "work" else section
        return (
            f" Rename '{heading}' to '{titles[section]}', or add it to resumetool.toml: "
            f'[headings] {key} = ["{heading}"]'
        )
    return (
        f" Rename '{heading}' to a standard heading (Experience, Education, Skills, "
        "Projects), or add it under [headings] in resumetool.toml"
    )


def _first_heading(lines: list[str]) -> str | None:
    """The first unplaced line that reads as a heading: a few words, capitals or title
    case, no digits, no sentence stop."""
    limit = int(_settings()["heading_max_words"])
    for text in lines:
        words = text.split()
        if not words or len(words) > limit or any(ch.isdigit() for ch in text):
            continue
        if text.rstrip().endswith((".", ",", ";", "!", "?")) or "@" in text:
            continue
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 3 and (all(c.isupper() for c in letters) or is_title_case(text)):
            return text
    return None


def _section_of_lines(lines: list[str]) -> str | None:
    """What the lines under an unknown heading read as: dated lines → work, degrees →
    education, comma lists → skills."""
    sample = lines[:6]
    if not sample:
        return None
    if any(match_degree(text) for text in sample):
        return "education"
    if any(_dated(text) for text in sample):
        return "work"
    if sum(_is_list(text) for text in sample) * 2 >= len(sample):
        return "skills"
    return None


def _is_list(text: str) -> bool:
    """'Python, SQL, Scala': two or more short items between commas."""
    items = [item.split() for item in text.split(",")]
    return len(items) > 1 and all(0 < len(words) <= 4 for words in items)


def _label_skills(resume: Resume) -> list[str]:
    words = frozenset(str(w) for w in _settings()["label_words"])
    least = int(_settings()["min_label_keywords"])
    out: list[str] = []
    for skill in resume.skills:
        labels = [k for k in skill.keywords if _label_word(k, words)]
        if len(labels) >= least:
            shown = ", ".join(f"'{k}'" for k in labels[:4])
            where = f"skill group '{skill.name}'" if skill.name else "the skills list"
            out.append(
                f"{where} has keywords that look like group labels ({shown}): write each "
                f"group as 'Label: a, b, c' (e.g. '{labels[0]}: …'), or as a table with the "
                "label in its own column"
            )
    return out


def _label_word(keyword: str, words: frozenset[str]) -> bool:
    parts = [p for p in re.split(r"[\s&/+,-]+|\band\b", keyword.lower()) if p]
    return bool(parts) and all(p in words for p in parts)


def _dated(text: str) -> bool:
    found = find_range(text)
    return found is not None and (found.end != found.start or found.current or "-" in found.start)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
