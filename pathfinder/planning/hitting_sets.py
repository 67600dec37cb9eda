"""Least-cost hitting sets, exactly: branch and bound with a cost-partitioning bound.

Given sets of elements (bit masks) and a positive cost per element, find a set of elements that
meets ("hits") every one of them at the least total cost, optionally within caps on additive
resources. The search branches on the unhit set with the fewest elements still allowed: the
first branch takes its cheapest element, the next forbids that one and takes the second, and so
on, so no selection is visited twice.

The bound on what the unhit sets still cost is a *cost partitioning*: go through them, charge
each the least remaining cost of its allowed elements, and take that much off the cost of each of
them. Any hitting set pays at least the sum, since each charge is paid from the costs of elements
of its own set and no part of an element's cost is charged twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .bitsets import members as _elements


def least_hitting_set(
    sets: Sequence[int],
    cost: Sequence[int],
    *,
    below: int | None = None,
    floor: int = 0,
    resources: Sequence[Sequence[int]] = (),
    caps: Sequence[int] = (),
    check: Callable[[], None] | None = None,
    known: int | None = None,
) -> tuple[int, int] | None:
    """``(elements, total cost)`` of a least-cost set hitting every mask of ``sets``.

    ``below``: only a hitting set cheaper than this is wanted (None when there is none).
    ``floor``: a known lower bound; a hitting set that costs it ends the search at once.
    ``resources[r][e]`` and ``caps[r]``: the elements' total of each resource must stay within
    its cap. An empty set in ``sets`` has no hitting set.
    ``check``: called every few hundred nodes (to stop a long search by raising).
    ``known``: a hitting set already at hand, the first incumbent (default: a greedy one).
    """
    if any(not s for s in sets):
        return None
    # small sets first: they concentrate the bound and are the first to branch on
    order = sorted(set(sets), key=lambda s: (s.bit_count(), s))
    members = {s: sorted(_elements(s), key=lambda e: cost[e]) for s in order}
    best_cost = below
    best: int | None = None
    n_res = len(caps)
    visits = 0
    start = greedy_hitting_set(order, cost) if known is None else known
    start_cost = sum(cost[e] for e in _elements(start))
    if (below is None or start_cost < below) and all(
        sum(resources[r][e] for e in _elements(start)) <= caps[r] for r in range(n_res)
    ):
        best, best_cost = start, start_cost
        if start_cost <= floor:
            return best, best_cost

    def visit(
        chosen: int, forbidden: int, spent: int, used: tuple[int, ...], pending: list[int]
    ) -> bool:
        """Search below this node; True when a hitting set costing ``floor`` was found."""
        nonlocal best_cost, best, visits
        visits += 1
        if check is not None and not visits & 255:
            check()
        unhit = [s for s in pending if not s & chosen]
        while True:
            if not unhit:
                if best_cost is None or spent < best_cost:
                    best_cost, best = spent, chosen
                return spent <= floor
            # bound: cost partitioning over the unhit sets; pick the branching set on the way;
            # a set with one element left forces it (taken at once, without branching)
            taken: dict[int, int] = {}
            bound = 0
            branch: list[int] | None = None
            least_room = [0] * n_res
            forced = 0
            for s in unhit:
                allowed = [e for e in members[s] if not forbidden >> e & 1]
                if not allowed:
                    return False
                if len(allowed) == 1:
                    forced |= 1 << allowed[0]
                    continue
                if forced:
                    continue
                share = min(cost[e] - taken.get(e, 0) for e in allowed)
                if share:
                    bound += share
                    for e in allowed:
                        taken[e] = taken.get(e, 0) + share
                if branch is None or len(allowed) < len(branch):
                    branch = allowed
                for r in range(n_res):
                    need = min(resources[r][e] for e in allowed)
                    if need > least_room[r]:
                        least_room[r] = need
            if not forced:
                break
            elements = _elements(forced)
            spent += sum(cost[e] for e in elements)
            used = tuple(used[r] + sum(resources[r][e] for e in elements) for r in range(n_res))
            if any(used[r] > caps[r] for r in range(n_res)) or (
                best_cost is not None and spent >= best_cost
            ):
                return False
            chosen |= forced
            unhit = [s for s in unhit if not s & forced]
            if check is not None:
                check()
        if best_cost is not None and spent + bound >= best_cost:
            return False
        for r in range(n_res):
            if used[r] + least_room[r] > caps[r]:
                return False
        assert branch is not None
        for e in branch:
            after = tuple(used[r] + resources[r][e] for r in range(n_res))
            if all(after[r] <= caps[r] for r in range(n_res)):
                if visit(chosen | 1 << e, forbidden, spent + cost[e], after, unhit):
                    return True
            forbidden |= 1 << e
        return False

    visit(0, 0, 0, (0,) * n_res, order)
    if best is None or best_cost is None:
        return None
    return best, best_cost


def greedy_hitting_set(
    sets: Sequence[int], cost: Sequence[int], check: Callable[[], None] | None = None
) -> int:
    """A hitting set, not always the cheapest: the element of every one-element set, then
    repeatedly the element of least cost per set it newly hits, then without the elements the
    others make unnecessary (costliest first). ``check`` is called at every step (to stop a long
    run by raising)."""
    forced = 0
    for s in sets:
        if not s & (s - 1):
            forced |= s
    unhit = [s for s in sets if not s & forced]
    chosen = forced
    while unhit:
        if check is not None:
            check()
        counts: dict[int, int] = {}
        for s in unhit:
            for e in _elements(s):
                counts[e] = counts.get(e, 0) + 1
        pick = min(counts, key=lambda e: (cost[e] // counts[e], e))
        chosen |= 1 << pick
        unhit = [s for s in unhit if not s >> pick & 1]
    for e in sorted(_elements(chosen & ~forced), key=lambda e: -cost[e]):
        if check is not None:
            check()
        rest = chosen & ~(1 << e)
        if all(s & rest for s in sets):
            chosen = rest
    return chosen
