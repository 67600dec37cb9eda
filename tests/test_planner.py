"""The planner on hand-made catalogs: exact expected paths, orders, purposes, blockers, relaxations."""

from __future__ import annotations

import pytest
from support.planner_builders import course, job, make_catalog, site

from pathfinder.errors import PathfinderError, UnknownIdError
from pathfinder.model import Catalog
from pathfinder.planner import (
    Excluded,
    Gap,
    LimitsTogether,
    MissingPrerequisites,
    NoCourse,
    OnlineNotAllowed,
    OverLimit,
    PlanResult,
    Relaxation,
    Serves,
    TooFar,
    plan,
)
from pathfinder.profile import Profile


def ids(result: PlanResult) -> list[tuple[str, ...]]:
    return [p.course_ids for p in result.paths]


# --- chains, any-of groups, levels --------------------------------------------------------------


def test_worked_example_of_the_catalog_docs() -> None:
    catalog = make_catalog(
        courses=[
            course("electrical-upgrade", {"electrical-basics": 1}, hours=35, weeks=1, cost=600),
            course(
                "hv-b2l",
                {"hv-safety-b2l": 1},
                hours=21,
                weeks=0.6,
                cost=950,
                fmt="onsite",
                sites=["flins"],
                requires={"electrical-basics": 1},
            ),
        ],
        jobs=[
            job("assembly-operator", {"torque-tooling": 2}, sector="ice", outlook="declining"),
            job("ev-technician", {"torque-tooling": 1, "hv-safety-b2l": 1}),
        ],
        sites=[site("flins", 48.965, 1.873)],
        skills={"electrical-basics": 2, "hv-safety-b2l": 1},
    )
    result = plan(catalog, Profile(jobs=("assembly-operator",)), "ev-technician")
    assert result.status == "ok"
    assert result.start == {"torque-tooling": 2}
    assert result.gaps == (Gap("hv-safety-b2l", 0, 1),)
    assert ids(result) == [("electrical-upgrade", "hv-b2l")]
    best = result.paths[0]
    assert (best.total_hours, best.total_weeks, best.total_cost_eur, best.total_pays_eur) == (
        56,
        1.6,
        1550,
        1550,
    )
    assert best.steps[0].serves == (Serves("prerequisite", ("electrical-basics", 1), "hv-b2l"),)
    assert best.steps[1].serves == (Serves("target", ("hv-safety-b2l", 1)),)
    assert best.steps[0].site is None and best.steps[1].site == "flins"


def test_chain_is_taken_in_order_when_shorter_than_the_direct_course() -> None:
    catalog = make_catalog(
        courses=[
            course("direct", {"c": 1}, hours=50),
            course("step-a", {"a": 1}, hours=10),
            course("step-b", {"b": 1}, hours=10, requires={"a": 1}),
            course("step-c", {"c": 1}, hours=10, requires={"b": 1}),
        ],
        jobs=[job("target", {"c": 1})],
    )
    result = plan(catalog, Profile(), "target", alternatives=3)
    assert ids(result) == [("step-a", "step-b", "step-c"), ("direct",)]
    assert [p.total_hours for p in result.paths] == [30, 50]
    steps = result.paths[0].steps
    assert [s.serves for s in steps] == [
        (Serves("prerequisite", ("a", 1), "step-b"),),
        (Serves("prerequisite", ("b", 1), "step-c"),),
        (Serves("target", ("c", 1)),),
    ]


def test_any_of_group_takes_the_cheapest_option() -> None:
    catalog = make_catalog(
        courses=[
            course("welding", {"welding": 2}, hours=40),
            course("brazing", {"brazing": 2}, hours=12),
            course("pack-repair", {"pack": 1}, hours=20, any_of=[{"welding": 2, "brazing": 2}]),
        ],
        jobs=[job("target", {"pack": 1})],
    )
    result = plan(catalog, Profile(), "target")
    assert ids(result) == [("brazing", "pack-repair"), ("welding", "pack-repair")]
    assert result.paths[0].steps[0].serves == (
        Serves("prerequisite", ("brazing", 2), "pack-repair"),
    )
    # an option already met makes the group free
    assert ids(plan(catalog, Profile(skills={"welding": 2}), "target")) == [("pack-repair",)]
    # a level below the option's does not count
    assert ids(plan(catalog, Profile(skills={"welding": 1}), "target"))[0] == (
        "brazing",
        "pack-repair",
    )


def test_levels_are_thresholds_and_never_go_down() -> None:
    catalog = make_catalog(
        courses=[
            course("python-1", {"python": 1}, hours=10),
            course("python-2", {"python": 2}, hours=10, requires={"python": 1}),
            course("python-bootcamp", {"python": 3}, hours=45),
            course("python-refresher", {"python": 1}, hours=1),
        ],
        jobs=[job("dev", {"python": 2}), job("senior", {"python": 3}), job("held", {"python": 3})],
    )
    assert ids(plan(catalog, Profile(), "dev")) == [
        ("python-refresher", "python-2"),
        ("python-1", "python-2"),
        ("python-bootcamp",),
    ]
    assert ids(plan(catalog, Profile(skills={"python": 1}), "dev")) == [
        ("python-2",),
        ("python-bootcamp",),
    ]
    assert ids(plan(catalog, Profile(), "senior")) == [("python-bootcamp",)]
    # a held job's requirement stands even when the self-assessment is lower
    result = plan(catalog, Profile(jobs=("held",), skills={"python": 1}), "senior")
    assert result.status == "already-qualified"
    assert result.start == {"python": 3}
    assert result.gaps == () and result.paths == ()


def test_a_course_that_adds_nothing_is_never_in_a_path() -> None:
    catalog = make_catalog(
        courses=[
            course("basics", {"a": 1}, hours=1),
            course("basics-again", {"a": 1}, hours=1, requires={"a": 1}),
            course("final", {"b": 1}, hours=5, requires={"a": 1}),
        ],
        jobs=[job("target", {"b": 1})],
    )
    assert ids(plan(catalog, Profile(), "target")) == [("basics", "final")]


def test_order_keeps_prerequisites_next_to_their_dependants() -> None:
    catalog = make_catalog(
        courses=[
            course("a-pre", {"pa": 1}, hours=1),
            course("b-pre", {"pb": 1}, hours=1),
            course("x-main", {"x": 1}, hours=1, requires={"pa": 1}),
            course("y-main", {"y": 1}, hours=1, requires={"pb": 1}),
        ],
        jobs=[job("target", {"x": 1, "y": 1})],
    )
    result = plan(catalog, Profile(), "target", alternatives=1)
    assert result.paths[0].course_ids == ("a-pre", "x-main", "b-pre", "y-main")


def test_one_course_can_serve_several_purposes() -> None:
    catalog = make_catalog(
        courses=[
            course("safety", {"safety": 1}, hours=2),
            course("hv", {"hv": 1}, hours=5, requires={"safety": 1}),
        ],
        jobs=[job("target", {"safety": 1, "hv": 1})],
    )
    steps = plan(catalog, Profile(), "target").paths[0].steps
    assert steps[0].serves == (
        Serves("target", ("safety", 1)),
        Serves("prerequisite", ("safety", 1), "hv"),
    )


# --- objectives and ties --------------------------------------------------------------------------


def objectives_catalog() -> Catalog:
    return make_catalog(
        courses=[
            course("fast-pricey", {"s": 1}, hours=10, weeks=4, cost=3000),
            course("slow-cheap", {"s": 1}, hours=100, weeks=3, cost=0),
            course("short-weeks", {"s": 1}, hours=60, weeks=1, cost=500),
            course("two-a", {"h": 1}, hours=3, weeks=0.4, cost=100),
            course("two-b", {"s": 1}, hours=3, weeks=0.4, cost=100, requires={"h": 1}),
        ],
        jobs=[job("target", {"s": 1})],
    )


@pytest.mark.parametrize(
    ("objective", "expected"),
    [
        ("hours", ("two-a", "two-b")),
        ("cost", ("slow-cheap",)),
        ("weeks", ("two-a", "two-b")),
        ("courses", ("fast-pricey",)),
    ],
)
def test_each_objective_has_its_own_optimum(objective: str, expected: tuple[str, ...]) -> None:
    assert (
        plan(objectives_catalog(), Profile(), "target", objective=objective, alternatives=1)
        .paths[0]
        .course_ids
        == expected
    )  # type: ignore[arg-type]


def test_courses_objective_breaks_ties_by_hours() -> None:
    # fast-pricey, slow-cheap and short-weeks are one course each: 10 h wins, then 60 h, then 100 h
    result = plan(objectives_catalog(), Profile(), "target", objective="courses", alternatives=4)  # type: ignore[arg-type]
    assert ids(result) == [("fast-pricey",), ("short-weeks",), ("slow-cheap",), ("two-a", "two-b")]


def test_ties_fewer_courses_then_hours_then_ids() -> None:
    catalog = make_catalog(
        courses=[
            course("one-big", {"s": 1}, hours=20, cost=100),
            course("half-1", {"h": 1}, hours=10, cost=50),
            course("half-2", {"s": 1}, hours=10, cost=50, requires={"h": 1}),
            course("b-twin", {"s": 1}, hours=20, cost=100),
        ],
        jobs=[job("target", {"s": 1})],
    )
    # equal cost: one course beats two; between one-course paths of equal hours, ids decide
    assert ids(plan(catalog, Profile(), "target", objective="cost")) == [
        ("b-twin",),
        ("one-big",),
        ("half-1", "half-2"),
    ]


def test_totals_are_exact_decimals() -> None:
    # 0.1 + 0.2 == 0.15 + 0.15 exactly (not in floats): a tie, broken by the sorted ids
    catalog = make_catalog(
        courses=[
            course("z-first", {"p": 1}, hours=0.1),
            course("z-second", {"s": 1}, hours=0.2, requires={"p": 1}),
            course("a-first", {"q": 1}, hours=0.15),
            course("a-second", {"s": 1}, hours=0.15, requires={"q": 1}),
        ],
        jobs=[job("target", {"s": 1})],
    )
    result = plan(catalog, Profile(), "target")
    assert ids(result) == [("a-first", "a-second"), ("z-first", "z-second")]
    assert [p.total_hours for p in result.paths] == [0.3, 0.3]


# --- alternatives ------------------------------------------------------------------------------------


def test_alternatives_are_the_next_best_and_never_supersets() -> None:
    catalog = make_catalog(
        courses=[
            course("a", {"x": 1}, hours=1),
            course("b", {"y": 1}, hours=1),
            course("c", {"x": 1, "y": 1}, hours=5),
            course("d", {"x": 1}, hours=2),
            course("e", {"y": 1}, hours=4),
        ],
        jobs=[job("target", {"x": 1, "y": 1})],
    )
    result = plan(catalog, Profile(), "target", alternatives=5)
    # {a,b}=2, {b,d}=3, {a,e}=5 ties with {c}=5 (one course wins), then {a,e}, then {d,e}=6
    assert ids(result) == [("a", "b"), ("d", "b"), ("c",), ("a", "e"), ("d", "e")]
    assert [p.total_hours for p in result.paths] == [2, 3, 5, 5, 6]
    assert ids(plan(catalog, Profile(), "target", alternatives=1)) == [("a", "b")]


def test_fewer_alternatives_than_asked_when_no_more_exist() -> None:
    catalog = make_catalog(courses=[course("only", {"s": 1})], jobs=[job("target", {"s": 1})])
    assert ids(plan(catalog, Profile(), "target", alternatives=3)) == [("only",)]


# --- sites, radius, online, funding, exclusions ------------------------------------------------------


def geo_catalog() -> Catalog:
    return make_catalog(
        courses=[
            course("near-far", {"s": 1}, hours=10, fmt="onsite", sites=["far", "near"]),
            course("far-only", {"s": 1}, hours=5, fmt="hybrid", sites=["far"]),
            course("online", {"s": 1}, hours=30),
        ],
        jobs=[job("target", {"s": 1})],
        sites=[site("home", 48.0, 2.0), site("near", 48.2, 2.0), site("far", 48.5, 2.0)],
    )


def test_nearest_usable_site_and_radius() -> None:
    catalog = geo_catalog()
    result = plan(catalog, Profile(home="home", mobility_km=30), "target")
    assert ids(result) == [("near-far",), ("online",)]
    step = result.paths[0].steps[0]
    assert step.site == "near"
    assert step.distance_km == pytest.approx(22.24, abs=0.01)
    # no radius: every site is usable, the nearest is reported
    assert ids(plan(catalog, Profile(home="home"), "target"))[0] == ("far-only",)
    assert plan(catalog, Profile(home="home"), "target").paths[0].steps[
        0
    ].distance_km == pytest.approx(55.6, abs=0.1)
    # coordinates as home
    assert ids(plan(catalog, Profile(home=(48.0, 2.0), mobility_km=60), "target"))[0] == (
        "far-only",
    )
    # no home: every site is usable, distances unknown
    step = plan(catalog, Profile(), "target").paths[0].steps[0]
    assert (step.site, step.distance_km) == ("far", None)


def test_online_can_be_refused() -> None:
    catalog = geo_catalog()
    assert ids(plan(catalog, Profile(home="home", mobility_km=30, online=False), "target")) == [
        ("near-far",)
    ]


def test_funding_makes_a_course_free_for_cost() -> None:
    catalog = make_catalog(
        courses=[
            course("cheap", {"s": 1}, hours=10, cost=100),
            course("funded", {"s": 1}, hours=20, cost=2000, funding=["cpf"]),
        ],
        jobs=[job("target", {"s": 1})],
    )
    assert ids(plan(catalog, Profile(), "target", objective="cost")) == [("cheap",), ("funded",)]
    result = plan(catalog, Profile(funding=("cpf", "employer")), "target", objective="cost")
    assert ids(result) == [("funded",), ("cheap",)]
    assert (result.paths[0].total_cost_eur, result.paths[0].total_pays_eur) == (2000, 0)
    assert result.paths[0].steps[0].pays_eur == 0


def test_excluded_courses_are_not_used() -> None:
    catalog = geo_catalog()
    assert ids(plan(catalog, Profile(exclude_courses=("far-only", "near-far")), "target")) == [
        ("online",)
    ]


# --- caps ---------------------------------------------------------------------------------------------


def caps_catalog() -> Catalog:
    return make_catalog(
        courses=[
            course("quick", {"s": 1}, hours=10, weeks=3, cost=900),
            course("slow", {"s": 1}, hours=40, weeks=1, cost=100),
            course("prep", {"p": 1}, hours=15, weeks=1, cost=0),
            course("after-prep", {"s": 1}, hours=15, weeks=1, cost=200, requires={"p": 1}),
        ],
        jobs=[job("target", {"s": 1})],
    )


def test_caps_restrict_the_optimum() -> None:
    catalog = caps_catalog()
    assert ids(plan(catalog, Profile(), "target", alternatives=1)) == [("quick",)]
    assert ids(plan(catalog, Profile(budget_eur=500), "target")) == [
        ("prep", "after-prep"),
        ("slow",),
    ]
    assert ids(plan(catalog, Profile(budget_eur=150), "target")) == [("slow",)]
    assert ids(plan(catalog, Profile(max_weeks=2), "target")) == [("prep", "after-prep"), ("slow",)]
    assert ids(plan(catalog, Profile(max_weeks=1.5, max_hours=45), "target")) == [("slow",)]
    # caps are inclusive
    assert ids(plan(catalog, Profile(max_hours=30, budget_eur=200), "target")) == [
        ("prep", "after-prep")
    ]
    # cost objective within an hours cap
    assert ids(plan(catalog, Profile(max_hours=30), "target", objective="cost")) == [
        ("prep", "after-prep"),
        ("quick",),
    ]


# --- already qualified --------------------------------------------------------------------------------


def test_already_qualified() -> None:
    catalog = caps_catalog()
    result = plan(catalog, Profile(skills={"s": 2}), "target")
    assert result.status == "already-qualified"
    assert result.paths == () and result.gaps == () and result.blockers == ()


# --- unreachable: blockers and relaxations ---------------------------------------------------------


def test_unreachable_too_far_with_distances_and_radius_relaxation() -> None:
    catalog = geo_catalog()
    result = plan(catalog, Profile(home="home", mobility_km=10, online=False), "target")
    assert result.status == "unreachable"
    assert result.paths == ()
    assert result.gaps == (Gap("s", 0, 1),)
    (blocker,) = result.blockers
    assert (blocker.skill, blocker.need) == ("s", 1)
    reasons = {r.course: r for r in blocker.reasons}  # type: ignore[union-attr]
    assert isinstance(reasons["near-far"], TooFar)
    assert [s for s, _ in reasons["near-far"].sites] == ["near", "far"]  # type: ignore[union-attr]
    assert reasons["near-far"].sites[0][1] == pytest.approx(22.24, abs=0.01)  # type: ignore[union-attr]
    assert reasons["near-far"].radius_km == 10  # type: ignore[union-attr]
    assert isinstance(reasons["online"], OnlineNotAllowed)
    assert result.relaxations == (Relaxation("radius", 23.0), Relaxation("online", True))


def test_unreachable_reasons_excluded_no_course_missing_prerequisites() -> None:
    catalog = make_catalog(
        courses=[
            course("teach-x", {"x": 1}, requires={"nothing-teaches": 1}),
            course("teach-x-too", {"x": 1}),
            course("teach-y", {"y": 1}, any_of=[{"u": 1, "v": 2}]),
        ],
        jobs=[job("target", {"x": 1, "y": 1, "z": 2})],
    )
    result = plan(catalog, Profile(exclude_courses=("teach-x-too",)), "target")
    assert result.status == "unreachable"
    blockers = {b.skill: b for b in result.blockers}
    assert blockers["x"].reasons == (
        MissingPrerequisites("teach-x", (("nothing-teaches", 1),)),
        Excluded("teach-x-too"),
    )
    assert blockers["y"].reasons == (MissingPrerequisites("teach-y", (), ((("u", 1), ("v", 2)),)),)
    assert blockers["z"].reasons == (NoCourse(),)
    assert result.relaxations == ()


def test_unreachable_by_caps_with_the_least_relaxations() -> None:
    catalog = caps_catalog()
    result = plan(catalog, Profile(max_hours=8, budget_eur=50), "target")
    assert result.status == "unreachable"
    (blocker,) = result.blockers
    assert blocker.skill == "s"
    assert blocker.reasons == (OverLimit("hours", 8, 10), OverLimit("budget", 50, 100))
    # alone, neither the hours cap (the least with budget 50 fits nothing) nor the budget opens a path
    assert result.relaxations == ()

    result = plan(catalog, Profile(max_hours=20, budget_eur=150), "target")
    assert result.status == "unreachable"
    (blocker,) = result.blockers
    assert (blocker.skill, blocker.reasons) == (
        None,
        (LimitsTogether((("hours", 20), ("budget", 150))),),
    )
    assert result.relaxations == (Relaxation("budget", 900.0), Relaxation("hours", 40.0))


def test_unreachable_weeks_cap() -> None:
    catalog = caps_catalog()
    result = plan(catalog, Profile(max_weeks=0.5), "target")
    assert result.blockers[0].reasons == (OverLimit("weeks", 0.5, 1),)
    assert result.relaxations == (Relaxation("weeks", 1.0),)


# --- bad input ----------------------------------------------------------------------------------------


def test_bad_input_is_reported_with_suggestions() -> None:
    catalog = caps_catalog()
    with pytest.raises(UnknownIdError) as info:
        plan(catalog, Profile(), "targte")
    assert info.value.suggestions == ("target",)
    with pytest.raises(PathfinderError, match="--optimize"):
        plan(catalog, Profile(), "target", objective="speed")
    with pytest.raises(PathfinderError, match="--alternatives"):
        plan(catalog, Profile(), "target", alternatives=0)
    with pytest.raises(UnknownIdError):
        plan(catalog, Profile(exclude_courses=("quik",)), "target")


def test_blocked_prerequisites_are_explained_down_to_the_constraint() -> None:
    catalog = make_catalog(
        courses=[
            course(
                "pack",
                {"pack": 1},
                requires={"hv": 1},
                any_of=[{"weld": 1, "braze": 1}],
                fmt="onsite",
                sites=["home"],
            ),
            course("hv-far", {"hv": 1}, fmt="onsite", sites=["far"]),
            course("hv-online", {"hv": 1}),
            course("weld", {"weld": 1}, requires={"metal": 1}, fmt="hybrid", sites=["home"]),
            course("braze", {"braze": 1}, requires={"metal": 1}, fmt="hybrid", sites=["home"]),
        ],
        jobs=[job("target", {"pack": 1})],
        sites=[site("home", 48.0, 2.0), site("far", 48.5, 2.0)],
    )
    result = plan(catalog, Profile(home="home", mobility_km=10, online=False), "target")
    assert result.status == "unreachable"
    assert [(b.skill, b.need, b.needed_by) for b in result.blockers] == [
        ("pack", 1, ()),
        ("hv", 1, ("pack",)),
        ("weld", 1, ("pack",)),
        ("braze", 1, ("pack",)),
        ("metal", 1, ("braze", "weld")),
    ]
    by_skill = {b.skill: b.reasons for b in result.blockers}
    assert by_skill["pack"] == (
        MissingPrerequisites("pack", (("hv", 1),), ((("weld", 1), ("braze", 1)),)),
    )
    assert isinstance(by_skill["hv"][0], TooFar) and by_skill["hv"][1] == OnlineNotAllowed(
        "hv-online"
    )
    assert by_skill["weld"] == (MissingPrerequisites("weld", (("metal", 1),)),)
    assert by_skill["metal"] == (NoCourse(),)
    # online courses or a radius of 56 km would give hv, but nothing gives metal: no relaxation
    assert result.relaxations == ()


def test_ties_on_every_component_but_ids_with_the_courses_objective() -> None:
    # found by the property test: {c0, c1, c2} and {c1, c2, c4} are both 3 courses and 2 h
    catalog = make_catalog(
        courses=[
            course("c0", {"s3": 1}, hours=0.5, any_of=[{"s2": 1, "s1": 1}]),
            course("c1", {"s0": 1}, hours=0.5),
            course("c2", {"s1": 1}, hours=1, any_of=[{"s0": 1}]),
            course("c3", {"s0": 1}, hours=0.5),
            course("c4", {"s3": 1}, hours=0.5, any_of=[{"s2": 1, "s0": 1}]),
        ],
        jobs=[job("target", {"s3": 1, "s1": 1})],
        skills={"s0": 1, "s1": 1, "s2": 1, "s3": 1},
    )
    for objective in ("courses", "hours", "weeks", "cost"):
        result = plan(catalog, Profile(), "target", objective=objective, alternatives=1)
        assert ids(result) == [("c1", "c2", "c0")], objective
