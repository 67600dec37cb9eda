"""The assignment solvers (min-cost flow, integer program) against brute force on small random
problems: same number placed, same summed cost, same tie-break, and a feasible plan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support.brute_force_assignment import best_score

from pathfinder.territory.assignment import Choice, Problem, Slot, check, score
from pathfinder.territory.flow import solve_flow
from pathfinder.territory.seat_program import solve_with_seats


@st.composite
def problems(draw: st.DrawFn, seats: bool) -> Problem:
    groups = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
    openings = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
    pools = draw(st.lists(st.integers(0, 3), max_size=2)) if seats else []
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, len(groups) - 1), st.integers(0, len(openings) - 1)),
            unique=True,
            max_size=5,
        )
    )
    choices = []
    for g, o in sorted(pairs):
        for r in range(draw(st.integers(1, 2)) if seats else 1):
            costs = st.integers(0, 4)  # few values: ties are common
            choices.append(Choice(g, o, r, draw(costs)))
    choices = choices[:6]
    slots = []
    for _ in range(draw(st.integers(0, 4)) if pools and choices else 0):  # limited courses
        # the choices of any groups that take a course within the same sites
        taking = draw(st.sets(st.integers(0, len(choices) - 1), min_size=1))
        where = draw(st.sets(st.integers(0, len(pools) - 1), min_size=1, max_size=2))
        slots.append(Slot(tuple(sorted(taking)), tuple(sorted(where))))
    return Problem(groups, openings, choices, pools, slots)


@settings(max_examples=150, deadline=None)
@given(problems(seats=False))
def test_the_flow_is_the_best_assignment(problem: Problem) -> None:
    found = solve_flow(problem)
    check(problem, found.counts)
    assert found.proven
    assert score(problem, found.counts) == best_score(problem)


@settings(max_examples=100, deadline=None)
@given(problems(seats=True), st.booleans())
def test_the_integer_program_is_the_best_assignment_with_seats(
    problem: Problem, relaxation_first: bool
) -> None:
    found = solve_with_seats(problem, relaxation_first=relaxation_first)
    check(problem, found.counts, found.split)
    assert found.proven
    assert score(problem, found.counts) == best_score(problem)


def test_a_bound_whole_numbers_cannot_reach_sends_the_solver_back_to_the_integer_program() -> None:
    # Two triangles: each route takes two of three one-seat courses, so half a person on every
    # route (3 placed) is the relaxation's optimum, while whole people place one per triangle.
    pairs = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)]
    choices = [Choice(0, 0, r, 1) for r in range(len(pairs))]
    slots = [Slot((r,), (pool,)) for r, pair in enumerate(pairs) for pool in pair]
    problem = Problem([6], [6], choices, [1] * 6, slots)
    found = solve_with_seats(problem)
    check(problem, found.counts, found.split)
    assert found.proven
    assert score(problem, found.counts) == best_score(problem)
    assert found.placed() == 2


def test_competition_for_one_opening_goes_to_the_cheaper_group() -> None:
    problem = Problem([2, 2], [2], [Choice(0, 0, 0, 10), Choice(1, 0, 0, 4)])
    assert dict(solve_flow(problem).counts) == {1: 2}


def test_equal_costs_are_broken_by_rank() -> None:
    problem = Problem([1, 1], [1], [Choice(0, 0, 0, 5), Choice(1, 0, 0, 5)])
    assert dict(solve_flow(problem).counts) == {0: 1}
    seats = Problem(
        [1, 1],
        [1],
        [Choice(0, 0, 0, 5), Choice(1, 0, 0, 5)],
        [1],
        [Slot((0,), (0,)), Slot((1,), (0,))],
    )
    assert dict(solve_with_seats(seats).counts) == {0: 1}


def test_seats_send_people_to_their_next_best_route() -> None:
    # Two people, one opening of two; the cheap route has one seat left.
    problem = Problem([2], [2], [Choice(0, 0, 0, 3), Choice(0, 0, 1, 8)], [1], [Slot((0,), (0,))])
    assert dict(solve_with_seats(problem).counts) == {0: 1, 1: 1}


def test_people_spread_over_the_sessions_of_a_course() -> None:
    # Three people; their one route's course runs in two sessions of two seats each.
    problem = Problem([3], [3], [Choice(0, 0, 0, 1)], [2, 2], [Slot((0,), (0, 1))])
    found = solve_with_seats(problem)
    assert dict(found.counts) == {0: 3}
    assert sorted(found.split[0].values()) == [1, 2]
    assert found.pool_use(problem) == dict(found.split[0])


def test_solving_writes_nothing_on_standard_output(capfd) -> None:  # type: ignore[no-untyped-def]
    solve_with_seats(Problem([1], [1], [Choice(0, 0, 0, 1)], [1], [Slot((0,), (0,))]))
    assert capfd.readouterr().out == ""
