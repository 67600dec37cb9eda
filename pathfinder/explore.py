"""Which jobs are within reach, best first: ``pathfinder explore``.

Every job of the chosen sectors (by default, every job whose outlook is growing) is planned from
the same profile with the exact search (best path only) and ranked by the objective, then fewer
courses, fewer hours and the job id. One :class:`~pathfinder.planning.context.Context` serves all
jobs, so usability, sites and prices are computed once per course. When only the first ``top``
are asked for (the command's default is 20), the jobs are searched in the order of a lower bound
of their optimum, computed for all of them in one pass (:mod:`pathfinder.planning.chain_bounds`),
and the search stops once the ``top``-th value found is below the next job's bound: the first
``top`` are still exact, for far fewer searches (on the large benchmark catalog with no radius,
204 of 3,000 jobs).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from fractions import Fraction

from .errors import PathfinderError, UnknownIdError
from .levels import meets
from .model import Catalog, Job
from .planner import build_path, check_objective
from .planning.chain_bounds import chain_costs, target_bound
from .planning.context import Context
from .planning.deadline import Deadline, TimeUp
from .planning.engine import search
from .planning.finish import k_earliest
from .planning.problem import Problem
from .planning.results import ExploreItem, ExploreResult
from .planning.search import OutOfTime
from .planning.why_not import caps_of
from .profile import Profile, check_profile


def openings_nearby(job: Job, context: Context) -> int:
    """Openings at sites within the mobility radius (every site without a home or a radius)."""
    total = 0
    for site_id, count in job.openings.items():
        if context.radius is not None and context.home is not None:
            distance = context.distance(site_id) if site_id in context.catalog.sites else None
            if distance is None or distance > context.radius:
                continue
        total += count
    return total


def chosen_jobs(
    catalog: Catalog, profile: Profile, sectors: Sequence[str] | None
) -> tuple[tuple[str, ...], list[Job]]:
    """The sectors explored (empty: growing jobs) and their jobs, minus the jobs already held."""
    from .textsearch import suggest

    chosen = tuple(sectors) if sectors else profile.sectors
    for sector in chosen:
        if sector not in catalog.sectors:
            raise UnknownIdError(
                "sector", sector, suggest(sector, catalog.sectors), where="--sector"
            )
    held = set(profile.jobs)
    jobs = [
        job
        for job in catalog.jobs.values()
        if job.id not in held and (job.sector in chosen if chosen else job.outlook == "growing")
    ]
    return chosen, jobs


def explore(
    catalog: Catalog,
    profile: Profile,
    *,
    sectors: Sequence[str] | None = None,
    objective: str = "hours",
    top: int | None = None,
    time_limit: float | None = None,
) -> ExploreResult:
    """Rank the jobs of ``sectors`` (else the profile's sectors, else every growing job) by the
    optimal ``objective`` from ``profile``; ``top`` keeps the best ones only, and then searches
    the jobs in the order of a lower bound of their optimum and stops once no job left can rank
    among them (:mod:`pathfinder.planning.chain_bounds`): the jobs it did not search are not
    listed, not even as out of reach within the caps.

    ``time_limit`` (seconds, for the whole ranking): each job's search may use an equal share of
    the time left; a job whose search runs out is ranked by the best path found by then
    (``proven=False``) or, without one, listed as unexplored, like every job left when the time
    is up."""
    spec = check_objective(objective)
    if top is not None and top < 1:
        raise PathfinderError("explore.bad_top", value=top)
    check_profile(profile, catalog)
    chosen, jobs = chosen_jobs(catalog, profile, sectors)
    context = Context(catalog, profile)
    caps = caps_of(profile)
    start = context.start
    clock = Deadline.after(time_limit)  # for the whole ranking, every phase checks it
    ranked: list[tuple[tuple[Fraction, int, Fraction, str], ExploreItem]] = []
    best_values: list[Fraction] = []  # the objective values ranked so far, in order
    unreachable: list[str] = []
    unexplored: list[str] = []
    to_search: list[tuple[Job, int]] = []
    for job in jobs:
        nearby = openings_nearby(job, context)
        if meets(start, job.requires):
            item = ExploreItem(job.id, "already-qualified", 0.0, 0.0, 0.0, 0.0, 0, nearby)
            ranked.append(((Fraction(0), 0, Fraction(0), job.id), item))
            bisect.insort(best_values, Fraction(0))
            continue
        try:  # with a radius, most jobs are out of reach: no problem to build
            within_reach = context.can_reach(job.requires, clock.grace())  # linear
        except TimeUp:
            unexplored.append(job.id)
            continue
        if within_reach:
            to_search.append((job, nearby))
        else:
            unreachable.append(job.id)
    bounds: dict[str, Fraction | None] = {}
    if top is not None and spec.additive and len(to_search) > top:
        # prove the first `top` only: search the jobs by a lower bound of their optimum and stop
        # when the top-th value found is below the next bound (planning/chain_bounds.py)
        try:
            costs = chain_costs(context, spec, clock)
        except TimeUp:
            costs = None
        if costs is not None:
            for job, _ in to_search:
                bounds[job.id] = target_bound(costs, start, job.requires)
            to_search.sort(key=lambda entry: _bound_order(bounds[entry[0].id], entry[0].id))
    for done, (job, nearby) in enumerate(to_search):
        if top is not None and len(best_values) >= top and job.id in bounds:
            least = bounds[job.id]
            if least is None or best_values[top - 1] < least:
                break  # this job and every later one rank below the first `top`
        if clock.passed():
            unexplored.append(job.id)
            continue
        share = clock.share(len(to_search) - done)  # an equal share of the time left
        try:
            problem = Problem(context, job.requires, share.grace())
            if spec.additive:
                found = search(problem, objective, caps, deadline=share)
            else:
                earliest = k_earliest(problem, caps, 1, share)
                found = earliest[0] if earliest else None
        except TimeUp:
            unexplored.append(job.id)
            continue
        except OutOfTime as stopped:
            found = stopped.best
            if found is None:
                unexplored.append(job.id)
                continue
        if found is None:
            unreachable.append(job.id)
            continue
        path = build_path(problem, found)  # as plan reports it: scheduled, with totals
        hours = problem.totals(found.order)[0]  # exact, for the ranking
        if spec.contribution is not None:
            value = sum((spec.contribution(problem.courses[i]) for i in found.order), Fraction(0))
        else:  # finish: days from the first day to the last course's end
            value = Fraction(found.key[0])
        item = ExploreItem(
            job.id,
            "ok",
            path.total_hours,
            path.total_weeks,
            path.total_cost_eur,
            path.total_pays_eur,
            len(path.steps),
            nearby,
            path.course_ids,
            found.proven,
            path.finish,
        )
        ranked.append(((value, len(path.steps), hours, job.id), item))
        bisect.insort(best_values, value)
    ranked.sort(key=lambda entry: entry[0])
    items = tuple(item for _, item in ranked)
    if top is not None:
        items = items[:top]
    return ExploreResult(
        objective, chosen, items, tuple(sorted(unreachable)), tuple(sorted(unexplored))
    )


def _bound_order(bound: Fraction | None, job_id: str) -> tuple[int, Fraction, str]:
    """Jobs by their lower bound, the ones without one (out of reach) last."""
    return (1, Fraction(0), job_id) if bound is None else (0, bound, job_id)
