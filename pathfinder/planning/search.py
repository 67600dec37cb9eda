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
  a smaller key than another to the same state, every completion of it is smaller too. A label is
  therefore dropped only when a label of the same state with a smaller-or-equal key (and, with
  caps, no more of every capped resource) is known; a better label found later for a state already
  expanded is expanded again.
- Labels are ordered by ``(g + h, count, hours, ranks)`` where ``h`` is an admissible lower bound
  of the objective still needed (:mod:`pathfinder.planning.lmcut`; it is exact at a goal, 0). As
  long as no optimal path is found, a prefix of it waits in the queue with an order no greater
  than the optimum's key (``count`` is smaller for a proper prefix), so the first goal popped is
  the optimum. ``h`` is costly, so it is computed when a label is popped: labels are pushed with
  a cheaper bound (the parent's ``h`` minus the course's weight, or the weight of the cheapest
  course meeting an unmet target threshold) and pushed again with the true one.

From each state, only the courses granting a threshold still worth meeting are tried (see
``needed`` in :func:`search`): the optimum never takes another.

With caps (hours, weeks, out-of-pocket euros), labels also carry the capped resources, and a label
is dropped when its resources plus an admissible lower bound of what is left exceed a cap.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection
from dataclasses import dataclass

from .lmcut import LMCut
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
    name = _weight_name(objective)
    wobj = problem.weights[name]
    whours = problem.weights["hours"]
    wweeks = problem.weights["weeks"]
    wpays = problem.weights["pays"]
    table = problem.bound_table(name)
    allowed = [i for i in range(len(problem.courses)) if i not in excluded]
    moves = [(i, pc.grant, pc.req, pc.any, pc.rank) for i in allowed for pc in (problem.courses[i],)]
    count_table = problem.bound_table("courses")
    hours_table = problem.bound_table("hours")
    objective_bound = LMCut(problem, wobj, allowed)
    # out-of-pocket cost is often 0 (funded courses): its ties are broken by the count, which then
    # needs a strong bound too
    count_bound = LMCut(problem, problem.weights["courses"], allowed) if name == "pays" else None
    # a cheap bound has no landmark shares: the child's is its own, not the parent's minus a share
    no_shares = None

    Bound = tuple[int, dict[int, int] | None]

    def bounds(state: int) -> tuple[Bound, Bound, Bound] | None:
        """Lower bounds (with landmark shares, see :class:`LMCut`) of the objective, count and
        hours still needed; None at a dead end. The objective's is LM-cut; the tie-breaking
        components use the cheap bound unless they are the objective (or the count for cost)."""
        useful = needed(state)
        found = objective_bound(state, useful)
        if found is None:
            return None
        ho: Bound = found
        hc: Bound = ho if name == "courses" else (_lower_bound(count_table, state), no_shares)
        if count_bound is not None:
            counted = count_bound(state, useful)
            assert counted is not None
            hc = counted
        hh: Bound = ho if name == "hours" else (_lower_bound(hours_table, state), no_shares)
        return ho, hc, hh

    needed_cache: dict[int, int] = {}

    def needed(state: int) -> int:
        """The thresholds still worth meeting from ``state``: the unmet target thresholds and,
        recursively, the unmet requirements of the courses granting one. A course of an
        irredundant path grants one of them where it is taken (it supplies a later course or the
        target), and the optimum is irredundant, so only those courses need trying."""
        known = needed_cache.get(state)
        if known is not None:
            return known
        need = target & ~state
        pending = moves
        changed = True
        while changed:
            changed = False
            rest = []
            for move in pending:
                _, grant, req, anys, _ = move
                if grant & need:
                    extra = req & ~state
                    for a in anys:
                        if not a & state:
                            extra |= a
                    if extra & ~need:
                        need |= extra
                        changed = True
                else:
                    rest.append(move)
            pending = rest
        needed_cache[state] = need
        return need

    cap_h = scaled_cap(caps.max_hours, problem.scale["hours"])
    cap_w = scaled_cap(caps.max_weeks, problem.scale["weeks"])
    cap_p = scaled_cap(caps.budget_eur, problem.scale["pays"])
    limits = [
        (position, cap, problem.bound_table(weight))
        for position, (cap, weight) in enumerate(((cap_h, "hours"), (cap_w, "weeks"), (cap_p, "pays")))
        if cap is not None
    ]

    def fits(res: tuple[int, int, int], state: int) -> bool:
        return all(res[position] + _lower_bound(bound, state) <= cap for position, cap, bound in limits)

    capped = bool(limits)
    use_h, use_w, use_p = cap_h is not None, cap_w is not None, cap_p is not None
    if capped and not fits((0, 0, 0), 0):
        return None
    # per state: the (key, capped resources) of the labels not known to be dominated
    labels: dict[int, list[tuple[Key, tuple[int, int, int]]]] = {0: [((0, 0, 0, ()), (0, 0, 0))]}

    def dominated(state: int, key: Key, res: tuple[int, int, int], strictly: bool) -> bool:
        for other_key, other_res in labels.get(state, ()):
            if other_key <= key and other_res[0] <= res[0] and other_res[1] <= res[1] and other_res[2] <= res[2]:
                if not strictly or (other_key, other_res) != (key, res):
                    return True
        return False

    def add(state: int, key: Key, res: tuple[int, int, int]) -> None:
        kept = [
            (k, r) for k, r in labels.get(state, ())
            if not (key <= k and res[0] <= r[0] and res[1] <= r[1] and res[2] <= r[2])
        ]
        kept.append((key, res))
        labels[state] = kept

    # Labels are ordered by lower bounds of their best completion's key, component by component
    # (admissible for the lexicographic order), then goals after the other labels with the same
    # bounds (so the goal with the least ranks among equals is known when one is popped), then
    # deeper labels first.
    # (objective, count, hours, goal?, -count, ranks, evaluated, state, g, order, weeks, pays)
    Entry = tuple[int, int, int, int, int, tuple[int, ...], bool, int, int, tuple[int, ...], int, int]
    start_bounds = (_lower_bound(table, 0), _lower_bound(count_table, 0), _lower_bound(hours_table, 0))
    heap: list[Entry] = [(*start_bounds, 0, 0, (), False, 0, 0, (), 0, 0)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        f, fc, fh, is_goal, _, ranks, evaluated, state, g, order, weeks, pays = pop(heap)
        count = len(order)
        hours = fh if is_goal else sum(whours[i] for i in order)
        key = (g, count, hours, ranks)
        res = (hours if use_h else 0, weeks if use_w else 0, pays if use_p else 0)
        if dominated(state, key, res, strictly=True):
            continue
        if is_goal:
            return Found(order, key)
        hvec = bounds(state)
        if hvec is None:
            continue
        (ho, so), (hc, sc), (hh, sh) = hvec
        if not evaluated and (g + ho, count + hc, hours + hh) > (f, fc, fh):
            push(heap, (g + ho, count + hc, hours + hh, 0, -count, ranks, True, state, g, order, weeks, pays))
            continue
        useful = needed(state)
        for i, grant, req, anys, rank in moves:
            new = state | grant
            if new == state or not grant & useful or req & state != req:
                continue
            if anys and not all(state & a for a in anys):
                continue
            w = wobj[i]
            wh = whours[i]
            nh, nw, np_ = hours + wh, weeks + wweeks[i], pays + wpays[i]
            if capped and not fits((nh, nw, np_), new):
                continue
            child_res = (nh if use_h else 0, nw if use_w else 0, np_ if use_p else 0)
            child_ranks = tuple(sorted((*ranks, rank)))
            child_key = (g + w, count + 1, nh, child_ranks)
            if new in labels and dominated(new, child_key, child_res, strictly=False):
                continue
            add(new, child_key, child_res)
            if new & target == target:
                push(heap, (g + w, count + 1, nh, 1, 0, child_ranks, True, new, g + w, (*order, i), nw, np_))
                continue
            bo = max(ho - so.get(i, 0), _lower_bound(table, new)) if so is not None else _lower_bound(table, new)
            bc = _lower_bound(count_table, new)
            if sc is not None:
                bc = max(hc - sc.get(i, 0), bc)
            bh = _lower_bound(hours_table, new)
            if sh is not None:
                bh = max(hh - sh.get(i, 0), bh)
            push(heap, (g + w + bo, count + 1 + bc, nh + bh, 0, -count - 1, child_ranks, False, new, g + w,
                        (*order, i), nw, np_))
    return None
