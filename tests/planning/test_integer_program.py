"""The integer-programming engine on hand-made catalogs: exact keys, cycles, ties, fallback.

The brute-force property tests (test_brute_force_agreement.py) run every objective with this
engine forced on; these cases pin what those may not hit often: a set whose courses meet each
other's requirements in a cycle (the program's relaxation allows it, the replay must reject it),
ties broken by ids, a course raising a skill it requires, and the fallback when HiGHS fails.
"""

from __future__ import annotations

import pytest
from support.planner_builders import course, job, make_catalog

from pathfinder.planner import plan
from pathfinder.planning import integer_program
from pathfinder.planning.context import Context
from pathfinder.planning.engine import engine_for, forced_engine
from pathfinder.planning.integer_program import SolverFailed, integer_search, program_of
from pathfinder.planning.problem import Problem
from pathfinder.profile import Profile


def ids(result) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [sorted(step.course.id for step in path.steps) for path in result.paths]


def test_a_cycle_of_requirements_is_cut_and_the_valid_path_returned() -> None:
    """a-loop needs skill b, which only b-loop grants; b-loop needs skill a, which only a-loop
    grants. Together (2 h) they look like a path to the program; no order can take them, so the
    answer is the 40-hour course."""
    catalog = make_catalog(
        courses=[
            course("a-loop", {"target": 1, "a": 1}, hours=1, requires={"b": 1}),
            course("b-loop", {"b": 1}, hours=1, requires={"a": 1}),
            course("direct", {"target": 1}, hours=40),
        ],
        jobs=[job("goal", {"target": 1})],
    )
    with forced_engine("integer"):
        result = plan(catalog, Profile(), "goal", alternatives=2)
    assert result.proven
    assert ids(result) == [["direct"]]


def test_a_course_cannot_meet_its_own_requirement() -> None:
    """upgrade asks for weld 2 and grants weld 3: it cannot be the first to meet weld 2."""
    catalog = make_catalog(
        courses=[
            course("upgrade", {"weld": 3}, hours=5, requires={"weld": 2}),
            course("basics", {"weld": 2}, hours=30),
        ],
        jobs=[job("goal", {"weld": 3})],
    )
    with forced_engine("integer"):
        result = plan(catalog, Profile(), "goal")
    assert ids(result) == [["basics", "upgrade"]]
    assert result.paths[0].total_hours == 35


def test_ties_go_to_the_smaller_ids_then_the_next_best_sets() -> None:
    """Three interchangeable 10-hour courses: the best path is the first id, then the others in
    id order; a 10-hour course that needs a prerequisite is worse (more courses)."""
    catalog = make_catalog(
        courses=[
            course("m-course", {"x": 1}, hours=10),
            course("c-course", {"x": 1}, hours=10),
            course("t-course", {"x": 1}, hours=10),
            course("a-course", {"x": 1}, hours=5, requires={"pre": 1}),
            course("pre-course", {"pre": 1}, hours=5),
        ],
        jobs=[job("goal", {"x": 1})],
    )
    for engine in ("landmarks", "integer"):
        with forced_engine(engine):  # type: ignore[arg-type]
            result = plan(catalog, Profile(), "goal", alternatives=4)
        assert ids(result) == [
            ["c-course"],
            ["m-course"],
            ["t-course"],
            ["a-course", "pre-course"],
        ], engine


def test_the_same_problem_answers_several_searches() -> None:
    """The program is kept with the problem: caps and excluded courses change between searches
    and each answer is the one a fresh program gives."""
    catalog = make_catalog(
        courses=[
            course("long", {"x": 1}, hours=40, cost=0),
            course("short", {"x": 1}, hours=8, cost=900),
            course("mid", {"x": 1}, hours=20, cost=300),
        ],
        jobs=[job("goal", {"x": 1})],
    )
    problem = Problem(Context(catalog, Profile()), catalog.jobs["goal"].requires)
    names = {pc.course.id: i for i, pc in enumerate(problem.courses)}
    first = integer_search(problem, "hours")
    assert first is not None and [problem.courses[i].course.id for i in first.order] == ["short"]
    cheapest = integer_search(problem, "cost")
    assert cheapest is not None
    assert [problem.courses[i].course.id for i in cheapest.order] == ["long"]
    without = integer_search(problem, "hours", excluded={names["short"]})
    assert without is not None and [problem.courses[i].course.id for i in without.order] == ["mid"]
    assert integer_search(problem, "hours", excluded=set(names.values())) is None
    assert program_of(problem) is program_of(problem)


def test_large_problems_go_to_the_integer_program(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = make_catalog(
        courses=[course(f"c{i}", {"x": 1}, hours=10 + i) for i in range(5)],
        jobs=[job("goal", {"x": 1})],
    )
    problem = Problem(Context(catalog, Profile()), catalog.jobs["goal"].requires)
    assert engine_for(problem) == "landmarks"
    monkeypatch.setattr("pathfinder.planning.engine.INTEGER_FROM", 4)
    assert engine_for(problem) == "integer"
    with forced_engine("landmarks"):
        assert engine_for(problem) == "landmarks"


def test_a_solver_failure_falls_back_to_the_landmark_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog = make_catalog(
        courses=[course("one", {"x": 1}, hours=10), course("two", {"x": 1}, hours=12)],
        jobs=[job("goal", {"x": 1})],
    )

    def fail(*args: object, **kwargs: object) -> None:
        raise SolverFailed("test")

    monkeypatch.setattr(integer_program, "integer_search", fail)
    with forced_engine("integer"):
        result = plan(catalog, Profile(), "goal", alternatives=2)
    assert ids(result) == [["one"], ["two"]]
    assert result.proven
