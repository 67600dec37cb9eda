"""Where a person stands: jobs held, skills, home, constraints. Read from YAML or built from flags.

A profile is plain data; :func:`check_profile` checks its ids against a catalog and
:func:`start_levels` turns it into the skill levels a plan starts from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import PathfinderError, UnknownIdError
from .model import EMPTY_LEVELS, Catalog, FrozenMap, Levels

Home = str | tuple[float, float]
"""A site id, or ``(lat, lon)`` in degrees."""

LANGS: tuple[str, ...] = ("en", "fr")


class ProfileError(PathfinderError):
    """A profile field with the wrong type or value."""


@dataclass(frozen=True)
class Profile:
    """Where a person stands and what they accept. Every field is optional."""

    jobs: tuple[str, ...] = ()
    """Jobs held: their ``requires`` count as held skills."""
    skills: Mapping[str, int] = EMPTY_LEVELS
    """Self-assessed skill levels: they raise levels, never lower them."""
    home: Home | None = None
    mobility_km: float | None = None
    """On-site and hybrid courses only at sites within this distance of home; None: any distance."""
    online: bool = True
    max_hours: float | None = None
    max_weeks: float | None = None
    budget_eur: float | None = None
    """Cap on what the person pays out of pocket."""
    funding: tuple[str, ...] = ()
    exclude_courses: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    lang: str | None = None

    def __post_init__(self) -> None:
        # Accept lists and dicts from library callers; store immutable, hashable values.
        for name in ("jobs", "funding", "exclude_courses", "targets", "sectors"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        if not isinstance(self.skills, FrozenMap):
            object.__setattr__(self, "skills", FrozenMap(self.skills))
        if self.home is not None and not isinstance(self.home, str):
            lat, lon = self.home
            object.__setattr__(self, "home", (float(lat), float(lon)))

    def merged(self, **overrides: Any) -> Profile:
        """This profile with the given fields replaced; ``None`` means "not given, keep mine"."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Profile))


def _got(value: object) -> str:
    """A short, language-neutral rendering of a wrong value."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # pragma: no cover - plain YAML data always serialises
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _ids(data: object, source: str, name: str) -> tuple[str, ...]:
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(item, str) and item for item in data):
        raise ProfileError("profile.expected_ids", source=source, field=name, got=_got(data))
    return tuple(data)


def _amount(data: object, source: str, name: str) -> float | None:
    if data is None:
        return None
    if not _is_number(data) or not math.isfinite(float(data)) or float(data) < 0:  # type: ignore[arg-type]
        raise ProfileError("profile.expected_amount", source=source, field=name, got=_got(data))
    return float(data)  # type: ignore[arg-type]


def _levels(data: object, source: str) -> Levels:
    if data is None:
        return EMPTY_LEVELS
    if not isinstance(data, dict):
        raise ProfileError("profile.expected_levels", source=source, field="skills", got=_got(data))
    levels: dict[str, int] = {}
    for skill, level in data.items():
        if not isinstance(skill, str) or not skill:
            raise ProfileError("profile.expected_levels", source=source, field="skills", got=_got(data))
        if not isinstance(level, int) or isinstance(level, bool) or level < 0:
            raise ProfileError("profile.expected_level", source=source, field=f"skills.{skill}", got=_got(level))
        levels[skill] = level
    return FrozenMap(levels)


def _home(data: object, source: str) -> Home | None:
    from .geo import check_coordinates

    if data is None:
        return None
    if isinstance(data, str) and data:
        return data
    if isinstance(data, dict) and set(data) == {"lat", "lon"} and all(_is_number(v) for v in data.values()):
        return check_coordinates(float(data["lat"]), float(data["lon"]), f"{source}: home")
    raise ProfileError("profile.expected_home", source=source, field="home", got=_got(data))


def profile_from_data(data: object, source: str = "profile") -> Profile:
    """A profile from plain data (as read from YAML). Wrong fields raise a ProfileError naming them."""
    from .textsearch import suggest

    if data is None:
        return Profile()
    if not isinstance(data, dict):
        raise ProfileError("profile.not_mapping", source=source, got=_got(data))
    for key in data:
        if key not in FIELDS:
            hints = suggest(str(key), FIELDS, limit=1)
            if hints:
                raise ProfileError("profile.unknown_field_hint", source=source, field=key, suggestion=hints[0])
            raise ProfileError("profile.unknown_field", source=source, field=key, fields=", ".join(FIELDS))
    online = data.get("online", True)
    if not isinstance(online, bool):
        raise ProfileError("profile.expected_bool", source=source, field="online", got=_got(online))
    lang = data.get("lang")
    if lang is not None and lang not in LANGS:
        raise ProfileError("profile.expected_lang", source=source, field="lang", got=_got(lang), choices=", ".join(LANGS))
    return Profile(
        jobs=_ids(data.get("jobs"), source, "jobs"),
        skills=_levels(data.get("skills"), source),
        home=_home(data.get("home"), source),
        mobility_km=_amount(data.get("mobility_km"), source, "mobility_km"),
        online=online,
        max_hours=_amount(data.get("max_hours"), source, "max_hours"),
        max_weeks=_amount(data.get("max_weeks"), source, "max_weeks"),
        budget_eur=_amount(data.get("budget_eur"), source, "budget_eur"),
        funding=_ids(data.get("funding"), source, "funding"),
        exclude_courses=_ids(data.get("exclude_courses"), source, "exclude_courses"),
        targets=_ids(data.get("targets"), source, "targets"),
        sectors=_ids(data.get("sectors"), source, "sectors"),
        lang=lang,
    )


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """Plain data for YAML or JSON: the fields that differ from the defaults, in field order.

    ``profile_from_data(profile_to_data(p)) == p``.
    """
    default = Profile()
    data: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(profile, name)
        if value == getattr(default, name):
            continue
        if name == "skills":
            data[name] = dict(value)
        elif name == "home" and isinstance(value, tuple):
            data[name] = {"lat": value[0], "lon": value[1]}
        elif isinstance(value, tuple):
            data[name] = list(value)
        elif isinstance(value, float):
            data[name] = _number(value)
        else:
            data[name] = value
    return data


def load_profile(path: Path | str) -> Profile:
    """Read a profile YAML file; unreadable files and wrong fields raise PathfinderError."""
    from .yamlsource import read_yaml

    return profile_from_data(read_yaml(Path(path)), str(path))


def check_profile(profile: Profile, catalog: Catalog, where: Mapping[str, str] | None = None) -> None:
    """Check every id of ``profile`` against ``catalog``; ``where`` names each field for messages
    (``{"jobs": "--from"}``), the field name by default. Raises UnknownIdError with suggestions,
    or ProfileError for a skill level above the skill's ``max_level``."""
    from .textsearch import suggest

    def label(name: str) -> str:
        return (where or {}).get(name, name)

    def known(name: str, kind: str, ids: object, table: Mapping[str, object]) -> None:
        for entry_id in ids:  # type: ignore[attr-defined]
            if entry_id not in table:
                raise UnknownIdError(kind, entry_id, suggest(entry_id, table), where=label(name))

    known("jobs", "job", profile.jobs, catalog.jobs)
    known("skills", "skill", profile.skills, catalog.skills)
    for skill, level in profile.skills.items():
        top = catalog.skills[skill].max_level
        if level > top:
            raise ProfileError("profile.level_above_max", where=label("skills"), skill=skill, level=level, max=top)
    if isinstance(profile.home, str):
        known("home", "site", (profile.home,), catalog.sites)
    known("exclude_courses", "course", profile.exclude_courses, catalog.courses)
    known("targets", "job", profile.targets, catalog.jobs)
    known("sectors", "sector", profile.sectors, catalog.sectors)


def start_levels(profile: Profile, catalog: Catalog) -> Levels:
    """The levels a plan starts from: held jobs' requirements, raised by self-assessed skills."""
    levels: dict[str, int] = {}
    for job_id in profile.jobs:
        job = catalog.jobs.get(job_id)
        if job is None:
            continue
        for skill, level in job.requires.items():
            if level > levels.get(skill, 0):
                levels[skill] = level
    for skill, level in profile.skills.items():
        if level > levels.get(skill, 0):
            levels[skill] = level
    return FrozenMap({skill: level for skill, level in levels.items() if level > 0})


def home_coordinates(profile: Profile, catalog: Catalog) -> tuple[float, float] | None:
    """Home as ``(lat, lon)``: the site's coordinates for a site id; None without a home."""
    if profile.home is None:
        return None
    if isinstance(profile.home, str):
        site = catalog.sites[profile.home]
        return (site.lat, site.lon)
    return profile.home


__all__ = [
    "Home",
    "Profile",
    "ProfileError",
    "check_profile",
    "home_coordinates",
    "load_profile",
    "profile_from_data",
    "profile_to_data",
    "start_levels",
]
