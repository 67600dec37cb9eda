"""A basin plan against brute force on small random basins: with each pair's cost the planner's
own optimum for that group and job, every assignment is enumerated; the plan places as many
people as the best one, at the same summed cost; each flow takes its group's optimal path; no
group, opening or seat is over-assigned."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from itertools import product
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.brute_force import dec
from support.scenarios import SITES, scenarios

from pathfinder.geo import haversine_km
from pathfinder.planner import plan
from pathfinder.profile import Profile
from pathfinder.territory import Basin, Group, Opening, plan_territory

OBJECTIVES = ("hours", "cost", "weeks", "courses")


@st.composite
def basins(draw: Any) -> tuple[Any, Basin, str]:
    catalog, base, _ = draw(scenarios())
    groups = []
    for index in range(draw(st.integers(1, 2))):
        home = draw(st.sampled_from([None, "north", "south", (48.5, 2.0)]))
        radius = draw(st.sampled_from([None, 30.0, 70.0])) if home is not None else None
        profile = replace(
            base,
            home=home,
            mobility_km=radius,
            jobs=draw(st.sampled_from([(), ("held",)])),
            funding=draw(st.sampled_from([(), ("cpf",), ("employer", "cpf")])),
        )
        groups.append(Group(f"g{index}", draw(st.integers(1, 2)), profile))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(["target", "held"]), st.sampled_from([s.id for s in SITES])),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    openings = tuple(Opening(job, site, draw(st.integers(1, 2))) for job, site in sorted(pairs))
    return catalog, Basin("random", tuple(groups), openings), draw(st.sampled_from(OBJECTIVES))


def reachable(catalog: Any, profile: Profile, site_id: str) -> bool:
    if profile.home is None or profile.mobility_km is None:
        return True
    lat, lon = (
        (catalog.sites[profile.home].lat, catalog.sites[profile.home].lon)
        if isinstance(profile.home, str)
        else profile.home
    )
    site = catalog.sites[site_id]
    return haversine_km(lat, lon, site.lat, site.lon) <= profile.mobility_km


def value(path: Any, objective: str) -> Fraction:
    if objective == "courses":
        return Fraction(len(path.steps))
    if objective == "cost":
        return sum((dec(step.pays_eur) for step in path.steps), Fraction(0))
    field = {"hours": "hours", "weeks": "weeks"}[objective]
    return sum((dec(getattr(step.course, field)) for step in path.steps), Fraction(0))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(basins())
def test_the_plan_is_the_best_assignment(drawn: tuple[Any, Basin, str]) -> None:
    catalog, basin, objective = drawn
    assert basin.openings is not None
    best: dict[tuple[int, int], tuple[Fraction, frozenset[str], float]] = {}
    for g, group in enumerate(basin.groups):
        for o, opening in enumerate(basin.openings):
            if not reachable(catalog, group.profile, opening.site):
                continue
            result = plan(catalog, group.profile, opening.job, objective=objective, alternatives=1)
            if result.status == "already-qualified":
                best[(g, o)] = (Fraction(0), frozenset(), 0.0)
            elif result.status == "ok":
                path = result.paths[0]
                best[(g, o)] = (
                    value(path, objective),
                    frozenset(path.course_ids),
                    path.total_pays_eur,
                )
    pairs = sorted(best)
    reference = (0, Fraction(0))
    for counts in product(*(range(basin.groups[g].count + 1) for g, _ in pairs)):
        by_group = [0] * len(basin.groups)
        by_opening = [0] * len(basin.openings)
        for (g, o), n in zip(pairs, counts, strict=True):
            by_group[g] += n
            by_opening[o] += n
        if any(n > grp.count for n, grp in zip(by_group, basin.groups, strict=True)):
            continue
        if any(n > op.count for n, op in zip(by_opening, basin.openings, strict=True)):
            continue
        cost = sum((best[p][0] * n for p, n in zip(pairs, counts, strict=True)), Fraction(0))
        reference = min(reference, (-sum(counts), cost), key=lambda s: (s[0], s[1]))
    result = plan_territory(catalog, basin, objective=objective, capacity=False)
    assert result.proven
    assert -result.placed == reference[0]
    assert sum((f.route.value * f.count for f in result.flows), Fraction(0)) == reference[1]
    index = {g.id: i for i, g in enumerate(basin.groups)}
    openings = {o.key: i for i, o in enumerate(basin.openings)}
    for flow in result.flows:
        pair = (index[flow.group], openings[(flow.job, flow.site)])
        assert flow.route.value == best[pair][0]  # the group's optimum for that job
        assert frozenset(c.course for c in flow.route.courses) == best[pair][1]
        assert flow.route.pays_eur == best[pair][2]  # priced for this group's funding
    for group in basin.groups:
        assert sum(f.count for f in result.flows if f.group == group.id) <= group.count
    for opening in basin.openings:
        filled = sum(f.count for f in result.flows if (f.job, f.site) == opening.key)
        assert (
            filled + sum(u.count for u in result.unfilled if (u.job, u.site) == opening.key)
            == opening.count
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(basins(), st.integers(0, 2))
def test_no_seat_is_over_assigned(drawn: tuple[Any, Basin, str], seats: int) -> None:
    catalog, basin, objective = drawn
    from datetime import date

    from pathfinder.model import Session

    # every on-site course gets one session per site with ``seats`` seats, in the horizon
    courses = {}
    for course in catalog.courses.values():
        sessions = tuple(
            Session(date(2027, 1, 4), date(2027, 1, 8), site, seats) for site in course.sites
        )
        courses[course.id] = replace(course, sessions=sessions) if sessions else course
    dated = replace(catalog, courses=courses)
    basin = replace(
        basin,
        groups=tuple(
            replace(g, profile=replace(g.profile, start=date(2027, 1, 1))) for g in basin.groups
        ),
    )
    result = plan_territory(dated, basin, objective=objective)
    for line in result.seats:
        if line.available is not None:
            assert line.used <= line.available
    assert result.placed <= result.placed_without_limits


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(basins(), st.integers(0, 3))
def test_the_plan_without_limits_is_reused_only_when_it_is_the_best_with_seats(
    drawn: tuple[Any, Basin, str], seats: int
) -> None:
    from datetime import date

    from pathfinder.model import Session
    from pathfinder.planning.deadline import NO_DEADLINE
    from pathfinder.territory import planner
    from pathfinder.territory.assignment import score
    from pathfinder.territory.matching import match_people
    from pathfinder.territory.routes import all_options

    catalog, basin, objective = drawn
    courses = {}
    for course in catalog.courses.values():
        sessions = tuple(
            Session(date(2027, 1, 4 + 7 * i), date(2027, 1, 8 + 7 * i), site, seats)
            for i, site in enumerate(course.sites)
        )
        courses[course.id] = replace(course, sessions=sessions) if sessions else course
    dated = replace(catalog, courses=courses)
    groups = tuple(
        replace(g, profile=replace(g.profile, start=date(2027, 1, 1))) for g in basin.groups
    )
    assert basin.openings is not None
    options = all_options(dated, groups, basin.openings, objective, 5, NO_DEADLINE)
    horizon = planner.default_horizon()
    free = match_people(dated, options, basin.openings, None, NO_DEADLINE)
    solved = match_people(dated, options, basin.openings, horizon, NO_DEADLINE)
    reused = match_people(dated, options, basin.openings, horizon, NO_DEADLINE, free=free)
    assert solved.problem == reused.problem
    assert solved.assignment.proven and reused.assignment.proven
    assert score(solved.problem, solved.assignment.counts) == score(
        reused.problem, reused.assignment.counts
    )
