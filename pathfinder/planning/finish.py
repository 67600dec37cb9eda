"""The ``finish`` objective, exact: the paths whose last course ends earliest on the calendar.

A finish date is not a sum of per-course amounts, so the landmark search does not apply. This is
a best-first search over course *sets* (:func:`k_earliest`), keyed like every objective:
``(finish day, number of courses, hours, sorted ranks)``.

**Why it is exact.** The levels after a set of courses do not depend on their order, and the
earliest end of a set (over all its orders and session choices) is reached greedily along some
order (:mod:`pathfinder.planning.calendar`). So the best end of a set is the least, over its
courses ``c`` that can be taken last, of the earliest run of ``c`` after the best end of the set
without ``c``. Adding a course makes the key strictly larger (one more course), so sets leave the
queue in key order, each with its final best end (Dijkstra's argument): the first set that meets
the target is the optimum, and the next ones, skipping any superset of an earlier pick, are the
true next best paths.

**Time.** With a time limit, this search uses the first half of the time left. Past it, the best
set found is reported as not proven; when none is, the landmark search for the fewest hours gets
the other half, and its path is scheduled and shown instead (also not proven). On a large catalog with no
travel radius the sets to explore grow fast: this is where the time limit is met.

**Pruning that keeps it exact.** A course that raises no needed threshold at its point is never
added: dropping it from such a schedule leaves a valid one that ends no later with fewer courses,
which comes first. With one path asked for, a set is also dropped when another set with the same
thresholds met ended no later with no more courses and hours, and strictly fewer courses or
hours (every completion of it is beaten by the same completion of the other).
"""

from __future__ import annotations

import heapq
from datetime import date

from .calendar import Runs, takeable
from .deadline import Deadline, TimeUp
from .engine import search
from .problem import Problem
from .search import NO_CAPS, Caps, Found, OutOfTime, cap_limits


def k_earliest(
    problem: Problem, caps: Caps = NO_CAPS, k: int = 1, clock: Deadline | None = None
) -> list[Found]:
    """Up to ``k`` paths by least key (finish day first), none a superset of an earlier one,
    within ``caps``; each :class:`~pathfinder.planning.search.Found` in a calendar order.

    Past ``clock``, raises :class:`~pathfinder.planning.search.OutOfTime` with the best path
    found by then, if any.
    """
    clock = clock or Deadline.after(None)
    own = clock.share(2)  # the other half for a fallback path, should this search not end
    courses = problem.courses
    target = problem.target
    if not problem.reachable:
        return []
    first_day: date = problem.context.first_day
    before = first_day.toordinal() - 1
    runs = [Runs(pc.usage) for pc in courses]
    hours = problem.weights["hours"]
    limits = cap_limits(problem, caps)
    ranks = [pc.rank for pc in courses]

    best_end: dict[int, int] = {0: before}
    came_from: dict[int, tuple[int, int]] = {}
    have_of: dict[int, int] = {0: 0}
    used: dict[int, tuple[int, ...]] = {0: tuple(0 for _ in limits)}
    done: set[int] = set()
    labels: dict[int, list[tuple[int, int, int]]] = {}  # thresholds met -> (end, n, hours)
    heap: list[tuple[int, int, int, tuple[int, ...], int]] = [(0, 0, 0, (), 0)]
    picks: list[Found] = []
    picked: list[int] = []  # their course sets, as masks

    def order_of(chosen: int) -> tuple[int, ...]:
        order: list[int] = []
        while chosen:
            chosen, course = came_from[chosen]
            order.append(course)
        return tuple(reversed(order))

    def dominated(have: int, end: int, n: int, spent: int) -> bool:
        for other_end, other_n, other_hours in labels.get(have, ()):
            if (
                other_end <= end
                and other_n <= n
                and other_hours <= spent
                and (other_n < n or other_hours < spent)
            ):
                return True
        return False

    try:
        while heap:
            own.check()
            days, n, spent, key_ranks, chosen = heapq.heappop(heap)
            if chosen in done or before + days != best_end[chosen]:
                continue
            done.add(chosen)
            have = have_of[chosen]
            if have & target == target:
                if all(chosen & p != p for p in picked):
                    picked.append(chosen)
                    picks.append(Found(order_of(chosen), (days, n, spent, key_ranks)))
                    if len(picks) == k:
                        break
                continue
            end = best_end[chosen]
            if k == 1:
                if dominated(have, end, n, spent):
                    continue
                labels.setdefault(have, []).append((end, n, spent))
            for i, pc in enumerate(courses):
                bit = 1 << i
                if chosen & bit or not pc.grant & ~have or not takeable(pc.req, pc.any, have):
                    continue
                grown = chosen | bit
                if grown in done:
                    continue
                spent_caps = tuple(
                    u + weights[i] for u, (weights, _) in zip(used[chosen], limits, strict=True)
                )
                if any(u > cap for u, (_, cap) in zip(spent_caps, limits, strict=True)):
                    continue
                finish = runs[i].end_after(end)
                if finish is None:
                    continue
                known = best_end.get(grown)
                if known is not None and known <= finish:
                    continue
                best_end[grown] = finish
                came_from[grown] = (chosen, i)
                have_of[grown] = have | pc.grant
                used[grown] = spent_caps
                heapq.heappush(
                    heap,
                    (
                        finish - before,
                        n + 1,
                        spent + hours[i],
                        tuple(sorted((*key_ranks, ranks[i]))),
                        grown,
                    ),
                )
    except TimeUp:
        best = picks[0] if picks else _quick(problem, caps, clock)
        raise OutOfTime(None if best is None else Found(best.order, best.key, False)) from None
    return picks


def _quick(problem: Problem, caps: Caps, clock: Deadline) -> Found | None:
    """Out of time before any set met the target: the fewest-hours path that the landmark search
    finds by ``clock`` (:func:`~pathfinder.planning.search.search`), to be scheduled and shown as
    not proven; None when there is none."""
    try:
        return search(problem, "hours", caps, deadline=clock)
    except OutOfTime as stopped:
        return stopped.best
