"""Property tests: on random small catalogs and profiles, the planner agrees with brute force.

For every objective: the optimum is the reference's optimum over all valid paths within the caps;
every returned path is a valid schedule, within the caps, free of unneeded courses, with the
reported totals; the alternatives are exactly the reference's K best (key order, none a superset of
an earlier one); the status is right.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.brute_force import candidates, k_best, order_is_valid, set_is_valid, start_of
from support.planner_builders import course, job, make_catalog, site

from pathfinder.geo import haversine_km
from pathfinder.model import Course
from pathfinder.planner import plan
from pathfinder.planning.context import Context
from pathfinder.planning.problem import Problem
from pathfinder.planning.search import costs, learned_landmarks, search
from pathfinder.profile import Profile

SKILLS = ("s0", "s1", "s2", "s3")
SITES = (site("north", 49.5, 2.0), site("middle", 48.9, 2.1), site("south", 48.0, 2.0))
HOURS = (0.5, 1, 1.5, 2, 3, 0.1, 0.2)
WEEKS = (0.2, 0.4, 0.6, 1, 1.2)
COSTS = (0, 100, 250.5, 300, 0.1)


@st.composite
def level_map(
    draw: Any, max_levels: dict[str, int], min_size: int = 0, max_size: int = 2, high: bool = False
) -> dict[str, int]:
    """Skill -> level; with ``high``, levels lean to the skill's max (grants that get somewhere)."""
    skills = draw(
        st.lists(st.sampled_from(SKILLS), min_size=min_size, max_size=max_size, unique=True)
    )
    levels = {}
    for s in skills:
        top = max_levels[s]
        levels[s] = top if high and draw(st.booleans()) else draw(st.integers(1, top))
    return levels


@st.composite
def chained(draw: Any, earlier: list[Any], max_levels: dict[str, int]) -> dict[str, int]:
    """Requirements: none, random ones, or a grant of an earlier course (to build chains)."""
    choice = draw(st.integers(0, 4))
    if choice <= 1:
        return {}
    if choice == 2 or not earlier:
        return draw(level_map(max_levels, 1, 2))
    grants = draw(st.sampled_from(earlier)).grants
    skill = draw(st.sampled_from(sorted(grants)))
    return {skill: grants[skill]}


@st.composite
def scenarios(draw: Any) -> tuple[Any, Profile, str]:
    max_levels = {s: draw(st.integers(1, 3)) for s in SKILLS}
    n_courses = draw(st.integers(2, 8))
    courses: list[Course] = []
    for i in range(n_courses):
        fmt = draw(st.sampled_from(("online", "onsite", "hybrid")))
        sites = (
            ()
            if fmt == "online"
            else draw(
                st.lists(
                    st.sampled_from([s.id for s in SITES]), min_size=1, max_size=2, unique=True
                )
            )
        )
        courses.append(
            course(
                f"c{i}",
                draw(level_map(max_levels, 1, 2, high=True)),
                hours=draw(st.sampled_from(HOURS)),
                weeks=draw(st.sampled_from(WEEKS)),
                cost=draw(st.sampled_from(COSTS)),
                fmt=fmt,
                sites=sites,
                requires=draw(chained(courses, max_levels)),
                any_of=draw(
                    st.one_of(st.just([]), st.lists(level_map(max_levels, 1, 2), max_size=1))
                ),
                funding=draw(
                    st.lists(st.sampled_from(("cpf", "employer")), max_size=1, unique=True)
                ),
            )
        )
    wanted = draw(level_map(max_levels, 1, 3))
    if draw(st.booleans()):  # aim at the last courses, which often sit at the end of chains
        for c in courses[-2:]:
            wanted.update(c.grants)
    jobs = [job("target", wanted), job("held", draw(level_map(max_levels, 0, 2)))]
    catalog = make_catalog(courses=courses, jobs=jobs, sites=SITES, skills=max_levels)
    home = draw(st.one_of(st.none(), st.sampled_from(["north", "south"]), st.just((48.5, 2.0))))
    profile = Profile(
        jobs=draw(st.sampled_from([(), ("held",)])),
        skills=draw(level_map(max_levels, 0, 2)),
        home=home,
        mobility_km=draw(st.sampled_from([None, None, 30.0, 70.0, 120.0])),
        online=draw(st.sampled_from([True, True, True, False])),
        max_hours=draw(st.sampled_from([None, None, None, 2.0, 3.5, 5.0])),
        max_weeks=draw(st.sampled_from([None, None, None, 1.0, 2.6])),
        budget_eur=draw(st.sampled_from([None, None, None, 0.0, 250.5, 400.0])),
        funding=draw(st.sampled_from([(), ("cpf",), ("cpf", "employer")])),
        exclude_courses=draw(
            st.one_of(st.just(()), st.just(()), st.tuples(st.sampled_from([c.id for c in courses])))
        ),
    )
    return catalog, profile, "target"


@st.composite
def ladders(draw: Any) -> tuple[Any, Profile, str]:
    """Layered catalogs: skill i is taught by courses that need skill i-1 (or one of two skills),
    with shortcuts, so that paths are chains of up to four courses with real alternatives."""
    max_levels = {s: draw(st.integers(1, 2)) for s in SKILLS}
    courses = []
    for i in range(draw(st.integers(3, 8))):
        rung = draw(st.integers(0, len(SKILLS) - 1))
        skill = SKILLS[rung]
        grants = {skill: draw(st.integers(1, max_levels[skill]))}
        if draw(st.integers(0, 3)) == 0:  # a shortcut granting two rungs
            other = SKILLS[draw(st.integers(0, len(SKILLS) - 1))]
            grants[other] = max(grants.get(other, 0), max_levels[other])
        requires: dict[str, int] = {}
        any_of: list[dict[str, int]] = []
        if rung > 0:
            below = SKILLS[rung - 1]
            if draw(st.booleans()):
                requires[below] = draw(st.integers(1, max_levels[below]))
            else:
                any_of.append({below: 1, SKILLS[draw(st.integers(0, rung - 1))]: 1})
        courses.append(
            course(
                f"c{i}",
                grants,
                requires=requires,
                any_of=any_of,
                hours=draw(st.sampled_from(HOURS)),
                weeks=draw(st.sampled_from(WEEKS)),
                cost=draw(st.sampled_from(COSTS)),
                funding=draw(
                    st.lists(st.sampled_from(("cpf", "employer")), max_size=1, unique=True)
                ),
            )
        )
    top = SKILLS[-1]
    wanted = {top: draw(st.integers(1, max_levels[top]))}
    wanted.update(draw(level_map(max_levels, 0, 1)))
    catalog = make_catalog(courses=courses, jobs=[job("target", wanted)], skills=max_levels)
    profile = Profile(
        skills=draw(level_map(max_levels, 0, 1)),
        max_hours=draw(st.sampled_from([None, None, 3.0, 5.5])),
        budget_eur=draw(st.sampled_from([None, None, 300.0])),
        funding=draw(st.sampled_from([(), ("cpf",)])),
    )
    return catalog, profile, "target"


def dec(value: float) -> Fraction:
    return Fraction(repr(float(value)))


def check(catalog: Any, profile: Profile, target_id: str, objective: str, k: int) -> None:
    result = plan(catalog, profile, target_id, objective=objective, alternatives=k)
    valid, irredundant = candidates(catalog, profile, target_id, objective)
    start = start_of(catalog, profile)
    target = catalog.jobs[target_id].requires
    if all(start.get(s, 0) >= lv for s, lv in target.items()):
        assert result.status == "already-qualified"
        assert not result.paths and not result.gaps
        return
    assert result.gaps
    if not valid:
        assert result.status == "unreachable", result
        assert not result.paths
        assert result.blockers
        check_relaxations(catalog, profile, target_id, result.relaxations)
        return
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


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(scenarios(), ladders()), st.integers(1, 4))
def test_hours_matches_brute_force(scenario: tuple[Any, Profile, str], k: int) -> None:
    check(*scenario, "hours", k)


@SETTINGS
@given(st.one_of(scenarios(), ladders()), st.integers(1, 4))
def test_cost_matches_brute_force(scenario: tuple[Any, Profile, str], k: int) -> None:
    check(*scenario, "cost", k)


@SETTINGS
@given(st.one_of(scenarios(), ladders()), st.integers(1, 4))
def test_weeks_matches_brute_force(scenario: tuple[Any, Profile, str], k: int) -> None:
    check(*scenario, "weeks", k)


@SETTINGS
@given(st.one_of(scenarios(), ladders()), st.integers(1, 4))
def test_courses_matches_brute_force(scenario: tuple[Any, Profile, str], k: int) -> None:
    check(*scenario, "courses", k)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenarios(), ladders()), st.sampled_from(["hours", "cost", "weeks", "courses"]))
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


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(scenarios(), ladders()),
    st.sampled_from(["hours", "cost", "weeks", "courses"]),
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
