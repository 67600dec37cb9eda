"""What a set of courses reaches, and landmarks learned from a set that falls short: the compiled
twin of the level arithmetic.

:mod:`pathfinder.levels` defines when levels meet a course's requirements and computes what
courses reach (:func:`pathfinder.levels.reach`). The search asks that question thousands of times
over the courses of one compiled :class:`~pathfinder.planning.problem.Problem`, so here it is
asked over bit sets instead: a state is the int of thresholds met, a course's grants, ``requires``
and ``requires_any`` groups are masks, and the same event-driven fixpoint runs over bits. The two
agree exactly on the thresholds the problem compiles.

Courses only add levels, so a set of courses reaches a fixed set of thresholds whatever order it
is taken in (:func:`reach`), and it is a valid path to the target exactly when that set includes
the target's thresholds.

A set ``H`` that falls short teaches a **landmark**: let ``R`` be what ``H`` reaches; every valid
path takes, before anything else outside ``R``, a course that can be taken within ``R`` and meets
a threshold outside it, so every path takes one of those courses. The landmark is stronger (fewer
courses) when ``H`` is first *saturated*: grown, cheapest course first, with every course that
still leaves the target unmet (Haslum, Slaney and Thiébaux, "Minimal landmarks for optimal
delete-free planning", 2012).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from .bitsets import members as _indices
from .deadline import NO_DEADLINE, Deadline
from .problem import Problem


class Reachability:
    """Forward reachability over the courses of one problem, driven by events: the bit-set twin
    of :func:`pathfinder.levels.reach`."""

    def __init__(self, problem: Problem) -> None:
        courses = problem.courses
        self.grant = [pc.grant for pc in courses]
        self.target = problem.target
        # conditions of course i: one per required threshold, one per any-of group
        self.conditions: list[list[int]] = []
        watchers: list[list[tuple[int, int]]] = [[] for _ in range(len(problem.bits))]
        for i, pc in enumerate(courses):
            conds = [1 << b for b in _indices(pc.req)] + list(pc.any)
            self.conditions.append(conds)
            for c, mask in enumerate(conds):
                for b in _indices(mask):
                    watchers[b].append((i, c))
        self.watchers = watchers
        self.grant_bits = [_indices(pc.grant) for pc in courses]

    def reach(self, members: Sequence[int]) -> tuple[int, list[int]]:
        """What the courses at ``members`` reach, and an order to take the ones that can be taken.

        The order is that of repeated sweeps through ``members`` taking every course that can be
        taken by then, computed event by event: a course enabled by the course at sweep ``s`` and
        position ``p`` is taken in the same sweep when it comes after ``p``, else in the next one;
        a heap keyed by (sweep, position) takes them in that order. Linear up to the heap, even
        for a long chain listed backwards."""
        position = {i: p for p, i in enumerate(members)}
        conditions = self.conditions
        grant = self.grant
        watchers = self.watchers
        unmet: dict[int, int] = {}
        met: set[tuple[int, int]] = set()
        heap: list[tuple[int, int]] = []
        for p, i in enumerate(members):
            unmet[i] = len(conditions[i])
            if not conditions[i]:
                heap.append((0, p))
        heapq.heapify(heap)
        state = 0
        order: list[int] = []
        while heap:
            sweep, p = heapq.heappop(heap)
            i = members[p]
            order.append(i)
            new = grant[i] & ~state
            if not new:
                continue
            state |= new
            for b in _indices(new):
                for j, c in watchers[b]:
                    q = position.get(j)
                    if q is None or (j, c) in met:
                        continue
                    met.add((j, c))
                    unmet[j] -= 1
                    if unmet[j] == 0:
                        heapq.heappush(heap, (sweep if q > p else sweep + 1, q))
        return state, order

    def valid(self, chosen: int) -> bool:
        """Whether the set ``chosen`` (a mask) can be taken in some order and meets the target."""
        return self.reach(_indices(chosen))[0] & self.target == self.target

    def without_unneeded(
        self,
        chosen: int,
        cost: Sequence[int],
        keep: int = 0,
        check: Callable[[], None] | None = None,
    ) -> int:
        """The valid set ``chosen`` without the courses it does not need: each course, costliest
        first, is dropped when the rest is still valid; the courses of ``keep`` (every path takes
        them) stay without a test. ``check`` is called before each test (to stop by raising)."""
        for i in sorted(_indices(chosen), key=lambda i: -cost[i]):
            if keep >> i & 1:
                continue
            if check is not None:
                check()
            if self.valid(chosen & ~(1 << i)):
                chosen &= ~(1 << i)
        return chosen

    def landmark(self, members: int, candidates: Sequence[int]) -> int:
        """The courses (as a mask) of which every path takes one, learned from ``members``, a set
        that falls short of the target: saturated with ``candidates`` (in the order given, usually
        cheapest first), then the courses that would reach further (any course, not only
        candidates, so the landmark holds whatever courses a later search excludes)."""
        n = len(self.grant)
        grant = self.grant
        conditions = self.conditions
        watchers = self.watchers
        grant_bits = self.grant_bits
        target = self.target
        unmet = [len(conds) for conds in conditions]
        met = [[False] * len(conds) for conds in conditions]
        member = [False] * n
        for i in range(n):
            if members >> i & 1:
                member[i] = True
        state = 0
        journal: list[tuple[int, int]] | None = None

        def fire(first: int) -> bool:
            """Take course ``first`` and every member it enables; True when the target is met."""
            nonlocal state
            stack = [first]
            while stack:
                i = stack.pop()
                new = grant[i] & ~state
                if not new:
                    continue
                state |= new
                if state & target == target:
                    return True
                for b in grant_bits[i]:
                    if not new >> b & 1:
                        continue
                    for j, c in watchers[b]:
                        if met[j][c]:
                            continue
                        met[j][c] = True
                        unmet[j] -= 1
                        if journal is not None:
                            journal.append((j, c))
                        if unmet[j] == 0 and member[j]:
                            stack.append(j)
            return False

        for i in range(n):
            if member[i] and unmet[i] == 0:
                fire(i)
        for i in candidates:
            if member[i]:
                continue
            if unmet[i] or not grant[i] & ~state:
                member[i] = True  # changes nothing now; fires later if something enables it
                continue
            before = state
            journal = []
            member[i] = True
            if fire(i):  # would meet the target: undo, keep it out
                member[i] = False
                state = before
                for j, c in journal:
                    met[j][c] = False
                    unmet[j] += 1
            journal = None
        landmark = 0
        for i in range(n):
            if not member[i] and unmet[i] == 0 and grant[i] & ~state:
                landmark |= 1 << i
        return landmark


def relaxed_path(
    reachability: Reachability,
    cost: Sequence[int],
    allowed: Sequence[int],
    deadline: Deadline | None = None,
) -> int:
    """A valid set of allowed courses (as a mask), found quickly but not always the cheapest: each
    threshold is met by the course that does it at the least *additive* cost (its cost plus the
    costs of meeting its requirements, counted as if nothing were shared), recursively. Each
    chosen course's requirements are met by courses of smaller additive cost, so the set can be
    taken in that order. 0 when the target cannot be reached with the allowed courses.

    The additive costs are settled cheapest first, as in Dijkstra's algorithm (Knuth's
    generalisation: a course's cost only grows with its requirements'), so a long chain costs
    linear time. Raises :class:`~pathfinder.planning.deadline.TimeUp` past ``deadline``."""
    check = (deadline or NO_DEADLINE).check
    conditions = reachability.conditions
    value: list[int | None] = [None] * len(reachability.watchers)
    support = [-1] * len(value)
    is_allowed = set(allowed)
    unmet = {i: len(conditions[i]) for i in allowed}
    partial = {i: cost[i] for i in allowed}  # own cost plus the settled least of each condition
    met: set[tuple[int, int]] = set()
    heap: list[tuple[int, int, int]] = []  # (additive cost, course, threshold bit)

    def offer(i: int) -> None:
        for b in reachability.grant_bits[i]:
            if value[b] is None:
                heapq.heappush(heap, (partial[i], i, b))

    for i in allowed:
        if not conditions[i]:
            offer(i)
    while heap:
        check()
        total, i, b = heapq.heappop(heap)
        if value[b] is not None:
            continue
        value[b] = total
        support[b] = i
        for j, c in reachability.watchers[b]:
            if j not in is_allowed or (j, c) in met:
                continue
            met.add((j, c))  # the first settled option of a condition is its least
            partial[j] += total
            unmet[j] -= 1
            if unmet[j] == 0:
                offer(j)
    chosen = 0
    stack = list(_indices(reachability.target))
    seen = set()
    while stack:
        b = stack.pop()
        if b in seen:
            continue
        seen.add(b)
        i = support[b]
        if i < 0:
            return 0
        chosen |= 1 << i
        for cond in reachability.conditions[i]:
            options = [(v, q) for q in _indices(cond) if (v := value[q]) is not None]
            stack.append(min(options)[1])
    return chosen
