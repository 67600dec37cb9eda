"""Calendar days: the one clock, ISO dates as Pathfinder reads them, and a course's length in days.

The calendar rules (docs/catalog-format.md, "Sessions") are exact so that every schedule can be
checked by hand: days are calendar days; a session occupies ``start``..``end`` inclusive; a
session without ``end`` lasts the course's :func:`course_days`; a course without sessions runs
on demand, starting any day and lasting :func:`course_days`.

"Today" is read from one place, :func:`today`: the ``PATHFINDER_TODAY`` environment variable
(an ISO date) when set, else the system's date. Tests and reproducible reports fix it.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date, timedelta

from .limits import DATE_MAX, DATE_MIN

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""``YYYY-MM-DD`` and nothing else: no time, no week dates, no YAML 1.1 timestamp forms."""

TODAY_VARIABLE = "PATHFINDER_TODAY"

FIRST_DAY = date.fromisoformat(DATE_MIN)
LAST_DAY = date.fromisoformat(DATE_MAX)


def parse_date(text: str) -> date | None:
    """``text`` as a date when it is an ISO calendar date (``2027-01-11``) within
    :data:`~pathfinder.limits.DATE_MIN`..:data:`~pathfinder.limits.DATE_MAX`; else None."""
    if len(text) != 10 or not ISO_DATE.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:  # 2027-02-30
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def today() -> date:
    """The date Pathfinder takes for today: ``PATHFINDER_TODAY`` when it holds a valid ISO date,
    else the system's. (A malformed value is ignored here; the command line reports it.)"""
    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        day = parse_date(fixed.strip())
        if day is not None:
            return day
    return date.today()


def course_days(weeks: float) -> int:
    """How many calendar days a course of ``weeks`` full-time weeks occupies: ``ceil(weeks × 7)``
    (at least 1). Computed on the decimal written in the catalog, so that 0.6 weeks is 5 days."""
    tenths = round(weeks * 7 * 1_000_000)  # 4.2 stays 4.2, not 4.2000000000000002
    return max(1, math.ceil(tenths / 1_000_000))


def default_end(start: date, weeks: float) -> date:
    """A session's last day when its ``end`` is not given: ``start + course_days(weeks) - 1``."""
    return start + timedelta(days=course_days(weeks) - 1)
