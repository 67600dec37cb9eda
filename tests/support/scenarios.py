"""Hypothesis strategies for small random planning problems: ``scenarios`` (a few courses over
four skills, sites, caps and funding) and ``ladders`` (chains of levels), each drawing
``(catalog, profile, target job id)``."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from pathfinder.model import Course
from pathfinder.profile import Profile

from .planner_builders import course, job, make_catalog, site

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
