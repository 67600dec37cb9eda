"""Property tests: on random small catalogs and profiles, the planner agrees with brute force.

For every objective: the optimum is the reference's optimum over all valid paths within the caps;
every returned path is a valid schedule, within the caps, free of unneeded courses, with the
reported totals; the alternatives are exactly the reference's K best (key order, none a superset of
an earlier one); the status is right.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.brute_force import (
    ValidSet,
    candidates,
    dec,
    k_best,
    order_is_valid,
    ranked,
    set_is_valid,
    start_of,
    valid_sets,
)
from support.scenarios import ladders, scenarios

from pathfinder.geo import haversine_km
from pathfinder.planner import plan
from pathfinder.planning.context import Context
from pathfinder.planning.engine import ENGINES, Engine, forced_engine
from pathfinder.planning.problem import Problem
from pathfinder.planning.results import PlanResult
from pathfinder.planning.search import costs, learned_landmarks, search
from pathfinder.profile import Profile

OBJECTIVES = ("hours", "cost", "weeks", "courses")


def check(
    catalog: Any, profile: Profile, target_id: str, objective: str, k: int, sets: list[ValidSet]
) -> PlanResult:
    """Check the planner's answer for one objective against the reference's valid sets."""
    result = plan(catalog, profile, target_id, objective=objective, alternatives=k)
    valid, irredundant = ranked(sets, objective)
    start = start_of(catalog, profile)
    target = catalog.jobs[target_id].requires
    if all(start.get(s, 0) >= lv for s, lv in target.items()):
        assert result.status == "already-qualified"
        assert not result.paths and not result.gaps
        return result
    assert result.gaps
    if not valid:
        assert result.status == "unreachable", result
        assert not result.paths
        assert result.blockers
        return result
    assert result.status == "ok"
    # the optimum over all valid paths is irredundant, and it is the planner's first path
    assert valid[0] == irredundant[0]
    expected = k_best(irredundant, k)
    assert [tuple(sorted(p.course_ids)) for p in result.paths] == [c.ids for c in expected]
    # stated directly too: pairwise distinct, none a superset of an earlier one, best first
    sets = [frozenset(p.course_ids) for p in result.paths]
    for later in range(len(sets)):
        for earlier in range(later):
            assert not sets[earlier] <= sets[later]
    assert [c.key for c in expected] == sorted(c.key for c in expected)
    if len(result.paths) < k:  # fewer than asked only when no other acceptable path exists
        assert all(any(p <= frozenset(c.ids) for p in sets) for c in irredundant)
    for path, cand in zip(result.paths, expected, strict=True):
        courses = [step.course for step in path.steps]
        assert order_is_valid(courses, start, target)
        for drop in range(len(courses)):
            assert not set_is_valid(courses[:drop] + courses[drop + 1 :], start, target)
        assert path.total_hours == float(cand.hours)
        assert path.total_weeks == float(cand.weeks)
        assert path.total_cost_eur == float(cand.price)
        assert path.total_pays_eur == float(cand.pays)
        assert all(step.serves for step in path.steps)
        for step in path.steps:
            check_site(catalog, profile, step)
        if profile.max_hours is not None:
            assert cand.hours <= dec(profile.max_hours)
    return result


def check_site(catalog: Any, profile: Profile, step: Any) -> None:
    """Online courses have no site; others report their nearest usable site and its distance."""
    c = step.course
    if c.format == "online":
        assert (step.site, step.distance_km) == (None, None)
        return
    assert step.site in c.sites
    if profile.home is None:
        assert step.distance_km is None
        return
    home = catalog.sites[profile.home] if isinstance(profile.home, str) else None
    lat, lon = (home.lat, home.lon) if home else profile.home
    km = {s: haversine_km(lat, lon, catalog.sites[s].lat, catalog.sites[s].lon) for s in c.sites}
    assert step.distance_km == min(km.values()) == km[step.site]
    if profile.mobility_km is not None:
        assert step.distance_km <= profile.mobility_km


def check_relaxations(catalog: Any, profile: Profile, target_id: str, relaxations: Any) -> None:
    """Each relaxation is the least of its kind that opens a path; each kind that can is offered."""
    offered = {r.kind: r.value for r in relaxations}
    for kind, field, objective in (
        ("budget", "budget_eur", "cost"),
        ("hours", "max_hours", "hours"),
        ("weeks", "max_weeks", "weeks"),
    ):
        if getattr(profile, field) is None:
            assert kind not in offered
            continue
        uncapped = replace(profile, **{field: None})  # type: ignore[arg-type]
        valid, _ = candidates(catalog, uncapped, target_id, objective)
        if not valid:
            assert kind not in offered
        else:
            assert offered[kind] == float(valid[0].key[0])
    if not profile.online:
        opens = bool(candidates(catalog, replace(profile, online=True), target_id, "hours")[0])
        assert ("online" in offered) == opens
    if profile.home is not None and profile.mobility_km is not None:
        opens = bool(candidates(catalog, replace(profile, mobility_km=None), target_id, "hours")[0])
        assert ("radius" in offered) == opens
        if opens:
            radius = float(offered["radius"])
            assert radius > profile.mobility_km
            assert candidates(catalog, replace(profile, mobility_km=radius), target_id, "hours")[0]
            if radius - 1 >= profile.mobility_km:
                assert not candidates(
                    catalog, replace(profile, mobility_km=radius - 1), target_id, "hours"
                )[0]
    else:
        assert "radius" not in offered


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenarios(), ladders()), st.integers(1, 4))
def test_every_objective_matches_brute_force(
    engine: Engine, scenario: tuple[Any, Profile, str], k: int
) -> None:
    """Each objective on each scenario, with each engine forced on (the automatic choice would
    give these small problems to the landmark search). The reference enumerates the valid sets
    once: only their ranking depends on the objective. The relaxations offered do not depend on
    it at all."""
    catalog, profile, target_id = scenario
    sets = valid_sets(catalog, profile, target_id)
    with forced_engine(engine):
        results = [check(catalog, profile, target_id, o, k, sets) for o in OBJECTIVES]
    if results[0].status == "unreachable":
        assert all(r.relaxations == results[0].relaxations for r in results)
        check_relaxations(catalog, profile, target_id, results[0].relaxations)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenarios(), ladders()), st.sampled_from(OBJECTIVES))
def test_learned_landmarks_hold_for_every_valid_path(
    scenario: tuple[Any, Profile, str], objective: str
) -> None:
    """Every landmark the search learns (for any excluded courses) has a course of every valid
    path, so the least-cost hitting set is a lower bound."""
    catalog, profile, target_id = scenario
    profile = replace(profile, max_hours=None, max_weeks=None, budget_eur=None)
    problem = Problem(Context(catalog, profile), catalog.jobs[target_id].requires)
    valid, _ = candidates(catalog, profile, target_id, objective)
    if problem.target == 0 or not valid:
        return
    found = search(problem, objective)
    assert found is not None
    for position in found.order:  # learn more, with one course of the optimum left out each time
        search(problem, objective, excluded={position})
    ids = [pc.course.id for pc in problem.courses]
    for landmark in learned_landmarks(problem):
        courses = {ids[i] for i in range(len(ids)) if landmark >> i & 1}
        assert all(courses & set(path.ids) for path in valid)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(scenarios(), ladders()),
    st.sampled_from(OBJECTIVES),
    st.data(),
)
def test_course_costs_order_sets_as_keys_do(
    scenario: tuple[Any, Profile, str], objective: str, data: Any
) -> None:
    """The per-course integers of the search add up to totals that order any two course sets
    exactly as their keys (objective, count, hours, sorted ids) do."""
    catalog, profile, target_id = scenario
    problem = Problem(Context(catalog, profile), catalog.jobs[target_id].requires)
    n = len(problem.courses)
    if n == 0:
        return
    cost = costs(problem, objective)
    weights = problem.weights

    def key(members: list[int]) -> tuple[int, int, int, tuple[str, ...]]:
        return (
            sum(weights[objective][i] for i in members),
            len(members),
            sum(weights["hours"][i] for i in members),
            tuple(sorted(problem.courses[i].course.id for i in members)),
        )

    subsets = st.lists(st.integers(0, n - 1), unique=True)
    first, second = data.draw(subsets), data.draw(subsets)
    assert (key(first) < key(second)) == (
        sum(cost[i] for i in first) < sum(cost[i] for i in second)
    )
    assert (key(first) == key(second)) == (sorted(first) == sorted(second))
