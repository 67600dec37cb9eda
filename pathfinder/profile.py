"""Where a person stands: jobs held, skills, home, constraints. Read from YAML or built from flags.

A profile is plain data; :func:`check_profile` checks its ids against a catalog and
:func:`start_levels` turns it into the skill levels a plan starts from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CoordinatesError, ProfileError, UnknownIdError
from .levels import highest
from .limits import LEVEL_MAX, PROFILE_RANGES
from .model import EMPTY_LEVELS, Catalog, FrozenMap, Levels, whole_number
from .safetext import clip

if TYPE_CHECKING:
    from .yamlsource import Node


@dataclass(frozen=True)
class HomePlace:
    """A home typed as a French commune or postal code, as the gazetteer placed it
    (:func:`pathfinder.home.resolve_home`). A profile file keeps it whole, what was typed and
    where it landed, so that a replay plans from the same point whatever the gazetteer becomes."""

    query: str
    kind: str
    """``"commune"`` or ``"postal-code"``."""
    name: str
    lat: float
    lon: float
    postal_code: str | None = None
    insee: str | None = None


HOME_PLACE_KINDS: tuple[str, ...] = ("commune", "postal-code")

Home = str | tuple[float, float] | HomePlace
"""A site id, a commune name or postal code (resolved when used), ``(lat, lon)`` in degrees, or
a place already resolved."""

LANGS: tuple[str, ...] = ("en", "fr")

RANGES = PROFILE_RANGES
"""The accepted range of each numeric field (inclusive); skill levels go from 0 to LEVEL_MAX."""

Positions = Mapping[str, tuple[int, int]]
"""Line and column of each field's value in a profile file: ``max_hours``, ``skills.python``,
``home.lat``…"""


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
    start: date | None = None
    """The first day the person can begin training; None: today (:func:`pathfinder.dates.today`)."""
    optimize: str | None = None
    """What the person's paths are shortest by (an objective's name); None: the command's choice
    (``--optimize``, else hours)."""

    def __post_init__(self) -> None:
        # Accept lists and dicts from library callers; store immutable, hashable values.
        for name in ("jobs", "funding", "exclude_courses", "targets", "sectors"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        if not isinstance(self.skills, FrozenMap):
            object.__setattr__(self, "skills", FrozenMap(self.skills))
        if self.home is not None and not isinstance(self.home, str | HomePlace):
            lat, lon = self.home
            object.__setattr__(self, "home", (float(lat), float(lon)))
        if isinstance(self.start, str):
            object.__setattr__(self, "start", date.fromisoformat(self.start))

    def merged(self, **overrides: Any) -> Profile:
        """This profile with the given fields replaced; ``None`` means "not given, keep mine"."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Profile))


def _got(value: object) -> str:
    """A short, language-neutral rendering of a wrong value."""
    from .yamlsource import HugeNumber

    if isinstance(value, HugeNumber):  # a number written with hundreds of digits: its first ones
        return clip(value, 40)
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
    low, high = RANGES[name]
    # Compared as they are: a 400-digit int would overflow float(); an infinity is out of range.
    if not _is_number(data) or not low <= data <= high:  # type: ignore[operator]
        raise ProfileError(
            "profile.expected_amount", source=source, field=name, got=_got(data), low=low, high=high
        )
    return float(data)  # type: ignore[arg-type]


def _levels(data: object, source: str, at: Positions) -> Levels:
    if data is None:
        return EMPTY_LEVELS
    if not isinstance(data, dict):
        raise ProfileError(
            "profile.expected_levels",
            source=_at(source, at, "skills"),
            field="skills",
            got=_got(data),
        )
    levels: dict[str, int] = {}
    for skill, level in data.items():
        if not isinstance(skill, str) or not skill:
            raise ProfileError(
                "profile.expected_levels",
                source=_at(source, at, "skills"),
                field="skills",
                got=_got(data),
            )
        if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= LEVEL_MAX:
            raise ProfileError(
                "profile.expected_level",
                source=_at(source, at, f"skills.{skill}"),
                field=f"skills.{skill}",
                got=_got(level),
                high=LEVEL_MAX,
            )
        levels[skill] = level
    return FrozenMap(levels)


def _home(data: object, source: str, at: Positions) -> Home | None:
    from .geo import check_coordinates
    from .yamlsource import HugeNumber

    if data is None:
        return None
    if isinstance(data, str) and data:
        return data
    if isinstance(data, dict) and "query" in data:
        return _home_place(data, source, at)
    numbers = isinstance(data, dict) and all(
        _is_number(v) or isinstance(v, HugeNumber) for v in data.values()
    )
    if isinstance(data, dict) and set(data) == {"lat", "lon"} and numbers:
        for axis in ("lat", "lon"):
            value = data[axis]
            huge = (
                isinstance(value, HugeNumber)
                or isinstance(value, int)
                and not -1000 <= value <= 1000
            )
            if huge:  # before float(): 10**400 overflows
                raise CoordinatesError(
                    f"geo.{axis}_range",
                    where=f"{_at(source, at, f'home.{axis}')}: home",
                    value=_got(value),
                )
        return check_coordinates(
            float(data["lat"]), float(data["lon"]), f"{_at(source, at, 'home')}: home"
        )
    raise ProfileError(
        "profile.expected_home", source=_at(source, at, "home"), field="home", got=_got(data)
    )


def _home_place(data: dict[str, object], source: str, at: Positions) -> HomePlace:
    """A resolved home, as a profile file keeps it: ``{query, kind, name, lat, lon, postal_code,
    insee}`` (the last two optional)."""
    from .geo import check_coordinates

    expected = {"query", "kind", "name", "lat", "lon", "postal_code", "insee"}
    texts = ("query", "name", "postal_code", "insee")
    good = (
        set(data) <= expected
        and {"query", "kind", "name", "lat", "lon"} <= set(data)
        and data["kind"] in HOME_PLACE_KINDS
        and all(isinstance(data.get(k), str) or data.get(k) is None for k in texts)
        and isinstance(data["query"], str)
        and isinstance(data["name"], str)
        and _is_number(data["lat"])
        and _is_number(data["lon"])
        and all(abs(data[axis]) <= 1000 for axis in ("lat", "lon"))  # type: ignore[arg-type]
    )
    if not good:
        raise ProfileError(
            "profile.expected_home", source=_at(source, at, "home"), field="home", got=_got(data)
        )
    lat, lon = check_coordinates(
        float(data["lat"]),  # type: ignore[arg-type]
        float(data["lon"]),  # type: ignore[arg-type]
        f"{_at(source, at, 'home')}: home",
    )
    return HomePlace(
        query=clip(str(data["query"]), 200),
        kind=str(data["kind"]),
        name=clip(str(data["name"]), 200),
        lat=lat,
        lon=lon,
        postal_code=data.get("postal_code"),  # type: ignore[arg-type]
        insee=data.get("insee"),  # type: ignore[arg-type]
    )


def _at(source: str, positions: Positions, name: str) -> str:
    """``source:line:col`` of field ``name`` when its position is known, else ``source``."""
    where = positions.get(name)
    return f"{source}:{where[0]}:{where[1]}" if where else source


def profile_from_data(
    data: object, source: str = "profile", positions: Positions | None = None
) -> Profile:
    """A profile from plain data (as read from YAML). Wrong fields raise a ProfileError naming them
    (and their line and column in ``source`` when ``positions`` has them)."""
    from .textsearch import suggest

    at: Positions = positions or {}

    if data is None:
        return Profile()
    if not isinstance(data, dict):
        raise ProfileError("profile.not_mapping", source=source, got=_got(data))
    for key in data:
        if key not in FIELDS:
            where = _at(source, at, f"{key}:key")
            shown = clip(str(key), 40)
            hints = suggest(shown, FIELDS, limit=1)
            if hints:
                raise ProfileError(
                    "profile.unknown_field_hint", source=where, field=shown, suggestion=hints[0]
                )
            raise ProfileError(
                "profile.unknown_field", source=where, field=shown, fields=", ".join(FIELDS)
            )
    online = data.get("online", True)
    if not isinstance(online, bool):
        raise ProfileError(
            "profile.expected_bool",
            source=_at(source, at, "online"),
            field="online",
            got=_got(online),
        )
    lang = data.get("lang")
    if lang is not None and lang not in LANGS:
        raise ProfileError(
            "profile.expected_lang",
            source=_at(source, at, "lang"),
            field="lang",
            got=_got(lang),
            choices=", ".join(LANGS),
        )
    return Profile(
        jobs=_ids(data.get("jobs"), _at(source, at, "jobs"), "jobs"),
        skills=_levels(data.get("skills"), source, at),
        home=_home(data.get("home"), source, at),
        mobility_km=_amount(data.get("mobility_km"), _at(source, at, "mobility_km"), "mobility_km"),
        online=online,
        max_hours=_amount(data.get("max_hours"), _at(source, at, "max_hours"), "max_hours"),
        max_weeks=_amount(data.get("max_weeks"), _at(source, at, "max_weeks"), "max_weeks"),
        budget_eur=_amount(data.get("budget_eur"), _at(source, at, "budget_eur"), "budget_eur"),
        funding=_ids(data.get("funding"), _at(source, at, "funding"), "funding"),
        exclude_courses=_ids(
            data.get("exclude_courses"), _at(source, at, "exclude_courses"), "exclude_courses"
        ),
        targets=_ids(data.get("targets"), _at(source, at, "targets"), "targets"),
        sectors=_ids(data.get("sectors"), _at(source, at, "sectors"), "sectors"),
        lang=lang,
        start=_start(data.get("start"), _at(source, at, "start")),
        optimize=_optimize(data.get("optimize"), _at(source, at, "optimize")),
    )


def _optimize(data: object, source: str) -> str | None:
    from .objectives import OBJECTIVE_NAMES

    if data is None:
        return None
    if not isinstance(data, str) or data not in OBJECTIVE_NAMES:
        raise ProfileError(
            "profile.expected_objective",
            source=source,
            field="optimize",
            got=_got(data),
            choices=", ".join(OBJECTIVE_NAMES),
        )
    return data


def _start(data: object, source: str) -> date | None:
    """The ``start`` field: an ISO date (``2027-01-11``), quoted or not (a date object too, as
    YAML 1.1 readers such as PyYAML give it)."""
    from .dates import parse_date

    if data is None:
        return None
    if isinstance(data, date) and not isinstance(data, datetime):
        data = data.isoformat()
    day = parse_date(data) if isinstance(data, str) else None
    if day is None:
        raise ProfileError("profile.expected_date", source=source, field="start", got=_got(data))
    return day


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
        elif name == "home" and isinstance(value, HomePlace):
            data[name] = {k: v for k, v in vars(value).items() if v is not None}
        elif isinstance(value, tuple):
            data[name] = list(value)
        elif isinstance(value, float):
            data[name] = whole_number(value)
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    return data


def load_profile(path: Path | str) -> Profile:
    """Read a profile YAML file; unreadable files (a FIFO, a device, more than 50 MB…) and wrong
    fields raise PathfinderError, naming the file, and the line and column of a wrong field."""
    from .yamlsource import read_yaml_node

    root = read_yaml_node(Path(path))
    data = None if root is None else root.to_python()
    return profile_from_data(data, str(path), field_positions(root))


def field_positions(root: Node | None) -> dict[str, tuple[int, int]]:
    """Where each field's value is in a profile's node tree (``skills.python``, ``home.lat``…);
    ``name:key`` is where the key itself is."""
    from .yamlsource import MAPPING

    positions: dict[str, tuple[int, int]] = {}
    if root is None or root.kind != MAPPING:
        return positions
    for key, value in root.value:
        name = str(key.value)
        positions[name] = (value.line, value.column)
        positions[f"{name}:key"] = (key.line, key.column)
        if name in ("skills", "home") and value.kind == MAPPING:
            for inner_key, inner in value.value:
                positions[f"{name}.{inner_key.value}"] = (inner.line, inner.column)
    return positions


def check_profile(
    profile: Profile, catalog: Catalog, where: Mapping[str, str] | None = None
) -> None:
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
            raise ProfileError(
                "profile.level_above_max", where=label("skills"), skill=skill, level=level, max=top
            )
    if isinstance(profile.home, str) and profile.home not in catalog.sites:
        from .home import resolve_home

        resolve_home(profile.home, catalog, label("home"))  # a commune or postal code, or an error
    known("exclude_courses", "course", profile.exclude_courses, catalog.courses)
    known("targets", "job", profile.targets, catalog.jobs)
    known("sectors", "sector", profile.sectors, catalog.sectors)


def start_levels(profile: Profile, catalog: Catalog) -> Levels:
    """The levels a plan starts from: held jobs' requirements, raised by self-assessed skills."""
    held = [catalog.jobs[job_id].requires for job_id in profile.jobs if job_id in catalog.jobs]
    levels = highest([*held, profile.skills])
    return FrozenMap({skill: level for skill, level in levels.items() if level > 0})


def home_coordinates(profile: Profile, catalog: Catalog) -> tuple[float, float] | None:
    """Home as ``(lat, lon)`` (:func:`pathfinder.home.resolve_home`); None without a home."""
    if profile.home is None:
        return None
    if isinstance(profile.home, tuple):
        return profile.home
    from .home import resolve_home

    place = resolve_home(profile.home, catalog)
    return (place.lat, place.lon)


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
