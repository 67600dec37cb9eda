"""A basin's assignment when training seats are limited: an integer program solved by HiGHS.

Variables: for each choice (a group, an opening, one of the group's K best routes to its job),
the number of people who take it; for each slot with several seat pools (a course that its
choices may take at several sites), how many take it in each. Rows: a group's people, an
opening's vacancies, each seat pool (a course's seats at a site), and each slot's people spread
over its pools. Three stages, each exact on whole numbers: the most people placed; then, with
that many placed, the least summed cost; then, with that cost, the least summed rank (the
tie-break of :mod:`.assignment`).

Each stage is first solved as a linear program (its relaxation), which is fast and, on these
transportation problems with seat rows, usually lands on whole numbers: a whole-number solution
that reaches the relaxation's optimum is the integer optimum, proven. Only a stage whose
relaxation ends in fractions is solved as an integer program (branch and bound).

HiGHS works in floating point: every answer is rounded, replayed through
:func:`.assignment.check` and scored in Python integers before it is used; the coefficients are
whole numbers well below 2**53. Past the time limit, the best plan found so far is kept and the
assignment is not proven.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .assignment import Assignment, Problem, Split, check, rank_of, score

INF = float("inf")
WHOLE = 1e-6
"""How far from a whole number a solver's value may be and still count as that number (HiGHS's
own integrality tolerance); every rounded answer is then checked exactly."""
TIE_BREAK_CHOICES_MAX = 5_000
"""Beyond this many choices, the tie-break is not solved as an integer program (when its
relaxation ends in fractions, or an earlier stage needed whole numbers): among plans of equal
placed and cost, the solver's (deterministic) answer stands."""


def _columns(problem: Problem) -> list[tuple[int, int]]:
    """The columns after the choices': ``(slot, pool)`` for each pool of each slot with more
    than one (how many of the slot's people take its course there)."""
    return [
        (index, pool)
        for index, slot in enumerate(problem.slots)
        if len(slot.pools) > 1
        for pool in slot.pools
    ]


def _rows(
    problem: Problem, extra: Sequence[tuple[int, int]]
) -> list[tuple[dict[int, float], float, float]]:
    """(coefficients, lower, upper) of each row: groups, openings, seat pools, and for each slot
    with several pools, its people spread over them (their sum equals its choices' people)."""
    n = len(problem.choices)
    groups: list[dict[int, float]] = [{} for _ in problem.group_sizes]
    openings: list[dict[int, float]] = [{} for _ in problem.opening_sizes]
    pools: list[dict[int, float]] = [{} for _ in problem.pool_sizes]
    links: dict[int, dict[int, float]] = {}
    for index, choice in enumerate(problem.choices):
        groups[choice.group][index] = 1.0
        openings[choice.opening][index] = 1.0
    for index, slot in enumerate(problem.slots):
        if len(slot.pools) == 1:
            row = pools[slot.pools[0]]
            for c in slot.choices:
                row[c] = row.get(c, 0.0) + 1.0
        else:
            links[index] = {c: -1.0 for c in slot.choices}
    for column, (index, pool) in enumerate(extra, start=n):
        pools[pool][column] = 1.0
        links[index][column] = 1.0
    rows = [(row, -INF, float(size)) for row, size in zip(groups, problem.group_sizes, strict=True)]
    rows += [
        (row, -INF, float(size)) for row, size in zip(openings, problem.opening_sizes, strict=True)
    ]
    rows += [
        (row, -INF, float(size)) for row, size in zip(pools, problem.pool_sizes, strict=True) if row
    ]
    rows += [(row, 0.0, 0.0) for row in links.values()]
    return rows


def _add_row(highs: Any, coefficients: Mapping[int, float], low: float, high: float) -> None:
    import numpy as np

    columns = sorted(coefficients)
    highs.addRow(
        low,
        high,
        len(columns),
        np.asarray(columns, dtype=np.int32),
        np.asarray([coefficients[c] for c in columns], dtype=np.float64),
    )


def _costs(highs: Any, costs: Sequence[float]) -> None:
    import numpy as np

    n = len(costs)
    highs.changeColsCost(n, np.arange(n, dtype=np.int32), np.asarray(costs, dtype=np.float64))


def _solve(
    highs: Any, problem: Problem, extra: Sequence[tuple[int, int]]
) -> tuple[dict[int, int] | None, Split, bool]:
    """Run; the rounded, checked solution (None when there is none, or when it is not in whole
    numbers: a relaxation's), its split, and whether the solver reached its optimum."""
    import highspy

    highs.run()
    status = highs.getModelStatus()
    proven = status == highspy.HighsModelStatus.kOptimal
    values = list(highs.getSolution().col_value)
    n = len(problem.choices)
    if len(values) != n + len(extra):
        return None, {}, False
    if any(abs(v - round(v)) > WHOLE for v in values):
        return None, {}, proven
    counts = {i: int(round(v)) for i, v in enumerate(values[:n]) if round(v) > 0}
    split: dict[int, dict[int, int]] = {}
    for (index, pool), value in zip(extra, values[n:], strict=True):
        if round(value) > 0:
            split.setdefault(index, {})[pool] = int(round(value))
    try:
        check(problem, counts, split)
    except AssertionError:
        return None, {}, False
    return counts, split, proven


def _build(problem: Problem, extra: Sequence[tuple[int, int]], time_limit: float | None) -> Any:
    """The model, its variables continuous: the choices' people, then each slot's spread."""
    import numpy as np

    n = len(problem.choices)
    width = n + len(extra)
    from ..highs import silent_highs

    highs = silent_highs(time_limit)
    uppers = [
        float(min(problem.group_sizes[c.group], problem.opening_sizes[c.opening]))
        for c in problem.choices
    ]
    uppers += [float(problem.pool_sizes[pool]) for _, pool in extra]
    highs.addVars(width, np.zeros(width), np.asarray(uppers, dtype=np.float64))
    for coefficients, low, high in _rows(problem, extra):
        _add_row(highs, coefficients, low, high)
    return highs


def _make_integer(highs: Any, width: int) -> None:
    import highspy
    import numpy as np

    highs.changeColsIntegrality(
        width,
        np.arange(width, dtype=np.int32),
        np.asarray([highspy.HighsVarType.kInteger] * width),
    )


def solve_with_seats(
    problem: Problem, time_limit: float | None = None, relaxation_first: bool = True
) -> Assignment:
    """The best plan of ``problem`` (module docstring). With ``relaxation_first``, each stage is
    first solved as a linear program: its optimum bounds the integer one, so a whole-number
    solution that reaches it is proven optimal; the most people placed is the relaxation's
    optimum rounded down, and the next stage asks for that many. A stage whose linear optimum
    is not whole numbers is solved again as an integer program; and if the bound on the people
    placed cannot be reached in whole numbers, the integer program starts over from the first
    stage. Without ``relaxation_first`` (a test switch), every stage is an integer program."""
    import time

    n = len(problem.choices)
    if n == 0:
        return Assignment({}, True)
    started = time.monotonic()

    def left() -> float | None:
        return None if time_limit is None else time_limit - (time.monotonic() - started)

    if relaxation_first:
        found = _stages(problem, left, integer=False)
        if found is not None:
            return found
    found = _stages(problem, left, integer=True)
    assert found is not None
    return found


def _stages(problem: Problem, left: Any, integer: bool) -> Assignment | None:
    """The three stages on one model (see :func:`solve_with_seats`); None when the relaxations
    cannot settle the plan and the integer program must start over."""
    import highspy

    n = len(problem.choices)
    extra = _columns(problem)
    highs = _build(problem, extra, left())
    if integer:
        _make_integer(highs, n + len(extra))
    best: dict[int, int] | None = None
    best_split: Split = {}
    target = 0  # the most people placed, once known
    zeros = [0.0] * len(extra)
    stages: list[tuple[list[float], str | None]] = [
        ([-1.0] * n, None),
        ([float(c.cost) for c in problem.choices], "placed"),
        ([float(rank_of(problem, i)) for i in range(n)], "cost"),
    ]

    def out_of_time() -> Assignment | None:
        return None if best is None and not integer else Assignment(best or {}, False, best_split)

    for costs, fix in stages:
        if fix == "cost" and integer and n > TIE_BREAK_CHOICES_MAX:
            break  # switched to whole numbers on the way: no tie-break over so many choices
        if fix == "placed":
            _add_row(highs, dict.fromkeys(range(n), 1.0), float(target), INF)
        elif fix == "cost":
            assert best is not None
            cost = score(problem, best)[1]
            _add_row(
                highs, {i: float(c.cost) for i, c in enumerate(problem.choices)}, -INF, float(cost)
            )
        _costs(highs, [*costs, *zeros])
        if not integer:
            # The first relaxation only gives the bound on the people placed: the primal simplex
            # without presolve was fastest at it on the benchmark basins; the next stages start
            # from its basis with the dual simplex, which on them ended in whole numbers.
            first = fix is None
            highs.setOptionValue("simplex_strategy", 4 if first else 1)
            highs.setOptionValue("presolve", "off" if first else "choose")
        remaining = left()
        if remaining is not None:
            if remaining <= 0:
                return out_of_time()
            highs.setOptionValue("time_limit", max(0.01, remaining))
        counts, split, optimal = _solve(highs, problem, extra)
        fractional = not integer and optimal and counts is None
        if fix is None and not integer and optimal:  # the bound on the people placed
            target = math.floor(-highs.getInfo().objective_function_value + 1e-6)
        if fractional and fix is None:
            continue  # the next stage looks for a plan in whole numbers that reaches the bound
        if fractional and fix == "cost" and n > TIE_BREAK_CHOICES_MAX:
            break  # ties among many choices: the plan before the tie-break stands
        if fractional:  # this stage, and the next, in whole numbers
            _make_integer(highs, n + len(extra))
            integer = True
            counts, split, optimal = _solve(highs, problem, extra)
            if fix == "placed" and highs.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
                return None  # the bound is not reached in whole numbers: start over
        if counts is None:
            return out_of_time()
        if integer and fix is None:
            target = sum(counts.values())
        # never worse than the stage before, on what that stage and this one settle
        settled = 2 if fix == "placed" else 3
        if best is not None and fix is not None:
            if score(problem, counts)[:settled] > score(problem, best)[:settled]:
                return Assignment(best, False, best_split)
        best, best_split = counts, split
        if not optimal:
            return Assignment(best, False, best_split)
    assert best is not None
    return Assignment(best, True, best_split)
