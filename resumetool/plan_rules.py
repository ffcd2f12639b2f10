"""Tunables of the interview plan — data, documented in one place, read by ``plan.py``.

Why these numbers: the method interviews first where a rejection costs little (practice),
leaving days between those to reflect and revise the resume; then it packs the interviews
that matter close together so their offers arrive at the same time and can be weighed
against each other. Change a number here, not in the planner.
"""

from __future__ import annotations

PRACTICE_MAX_INTEREST = 2
"""Interest 1–2: practice run (spaced). Interest 3–5: target cluster (packed)."""

DEFAULT_PRACTICE_GAP = 3
"""Days between practice interviews: time to reflect (three pros, three cons) and revise."""

DEFAULT_CLUSTER_GAP = 1
"""Days between target interviews: close enough that offers come in together."""

METHOD_MAX_CLUSTER_GAP = 2
"""The method packs targets 0–2 days apart; a larger gap is allowed but noted."""

PRACTICE_GAP_RANGE = (1, 30)
CLUSTER_GAP_RANGE = (0, 14)
"""Accepted option values (inclusive); outside them the plan is refused as a usage error."""

ICS_PRODID = "-//resumetool//interview plan//EN"
ICS_UID_DOMAIN = "plan.resumetool"
ICS_CALENDAR_NAME = "Interview plan"

FAR_AHEAD_DAYS = 183
"""A fixed date further ahead than this (half a year) is probably a day misread ("Nov 20"
typed on 25 November is next year's): `company add/set` warn, as it would hold the plan's
targets back until then."""
