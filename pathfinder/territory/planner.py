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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from ..errors import PathfinderError, TimeLimitError
from ..model import Catalog
from ..objectives import ADDITIVE_NAMES, objective_spec
from ..planning.deadline import Deadline
from ..planning.numbers import common_scale
from ..planning.results import Blocker, PlanResult, Relaxation
from .assignment import Assignment, Choice, Problem, Slot, solve
from .basin import Basin, Group, Horizon, Opening
from .result import (
    Flow,
    Route,
    SeatDemand,
    Stranded,
    StrandedReason,
    TerritoryResult,
    Totals,
    Unfilled,
)
from .routes import GroupOptions, all_options
from .seats import seat_capacity

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


@dataclass(frozen=True)
class _Solved:
    """One assignment, made over classes of groups with the same options (they are
    interchangeable), and split back to the groups."""

    problem: Problem
    assignment: Assignment
    classes: Sequence[GroupOptions]
    """One per class: its first group's options, with the class's total count."""
    members: Sequence[tuple[int, ...]]
    """The groups of each class, in id order (indices into ``options``)."""
    options: Sequence[GroupOptions]
    openings: Sequence[Opening]
    pool_keys: Sequence[tuple[str, str | None]] = ()
    """The course and site (None: online) of each seat pool, by index."""

    def flows_by_group(self) -> list[tuple[int, int, int, int]]:
        """``(group, opening, route, count)`` in rank order: each class's people handed to its
        groups in id order."""
        left = [o.group.count for o in self.options]
        found = []
        for index in sorted(self.assignment.counts):
            count = self.assignment.counts[index]
            choice = self.problem.choices[index]
            for member in self.members[choice.group]:
                if not count:
                    break
                taken = min(count, left[member])
                if taken:
                    left[member] -= taken
                    count -= taken
                    found.append((member, choice.opening, choice.route, taken))
        return found

    def placed_by_group(self) -> list[int]:
        placed = [0] * len(self.options)
        for member, _, _, count in self.flows_by_group():
            placed[member] += count
        return placed

    def filled_by_opening(self) -> list[int]:
        filled = [0] * len(self.openings)
        for index, count in self.assignment.counts.items():
            filled[self.problem.choices[index].opening] += count
        return filled

    def pool_use(self) -> dict[tuple[str, str | None], int]:
        """Seats taken per course and site with limited seats."""
        used = self.assignment.pool_use(self.problem)
        return {self.pool_keys[pool]: n for pool, n in used.items() if n}

    def seats_used(self) -> dict[tuple[str, str | None], int]:
        """Seats taken per course and site (None: online): where the plan put them for the
        courses with limited seats, else at each person's nearest usable site."""
        slotted = {
            (self.problem.choices[slot.choices[0]].group, self.pool_keys[slot.pools[0]][0])
            for slot in self.problem.slots
        }
        used: dict[tuple[str, str | None], int] = {}
        for index, count in self.assignment.counts.items():
            choice = self.problem.choices[index]
            job = self.openings[choice.opening].job
            route = self.classes[choice.group].routes[job][choice.route]
            for step in route.courses:
                if (choice.group, step.course) in slotted:
                    continue  # counted where the plan put it, below
                key = (step.course, step.site)
                used[key] = used.get(key, 0) + count
        for key, n in self.pool_use().items():
            used[key] = used.get(key, 0) + n
        return used


def plan_territory(
    catalog: Catalog,
    basin: Basin,
    *,
    objective: str | None = None,
    capacity: bool = True,
    time_limit: float | None = None,
    alternatives: int = ALTERNATIVES,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> TerritoryResult:
    """Plan ``basin`` on ``catalog``.

    ``objective``: the flag's, else the basin file's, else hours (one of :data:`OBJECTIVES`);
    ``capacity``: respect the sessions' seats; ``time_limit``: seconds for the whole plan (past
    it, the answer holds what was found by then and ``proven`` is False); ``alternatives``: the
    routes per group and job the seat-constrained plan chooses from; ``progress`` is called with
    the number of groups planned as planning goes; ``workers``: processes that plan distinct
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
    free = _assign(catalog, options, openings, None, deadline)
    solved = _assign(catalog, options, openings, horizon, deadline, free=free) if capacity else free
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
        stranded=_stranded(catalog, solved, free, horizon if capacity else None, name, k, deadline),
        unfilled=_unfilled(solved),
        seats=_seats(catalog, free, solved, horizon),
        totals=_totals(flows),
        placed_without_limits=free.assignment.placed(),
        horizon=(horizon.start.isoformat(), horizon.end.isoformat()),
        planning_seconds=planning,
        solve_seconds=solving,
    )


def _classes(options: Sequence[GroupOptions]) -> tuple[list[GroupOptions], list[tuple[int, ...]]]:
    """Groups with the same options (openings in reach; routes to each job with the same cost,
    courses, sites and sessions, whoever pays) form a class: they are interchangeable."""
    by_key: dict[tuple[object, ...], list[int]] = {}
    for index in sorted(range(len(options)), key=lambda i: options[i].group.id):
        option = options[index]
        key = (
            option.in_reach,
            tuple(
                (job, tuple((r.value, r.courses, r.sessions) for r in routes))
                for job, routes in sorted(option.routes.items())
            ),
        )
        by_key.setdefault(key, []).append(index)
    classes, members = [], []
    for indices in by_key.values():
        first = options[indices[0]]
        total = sum(options[i].group.count for i in indices)
        classes.append(replace(first, group=replace(first.group, count=total)))
        members.append(tuple(indices))
    return classes, members


def _assign(
    catalog: Catalog,
    options: Sequence[GroupOptions],
    openings: Sequence[Opening],
    horizon: Horizon | None,
    deadline: Deadline,
    taken: Mapping[tuple[str, str | None], int] | None = None,
    free: _Solved | None = None,
) -> _Solved:
    """The best assignment: ignoring seats (``horizon`` None: each group's best route), or
    respecting the seats of the sessions in ``horizon`` (every route planned), less the seats
    already ``taken``. When the plan without seat limits (``free``) fits the seats, it is the
    best plan with them too (any plan with seats, its routes made best, scores no better), and
    no integer program is needed."""
    classes, members = _classes(options)
    scale = common_scale(
        route.value for o in classes for routes in o.routes.values() for route in routes
    )
    pools: dict[tuple[str, str | None], int | None] = {}
    pool_sizes: list[int] = []
    choices: list[Choice] = []
    slots: list[Slot] = []
    rank = 0
    ordered = sorted(enumerate(openings), key=lambda pair: pair[1].key)
    for g, option in enumerate(classes):  # classes come in the order of their first group id
        uses: dict[str, list[int]] = {}  # course -> the class's choices that take it
        where: dict[str, tuple[int, ...]] = {}  # course -> the pools the class can take it in
        for o, opening in ordered:
            if not option.can_fill(opening):
                continue
            routes = option.routes[opening.job]
            base, rank = rank, rank + len(routes)  # ranks as if every route were a choice
            for r, route in enumerate(routes if horizon is not None else routes[:1]):
                limited: dict[str, tuple[int, ...]] | None = {}
                if horizon is not None:
                    limited = _limited(catalog, route, horizon, pools, pool_sizes, taken)
                if limited is None:  # a course with no session in the horizon
                    continue
                for course, course_pools in limited.items():
                    uses.setdefault(course, []).append(len(choices))
                    where[course] = course_pools
                choices.append(Choice(g, o, r, int(route.value * scale), base + r))
        slots += [Slot(tuple(uses[course]), where[course]) for course in sorted(uses)]
    if not slots:  # no seat binds: the best routes suffice
        kept = [i for i, c in enumerate(choices) if c.route == 0]
        choices, pool_sizes = [choices[i] for i in kept], []
    problem = Problem(
        [o.group.count for o in classes], [o.count for o in openings], choices, pool_sizes, slots
    )
    assignment = _from_free(problem, free) if free is not None and slots else None
    if assignment is None:
        assignment = solve(problem, deadline.left())
    keys = [key for key, pool in sorted(pools.items(), key=_pool_order) if pool is not None]
    return _Solved(problem, assignment, classes, members, options, openings, keys)


def _from_free(problem: Problem, free: _Solved) -> Assignment | None:
    """The plan without seat limits as a plan of ``problem``, when it fits the seats."""
    from .assignment import spread_over_seats

    index = {(c.group, c.opening, c.route): i for i, c in enumerate(problem.choices)}
    counts: dict[int, int] = {}
    for i, n in free.assignment.counts.items():
        c = free.problem.choices[i]
        mapped = index.get((c.group, c.opening, c.route))
        if mapped is None:  # a best route with no session in the horizon
            return None
        counts[mapped] = n
    split = spread_over_seats(problem, counts)
    return None if split is None else Assignment(counts, free.assignment.proven, split)


def _pool_order(item: tuple[tuple[str, str | None], int | None]) -> int:
    return -1 if item[1] is None else item[1]


def _limited(
    catalog: Catalog,
    route: Route,
    horizon: Horizon,
    pools: dict[tuple[str, str | None], int | None],
    pool_sizes: list[int],
    taken: Mapping[tuple[str, str | None], int] | None,
) -> dict[str, tuple[int, ...]] | None:
    """The courses of ``route`` with limited seats, each with the seat pools (the course at a
    site the group can take it at, within the horizon) it can be taken in; None when a course
    has no usable session in the horizon."""
    limited: dict[str, tuple[int, ...]] = {}
    for step, sessions in zip(route.courses, route.sessions, strict=True):
        if sessions is None:  # runs on demand: no limit
            continue
        sites = sorted(
            {None if s.online else s.site for s in sessions if s.start in horizon},
            key=lambda site: site or "",
        )
        if not sites:
            return None
        found = []
        for site in sites:
            key = (step.course, site)
            if key not in pools:
                seats = seat_capacity(catalog.courses[step.course], site, horizon)
                pools[key] = None if seats is None else len(pool_sizes)
                if seats is not None:
                    pool_sizes.append(max(0, seats - (taken or {}).get(key, 0)))
            pool = pools[key]
            if pool is None:  # a site without a limit: the course never runs out
                break
            found.append(pool)
        else:
            limited[step.course] = tuple(found)
    return limited


def _flows(solved: _Solved) -> tuple[Flow, ...]:
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


def _unfilled(solved: _Solved) -> tuple[Unfilled, ...]:
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
    catalog: Catalog, free: _Solved, solved: _Solved, horizon: Horizon
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


RELAXATION_GROUPS_MAX = 30
"""Stranded groups whose best relaxation is searched, the most stranded first (each search
plans the group again for every candidate change); the others say it was not searched."""


def _stranded(
    catalog: Catalog,
    solved: _Solved,
    free: _Solved,
    horizon: Horizon | None,
    objective: str,
    alternatives: int,
    deadline: Deadline,
) -> tuple[Stranded, ...]:
    placed = solved.placed_by_group()
    placed_free = free.placed_by_group()
    stranded = [g for g, o in enumerate(solved.options) if o.group.count > placed[g]]
    # the relaxations are searched for the most stranded groups first, within a bound
    searched = set(
        sorted(
            stranded,
            key=lambda i: (placed[i] - solved.options[i].group.count, solved.options[i].group.id),
        )[:RELAXATION_GROUPS_MAX]
    )
    found = []
    for g in sorted(stranded, key=lambda i: solved.options[i].group.id):
        option = solved.options[g]
        left = option.group.count - placed[g]
        reason: StrandedReason
        target = None
        blockers: tuple[Blocker, ...] = ()
        if not option.in_reach:
            reason = "out-of-reach"
        elif not any(option.can_fill(o) for o in option.in_reach):
            reason = "no-path"
            nearest = min(
                option.in_reach,
                key=lambda o: (option.distances.get(o.site) or 0.0, o.job, o.site),
            )
            target = nearest.job
            explained = _explained(catalog, option.group, target, objective, deadline)
            blockers = () if explained is None else explained.blockers
        elif horizon is not None and placed_free[g] > placed[g]:
            reason = "seats"
        else:
            reason = "taken"
        relaxation, places, tried = None, 0, False
        if g in searched and not deadline.passed():
            relaxation, places = _best_relaxation(
                catalog, solved, g, left, horizon, objective, alternatives, deadline
            )
            tried = True
        found.append(
            Stranded(option.group.id, left, reason, target, blockers, relaxation, places, tried)
        )
    return tuple(found)


def _explained(
    catalog: Catalog, group: Group, job: str, objective: str, deadline: Deadline
) -> PlanResult | None:
    """The plan of ``group`` to ``job`` with its explanations (why not, what would open a path)."""
    from ..planner import find_job, plan_in_context
    from ..planning.context import Context

    try:
        return plan_in_context(
            Context(catalog, group.profile), find_job(catalog, job), objective, 1, deadline.left()
        )
    except TimeLimitError:
        return None


def _candidates(
    catalog: Catalog, option: GroupOptions, objective: str, deadline: Deadline
) -> list[Relaxation]:
    """Single changes worth trying for a group: a wider radius (to the nearest farther opening
    sites, and what the plans say would open a path), online courses, a larger budget."""
    import math

    profile = option.group.profile
    found: list[Relaxation] = []
    seen: set[tuple[str, object]] = set()

    def add(relaxation: Relaxation) -> None:
        key = (relaxation.kind, relaxation.value)
        if key not in seen:
            seen.add(key)
            found.append(relaxation)

    if profile.mobility_km is not None and profile.home is not None:
        farther = sorted(
            {
                float(math.ceil(km))
                for km in option.distances.values()
                if km is not None and km > profile.mobility_km
            }
        )
        for km in farther[:3]:
            add(Relaxation("radius", km))
    for job in sorted({o.job for o in option.in_reach if not option.routes.get(o.job)}):
        explained = _explained(catalog, option.group, job, objective, deadline)
        for relaxation in () if explained is None else explained.relaxations:
            if relaxation.kind in ("radius", "online", "budget"):
                add(relaxation)
    return found


def _relaxed(group: Group, relaxation: Relaxation) -> Group:
    profile = group.profile
    if relaxation.kind == "radius":
        profile = replace(profile, mobility_km=float(relaxation.value))
    elif relaxation.kind == "online":
        profile = replace(profile, online=True)
    else:
        profile = replace(profile, budget_eur=float(relaxation.value))
    return replace(group, profile=profile)


def _best_relaxation(
    catalog: Catalog,
    solved: _Solved,
    g: int,
    left: int,
    horizon: Horizon | None,
    objective: str,
    alternatives: int,
    deadline: Deadline,
) -> tuple[Relaxation | None, int]:
    """The single relaxation of group ``g``'s profile that places the most of its ``left``
    stranded people, everyone else's plan kept: into the vacancies and seats the plan leaves
    free. The first of equals in the order tried; None when none places anyone."""
    option = solved.options[g]
    filled = solved.filled_by_opening()
    free_openings = [
        replace(opening, count=opening.count - filled[i])
        for i, opening in enumerate(solved.openings)
    ]
    taken = solved.pool_use()
    best: tuple[Relaxation | None, int] = (None, 0)
    for relaxation in _candidates(catalog, option, objective, deadline):
        if deadline.passed():
            break
        group = replace(_relaxed(option.group, relaxation), count=left)
        changed = all_options(catalog, [group], free_openings, objective, alternatives, deadline)
        again = _assign(catalog, changed, free_openings, horizon, deadline, taken)
        gained = again.assignment.placed()
        if gained > best[1]:
            best = (relaxation, gained)
    return best
