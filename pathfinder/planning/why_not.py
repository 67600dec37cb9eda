"""Why no path exists, and the smallest change to the profile that would open one.

**Blockers.** A target requirement that no sequence of usable courses can meet is blocked; for
each course of the catalog that would teach it, the reason it does not help: excluded, online while
online courses are not wanted, every site beyond the radius (with the distances), or requirements
that no usable course can meet. Those requirements are blockers in turn (with the courses that need
them), down to the constraint that removed the courses teaching them. When every requirement can
be met but the caps rule every path out, the caps are the blockers: per requirement when meeting it alone already exceeds a cap (with
the least amount needed), else for the whole target.

**Relaxations.** Each is one change alone, the smallest of its kind that opens a path with all
other constraints kept: the radius (the nearest site distance that works, found by bisection over
the sorted site distances, since allowing more sites only adds paths, or without caps in one
pass, :func:`least_radius`; rounded up to a whole km),
allowing online courses, and for each cap the least amount of it over the paths that fit the other
caps (an exact search minimising that amount).
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction

from ..levels import short_of
from ..model import Catalog, Levels
from ..profile import Profile
from .bitsets import members, members_once
from .context import Context
from .deadline import NO_DEADLINE, Deadline, TimeUp
from .engine import search
from .numbers import exact
from .problem import Problem
from .results import (
    Blocker,
    CapKind,
    LimitsTogether,
    MissingPrerequisites,
    NoCourse,
    OverLimit,
    Reason,
    Relaxation,
)
from .search import NO_CAPS, Caps, OutOfTime

CAP_OBJECTIVE: dict[str, str] = {"hours": "hours", "weeks": "weeks", "budget": "cost"}
"""The objective that sums what a cap limits (pathfinder.objectives)."""


def caps_of(profile: Profile) -> Caps:
    return Caps(profile.max_hours, profile.max_weeks, profile.budget_eur)


def _cap_list(caps: Caps) -> list[tuple[CapKind, float]]:
    pairs: list[tuple[CapKind, float | None]] = [
        ("hours", caps.max_hours),
        ("weeks", caps.max_weeks),
        ("budget", caps.budget_eur),
    ]
    return [(name, limit) for name, limit in pairs if limit is not None]


def least(
    problem: Problem, cap: str, caps: Caps = NO_CAPS, deadline: Deadline = NO_DEADLINE
) -> Fraction | None:
    """The least total of a capped quantity over the paths within ``caps`` (None: no path).
    Raises OutOfTime past ``deadline``."""
    found = search(problem, CAP_OBJECTIVE[cap], caps, deadline=deadline, quick=False)
    if found is None:
        return None
    return Fraction(found.key[0], problem.scale[CAP_OBJECTIVE[cap]])


def blockers(
    context: Context, problem: Problem, caps: Caps, deadline: Deadline = NO_DEADLINE
) -> tuple[Blocker, ...]:
    """Why ``problem`` (built on ``context``) has no path within ``caps``. Past ``deadline``, the
    blockers found by then (the caps' amounts that need a search are left out)."""
    catalog = context.catalog
    start = context.start
    gaps = short_of(start, problem.target_levels)
    # Blocked target requirements first, then, breadth first, the prerequisites that block the
    # usable courses teaching them (each once, with the courses that need it), down to the
    # constraint that removed their teachers.
    blocked = [(skill, need) for skill, need in gaps if not problem.reached(skill, need)]
    queue = deque(blocked)
    seen = set(blocked)
    needed_by: dict[tuple[str, int], set[str]] = {}
    reasons_of: dict[tuple[str, int], tuple[Reason, ...]] = {}
    while queue and not deadline.passed():
        skill, need = queue.popleft()
        teachers = sorted(
            (c for c in catalog.courses_granting.get(skill, ()) if c.grants[skill] >= need),
            key=lambda c: c.id,
        )
        reasons: list[Reason] = []
        for course in teachers:
            why = context.why_unusable(course)
            if why is not None:
                reasons.append(why)
                continue
            missing = tuple(
                (s, lv) for s, lv in course.requires.items() if not problem.reached(s, lv)
            )
            missing_any = tuple(
                tuple(group.items())
                for group in course.requires_any
                if not any(problem.reached(s, lv) for s, lv in group.items())
            )
            reasons.append(MissingPrerequisites(course.id, missing, missing_any))
            for requirement in (*missing, *(option for group in missing_any for option in group)):
                needed_by.setdefault(requirement, set()).add(course.id)
                if requirement not in seen:
                    seen.add(requirement)
                    queue.append(requirement)
        reasons_of[(skill, need)] = tuple(reasons) or (NoCourse(),)
    targets = set(blocked)
    found = [
        Blocker(
            skill,
            need,
            reasons,
            () if (skill, need) in targets else tuple(sorted(needed_by[(skill, need)])),
        )
        for (skill, need), reasons in reasons_of.items()
    ]
    if found or not caps.any:
        return tuple(found)

    # Every requirement can be met: the caps are what blocks.
    cap_list = _cap_list(caps)
    for skill, need in gaps:
        try:
            alone = Problem(context, {skill: need}, deadline)
        except TimeUp:
            break
        over = _over_limits(alone, cap_list, deadline)
        if over:
            found.append(Blocker(skill, need, tuple(over)))
    if found:
        return tuple(found)
    over = _over_limits(problem, cap_list, deadline)
    if over:
        return (Blocker(None, None, tuple(over)),)
    return (Blocker(None, None, (LimitsTogether(tuple(cap_list)),)),)


def _over_limits(
    problem: Problem, cap_list: list[tuple[CapKind, float]], deadline: Deadline
) -> list[Reason]:
    over: list[Reason] = []
    for cap, limit in cap_list:
        try:
            minimum = least(problem, cap, deadline=deadline)
        except OutOfTime:
            continue
        if minimum is not None and minimum > exact(limit):
            over.append(OverLimit(cap, limit, float(minimum)))
    return over


def least_radius(problem: Problem, deadline: Deadline = NO_DEADLINE) -> float | None:
    """The least travel radius that lets ``problem`` (built with no radius) meet its target, with
    no caps; None when no radius does.

    A threshold's radius is the least, over the courses meeting it, of the largest of the
    course's own distance (its nearest site; 0 online) and the radii of its requirements (the
    least option of an any-of group). "Largest" never lowers a value, so the thresholds can be
    settled least radius first, as in Dijkstra's algorithm (a heap; linear up to the heap on a
    long chain); the target needs the largest of its thresholds' radii. Raises TimeUp past
    ``deadline``.
    """
    if not problem.reachable:
        return None
    radius: list[float | None] = [None] * len(problem.bits)
    watchers: dict[int, list[tuple[int, int]]] = {}
    unmet: list[int] = []
    for i, pc in enumerate(problem.courses):
        conds = [*(1 << b for b in members_once(pc.req)), *pc.any]
        unmet.append(len(conds))
        for c, cond in enumerate(conds):
            for b in members_once(cond):
                watchers.setdefault(b, []).append((i, c))
    grants = [members_once(pc.grant) for pc in problem.courses]
    need = [pc.usage.distance_km or 0.0 for pc in problem.courses]
    met: set[tuple[int, int]] = set()
    heap = [(need[i], i) for i in range(len(unmet)) if not unmet[i]]
    heapq.heapify(heap)
    while heap:
        deadline.check()
        value, i = heapq.heappop(heap)
        for b in grants[i]:
            if radius[b] is not None:
                continue
            radius[b] = value
            for j, c in watchers.get(b, ()):
                if (j, c) in met:
                    continue
                met.add((j, c))  # the first settled option of a condition is its least
                if value > need[j]:
                    need[j] = value
                unmet[j] -= 1
                if not unmet[j]:
                    heapq.heappush(heap, (need[j], j))
    settled = [radius[b] for b in members(problem.target)]
    if any(r is None for r in settled):
        return None
    return max((r for r in settled if r is not None), default=0.0)


def relaxations(
    catalog: Catalog,
    profile: Profile,
    target: Mapping[str, int],
    start: Levels,
    deadline: Deadline = NO_DEADLINE,
) -> tuple[Relaxation, ...]:
    """The smallest single changes to ``profile`` that would open a path to ``target``; past
    ``deadline``, the ones found by then."""
    found: list[Relaxation] = []
    try:
        _relaxations(catalog, profile, target, start, deadline, found)
    except (TimeUp, OutOfTime):
        pass
    return tuple(found)


def _relaxations(
    catalog: Catalog,
    profile: Profile,
    target: Mapping[str, int],
    start: Levels,
    deadline: Deadline,
    found: list[Relaxation],
) -> None:
    def problem_for(changed: Profile) -> Problem:
        return Problem(Context(catalog, changed, start), target, deadline)

    def feasible(changed: Profile) -> bool:
        problem = problem_for(changed)
        caps = caps_of(changed)
        if not caps.any:  # without caps, a path exists iff the target can be reached at all
            return problem.reachable
        return search(problem, "hours", caps, deadline=deadline, quick=False) is not None

    if profile.home is not None and profile.mobility_km is not None:
        unlimited = replace(profile, mobility_km=None)
        radius: float | None = None
        if not caps_of(profile).any:
            radius = least_radius(problem_for(unlimited), deadline)
        elif feasible(unlimited):
            radius = profile.mobility_km
            context = Context(catalog, profile, start)
            distances = sorted(
                {
                    d
                    for site in catalog.sites
                    if (d := context.distance(site)) is not None and d > radius
                }
            )
            lo, hi = 0, len(distances) - 1  # distances[hi] (the farthest site) is feasible
            while lo < hi:
                mid = (lo + hi) // 2
                if feasible(replace(profile, mobility_km=distances[mid])):
                    hi = mid
                else:
                    lo = mid + 1
            radius = distances[lo] if distances else None
        if radius is not None:
            found.append(Relaxation("radius", float(math.ceil(radius))))
    if not profile.online and feasible(replace(profile, online=True)):
        found.append(Relaxation("online", True))
    uncapped: list[tuple[CapKind, Profile]] = []
    if profile.budget_eur is not None:
        uncapped.append(("budget", replace(profile, budget_eur=None)))
    if profile.max_hours is not None:
        uncapped.append(("hours", replace(profile, max_hours=None)))
    if profile.max_weeks is not None:
        uncapped.append(("weeks", replace(profile, max_weeks=None)))
    for cap, changed in uncapped:
        minimum = least(problem_for(changed), cap, caps_of(changed), deadline)
        if minimum is not None:
            found.append(Relaxation(cap, float(minimum)))
