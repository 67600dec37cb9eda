"""plan_territory on a hand-made basin, every figure worked out by hand.

g1 (2 people, home a, 10 km) reaches site a only: course c1 (10 h, at a) leads to job ``new``.
g2 (2 people, home b, 10 km) holds ``old``, so it is already qualified for ``same`` (1 opening at
b); ``new``'s openings at a are 37 km away, out of its reach. Nobody reaches ``far-job``.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from support.basins import BASIN, write_catalog

from pathfinder.errors import PathfinderError
from pathfinder.geo import haversine_km
from pathfinder.loader import load_catalog
from pathfinder.model import Catalog
from pathfinder.planning.results import Relaxation
from pathfinder.profile import Profile
from pathfinder.territory import Basin, Group, Opening, plan_territory
from pathfinder.territory.sources import load_basin


def flows(result):  # type: ignore[no-untyped-def]
    return [(f.group, f.job, f.site, f.count, f.route.hours) for f in result.flows]


def test_every_figure_of_a_small_basin(basin_catalog: Catalog, basin_file: Path) -> None:
    result = plan_territory(basin_catalog, load_basin(basin_file, basin_catalog))
    assert result.capacity == "respected" and result.proven
    assert (result.people, result.openings, result.placed) == (4, 6, 3)
    assert flows(result) == [("g1", "new", "a", 2, 10.0), ("g2", "same", "b", 1, 0.0)]
    assert result.flows[1].route.courses == ()  # already qualified: no course
    (stranded,) = result.stranded
    assert (stranded.group, stranded.count, stranded.reason) == ("g2", 1, "taken")
    # a 38 km radius reaches the last opening of ``new`` at a
    assert stranded.relaxation == Relaxation("radius", 38.0) and stranded.relaxation_places == 1
    assert [(u.job, u.site, u.count, u.reason) for u in result.unfilled] == [
        ("far-job", "far", 2, "no-one-can"),
        ("new", "a", 1, "not-enough"),
    ]
    (seats,) = result.seats
    assert (seats.course, seats.site, seats.needed, seats.available, seats.to_add) == (
        "c1",
        "a",
        2,
        2,
        0,
    )
    totals = result.totals
    assert (totals.hours, totals.cost_eur, totals.pays_eur, totals.courses) == (20, 200, 0, 2)
    assert totals.funders == (("opco", 200.0),)


def test_short_seats_strand_people_and_count_the_seats_to_add(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalog(tmp_path, 1))
    (tmp_path / "basin.yaml").write_text(BASIN, encoding="utf-8")
    basin = load_basin(tmp_path / "basin.yaml", catalog)
    result = plan_territory(catalog, basin)
    assert (result.placed, result.placed_without_limits) == (2, 3)
    assert flows(result) == [("g1", "new", "a", 1, 10.0), ("g2", "same", "b", 1, 0.0)]
    assert [(s.group, s.count, s.reason) for s in result.stranded] == [
        ("g1", 1, "seats"),
        ("g2", 1, "taken"),
    ]
    (seats,) = result.seats
    assert (seats.needed, seats.available, seats.used, seats.to_add) == (2, 1, 1, 1)
    ignored = plan_territory(catalog, basin, capacity=False)
    assert ignored.capacity == "none" and ignored.placed == 3


def test_competition_for_one_opening_goes_to_the_cheaper_group(basin_catalog: Catalog) -> None:
    near = Group("near", 1, Profile(jobs=("old",), home="a", mobility_km=50))
    farther = Group(
        "farther", 1, Profile(jobs=("old",), home="b", mobility_km=50, exclude_courses=("c1",))
    )
    basin = Basin("one opening", (farther, near), (Opening("new", "a", 1),))
    result = plan_territory(basin_catalog, basin)
    # near takes c1 (10 h); farther only has c1b (20 h): the opening goes to near
    assert flows(result) == [("near", "new", "a", 1, 10.0)]
    assert [(s.group, s.reason) for s in result.stranded] == [("farther", "taken")]


def test_a_group_without_a_home_reaches_every_site(basin_catalog: Catalog) -> None:
    nomads = Group("nomads", 3, Profile(jobs=("old",)))
    result = plan_territory(basin_catalog, Basin("anywhere", (nomads,)))
    assert result.placed == 3
    assert {(f.job, f.site) for f in result.flows} <= {
        ("same", "b"),
        ("new", "a"),
        ("far-job", "far"),
    }
    assert ("same", "b", 1) in {(f.job, f.site, f.count) for f in result.flows}


def test_no_path_says_why_for_the_nearest_opening(basin_catalog: Catalog) -> None:
    stuck = Group("stuck", 2, Profile(home="a", mobility_km=10, exclude_courses=("c1",)))
    result = plan_territory(basin_catalog, Basin("stuck", (stuck,), (Opening("new", "a", 2),)))
    (stranded,) = result.stranded
    assert (stranded.reason, stranded.target) == ("no-path", "new")
    assert stranded.blockers and stranded.blockers[0].skill == "s1"
    assert result.unfilled[0].reason == "no-one-can"


def test_out_of_reach(basin_catalog: Catalog) -> None:
    home = Group("home", 1, Profile(jobs=("old",), home="far", mobility_km=5))
    result = plan_territory(basin_catalog, Basin("b", (home,), (Opening("same", "b", 1),)))
    km = math.ceil(haversine_km(44.0, 5.0, 48.0, 2.5))  # far -> b: the radius that reaches b
    assert [(s.reason, s.relaxation, s.relaxation_places) for s in result.stranded] == [
        ("out-of-reach", Relaxation("radius", float(km)), 1)
    ]


def test_the_objective_must_add_up(basin_catalog: Catalog) -> None:
    with pytest.raises(PathfinderError, match="hours, cost, weeks, courses"):
        plan_territory(basin_catalog, Basin("b", (Group("g", 1, Profile()),)), objective="finish")


def test_cost_objective_prefers_what_people_do_not_pay(basin_catalog: Catalog) -> None:
    # g pays nothing for c1 (opco funds it) and 50 for c1b: by cost, c1; by hours, c1 too.
    group = Group("g", 1, Profile(jobs=("old",), funding=("opco",)))
    result = plan_territory(
        basin_catalog, Basin("b", (group,), (Opening("new", "a", 1),)), objective="cost"
    )
    assert [c.course for c in result.flows[0].route.courses] == ["c1"]
    assert result.objective == "cost"


def test_out_of_time_the_plan_falls_back_on_the_plan_without_limits_trimmed(
    tmp_path: Path,
) -> None:
    from pathfinder.planning.deadline import NO_DEADLINE
    from pathfinder.territory.assignment import check
    from pathfinder.territory.matching import _trimmed_free, match_people
    from pathfinder.territory.planner import default_openings
    from pathfinder.territory.routes import all_options

    catalog = load_catalog(write_catalog(tmp_path, 1))
    (tmp_path / "basin.yaml").write_text(BASIN, encoding="utf-8")
    basin = load_basin(tmp_path / "basin.yaml", catalog)
    assert basin.horizon is not None
    openings = default_openings(catalog)
    options = all_options(catalog, basin.groups, openings, "hours", 5, NO_DEADLINE)
    free = match_people(catalog, options, openings, None, NO_DEADLINE)
    seated = match_people(catalog, options, openings, basin.horizon, NO_DEADLINE, free=free)
    trimmed = _trimmed_free(seated.problem, free)
    check(seated.problem, trimmed.counts, trimmed.split)
    # the one seat of c1 keeps one of g1's two people; g2's flow needs no seat
    assert (trimmed.placed(), free.assignment.placed(), trimmed.proven) == (2, 3, False)


def test_past_the_time_limit_the_plan_stops_and_says_it_is_not_proven(
    basin_catalog: Catalog, basin_file: Path
) -> None:
    from pathfinder.planning.context import Context
    from pathfinder.planning.deadline import Deadline
    from pathfinder.territory.routes import plan_routes

    basin = load_basin(basin_file, basin_catalog)
    result = plan_territory(basin_catalog, basin, time_limit=0.0)
    assert not result.proven and result.placed == 0
    assert sorted(s.group for s in result.stranded) == ["g1", "g2"]
    # no query is started once the time is up (each would take its own grace period)
    context = Context(basin_catalog, basin.groups[0].profile)
    assert plan_routes(context, ["new", "same"], "hours", 5, Deadline(0.0)) == (
        {"new": (), "same": ()},
        False,
    )
