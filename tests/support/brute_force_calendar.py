"""A brute-force reference for the ``finish`` objective, written independently of the planner.

For every subset of usable courses, it tries every order and every choice of session (not only
the one that ends first) under the documented calendar rules, keeps the sets that can be taken
within the caps, and sorts them by ``(finish, number of courses, hours, sorted ids)``. The
alternatives are then picked greedily in that order, skipping supersets of earlier picks.

Calendar rules (docs/catalog-format.md, "Sessions"): calendar days; one course at a time; the
first starts on or after the person's first day, each next one strictly after the previous one's
last day; a course with sessions uses one of its usable sessions (starting on or after the first
day, at a site within the radius, or online when online courses are allowed); a course without
sessions starts any day and lasts ceil(weeks x 7) days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from itertools import combinations

from pathfinder.geo import haversine_km
from pathfinder.model import Catalog, Course
from pathfinder.profile import Profile

from .brute_force import (
    dec,
    k_best,
    meets,
    start_of,
    take,
    takeable,
    usable_courses,
    within_caps,
)

Run = tuple[date, date]


def days_of(course: Course) -> int:
    return max(1, math.ceil(dec(course.weeks) * 7))


def runs_of(
    course: Course, catalog: Catalog, profile: Profile, first_day: date
) -> list[Run] | None:
    """The course's usable sessions as (start, end); [] when it runs on demand; None when the
    person cannot take it at all."""
    if not course.sessions:
        return [] if course in usable_courses(catalog, profile) else None
    if course.id in profile.exclude_courses:
        return None
    home: tuple[float, float] | None = None
    if isinstance(profile.home, str):
        site = catalog.sites[profile.home]
        home = (site.lat, site.lon)
    elif profile.home is not None:
        home = profile.home
    runs = []
    for session in course.sessions:
        if session.start < first_day:
            continue
        if session.online:
            if not profile.online:
                continue
        else:
            assert session.site is not None
            if home is not None and profile.mobility_km is not None:
                where = catalog.sites[session.site]
                if haversine_km(home[0], home[1], where.lat, where.lon) > profile.mobility_km:
                    continue
        runs.append((session.start, session.end))
    return runs or None


def earliest_finish(
    courses: Sequence[Course],
    runs: dict[str, list[Run]],
    start: dict[str, int],
    target: dict[str, int],
    first_day: date,
) -> date | None:
    """The earliest last day over every order and session choice of exactly these courses that
    is valid (each course takeable when taken, the target met at the end); None if none is."""
    items = tuple(courses)

    @cache
    def best(taken: frozenset[int], prev_end: date) -> date | None:
        levels = dict(start)
        for i in sorted(taken):
            levels = take(items[i], levels)
        if len(taken) == len(items):
            return prev_end if meets(levels, target) else None
        found: date | None = None
        for i, course in enumerate(items):
            if i in taken or not takeable(course, levels):
                continue
            options = runs[course.id]
            if not options:  # on demand: it starts the day after, any later start only delays
                begin = prev_end + timedelta(days=1)
                options = [(begin, begin + timedelta(days=days_of(course) - 1))]
            for run_start, run_end in options:
                if run_start <= prev_end:
                    continue
                end = best(taken | {i}, run_end)
                if end is not None and (found is None or end < found):
                    found = end
        return found

    return best(frozenset(), first_day - timedelta(days=1))


@dataclass(frozen=True)
class Dated:
    ids: tuple[str, ...]
    finish: date
    key: tuple[date, int, Fraction, tuple[str, ...]]


def finish_candidates(
    catalog: Catalog, profile: Profile, target_id: str, first_day: date
) -> list[Dated]:
    """Every course set that can be taken within the caps, by key."""
    start = start_of(catalog, profile)
    target = dict(catalog.jobs[target_id].requires)
    runs: dict[str, list[Run]] = {}
    for course in catalog.courses.values():
        found = runs_of(course, catalog, profile, first_day)
        if found is not None:
            runs[course.id] = found
    usable = [c for c in catalog.courses.values() if c.id in runs]
    out = []
    for size in range(1, len(usable) + 1):
        for combo in combinations(usable, size):
            if not within_caps(combo, profile):
                continue
            hours = sum((dec(c.hours) for c in combo), Fraction(0))
            finish = earliest_finish(combo, runs, start, target, first_day)
            if finish is None:
                continue
            ids = tuple(sorted(c.id for c in combo))
            out.append(Dated(ids, finish, (finish, size, hours, ids)))
    return sorted(out, key=lambda d: d.key)


def k_earliest(candidates: Sequence[Dated], k: int) -> list[Dated]:
    """Greedy in key order: each pick is not a superset of an earlier pick (as ``k_best``)."""
    return k_best(candidates, k)
