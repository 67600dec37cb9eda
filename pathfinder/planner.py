"""Provably shortest retraining paths.

    from pathfinder.planner import plan
    result = plan(catalog, profile, "battery-pack-assembler", objective="hours", alternatives=3)

The search is exact (see :mod:`pathfinder.planning.search`): the first path minimises the objective
(hours, out-of-pocket cost, weeks or number of courses) over every valid path within the caps,
ties broken by fewer courses, then fewer hours, then the sorted course ids. The others are the true
next best paths, none a superset of an earlier one (:mod:`pathfinder.planning.alternatives`).
With a ``time_limit``, a search cut short gives its best path so far with ``proven=False``.
"""

from __future__ import annotations

from .errors import PathfinderError, TimeLimitError, UnknownIdError
from .levels import short_of
from .model import Catalog, Job
from .objectives import OBJECTIVE_NAMES, OBJECTIVES, Objective, ObjectiveSpec, objective_spec
from .planning.calendar import Runs, Slot, earliest_schedule
from .planning.context import Context
from .planning.deadline import Deadline, TimeUp
from .planning.engine import k_best
from .planning.finish import k_earliest
from .planning.numbers import to_float
from .planning.problem import Problem
from .planning.results import (
    Blocker,
    Excluded,
    ExploreItem,
    ExploreResult,
    Gap,
    LimitsTogether,
    MissingPrerequisites,
    NoCourse,
    NoSession,
    OnlineNotAllowed,
    OverLimit,
    Path,
    PlanResult,
    Reason,
    Relaxation,
    Serves,
    Step,
    TooFar,
)
from .planning.schedule import schedule, serves
from .planning.search import Found, OutOfTime
from .planning.why_not import blockers, caps_of, relaxations
from .profile import Profile, check_profile


def check_objective(objective: str) -> ObjectiveSpec:
    """The objective called ``objective``; a PathfinderError naming the choices otherwise."""
    return objective_spec(objective)


def find_job(catalog: Catalog, job_id: str, where: str = "") -> Job:
    """The job with this id, or an UnknownIdError with the closest ids."""
    job = catalog.jobs.get(job_id)
    if job is None:
        from .textsearch import suggest

        raise UnknownIdError("job", job_id, suggest(job_id, catalog.jobs), where=where)
    return job


def gaps_of(job: Job, context: Context) -> tuple[Gap, ...]:
    """The job's requirements that the start levels do not meet, with the level held."""
    start = context.start
    return tuple(
        Gap(skill, start.get(skill, 0), need) for skill, need in short_of(start, job.requires)
    )


def build_path(problem: Problem, found: Found, dated: bool = True) -> Path:
    """A found path as reported: in order (prerequisites first, then on the calendar), each step
    with its dates, session, site, price to pay and purpose, and the path's finish date. Without
    ``dated``, in prerequisite order and without dates (scheduling is most of the cost)."""
    context = problem.context
    target = problem.target_levels
    courses = [problem.courses[i].course for i in found.order]
    hint = schedule(courses, target, context.start)  # prerequisites right before their dependants
    placed = None
    if dated:
        position = {course.id: i for i, course in enumerate(courses)}
        compiled = [problem.courses[i] for i in found.order]
        placed = earliest_schedule(
            [(pc.grant, pc.req, pc.any, Runs(pc.usage)) for pc in compiled],
            context.first_day,
            [position[course.id] for course in hint],
        )
    slots: list[Slot | None]
    if placed is None:
        ordered, slots = hint, [None] * len(hint)
    else:
        ordered = [courses[i] for i in placed[0]]
        slots = list(placed[1])
    purposes = serves(ordered, target, context.start)
    steps = []
    for course, purpose, slot in zip(ordered, purposes, slots, strict=True):
        usage = context.usage(course)
        assert usage is not None
        site, km = usage.site, usage.distance_km
        if slot is not None and slot.session is not None:
            site = slot.session.site
            km = None if site is None else context.distance(site)
        steps.append(
            Step(
                course,
                site,
                km,
                to_float(usage.pays),
                purpose,
                None if slot is None else slot.start,
                None if slot is None else slot.end,
                None if slot is None else slot.session,
            )
        )
    hours, weeks, price, pays = problem.totals(found.order)
    last = slots[-1] if slots else None
    finish = None if last is None else last.end
    return Path(
        tuple(steps), to_float(hours), to_float(weeks), to_float(price), to_float(pays), finish
    )


def plan_in_context(
    context: Context,
    job: Job,
    objective: str = "hours",
    alternatives: int = 3,
    time_limit: float | None = None,
    explain: bool = True,
    dated: bool = True,
) -> PlanResult:
    """:func:`plan` for a prepared context (reused across queries for the same profile).
    Without ``explain``, an unreachable target comes without blockers nor relaxations (what
    costs most in that case); without ``dated``, the paths come in prerequisite order without
    dates (:func:`build_path`): for callers that only need the courses and totals."""
    clock = Deadline.after(time_limit)  # every phase below checks it
    check_objective(objective)
    gaps = gaps_of(job, context)
    home, first_day = context.place, context.first_day
    if not gaps:
        return PlanResult(
            job.id,
            objective,
            "already-qualified",
            context.start,
            gaps,
            home=home,
            first_day=first_day,
        )
    caps = caps_of(context.profile)
    try:
        problem = Problem(context, job.requires, clock.grace())  # linear: with the grace period
        if objective_spec(objective).additive:
            found = k_best(problem, objective, caps, alternatives, clock)
        else:
            found = k_earliest(problem, caps, alternatives, clock)
    except TimeUp:
        raise TimeLimitError("plan.time_limit", job=job.id, seconds=f"{time_limit:g}") from None
    except OutOfTime as stopped:
        if stopped.best is None:
            raise TimeLimitError("plan.time_limit", job=job.id, seconds=f"{time_limit:g}") from None
        path = build_path(problem, stopped.best, dated)
        return PlanResult(
            job.id,
            objective,
            "ok",
            context.start,
            gaps,
            (path,),
            proven=False,
            home=home,
            first_day=first_day,
        )
    if found:
        paths = tuple(build_path(problem, f, dated) for f in found)
        return PlanResult(
            job.id, objective, "ok", context.start, gaps, paths, home=home, first_day=first_day
        )
    return PlanResult(
        job.id,
        objective,
        "unreachable",
        context.start,
        gaps,
        (),
        blockers(context, problem, caps, clock) if explain else (),
        relaxations(context.catalog, context.profile, job.requires, context.start, clock)
        if explain
        else (),
        home=home,
        first_day=first_day,
    )


def plan(
    catalog: Catalog,
    profile: Profile,
    target_id: str,
    *,
    objective: str = "hours",
    alternatives: int = 3,
    time_limit: float | None = None,
) -> PlanResult:
    """The best path from ``profile`` to the job ``target_id``, and up to ``alternatives - 1``
    next best ones; or why there is none and what would open one.

    ``time_limit`` (seconds, counted from the call): past it, the search stops and the result
    holds the best path found by then with ``proven=False`` (no limit by default: the result is
    always proven). Every phase checks the clock (compiling the problem, landmarks, the search,
    alternatives, the explanations of an unreachable target), so the call returns about when
    the limit passes; an explanation cut short lists the relaxations found by then.

    Raises UnknownIdError for an unknown target or profile id, PathfinderError for a bad
    objective or a number of alternatives below 1, TimeLimitError when the time limit passed
    before any path within the caps was found.
    """
    check_objective(objective)
    if alternatives < 1:
        raise PathfinderError("plan.bad_alternatives", value=alternatives)
    job = find_job(catalog, target_id)
    check_profile(profile, catalog)
    return plan_in_context(Context(catalog, profile), job, objective, alternatives, time_limit)


__all__ = [
    "OBJECTIVES",
    "OBJECTIVE_NAMES",
    "Blocker",
    "Excluded",
    "ExploreItem",
    "ExploreResult",
    "Gap",
    "LimitsTogether",
    "MissingPrerequisites",
    "NoCourse",
    "Objective",
    "ObjectiveSpec",
    "NoSession",
    "OnlineNotAllowed",
    "OverLimit",
    "Path",
    "PlanResult",
    "Reason",
    "Relaxation",
    "Serves",
    "Step",
    "TimeLimitError",
    "TooFar",
    "check_objective",
    "find_job",
    "plan",
    "plan_in_context",
]
