"""The K best paths: pairwise distinct, none a superset of an earlier one, each irredundant.

A course set ``S`` is acceptable as the k-th path iff it is not a superset of any earlier pick
``P_1..P_{k-1}``, i.e. iff it avoids at least one course of each: iff it avoids some *hitting set*
``H`` (one course chosen from each ``P_j``). So the k-th best is the least, over the hitting sets,
of the optimum with the courses of ``H`` excluded. That optimum is irredundant by itself: dropping
a course would give a valid path that still avoids ``H`` with a smaller key. So these are the true
K best irredundant paths, in key order.

Only minimal hitting sets matter (excluding more can only make the optimum worse), and when the
optimum for ``H`` does not use a course ``c``, it is also the optimum for ``H + {c}``: most
subproblems are answered without a search.

With a deadline, the first search running out of time raises :class:`OutOfTime` (the caller
decides what to do with its unproven path); a later one ends the list with the paths already
proven.
"""

from __future__ import annotations

from .deadline import Deadline, TimeUp
from .problem import Problem
from .search import NO_CAPS, Caps, Found, OutOfTime, necessary_courses, search


def k_best(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    k: int = 3,
    deadline: Deadline | float | None = None,
) -> list[Found]:
    """Up to ``k`` paths, best first (see the module's docstring)."""
    clock = Deadline.of(deadline)
    solutions: dict[frozenset[int], Found | None] = {}

    def solve(excluded: frozenset[int], parent: frozenset[int] | None = None) -> Found | None:
        if excluded in solutions:
            return solutions[excluded]
        found: Found | None
        if parent is not None and parent in solutions:
            known = solutions[parent]
            if known is None or not (excluded - parent) & known.members:
                solutions[excluded] = known
                return known
        found = search(problem, objective, caps, excluded, clock)
        solutions[excluded] = found
        return found

    first = solve(frozenset())
    if first is None or k < 1:
        return []
    picks = [first]
    hitting: set[frozenset[int]] = {frozenset()}
    while len(picks) < k:
        last = picks[-1].members
        # excluding a course every path takes leaves no path, now and with any more excluded
        necessary = necessary_courses(problem)
        extended: dict[frozenset[int], frozenset[int]] = {}
        try:
            for h in hitting:
                clock.check()
                if h & last:
                    extended.setdefault(h, h)
                else:
                    for course in last:
                        if not necessary >> course & 1:
                            extended.setdefault(h | {course}, h)
            minimal = _minimal(extended, clock)
        except TimeUp:
            return picks
        best: Found | None = None
        for h in sorted(minimal, key=sorted):
            try:
                found = solve(h, extended[h] if extended[h] != h else None)
            except OutOfTime:
                return picks
            if found is not None and (best is None or found.key < best.key):
                best = found
        hitting = set(minimal)
        if best is None:
            break
        picks.append(best)
    return picks


def _minimal(sets: dict[frozenset[int], frozenset[int]], clock: Deadline) -> list[frozenset[int]]:
    """The sets that include no other set of the collection (TimeUp past ``clock``)."""
    ordered = sorted(sets, key=len)
    kept: list[frozenset[int]] = []
    for candidate in ordered:
        clock.check()
        if not any(other <= candidate for other in kept):
            kept.append(candidate)
    return kept
