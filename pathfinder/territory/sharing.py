"""What one group's paths to one job depend on, so that equal planning problems are planned once.

The planner's answer for a target (:func:`pathfinder.planner.plan_in_context`) only looks at the
courses *relevant* to it: backward from the target, the courses granting a skill level it or a
relevant course asks for (:mod:`pathfinder.planning.problem`). That set is always inside the job's
**scope** (:func:`job_scope`): the same backward closure over the whole catalog, ignoring who can
take what. So the answer is a function of

- which of the levels the scope asks for the person holds at the start (the planner compares
  start levels with asked levels only, and a course outside the scope neither grants nor asks
  for anything in it), the caps, the first day;
- how the person would take each course of the scope: excluded or not; online allowed (when the
  scope has an online course or session); for each course, its sites the person can go to,
  nearest first (the nearest is where they would take it; the others hold the sessions they can
  attend); what they pay, which only depends on the funding sources that fund some course of the
  scope (and only matters when the objective or a budget looks at it).

:meth:`Sharing.route_key` is exactly that tuple: two groups with equal keys for a job get the same paths
to it. It costs a few look-ups per group and job: the sites of each course in reach are worked
out once per job and set of sites in reach (:class:`Sharing`), never per group.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Catalog, Course
from ..planning.context import Context


@dataclass(frozen=True)
class JobScope:
    """The part of the catalog a path to a job can use (its backward closure)."""

    job: str
    levels: Mapping[str, tuple[int, ...]]
    """Every skill the job, or a course of the scope, asks for: the levels asked, lowest first."""
    courses: frozenset[str]
    """Every course granting one of those skills."""
    sites: frozenset[str]
    """The sites of those courses and of their sessions."""
    funders: frozenset[str]
    """The funding sources of those courses."""
    online: bool
    """Whether one of those courses, or one of their sessions, is online."""


def job_scope(catalog: Catalog, job_id: str) -> JobScope:
    """The backward closure of ``job_id`` over the whole catalog (linear in what it visits)."""
    granting = catalog.courses_granting
    levels: dict[str, set[int]] = {}
    courses: set[str] = set()
    queue = list(catalog.jobs[job_id].requires.items())
    while queue:
        skill, level = queue.pop()
        if skill in levels:
            levels[skill].add(level)
            continue
        levels[skill] = {level}
        for course in granting.get(skill, ()):
            if course.id in courses:
                continue
            courses.add(course.id)
            queue.extend(course.requires.items())
            for group in course.requires_any:
                queue.extend(group.items())
    sites: set[str] = set()
    funders: set[str] = set()
    online = False
    for cid in courses:
        course = catalog.courses[cid]
        sites.update(course.sites)
        funders.update(course.funding)
        online = online or course.is_online
        for session in course.sessions:
            if session.online:
                online = True
            elif session.site is not None:
                sites.add(session.site)
    return JobScope(
        job_id,
        {skill: tuple(sorted(asked)) for skill, asked in sorted(levels.items())},
        frozenset(courses),
        frozenset(sites),
        frozenset(funders),
        online,
    )


class Reach:
    """The sites a person can go to, nearest first, with their distances."""

    __slots__ = ("sites", "_tiers")

    def __init__(self, sites: tuple[tuple[float, str], ...]) -> None:
        self.sites = sites
        """``(km, site id)``, by distance then id."""
        self._tiers: dict[frozenset[str], tuple[tuple[str, int], ...]] = {}

    def tiers(self, among: frozenset[str]) -> tuple[tuple[str, int], ...]:
        """Each site in reach among ``among``, nearest first, with its rank by distance (equally
        near sites share one); worked out once per set of sites."""
        found = self._tiers.get(among)
        if found is None:
            kept = [(km, site) for km, site in self.sites if site in among]
            tier: list[tuple[str, int]] = []
            for i, (km, site) in enumerate(kept):
                tier.append((site, tier[-1][1] if i and km == kept[i - 1][0] else i))
            found = self._tiers[among] = tuple(tier)
        return found


def sites_in_reach(context: Context) -> Reach | None:
    """The catalog's sites within the person's radius, by distance then id (None without a home:
    every site, none nearer than another)."""
    if context.home is None:
        return None
    found = []
    for site_id in context.catalog.sites:
        if context.site_usable(site_id):
            km = context.distance(site_id)
            assert km is not None
            found.append((km, site_id))
    found.sort()
    return Reach(tuple(found))


COURSE_SITES_MAX = 500
"""Up to this many courses in a job's scope, the key holds each course's sites in reach (which
merges more problems); beyond, the scope's sites in reach in order of distance, from which those
follow (cheaper to work out for a scope of thousands of courses)."""


def held_levels(start: Mapping[str, int], scope: JobScope) -> tuple[tuple[str, int], ...]:
    """The start levels as the planner sees them for ``scope``'s job: each skill the scope asks
    for, at the highest level asked that the start meets (skills it meets no level of left out)."""
    held = []
    for skill, level in start.items():
        met = [asked for asked in scope.levels.get(skill, ()) if asked <= level]
        if met:
            held.append((skill, met[-1]))
    return tuple(sorted(held))


class Sharing:
    """The keys of one catalog's planning problems (:func:`route_key`), with what they share
    worked out once: each job's scope, and each course's sites in reach per set of sites."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._scopes: dict[str, JobScope] = {}
        self._sites: dict[tuple[str, tuple[tuple[str, int], ...]], tuple[Any, ...]] = {}

    def scope(self, job: str) -> JobScope:
        found = self._scopes.get(job)
        if found is None:
            found = self._scopes[job] = job_scope(self.catalog, job)
        return found

    def route_key(self, context: Context, job: str, reach: Reach | None, priced: bool) -> Hashable:
        """What the paths of ``context``'s person to ``job`` depend on (module docstring);
        ``reach`` is :func:`sites_in_reach` of the same context, ``priced`` whether what the
        person pays can change their paths."""
        scope = self.scope(job)
        profile = context.profile
        return (
            job,
            held_levels(context.start, scope),
            (profile.max_hours, profile.max_weeks, profile.budget_eur),
            context.first_day,
            profile.online if scope.online else None,
            tuple(sorted(context.excluded & scope.courses)),
            tuple(sorted(context.funding & scope.funders)) if priced else None,
            None if reach is None else self._course_sites(scope, reach),
        )

    def _course_sites(self, scope: JobScope, reach: Reach) -> Any:
        """For each course of ``scope``, its sites in ``reach``, nearest first (equally near:
        in the course's order, as :meth:`pathfinder.planning.context.Context.usage` takes them);
        for a scope of more than :data:`COURSE_SITES_MAX` courses, the scope's sites in reach
        with their ranks by distance, which determine those."""
        tier = reach.tiers(scope.sites)
        if len(scope.courses) > COURSE_SITES_MAX:
            return tier
        key = (scope.job, tier)
        found = self._sites.get(key)
        if found is None:
            rank = dict(tier)
            found = tuple(
                _nearest_first(self.catalog.courses[cid], rank) for cid in sorted(scope.courses)
            )
            self._sites[key] = found
        return found


def _nearest_first(course: Course, rank: Mapping[str, int]) -> tuple[str, ...]:
    """The sites of ``course`` and of its sessions that are ranked (in reach), nearest first,
    equally near ones in the course's order."""
    sites = {*course.sites, *(s.site for s in course.sessions if s.site is not None)}
    order = {site: i for i, site in enumerate(course.sites)}
    return tuple(
        sorted(
            (site for site in sites if site in rank),
            key=lambda site: (rank[site], order.get(site, len(order)), site),
        )
    )
