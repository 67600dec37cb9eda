"""A person's planning context (:class:`Context`): which courses they can take, where, at what cost.

A course is usable when it is not excluded and it is online (and online courses are allowed), or
one of its sites is within the mobility radius of home (without a home, or without a radius,
every site is usable). A course with dated sessions is usable through its *usable sessions*
only: those that start on or after the person's first day (``Profile.start``, default today),
at a site within the radius, or online when online courses are allowed; without one, the course
is unusable (:class:`~pathfinder.planning.results.NoSession`). What the person pays is nothing
when one of their funding sources funds the course, its price otherwise.

A :class:`Context` holds these per-profile facts and computes them lazily, course by course, so a
query only pays for the courses it looks at; ``explore`` reuses one context for every job.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ..dates import course_days, today
from ..geo import haversine_km
from ..home import resolve_home
from ..levels import meets, reach
from ..model import Catalog, Course, Levels, Session
from ..profile import Profile, start_levels
from .deadline import NO_DEADLINE, Deadline
from .numbers import exact
from .results import Excluded, NoSession, OnlineNotAllowed, Reason, TooFar


class CatalogIndex:
    """Per-catalog facts the planner needs, computed once per catalog object."""

    def __init__(self, catalog: Catalog) -> None:
        self.rank: dict[str, int] = {cid: i for i, cid in enumerate(sorted(catalog.courses))}
        """Course id -> position in id order: comparing ranks compares ids."""
        self._exact: dict[str, tuple[Fraction, Fraction, Fraction]] = {}

    def exact_values(self, course: Course) -> tuple[Fraction, Fraction, Fraction]:
        """``(hours, weeks, cost_eur)`` as exact decimals."""
        values = self._exact.get(course.id)
        if values is None:
            values = (exact(course.hours), exact(course.weeks), exact(course.cost_eur))
            self._exact[course.id] = values
        return values


_INDEXES: dict[int, tuple[weakref.ref[Catalog], CatalogIndex]] = {}


def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The index of ``catalog``, built on first use and dropped with the catalog."""
    key = id(catalog)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0]() is catalog:
        return cached[1]
    index = CatalogIndex(catalog)
    _INDEXES[key] = (weakref.ref(catalog), index)
    weakref.finalize(catalog, _INDEXES.pop, key, None)
    return index


@dataclass(frozen=True)
class Usage:
    """How this person would take a course."""

    course: Course
    site: str | None
    """The nearest usable site (of a usable session, for a course with sessions); None online."""
    distance_km: float | None
    pays: Fraction
    """Out of pocket, exact."""
    sessions: tuple[Session, ...] = ()
    """The usable sessions, by start date; empty for a course that runs on demand."""
    days: int = 1
    """Calendar days the course lasts when it runs on demand."""


class Context:
    """A profile applied to a catalog: start levels, usable courses, sites, what the person pays."""

    def __init__(self, catalog: Catalog, profile: Profile, start: Levels | None = None) -> None:
        self.catalog = catalog
        self.profile = profile
        self.index = catalog_index(catalog)
        self.start: Levels = start_levels(profile, catalog) if start is None else start
        self.place = None if profile.home is None else resolve_home(profile.home, catalog)
        """Where the person lives, as typed and as placed; None without a home."""
        self.home = None if self.place is None else (self.place.lat, self.place.lon)
        self.radius = profile.mobility_km
        self.funding = frozenset(profile.funding)
        self.excluded = frozenset(profile.exclude_courses)
        self.first_day = profile.start or today()
        """The first day the person can begin a course."""
        self._usage: dict[str, Usage | None] = {}
        self._distance: dict[str, float] = {}
        self._reachable: Mapping[str, int] | None = None

    def distance(self, site_id: str) -> float | None:
        """Kilometres from home to a site; None without a home."""
        if self.home is None:
            return None
        km = self._distance.get(site_id)
        if km is None:
            site = self.catalog.sites[site_id]
            km = haversine_km(self.home[0], self.home[1], site.lat, site.lon)
            self._distance[site_id] = km
        return km

    def site_distances(self, course: Course) -> list[tuple[float, int, str]]:
        """``(km, position, site id)`` for each site of the course, nearest first (needs a home)."""
        found = []
        for position, site_id in enumerate(course.sites):
            km = self.distance(site_id)
            if km is not None:
                found.append((km, position, site_id))
        found.sort()
        return found

    def pays(self, course: Course) -> Fraction:
        if self.funding and not self.funding.isdisjoint(course.funding):
            return Fraction(0)
        return self.index.exact_values(course)[2]

    def usage(self, course: Course) -> Usage | None:
        """How the person would take ``course``, or None when they cannot."""
        cid = course.id
        if cid in self._usage:
            return self._usage[cid]
        usage = self._compute_usage(course)
        self._usage[cid] = usage
        return usage

    def _compute_usage(self, course: Course) -> Usage | None:
        if course.id in self.excluded:
            return None
        if course.sessions:
            return self._session_usage(course)
        days = course_days(course.weeks)
        if course.is_online:
            if not self.profile.online:
                return None
            return Usage(course, None, None, self.pays(course), days=days)
        if not course.sites:
            return None
        if self.home is None:
            return Usage(course, course.sites[0], None, self.pays(course), days=days)
        nearest = self.site_distances(course)[0]
        if self.radius is not None and nearest[0] > self.radius:
            return None
        return Usage(course, nearest[2], nearest[0], self.pays(course), days=days)

    def site_usable(self, site_id: str) -> bool:
        """Whether the person can go to this site (within the radius, or no radius or home)."""
        km = self.distance(site_id)
        return km is None or self.radius is None or km <= self.radius

    def session_usable(self, session: Session) -> bool:
        """Whether the person can attend this session: it starts on or after their first day, at a
        site they can go to, or online when they accept online courses."""
        if session.start < self.first_day:
            return False
        if session.online:
            return self.profile.online
        return session.site is not None and self.site_usable(session.site)

    def _session_usage(self, course: Course) -> Usage | None:
        sessions = tuple(s for s in course.sessions if self.session_usable(s))
        if not sessions:
            return None
        sites = {s.site for s in sessions if not s.online}
        site, km = None, None
        if sites:
            if self.home is None:
                site = next(s for s in course.sites if s in sites)
            else:
                km, _, site = min(d for d in self.site_distances(course) if d[2] in sites)
        days = course_days(course.weeks)
        return Usage(course, site, km, self.pays(course), sessions, days)

    def reachable_levels(self, deadline: Deadline | None = None) -> Mapping[str, int]:
        """The highest level of each skill that the start plus some sequence of usable courses
        reaches (computed once: a job is out of reach iff it asks for more somewhere), by
        :func:`pathfinder.levels.reach`, in linear time. Raises TimeUp past ``deadline`` (and
        leaves nothing computed)."""
        if self._reachable is None:
            usable = [
                course for course in self.catalog.courses.values() if self.usage(course) is not None
            ]
            self._reachable = reach(usable, self.start, (deadline or NO_DEADLINE).check).levels
        return self._reachable

    def can_reach(self, target: Mapping[str, int], deadline: Deadline | None = None) -> bool:
        """Whether some sequence of usable courses meets every requirement of ``target``."""
        return meets(self.reachable_levels(deadline), target)

    def why_unusable(self, course: Course) -> Reason | None:
        """Why the person cannot take ``course`` (None when they can)."""
        if self.usage(course) is not None:
            return None
        if course.id in self.excluded:
            return Excluded(course.id)
        if course.sessions:
            # Sessions on time that only distance rules out: too far, with their sites.
            on_time = {
                s.site
                for s in course.sessions
                if s.start >= self.first_day and not s.online and s.site is not None
            }
            if not on_time or self.home is None or self.radius is None:
                return NoSession(course.id, self.first_day)
            sites = tuple(
                (site_id, km)
                for km, _, site_id in self.site_distances(course)
                if site_id in on_time
            )
            return TooFar(course.id, sites, float(self.radius))
        if course.is_online:
            return OnlineNotAllowed(course.id)
        sites = tuple((site_id, km) for km, _, site_id in self.site_distances(course))
        return TooFar(course.id, sites, float(self.radius or 0.0))
