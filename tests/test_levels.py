"""The level arithmetic (pathfinder.levels), with exact expected values on hand-made courses."""

from __future__ import annotations

import pytest
from support.planner_builders import course

from pathfinder.levels import (
    Reached,
    can_take,
    highest,
    meets,
    meets_any,
    open_groups,
    raise_to,
    reach,
    requirements,
    short_of,
    unmet,
)

WELDER = course(
    "welder",
    {"welding": 3},
    requires={"safety": 1, "welding": 2},
    any_of=[{"brazing": 2, "soldering": 1}, {"english": 1}],
)


def test_requires_is_met_at_or_above_each_level() -> None:
    assert meets({"safety": 1, "welding": 2}, WELDER.requires)
    assert meets({"safety": 3, "welding": 5, "other": 1}, WELDER.requires)
    assert not meets({"safety": 1, "welding": 1}, WELDER.requires)
    assert not meets({"welding": 2}, WELDER.requires)  # an absent skill is at level 0
    assert meets({}, {})


def test_a_group_is_met_by_any_one_option() -> None:
    group = WELDER.requires_any[0]
    assert meets_any({"soldering": 1}, group)
    assert meets_any({"brazing": 2}, group)
    assert meets_any({"brazing": 1, "soldering": 4}, group)
    assert not meets_any({"brazing": 1}, group)
    assert not meets_any({}, group)


def test_a_course_needs_its_requires_and_every_group() -> None:
    base = {"safety": 1, "welding": 2}
    assert can_take(WELDER, {**base, "soldering": 1, "english": 1})
    assert not can_take(WELDER, {**base, "soldering": 1})  # second group unmet
    assert not can_take(WELDER, {**base, "english": 1})  # first group unmet
    assert not can_take(WELDER, {"welding": 2, "soldering": 1, "english": 1})  # safety below
    assert meets({**base, "brazing": 2, "english": 2}, WELDER.requires, WELDER.requires_any)
    assert can_take(course("free", {"a": 1}), {})


def test_what_falls_short_in_order() -> None:
    levels = {"welding": 2, "brazing": 1}
    assert short_of(levels, WELDER.requires) == [("safety", 1)]
    assert short_of({"welding": 1}, WELDER.requires) == [("safety", 1), ("welding", 2)]
    assert open_groups(levels, WELDER.requires_any) == list(WELDER.requires_any)
    assert open_groups({"english": 1}, WELDER.requires_any) == [WELDER.requires_any[0]]
    assert requirements(WELDER.requires, WELDER.requires_any) == [
        (("safety", 1),),
        (("welding", 2),),
        (("brazing", 2), ("soldering", 1)),
        (("english", 1),),
    ]
    assert unmet({"welding": 3, "english": 1}, WELDER.requires, WELDER.requires_any) == [
        (("safety", 1),),
        (("brazing", 2), ("soldering", 1)),
    ]
    assert (
        unmet(
            {"safety": 1, "welding": 2, "soldering": 1, "english": 1},
            WELDER.requires,
            WELDER.requires_any,
        )
        == []
    )
    assert unmet({}, {"a": 1}) == [(("a", 1),)]


def test_grants_only_raise() -> None:
    levels = {"welding": 2, "safety": 3}
    assert raise_to(levels, {"welding": 3, "safety": 1, "brazing": 1}) == ["welding", "brazing"]
    assert levels == {"welding": 3, "safety": 3, "brazing": 1}
    assert raise_to(levels, {"welding": 3}) == []
    assert highest([{"a": 1, "b": 3}, {"a": 2}, {"b": 1, "c": 1}]) == {"a": 2, "b": 3, "c": 1}
    assert highest([]) == {}


# A tiny catalog, listed so that no single forward sweep suffices:
#   basics (free)           grants a=1
#   advanced  needs a>=2    grants b=2   (a=2 comes from "upgrade", listed later)
#   upgrade   needs a>=1    grants a=2
#   either    needs b>=2 or z>=1          grants c=1
#   loop-x    needs y>=1    grants x=1   } a cycle nothing enters: never taken
#   loop-y    needs x>=1    grants y=1   }
#   picky     needs a>=3 or b>=3          grants d=1  (both options out of reach)
COURSES = [
    course("basics", {"a": 1}),
    course("advanced", {"b": 2}, requires={"a": 2}),
    course("upgrade", {"a": 2}, requires={"a": 1}),
    course("either", {"c": 1}, any_of=[{"z": 1, "b": 2}]),
    course("loop-x", {"x": 1}, requires={"y": 1}),
    course("loop-y", {"y": 1}, requires={"x": 1}),
    course("picky", {"d": 1}, any_of=[{"a": 3, "b": 3}]),
]


def test_the_fixpoint_from_nothing() -> None:
    reached = reach(COURSES, {})
    assert reached == Reached(
        levels={"a": 2, "b": 2, "c": 1},
        taken=frozenset({"basics", "advanced", "upgrade", "either"}),
        granted={"a": 2, "b": 2, "c": 1},
    )


def test_the_fixpoint_from_a_start_that_enters_the_cycle_and_is_kept() -> None:
    reached = reach(COURSES, {"x": 1, "a": 3, "e": 4})
    assert reached.levels == {"x": 1, "y": 1, "a": 3, "b": 2, "c": 1, "d": 1, "e": 4}
    assert reached.taken == frozenset(course.id for course in COURSES)
    # granted counts only what courses grant, whatever the start
    assert reached.granted == {"a": 2, "b": 2, "c": 1, "x": 1, "y": 1, "d": 1}


def test_the_fixpoint_does_not_depend_on_the_order() -> None:
    assert reach(reversed(COURSES), {}) == reach(COURSES, {})
    assert reach([], {"a": 1}) == Reached({"a": 1}, frozenset(), {})


def test_the_check_is_called_and_can_stop_it() -> None:
    calls: list[int] = []
    reach(COURSES, {}, lambda: calls.append(1))
    assert len(calls) == 4  # once per course taken

    def stop() -> None:
        raise TimeoutError

    with pytest.raises(TimeoutError):
        reach(COURSES, {}, stop)
