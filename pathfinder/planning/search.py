"""The exact search: least-cost hitting sets of landmarks (Haslum, Slaney and Thiébaux, 2012).

A path's **key** is ``(objective, number of courses, hours, ranks)`` where ``ranks`` is the sorted
tuple of its courses' positions in id order. The planner returns the path of least key: least
objective, then fewer courses, then fewer hours, then the smaller sorted tuple of course ids.

**One number per course.** The key of a course set is the sum of per-course *costs*
(:func:`costs`): the objective weight times a factor larger than everything below it, plus one
course times a factor larger than every hours total, plus the course's hours times a factor
larger than every rank term, plus a rank term. Among sets of the same size, the sorted tuple of
ids is smaller exactly when the smallest position in which the sets differ belongs to it; the rank
term ``2**n - 2**(n - 1 - position)`` makes that set's sum smaller. So the lexicographic key and
the integer sum order course sets the same way, and every cost is positive and distinct.

**Why a set is enough.** Courses only add levels, so a set of courses either can be taken in some
order and then meets the target, or cannot (:mod:`pathfinder.planning.reachability`); the key
depends on the set only. A least-cost valid set is irredundant: without any one of its courses it
would be cheaper, so it is not valid.

**The loop.** Every valid path takes a course of each *landmark* (a set of courses learned from a
set that falls short). Take ``H``, a least-cost set hitting every landmark learned so far (within
the caps, :mod:`pathfinder.planning.hitting_sets`). Every valid path within the caps hits them too,
so costs at least as much as ``H``: if ``H`` is a valid path, it is the optimum. If it is not,
it teaches a landmark it misses, and the loop goes on; it ends, since ``H`` never repeats. Cheap
greedy hitting sets learn most landmarks and find a valid path (an upper bound) before each exact
one. Landmarks hold for every set of allowed courses, so one problem keeps them across searches
(alternatives, other objectives, other caps).

**Time.** Paths of dozens of courses among thousands (no travel radius on a large catalog) can
need many landmarks. Past an optional deadline the search stops with the best valid path it knows
(or a quick one: :func:`~pathfinder.planning.reachability.relaxed_path`), marked not proven.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Collection
from dataclasses import dataclass, field

from .hitting_sets import greedy_hitting_set, least_hitting_set
from .numbers import scaled_cap
from .problem import Problem
from .reachability import Reachability, relaxed_path

Key = tuple[int, int, int, tuple[int, ...]]


@dataclass(frozen=True)
class Caps:
    max_hours: float | None = None
    max_weeks: float | None = None
    budget_eur: float | None = None

    @property
    def any(self) -> bool:
        return self.max_hours is not None or self.max_weeks is not None or self.budget_eur is not None


NO_CAPS = Caps()


@dataclass(frozen=True)
class Found:
    """A path found by the search: positions in ``problem.courses``, in an order they can be taken."""

    order: tuple[int, ...]
    key: Key
    proven: bool = True
    """False when the search ran out of time: a valid path, free of unneeded courses, within the
    caps, but not proven to be the least."""

    @property
    def members(self) -> frozenset[int]:
        return frozenset(self.order)


class OutOfTime(Exception):
    """The search passed its deadline; ``best`` is the best path it knew (not proven), if any."""

    def __init__(self, best: Found | None) -> None:
        super().__init__("out of time")
        self.best = best


def weight_name(objective: str) -> str:
    """The problem's weight an objective sums: out-of-pocket euros for ``cost``."""
    return "pays" if objective == "cost" else objective


def costs(problem: Problem, objective: str) -> list[int]:
    """Per-course integers whose sums order course sets as their keys do (module docstring)."""
    n = len(problem.courses)
    objective_weights = problem.weights[weight_name(objective)]
    hours = problem.weights["hours"]
    rank_factor = (n + 1) << n  # above every sum of rank terms
    hours_factor = (sum(hours) + 1) * rank_factor  # above every sum of hours and rank terms
    objective_factor = (n + 1) * hours_factor  # above every count, hours and ranks together
    top = 1 << n
    return [
        objective_weights[i] * objective_factor + hours_factor + hours[i] * rank_factor + top - (1 << (n - 1 - i))
        for i in range(n)
    ]


@dataclass
class _Learned:
    """What searches on one problem share: its reachability and the landmarks found so far."""

    reachability: Reachability
    landmarks: list[int] = field(default_factory=list)


_LEARNED: weakref.WeakKeyDictionary[Problem, _Learned] = weakref.WeakKeyDictionary()


def _learned(problem: Problem) -> _Learned:
    learned = _LEARNED.get(problem)
    if learned is None:
        learned = _Learned(Reachability(problem))
        # first landmarks: the courses meeting each target threshold
        bit = 1
        while bit <= problem.target:
            if problem.target & bit:
                learned.landmarks.append(
                    sum(1 << i for i, pc in enumerate(problem.courses) if pc.grant & bit)
                )
            bit <<= 1
        _LEARNED[problem] = learned
    return learned


def search(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    excluded: Collection[int] = (),
    deadline: float | None = None,
) -> Found | None:
    """The path of least key avoiding the courses at positions ``excluded``, within ``caps``.

    ``deadline`` (a :func:`time.monotonic` time): past it, raise :class:`OutOfTime` with the best
    path known by then (or, when none is known yet, a quickly found one if it fits the caps).
    """
    target = problem.target
    if not problem.reachable:
        return None
    if target == 0:
        return Found((), (0, 0, 0, ()))
    cost = costs(problem, objective)
    allowed = [i for i in range(len(problem.courses)) if i not in excluded]
    allowed_mask = sum(1 << i for i in allowed)
    by_cost = sorted(allowed, key=lambda i: cost[i])
    learned = _learned(problem)
    reachability = learned.reachability
    limits = [
        (problem.weights[weight], scaled)
        for limit, weight in ((caps.max_hours, "hours"), (caps.max_weeks, "weeks"), (caps.budget_eur, "pays"))
        if (scaled := scaled_cap(limit, problem.scale[weight])) is not None
    ]

    def members_of(chosen: int) -> list[int]:
        return [i for i in allowed if chosen >> i & 1]

    def valid(chosen: int) -> bool:
        return reachability.reach(members_of(chosen))[0] & target == target

    def fits(chosen: int) -> bool:
        return all(sum(weights[i] for i in members_of(chosen)) <= cap for weights, cap in limits)

    def pruned(chosen: int) -> int:
        """A valid set without the courses it does not need (costliest dropped first)."""
        for i in sorted(members_of(chosen), key=lambda i: -cost[i]):
            if valid(chosen & ~(1 << i)):
                chosen &= ~(1 << i)
        return chosen

    sets = [landmark & allowed_mask for landmark in learned.landmarks]

    def learn(chosen: int) -> bool:
        """Learn a landmark from a set that falls short; False when it leaves no allowed course."""
        landmark = reachability.landmark(chosen, by_cost)
        learned.landmarks.append(landmark)
        sets.append(landmark & allowed_mask)
        return bool(sets[-1])

    if not all(sets):
        return None
    best: int | None = None  # the cheapest valid set within the caps found so far
    best_cost: int | None = None
    floor = 0  # a lower bound of the optimum: the cost of the last exact hitting set

    def check_time() -> None:
        if deadline is None or time.monotonic() <= deadline:
            return
        if best is not None:
            raise OutOfTime(_found(problem, objective, best, proven=False))
        quick = relaxed_path(reachability, cost, allowed)
        if quick and valid(quick):
            quick = pruned(quick)
            if fits(quick):
                raise OutOfTime(_found(problem, objective, quick, proven=False))
        raise OutOfTime(None)

    while True:
        check_time()
        chosen = greedy_hitting_set(sets, cost)
        while not valid(chosen):
            if not learn(chosen):
                return None
            check_time()
            chosen = greedy_hitting_set(sets, cost)
        chosen = pruned(chosen)
        value = sum(cost[i] for i in members_of(chosen))
        if fits(chosen) and (best_cost is None or value < best_cost):
            best, best_cost = chosen, value
        exact = least_hitting_set(
            sets, cost, below=best_cost, floor=floor,
            resources=[weights for weights, _ in limits], caps=[cap for _, cap in limits],
            check=check_time if deadline is not None else None,
            known=chosen,  # a valid path hits every landmark
        )
        if exact is None:  # nothing hits every landmark more cheaply than the best path
            return None if best is None else _found(problem, objective, best)
        chosen, floor = exact
        if valid(chosen):
            return _found(problem, objective, chosen)
        learn(chosen)  # leaves an allowed course: H hits every landmark


def _found(problem: Problem, objective: str, chosen: int, proven: bool = True) -> Found:
    members = [i for i in range(len(problem.courses)) if chosen >> i & 1]
    _, order = _LEARNED[problem].reachability.reach(members)
    weights = problem.weights
    key = (
        sum(weights[weight_name(objective)][i] for i in members),
        len(members),
        sum(weights["hours"][i] for i in members),
        tuple(problem.courses[i].rank for i in members),
    )
    return Found(tuple(order), key, proven)


def learned_landmarks(problem: Problem) -> tuple[int, ...]:
    """The landmarks (course masks) learned on ``problem`` so far, for inspection and tests."""
    learned = _LEARNED.get(problem)
    return () if learned is None else tuple(learned.landmarks)
