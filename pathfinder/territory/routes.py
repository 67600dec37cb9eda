"""What each group can do: the openings within its reach, and its best routes to each job.

A person of a group **can fill** an opening when the opening's site is within the group's
``mobility_km`` of its home (no home or no radius: any site) and a path leads from the group's
profile to the job under its constraints — the planner's rules, :func:`pathfinder.planner.plan`.
A person already qualified needs no course (a route with no course, worth 0). Each course of a
route is counted at the person's nearest usable site for it (or online).

Planning is shared: a group is planned only toward the jobs with an opening in its reach, and
two groups with the same problem for a job (:meth:`.sharing.Sharing.route_key`: the same levels
held, caps and first day, and the same way of taking each course that could lead to the job) get the
same routes to it, whatever else differs (their homes, other skills, say); the routes are then
priced for each group's funding. Distinct problems are planned in a process pool when there are
many (``workers``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from ..errors import TimeLimitError
from ..model import Catalog, Course, Session
from ..planning.context import Context
from ..planning.deadline import Deadline
from ..planning.numbers import exact
from ..planning.results import Path
from .basin import Group, Opening
from .result import CourseAt, Route

POOL_THRESHOLD = 64
"""Groups from which planning in a process pool is worth its start-up."""
TASK_GROUPS = 16
"""Groups (each with its new problems) sent to a pool worker at a time."""


@dataclass(frozen=True)
class GroupOptions:
    """One group's choices: its routes to each job of the openings (best first; empty when it
    has no path) and the openings within its reach."""

    group: Group
    routes: Mapping[str, tuple[Route, ...]]
    in_reach: tuple[Opening, ...]
    distances: Mapping[str, float | None]
    """Kilometres from home to each opening's site; None without a home."""
    proven: bool
    routes_key: tuple[tuple[str, int], ...] | None = None
    """Each job with its routes as a number, equal for equal routes (whoever pays): groups with
    the same openings in reach and the same key are interchangeable. None: not numbered."""

    def can_fill(self, opening: Opening) -> bool:
        return opening in self.in_reach and bool(self.routes.get(opening.job))


def route_of(path: Path, objective: str, funding: Sequence[str], context: Context) -> Route:
    """A planner's path as a route: each course at the person's nearest usable site for it
    (None: online), the sessions they can take it in, the totals, the objective's exact value,
    and who pays what."""

    def site_of(course: Course) -> str | None:
        usage = context.usage(course)
        return None if usage is None or course.is_online else usage.site

    def sessions_of(course: Course) -> tuple[Session, ...] | None:
        usage = context.usage(course)
        return None if usage is None or not course.sessions else usage.sessions

    value = Fraction(0)
    paid: dict[str, Fraction] = {}
    for step in path.steps:
        course = step.course
        if objective == "hours":
            value += exact(course.hours)
        elif objective == "weeks":
            value += exact(course.weeks)
        elif objective == "cost":
            value += exact(step.pays_eur)
        else:  # courses
            value += 1
        price = exact(course.cost_eur)
        if price:
            payer = "self"
            if not step.pays_eur:
                payer = next(source for source in funding if source in course.funding)
            paid[payer] = paid.get(payer, Fraction(0)) + price
    return Route(
        tuple(CourseAt(step.course.id, site_of(step.course)) for step in path.steps),
        path.total_hours,
        path.total_weeks,
        path.total_cost_eur,
        path.total_pays_eur,
        value,
        tuple((payer, float(amount)) for payer, amount in sorted(paid.items())),
        tuple(sessions_of(step.course) for step in path.steps),
    )


NO_COURSE = Route((), 0.0, 0.0, 0.0, 0.0, Fraction(0))
"""The route of a person already qualified for the job."""


def pays_matter(objective: str, context: Context) -> bool:
    """Whether what the person pays can change their paths: it is the objective, or capped."""
    return objective == "cost" or context.profile.budget_eur is not None


def repriced(route: Route, catalog: Catalog, funding: Sequence[str]) -> Route:
    """``route`` as a person with ``funding`` pays for it (the same courses, hours and weeks)."""
    pays = Fraction(0)
    paid: dict[str, Fraction] = {}
    for step in route.courses:
        course = catalog.courses[step.course]
        price = exact(course.cost_eur)
        if not price:
            continue
        payer = next((source for source in funding if source in course.funding), "self")
        if payer == "self":
            pays += price
        paid[payer] = paid.get(payer, Fraction(0)) + price
    return replace(
        route,
        pays_eur=float(pays),
        paid_by=tuple((payer, float(amount)) for payer, amount in sorted(paid.items())),
    )


def plan_routes(
    context: Context, jobs: Sequence[str], objective: str, alternatives: int, deadline: Deadline
) -> tuple[dict[str, tuple[Route, ...]], bool]:
    """The routes of one planning problem to each job, and whether all are proven."""
    from ..planner import find_job, plan_in_context

    routes: dict[str, tuple[Route, ...]] = {}
    proven = True
    for job_id in jobs:
        if deadline.passed():  # each query would take its own grace period: none is started
            routes[job_id], proven = (), False
            continue
        try:
            result = plan_in_context(
                context,
                find_job(context.catalog, job_id),
                objective,
                alternatives,
                deadline.left(),
                explain=False,
                dated=False,
            )
        except TimeLimitError:
            routes[job_id], proven = (), False
            continue
        proven = proven and result.proven
        if result.status == "already-qualified":
            routes[job_id] = (NO_COURSE,)
        else:
            funding = context.profile.funding
            routes[job_id] = tuple(
                route_of(path, objective, funding, context) for path in result.paths
            )
    return routes, proven


_WORKER: dict[str, Any] = {}
"""What a pool worker plans with: set by :func:`_start_worker` (inherited when forked)."""


def _start_worker(
    catalog: Catalog,
    groups: Sequence[Group],
    objective: str,
    alternatives: int,
    deadline_at: float | None,
) -> None:
    _WORKER.update(
        catalog=catalog,
        groups=groups,
        objective=objective,
        alternatives=alternatives,
        deadline=Deadline(deadline_at),
    )


def _plan_in_worker(
    task: Sequence[tuple[int, tuple[str, ...]]],
) -> list[tuple[int, dict[str, tuple[Route, ...]], bool]]:
    """Plan each ``(group, jobs)`` of ``task`` (in a pool worker)."""
    results = []
    for index, jobs in task:
        context = Context(_WORKER["catalog"], _WORKER["groups"][index].profile)
        routes, proven = plan_routes(
            context, jobs, _WORKER["objective"], _WORKER["alternatives"], _WORKER["deadline"]
        )
        results.append((index, routes, proven))
    return results


@dataclass
class _Problems:
    """The distinct planning problems of a basin: one per :meth:`.sharing.Sharing.route_key`, each
    planned from the first group that has it."""

    unit_of: list[dict[str, int]]
    """Per group: job -> its problem, for every job with an opening in the group's reach."""
    first: dict[tuple[int, str], int]
    """The group each problem is planned from, and the job -> the problem."""


def _problems(
    catalog: Catalog,
    contexts: Sequence[Context],
    openings: Sequence[Opening],
    objective: str,
    deadline: Deadline,
    new: Callable[[int, tuple[str, ...]], None],
) -> tuple[_Problems, list[tuple[Opening, ...]], int]:
    """Each group's problems (one per job with an opening in reach) merged by key, the
    openings in each group's reach, and how many groups were looked at before ``deadline``
    passed (the others get no problem). ``new`` is told of each group's problems not seen
    before, as soon as they are found (so that planning can start meanwhile)."""
    from .sharing import Sharing, sites_in_reach

    sharing = Sharing(catalog)
    known: dict[Any, int] = {}
    problems = _Problems([], {})
    in_reach = []
    looked = len(contexts)
    for index, context in enumerate(contexts):
        reach = sites_in_reach(context)
        usable = {site for _, site in reach.sites} if reach is not None else None
        mine = tuple(o for o in openings if usable is None or o.site in usable)
        in_reach.append(mine)
        units: dict[str, int] = {}
        problems.unit_of.append(units)
        if looked < len(contexts) or deadline.passed():
            looked = min(looked, index)
            continue
        priced = pays_matter(objective, context)
        fresh = []
        for job in sorted({o.job for o in mine}):
            key = sharing.route_key(context, job, reach, priced)
            unit = known.setdefault(key, len(known))
            if unit == len(problems.first):
                problems.first[(index, job)] = unit
                fresh.append(job)
            units[job] = unit
        if fresh:
            new(index, tuple(fresh))
    return problems, in_reach, looked


def all_options(
    catalog: Catalog,
    groups: Sequence[Group],
    openings: Sequence[Opening],
    objective: str,
    alternatives: int,
    deadline: Deadline,
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> list[GroupOptions]:
    """The options of every group, in order. Each distinct planning problem (a group's job with
    an opening in its reach, merged by :meth:`.sharing.Sharing.route_key`) is planned once, in
    ``workers`` processes when there are many groups (while the next groups' problems are
    being found); ``progress`` is told ``(planned, problems found)`` as they are. Groups not
    reached before ``deadline`` get no route and are not proven."""
    contexts = [Context(catalog, group.profile) for group in groups]
    planned: dict[int, tuple[Route, ...]] = {}
    unproven: set[int] = set()
    found: list[tuple[int, tuple[str, ...]]] = []

    def done(index: int, routes: dict[str, tuple[Route, ...]], proven: bool) -> None:
        for job, paths in routes.items():
            unit = problems.first[(index, job)]
            planned[unit] = paths
            if not proven:
                unproven.add(unit)
        if progress is not None:
            progress(len(planned), len(problems.first))

    if workers > 1 and len(groups) >= POOL_THRESHOLD:
        from concurrent.futures import Future, as_completed

        with _pool(catalog, groups, objective, alternatives, deadline, workers) as pool:
            futures: list[Future[list[tuple[int, dict[str, tuple[Route, ...]], bool]]]] = []

            def send(index: int, jobs: tuple[str, ...]) -> None:
                found.append((index, jobs))
                if len(found) == TASK_GROUPS:
                    futures.append(pool.submit(_plan_in_worker, tuple(found)))
                    found.clear()

            problems, in_reach, looked = _problems(
                catalog, contexts, openings, objective, deadline, send
            )
            if found:
                futures.append(pool.submit(_plan_in_worker, tuple(found)))
            for future in as_completed(futures):
                for result in future.result():
                    done(*result)
    else:
        problems, in_reach, looked = _problems(
            catalog,
            contexts,
            openings,
            objective,
            deadline,
            lambda index, jobs: found.append((index, jobs)),
        )
        for index, jobs in found:
            done(index, *plan_routes(contexts[index], jobs, objective, alternatives, deadline))
    options = _options(catalog, groups, contexts, openings, problems, in_reach, planned, unproven)
    return [replace(o, proven=False) if i >= looked else o for i, o in enumerate(options)]


def _options(
    catalog: Catalog,
    groups: Sequence[Group],
    contexts: Sequence[Context],
    openings: Sequence[Opening],
    problems: _Problems,
    in_reach: Sequence[tuple[Opening, ...]],
    planned: Mapping[int, tuple[Route, ...]],
    unproven: set[int],
) -> list[GroupOptions]:
    """Each group's options from the planned problems, the routes priced for its funding."""
    priced: dict[tuple[int, tuple[str, ...]], tuple[Route, ...]] = {}
    numbers: dict[Any, int] = {}
    number = {
        unit: numbers.setdefault(
            tuple((r.value, r.courses, r.sessions) for r in found), len(numbers)
        )
        for unit, found in sorted(planned.items())
    }
    first_group = {unit: index for (index, _), unit in problems.first.items()}

    def routes_for(unit: int, funding: tuple[str, ...]) -> tuple[Route, ...]:
        planned_from = groups[first_group[unit]].profile.funding
        if funding == planned_from or not planned.get(unit):
            return planned.get(unit, ())
        key = (unit, funding)
        if key not in priced:
            priced[key] = tuple(repriced(r, catalog, funding) for r in planned[unit])
        return priced[key]

    options = []
    for group, context, units, mine in zip(
        groups, contexts, problems.unit_of, in_reach, strict=True
    ):
        funding = group.profile.funding
        options.append(
            GroupOptions(
                group,
                {job: routes_for(unit, funding) for job, unit in units.items()},
                mine,
                {o.site: context.distance(o.site) for o in openings},
                not any(unit in unproven for unit in units.values()),
                tuple((job, number.get(unit, -1)) for job, unit in sorted(units.items())),
            )
        )
    return options


def _pool(
    catalog: Catalog,
    groups: Sequence[Group],
    objective: str,
    alternatives: int,
    deadline: Deadline,
    workers: int,
) -> Any:
    """A pool of ``workers`` processes that plan ``(group, jobs)`` batches (forked where the
    system allows it, so the catalog and groups are not copied through a pipe)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(catalog, groups, objective, alternatives, deadline.at),
    )
