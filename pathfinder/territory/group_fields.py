"""One group's (or one person's) profile fields, checked: the fields a basin reads are the
profile's own (:mod:`pathfinder.profile`), with the same names, meaning and checks, plus the
catalog's ids; every problem is a diagnostic at the field's line and column."""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Diagnostic
from ..errors import PathfinderError, UnknownIdError
from ..funding import FUNDING_SOURCES
from ..model import Catalog
from ..profile import Profile, check_profile, profile_from_data
from .problems import error_problem, problem

GROUP_FIELDS: tuple[str, ...] = (
    "jobs",
    "skills",
    "home",
    "mobility_km",
    "online",
    "max_hours",
    "max_weeks",
    "budget_eur",
    "funding",
    "exclude_courses",
    "start",
)
"""The profile fields a group or a person of a basin may have."""

Position = tuple[int, int]


def checked_profile(
    data: Mapping[str, object],
    positions: Mapping[str, Position],
    catalog: Catalog,
    path: str,
    where: Position,
) -> Profile | Diagnostic:
    """The profile of ``data`` (fields of :data:`GROUP_FIELDS` only), or the first problem with
    it, placed at its field (``positions``: field name -> line and column; ``where``: the
    group's own position, for problems of no one field)."""

    def at(field: object) -> Position:
        name = str(field or "")
        return positions.get(name) or positions.get(name.split(".")[0]) or where

    try:
        profile = profile_from_data(dict(data), "")
    except PathfinderError as error:
        line, column = at(error.params.get("field") or "home")
        return error_problem("PB103", error, path, line, column)
    try:
        check_profile(profile, catalog)
    except UnknownIdError as error:
        line, column = at(error.where)
        return error_problem("PB107", error, path, line, column)
    except PathfinderError as error:  # a level above its max, a home that cannot be placed
        line, column = at(error.params.get("where") or "home")
        return error_problem(
            "PB107" if error.key.startswith("place.") else "PB103", error, path, line, column
        )
    for source in profile.funding:
        if source not in FUNDING_SOURCES:
            from ..textsearch import suggest

            line, column = at("funding")
            return error_problem(
                "PB107",
                UnknownIdError("funding", source, suggest(source, FUNDING_SOURCES), "funding"),
                path,
                line,
                column,
            )
    if profile.mobility_km is not None and profile.home is None:
        line, column = at("mobility_km")
        return problem("PB110", "basin.radius_without_home", path, line, column)
    return profile
