"""Shared planning is exact: the routes a basin plan gives each group (planned once per distinct
problem, from another group with the same key) are the routes planning that group alone gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.scenarios import SITES, scenarios

from pathfinder.model import Session
from pathfinder.planning.context import Context
from pathfinder.planning.deadline import NO_DEADLINE
from pathfinder.territory import Group, Opening, sharing
from pathfinder.territory.routes import all_options, plan_routes
from pathfinder.territory.sharing import Sharing, held_levels, job_scope

FIRST = date(2027, 1, 4)
HOMES = [None, "north", "south", (48.5, 2.0), (48.75, 2.0)]


@st.composite
def dated(draw: Any, catalog: Any) -> Any:
    """Some courses get sessions at their sites, some before the groups' first day."""
    courses = {}
    for course in catalog.courses.values():
        if not course.sites or not draw(st.booleans()):
            courses[course.id] = course
            continue
        sessions = []
        for site in draw(st.lists(st.sampled_from(course.sites), min_size=1, max_size=3)):
            start = FIRST + timedelta(days=draw(st.integers(-10, 40)))
            sessions.append(
                Session(start, start + timedelta(days=2), site, draw(st.integers(1, 5)))
            )
        courses[course.id] = replace(
            course, sessions=tuple(sorted(sessions, key=lambda s: s.start))
        )
    return replace(catalog, courses=courses)


@st.composite
def basins(draw: Any) -> tuple[Any, tuple[Group, ...], tuple[Opening, ...], str]:
    """Groups alike but for one field each, so that many share a problem and each field's part
    in the key is put to the test."""
    catalog, base, _ = draw(scenarios())
    if draw(st.booleans()):
        catalog = draw(dated(catalog))
    fields = {
        "home": st.sampled_from(HOMES),
        "mobility_km": st.sampled_from([None, 30.0, 70.0, 120.0]),
        "jobs": st.sampled_from([(), ("held",)]),
        "skills": st.sampled_from([{}, dict(base.skills)]),
        "online": st.booleans(),
        "funding": st.sampled_from([(), ("cpf",), ("employer", "cpf"), ("cpf", "employer")]),
        "exclude_courses": st.sampled_from([(), tuple(sorted(catalog.courses))[:1]]),
        "max_hours": st.sampled_from([None, 2.0, 5.0]),
        "budget_eur": st.sampled_from([None, 0.0, 250.5]),
    }
    first = replace(base, start=FIRST, **{name: draw(value) for name, value in fields.items()})
    groups = [Group("g0", 1, first)]
    for index in range(1, draw(st.integers(2, 5))):
        name = draw(st.sampled_from([*sorted(fields), "home", "home", "mobility_km"]))
        groups.append(Group(f"g{index}", 1, replace(first, **{name: draw(fields[name])})))
    groups = [
        g
        if g.profile.home is not None
        else replace(g, profile=replace(g.profile, mobility_km=None))
        for g in groups
    ]
    openings = tuple(Opening(job, site.id, 1) for job in ("held", "target") for site in SITES)
    objective = draw(st.sampled_from(["hours", "cost", "weeks", "courses"]))
    return catalog, tuple(groups), openings, objective


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(basins())
def test_every_group_gets_the_routes_it_would_get_alone(drawn: Any) -> None:
    catalog, groups, openings, objective = drawn
    alone = []
    for group in groups:
        context = Context(catalog, group.profile)
        in_reach = tuple(o for o in openings if context.site_usable(o.site))
        jobs = sorted({o.job for o in in_reach})
        alone.append((in_reach, *plan_routes(context, jobs, objective, 3, NO_DEADLINE)))
    for course_sites_max in (sharing.COURSE_SITES_MAX, 0):  # both kinds of keys
        with patch.object(sharing, "COURSE_SITES_MAX", course_sites_max):
            options = all_options(catalog, groups, openings, objective, 3, NO_DEADLINE)
        for option, (in_reach, routes, proven) in zip(options, alone, strict=True):
            assert option.in_reach == in_reach
            assert dict(option.routes) == routes
            assert [[r.value for r in found] for found in option.routes.values()] == [
                [r.value for r in found] for found in routes.values()
            ]
            assert option.proven == proven


def test_a_skill_the_job_never_asks_for_does_not_split_a_problem() -> None:
    from support.planner_builders import course, job, make_catalog

    catalog = make_catalog(
        courses=[course("c1", {"a": 2}, requires={"b": 1})],
        jobs=[job("t", {"a": 2}), job("other", {"z": 1})],
        skills={"a": 3, "b": 3, "z": 3},
    )
    scope = job_scope(catalog, "t")
    assert scope.levels == {"a": (2,), "b": (1,)} and scope.courses == {"c1"}
    # b at 3 meets what is asked of b (1) as b at 1 does; z is never asked for on the way to t
    assert held_levels({"b": 3, "z": 2}, scope) == held_levels({"b": 1}, scope) == (("b", 1),)
    assert held_levels({"a": 1}, scope) == ()  # a at 1 meets no level asked of a


def test_sites_equally_near_are_taken_in_the_course_order() -> None:
    from support.planner_builders import course, job, make_catalog, site

    catalog = make_catalog(
        courses=[course("c1", {"a": 1}, fmt="onsite", sites=("west", "east"))],
        jobs=[job("t", {"a": 1})],
        sites=(site("west", 48.0, 1.5), site("east", 48.0, 2.5)),
        skills={"a": 3},
    )
    sharing = Sharing(catalog)
    from pathfinder.profile import Profile
    from pathfinder.territory.sharing import sites_in_reach

    context = Context(catalog, Profile(home=(48.0, 2.0)))  # as far from both
    reach = sites_in_reach(context)
    assert reach is not None and reach.sites[0][0] == reach.sites[1][0]  # a tie
    key = sharing.route_key(context, "t", reach, priced=False)
    assert key[-1] == (("west", "east"),)
    usage = context.usage(catalog.courses["c1"])
    assert usage is not None and usage.site == "west"
    flipped = replace(catalog.courses["c1"], sites=("east", "west"))
    catalog = replace(catalog, courses={"c1": flipped})
    context = Context(catalog, Profile(home=(48.0, 2.0)))
    assert Sharing(catalog).route_key(context, "t", reach, priced=False)[-1] == (("east", "west"),)


def test_what_a_group_pays_splits_a_problem_only_when_it_can_change_the_paths() -> None:
    from support.planner_builders import course, job, make_catalog, site

    from pathfinder.profile import Profile

    catalog = make_catalog(
        courses=[
            course("c0", {"a": 1}, hours=5, cost=100, funding=["cpf"]),
            course("c1", {"a": 1}, hours=10, cost=50),
            course("c2", {"a": 1}, hours=20),
        ],
        jobs=[job("t", {"a": 1})],
        sites=[site("x", 48.0, 2.0)],
    )
    groups = [
        Group("funded", 1, Profile(funding=("cpf",))),
        Group("alone", 1, Profile()),
        Group("excluding", 1, Profile(exclude_courses=("c0",))),
        Group("capped", 1, Profile(max_hours=8.0)),
    ]
    openings = [Opening("t", "x", 1)]

    def first_courses(objective: str) -> dict[str, list[str]]:
        options = all_options(catalog, groups, openings, objective, 3, NO_DEADLINE)
        return {o.group.id: [r.courses[0].course for r in o.routes.get("t", ())] for o in options}

    assert first_courses("cost") == {
        "funded": ["c0", "c2", "c1"],
        "alone": ["c2", "c1", "c0"],
        "excluding": ["c2", "c1"],
        "capped": ["c0"],
    }
    by_hours = first_courses("hours")
    assert by_hours["funded"] == by_hours["alone"] == ["c0", "c1", "c2"]
    assert by_hours["excluding"] == ["c1", "c2"] and by_hours["capped"] == ["c0"]


def test_planning_in_a_pool_gives_what_planning_in_one_process_gives() -> None:
    from support.planner_builders import course, job, make_catalog, site

    from pathfinder.profile import Profile

    sites = [site(f"s{i}", 48.0 + i / 10, 2.0) for i in range(5)]
    catalog = make_catalog(
        courses=[
            course("c0", {"a": 1}, hours=5, fmt="onsite", sites=("s0", "s3")),
            course("c1", {"a": 1}, hours=9, fmt="onsite", sites=("s2",)),
            course("c2", {"b": 2}, hours=4, requires={"a": 1}),
        ],
        jobs=[job("t", {"a": 1}), job("u", {"b": 2})],
        sites=sites,
    )
    groups = [
        Group(
            f"g{i:02d}",
            1 + i % 3,
            Profile(
                home=(48.0 + (i % 7) / 20, 2.0 + (i % 5) / 20),
                mobility_km=(10.0, 25.0, 60.0, None)[i % 4],
                skills={"a": 1} if i % 6 == 0 else {},
            ),
        )
        for i in range(70)
    ]
    openings = [Opening(j, s.id, 2) for j in ("t", "u") for s in sites]
    told: list[tuple[int, int]] = []
    pooled = all_options(
        catalog, groups, openings, "hours", 3, NO_DEADLINE, lambda *n: told.append(n), 2
    )
    assert pooled == all_options(catalog, groups, openings, "hours", 3, NO_DEADLINE)
    assert told and told[-1][0] == told[-1][1] > 1
