"""The interview log's value lists and limits — data, in one place, read by ``interview.py``
(the models), ``workspace.py`` and ``cli.py``.

Why a module of its own: the command line needs these lists when it is imported (for its
``--stage``/``--outcome``/``--status`` choices), and ``interview.py`` imports pydantic,
which ``resumetool --help`` must not load. This module imports nothing heavy, so both
read the same lists.
"""

from __future__ import annotations

from typing import Literal, get_args

Stage = Literal["screen", "phone", "technical", "onsite", "final", "other"]
Outcome = Literal["pending", "rejected", "offer", "withdrawn"]
CompanyStatus = Literal["target", "applied", "scheduled", "interviewing", "done", "closed"]

STAGES: tuple[str, ...] = get_args(Stage)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
COMPANY_STATUSES: tuple[str, ...] = get_args(CompanyStatus)

MAX_REFLECTIONS = 3
"""Three pros and three cons, as the reflection method says."""

OUTCOME_TO_STATUS = {
    "pending": "interviewing",
    "offer": "done",
    "rejected": "closed",
    "withdrawn": "closed",
}
"""Status given to a company that ``Workspace.remember_company`` adds from an interview,
and to a listed company when a final outcome is logged (``Workspace.record_outcome``)."""

FINAL_OUTCOMES: tuple[str, ...] = ("rejected", "withdrawn", "offer")
"""Outcomes that end the process with a company: the plan leaves the company out."""

MISSPELLING_CUTOFF = 0.8
"""How alike (difflib ratio, 0–1) two names must be for one to count as a slip for the
other. Unknown keys: ``intrest``/``interest`` 0.93, ``staus``/``status`` 0.91,
``note``/``notes`` 0.89 are warned about; keys of a user's own stay below
(``company_name``/``company`` 0.74, ``contacts``/``cons`` 0.67, ``stage``/``status`` 0.55)
and are kept silently. Company names and interview ids: "Umbrela Analytics" for
"Umbrella Analytics" (0.97) gets a "did you mean"; "Acme Retail" beside "Acme Corp" (0.6)
is a new company."""
