"""Validation of the shipped skills taxonomy (resumetool/taxonomy/*.yaml) as plain data.

Why: the matcher trusts these files. A typo'd key, an alias claimed by two skills, or a
short ambiguous name left non-strict turns into wrong verdicts on someone's resume, and
nothing else would notice. The files are loaded directly (no resumetool code) so a broken
data file is reported here, by file and skill, whatever state the loader is in.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

TAXONOMY_DIR = ROOT / "resumetool" / "taxonomy"

ALLOWED_KEYS = {
    "name",
    "category",
    "aliases",
    "evidence",
    "strict",
    "not_before",
    "not_after",
    "context",
}
LIST_KEYS = ("aliases", "evidence", "not_before", "not_after", "context")

# Names that are ordinary words or very short and must never be matched loosely
# (DESIGN.md's traps: go-to-market, R&D, C-suite, JavaScript, excellent, reacted,
# Spring 2021, swiftly, rust-proofing, scalable).
MUST_BE_STRICT = ("Go", "R", "C", "Java", "Excel", "React", "Spring", "Swift", "Rust", "Scala")

# A form (name or alias, casefolded) that two skills may both claim, with the reason.
# Keep this tiny: a shared form makes every match of it ambiguous.
SHARED_FORMS_ALLOWED: dict[str, str] = {}

MIN_SKILLS = 1000
MIN_FIELDS = 12
MIN_EVIDENCE_CHARS = 3


def _load(path: Path) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents() -> dict[str, Any]:
    paths = sorted(TAXONOMY_DIR.glob("*.yaml"))
    assert paths, f"no taxonomy files in {TAXONOMY_DIR}"
    return {path.name: _load(path) for path in paths}


@pytest.fixture(scope="module")
def skills(documents: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(file name, skill mapping) for every well-formed skill entry of every file."""
    found = []
    for file_name, document in documents.items():
        if isinstance(document, dict) and isinstance(document.get("skills"), list):
            found.extend(
                (file_name, skill) for skill in document["skills"] if isinstance(skill, dict)
            )
    return found


def _forms(skill: dict[str, Any]) -> list[str]:
    """The ways a skill is NAMED: its canonical name and its aliases."""
    return [skill["name"], *skill.get("aliases", [])]


def _strict_forms(skill: dict[str, Any]) -> set[str]:
    """The forms matched only as written: every name for ``strict: true``, the listed names
    and evidence phrases for ``strict: [forms]`` (``strict: [ML]`` on machine learning)."""
    strict = skill.get("strict", False)
    if strict is True:
        return set(_forms(skill))
    return set(strict) if isinstance(strict, list) else set()


def _label(file_name: str, skill: dict[str, Any]) -> str:
    return f"{file_name}: {skill.get('name')!r}"


def _is_clean_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value and value != ""


def test_each_file_has_one_field_of_its_own_and_a_skill_list(documents):
    problems = []
    files_of_field: dict[str, list[str]] = defaultdict(list)
    for file_name, document in documents.items():
        if not isinstance(document, dict) or set(document) != {"field", "skills"}:
            problems.append(f"{file_name}: top level must be exactly the keys field, skills")
            continue
        if not _is_clean_text(document["field"]):
            problems.append(f"{file_name}: field must be non-empty text")
        else:
            files_of_field[document["field"].casefold()].append(file_name)
        if not isinstance(document["skills"], list) or not document["skills"]:
            problems.append(f"{file_name}: skills must be a non-empty list")
        elif not all(isinstance(skill, dict) for skill in document["skills"]):
            problems.append(f"{file_name}: every skill must be a mapping")
    problems += [
        f"field {field!r} is split over {files}"
        for field, files in files_of_field.items()
        if len(files) > 1
    ]
    assert not problems, "\n".join(problems)


def test_skill_keys_and_value_types(skills):
    problems = []
    for file_name, skill in skills:
        label = _label(file_name, skill)
        unknown = set(skill) - ALLOWED_KEYS
        if unknown:
            problems.append(f"{label}: unknown keys {sorted(unknown)}")
        for key in ("name", "category"):
            if not _is_clean_text(skill.get(key)):
                problems.append(f"{label}: {key} must be non-empty text without outer spaces")
        strict = skill.get("strict", False)
        if isinstance(strict, list):
            own = {*_forms(skill), *skill.get("evidence", [])}
            if not strict or not set(strict) <= own:
                problems.append(
                    f"{label}: a strict list must name some of the skill's names or evidence"
                )
        elif not isinstance(strict, bool):
            problems.append(f"{label}: strict must be true, false or a list of the skill's forms")
        for key in LIST_KEYS:
            values = skill.get(key, [])
            if not isinstance(values, list) or not all(_is_clean_text(v) for v in values):
                problems.append(f"{label}: {key} must be a list of non-empty texts")
            elif len(set(values)) != len(values):
                problems.append(f"{label}: {key} repeats an entry")
    assert not problems, "\n".join(problems)


PLACEHOLDERS = ("#year", "#number")


def test_veto_words_use_only_the_known_placeholders(skills):
    """'#year' stands for a year (2021, '21), '#number' for any number (taxonomy/README.md);
    a bare '#' is the literal token (C in 'C#')."""
    problems = [
        f"{_label(file_name, skill)}: {key} has {word!r}; the placeholders are {PLACEHOLDERS}"
        for file_name, skill in skills
        for key in ("not_before", "not_after")
        for word in skill.get(key, [])
        if word.startswith("#") and word != "#" and word not in PLACEHOLDERS
    ]
    assert not problems, "\n".join(problems)


def _capitalized_words(skill: dict[str, Any]) -> set[str]:
    """One-word names and evidence written with capitals (Python, SAP): found in lower case
    ('ball python'), they need context when the lower-case word is an English word."""
    forms = [*_forms(skill), *skill.get("evidence", [])]
    return {form for form in forms if form.isalpha() and not form.islower()}


def test_context_is_given_only_to_skills_it_can_apply_to(skills):
    """Context governs strict matches and lower-case renderings of capitalized one-word
    names (taxonomy/README.md); on any other skill it would be silently ignored."""
    problems = [
        f"{_label(file_name, skill)}: context applies to no form; add strict: true or a list"
        for file_name, skill in skills
        if skill.get("context") and not _strict_forms(skill) and not _capitalized_words(skill)
    ]
    assert not problems, "\n".join(problems)


def test_canonical_names_are_unique_across_files(skills):
    owners: dict[str, list[str]] = defaultdict(list)
    for file_name, skill in skills:
        owners[skill["name"].casefold()].append(_label(file_name, skill))
    duplicates = {name: where for name, where in owners.items() if len(where) > 1}
    assert not duplicates, "\n".join(f"{name}: {where}" for name, where in duplicates.items())


def test_no_name_or_alias_is_claimed_by_two_skills(skills):
    owners: dict[str, set[str]] = defaultdict(set)
    for file_name, skill in skills:
        for form in _forms(skill):
            owners[form.casefold()].add(_label(file_name, skill))
    shared = {
        form: sorted(where)
        for form, where in owners.items()
        if len(where) > 1 and form not in SHARED_FORMS_ALLOWED
    }
    assert not shared, "\n".join(f"{form!r} names {where}" for form, where in shared.items())


def test_no_alias_repeats_its_own_name(skills):
    problems = [
        f"{_label(file_name, skill)}: an alias repeats the name"
        for file_name, skill in skills
        if skill["name"] in skill.get("aliases", [])
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", MUST_BE_STRICT)
def test_known_ambiguous_names_are_strict(skills, name):
    matching = [skill for _, skill in skills if skill["name"] == name]
    assert matching, f"no skill named exactly {name!r}"
    assert all(name in _strict_forms(skill) for skill in matching), f"{name!r} must be strict"


def test_evidence_phrases_are_specific(skills):
    problems = []
    for file_name, skill in skills:
        own_forms = {form.casefold() for form in _forms(skill)}
        for phrase in skill.get("evidence", []):
            if len(phrase) < MIN_EVIDENCE_CHARS:
                problems.append(f"{_label(file_name, skill)}: evidence {phrase!r} is too short")
            if phrase.casefold() in own_forms:
                problems.append(
                    f"{_label(file_name, skill)}: evidence {phrase!r} is a name, not evidence"
                )
    assert not problems, "\n".join(problems)


def _reads_as_a_word(form: str) -> bool:
    """True for 'Spark', 'spark', 'SPARK', 'ML': letters only, in a casing ordinary words
    take. 'ReactJS', 'SaltStack' or 'Node.js' are spellings no ordinary word has."""
    return form.isalpha() and (form.islower() or form.isupper() or form == form.capitalize())


def test_evidence_never_bypasses_a_strict_name(skills):
    """Evidence is matched loosely (any case, any inflection). A strict form that reads as
    an ordinary word, used as evidence elsewhere ('Spark' as evidence for big data), would
    match 'spark' the word and undo the strict rule; use a longer phrase ('Apache Spark'), or
    make the evidence strict too (``strict: [Greenhouse]`` on applicant tracking systems)."""
    strict_words = {
        form.casefold(): skill["name"]
        for _, skill in skills
        for form in _strict_forms(skill)
        if _reads_as_a_word(form)
    }
    problems = [
        f"{_label(file_name, skill)}: evidence {phrase!r} is the strict form of "
        f"{strict_words[phrase.casefold()]!r}"
        for file_name, skill in skills
        for phrase in skill.get("evidence", [])
        if phrase.casefold() in strict_words and phrase not in _strict_forms(skill)
    ]
    assert not problems, "\n".join(problems)


def test_taxonomy_is_broad_enough(documents, skills):
    fields = {
        document["field"].casefold()
        for document in documents.values()
        if isinstance(document, dict) and isinstance(document.get("field"), str)
    }
    assert len(skills) >= MIN_SKILLS, f"{len(skills)} skills, need at least {MIN_SKILLS}"
    assert len(fields) >= MIN_FIELDS, f"{len(fields)} fields ({sorted(fields)}), need {MIN_FIELDS}"
