"""The exact search: A* over threshold states with a lexicographic key.

A path's **key** is ``(objective, number of courses, hours, ranks)`` where ``ranks`` is the sorted
tuple of its courses' positions in id order. The planner returns the path of least key: least
objective, then fewer courses, then fewer hours, then the smaller sorted tuple of course ids. The
key determines the course set, so the optimum is unique.

Why A* on states is exact with this key:

- Every component but ``ranks`` adds up along a path, and adding a course increases ``count``, so
  the key grows strictly along any path.
- Two partial paths ending in the same state continue the same way, and the continuation never
  repeats one of their courses (a course already taken grants nothing new). Adding the same new
  courses to two sets of the same size keeps their sorted-tuple order; so if one partial path has
  a smaller key than another to the same state, every completion of it is smaller too. Keeping the
  first label settled per state (per Pareto-optimal resource vector, with caps) loses no optimum.
- The heuristic (see :meth:`Problem.bound_table`) is a consistent lower bound of the objective
  that remains; it is added to the first component only, so ``f`` still grows strictly along a
  path and equals the key at a goal. The first goal popped is optimal.

With caps (hours, weeks, out-of-pocket euros), labels also carry the capped resources; a label is
dropped only when an earlier-settled label of the same state has a smaller-or-equal key and no more
of every capped resource (it can do anything the dropped one can, no worse), and when its resources
plus an admissible lower bound of what is left exceed a cap. Still exact.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection
from dataclasses import dataclass

from .numbers import scaled_cap
from .problem import Problem

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
    """A path found by the search: positions in ``problem.courses``, in the order taken."""

    order: tuple[int, ...]
    key: Key

    @property
    def members(self) -> frozenset[int]:
        return frozenset(self.order)


def _weight_name(objective: str) -> str:
    return "pays" if objective == "cost" else objective


def _lower_bound(table: list[tuple[int, int]], state: int) -> int:
    for least, bit in table:
        if not state & bit:
            return least
    return 0


def search(problem: Problem, objective: str, caps: Caps = NO_CAPS, excluded: Collection[int] = ()) -> Found | None:
    """The path of least key avoiding the courses at positions ``excluded``, within ``caps``."""
    target = problem.target
    if not problem.reachable:
        return None
    if target == 0:
        return Found((), (0, 0, 0, ()))
    wobj = problem.weights[_weight_name(objective)]
    whours = problem.weights["hours"]
    wweeks = problem.weights["weeks"]
    wpays = problem.weights["pays"]
    table = problem.bound_table(_weight_name(objective))
    moves = [
        (i, pc.grant, pc.req, pc.any, pc.rank)
        for i, pc in enumerate(problem.courses)
        if i not in excluded
    ]
    if caps.any:
        return _search_capped(problem, objective, caps, moves, table, wobj, whours, wweeks, wpays)

    closed: set[int] = set()
    # (f, count, hours, ranks, state, g, order)
    heap: list[tuple[int, int, int, tuple[int, ...], int, int, tuple[int, ...]]] = [
        (_lower_bound(table, 0), 0, 0, (), 0, 0, ())
    ]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        _, count, hours, ranks, state, g, order = pop(heap)
        if state in closed:
            continue
        closed.add(state)
        if state & target == target:
            return Found(order, (g, count, hours, ranks))
        for i, grant, req, anys, rank in moves:
            new = state | grant
            if new == state or req & state != req or new in closed:
                continue
            if anys and not all(state & a for a in anys):
                continue
            ng = g + wobj[i]
            push(heap, (ng + _lower_bound(table, new), count + 1, hours + whours[i],
                        tuple(sorted((*ranks, rank))), new, ng, (*order, i)))
    return None


def _search_capped(
    problem: Problem,
    objective: str,
    caps: Caps,
    moves: list[tuple[int, int, int, tuple[int, ...], int]],
    table: list[tuple[int, int]],
    wobj: list[int],
    whours: list[int],
    wweeks: list[int],
    wpays: list[int],
) -> Found | None:
    target = problem.target
    cap_h = scaled_cap(caps.max_hours, problem.scale["hours"])
    cap_w = scaled_cap(caps.max_weeks, problem.scale["weeks"])
    cap_p = scaled_cap(caps.budget_eur, problem.scale["pays"])
    lb_h = problem.bound_table("hours") if cap_h is not None else None
    lb_w = problem.bound_table("weeks") if cap_w is not None else None
    lb_p = problem.bound_table("pays") if cap_p is not None else None
    use_h, use_w, use_p = cap_h is not None, cap_w is not None, cap_p is not None

    def fits(hours: int, weeks: int, pays: int, state: int) -> bool:
        if lb_h is not None and cap_h is not None and hours + _lower_bound(lb_h, state) > cap_h:
            return False
        if lb_w is not None and cap_w is not None and weeks + _lower_bound(lb_w, state) > cap_w:
            return False
        return not (lb_p is not None and cap_p is not None and pays + _lower_bound(lb_p, state) > cap_p)

    if not fits(0, 0, 0, 0):
        return None
    settled: dict[int, list[tuple[int, int, int]]] = {}
    # (f, count, hours, ranks, state, g, order, weeks, pays)
    heap: list[tuple[int, int, int, tuple[int, ...], int, int, tuple[int, ...], int, int]] = [
        (_lower_bound(table, 0), 0, 0, (), 0, 0, (), 0, 0)
    ]
    pop, push = heapq.heappop, heapq.heappush

    def dominated(state: int, res: tuple[int, int, int]) -> bool:
        for other in settled.get(state, ()):
            if other[0] <= res[0] and other[1] <= res[1] and other[2] <= res[2]:
                return True
        return False

    while heap:
        _, count, hours, ranks, state, g, order, weeks, pays = pop(heap)
        res = (hours if use_h else 0, weeks if use_w else 0, pays if use_p else 0)
        if dominated(state, res):
            continue
        settled.setdefault(state, []).append(res)
        if state & target == target:
            return Found(order, (g, count, hours, ranks))
        for i, grant, req, anys, rank in moves:
            new = state | grant
            if new == state or req & state != req:
                continue
            if anys and not all(state & a for a in anys):
                continue
            nh, nw, np_ = hours + whours[i], weeks + wweeks[i], pays + wpays[i]
            if not fits(nh, nw, np_, new):
                continue
            if new in settled and dominated(new, (nh if use_h else 0, nw if use_w else 0, np_ if use_p else 0)):
                continue
            ng = g + wobj[i]
            push(heap, (ng + _lower_bound(table, new), count + 1, nh, tuple(sorted((*ranks, rank))),
                        new, ng, (*order, i), nw, np_))
    return None
