"""The ``finish`` objective and the calendar of every path, against a brute force over course
sets, orders and session choices (tests/support/brute_force_calendar.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support.brute_force import start_of
from support.brute_force_calendar import days_of, finish_candidates, k_earliest, runs_of
from support.planner_builders import course, job, make_catalog, site
from support.scenarios import ladders, scenarios

from pathfinder.dates import default_end
from pathfinder.model import FrozenMap, Session
from pathfinder.planner import plan
from pathfinder.profile import Profile

FIRST = date(2027, 1, 4)


@st.composite
def dated_scenarios(draw: Any) -> tuple[Any, Profile, str]:
    """A small planning problem whose courses may run in dated sessions (some too early, some
    overlapping, some online), and a person who can start a few days after ``FIRST``."""
    catalog, profile, target = draw(st.one_of(scenarios(), ladders()))
    assume(len(catalog.courses) <= 6)
    courses = {}
    for c in catalog.courses.values():
        if draw(st.integers(0, 3)):  # most courses get sessions
            sessions = []
            for _ in range(draw(st.integers(1, 3))):
                online = c.format == "online" or (c.format == "hybrid" and draw(st.booleans()))
                where = None if online else draw(st.sampled_from(c.sites))
                start = FIRST + timedelta(days=draw(st.integers(-3, 24)))
                length = draw(st.one_of(st.none(), st.integers(0, 5)))
                end = default_end(start, c.weeks) if length is None else start + timedelta(length)
                sessions.append(Session(start, end, where, None, online))
            c = replace(c, sessions=tuple(sorted(sessions, key=lambda s: (s.start, s.end))))
        courses[c.id] = c
    catalog = replace(catalog, courses=FrozenMap(courses))
    profile = replace(profile, start=FIRST + timedelta(days=draw(st.integers(0, 3))))
    return catalog, profile, target


def check_schedule(catalog: Any, profile: Profile, path: Any) -> None:
    """The path's dates keep every calendar rule, and its finish is its last day."""
    assert profile.start is not None
    previous = profile.start - timedelta(days=1)
    for step in path.steps:
        assert step.start is not None and step.end is not None
        assert step.start > previous
        runs = runs_of(step.course, catalog, profile, profile.start)
        assert runs is not None
        if step.session is None:
            assert runs == []
            assert (step.end - step.start).days + 1 == days_of(step.course)
        else:
            assert step.session in step.course.sessions
            assert (step.start, step.end) == (step.session.start, step.session.end)
            assert (step.start, step.end) in runs
            assert step.site == step.session.site
        previous = step.end
    assert path.finish == previous


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_scenarios(), st.integers(1, 3))
def test_finish_matches_brute_force(scenario: tuple[Any, Profile, str], k: int) -> None:
    catalog, profile, target_id = scenario
    assert profile.start is not None
    result = plan(catalog, profile, target_id, objective="finish", alternatives=k)
    start = start_of(catalog, profile)
    target = catalog.jobs[target_id].requires
    if all(start.get(s, 0) >= lv for s, lv in target.items()):
        assert result.status == "already-qualified"
        return
    expected = k_earliest(finish_candidates(catalog, profile, target_id, profile.start), k)
    if not expected:
        assert result.status == "unreachable", result
        assert not result.paths
        return
    assert result.status == "ok"
    assert [tuple(sorted(p.course_ids)) for p in result.paths] == [c.ids for c in expected]
    assert [p.finish for p in result.paths] == [c.finish for c in expected]
    for path in result.paths:
        check_schedule(catalog, profile, path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_scenarios(), st.sampled_from(["hours", "cost", "weeks", "courses"]))
def test_every_objective_reports_the_earliest_schedule_of_its_path(
    scenario: tuple[Any, Profile, str], objective: str
) -> None:
    """Whatever the objective, each path is dated by the earliest schedule of its courses."""
    catalog, profile, target_id = scenario
    assert profile.start is not None
    result = plan(catalog, profile, target_id, objective=objective, alternatives=2)
    by_set = {c.ids: c for c in finish_candidates(catalog, profile, target_id, profile.start)}
    for path in result.paths:
        ids = tuple(sorted(path.course_ids))
        if ids in by_set:
            assert path.finish == by_set[ids].finish
            check_schedule(catalog, profile, path)
        else:  # no order of these courses fits the sessions' dates
            assert path.finish is None
            assert all(step.start is None for step in path.steps)


# --- exact values on hand-made cases ------------------------------------------------------------


def session(start: str, days: int = 1, where: str | None = "north", **extra: Any) -> Session:
    first = date.fromisoformat(start)
    return Session(first, first + timedelta(days=days - 1), where, **extra)


NORTH = site("north", 49.5, 2.0)


def test_a_later_session_that_ends_sooner_is_chosen() -> None:
    catalog = make_catalog(
        courses=[
            replace(
                course("welding", {"w": 1}, fmt="onsite", sites=["north"], weeks=1),
                sessions=(session("2027-01-05", 20), session("2027-01-10", 3)),
            )
        ],
        jobs=[job("target", {"w": 1})],
        sites=[NORTH],
    )
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target", objective="finish")
    (step,) = result.paths[0].steps
    assert (step.start, step.end) == (date(2027, 1, 10), date(2027, 1, 12))
    assert result.paths[0].finish == date(2027, 1, 12)


def test_finish_prefers_a_longer_course_that_ends_first() -> None:
    """By hours the short course wins; by finish, the one whose session ends first."""
    catalog = make_catalog(
        courses=[
            replace(
                course("short", {"b": 1}, hours=7, fmt="onsite", sites=["north"]),
                sessions=(session("2027-03-01", 1),),
            ),
            course("long", {"b": 1}, hours=35, weeks=1),  # online, on demand
        ],
        jobs=[job("target", {"b": 1})],
        sites=[NORTH],
    )
    person = Profile(start=date(2027, 1, 4))
    assert plan(catalog, person, "target").paths[0].course_ids == ("short",)
    best = plan(catalog, person, "target", objective="finish", alternatives=2)
    assert [p.course_ids for p in best.paths] == [("long",), ("short",)]
    assert [p.finish for p in best.paths] == [date(2027, 1, 10), date(2027, 3, 1)]
    assert best.paths[0].steps[0].session is None


def test_prerequisites_end_before_the_next_course_starts() -> None:
    catalog = make_catalog(
        courses=[
            course("basics", {"a": 1}, weeks=1),  # 7 days on demand
            replace(
                course("pack", {"p": 1}, requires={"a": 1}, fmt="onsite", sites=["north"]),
                sessions=(session("2027-01-08", 2), session("2027-01-11", 2)),
            ),
        ],
        jobs=[job("target", {"p": 1})],
        sites=[NORTH],
    )
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target", objective="finish")
    basics, pack = result.paths[0].steps
    assert (basics.start, basics.end) == (date(2027, 1, 4), date(2027, 1, 10))
    assert (pack.start, pack.end) == (date(2027, 1, 11), date(2027, 1, 12))


def test_a_course_whose_sessions_are_all_past_is_unusable() -> None:
    catalog = make_catalog(
        courses=[
            replace(
                course("pack", {"p": 1}, fmt="onsite", sites=["north"]),
                sessions=(session("2026-06-01", 2),),
            )
        ],
        jobs=[job("target", {"p": 1})],
        sites=[NORTH],
    )
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target")
    assert result.status == "unreachable"
    kinds = [reason.kind for blocker in result.blockers for reason in blocker.reasons]
    assert kinds == ["no-session"]


@pytest.mark.parametrize("objective", ["hours", "finish"])
def test_start_defaults_to_today(objective: str) -> None:
    """conftest fixes today (PATHFINDER_TODAY) at 2026-12-01."""
    catalog = make_catalog(
        courses=[course("basics", {"a": 1}, weeks=0.4)], jobs=[job("target", {"a": 1})]
    )
    path = plan(catalog, Profile(), "target", objective=objective).paths[0]
    assert (path.steps[0].start, path.finish) == (date(2026, 12, 1), date(2026, 12, 3))


def test_explore_ranks_jobs_by_their_earliest_finish() -> None:
    from pathfinder.explore import explore

    catalog = make_catalog(
        courses=[
            course("quick", {"q": 1}, hours=70, weeks=0.4),  # 3 days on demand
            replace(
                course("early", {"e": 1}, hours=7, fmt="onsite", sites=["north"]),
                sessions=(session("2027-03-01", 1),),
            ),
        ],
        jobs=[job("by-quick", {"q": 1}), job("by-early", {"e": 1})],
        sites=[NORTH],
    )
    person = Profile(start=date(2027, 1, 4))
    by_hours = explore(catalog, person, objective="hours")
    assert [item.job for item in by_hours.results] == ["by-early", "by-quick"]
    by_finish = explore(catalog, person, objective="finish")
    assert [(item.job, item.finish) for item in by_finish.results] == [
        ("by-quick", date(2027, 1, 6)),
        ("by-early", date(2027, 3, 1)),
    ]


def test_a_long_path_is_scheduled_in_the_better_of_two_orders() -> None:
    """Beyond MAX_EXACT_COURSES the schedule is not searched over every order: it takes the
    prerequisites-first hint or the order given, whichever fits and ends first."""
    from types import SimpleNamespace

    from pathfinder.planning.calendar import MAX_EXACT_COURSES, Runs, earliest_schedule

    n = MAX_EXACT_COURSES + 1
    first = date(2027, 1, 4)
    entries = []
    for i in range(n):  # course i runs only on day i: the given order fits, its reverse not
        day = first + timedelta(days=i)
        runs = Runs(SimpleNamespace(sessions=(Session(day, day, "north"),), days=1))  # type: ignore[arg-type]
        entries.append((1 << i, 0, (), runs))
    order, slots = earliest_schedule(entries, first, list(reversed(range(n))))  # type: ignore[misc]
    assert order == list(range(n))
    assert slots[-1].end == first + timedelta(days=n - 1)
    assert earliest_schedule(entries[::-1], first, list(range(n))) is None
