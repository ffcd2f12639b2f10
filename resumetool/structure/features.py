"""The feature-scoring system: named predicates, weighted by rules.yaml.

Why scoring instead of if-chains: whether a header part is a position, a company or a
place is a matter of evidence (a role word, an org word, a comma, a state code), and
layouts disagree on order and weight. Each feature is a small named predicate with its
own test; ``rules.yaml`` says how much each counts for each field, so a wrong call is
fixed by a weight, not by another special case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..parse.lines import Line
from .dates import has_date

HERE = Path(__file__).parent
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ][\w'’.&-]*")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|me|co)/\S*", re.I)
_PHONE_RE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_LETTER = "(?:[^\\W\\d_][\u0300-\u036f\u1dc0-\u1dff]*)"
"""A letter with the combining accents after it ("ọ̀" in "Adébáyọ̀" has no one-character form)."""
_NAME_RE = re.compile(rf"{_LETTER}+\.?(?:[ '’-]+{_LETTER}+\.?)*")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A YAML data file beside this module (rules, lexicons, headings), loaded once."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(HERE / name)


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """A word list from lexicons.yaml, lower-cased."""
    return frozenset(str(w).lower() for w in load("lexicons.yaml")[name])


@dataclass
class Candidate:
    """A text being scored, with the line it came from and what the scorer knows around it."""

    text: str
    line: Line | None = None
    body_size: float | None = None
    largest_size: float | None = None
    index: int = 0
    headings: Mapping[str, str] | None = None
    """The user's own heading phrases (normalized phrase → section), read with the lexicon."""

    @functools.cached_property
    def words(self) -> list[str]:
        return _WORD_RE.findall(self.text)

    @functools.cached_property
    def lower_words(self) -> list[str]:
        return [w.lower().strip(".'’") for w in self.words]

    @functools.cached_property
    def section(self) -> tuple[str | None, bool]:
        """``heading_section`` of the text, with the user's phrases."""
        return heading_section(self.text, self.headings)


def normalize_heading(text: str) -> str:
    """'Licenses & Certifications:' → 'licenses and certifications'; "I've" → 'ive'."""
    text = text.lower().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"['’]", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@functools.cache
def heading_phrases() -> dict[str, str]:
    """Normalized heading phrase → section key."""
    data = load("headings.yaml")
    return {
        normalize_heading(phrase): section
        for section, phrases in data["sections"].items()
        for phrase in phrases
    }


def section_key(word: str) -> str | None:
    """The section a heading word names ("experience" → 'work', "skills" → 'skills'), for
    keys of the user's ``[headings]`` table; None when the lexicon does not know it."""
    norm = normalize_heading(word)
    if norm in load("headings.yaml")["sections"]:
        return norm
    return heading_section(word)[0]


def user_headings(extra: Mapping[str, Iterable[str]] | None) -> dict[str, str]:
    """The user's ``{section word: [heading, …]}`` as normalized phrase → section key.

    Raises ValueError naming a key that is no section the lexicon knows.
    """
    out: dict[str, str] = {}
    for key, phrases in (extra or {}).items():
        section = section_key(key)
        if section is None:
            known = ", ".join(sorted(load("headings.yaml")["sections"]))
            raise ValueError(f"'{key}' is not a section (use one of: {known})")
        for phrase in [phrases] if isinstance(phrases, str) else phrases:
            if normalize_heading(str(phrase)):
                out[normalize_heading(str(phrase))] = section
    return out


def heading_section(text: str, extra: Mapping[str, str] | None = None) -> tuple[str | None, bool]:
    """(section key, exact) for a heading text: an exact phrase (the user's ``extra`` ones
    first), else the first of its "and"-joined parts that is a phrase or ends in a head
    word ("Work Experience & Projects" → work, "Awards & Recognition" → awards)."""
    norm = normalize_heading(text)
    if not norm:
        return None, False
    phrases = heading_phrases()
    if extra and norm in extra:
        return extra[norm], True
    if norm in phrases:
        return phrases[norm], True
    data = load("headings.yaml")
    if len(norm.split()) > data["max_words"]:
        return None, False
    for part in norm.split(" and "):
        words = part.split()
        if not words:
            continue
        if extra and part in extra:
            return extra[part], False
        if part in phrases:
            return phrases[part], False
        if words[-1] in data["head_words"]:
            return data["head_words"][words[-1]], False
    return None, False


def guess_section(text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The best lexicon guess for a heading the lexicon does not match: the longest known
    phrase inside it, else its last head word anywhere ("Experience So Far" → work);
    None when no word of it is known."""
    words = normalize_heading(text).split()
    phrases = {**heading_phrases(), **(extra or {})}
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if phrase in phrases:
                return phrases[phrase]
    head_words = load("headings.yaml")["head_words"]
    return next((head_words[w] for w in reversed(words) if w in head_words), None)


def is_title_case(text: str) -> bool:
    """Every word capitalised but the small ones ("Where I Have Worked", "Skills & Tools",
    "Selected Experience"): how a heading is written when nothing else marks it."""
    words = [w for w in re.split(r"[\s/]+", text.strip().rstrip(":")) if w]
    if not words or any(ch.isdigit() for ch in text):
        return False
    small = lexicon("title_small_words")
    significant = [w for w in words if w.lower() not in small and w[:1].isalpha()]
    return bool(significant) and all(w[:1].isupper() for w in significant)


@functools.cache
def _exact_suffixes() -> frozenset[str]:
    """Company-form suffixes that are also common words in lower case ("AS", "SA", "AB"):
    matched only as written, after the first word."""
    return frozenset(str(w) for w in load("lexicons.yaml")["legal_suffixes_as_written"])


@functools.cache
def _bare_legal_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's legal forms without full stops: (any case, lower-cased; as written)."""
    any_case = frozenset(w.strip(".") for w in lexicon("legal_suffixes"))
    return any_case, frozenset(w.strip(".") for w in _exact_suffixes())


def is_legal_form(word: str) -> bool:
    """Whether ``word`` is a company's legal form: "Inc.", "LLC", "S.A.", or one that is an
    ordinary word in lower case, written as a legal form is ("AS", "SE")."""
    any_case, as_written = _bare_legal_forms()
    bare = word.strip(" ,.")
    return bare.lower() in any_case or bare in as_written


def _has_word(c: Candidate, name: str) -> bool:
    words = lexicon(name)
    return any(w in words or (w.endswith("s") and w[:-1] in words) for w in c.lower_words)


def _is_location(text: str) -> bool:
    from .contact import parse_location

    return parse_location(text) is not None


# ---- the features -------------------------------------------------------------------
FEATURES: dict[str, Callable[[Candidate], bool]] = {
    "heading_phrase": lambda c: c.section[1],
    "heading_head_word": lambda c: c.section[0] is not None and not c.section[1],
    "title_case_after_space": lambda c: bool(
        c.line and c.line.block_start and len(c.line.segments) == 1 and is_title_case(c.text)
    ),
    "heading_style": lambda c: bool(c.line and c.line.heading_level > 0),
    "all_caps": lambda c: bool(c.line and c.line.caps),
    "bold_line": lambda c: bool(c.line and c.line.bold),
    "larger_than_body": lambda c: bool(
        c.line and c.line.size and c.body_size and c.line.size >= 1.15 * c.body_size
    ),
    "ends_with_colon": lambda c: c.text.rstrip().endswith(":"),
    "short_standalone": lambda c: bool(c.line and len(c.line.segments) == 1) and len(c.words) <= 4,
    "is_bullet": lambda c: bool(c.line and c.line.bullet),
    "has_date": lambda c: has_date(c.text),
    "too_many_words_heading": lambda c: len(c.text.split()) > 6,
    "ends_with_sentence_stop": lambda c: c.text.rstrip().endswith((".", ",", ";")),
    "has_contact_detail": lambda c: bool(
        _EMAIL_RE.search(c.text) or _URL_RE.search(c.text) or _PHONE_RE.search(c.text)
    ),
    "several_segments": lambda c: bool(c.line and len(c.line.segments) > 1),
    "largest_text": lambda c: bool(
        c.line and c.line.size and c.largest_size and c.line.size >= c.largest_size - 0.01
    ),
    "title_style": lambda c: bool(c.line and (c.line.style or "").lower() == "title"),
    "two_to_four_words": lambda c: 2 <= len(c.text.split()) <= 4,
    "letters_only": lambda c: bool(_NAME_RE.fullmatch(c.text.strip())),
    "first_in_header": lambda c: c.index == 0,
    "has_at_or_digit": lambda c: "@" in c.text or any(ch.isdigit() for ch in c.text),
    "has_separator": lambda c: bool(re.search(r"[|,;:•·/]|\s[-–—]\s", c.text)),
    "too_many_words_name": lambda c: len(c.text.split()) > 5,
    "role_word": lambda c: _has_word(c, "role_words"),
    "ends_with_role_word": lambda c: (
        bool(c.lower_words)
        and (
            c.lower_words[-1] in lexicon("role_words")
            or c.lower_words[-1].rstrip("s") in lexicon("role_words")
        )
    ),
    "starts_with_seniority": lambda c: (
        bool(c.lower_words) and c.lower_words[0] in lexicon("seniority_words")
    ),
    "org_word": lambda c: _has_word(c, "org_words"),
    "legal_suffix": lambda c: (
        any(w.lower().strip(",") in lexicon("legal_suffixes") for w in c.text.split())
        or any(w.strip(",") in _exact_suffixes() for w in c.text.split()[1:])
    ),
    "is_location": lambda c: _is_location(c.text),
    "too_many_words_field": lambda c: len(c.text.split()) > 8,
    "inner_comma": lambda c: (
        "," in c.text
        and not any(
            is_legal_form(piece.split()[0]) for piece in c.text.split(",")[1:] if piece.split()
        )
    ),
    "acronym": lambda c: bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}", c.text.strip())),
    "school_word": lambda c: _has_word(c, "school_words"),
    "degree": lambda c: bool(match_degree(c.text)),
}


def score(field: str, candidate: Candidate) -> float:
    """The candidate's score for ``field``: the sum of its features' weights."""
    total = 0.0
    for rule in load("rules.yaml")[field]["rules"]:
        if FEATURES[rule["feature"]](candidate):
            total += float(rule["score"])
    return total


def min_score(field: str) -> float:
    return float(load("rules.yaml")[field]["min_score"])


@functools.cache
def _degree_re() -> re.Pattern[str]:
    names = sorted(load("lexicons.yaml")["degrees"], key=len, reverse=True)
    alternatives = "|".join(re.escape(str(n)).replace(r"\ ", r"\s+") for n in names)
    levels = r"(?:bachelor|master|doctor|associate)(?:'s|’s)?(?=\s+of\s+(?-i:[A-Z]))"
    # An abbreviation ending in "." may touch the next word: "M.Arch.Technische Universität"
    # is how a PDF reads a degree column set flush against the school's.
    # So may one ending in a small letter: "B.TechNational Institute" (match_degree keeps
    # that only for an abbreviation with a full stop).
    end = r"(?:(?=$|[\s,;:(–—-])|(?<=\.)(?=(?-i:[A-Z]))|(?<=[a-z])(?=(?-i:[A-Z][a-z])))"
    return re.compile(rf"^\s*(?P<degree>{alternatives}|{levels}){end}", re.IGNORECASE)


def match_degree(text: str) -> tuple[str, str] | None:
    """(degree, rest) when ``text`` starts with a degree: 'B.S. in CS' → ('B.S.', 'in CS')."""
    match = _degree_re().match(text)
    if not match:
        return None
    degree = match.group("degree").strip()
    rest = text[match.end() :].strip()
    if degree.lower() in lexicon("degrees_capitalised_only") and not degree[:1].isupper():
        return None
    if text[match.end() : match.end() + 1].isalpha() and "." not in degree:
        return None  # "MasterCard": only an abbreviation with a full stop runs into a name
    honours = _HONOURS_RE.match(rest)
    if honours:  # "B.Sc. (Hons)": the class of the degree, part of its name
        degree = f"{degree} {honours.group(0).strip()}"
        rest = rest[honours.end() :].strip()
    named = _NAMED_DEGREE_RE.match(rest) if degree.lower() in lexicon("degree_levels") else None
    if named:  # "Bachelor" + "of Human Resources Management": the degree's own name
        degree = f"{degree} {named.group(0).strip()}"
        rest = rest[named.end() :].strip()
    return degree, rest


_HONOURS_RE = re.compile(r"^(?:\(\s*(?:hons|honours|honors)\.?\s*\)|hons\.?)(?=$|[\s,;:])", re.I)
"""An honours mark right after a degree: "(Hons)", "(Honours)", "Hons"."""

_NAMED_DEGREE_RE = re.compile(
    r"of\s+[A-Z][\w’'-]*(?:\s+(?:(?:and|&|of|the)\s+)?[A-Z][\w’'-]*)*", re.UNICODE
)
"""The name after a degree level that the lexicon does not list: "of Human Resources
Management" (capitalised words, joined by "and", "&", "of"), up to "in", a comma or the end."""
