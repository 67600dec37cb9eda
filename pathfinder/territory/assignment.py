"""The assignment problem of a basin, solver-neutral: who takes which route to which opening,
and in which session each course of it.

A :class:`Choice` is one way for a person of a group to fill an opening: a route (a path) to
the opening's job. A :class:`Slot` is a course with limited seats that some choices take, each
able to take it at any of the same sites: its people go to one of the slot's seat pools (the
course at one of those sites). A plan gives each choice a number of people and spreads each slot's people over its
pools; never more than a group's size (summed over its choices), an opening's vacancies, or a
pool's seats. The best plan places the most people, then
has the least summed cost (the objective's exact value per person, scaled to whole numbers),
then — to break ties the same way on every run — the least summed *rank*: choices are numbered
in the order of group id, job, site and route (best route first), so earlier ids come first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    group: int
    """Index of the group."""
    opening: int
    """Index of the opening."""
    route: int
    """Index of the route among the group's routes to the opening's job (0: the best)."""
    cost: int
    """Per person, in whole units of the objective (see :func:`pathfinder.planning.numbers.common_scale`)."""
    rank: int | None = None
    """Its place in the tie-break order; None: its index in the problem's choices. (A problem
    that keeps only some choices of a larger one keeps their ranks, so the two compare alike.)"""


def rank_of(problem: Problem, index: int) -> int:
    rank = problem.choices[index].rank
    return index if rank is None else rank


@dataclass(frozen=True)
class Slot:
    """The people of ``choices`` (whose routes take one course with limited seats) take that
    course in one of ``pools``, each wherever the plan's spread puts them."""

    choices: tuple[int, ...]
    pools: tuple[int, ...]


@dataclass(frozen=True)
class Problem:
    group_sizes: Sequence[int]
    opening_sizes: Sequence[int]
    choices: Sequence[Choice]
    """In rank order."""
    pool_sizes: Sequence[int] = ()
    """Seats of each pool; empty when seats do not count."""
    slots: Sequence[Slot] = ()


Split = Mapping[int, Mapping[int, int]]
"""Slot -> pool -> people (for slots with more than one pool; a slot with one pool takes all
its choices' people)."""


@dataclass(frozen=True)
class Assignment:
    counts: Mapping[int, int]
    """Choice index -> people, for the choices taken."""
    proven: bool
    """The solver proved it optimal (not stopped by the time limit)."""
    split: Split = field(default_factory=dict)

    def placed(self) -> int:
        return sum(self.counts.values())

    def pool_use(self, problem: Problem) -> dict[int, int]:
        """Pool -> seats taken."""
        used: dict[int, int] = {}
        for index, slot in enumerate(problem.slots):
            if len(slot.pools) == 1:
                spread = {slot.pools[0]: sum(self.counts.get(c, 0) for c in slot.choices)}
            else:
                spread = dict(self.split.get(index, {}))
            for pool, n in spread.items():
                used[pool] = used.get(pool, 0) + n
        return used


def check(problem: Problem, counts: Mapping[int, int], split: Split | None = None) -> None:
    """Assert that ``counts`` (with ``split``) is a feasible plan of ``problem``, in whole
    numbers: a solver's answer is replayed through this before it is used (floating point is
    never trusted)."""
    by_group = [0] * len(problem.group_sizes)
    by_opening = [0] * len(problem.opening_sizes)
    for index, count in counts.items():
        if not isinstance(count, int) or count < 0:
            raise AssertionError(f"choice {index}: {count!r} people")
        choice = problem.choices[index]
        by_group[choice.group] += count
        by_opening[choice.opening] += count
    for index, slot in enumerate(problem.slots):
        if len(slot.pools) > 1:
            spread = (split or {}).get(index, {})
            people = sum(counts.get(c, 0) for c in slot.choices)
            if sum(spread.values()) != people or not set(spread) <= set(slot.pools):
                raise AssertionError(f"slot {index}: {spread} for {people}")
            if any(not isinstance(n, int) or n < 0 for n in spread.values()):
                raise AssertionError(f"slot {index}: {spread}")
    used = Assignment(counts, True, split or {}).pool_use(problem)
    for taken, size in (
        *zip(by_group, problem.group_sizes, strict=True),
        *zip(by_opening, problem.opening_sizes, strict=True),
        *((used.get(p, 0), size) for p, size in enumerate(problem.pool_sizes)),
    ):
        if taken > size:
            raise AssertionError(f"{taken} assigned where {size} fit")


def score(problem: Problem, counts: Mapping[int, int]) -> tuple[int, int, int]:
    """``(-placed, cost, rank)``: the order plans are compared in, smaller is better."""
    placed = sum(counts.values())
    cost = sum(problem.choices[i].cost * n for i, n in counts.items())
    rank = sum(rank_of(problem, i) * n for i, n in counts.items())
    return (-placed, cost, rank)


def spread_over_seats(problem: Problem, counts: Mapping[int, int]) -> Split | None:
    """A spread of each slot's people over its pools that fits every pool's seats, or None when
    there is none (a maximum flow: slots -> pools -> seats)."""
    import networkx as nx

    graph = nx.DiGraph()
    demand = 0
    for index, slot in enumerate(problem.slots):
        people = sum(counts.get(c, 0) for c in slot.choices)
        if not people or len(slot.pools) == 1:
            if people:
                graph.add_edge(("s", index), ("p", slot.pools[0]), capacity=people)
                graph.add_edge("source", ("s", index), capacity=people)
                demand += people
            continue
        graph.add_edge("source", ("s", index), capacity=people)
        demand += people
        for pool in slot.pools:
            graph.add_edge(("s", index), ("p", pool), capacity=people)
    for pool, size in enumerate(problem.pool_sizes):
        graph.add_edge(("p", pool), "sink", capacity=size)
    if not demand:
        return {}
    value, flows = nx.maximum_flow(graph, "source", "sink")
    if value < demand:
        return None
    split: dict[int, dict[int, int]] = {}
    for index, slot in enumerate(problem.slots):
        if len(slot.pools) > 1 and ("s", index) in flows:
            spread = {p[1]: int(n) for p, n in flows[("s", index)].items() if n}
            if spread:
                split[index] = spread
    check(problem, counts, split)
    return split


def solve(problem: Problem, time_limit: float | None = None) -> Assignment:
    """The best plan: by a minimum-cost flow when no seat counts (:mod:`.flow`), by an integer
    program otherwise (:mod:`.seat_program`)."""
    if problem.slots:
        from .seat_program import solve_with_seats

        return solve_with_seats(problem, time_limit)
    from .flow import solve_flow

    return solve_flow(problem)
