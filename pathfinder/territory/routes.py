"""What each group can do: the openings within its reach, and its best routes to each job.

A person of a group **can fill** an opening when the opening's site is within the group's
``mobility_km`` of its home (no home or no radius: any site) and a path leads from the group's
profile to the job under its constraints — the planner's rules, :func:`pathfinder.planner.plan`.
A person already qualified needs no course (a route with no course, worth 0). Each course of a
route is counted at the person's nearest usable site for it (or online).

Planning is shared: two groups whose planning problems are the same — the same start levels,
caps, first day and funding, and the same usable courses at the same nearest sites for the same
price and sessions — get the same routes, whatever else differs (their homes, say). Distinct
problems are planned in a process pool when there are many (``workers``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
"""Distinct planning problems from which a process pool is worth its start-up."""


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


def planning_key(context: Context, objective: str = "cost") -> tuple[Any, ...]:
    """What a group's paths depend on: equal keys, equal paths. Funding is left out when what
    the person pays changes nothing (:func:`pays_matter`): the routes are then priced for each
    group afterwards (:func:`repriced`)."""
    profile = context.profile
    priced = pays_matter(objective, context)
    usable = []
    for course in context.catalog.courses.values():
        usage = context.usage(course)
        if usage is not None:
            pays = usage.pays if priced else None
            usable.append((course.id, usage.site, pays, usage.sessions, usage.days))
    return (
        tuple(sorted(context.start.items())),
        (profile.max_hours, profile.max_weeks, profile.budget_eur),
        context.first_day,
        tuple(profile.funding) if priced else None,
        tuple(usable),
    )


def repriced(route: Route, catalog: Catalog, funding: Sequence[str]) -> Route:
    """``route`` as a person with ``funding`` pays for it (the same courses, hours and weeks)."""
    from dataclasses import replace

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
        try:
            result = plan_in_context(
                context,
                find_job(context.catalog, job_id),
                objective,
                alternatives,
                deadline.left(),
                explain=False,
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
    jobs: Sequence[str],
    objective: str,
    alternatives: int,
    deadline_at: float | None,
) -> None:
    _WORKER.update(
        catalog=catalog,
        groups=groups,
        jobs=jobs,
        objective=objective,
        alternatives=alternatives,
        deadline=Deadline(deadline_at),
    )


def _plan_in_worker(index: int) -> tuple[int, dict[str, tuple[Route, ...]], bool]:
    context = Context(_WORKER["catalog"], _WORKER["groups"][index].profile)
    routes, proven = plan_routes(
        context, _WORKER["jobs"], _WORKER["objective"], _WORKER["alternatives"], _WORKER["deadline"]
    )
    return index, routes, proven


def all_options(
    catalog: Catalog,
    groups: Sequence[Group],
    openings: Sequence[Opening],
    objective: str,
    alternatives: int,
    deadline: Deadline,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> list[GroupOptions]:
    """The options of every group, in order; ``progress`` is told after each group. Distinct
    planning problems are planned once each, in ``workers`` processes when there are many."""
    jobs = sorted({o.job for o in openings})
    contexts = [Context(catalog, group.profile) for group in groups]
    first_of: dict[tuple[Any, ...], int] = {}
    keys = []
    for index, context in enumerate(contexts):
        key = planning_key(context, objective)
        keys.append(key)
        first_of.setdefault(key, index)
    distinct = sorted(first_of.values())
    planned: dict[int, tuple[dict[str, tuple[Route, ...]], bool]] = {}
    sharing = (
        {index: sum(1 for k in keys if k == keys[index]) for index in distinct} if progress else {}
    )

    def done(index: int, routes: dict[str, tuple[Route, ...]], proven: bool) -> None:
        planned[index] = (routes, proven)
        if progress is not None:
            progress(sharing[index])

    if workers > 1 and len(distinct) >= POOL_THRESHOLD:
        _plan_in_pool(
            catalog, groups, jobs, objective, alternatives, deadline, distinct, workers, done
        )
    else:
        for index in distinct:
            done(index, *plan_routes(contexts[index], jobs, objective, alternatives, deadline))
    options = []
    for index, (group, context) in enumerate(zip(groups, contexts, strict=True)):
        first = first_of[keys[index]]
        routes, proven = planned[first]
        if first != index and groups[first].profile.funding != group.profile.funding:
            routes = {
                job: tuple(repriced(r, catalog, group.profile.funding) for r in found)
                for job, found in routes.items()
            }
        options.append(
            GroupOptions(
                group,
                routes,
                tuple(o for o in openings if context.site_usable(o.site)),
                {o.site: context.distance(o.site) for o in openings},
                proven,
            )
        )
    return options


def _plan_in_pool(
    catalog: Catalog,
    groups: Sequence[Group],
    jobs: Sequence[str],
    objective: str,
    alternatives: int,
    deadline: Deadline,
    distinct: Sequence[int],
    workers: int,
    done: Callable[[int, dict[str, tuple[Route, ...]], bool], None],
) -> None:
    """Plan the ``distinct`` groups in a pool of ``workers`` processes (forked where the system
    allows it, so the catalog is not copied through a pipe)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(catalog, groups, jobs, objective, alternatives, deadline.at),
    ) as pool:
        chunk = max(1, len(distinct) // (workers * 8))
        for index, routes, proven in pool.map(_plan_in_worker, distinct, chunksize=chunk):
            done(index, routes, proven)
