"""Who is not placed, and why: each stranded group's reason, and the single change of its
profile that would place the most of them, everyone else's plan kept."""

from __future__ import annotations

from dataclasses import replace

from ..errors import TimeLimitError
from ..model import Catalog
from ..planning.context import Context
from ..planning.deadline import Deadline
from ..planning.results import Blocker, PlanResult, Relaxation
from .basin import Group, Horizon
from .matching import Matching, match_people
from .result import Stranded, StrandedReason
from .routes import GroupOptions, all_options, pays_matter

RELAXATION_GROUPS_MAX = 30
"""Stranded groups whose best relaxation is searched, the most stranded first (each search
plans the group again for every candidate change); the others say it was not searched."""


def stranded_groups(
    catalog: Catalog,
    solved: Matching,
    free: Matching,
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
    explanations: dict[tuple[object, ...], tuple[Blocker, ...]] = {}
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
            context = Context(catalog, option.group.profile)
            key = _explanation_key(context, target, objective)
            if key not in explanations:
                explained = _explained(context, target, objective, deadline)
                explanations[key] = () if explained is None else explained.blockers
            blockers = explanations[key]
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


def _explanation_key(context: Context, job: str, objective: str) -> tuple[object, ...]:
    """What the planner's explanation of no path to ``job`` reads of a profile: everything but
    its funding, unless what the person pays can change their paths (then it is capped and the
    explanation may name the budget)."""
    profile = context.profile
    return (
        job,
        tuple(sorted(context.start.items())),
        context.home,
        profile.mobility_km,
        profile.online,
        (profile.max_hours, profile.max_weeks, profile.budget_eur),
        tuple(sorted(context.excluded)),
        context.first_day,
        tuple(profile.funding) if pays_matter(objective, context) else None,
    )


def _explained(context: Context, job: str, objective: str, deadline: Deadline) -> PlanResult | None:
    """The plan to ``job`` in ``context`` (a group's) with its explanations (why not, what would
    open a path)."""
    from ..planner import find_job, plan_in_context

    if deadline.passed():  # the query would take its own grace period
        return None
    try:
        return plan_in_context(
            context, find_job(context.catalog, job), objective, 1, deadline.left()
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
    context = Context(catalog, profile)  # one for every job: its usable courses are computed once
    for job in sorted({o.job for o in option.in_reach if not option.routes.get(o.job)}):
        explained = _explained(context, job, objective, deadline)
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
    solved: Matching,
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
        again = match_people(catalog, changed, free_openings, horizon, deadline, taken)
        gained = again.assignment.placed()
        if gained > best[1]:
            best = (relaxation, gained)
    return best
