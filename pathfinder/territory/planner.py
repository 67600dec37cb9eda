"""Plan a whole basin: who goes where, through which courses, and the training seats to open.

    from pathfinder.territory import load_basin, plan_territory
    result = plan_territory(catalog, load_basin("douaisis", catalog))

Each group is planned toward every job with openings (:mod:`.routes`); then the people are
assigned to openings exactly — the most people placed, then the least summed cost, then the
tie-break by ids (:mod:`.assignment`) — once ignoring training seats (a minimum-cost flow) and,
by default, once respecting them (an integer program over each group's K best routes). The
difference between the two is the training demand: the seats to add, per course and site.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import timedelta

from ..errors import PathfinderError
from ..model import Catalog
from ..objectives import ADDITIVE_NAMES, objective_spec
from ..planning.deadline import Deadline
from .basin import Basin, Horizon, Opening
from .matching import Matching, match_people
from .result import Flow, SeatDemand, TerritoryResult, Totals, Unfilled
from .routes import all_options
from .seats import seat_capacity
from .stranded import stranded_groups

ALTERNATIVES = 5
"""Routes per group and job the seat-constrained plan chooses from (the K best paths)."""

OBJECTIVES = ADDITIVE_NAMES
"""What a basin plan can minimise: the objectives that add up over courses."""


def default_openings(catalog: Catalog) -> tuple[Opening, ...]:
    """Every job's ``openings`` in the catalog, by job then site."""
    return tuple(
        Opening(job.id, site, count)
        for job in sorted(catalog.jobs.values(), key=lambda j: j.id)
        for site, count in sorted(job.openings.items())
        if count > 0
    )


def default_horizon() -> Horizon:
    """The twelve months from today."""
    from ..dates import today

    start = today()
    try:
        end = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return Horizon(start, end - timedelta(days=1))


def plan_territory(
    catalog: Catalog,
    basin: Basin,
    *,
    objective: str | None = None,
    capacity: bool = True,
    time_limit: float | None = None,
    alternatives: int = ALTERNATIVES,
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> TerritoryResult:
    """Plan ``basin`` on ``catalog``.

    ``objective``: the flag's, else the basin file's, else hours (one of :data:`OBJECTIVES`);
    ``capacity``: respect the sessions' seats; ``time_limit``: seconds for the whole plan (past
    it, the answer holds what was found by then and ``proven`` is False); ``alternatives``: the
    routes per group and job the seat-constrained plan chooses from; ``progress`` is called with
    ``(planned, problems)`` as the distinct planning problems are planned; ``workers``: processes that plan distinct
    problems in parallel. Ids are expected checked (:func:`.sources.load_basin` does).
    """
    name = objective or basin.optimize or "hours"
    objective_spec(name)  # an unknown name: the usual message
    if name not in OBJECTIVES:
        raise PathfinderError("territory.bad_objective", value=name, choices=", ".join(OBJECTIVES))
    deadline = Deadline.after(time_limit)
    openings = basin.openings if basin.openings is not None else default_openings(catalog)
    openings = tuple(o for o in openings if o.count > 0)
    horizon = basin.horizon or default_horizon()
    k = max(1, alternatives) if capacity else 1

    started = time.monotonic()
    options = all_options(catalog, basin.groups, openings, name, k, deadline, progress, workers)
    planning = time.monotonic() - started

    started = time.monotonic()
    free = match_people(catalog, options, openings, None, deadline)
    solved = (
        match_people(catalog, options, openings, horizon, deadline, free=free) if capacity else free
    )
    solving = time.monotonic() - started

    flows = _flows(solved)
    proven = solved.assignment.proven and free.assignment.proven and all(o.proven for o in options)
    return TerritoryResult(
        basin=basin.title,
        objective=name,
        capacity="respected" if capacity else "none",
        proven=proven,
        people=basin.people,
        openings=sum(o.count for o in openings),
        placed=solved.assignment.placed(),
        flows=flows,
        stranded=stranded_groups(
            catalog, solved, free, horizon if capacity else None, name, k, deadline
        ),
        unfilled=_unfilled(solved),
        seats=_seats(catalog, free, solved, horizon),
        totals=_totals(flows),
        placed_without_limits=free.assignment.placed(),
        horizon=(horizon.start.isoformat(), horizon.end.isoformat()),
        planning_seconds=planning,
        solve_seconds=solving,
    )


def _flows(solved: Matching) -> tuple[Flow, ...]:
    """The assignment as flows, per group; each group's references handed out in order."""
    given: dict[int, int] = {}
    flows = []
    for member, o, r, count in solved.flows_by_group():
        option = solved.options[member]
        opening = solved.openings[o]
        first = given.get(member, 0)
        given[member] = first + count
        flows.append(
            Flow(
                option.group.id,
                opening.job,
                opening.site,
                count,
                option.routes[opening.job][r],
                option.group.references[first : first + count],
            )
        )
    flows.sort(key=lambda f: (f.group, f.job, f.site))
    return tuple(flows)


def _unfilled(solved: Matching) -> tuple[Unfilled, ...]:
    filled = solved.filled_by_opening()
    found = []
    for index, opening in enumerate(solved.openings):
        left = opening.count - filled[index]
        if left <= 0:
            continue
        anyone = any(option.can_fill(opening) for option in solved.classes)
        found.append(
            Unfilled(opening.job, opening.site, left, "not-enough" if anyone else "no-one-can")
        )
    return tuple(found)


def _seats(
    catalog: Catalog, free: Matching, solved: Matching, horizon: Horizon
) -> tuple[SeatDemand, ...]:
    """Seats per course and site: needed without limits, available, used with limits."""
    needed = free.seats_used()
    used = solved.seats_used()
    lines = []
    for key in sorted(set(needed) | set(used), key=lambda k: (k[0], k[1] or "")):
        course, site = key
        available = seat_capacity(catalog.courses[course], site, horizon)
        lines.append(SeatDemand(course, site, needed.get(key, 0), available, used.get(key, 0)))
    return tuple(lines)


def _totals(flows: Sequence[Flow]) -> Totals:
    from fractions import Fraction

    from ..planning.numbers import exact

    hours = weeks = cost = pays = Fraction(0)
    courses = 0
    funders: dict[str, Fraction] = {}
    for flow in flows:
        route, n = flow.route, flow.count
        hours += exact(route.hours) * n
        weeks += exact(route.weeks) * n
        cost += exact(route.cost_eur) * n
        pays += exact(route.pays_eur) * n
        courses += len(route.courses) * n
        for payer, amount in route.paid_by:
            funders[payer] = funders.get(payer, Fraction(0)) + exact(amount) * n
    return Totals(
        float(hours),
        float(weeks),
        float(cost),
        float(pays),
        courses,
        tuple((payer, float(amount)) for payer, amount in sorted(funders.items())),
    )
