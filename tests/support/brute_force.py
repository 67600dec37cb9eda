"""A brute-force reference planner for small catalogs, written independently of the planner.

It enumerates every subset of usable courses and searches over orders of each (memoised on the
set of courses taken so far, which determines the levels), keeps the valid ones within the caps,
and sorts them by the planner's documented total order:
``(objective, number of courses, hours, sorted course ids)``, with exact decimal arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from itertools import combinations
from typing import Protocol, TypeVar

from pathfinder.geo import haversine_km
from pathfinder.model import Catalog, Course
from pathfinder.profile import Profile


@lru_cache(maxsize=4096)
def dec(value: float) -> Fraction:
    """The exact decimal a catalog number stands for (memoised: fractions are immutable)."""
    return Fraction(repr(float(value)))


def start_of(catalog: Catalog, profile: Profile) -> dict[str, int]:
    levels: dict[str, int] = {}
    for jid in profile.jobs:
        for skill, level in catalog.jobs[jid].requires.items():
            levels[skill] = max(levels.get(skill, 0), level)
    for skill, level in profile.skills.items():
        levels[skill] = max(levels.get(skill, 0), level)
    return levels


def usable_courses(catalog: Catalog, profile: Profile) -> list[Course]:
    home: tuple[float, float] | None
    if profile.home is None:
        home = None
    elif isinstance(profile.home, str):
        s = catalog.sites[profile.home]
        home = (s.lat, s.lon)
    else:
        home = profile.home
    usable = []
    for c in catalog.courses.values():
        if c.id in profile.exclude_courses:
            continue
        if c.format == "online":
            if profile.online:
                usable.append(c)
            continue
        if home is None or profile.mobility_km is None:
            if c.sites:
                usable.append(c)
            continue
        if any(
            haversine_km(home[0], home[1], catalog.sites[s].lat, catalog.sites[s].lon)
            <= profile.mobility_km
            for s in c.sites
        ):
            usable.append(c)
    return usable


def takeable(course: Course, levels: Mapping[str, int]) -> bool:
    if any(levels.get(s, 0) < lv for s, lv in course.requires.items()):
        return False
    return all(
        any(levels.get(s, 0) >= lv for s, lv in group.items()) for group in course.requires_any
    )


def take(course: Course, levels: Mapping[str, int]) -> dict[str, int]:
    new = dict(levels)
    for s, lv in course.grants.items():
        new[s] = max(new.get(s, 0), lv)
    return new


def meets(levels: Mapping[str, int], requires: Mapping[str, int]) -> bool:
    return all(levels.get(s, 0) >= lv for s, lv in requires.items())


def order_is_valid(
    order: Sequence[Course], start: Mapping[str, int], target: Mapping[str, int]
) -> bool:
    """Each course takeable after the ones before it; the target met at the end; no repeats."""
    if len({c.id for c in order}) != len(order):
        return False
    levels = dict(start)
    for c in order:
        if not takeable(c, levels):
            return False
        levels = take(c, levels)
    return meets(levels, target)


def set_is_valid(
    courses: Iterable[Course], start: Mapping[str, int], target: Mapping[str, int]
) -> bool:
    """Some order of exactly these courses is a valid path (search over orders, memoised)."""
    items = tuple(sorted(courses, key=lambda c: c.id))

    @cache
    def can_finish(taken: frozenset[int]) -> bool:
        levels = dict(start)
        for i in sorted(taken):
            levels = take(items[i], levels)
        if len(taken) == len(items):
            return meets(levels, target)
        # levels depend only on the set taken, not on its order
        return any(
            can_finish(taken | {i})
            for i in range(len(items))
            if i not in taken and takeable(items[i], levels)
        )

    return can_finish(frozenset())


@dataclass(frozen=True)
class Candidate:
    ids: tuple[str, ...]
    """Sorted course ids."""
    key: tuple[Fraction, int, Fraction, tuple[str, ...]]
    hours: Fraction
    weeks: Fraction
    price: Fraction
    pays: Fraction


def pays_of(course: Course, profile: Profile) -> Fraction:
    return Fraction(0) if set(course.funding) & set(profile.funding) else dec(course.cost_eur)


@dataclass(frozen=True)
class ValidSet:
    """A valid course set within the caps, with its exact totals; the same for every objective."""

    ids: tuple[str, ...]
    hours: Fraction
    weeks: Fraction
    price: Fraction
    pays: Fraction
    irredundant: bool
    """No course of the set can be dropped."""


def valid_sets(catalog: Catalog, profile: Profile, target_id: str) -> list[ValidSet]:
    """Every valid course set within the caps, by enumeration of all subsets of usable courses."""
    start = start_of(catalog, profile)
    target = catalog.jobs[target_id].requires
    usable = usable_courses(catalog, profile)
    found: list[ValidSet] = []
    for size in range(len(usable) + 1):
        for combo in combinations(usable, size):
            if not set_is_valid(combo, start, target) or not within_caps(combo, profile):
                continue
            irredundant = all(
                not set_is_valid(combo[:drop] + combo[drop + 1 :], start, target)
                for drop in range(size)
            )
            found.append(
                ValidSet(
                    tuple(sorted(c.id for c in combo)),
                    sum((dec(c.hours) for c in combo), Fraction(0)),
                    sum((dec(c.weeks) for c in combo), Fraction(0)),
                    sum((dec(c.cost_eur) for c in combo), Fraction(0)),
                    sum((pays_of(c, profile) for c in combo), Fraction(0)),
                    irredundant,
                )
            )
    return found


def ranked(sets: Iterable[ValidSet], objective: str) -> tuple[list[Candidate], list[Candidate]]:
    """(every set, the irredundant ones) as candidates sorted by the planner's documented order:
    (objective, number of courses, hours, sorted ids)."""
    keyed = []
    for v in sets:
        size = len(v.ids)
        obj = {"hours": v.hours, "weeks": v.weeks, "cost": v.pays, "courses": Fraction(size)}[
            objective
        ]
        cand = Candidate(v.ids, (obj, size, v.hours, v.ids), v.hours, v.weeks, v.price, v.pays)
        keyed.append((cand, v.irredundant))
    keyed.sort(key=lambda pair: pair[0].key)
    return [c for c, _ in keyed], [c for c, irredundant in keyed if irredundant]


def candidates(
    catalog: Catalog, profile: Profile, target_id: str, objective: str
) -> tuple[list[Candidate], list[Candidate]]:
    """(every valid course set within the caps, the irredundant ones), each sorted by key."""
    return ranked(valid_sets(catalog, profile, target_id), objective)


class HasIds(Protocol):
    @property
    def ids(self) -> tuple[str, ...]: ...


C = TypeVar("C", bound=HasIds)


def within_caps(combo: Sequence[Course], profile: Profile) -> bool:
    """The courses' hours, weeks and what the person pays are within the profile's caps."""
    hours = sum((dec(c.hours) for c in combo), Fraction(0))
    weeks = sum((dec(c.weeks) for c in combo), Fraction(0))
    pays = sum((pays_of(c, profile) for c in combo), Fraction(0))
    return not (
        (profile.max_hours is not None and hours > dec(profile.max_hours))
        or (profile.max_weeks is not None and weeks > dec(profile.max_weeks))
        or (profile.budget_eur is not None and pays > dec(profile.budget_eur))
    )


def k_best(irredundant: Sequence[C], k: int) -> list[C]:
    """Greedy in key order: each pick is not a superset of an earlier pick."""
    picks: list[C] = []
    for cand in irredundant:
        if len(picks) == k:
            break
        if all(not set(p.ids) <= set(cand.ids) for p in picks):
            picks.append(cand)
    return picks
