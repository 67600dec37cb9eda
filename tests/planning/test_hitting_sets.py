"""The hitting-set solver against brute force on random small set systems."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.planning.hitting_sets import greedy_hitting_set, least_hitting_set

N = 8


def hits(chosen: int, sets: list[int]) -> bool:
    return all(chosen & s for s in sets)


def brute_force(
    sets: list[int], cost: list[int], resources: list[list[int]], caps: list[int]
) -> int | None:
    """The least cost of a hitting set within the caps, over every subset."""
    best = None
    for size in range(N + 1):
        for combo in combinations(range(N), size):
            chosen = sum(1 << e for e in combo)
            if not hits(chosen, sets):
                continue
            if any(
                sum(res[e] for e in combo) > cap for res, cap in zip(resources, caps, strict=True)
            ):
                continue
            total = sum(cost[e] for e in combo)
            best = total if best is None else min(best, total)
    return best


systems = st.tuples(
    st.lists(st.integers(0, 2**N - 1), max_size=7),
    st.lists(st.integers(1, 30), min_size=N, max_size=N),
    st.lists(
        st.tuples(st.lists(st.integers(0, 9), min_size=N, max_size=N), st.integers(0, 40)),
        max_size=2,
    ),
)


@settings(max_examples=400, deadline=None)
@given(systems)
def test_least_hitting_set_is_the_cheapest(system: tuple[Any, ...]) -> None:
    sets, cost, capped = system
    resources = [res for res, _ in capped]
    caps = [cap for _, cap in capped]
    expected = brute_force(sets, cost, resources, caps)
    found = least_hitting_set(sets, cost, resources=resources, caps=caps)
    if expected is None:
        assert found is None
        return
    assert found is not None
    chosen, total = found
    assert hits(chosen, sets)
    assert total == expected == sum(cost[e] for e in range(N) if chosen >> e & 1)
    for res, cap in zip(resources, caps, strict=True):
        assert sum(res[e] for e in range(N) if chosen >> e & 1) <= cap


@settings(max_examples=200, deadline=None)
@given(systems, st.integers(0, 100))
def test_below_and_floor(system: tuple[Any, ...], slack: int) -> None:
    """``below`` asks for strictly cheaper sets only; a ``floor`` reached ends the search with a
    set that costs it."""
    sets, cost, _ = system
    expected = brute_force(sets, cost, [], [])
    if expected is None:
        return
    assert least_hitting_set(sets, cost, below=expected) is None
    found = least_hitting_set(sets, cost, below=expected + 1 + slack)
    assert found is not None and found[1] == expected
    floored = least_hitting_set(sets, cost, floor=expected)
    assert floored is not None and floored[1] == expected


@settings(max_examples=200, deadline=None)
@given(systems)
def test_greedy_hits_every_set_without_spare_elements(system: tuple[Any, ...]) -> None:
    sets, cost, _ = system
    if any(not s for s in sets):
        return
    chosen = greedy_hitting_set(sets, cost)
    assert hits(chosen, sets)
    for e in range(N):
        if chosen >> e & 1:
            assert not hits(chosen & ~(1 << e), sets)


def test_an_empty_set_cannot_be_hit() -> None:
    assert least_hitting_set([0b11, 0], [1, 1]) is None


def test_exact_beats_greedy_where_greedy_errs() -> None:
    # greedy takes element 0 (hits three sets for 4), then needs 1, 2 and 3 anyway: 4 + 3 = 7;
    # the optimum is {1, 2, 3} for 3
    sets = [0b0011, 0b0101, 0b1001]
    cost = [4, 1, 1, 1]
    assert least_hitting_set(sets, cost) == (0b1110, 3)
