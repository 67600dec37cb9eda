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

**First landmarks.** Before the loop, every *fact landmark* (a threshold every valid path meets)
gives the landmark of the courses meeting it (:func:`fact_landmarks`, one fixed point): a chain of
thousands of prerequisites is known at once instead of one landmark per round. One-course
landmarks are *necessary* courses: taken without branching, never checked when pruning, and an
alternative that excludes one has no path.

**Time.** Paths of dozens of courses among thousands (no travel radius on a large catalog) can
need many landmarks. Past an optional deadline (:class:`~pathfinder.planning.deadline.Deadline`,
checked in every long loop, landmarks and hitting sets included) the search stops with the best
valid path it knows (or a quick one made within a short grace period:
:func:`~pathfinder.planning.reachability.relaxed_path`), marked not proven.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Collection
from dataclasses import dataclass, field

from .bitsets import members
from .deadline import NO_DEADLINE, Deadline, TimeUp
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
        return (
            self.max_hours is not None or self.max_weeks is not None or self.budget_eur is not None
        )


NO_CAPS = Caps()


def cap_limits(problem: Problem, caps: Caps) -> list[tuple[list[int], int]]:
    """Each cap that is set, as (the courses' weights, the cap), both in the problem's integer
    units: a set of courses is within it when its weights sum to the cap or less."""
    return [
        (problem.weights[weight], scaled)
        for limit, weight in (
            (caps.max_hours, "hours"),
            (caps.max_weeks, "weeks"),
            (caps.budget_eur, "pays"),
        )
        if (scaled := scaled_cap(limit, problem.scale[weight])) is not None
    ]


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
    """The search passed its deadline; ``best`` is the best path it knew (not proven), if any.

    Internal control flow, never shown to a user as such: the planner turns it into a result
    marked not proven, or a :class:`~pathfinder.errors.TimeLimitError` when no path is known."""

    def __init__(self, best: Found | None) -> None:
        super().__init__("out of time")
        self.best = best


def costs(problem: Problem, objective: str) -> list[int]:
    """Per-course integers whose sums order course sets as their keys do (module docstring)."""
    n = len(problem.courses)
    objective_weights = problem.weights[objective]  # its contributions (pathfinder.objectives)
    hours = problem.weights["hours"]
    rank_factor = (n + 1) << n  # above every sum of rank terms
    hours_factor = (sum(hours) + 1) * rank_factor  # above every sum of hours and rank terms
    objective_factor = (n + 1) * hours_factor  # above every count, hours and ranks together
    top = 1 << n
    return [
        objective_weights[i] * objective_factor
        + hours_factor
        + hours[i] * rank_factor
        + top
        - (1 << (n - 1 - i))
        for i in range(n)
    ]


@dataclass
class _Learned:
    """What searches on one problem share: its reachability and the landmarks found so far."""

    reachability: Reachability
    landmarks: list[int] = field(default_factory=list)
    necessary: int = 0
    """The courses every valid path takes (the members of one-course landmarks)."""
    complete: bool = False
    """Whether the first landmarks (:func:`fact_landmarks`) are in."""

    def add(self, landmark: int) -> None:
        self.landmarks.append(landmark)
        if landmark and not landmark & (landmark - 1):
            self.necessary |= landmark


_LEARNED: weakref.WeakKeyDictionary[Problem, _Learned] = weakref.WeakKeyDictionary()


def fact_landmarks(
    problem: Problem, reachability: Reachability, deadline: Deadline = NO_DEADLINE
) -> list[int]:
    """The first landmarks: for each threshold that every valid path meets (a *fact landmark*),
    the courses meeting it. Fact landmarks are found as the greatest fixed point of
    ``LM(t) = {t} + the intersection, over the courses meeting t, of the union of LM over their
    conditions`` (an any-of group contributes the intersection over its options), settled with a
    worklist (Keyder, Richter and Helmert, "Sound and complete landmarks for and/or graphs", 2010).
    A prerequisite chain gives one landmark per course at linear cost, where learning them one
    search round at a time would be quadratic or worse. Raises TimeUp past ``deadline``."""
    conditions = reachability.conditions
    watchers = reachability.watchers
    grant_bits = reachability.grant_bits
    n = len(conditions)
    label: list[int | None] = [None] * len(watchers)  # None: not reached (yet): "everything"
    unmet = [len(conds) for conds in conditions]
    met: set[tuple[int, int]] = set()
    queue = deque(i for i in range(n) if not unmet[i])
    queued = [not unmet[i] for i in range(n)]
    while queue:
        deadline.check()
        i = queue.popleft()
        queued[i] = False
        before = 0
        for cond in conditions[i]:
            common: int | None = None
            for b in members(cond):
                known = label[b]
                if known is not None:
                    common = known if common is None else common & known
            assert common is not None
            before |= common
        for b in grant_bits[i]:
            old = label[b]
            new = before | 1 << b
            if old is not None:
                new &= old
            if new == old:
                continue
            label[b] = new
            for j, c in watchers[b]:
                if old is None and (j, c) not in met:
                    met.add((j, c))
                    unmet[j] -= 1
                if not unmet[j] and not queued[j]:
                    queued[j] = True
                    queue.append(j)
    facts = 0
    for t in members(problem.target):
        known = label[t]
        facts |= known if known is not None else 1 << t
    meeting = [0] * len(watchers)
    for i in range(n):
        for b in grant_bits[i]:
            meeting[b] |= 1 << i
    found: list[int] = []
    seen: set[int] = set()
    for b in members(facts):
        if meeting[b] not in seen:
            seen.add(meeting[b])
            found.append(meeting[b])
    return found


def _learned(problem: Problem, deadline: Deadline = NO_DEADLINE) -> _Learned:
    """The problem's shared state, with its first landmarks (TimeUp past ``deadline`` leaves them
    for a later call; the reachability is kept)."""
    learned = learned_state(problem)
    if not learned.complete:
        first = fact_landmarks(problem, learned.reachability, deadline)
        learned.landmarks[:0] = first
        for landmark in first:
            if not landmark & (landmark - 1):
                learned.necessary |= landmark
        learned.complete = True
    return learned


def necessary_courses(problem: Problem) -> int:
    """Courses known to be in every valid path (a mask; 0 before any search on ``problem``)."""
    learned = _LEARNED.get(problem)
    return 0 if learned is None else learned.necessary


def search(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    excluded: Collection[int] = (),
    deadline: Deadline | float | None = None,
    quick: bool = True,
) -> Found | None:
    """The path of least key avoiding the courses at positions ``excluded``, within ``caps``.

    ``deadline`` (a :class:`~pathfinder.planning.deadline.Deadline`, or a :func:`time.monotonic`
    time): past it, raise :class:`OutOfTime` with the best path known by then (or, when none is
    known yet and ``quick`` is true, a quickly found one if it fits the caps and can be made in a
    short grace period).
    """
    clock = Deadline.of(deadline)
    target = problem.target
    if not problem.reachable:
        return None
    if target == 0:
        return Found((), (0, 0, 0, ()))
    cost = costs(problem, objective)
    allowed = [i for i in range(len(problem.courses)) if i not in excluded]
    allowed_mask = sum(1 << i for i in allowed) if excluded else (1 << len(problem.courses)) - 1
    learned = learned_state(problem)
    reachability = learned.reachability
    limits = cap_limits(problem, caps)

    valid = reachability.valid

    def fits(chosen: int) -> bool:
        return all(sum(weights[i] for i in members(chosen)) <= cap for weights, cap in limits)

    best: int | None = None  # the cheapest valid set within the caps found so far
    try:
        _learned(problem, clock)
        if excluded and learned.necessary & ~allowed_mask:
            return None  # a course every path takes is excluded
        by_cost = sorted(allowed, key=lambda i: cost[i])
        sets = [landmark & allowed_mask for landmark in learned.landmarks]

        def learn(chosen: int) -> bool:
            """Learn a landmark from a set that falls short; False when it leaves no allowed course."""
            landmark = reachability.landmark(chosen, by_cost)
            learned.add(landmark)
            sets.append(landmark & allowed_mask)
            return bool(sets[-1])

        if not all(sets):
            return None
        best_cost: int | None = None
        floor = 0  # a lower bound of the optimum: the cost of the last exact hitting set
        check = clock.check if clock.bounded else None
        while True:
            clock.check()
            chosen = greedy_hitting_set(sets, cost, check)
            while not valid(chosen):
                if not learn(chosen):
                    return None
                clock.check()
                chosen = greedy_hitting_set(sets, cost, check)
            chosen = reachability.without_unneeded(chosen, cost, learned.necessary, clock.check)
            value = sum(cost[i] for i in members(chosen))
            if fits(chosen) and (best_cost is None or value < best_cost):
                best, best_cost = chosen, value
            exact = least_hitting_set(
                sets,
                cost,
                below=best_cost,
                floor=floor,
                resources=[weights for weights, _ in limits],
                caps=[cap for _, cap in limits],
                check=check,
                known=chosen,  # a valid path hits every landmark
            )
            if exact is None:  # nothing hits every landmark more cheaply than the best path
                return None if best is None else found_path(problem, objective, best)
            chosen, floor = exact
            if valid(chosen):
                return found_path(problem, objective, chosen)
            learn(chosen)  # leaves an allowed course: H hits every landmark
    except TimeUp:
        pass
    if best is not None:
        raise OutOfTime(found_path(problem, objective, best, proven=False))
    raise OutOfTime(quick_path(problem, objective, caps, excluded, clock) if quick else None)


def quick_path(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    excluded: Collection[int] = (),
    clock: Deadline = NO_DEADLINE,
) -> Found | None:
    """For a search that ran out of time without a path: one found quickly within the deadline's
    grace period (:func:`~pathfinder.planning.reachability.relaxed_path`, then without the
    courses it does not need), marked not proven; None when that finds none within the caps."""
    grace = clock.grace()
    reachability = learned_state(problem).reachability
    cost = costs(problem, objective)
    allowed = [i for i in range(len(problem.courses)) if i not in excluded]
    limits = cap_limits(problem, caps)
    try:
        fast = relaxed_path(reachability, cost, allowed, grace)
        if not fast or not reachability.valid(fast):
            return None
        necessary = learned_state(problem).necessary
        fast = reachability.without_unneeded(fast, cost, necessary, grace.check)
    except TimeUp:
        return None
    if all(sum(weights[i] for i in members(fast)) <= cap for weights, cap in limits):
        return found_path(problem, objective, fast, proven=False)
    return None


def learned_state(problem: Problem) -> _Learned:
    """The problem's shared state (its reachability, and the landmarks learned so far), made on
    first use; both engines keep it (:mod:`pathfinder.planning.engine`)."""
    learned = _LEARNED.get(problem)
    if learned is None:
        learned = _LEARNED[problem] = _Learned(Reachability(problem))
    return learned


def found_path(problem: Problem, objective: str, chosen: int, proven: bool = True) -> Found:
    """The valid course set ``chosen`` (a mask) as a path: in an order it can be taken, keyed."""
    members = [i for i in range(len(problem.courses)) if chosen >> i & 1]
    _, order = learned_state(problem).reachability.reach(members)
    weights = problem.weights
    key = (
        sum(weights[objective][i] for i in members),
        len(members),
        sum(weights["hours"][i] for i in members),
        tuple(problem.courses[i].rank for i in members),
    )
    return Found(tuple(order), key, proven)


def learned_landmarks(problem: Problem) -> tuple[int, ...]:
    """The landmarks (course masks) learned on ``problem`` so far, for inspection and tests."""
    learned = _LEARNED.get(problem)
    return () if learned is None else tuple(learned.landmarks)
