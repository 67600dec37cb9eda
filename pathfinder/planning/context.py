"""A person's planning context (:class:`Context`): which courses they can take, where, at what cost.

A course is usable when it is not excluded and it is online (and online courses are allowed), or
one of its sites is within the mobility radius of home (without a home, or without a radius,
every site is usable). What the person pays is nothing when one of their funding sources funds the
course, its price otherwise.

A :class:`Context` holds these per-profile facts and computes them lazily, course by course, so a
query only pays for the courses it looks at; ``explore`` reuses one context for every job.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ..geo import haversine_km
from ..levels import meets, reach
from ..model import Catalog, Course, Levels
from ..profile import Profile, home_coordinates, start_levels
from .deadline import NO_DEADLINE, Deadline
from .numbers import exact
from .results import Excluded, OnlineNotAllowed, Reason, TooFar


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
    distance_km: float | None
    pays: Fraction
    """Out of pocket, exact."""


class Context:
    """A profile applied to a catalog: start levels, usable courses, sites, what the person pays."""

    def __init__(self, catalog: Catalog, profile: Profile, start: Levels | None = None) -> None:
        self.catalog = catalog
        self.profile = profile
        self.index = catalog_index(catalog)
        self.start: Levels = start_levels(profile, catalog) if start is None else start
        self.home = home_coordinates(profile, catalog)
        self.radius = profile.mobility_km
        self.funding = frozenset(profile.funding)
        self.excluded = frozenset(profile.exclude_courses)
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
        if course.is_online:
            return Usage(course, None, None, self.pays(course)) if self.profile.online else None
        if not course.sites:
            return None
        if self.home is None:
            return Usage(course, course.sites[0], None, self.pays(course))
        nearest = self.site_distances(course)[0]
        if self.radius is not None and nearest[0] > self.radius:
            return None
        return Usage(course, nearest[2], nearest[0], self.pays(course))

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
        if course.is_online:
            return OnlineNotAllowed(course.id)
        sites = tuple((site_id, km) for km, _, site_id in self.site_distances(course))
        return TooFar(course.id, sites, float(self.radius or 0.0))
