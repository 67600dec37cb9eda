"""Lower bounds for every job at once: the costliest chain of prerequisites (``h_max``).

``explore --top N`` must rank thousands of jobs but only prove the first ``N``. Every valid path
to a job takes, for each requirement ``skill >= level`` the start does not meet, a course that
meets it, and before that course, a course meeting each of its own requirements, and so on: a
*chain* of distinct courses (each one taken before the next). So a path costs at least its
costliest chain, and the least cost of a chain ending at a requirement is a lower bound of every
path meeting it: ``h(t) = min over the courses meeting t of (the course's cost + the largest h of
its conditions)``, where an any-of group counts its cheapest option (Bonet and Geffner's
``h_max``, for non-negative costs). A job's bound is the largest ``h`` of its requirements.

One pass settles every threshold of the catalog, cheapest first (Knuth's generalisation of
Dijkstra's algorithm: a course's value only grows with its conditions'), over the courses the
person can take, in exact amounts (the objective's own contributions,
:mod:`pathfinder.objectives`). Linear in the catalog's size, up to the heap.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from fractions import Fraction

from ..levels import unmet
from ..model import Course
from ..objectives import ObjectiveSpec
from .context import Context
from .deadline import NO_DEADLINE, Deadline

Threshold = tuple[str, int]


class _Taken:
    """A course as the person takes it, in exact amounts (what an objective's contribution reads)."""

    __slots__ = ("course", "hours", "weeks", "pays")

    def __init__(self, course: Course, hours: Fraction, weeks: Fraction, pays: Fraction) -> None:
        self.course = course
        self.hours = hours
        self.weeks = weeks
        self.pays = pays


def chain_costs(
    context: Context, spec: ObjectiveSpec, deadline: Deadline = NO_DEADLINE
) -> dict[Threshold, Fraction]:
    """``h`` of every threshold some sequence of usable courses meets and the start does not
    (module docstring); thresholds missing are out of reach. Raises TimeUp past ``deadline``."""
    contribution = spec.contribution
    assert contribution is not None, "an additive objective"
    start = context.start
    index = context.index
    courses: list[Course] = []
    cost: list[Fraction] = []
    conditions: list[list[tuple[Threshold, ...]]] = []
    for course in context.catalog.courses.values():
        usage = context.usage(course)
        if usage is None:
            continue
        hours, weeks, _ = index.exact_values(course)
        courses.append(course)
        cost.append(contribution(_Taken(course, hours, weeks, usage.pays)))
        conditions.append(list(unmet(start, course.requires, course.requires_any)))
    watchers: dict[Threshold, list[tuple[int, int]]] = {}
    remaining = [len(conds) for conds in conditions]
    for i, conds in enumerate(conditions):
        for c, condition in enumerate(conds):
            for threshold in condition:
                watchers.setdefault(threshold, []).append((i, c))
    worst = [Fraction(0)] * len(courses)  # the largest settled condition so far
    met: set[tuple[int, int]] = set()
    settled: dict[Threshold, Fraction] = {}
    heap: list[tuple[Fraction, str, int]] = []

    def offer(i: int) -> None:
        value = cost[i] + worst[i]
        for skill, level in courses[i].grants.items():
            for lv in range(start.get(skill, 0) + 1, level + 1):
                if (skill, lv) not in settled:
                    heapq.heappush(heap, (value, skill, lv))

    for i in range(len(courses)):
        if not remaining[i]:
            offer(i)
    while heap:
        deadline.check()
        value, skill, level = heapq.heappop(heap)
        if (skill, level) in settled:
            continue
        settled[skill, level] = value
        for i, c in watchers.get((skill, level), ()):
            if (i, c) in met:
                continue  # an any-of group: its cheapest option came first
            met.add((i, c))
            if value > worst[i]:
                worst[i] = value
            remaining[i] -= 1
            if not remaining[i]:
                offer(i)
    return settled


def target_bound(
    costs: Mapping[Threshold, Fraction], start: Mapping[str, int], target: Mapping[str, int]
) -> Fraction | None:
    """A lower bound of every path from ``start`` to ``target`` (None: no path reaches it)."""
    bound = Fraction(0)
    for skill, level in target.items():
        if start.get(skill, 0) >= level:
            continue
        value = costs.get((skill, level))
        if value is None:
            return None
        bound = max(bound, value)
    return bound
