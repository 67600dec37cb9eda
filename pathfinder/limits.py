"""The documented range of every number Pathfinder reads: catalog fields, profile fields, flags.

One place, imported by the schema, the profile and the command line (it imports nothing, so
``pathfinder --help`` stays instant). Every range is inclusive unless said otherwise.
"""

from __future__ import annotations

LEVEL_MAX = 10
"""The highest skill level a catalog or profile may use (a skill's ``max_level`` included)."""
HOURS_MAX = 10_000
"""Teaching hours of one course (more than 0)."""
WEEKS_MAX = 520
"""Calendar weeks of one course (more than 0; ten years)."""
COST_EUR_MAX = 1_000_000
"""Price of one course, in euros."""
OPENINGS_MAX = 1_000_000
"""Vacancies for one job at one site."""
SEATS_MAX = 10_000
"""Seats of one course session (at least 1)."""
SESSIONS_MAX = 1_000
"""Sessions listed for one course."""
DATE_MIN = "2000-01-01"
DATE_MAX = "2099-12-31"
"""Every date Pathfinder reads (a session's start and end, a profile's ``start``, ``--today``)."""

PROFILE_RANGES: dict[str, tuple[int, int]] = {
    "mobility_km": (0, 20_000),
    "max_hours": (0, 1_000_000),
    "max_weeks": (0, 10_000),
    "budget_eur": (0, 100_000_000),
}
"""Each numeric field of a profile (and its flag: --radius, --max-hours, --max-weeks, --budget)."""

TIME_LIMIT_MAX = 86_400
"""``--time-limit``, in seconds (one day)."""
DEPTH_MAX = 1_000_000
"""``catalog graph --depth``."""
