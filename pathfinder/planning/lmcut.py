"""A strong lower bound for the search: the LM-cut heuristic (Helmert and Domshlak, 2009).

Taking courses never lowers a level, so planning here is "delete-free", and LM-cut bounds the
least weight still needed to meet the target from a state far better than any single course
weight does: it finds *landmarks* (sets of courses of which every path from the state takes at
least one), charges each its least weight, and lowers the weights of its courses by that much
before looking for the next one, so that no weight is counted twice. The sum is admissible (never
more than the true remaining weight) but not consistent, which the search allows for.

A course with ``requires_any`` groups is split into one *variant* per choice of an option in each
group, each with the full weight: any path maps to one taking one variant per course, so the bound
stays admissible.

For one state (bits already met count as reached at no cost):

1. ``hmax``: the cost of a fact is the least, over the variants granting it, of the variant's
   weight plus the largest cost among its preconditions (a Dijkstra-like pass).
2. Each variant's *precondition choice* is its costliest precondition. The *goal zone* is the set
   of facts from which the costliest target fact is reached through zero-weight variants (edges
   from the choice to the effects); the *cut* is the set of variants whose choice is reachable from
   the state without entering the goal zone and which grant a fact of the zone.
3. Add the least weight of the cut, subtract it from the weights of the cut, and repeat until the
   target costs nothing.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from itertools import product

from .problem import Problem

_INF = 1 << 62


def _bits(mask: int) -> list[int]:
    out = []
    index = 0
    while mask:
        if mask & 1:
            out.append(index)
        mask >>= 1
        index += 1
    return out


class LMCut:
    """``h(state)``: an admissible lower bound of the weight still needed, None at a dead end."""

    def __init__(self, problem: Problem, weights: Sequence[int], allowed: Sequence[int]) -> None:
        self.n = len(problem.bits)
        pre: list[tuple[int, ...]] = []
        eff: list[tuple[int, ...]] = []
        cost: list[int] = []
        course: list[int] = []
        for i in allowed:
            pc = problem.courses[i]
            grants = tuple(_bits(pc.grant))
            if not grants:
                continue
            required = _bits(pc.req)
            for choice in product(*(_bits(group) for group in pc.any)):
                pre.append(tuple(sorted(set(required).union(choice))))
                eff.append(grants)
                cost.append(weights[i])
                course.append(i)
        self.pre = pre
        self.eff = eff
        self.cost = cost
        self.course = course
        self.eff_mask = [sum(1 << e for e in facts) for facts in eff]
        self.target = _bits(problem.target)
        self._cache: dict[int, tuple[int, dict[int, int]] | None] = {}

    def __call__(self, state: int, useful: int = -1) -> tuple[int, dict[int, int]] | None:
        """``(h, shares)``, or None when the target cannot be met from ``state``.

        ``shares[i]`` is the total cost of the landmarks found that contain course ``i``: every
        other landmark is still one after taking ``i``, so ``h - shares[i]`` is an admissible bound
        for the state after course ``i`` (and at least ``h`` minus the course's weight).

        ``useful``: the thresholds still worth meeting from ``state`` (a course granting none of
        them is in no optimal completion, so leaving it out keeps the bound admissible). Results
        are cached per state, so pass the same ``useful`` for the same state.
        """
        if state in self._cache:
            return self._cache[state]
        value = self._compute(state, useful)
        self._cache[state] = value
        return value

    def _compute(self, state: int, useful: int) -> tuple[int, dict[int, int]] | None:
        goal = [g for g in self.target if not state >> g & 1]
        shares: dict[int, int] = {}
        if not goal:
            return 0, shares
        n = self.n
        keep = useful & ~state
        acts = [a for a, mask in enumerate(self.eff_mask) if mask & keep]
        pre = [[q for q in self.pre[a] if not state >> q & 1] for a in acts]
        eff = [[e for e in self.eff[a] if not state >> e & 1] for a in acts]
        cost = [self.cost[a] for a in acts]
        course = [self.course[a] for a in acts]
        pre_of: list[list[int]] = [[] for _ in range(n)]
        eff_of: list[list[int]] = [[] for _ in range(n)]
        for a, facts in enumerate(pre):
            for q in facts:
                pre_of[q].append(a)
        for a, facts in enumerate(eff):
            for e in facts:
                eff_of[e].append(a)
        actions = range(len(acts))
        free = [a for a in actions if not pre[a]]
        total = 0
        while True:
            # -- hmax ------------------------------------------------------------------------
            value = [_INF] * n
            waiting = [len(p) for p in pre]
            heap: list[tuple[int, int]] = []
            for a in free:
                c = cost[a]
                for e in eff[a]:
                    if c < value[e]:
                        value[e] = c
                        heapq.heappush(heap, (c, e))
            done = [False] * n
            while heap:
                v, f = heapq.heappop(heap)
                if done[f]:
                    continue
                done[f] = True
                for a in pre_of[f]:
                    waiting[a] -= 1
                    if waiting[a] == 0:
                        c = v + cost[a]
                        for e in eff[a]:
                            if c < value[e]:
                                value[e] = c
                                heapq.heappush(heap, (c, e))
            star = max(goal, key=lambda g: value[g])
            if value[star] >= _INF:
                return None
            if value[star] == 0:
                return total, shares
            # -- precondition choice of the reached variants: the costliest precondition (-1: none)
            choice = [-2] * len(acts)  # -2: not reached
            for a in actions:
                if waiting[a] == 0:
                    facts = pre[a]
                    choice[a] = max(facts, key=lambda q: value[q]) if facts else -1
            # -- goal zone -------------------------------------------------------------------------
            zone = [False] * n
            zone[star] = True
            stack = [star]
            while stack:
                f = stack.pop()
                for a in eff_of[f]:
                    if cost[a] == 0:
                        c = choice[a]
                        if c >= 0 and not zone[c]:
                            zone[c] = True
                            stack.append(c)
            # -- facts reached before the zone ------------------------------------------------------
            before = [False] * n
            choice_of: list[list[int]] = [[] for _ in range(n)]
            stack = []
            for a in actions:
                c = choice[a]
                if c >= 0:
                    choice_of[c].append(a)
                elif c == -1:
                    for e in eff[a]:
                        if not zone[e] and not before[e]:
                            before[e] = True
                            stack.append(e)
            while stack:
                f = stack.pop()
                for a in choice_of[f]:
                    for e in eff[a]:
                        if not zone[e] and not before[e]:
                            before[e] = True
                            stack.append(e)
            # -- the cut: reached from before the zone, granting a fact of the zone -------------------
            cut = {
                a for f in range(n) if zone[f] for a in eff_of[f]
                if choice[a] == -1 or (choice[a] >= 0 and before[choice[a]])
            }
            if not cut:  # pragma: no cover - cannot happen (see the module's docstring); stay admissible
                return total, shares
            least = min(cost[a] for a in cut)
            total += least
            for i in {course[a] for a in cut}:
                shares[i] = shares.get(i, 0) + least
            for a in cut:
                cost[a] -= least
