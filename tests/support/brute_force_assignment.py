"""A brute-force reference for a basin's assignment, written independently of the solvers:
every way of giving each choice a number of people, and of spreading them over each course's
sessions, kept when it fits the groups, the openings and the seats, compared by (most placed,
least summed cost, least summed rank)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from pathfinder.territory.assignment import Problem


def compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to write ``total`` as ``parts`` whole numbers >= 0, in order."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first, *rest)


def seats_fit(problem: Problem, counts: tuple[int, ...]) -> bool:
    """Some spread of each slot's people over its pools fits every pool."""
    spreads = []
    for slot in problem.slots:
        people = sum(counts[c] for c in slot.choices)
        spreads.append(
            [
                dict(zip(slot.pools, parts, strict=True))
                for parts in compositions(people, len(slot.pools))
            ]
        )
    for picked in product(*spreads):
        used = [0] * len(problem.pool_sizes)
        for spread in picked:
            for pool, n in spread.items():
                used[pool] += n
        if all(u <= s for u, s in zip(used, problem.pool_sizes, strict=True)):
            return True
    return False


def feasible(problem: Problem, counts: tuple[int, ...]) -> bool:
    for sizes, key in (
        (problem.group_sizes, lambda c: c.group),
        (problem.opening_sizes, lambda c: c.opening),
    ):
        used = [0] * len(sizes)
        for choice, count in zip(problem.choices, counts, strict=True):
            used[key(choice)] += count
        if any(u > s for u, s in zip(used, sizes, strict=True)):
            return False
    return seats_fit(problem, counts)


def best_score(problem: Problem) -> tuple[int, int, int]:
    """(-placed, summed cost, summed rank) of the best assignment, by enumeration."""
    ranges = [
        range(min(problem.group_sizes[c.group], problem.opening_sizes[c.opening]) + 1)
        for c in problem.choices
    ]
    best = (0, 0, 0)
    for counts in product(*ranges):
        if not feasible(problem, counts):
            continue
        score = (
            -sum(counts),
            sum(c.cost * n for c, n in zip(problem.choices, counts, strict=True)),
            sum(
                (i if c.rank is None else c.rank) * n
                for i, (c, n) in enumerate(zip(problem.choices, counts, strict=True))
            ),
        )
        best = min(best, score)
    return best
