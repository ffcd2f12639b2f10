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
"""Status given to a company that ``Workspace.remember_company`` adds from an interview."""
