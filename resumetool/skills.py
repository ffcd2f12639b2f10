"""Skills: the taxonomy (data files) and the spaCy matcher that finds a skill in text.

Why a matcher and not substring search: a recruiter's "API" is the resume's "REST APIs",
"Scrum" is in "Scrum-based", "k8s" names Kubernetes — and "Go" is not in "go-live", "R"
is not in "R&D", "Excel" is not "excellent", "React" is not "reacted". The rules for when
a name counts (``strict``, ``not_before``, ``not_after``, ``context``) are data, described
in ``taxonomy/README.md``; this module implements them.

How: one process-wide pipeline (blank English + the lookup lemmatizer from
spacy-lookups-data, fed lowercased text because its tables are case-sensitive) and two
PhraseMatchers (on LOWER and on LEMMA). Patterns are added only for the skills a call asks
about, the first time it asks: building all 1,000 skills' patterns would cost more than a
whole analysis. A strict name goes to the LOWER matcher and is then checked against the
original, cased text; a loose name or evidence phrase goes to the LEMMA matcher (equal
words have equal lemmas, so it finds everything LOWER would, and the inflections too).

The taxonomy is over 1,000 skills in YAML; parsing that with pure-Python YAML takes about
a second, longer than the analysis, so each file's skills are cached as JSON in the
user's cache folder and reused while the file's size and modification time are unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ValidationFailed

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

TAXONOMY_DIR = Path(__file__).resolve().parent / "taxonomy"
CACHE_FORMAT = 1
"""Bump when the cached taxonomy's shape changes, so old caches are ignored."""

SHORT_FORM_MAX = 2
"""A name or alias of at most this many characters (R, C, Go, ML, TS, JS) is always matched
strictly: such forms are acronyms or ordinary little words, never safe to match loosely."""

YEAR = re.compile(r"^(?:(?:19|20)\d\d|['’]\d\d)$")
NUMBER = re.compile(r"^\d[\d.,]*$")
PLACEHOLDERS = {"#year": YEAR, "#number": NUMBER}
"""Words of a ``not_before``/``not_after`` rule that stand for any year or number."""

PLURAL_MIN_LETTERS = 2
"""A loose form whose last word has at least this many letters also gets a plural pattern
('API' → 'APIs'): the lookup tables know English plurals, not 'apis', 'kpis' or 'sdks'."""

OPENERS = frozenset("([{\"'‘“")
"""Glued on the left of a strict name, these still leave it a word of its own: (Go)."""
CLOSERS = frozenset(",.;:!?)]}\"'’”") | {"'s", "’s", "..."}
"""Glued on the right: "Go," "(R)" "Rust's"."""
GLUE_SUFFIXES = frozenset(
    {
        "based",
        "powered",
        "driven",
        "native",
        "first",
        "heavy",
        "focused",
        "certified",
        "enabled",
        "centric",
        "oriented",
        "savvy",
        "specific",
        "backed",
        "compatible",
        "friendly",
    }
)
"""Glued by a hyphen on the right, these words leave a strict name a word of its own:
'ML-based', 'AI-powered', 'Go-native', 'Excel-heavy' name the skill; other hyphenated
neighbours (go-to-market, C-suite, rust-proofing) still veto it."""
CAPS_FORM_MIN_LETTERS = 3
"""A strict form of at least this many letters also counts in ALL CAPS (JAVA for Java);
a shorter one in capitals is a word of its own (GO)."""
CAPS_LINE_SHARE = 0.5
"""An ALL-CAPS rendering of a mixed-case strict name (JAVA for Java) counts only in a line
where at least this share of the other words are in capitals too (a caps headline or
skills line); elsewhere an all-caps word is an acronym of its own (SWIFT, the banking
network, is not Swift)."""
ACRONYM_MAX_LETTERS = 6
"""An all-caps word this long at most may be spelled out beside it, in brackets, as
something other than the skill: 'Good Clinical Practice (GCP)'."""
ACRONYM_FILLERS = frozenset({"of", "and", "for", "the", "to", "in", "on", "&", "-"})
"""Small words an acronym's expansion may skip: Department of Transportation (DOT)."""
SINGLE_LETTER_ABBREVIATION = re.compile(r"^[^\W\d_]\.$")
"""spaCy's English keeps 'r.' as one token (an initial); in a resume a letter before a full
stop is far more often a language at a sentence end ('modelled churn in R.')."""
GAP_MAX_WORDS = 6
"""In a gapped evidence phrase ('negotiated … agreements'), at most this many tokens may
stand between two pieces ('Negotiated 300+ customer and vendor agreements')."""
SENTENCE_BREAKS = frozenset({".", ";", "!", "?", ":"})
"""A gapped phrase never spans these: 'Negotiated rates. Drafted agreements.' is no match."""
VERB_FIRST_GAP = 3
"""A two-word name or evidence phrase ending in a gerund ('sprint planning', 'route
planning') is also shown by the verb before its object: 'Planned the next two sprints',
'planned delivery routes' — the verb at most this many tokens before the noun. A verb is not
the skill's noun, so this is evidence (implied), never a mention."""
VERB_FIRST_SKIP = frozenset({"learn", "compute", "face"})
"""Gerunds whose first word is not their object: machine learning is not learning a machine,
cloud computing is not computing a cloud, client facing is not facing a client."""
NOUN_PHRASE_ENDS = frozenset(
    (  # noqa: SIM905 (a word list reads best as words)
        "a an the and or but for with to of in on at by from into onto per each every that which "
        "so as while before after through across under over within without using via than "
        "twice weekly daily monthly quarterly yearly annually"
    ).split()
)
"""In 'Planned the next two sprints with …' the object ends at 'with'; in 'planned sprint
workouts' it goes on ('sprint' only describes the workouts). The verb-first form counts only
when its noun ends the object: at a line end, punctuation or one of these words."""
TOGETHER = " + "
"""Joins the terms of a co-occurrence evidence phrase ('scorecards + suppliers'): every term
must appear, in any order and at any distance, in one sentence of one line. What implies a
skill is often two things named together, in whatever words and order the writer chose:
'Ran quarterly scorecards for 35 suppliers', 'supplier scorecards'."""
SLASH_SHORT_MAX = 2
"""Across a glued '/', a neighbour of at most this many characters (No in Go/No-Go, kg in
mL/kg, I/O, A/B, 24/7) makes the slash part of one compound, not a list separator."""

_LIST_KEYS = ("aliases", "evidence", "not_before", "not_after", "context")


# -- the taxonomy ---------------------------------------------------------------------


@dataclass(frozen=True)
class SkillDef:
    """One skill: how it is named, what implies it, and when a name counts.

    ``strict`` is the set of forms (name, aliases, evidence phrases) matched only as
    written; the taxonomy's ``strict: true`` means every name, a list means those forms,
    and forms of at most ``SHORT_FORM_MAX`` characters are strict whatever the data says.
    """

    name: str
    category: str = "unlisted"
    field: str = ""
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    strict: frozenset[str] = frozenset()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    known: bool = True
    """False for an asked term the taxonomy does not know (matched as a phrase)."""

    @property
    def key(self) -> str:
        return self.name.casefold()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then the aliases: every way of naming the skill."""
        return (self.name, *self.aliases)

    def is_strict(self, form: str) -> bool:
        return form in self.strict or len(form.strip()) <= SHORT_FORM_MAX

    def merged(self, other: SkillDef) -> SkillDef:
        """This skill with ``other``'s aliases, evidence and rules added (user extensions)."""
        return replace(
            self,
            category=other.category if other.category != "unlisted" else self.category,
            aliases=_unique((*self.aliases, *other.aliases)),
            evidence=_unique((*self.evidence, *other.evidence)),
            strict=self.strict | other.strict,
            not_before=_unique((*self.not_before, *other.not_before)),
            not_after=_unique((*self.not_after, *other.not_after)),
            context=_unique((*self.context, *other.context)),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "category": self.category,
            "field": self.field,
            "aliases": list(self.aliases),
            "evidence": list(self.evidence),
            "strict": sorted(self.strict),
            "not_before": list(self.not_before),
            "not_after": list(self.not_after),
            "context": list(self.context),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SkillDef:
        return cls(
            name=data["name"],
            category=data.get("category", "unlisted"),
            field=data.get("field", ""),
            aliases=tuple(data.get("aliases", ())),
            evidence=tuple(data.get("evidence", ())),
            strict=frozenset(data.get("strict", ())),
            not_before=tuple(data.get("not_before", ())),
            not_after=tuple(data.get("not_after", ())),
            context=tuple(data.get("context", ())),
        )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """The items once each, in first-seen order."""
    return tuple(dict.fromkeys(items))


def skill_from_table(
    table: Any, *, field: str = "", source: str | Path | None = None, where: str = "skills"
) -> SkillDef:
    """A SkillDef from one taxonomy entry or ``[[skills]]`` table; bad data names the place."""

    def fail(message: str, key: str | None = None) -> ValidationFailed:
        return ValidationFailed(
            message,
            path=source,
            field=f"{where}.{key}" if key else where,
            hint="fix the skill entry (format: resumetool/taxonomy/README.md)",
        )

    if not isinstance(table, dict):
        raise fail("a skill must be a mapping with at least `name`")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("a skill needs a non-empty `name`", "name")
    values: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        raw = table.get(key) or []
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str | int) for v in raw):
            raise fail(f"`{key}` must be a list of words or phrases", key)
        values[key] = _unique(str(v).strip() for v in raw if str(v).strip())
    category = table.get("category") or "unlisted"
    if not isinstance(category, str):
        raise fail("`category` must be text", "category")
    name = name.strip()
    strict_raw = table.get("strict", False)
    if isinstance(strict_raw, bool):
        strict = frozenset((name, *values["aliases"])) if strict_raw else frozenset()
    elif isinstance(strict_raw, list) and all(isinstance(v, str) for v in strict_raw):
        strict = frozenset(v.strip() for v in strict_raw)
        unknown = strict - {name, *values["aliases"], *values["evidence"]}
        if unknown:
            raise fail(
                f"`strict` lists {sorted(unknown)}, which are not names or evidence of {name}",
                "strict",
            )
    else:
        raise fail("`strict` must be true, false or a list of the skill's names", "strict")
    return SkillDef(
        name=name,
        category=category.strip(),
        field=field,
        aliases=values["aliases"],
        evidence=values["evidence"],
        strict=strict,
        not_before=values["not_before"],
        not_after=values["not_after"],
        context=values["context"],
    )


class Taxonomy:
    """Skills by canonical name, with every name and alias resolvable (case-insensitive)."""

    def __init__(self, skills: Iterable[SkillDef] = ()):
        self._skills: dict[str, SkillDef] = {}
        self._by_form: dict[str, str] = {}
        for skill in skills:
            self.add(skill)

    def add(self, skill: SkillDef) -> None:
        """Add a skill. One whose name is already known (as a name or an alias) is merged
        into the known skill: its aliases, evidence and rules are added, the canonical
        name stays."""
        known = self._by_form.get(skill.key)
        if known is not None:
            skill = self._skills[known].merged(skill)
        self._skills[skill.key] = skill
        for form in skill.names:
            self._by_form.setdefault(form.casefold(), skill.key)

    def get(self, name: str) -> SkillDef | None:
        """The skill named or aliased ``name`` (any case), or None."""
        key = self._by_form.get(name.strip().casefold())
        return self._skills[key] if key is not None else None

    def resolve(self, term: str) -> SkillDef:
        """The skill ``term`` names; a term the taxonomy does not know becomes a skill of its
        own, matched as a phrase."""
        found = self.get(term)
        if found is not None:
            return found
        cleaned = " ".join(term.split())
        for ending in ("s", "es"):  # "REST APIs" asks for REST API
            if cleaned.lower().endswith(ending) and not cleaned.lower().endswith("ss"):
                found = self.get(cleaned[: -len(ending)])
                if found is not None:
                    return found
        return SkillDef(name=cleaned, known=False)

    def __iter__(self) -> Iterator[SkillDef]:
        return iter(self._skills.values())

    def __len__(self) -> int:
        return len(self._skills)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def fields(self) -> set[str]:
        return {s.field for s in self._skills.values() if s.field}


def taxonomy_files(folder: Path = TAXONOMY_DIR) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.yaml") if not p.name.startswith("."))


def _read_taxonomy_file(path: Path) -> list[SkillDef]:
    from .files import read_yaml

    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("skills"), list):
        raise ValidationFailed(
            "a taxonomy file needs `field:` and a `skills:` list",
            path=path,
            hint="see resumetool/taxonomy/README.md",
        )
    field_name = str(data.get("field") or path.stem)
    return [
        skill_from_table(entry, field=field_name, source=path, where=f"skills[{i}]")
        for i, entry in enumerate(data["skills"])
    ]


def cache_dir() -> Path:
    """Where derived data is cached: $RESUMETOOL_CACHE_DIR, else the XDG cache folder."""
    explicit = os.environ.get("RESUMETOOL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "resumetool"


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


_BASE_CACHE: dict[tuple[str, ...], list[SkillDef]] = {}


def load_base_skills(folder: Path = TAXONOMY_DIR, *, use_cache: bool = True) -> list[SkillDef]:
    """Every skill of the shipped taxonomy files, in file order.

    Cached per file (see the module doc): a cached file is used while its size and
    modification time are unchanged, so an edit re-reads that one file only.
    """
    files = taxonomy_files(folder)
    stamps = {path.name: _stamp(path) for path in files}
    key = (str(Path(folder).resolve()), *(f"{n}={s}" for n, s in stamps.items()))
    if use_cache and key in _BASE_CACHE:
        return _BASE_CACHE[key]
    digest = hashlib.blake2s(f"{CACHE_FORMAT}:{key[0]}".encode(), digest_size=8).hexdigest()
    cache_file = cache_dir() / f"taxonomy-{digest}.json"
    cached: dict[str, Any] = {}
    if use_cache:
        try:
            cached = json.loads(cache_file.read_text("utf-8"))
        except (OSError, ValueError):
            cached = {}
    entries: dict[str, Any] = {}
    skills: list[SkillDef] = []
    for path in files:
        entry = cached.get(path.name) if isinstance(cached, dict) else None
        loaded = None
        if isinstance(entry, dict) and entry.get("stamp") == stamps[path.name]:
            try:
                loaded = [SkillDef.from_data(d) for d in entry["skills"]]
            except (KeyError, TypeError):
                loaded = None
        if loaded is None:
            loaded = _read_taxonomy_file(path)
            entry = {"stamp": stamps[path.name], "skills": [s.to_data() for s in loaded]}
        entries[path.name] = entry
        skills += loaded
    if use_cache and entries != cached:
        _write_cache(cache_file, entries)
    _BASE_CACHE[key] = skills
    return skills


def _write_cache(path: Path, data: Any) -> None:
    """Best effort: a read-only home must not stop an analysis."""
    from .files import atomic_write_text

    with contextlib.suppress(OSError):
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))


def load_taxonomy(
    user_skills: Sequence[dict[str, Any]] = (),
    *,
    folder: Path = TAXONOMY_DIR,
    source: str | Path | None = "resumetool.toml",
    use_cache: bool = True,
) -> Taxonomy:
    """The shipped taxonomy merged with the user's ``[[skills]]`` tables.

    Why merge instead of replace: a user who adds ``aliases = ["SFDC"]`` to Salesforce
    wants the shipped aliases and evidence kept.
    """
    taxonomy = Taxonomy(load_base_skills(folder, use_cache=use_cache))
    for i, table in enumerate(user_skills):
        taxonomy.add(skill_from_table(table, field="user", source=source, where=f"skills[{i}]"))
    return taxonomy


# -- matching -------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One place in a text where a skill is named (``kind='name'``) or implied (``'evidence'``)."""

    skill: str
    kind: str
    form: str
    start: int
    end: int
    matched: str


@dataclass
class _Form:
    skill: str
    kind: str
    form: str
    strict: bool
    number_only: bool = False
    """A loose name: inflected only in number ('API' takes 'APIs', 'analysis' takes
    'analyses'), never into another word of the same lemma ('managed' is not 'management',
    'markets' not 'marketing', 'Excelled' not an unknown 'Excel'). The LEMMA matcher finds
    the candidates; this rule keeps the ones that name the skill."""
    variants: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    """Each pattern variant's lowercase words and their lemmas, for ``number_only``."""
    part: int = 0
    parts: int = 1
    """A gapped evidence phrase ('negotiated … agreements') is matched piece by piece:
    this form is piece ``part`` of ``parts``; ``find`` joins the pieces."""
    gap: int = GAP_MAX_WORDS
    verb_first: bool = False
    ordered: bool = True
    """Gapped pieces come in order and close together; co-occurring terms ('scorecards +
    suppliers') anywhere in one sentence, in any order."""


@dataclass(frozen=True)
class _Phrase:
    """A rule's word or phrase: its lemmas (to match 'breaks' for 'break') and its plain
    lowercase text (to match '/kg', which the tokenizer splits differently alone)."""

    lemmas: tuple[str, ...]
    text: str


@dataclass
class _Rules:
    not_before: list[_Phrase] = field(default_factory=list)
    not_after: list[_Phrase] = field(default_factory=list)
    context: list[_Phrase] = field(default_factory=list)
    name_words: frozenset[str] = frozenset()
    """Every word of the skill's names, lowercased: an acronym the text defines with other
    words ('Good Clinical Practice (GCP)') is not this skill."""
    known: bool = True


_PLAIN = str.maketrans({"\u00a0": " ", "\u2010": "-", "\u2011": "-", "\u2212": "-"})


def _plain(text: str) -> str:
    """Same-length cleanup: no-break spaces and Unicode hyphens become ASCII."""
    return text.translate(_PLAIN)


def _lower(text: str) -> str:
    """Lowercase that keeps every character in place (offsets map back to the original)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


SLASH_INFIX = r"(?<=\S)/(?=\S)"
"""A slash always separates (C#/.NET, Node.js/React). spaCy's English splits it only
between letters and takes "node.js/react" for a URL, leaving one token no name can match;
a skill in a URL's path is rare, a slash-joined list is common."""


def build_pipeline() -> Language:
    """The blank English pipeline with the lookup lemmatizer (spacy-lookups-data), its
    tokenizer splitting at every slash.

    Why a Defaults subclass rather than setting the tokenizer's properties afterwards:
    each property set reloads the tokenizer's 4,000 special cases (~0.15 s apiece). The
    special cases lose the single letters with a full stop ('r.'), see
    ``SINGLE_LETTER_ABBREVIATION``.
    """
    from spacy.lang.en import English

    class ResumeDefaults(English.Defaults):
        infixes = (*English.Defaults.infixes, SLASH_INFIX)
        url_match = None
        tokenizer_exceptions: ClassVar[dict[str, Any]] = {
            text: pieces
            for text, pieces in English.Defaults.tokenizer_exceptions.items()
            if not SINGLE_LETTER_ABBREVIATION.match(text)
        }

    class ResumeEnglish(English):
        Defaults = ResumeDefaults

    nlp = ResumeEnglish()
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


class SkillMatcher:
    """The process-wide matcher (see ``matcher()``): pipeline, two PhraseMatchers, rules."""

    def __init__(self) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = build_pipeline()
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._forms: dict[int, _Form] = {}
        self._rules: dict[str, _Rules] = {}
        self._prepared: dict[str, SkillDef] = {}
        self._generation: dict[str, int] = {}
        self._lemmas: Any = None

    # patterns ------------------------------------------------------------------------

    def prepare(self, skills: Iterable[SkillDef]) -> None:
        """Add patterns for these skills (once; a changed definition replaces the old).

        Every new pattern text goes through the pipeline in one batch: per-phrase calls
        would cost more than the analysis itself.
        """
        new = []
        for skill in skills:
            if self._prepared.get(skill.key) == skill:
                continue
            if skill.key in self._prepared:
                self._remove(skill.key)
            self._prepared[skill.key] = skill
            new.append(skill)
        if not new:
            return
        pending: list[tuple[str, _Form, list[str]]] = []
        phrases: list[str] = []
        for skill in new:
            pending += self._forms_of(skill)
            phrases += [*skill.not_before, *skill.not_after, *skill.context]
        texts = sorted({_lower(v) for _, _, variants in pending for v in variants})
        texts += [_phrase_text(p) for p in phrases]
        docs = dict(zip(texts, self.nlp.pipe(texts), strict=True))
        for label, form, variants in pending:
            form_docs = [docs[_lower(v)] for v in variants]
            form_docs += [self._one_token(d) for d in form_docs if _splits_alone(d)]
            self._forms[self.nlp.vocab.strings.add(label)] = form
            # A loose form needs only the LEMMA matcher: equal words have equal lemmas.
            (self._lower if form.strict else self._lemma).add(label, form_docs)
            if form.number_only:
                form.variants = tuple(
                    (tuple(t.text for t in d), tuple(t.lemma_ for t in d)) for d in form_docs
                )
        for skill in new:
            self._rules[skill.key] = _Rules(
                not_before=[_phrase(docs, w) for w in skill.not_before],
                not_after=[_phrase(docs, w) for w in skill.not_after],
                context=[_phrase(docs, w) for w in skill.context],
                name_words=frozenset(
                    w for name in skill.names for w in _plain(name).lower().split()
                ),
                known=skill.known,
            )

    def _another_word(self, plural: str) -> bool:
        """Is this made-up plural an English word of its own ('Canva' + s = 'canvas')?
        The lookup table lists a word's own plural ('canvases' → 'canvas') or maps the
        word to another lemma; a plural it does not know ('apis', 'kpis') is kept."""
        last = _lower(plural).split()[-1]
        return self._has_plural(last) or self._lemma_table().get(last) not in (None, last[:-1])

    def _english_word(self, word: str) -> bool:
        """Does the lookup table know ``word`` as an English word (it lists its plural, or
        it is an inflected form)? 'python', 'scrum', 'sap' are; 'kubernetes', 'jira' not."""
        return self._has_plural(word) or word in self._lemma_table()

    def _has_plural(self, word: str) -> bool:
        """Does the lookup table list a plural of ``word`` ('canvases' → 'canvas', 'caddies'
        → 'caddy')?"""
        table = self._lemma_table()
        plurals = [word + "s", word + "es"]
        if word.endswith("y"):
            plurals.append(word[:-1] + "ies")
        return any(table.get(plural) == word for plural in plurals)

    def _lemma_table(self) -> Any:
        """The lookup lemmatizer's table (form → lemma), to ask whether a word is English."""
        if self._lemmas is None:
            self._lemmas = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        return self._lemmas

    def _one_token(self, doc: Doc) -> Doc:
        """The pattern as a single token: 'c#' alone splits into c + #, but inside
        'c#/.net' it stays one token, so both shapes are patterns."""
        from spacy.tokens import Doc

        single = Doc(self.nlp.vocab, words=[doc.text])
        return self.nlp.get_pipe("lemmatizer")(single)

    def _remove(self, key: str) -> None:
        for match_id, form in list(self._forms.items()):
            if form.skill == key:
                label = self.nlp.vocab.strings[match_id]
                for m in (self._lower, self._lemma):
                    if label in m:
                        m.remove(label)
                del self._forms[match_id]
        self._generation[key] = self._generation.get(key, 0) + 1

    def _forms_of(self, skill: SkillDef) -> list[tuple[str, _Form, list[str]]]:
        """(matcher label, form, pattern texts) for every name and evidence phrase."""
        gen = self._generation.get(skill.key, 0)
        names = {f.casefold() for f in skill.names}
        entries = [(form, "name") for form in skill.names]
        entries += [(form, "evidence") for form in skill.evidence if form.casefold() not in names]
        out = []
        for index, (text, kind) in enumerate(entries):
            label = f"{skill.key}\x1f{gen}\x1f{kind}\x1f{index}"
            parts, ordered = _evidence_parts(text) if kind == "evidence" else ([text], True)
            if len(parts) > 1:
                for part_index, part in enumerate(parts):
                    form = _Form(
                        skill.key,
                        kind,
                        text,
                        False,
                        part=part_index,
                        parts=len(parts),
                        ordered=ordered,
                    )
                    out.append((f"{label}\x1f{part_index}", form, self._loose_variants(part)))
                continue
            strict = skill.is_strict(text)
            form = _Form(skill.key, kind, text, strict, number_only=kind == "name" and not strict)
            variants = _variants(text) if strict else self._loose_variants(text)
            out.append((label, form, variants))
            verb_first = None if strict else self._verb_first(text)
            if verb_first is not None:
                verb, noun = verb_first
                phrase = f"{verb} … {noun}"
                for part_index, part in enumerate((verb, noun)):
                    piece = _Form(
                        skill.key,
                        "evidence",
                        phrase,
                        False,
                        part=part_index,
                        parts=2,
                        gap=VERB_FIRST_GAP,
                        verb_first=True,
                    )
                    out.append((f"{label}\x1fv{part_index}", piece, [part]))
        return out

    def _verb_first(self, text: str) -> tuple[str, str] | None:
        """('plan', 'sprint') for 'sprint planning': a two-word phrase of plain lower-case
        words whose second is a gerund the lemma table maps to its verb."""
        words = _plain(text).split()
        if len(words) != 2 or not all(w.isalpha() and w.islower() for w in words):
            return None
        noun, gerund = words
        verb = self._lemma_table().get(gerund)
        if not gerund.endswith("ing") or not verb or verb in (gerund, noun):
            return None
        if verb in VERB_FIRST_SKIP:
            return None
        return verb, noun

    def _loose_variants(self, text: str) -> list[str]:
        variants = _variants(text)
        return variants + [p for p in _plurals(variants) if not self._another_word(p)]

    # text ----------------------------------------------------------------------------

    def docs(self, texts: Sequence[str]) -> list[Doc]:
        return list(self.nlp.pipe(_lower(_plain(t)) for t in texts))

    def find(
        self,
        doc: Doc,
        text: str,
        skills: set[str] | None = None,
        *,
        title: Doc | None = None,
        is_list: bool = False,
        defined: Mapping[str, Sequence[frozenset[str]]] | None = None,
    ) -> list[Hit]:
        """Every name and evidence hit in one line of text.

        ``doc`` is ``docs([text])[0]``; ``skills`` limits the hits to these skill keys;
        ``title`` is the heading of the entry the line belongs to (its words count as
        context); ``is_list`` marks a list of skills (a skills section), where a strict
        name needs no context; ``defined`` holds the acronyms the whole document spells
        out (``acronym_definitions``), so a bare one keeps its defined meaning.
        """
        candidates: dict[tuple[str, str, int, int], list[_Form]] = {}
        pieces: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for matches in (self._lower(doc), self._lemma(doc)):
            for match_id, start, end in matches:
                form = self._forms.get(match_id)
                if form is None or (skills is not None and form.skill not in skills):
                    continue
                if form.parts > 1:
                    key = (form.skill, form.form, form.gap, form.verb_first)
                    pieces.setdefault(key, []).append((form.part, start, end))
                    continue
                forms = candidates.setdefault((form.skill, form.kind, start, end), [])
                if form not in forms:
                    forms.append(form)
        for (skill, phrase, gap, verb_first), found in pieces.items():
            whole = _Form(skill, "evidence", phrase, False)
            parts, ordered = _evidence_parts(phrase)
            if ordered:
                spans = _gapped_spans(doc, found, len(parts), gap)
            else:
                spans = _cooccurring_spans(doc, found, len(parts))
            if verb_first:
                spans = [(a, b) for a, b in spans if _verb_at(doc, a) and _ends_noun_phrase(doc, b)]
            for start, end in spans:
                candidates.setdefault((skill, "evidence", start, end), []).append(whole)
        line = _Line(doc, text, title, is_list, defined)
        hits: list[Hit] = []
        for (skill, kind, start, end), forms in candidates.items():
            # Several forms can cover the same words (Java and JAVA): any one that counts.
            form = next((f for f in forms if self._counts(line, start, end, f)), None)
            if form is not None:
                span = doc[start:end]
                a, b = span.start_char, span.end_char
                hits.append(Hit(skill, kind, form.form, a, b, text[a:b]))
        return _drop_overlaps(hits)

    def _counts(self, line: _Line, start: int, end: int, form: _Form) -> bool:
        """Does this match of ``form`` name (or show) its skill? The form's own rules
        (strict or loose), then, for a name, the skill's vetoes."""
        doc = line.doc
        if form.number_only and not _number_form_of(doc[start:end], form.variants):
            return False
        as_written = self._strict_counts if form.strict else self._ordinary_word_counts
        if not as_written(line, start, end, form):
            return False
        if form.kind == "evidence":
            return True
        rules = self._rules[form.skill]
        if any(_follows(doc, end, phrase) for phrase in rules.not_before):
            return False
        if any(_precedes(doc, start, phrase) for phrase in rules.not_after):
            return False
        return not (
            rules.known
            and _defined_as_another(doc, line.text, start, end, rules.name_words, line.defined)
        )

    def _strict_counts(self, line: _Line, start: int, end: int, form: _Form) -> bool:
        """A strict form counts as written, standing alone, and (when the skill has context
        words) in context. An ALL-CAPS rendering of a mixed-case form needs a line in
        capitals, and context even in a skills list (SWIFT beside Fedwire is the banking
        network)."""
        doc, text = line.doc, line.text
        written = _written_as(doc, text, start, end, form)
        if written is None or _glued(doc, text, start, end):
            return False
        if written == "caps" and not _caps_line(doc, text, start, end):
            return False
        context = self._rules[form.skill].context
        if not context or (line.is_list and written != "caps"):
            return True
        return _in_context(doc, start, end, line.title, context)

    def _ordinary_word_counts(self, line: _Line, start: int, end: int, form: _Form) -> bool:
        """A loose one-word name or evidence phrase written with capitals (Python, Scrum,
        SAP) but found in lower case ('ball python', 'rugby scrum', 'sap flow') where that
        lower-case word is an English word, counts only in a skills list or, for a name, in
        the skill's context."""
        span = line.doc[start:end]
        written = line.text[span.start_char : span.end_char]
        shape = _plain(form.form)
        if (
            len(span) != 1
            or written == shape
            or written.isupper()
            or shape.islower()
            or not shape.isalpha()
            or not (written.islower() or (written[:1].isupper() and written[1:].islower()))
            or not self._english_word(shape.lower())
        ):
            return True
        if line.is_list:
            return True
        # A product's name is not pluralized in lower case: 'dockers' beside a container
        # terminal are dock workers, context or not.
        context = self._rules[form.skill].context
        return (
            form.kind == "name"
            and bool(context)
            and written.lower() == shape.lower()
            and _in_context(line.doc, start, end, line.title, context)
        )


@dataclass(frozen=True)
class _Line:
    """The line ``SkillMatcher.find`` is matching: its doc (lowercased for the matchers),
    its original text (for the rules on case), the heading of its entry (context words
    there count) and whether it is a list of skills (where a strict name needs no context)."""

    doc: Doc
    text: str
    title: Doc | None
    is_list: bool
    defined: Mapping[str, Sequence[frozenset[str]]] | None = None
    """The acronyms the whole document defines (``acronym_definitions``)."""


def _written_as(doc: Doc, text: str, start: int, end: int, form: _Form) -> str | None:
    """How the match is cased against the form: 'exact'; 'caps' for the ALL-CAPS rendering
    of a form of ``CAPS_FORM_MIN_LETTERS`` letters or more (JAVA); 'capital' for a capital
    first letter on a form written in lower case (a sentence start); None otherwise."""
    span = doc[start:end]
    written = _squash(text[span.start_char : span.end_char])
    wanted = _squash(_plain(form.form))
    if written == wanted:
        return "exact"
    if sum(c.isalpha() for c in wanted) >= CAPS_FORM_MIN_LETTERS and written == wanted.upper():
        return "caps"
    if wanted[:1].islower() and written == wanted[:1].upper() + wanted[1:]:
        return "capital"
    return None


def _in_context(doc: Doc, start: int, end: int, title: Doc | None, context: list[_Phrase]) -> bool:
    """Does a context word or phrase stand in the line (outside the match itself) or in the
    heading of its entry?"""
    lemmas = [t.lemma_ if not start <= i < end else "" for i, t in enumerate(doc)]
    title_lemmas = [t.lemma_ for t in title] if title is not None else []
    return any(
        _contains(lemmas, phrase.lemmas) or _contains(title_lemmas, phrase.lemmas)
        for phrase in context
    )


def _number_form_of(
    span: Any, variants: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
) -> bool:
    """Is each word of ``span`` the word of some pattern variant, or that word in the other
    number (API/APIs, analysis/analyses, chart/charts), and nothing else (see
    ``_Form.number_only``)?"""
    tokens = list(span)
    return any(
        len(words) == len(tokens)
        and all(
            _same_or_number(t, w, lemma) for t, w, lemma in zip(tokens, words, lemmas, strict=True)
        )
        for words, lemmas in variants
    )


def _same_or_number(token: Token, word: str, lemma: str) -> bool:
    """The pattern's word as written, or that word in the other number as the lookup table
    knows it (analyses ↔ analysis, charts ↔ chart, policies ↔ policy). A plural the table
    does not know ('apis', 'kpis') is a pattern variant of its own (``_plurals``)."""
    text = token.text
    if text == word:
        return True
    return (
        token.lemma_ == lemma and lemma in (text, word) and (text[-1:] == "s" or word[-1:] == "s")
    )


def _caps_line(doc: Doc, text: str, start: int, end: int) -> bool:
    """Are at least ``CAPS_LINE_SHARE`` of the line's other words in capitals (or is the
    match the line's only word)?"""
    words = [
        _cased(text, t)
        for i, t in enumerate(doc)
        if not start <= i < end and t.is_alpha and len(t) >= 2
    ]
    if not words:
        return True
    return sum(w.isupper() for w in words) >= CAPS_LINE_SHARE * len(words)


def _defined_as_another(
    doc: Doc,
    text: str,
    start: int,
    end: int,
    name_words: frozenset[str],
    defined: Mapping[str, Sequence[frozenset[str]]] | None = None,
) -> bool:
    """Does the text define this acronym as something else, beside it in brackets:
    'Good Clinical Practice (GCP)', 'AI (artificial insemination)'? Then it names that, not
    the skill — unless every spelled-out word is a word of the skill's names ('Google Cloud
    Platform (GCP)', 'Certified ScrumMaster (CSM)').

    ``defined`` holds the definitions found elsewhere in the same document
    (``acronym_definitions``): a writer defines an acronym once and then uses it bare, so
    'Crew Resource Management (CRM)' in the summary makes a later bare 'CRM debriefs' crew
    resource management too — unless some definition there is the skill's own."""
    if end - start != 1:
        return False
    here = _acronym_definition(doc, text, start)
    if here is not None:
        return not _spells_the_skill(here[1], name_words)
    if not defined:
        return False
    acronym = _acronym_stem(_cased(text, doc[start]))
    meanings = defined.get(acronym) if acronym else None
    return bool(meanings) and not any(_spells_the_skill(m, name_words) for m in meanings)


def _spells_the_skill(words: frozenset[str], name_words: frozenset[str]) -> bool:
    """Is every spelled-out word a word of the skill's names, in either number
    ('Application Programming Interfaces (APIs)' spells API)?"""
    return all(
        w in name_words or w.removesuffix("s") in name_words or f"{w}s" in name_words for w in words
    )


def _acronym_stem(written: str) -> str | None:
    """The acronym a word writes, plural 's' dropped ('SAPs' → 'SAP'), or None."""
    stem = written[:-1] if len(written) > 2 and written.endswith("s") else written
    if not _acronym(stem) or len(stem) > ACRONYM_MAX_LETTERS:
        return None
    return stem


def _acronym_definition(doc: Doc, text: str, index: int) -> tuple[str, frozenset[str]] | None:
    """The acronym at ``index`` and the content words the text spells it out with, beside
    it in brackets ('statistical analysis plans (SAPs)', 'ATS (automatic transfer
    switch)'), or None when it stands without a definition."""
    acronym = _acronym_stem(_cased(text, doc[index]))
    if acronym is None:
        return None
    end = index + 1
    if index > 0 and end < len(doc) and doc[index - 1].text == "(" and doc[end].text == ")":
        words = _spelled_out(doc, text, range(index - 2, -1, -1), acronym, backwards=True)
    elif end + 1 < len(doc) and doc[end].text == "(":
        words = _spelled_out(doc, text, range(end + 1, len(doc)), acronym, backwards=False)
    else:
        return None
    content = frozenset(w.lower() for w in words if w.lower() not in ACRONYM_FILLERS)
    return (acronym, content) if content else None


def acronym_definitions(
    docs: Sequence[Doc], texts: Sequence[str]
) -> dict[str, list[frozenset[str]]]:
    """Every acronym the document spells out beside it in brackets, with the content words
    of each definition: {'CRM': [{'crew', 'resource', 'management'}]}. Only the tokens next
    to a bracket are looked at, so this costs little on a whole resume."""
    found: dict[str, list[frozenset[str]]] = {}
    for doc, text in zip(docs, texts, strict=True):
        if "(" not in text:
            continue
        for token in doc:
            if token.text != "(":
                continue
            for index in (token.i - 1, token.i + 1):
                if 0 <= index < len(doc):
                    definition = _acronym_definition(doc, text, index)
                    if definition is not None and definition[1] not in found.get(definition[0], []):
                        found.setdefault(definition[0], []).append(definition[1])
    return found


def _spelled_out(
    doc: Doc, text: str, indexes: range, acronym: str, *, backwards: bool
) -> list[str]:
    """The words next to an acronym whose initials spell it ('Good Clinical Practice' for
    GCP; capitals inside a word count too: ScrumMaster → S, M), or [] if they do not."""
    words: list[str] = []
    letters = 0
    for i in indexes:
        token = doc[i]
        word = _cased(text, token)
        if token.text in (")", "(") or letters >= len(acronym):
            break
        words.append(word)
        if word.lower() not in ACRONYM_FILLERS:
            letters += len(_initials(word))
    ordered = list(reversed(words)) if backwards else words
    spelled = "".join(_initials(w) for w in ordered if w.lower() not in ACRONYM_FILLERS)
    return ordered if spelled.upper() == acronym.upper() else []


def _initials(word: str) -> str:
    """A word's letters in an acronym: its first, plus inner capitals of a CamelCase word."""
    if not word[:1].isalpha():
        return ""
    inner = [c for c in word[1:] if c.isupper()] if not word.isupper() else []
    return word[0] + "".join(inner)


def _gap_parts(phrase: str) -> list[str]:
    """The pieces of a gapped evidence phrase: 'negotiated … agreements' (or '...') → two."""
    pieces = [p.strip() for p in phrase.replace("...", "…").split("…")]
    return [p for p in pieces if p] if len(pieces) > 1 else [phrase]


def _verb_at(doc: Doc, index: int) -> bool:
    """Is the token at ``index`` used as a verb? Without a tagger: an inflected form
    ('planned', 'writes', 'drew') or a bullet's first word ('Forecast demand …'); a bare
    'engineer' or 'nurse' inside a line is the noun ('civil engineer on highway projects')."""
    token = doc[index]
    opens = index == 0 or doc[index - 1].text in SENTENCE_BREAKS
    return opens or token.lower_ != token.lemma_


def _ends_noun_phrase(doc: Doc, end: int) -> bool:
    """Does the object end at token ``end`` (see ``NOUN_PHRASE_ENDS``)?"""
    if end >= len(doc):
        return True
    token = doc[end]
    return not token.is_alpha or token.lower_ in NOUN_PHRASE_ENDS


def _evidence_parts(phrase: str) -> tuple[list[str], bool]:
    """An evidence phrase's pieces and whether they must come in order: 'a … b' (gapped,
    ordered), 'a + b' (co-occurring, any order) or one piece."""
    if TOGETHER in phrase:
        terms = [t.strip() for t in phrase.split(TOGETHER) if t.strip()]
        if len(terms) > 1:
            return terms, False
    return _gap_parts(phrase), True


def _cooccurring_spans(
    doc: Doc, found: list[tuple[int, int, int]], parts: int
) -> list[tuple[int, int]]:
    """For each sentence of the line holding every term of a co-occurrence phrase, the span
    from its first term to its last (a mention's place is where its words are)."""
    sentence = [0] * len(doc)
    for i in range(1, len(doc)):
        sentence[i] = sentence[i - 1] + (doc[i - 1].text in SENTENCE_BREAKS)
    by_sentence: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for part, start, end in found:
        by_sentence.setdefault(sentence[start], {}).setdefault(part, []).append((start, end))
    spans = []
    for terms in by_sentence.values():
        if len(terms) == parts:
            firsts = [min(places) for places in terms.values()]
            spans.append((min(s for s, _ in firsts), max(e for _, e in firsts)))
    return spans


def _gapped_spans(
    doc: Doc, found: list[tuple[int, int, int]], parts: int, gap: int = GAP_MAX_WORDS
) -> list[tuple[int, int]]:
    """Spans where the pieces of a gapped phrase follow each other in order, each at most
    ``gap`` tokens after the last and with no sentence break between them."""
    by_part: dict[int, list[tuple[int, int]]] = {}
    for part, start, end in found:
        by_part.setdefault(part, []).append((start, end))
    spans = []
    for first_start, end in sorted(by_part.get(0, [])):
        for part in range(1, parts):
            following = [
                (s, e)
                for s, e in sorted(by_part.get(part, []))
                if end <= s <= end + gap and not any(t.text in SENTENCE_BREAKS for t in doc[end:s])
            ]
            if not following:
                break
            end = following[0][1]
        else:
            spans.append((first_start, end))
    return spans


def _splits_alone(doc: Doc) -> bool:
    """A one-word pattern the tokenizer cut at a symbol (c + #, ci + / + cd)."""
    return len(doc) > 1 and not any(t.whitespace_ for t in doc[:-1])


def _phrase_text(phrase: str) -> str:
    return " ".join(_lower(_plain(phrase)).split())


def _phrase(docs: dict[str, Doc], phrase: str) -> _Phrase:
    text = _phrase_text(phrase)
    if phrase.startswith("#"):
        return _Phrase((text,), text)
    return _Phrase(tuple(t.lemma_ for t in docs[text]), text)


def _squash(text: str) -> str:
    return "".join(text.split())


def _variants(form: str) -> list[str]:
    """A hyphenated form also as spaced and joined words (stand-up, stand up, standup), and
    a phrase of plain words also hyphenated (machine-learning models)."""
    form = _plain(form).strip()
    out = [form]
    if "-" in form and len(form) > 3:
        out += [form.replace("-", " "), form.replace("-", "")]
    words = form.split()
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
        out.append("-".join(words))
    return list(_unique(out))


def _plurals(variants: list[str]) -> list[str]:
    """Each variant with an -s on its last word, unless the word already ends in s."""
    out = []
    for variant in variants:
        last = variant.split()[-1] if variant.split() else ""
        if last.isalpha() and len(last) >= PLURAL_MIN_LETTERS and not last.lower().endswith("s"):
            out.append(variant + "s")
    return out


def _glued(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when a strict name is fused with a neighbour: go-live, R&D, C-suite, C#, Go/No."""
    if start > 0 and not doc[start - 1].whitespace_:
        left = doc[start - 1]
        if left.text == "/":
            if _slash_compound(doc, text, start - 2, slash=left, other_first=True):
                return True
        elif left.text not in OPENERS:
            return True
    if end < len(doc) and not doc[end - 1].whitespace_:
        right = doc[end]
        if right.text == "/":
            if _slash_compound(doc, text, end + 1, slash=right, other_first=False):
                return True
        elif right.text not in CLOSERS and not _suffixed(doc, end):
            return True
    return False


def _suffixed(doc: Doc, end: int) -> bool:
    """Is the name followed by a hyphen and one of ``GLUE_SUFFIXES`` ('ML-based')?"""
    return (
        doc[end].text == "-"
        and not doc[end].whitespace_
        and end + 1 < len(doc)
        and doc[end + 1].text in GLUE_SUFFIXES
    )


def _slash_compound(doc: Doc, text: str, index: int, *, slash: Any, other_first: bool) -> bool:
    """Is the word across a glued slash short or a number (Go/No-Go, mL/kg, A/B, 24/7)?
    Then the slash joins one compound; across a longer word (Python/R, C/C++) or an
    acronym (ML/AI) it separates a list."""
    if index < 0 or index >= len(doc):
        return False
    other = doc[index]
    glued = not (other.whitespace_ if other_first else slash.whitespace_)
    if not glued:
        return False
    if NUMBER.match(other.text):
        return True
    return len(other.text) <= SLASH_SHORT_MAX and not _acronym(_cased(text, other))


def _acronym(written: str) -> bool:
    """Is this word written as an acronym: two or more capitals (AI in ML/AI, GCP)?"""
    return len(written) >= 2 and written.isalpha() and written.isupper()


def _cased(text: str, token: Token) -> str:
    """``token`` as the line writes it: docs are lowercased for the matchers (see
    ``SkillMatcher.docs``), so the rules on case read the original ``text``."""
    return text[token.idx : token.idx + len(token)]


def _word_matches(token: Token, word: str) -> bool:
    pattern = PLACEHOLDERS.get(word)
    if pattern is not None:
        return bool(pattern.match(token.text))
    return token.lemma_ == word or token.text == word


def _words_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """Do the tokens from ``i`` on read ``words`` (by lemma, as written, or a placeholder)?"""
    return (
        i >= 0
        and i + len(words) <= len(doc)
        and all(_word_matches(doc[i + k], w) for k, w in enumerate(words))
    )


def _follows(doc: Doc, end: int, phrase: _Phrase) -> bool:
    """Does ``phrase`` come right after the match ('Spring 2021', 'Spring breaks'), also
    across a '/' or '-' glued to it ('mL/kg' for ``/kg`` and for ``kg`` alike)?"""
    starts = [end]
    if end < len(doc) and doc[end].text in ("/", "-") and not doc[end - 1].whitespace_:
        starts.append(end + 1)
    if any(_words_at(doc, i, phrase.lemmas) for i in starts):
        return True
    if phrase.text == "#year" and end + 1 < len(doc):
        # '21 is tokenized as ' and 21
        return doc[end].text in ("'", "’") and bool(re.fullmatch(r"\d\d", doc[end + 1].text))
    if phrase.text.startswith("#") or end >= len(doc):
        return False
    rest = doc.text[doc[end].idx :]
    cut = len(phrase.text)
    return rest.startswith(phrase.text) and (len(rest) == cut or not rest[cut].isalnum())


def _precedes(doc: Doc, start: int, phrase: _Phrase) -> bool:
    """Does ``phrase`` come right before the match ('in Spring', 'Vitamin C'), also across a
    '/' or '-' glued to it ('Winter/Spring')?"""
    ends = [start]
    if start >= 2 and doc[start - 1].text in ("/", "-") and not doc[start - 2].whitespace_:
        ends.append(start - 1)
    if any(_words_at(doc, stop - len(phrase.lemmas), phrase.lemmas) for stop in ends):
        return True
    if phrase.text.startswith("#") or start == 0:
        return False
    before = doc.text[: doc[start].idx].rstrip()
    cut = len(before) - len(phrase.text)
    return before.endswith(phrase.text) and (cut == 0 or not before[cut - 1].isalnum())


def _contains(lemmas: list[str], words: tuple[str, ...]) -> bool:
    n = len(words)
    if n == 0 or n > len(lemmas):
        return False
    first = words[0]
    return any(
        lemmas[i] == first and tuple(lemmas[i : i + n]) == words for i in range(len(lemmas) - n + 1)
    )


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Per skill, keep the longest of overlapping hits; a name beats evidence on the same words."""
    hits.sort(key=lambda h: (h.skill, h.kind != "name", -(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in hits:
        if any(k.skill == hit.skill and k.start < hit.end and hit.start < k.end for k in kept):
            continue
        kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.skill))
    return kept


_MATCHER: SkillMatcher | None = None


def matcher() -> SkillMatcher:
    """The process-wide SkillMatcher, built on first use (spaCy's start-up is paid once)."""
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = SkillMatcher()
    return _MATCHER


__all__ = [
    "TAXONOMY_DIR",
    "Hit",
    "SkillDef",
    "SkillMatcher",
    "Taxonomy",
    "acronym_definitions",
    "build_pipeline",
    "load_taxonomy",
    "matcher",
    "skill_from_table",
]
