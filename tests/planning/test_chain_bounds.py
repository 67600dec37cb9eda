"""The costliest-chain bounds (``h_max``) that ``explore --top`` searches jobs by: exact values
on a hand-made catalog, and a property: never above the optimum."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.brute_force import candidates
from support.planner_builders import course, job, make_catalog
from support.scenarios import ladders, scenarios

from pathfinder.objectives import objective_spec
from pathfinder.planning.chain_bounds import chain_costs, target_bound
from pathfinder.planning.context import Context
from pathfinder.profile import Profile


def test_values_on_a_small_catalog() -> None:
    """weld 1 costs 5 (basics); weld 2 needs weld 1 (upgrade, 8 h): 13; sensors 1 costs 20, or 4
    after weld 2 (either of two groups): 17. The job asks for weld 2 and sensors 1: 17 at least
    (the optimum, 5 + 8 + 4, is 17)."""
    cat = make_catalog(
        courses=[
            course("basics", {"weld": 1}, hours=5),
            course("upgrade", {"weld": 2}, hours=8, requires={"weld": 1}),
            course("sensors-long", {"sensors": 1}, hours=20),
            course("sensors-short", {"sensors": 1}, hours=4, any_of=[{"weld": 2, "paint": 3}]),
        ],
        jobs=[job("goal", {"weld": 2, "sensors": 1})],
    )
    context = Context(cat, Profile())
    costs = chain_costs(context, objective_spec("hours"))
    assert costs[("weld", 1)] == 5
    assert costs[("weld", 2)] == 13
    assert costs[("sensors", 1)] == 17
    assert ("paint", 3) not in costs
    assert target_bound(costs, context.start, cat.jobs["goal"].requires) == 17
    assert target_bound(costs, context.start, {"paint": 1}) is None
    assert target_bound(costs, {"weld": 2, "sensors": 1}, cat.jobs["goal"].requires) == 0
    courses = chain_costs(context, objective_spec("courses"))
    assert courses[("sensors", 1)] == Fraction(1)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenarios(), ladders()), st.sampled_from(["hours", "cost", "weeks", "courses"]))
def test_the_bound_never_exceeds_the_optimum(
    scenario: tuple[Any, Profile, str], objective: str
) -> None:
    catalog, profile, target_id = scenario
    context = Context(catalog, profile)
    costs = chain_costs(context, objective_spec(objective))
    bound = target_bound(costs, context.start, catalog.jobs[target_id].requires)
    uncapped = Profile(
        **{**vars(profile), "max_hours": None, "max_weeks": None, "budget_eur": None}
    )
    valid, _ = candidates(catalog, uncapped, target_id, objective)
    if not valid:
        assert bound is None or bound >= 0
        return
    assert bound is not None
    assert bound <= valid[0].key[0]
