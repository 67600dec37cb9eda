"""The assignment problem of a basin, solver-neutral: who takes which route to which opening,
and in which session each course of it.

A :class:`Choice` is one way for a person of a group to fill an opening: a route (a path) to
the opening's job. Each course of the route with limited seats is a *slot*: the seat pools (the
sessions, each with its seats) the person may take it in. A plan gives each choice a number of
people and spreads them over each slot's pools; never more than a group's size (summed over its
choices), an opening's vacancies, or a pool's seats. The best plan places the most people, then
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
    slots: tuple[tuple[int, ...], ...] = ()
    """For each course of the route with limited seats, the pools it can be taken in."""


@dataclass(frozen=True)
class Problem:
    group_sizes: Sequence[int]
    opening_sizes: Sequence[int]
    choices: Sequence[Choice]
    """In rank order."""
    pool_sizes: Sequence[int] = ()
    """Seats of each pool; empty when seats do not count."""


Split = Mapping[tuple[int, int], Mapping[int, int]]
"""(choice, slot) -> pool -> people: where the people of a choice take a slot's course (only
for slots with more than one pool; a slot with one pool takes all the choice's people)."""


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
        for index, count in self.counts.items():
            for s, slot in enumerate(problem.choices[index].slots):
                spread = {slot[0]: count} if len(slot) == 1 else self.split.get((index, s), {})
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
        for s, slot in enumerate(choice.slots):
            if len(slot) > 1:
                spread = (split or {}).get((index, s), {})
                if sum(spread.values()) != count or not set(spread) <= set(slot):
                    raise AssertionError(f"choice {index}, slot {s}: {spread} for {count}")
                if any(not isinstance(n, int) or n < 0 for n in spread.values()):
                    raise AssertionError(f"choice {index}, slot {s}: {spread}")
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
    rank = sum(i * n for i, n in counts.items())
    return (-placed, cost, rank)


def solve(problem: Problem, time_limit: float | None = None) -> Assignment:
    """The best plan: by a minimum-cost flow when no seat counts (:mod:`.flow`), by an integer
    program otherwise (:mod:`.seat_program`)."""
    if any(choice.slots for choice in problem.choices):
        from .seat_program import solve_with_seats

        return solve_with_seats(problem, time_limit)
    from .flow import solve_flow

    return solve_flow(problem)
