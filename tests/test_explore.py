"""Exploring jobs within reach: choice of jobs, ranking, openings nearby, agreement with plan."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.planner_builders import course, job, make_catalog, site
from support.scenarios import ladders, scenarios

from pathfinder.errors import PathfinderError, UnknownIdError
from pathfinder.explore import explore
from pathfinder.planner import plan
from pathfinder.profile import Profile


def catalog() -> Any:
    return make_catalog(
        courses=[
            course("hv", {"hv": 1}, hours=20, weeks=1, cost=900),
            course("battery", {"battery": 1}, hours=40, weeks=2, cost=100, requires={"hv": 1}),
            course(
                "sorting",
                {"sorting": 1},
                hours=10,
                weeks=0.5,
                cost=2000,
                fmt="onsite",
                sites=["far"],
            ),
            course("welding", {"welding": 1}, hours=5, weeks=3, cost=0),
        ],
        jobs=[
            job("operator", {"torque": 2}, sector="ice", outlook="declining"),
            job("ev-tech", {"torque": 1, "hv": 1}, sector="ev", openings={"near": 5, "far": 7}),
            job("pack-assembler", {"battery": 1}, sector="ev", openings={"near": 2}),
            job("recycler", {"sorting": 1}, sector="circular", openings={"far": 30}),
            job("welder", {"welding": 1}, sector="circular", outlook="stable"),
            job("quantum", {"qubits": 1}, sector="ev"),
            job("fitter", {"torque": 1}, sector="ice", outlook="growing"),
        ],
        sites=[site("home", 48.0, 2.0), site("near", 48.2, 2.0), site("far", 48.5, 2.0)],
    )


def test_growing_jobs_ranked_by_hours() -> None:
    result = explore(catalog(), Profile(jobs=("operator",)))
    assert result.sectors == ()
    assert [i.job for i in result.results] == ["fitter", "recycler", "ev-tech", "pack-assembler"]
    fitter, recycler, ev_tech, pack = result.results
    assert fitter.status == "already-qualified" and fitter.courses == 0
    assert (ev_tech.total_hours, ev_tech.total_weeks, ev_tech.total_cost_eur, ev_tech.courses) == (
        20,
        1,
        900,
        1,
    )
    assert pack.path == ("hv", "battery") and pack.total_hours == 60
    assert result.unreachable == ("quantum",)
    # no home: every opening counts
    assert (ev_tech.openings_nearby, recycler.openings_nearby) == (12, 30)


def test_radius_limits_courses_and_openings() -> None:
    result = explore(catalog(), Profile(jobs=("operator",), home="home", mobility_km=30))
    assert [i.job for i in result.results] == ["fitter", "ev-tech", "pack-assembler"]
    assert result.results[1].openings_nearby == 5
    assert result.unreachable == ("quantum", "recycler")


def test_sectors_objective_and_top() -> None:
    cat = catalog()
    result = explore(cat, Profile(), sectors=["circular"], objective="cost")
    assert result.sectors == ("circular",)
    assert [i.job for i in result.results] == ["welder", "recycler"]
    assert [
        i.job for i in explore(cat, Profile(), sectors=["circular"], objective="weeks").results
    ] == ["recycler", "welder"]
    assert [i.job for i in explore(cat, Profile(sectors=("circular",)), top=1).results] == [
        "welder"
    ]
    # held jobs are not explored
    assert "operator" not in [
        i.job for i in explore(cat, Profile(jobs=("operator",)), sectors=["ice"]).results
    ]


def test_caps_and_bad_input() -> None:
    cat = catalog()
    result = explore(cat, Profile(jobs=("operator",), max_hours=25))
    assert [i.job for i in result.results] == ["fitter", "recycler", "ev-tech"]
    assert result.unreachable == ("pack-assembler", "quantum")
    with pytest.raises(UnknownIdError) as info:
        explore(cat, Profile(), sectors=["circ"])
    assert "circular" in info.value.suggestions
    with pytest.raises(PathfinderError):
        explore(cat, Profile(), objective="fun")
    with pytest.raises(PathfinderError):
        explore(cat, Profile(), top=0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenarios(), ladders()), st.sampled_from(["hours", "cost", "weeks", "courses"]))
def test_explore_agrees_with_plan(scenario: tuple[Any, Profile, str], objective: str) -> None:
    cat, profile, _ = scenario
    profile = Profile(**{**vars(profile), "jobs": ()})
    result = explore(cat, profile, sectors=["ev"], objective=objective)
    for item in result.results:
        planned = plan(cat, profile, item.job, objective=objective, alternatives=1)
        if item.status == "already-qualified":
            assert planned.status == "already-qualified"
            continue
        best = planned.paths[0]
        assert item.path == best.course_ids
        assert (item.total_hours, item.total_weeks, item.total_cost_eur, item.total_pays_eur) == (
            best.total_hours,
            best.total_weeks,
            best.total_cost_eur,
            best.total_pays_eur,
        )
    for job_id in result.unreachable:
        assert plan(cat, profile, job_id, objective=objective).status == "unreachable"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(scenarios(), ladders()),
    st.sampled_from(["hours", "cost", "weeks", "courses"]),
    st.integers(1, 3),
)
def test_the_top_jobs_are_the_first_of_the_full_ranking(
    scenario: tuple[Any, Profile, str], objective: str, top: int
) -> None:
    """With ``top``, jobs are searched by their lower bound and the search stops once the next
    bound is above the top-th value: the answer is still the full ranking's first ``top``."""
    cat, profile, _ = scenario
    profile = Profile(**{**vars(profile), "jobs": ()})
    sectors = sorted(cat.sectors)
    everything = explore(cat, profile, sectors=sectors, objective=objective)
    first = explore(cat, profile, sectors=sectors, objective=objective, top=top)
    assert first.results == everything.results[:top]
    assert set(first.unreachable) <= set(everything.unreachable)


def test_top_stops_searching_once_no_job_can_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten jobs whose bounds grow with their number: asking for the best two searches only the
    jobs whose bound does not exceed the second value found."""
    courses = [course(f"c{i:02}", {f"s{i:02}": 1}, hours=10 * (i + 1)) for i in range(10)]
    jobs = [job(f"j{i:02}", {f"s{i:02}": 1}) for i in range(10)]
    cat = make_catalog(courses=courses, jobs=jobs)
    searched: list[int] = []
    import pathfinder.explore as module

    original = module.Problem

    def counting(context: Any, target: Any, deadline: Any = None) -> Any:
        searched.append(1)
        return original(context, target, deadline)

    monkeypatch.setattr(module, "Problem", counting)
    result = explore(cat, Profile(), top=2)
    assert [item.job for item in result.results] == ["j00", "j01"]
    assert len(searched) == 2
    assert explore(cat, Profile()).results[:2] == result.results
