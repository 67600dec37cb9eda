"""PF208–PF210: numbers that are valid but implausible. Warnings: a human should look."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import Catalog, whole_number
from ..rules import diagnostic
from .locate import Locator

MAX_HOURS_PER_WEEK = 45
"""The legal maximum average working week in France is 44–46 hours; full-time training is ~35."""
MAX_COURSE_HOURS = 2000
"""More than a full year of full-time training (about 1,600 hours)."""
FRANCE_LAT = (41.3, 51.2)
FRANCE_LON = (-5.3, 9.7)
"""Metropolitan France with Corsica (Ouessant to Menton, Dunkirk to Bonifacio), with a margin."""


def check(catalog: Catalog, locator: Locator) -> list[Diagnostic]:
    return [*course_hours(catalog, locator), *sites_in_france(catalog, locator)]


def course_hours(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF208 (hours per week) and PF209 (total hours), both at the ``hours`` value."""
    for course in catalog.courses.values():
        per_week = course.hours / course.weeks
        if per_week > MAX_HOURS_PER_WEEK:
            where = locator.at("courses", course, "hours")
            yield diagnostic(
                "PF208",
                "lint.weekly_hours",
                *where,
                id=course.id,
                hours=whole_number(course.hours),
                weeks=whole_number(course.weeks),
                per_week=whole_number(round(per_week, 1)),
                limit=MAX_HOURS_PER_WEEK,
            )
        if course.hours > MAX_COURSE_HOURS:
            where = locator.at("courses", course, "hours")
            yield diagnostic(
                "PF209",
                "lint.course_hours",
                *where,
                id=course.id,
                hours=whole_number(course.hours),
                limit=MAX_COURSE_HOURS,
            )


def in_france(lat: float, lon: float) -> bool:
    return FRANCE_LAT[0] <= lat <= FRANCE_LAT[1] and FRANCE_LON[0] <= lon <= FRANCE_LON[1]


def sites_in_france(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF210: in a catalog with ``fr`` among its languages, sites outside metropolitan France."""
    if "fr" not in catalog.info.languages:
        return
    for site in catalog.sites.values():
        if in_france(site.lat, site.lon):
            continue
        key = (
            "lint.outside_france_swapped"
            if in_france(site.lon, site.lat)
            else "lint.outside_france"
        )
        where = locator.at("sites", site, "lat")
        yield diagnostic(
            "PF210", key, *where, id=site.id, lat=whole_number(site.lat), lon=whole_number(site.lon)
        )
