"""Every weight and threshold of the analyzer, in one place (data, not logic).

Why a Python data module and not YAML: it is read on every ``analyze`` run, and a YAML
parser costs more start-up time than the whole analysis; plain constants cost nothing.
Change a number here, not in ``analyze.py``. Tests check the properties these numbers
must keep (a mention moved up raises emphasis, an older role weighs less, another
interview asking raises demand…), not the numbers themselves.

Emphasis
--------
Each place a skill is named gets a weight in (0, 1]: how likely a reader skimming the
resume is to see it there. The emphasis score combines the places like independent
chances of being seen (``1 − Π(1 − w)``), so every extra mention raises it, a strong
place raises it most, and it never exceeds 1. Repeats within one line count once.

The verdict looks at the single best place: ``emphasized`` when some mention weighs at
least ``EMPHASIZED_AT`` (the headline, the summary, the title or first line of the most
recent role), ``buried`` when it is named only below that. Counting mentions belongs in
the score (for ordering and priority), not in the verdict: five mentions in a skills list
and old bullets are still five places a reader does not look first.

Demand
------
Each interview that asked about a skill adds ``ASKED`` × recency × interest. A question,
the feedback and the candidate's own cons that name the skill add their own amounts (the
feedback and the cons say the skill decided something). The sum is squashed into [0, 1)
by ``1 − exp(−raw / DEMAND_SCALE)``: one recent ask at ordinary interest ≈ 0.39, two ≈ 0.63,
three ≈ 0.78 — rising with every ask, never reaching 1. With ``--asked`` and no
interviews, every asked skill gets ``ASKED_ONLY_DEMAND``, so priority is 1 − emphasis.
"""

from __future__ import annotations

# -- emphasis: where a mention stands -------------------------------------------------

EMPHASIZED_AT = 0.5
"""A mention at least this heavy means a reader sees the skill first: ``emphasized``."""

PLACE_WEIGHTS: dict[tuple[str, str], float] = {
    # The headline and the summary are read first, always.
    ("basics", "label"): 0.9,
    ("basics", "summary"): 0.8,
    # Roles: multiplied by the role's recency factor and, for bullets, the line factor.
    ("work", "position"): 0.7,
    ("work", "summary"): 0.6,
    ("work", "highlights"): 0.6,
    ("work", "description"): 0.2,  # JSON Resume: a description of the employer
    ("volunteer", "position"): 0.4,
    ("volunteer", "summary"): 0.35,
    ("volunteer", "highlights"): 0.35,
    # Supporting sections: read by someone checking, not someone skimming. Below every
    # line of a work role, above the skills list.
    ("projects", "name"): 0.24,
    ("projects", "description"): 0.24,
    ("projects", "highlights"): 0.24,
    ("projects", "keywords"): 0.16,
    ("projects", "roles"): 0.18,
    ("education", "area"): 0.22,
    ("education", "studyType"): 0.2,
    ("education", "courses"): 0.18,
    ("publications", "name"): 0.22,
    ("publications", "summary"): 0.2,
    ("awards", "title"): 0.2,
    ("awards", "summary"): 0.18,
    ("certificates", "name"): 0.2,
    # A list of skills is where everyone puts everything: the weakest place that counts.
    ("skills", "name"): 0.15,
    ("skills", "keywords"): 0.15,
    ("languages", "language"): 0.15,
    ("interests", "name"): 0.05,
    ("interests", "keywords"): 0.05,
    ("meta", "unparsed"): 0.1,
}
"""Weight of a mention by (section, field). Places not listed (employer names, dates,
contact details, references) are not read: a skill there is not a claim of the candidate."""

LINE_DECAY = 0.5
LINE_FLOOR = 0.6
"""Line j of an entry (bullets in order) weighs ``LINE_FLOOR + (1 − LINE_FLOOR) ×
LINE_DECAY**j`` of the first: 1, 0.8, 0.7, 0.65 … never below 0.6. The first bullet is
read, later ones skimmed — but a bullet of a role is still above projects and the skills
list. For the most recent role: 0.6, 0.48, 0.42, 0.39 …, so only the first line reaches
``EMPHASIZED_AT``."""

LIST_SECTIONS = frozenset({"skills"})
"""Sections whose lines are lists of skill names: a strict name there needs no context."""

# -- emphasis: how old the role is ----------------------------------------------------

MOST_RECENT_ROLE = 1.0
"""The most recent role (no end date, or the latest end date) keeps its full weight."""
OLDER_ROLE = 0.8
ROLE_FLOOR = 0.7
ROLE_AGE_HALF_LIFE_YEARS = 4.0
"""Any other role weighs ``ROLE_FLOOR + (OLDER_ROLE − ROLE_FLOOR) × 0.5**(years since it
ended / ROLE_AGE_HALF_LIFE_YEARS)``: 0.8 just after it ended, 0.75 four years on, towards
0.7 — lower on the page and older, so always below the same line in the most recent role
(its first line stays under ``EMPHASIZED_AT``: ``buried``), yet every line of a role
still outweighs projects, education and the skills list, as DESIGN.md ranks them."""

# -- demand ---------------------------------------------------------------------------

ASKED = 1.0
"""An interview listed the skill under ``asked``."""
QUESTION = 0.5
"""A question of that interview named the skill (counted only when ``asked`` did not)."""
FEEDBACK = 0.75
"""The interviewer's feedback named the skill: it weighed in the decision."""
CON = 0.5
"""The candidate's own cons named it: they felt it went badly."""
RECENCY_HALF_LIFE_DAYS = 60.0
"""An interview this many days before the latest one counts half (the market moves)."""
INTEREST_FACTOR = {1: 0.6, 2: 0.8, 3: 1.0, 4: 1.2, 5: 1.4}
"""How much the company mattered (interest 1 practice … 5 dream job)."""
DEFAULT_INTEREST = 3
"""Interest when neither the interview nor companies.yaml gives one."""
DEMAND_SCALE = 2.0
"""Raw demand of this size maps to 1 − 1/e ≈ 0.63 (see the module doc)."""
ASKED_ONLY_DEMAND = 1.0
"""Demand of each skill given with ``--asked`` (no interviews to weigh): uniform."""

# -- output ---------------------------------------------------------------------------

SCORE_DIGITS = 3
"""Scores are rounded to this many decimals in the output."""
