"""Named planner regression cases, one YAML file each, under ``tests/planning/cases/``.

:func:`load_case` reads a file (``yaml.safe_load``) and checks it strictly: an unknown key, a
missing one or a value of the wrong type raises :class:`CaseError` naming the file and the place,
so a typo in a case fails loudly instead of being ignored. The catalog is built with
:mod:`support.planner_builders`, whose defaults fill what a course leaves out. The format is
described in ``tests/planning/cases/README.md``.

:func:`outcome` puts a :class:`~pathfinder.planner.PlanResult` in the shape of a case's
``expected``, for comparison with ``==``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from pathfinder.model import Catalog
from pathfinder.planner import PlanResult
from pathfinder.profile import Profile

from .planner_builders import course, job, make_catalog, site

CASES_DIR = Path(__file__).resolve().parent.parent / "planning" / "cases"

OBJECTIVES = ("hours", "cost", "weeks", "courses")
STATUSES = ("ok", "already-qualified", "unreachable")
FORMATS = ("online", "onsite", "hybrid")
MAX_LEVEL = 3
"""The max_level make_catalog gives every skill a case names."""

TOP_KEYS = {"description", "catalog", "profile", "target", "objective", "alternatives", "expected"}
CATALOG_KEYS = {"courses", "jobs", "sites"}
COURSE_KEYS = {
    "id",
    "grants",
    "hours",
    "weeks",
    "cost",
    "format",
    "sites",
    "requires",
    "requires_any",
    "funding",
}
JOB_KEYS = {"id", "requires"}
SITE_KEYS = {"id", "lat", "lon"}
PROFILE_KEYS = {
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
}
EXPECTED_KEYS = {"status", "paths", "blockers", "relaxations"}
PATH_KEYS = {"courses", "hours", "weeks", "cost_eur", "pays_eur", "sites", "serves"}
PATH_REQUIRED = {"courses", "hours", "weeks", "cost_eur", "pays_eur"}
BLOCKER_KEYS = {"skill", "need", "reasons", "needed_by"}
RELAXATION_KEYS = {"kind", "value"}


class CaseError(ValueError):
    """A case file that does not follow the format."""


@dataclass(frozen=True)
class Expected:
    """What the planner must return, in the shape :func:`outcome` gives.

    ``paths``: one dict per path (``courses`` as a tuple of ids in path order, the four totals,
    and ``sites`` / ``serves`` when the case pins them). ``blockers`` (dicts with ``skill``,
    ``need``, ``reasons`` as a tuple of reason kinds, ``needed_by``) and ``relaxations``
    (``(kind, value)`` pairs) are pinned for unreachable targets only, and are None otherwise.
    """

    status: str
    paths: tuple[dict[str, Any], ...]
    blockers: tuple[dict[str, Any], ...] | None = None
    relaxations: tuple[tuple[str, Any], ...] | None = None


class Case(NamedTuple):
    catalog: Catalog
    profile: Profile
    target: str
    objective: str
    k: int
    expected: Expected


# --- checks -------------------------------------------------------------------------------------


def _fail(where: str, message: str) -> CaseError:
    return CaseError(f"{where}: {message}")


def _mapping(
    data: object, where: str, allowed: Collection[str], required: Collection[str] = ()
) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(where, f"expected a mapping, got {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        raise _fail(where, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = sorted(set(required) - set(data))
    if missing:
        raise _fail(where, f"missing key(s) {missing}")
    return data


def _list(data: object, where: str) -> list[Any]:
    if not isinstance(data, list):
        raise _fail(where, f"expected a list, got {type(data).__name__}")
    return data


def _text(data: object, where: str) -> str:
    if not isinstance(data, str) or not data.strip():
        raise _fail(where, f"expected a non-empty string, got {data!r}")
    return data


def _ids(data: object, where: str) -> tuple[str, ...]:
    return tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(_list(data, where)))


def _number(data: object, where: str) -> float:
    if not isinstance(data, int | float) or isinstance(data, bool):
        raise _fail(where, f"expected a number, got {data!r}")
    return data


def _count(data: object, where: str, low: int = 1, high: int | None = None) -> int:
    if not isinstance(data, int) or isinstance(data, bool) or data < low:
        raise _fail(where, f"expected a whole number >= {low}, got {data!r}")
    if high is not None and data > high:
        raise _fail(where, f"expected at most {high}, got {data}")
    return data


def _levels(data: object, where: str) -> dict[str, int]:
    if not isinstance(data, dict):
        raise _fail(where, f"expected a mapping skill -> level, got {data!r}")
    for skill, level in data.items():
        _text(skill, f"{where} (a skill id)")
        _count(level, f"{where}.{skill}", high=MAX_LEVEL)
    return dict(data)


def _choice(data: object, where: str, choices: Sequence[str]) -> str:
    if data not in choices:
        raise _fail(where, f"expected one of {list(choices)}, got {data!r}")
    return data  # type: ignore[return-value]


def _unique(ids: Sequence[str], where: str) -> None:
    dupes = sorted({i for i in ids if list(ids).count(i) > 1})
    if dupes:
        raise _fail(where, f"duplicate id(s) {dupes}")


# --- catalog and profile ------------------------------------------------------------------------


def _catalog(data: object, where: str) -> Catalog:
    cat = _mapping(data, where, CATALOG_KEYS, {"courses", "jobs"})
    sites = []
    for i, raw in enumerate(_list(cat.get("sites", []), f"{where}.sites")):
        at = f"{where}.sites[{i}]"
        entry = _mapping(raw, at, SITE_KEYS, SITE_KEYS)
        sites.append(
            site(
                _text(entry["id"], f"{at}.id"),
                _number(entry["lat"], f"{at}.lat"),
                _number(entry["lon"], f"{at}.lon"),
            )
        )
    site_ids = [s.id for s in sites]
    _unique(site_ids, f"{where}.sites")

    courses = []
    for i, raw in enumerate(_list(cat["courses"], f"{where}.courses")):
        at = f"{where}.courses[{i}]"
        entry = _mapping(raw, at, COURSE_KEYS, {"id", "grants"})
        cid = _text(entry["id"], f"{at}.id")
        at = f"{where}.courses[{cid}]"
        options: dict[str, Any] = {}
        for key, name in (("hours", "hours"), ("weeks", "weeks"), ("cost", "cost")):
            if key in entry:
                options[name] = _number(entry[key], f"{at}.{key}")
        if "format" in entry:
            options["fmt"] = _choice(entry["format"], f"{at}.format", FORMATS)
        if "sites" in entry:
            options["sites"] = _ids(entry["sites"], f"{at}.sites")
            for s in options["sites"]:
                if s not in site_ids:
                    raise _fail(f"{at}.sites", f"unknown site {s!r}")
        if options.get("fmt", "online") != "online" and not options.get("sites"):
            raise _fail(at, "an onsite or hybrid course needs sites")
        if "requires" in entry:
            options["requires"] = _levels(entry["requires"], f"{at}.requires")
        if "requires_any" in entry:
            groups = _list(entry["requires_any"], f"{at}.requires_any")
            options["any_of"] = [
                _levels(g, f"{at}.requires_any[{j}]") for j, g in enumerate(groups)
            ]
        if "funding" in entry:
            options["funding"] = _ids(entry["funding"], f"{at}.funding")
        courses.append(course(cid, _levels(entry["grants"], f"{at}.grants"), **options))
    _unique([c.id for c in courses], f"{where}.courses")

    jobs = []
    for i, raw in enumerate(_list(cat["jobs"], f"{where}.jobs")):
        at = f"{where}.jobs[{i}]"
        entry = _mapping(raw, at, JOB_KEYS, JOB_KEYS)
        jobs.append(
            job(_text(entry["id"], f"{at}.id"), _levels(entry["requires"], f"{at}.requires"))
        )
    _unique([j.id for j in jobs], f"{where}.jobs")
    return make_catalog(courses=courses, jobs=jobs, sites=sites)


def _profile(data: object, where: str, catalog: Catalog) -> Profile:
    entry = _mapping(data if data is not None else {}, where, PROFILE_KEYS)
    fields: dict[str, Any] = {}
    for name in ("jobs", "funding", "exclude_courses"):
        if name in entry:
            fields[name] = _ids(entry[name], f"{where}.{name}")
    for name in ("mobility_km", "max_hours", "max_weeks", "budget_eur"):
        if name in entry:
            fields[name] = float(_number(entry[name], f"{where}.{name}"))
    if "skills" in entry:
        fields["skills"] = _levels(entry["skills"], f"{where}.skills")
    if "online" in entry:
        if not isinstance(entry["online"], bool):
            raise _fail(f"{where}.online", f"expected true or false, got {entry['online']!r}")
        fields["online"] = entry["online"]
    if "home" in entry:
        home = entry["home"]
        if isinstance(home, str):
            if home not in catalog.sites:
                raise _fail(f"{where}.home", f"unknown site {home!r}")
            fields["home"] = home
        elif isinstance(home, list) and len(home) == 2:
            fields["home"] = (
                _number(home[0], f"{where}.home[0]"),
                _number(home[1], f"{where}.home[1]"),
            )
        else:
            raise _fail(f"{where}.home", f"expected a site id or [lat, lon], got {home!r}")
    return Profile(**fields)


# --- expected -----------------------------------------------------------------------------------


def _path(data: object, where: str, catalog: Catalog) -> dict[str, Any]:
    entry = _mapping(data, where, PATH_KEYS, PATH_REQUIRED)
    ids = _ids(entry["courses"], f"{where}.courses")
    if not ids:
        raise _fail(f"{where}.courses", "a path has at least one course")
    for cid in ids:
        if cid not in catalog.courses:
            raise _fail(f"{where}.courses", f"unknown course {cid!r}")
    path: dict[str, Any] = {"courses": ids}
    for key in ("hours", "weeks", "cost_eur", "pays_eur"):
        path[key] = float(_number(entry[key], f"{where}.{key}"))
    if "sites" in entry:
        sites = _list(entry["sites"], f"{where}.sites")
        if len(sites) != len(ids):
            raise _fail(f"{where}.sites", "one site (or null for online) per course")
        for j, s in enumerate(sites):
            if s is not None and s not in catalog.sites:
                raise _fail(f"{where}.sites[{j}]", f"unknown site {s!r}")
        path["sites"] = tuple(sites)
    if "serves" in entry:
        serves = _list(entry["serves"], f"{where}.serves")
        if len(serves) != len(ids):
            raise _fail(f"{where}.serves", "one list of purposes per course")
        path["serves"] = tuple(_ids(s, f"{where}.serves[{j}]") for j, s in enumerate(serves))
    return path


def _blocker(data: object, where: str) -> dict[str, Any]:
    entry = _mapping(data, where, BLOCKER_KEYS, {"skill", "need", "reasons"})
    skill, need = entry["skill"], entry["need"]
    if skill is not None:
        _text(skill, f"{where}.skill")
    if need is not None:
        _count(need, f"{where}.need")
    return {
        "skill": skill,
        "need": need,
        "reasons": _ids(entry["reasons"], f"{where}.reasons"),
        "needed_by": _ids(entry.get("needed_by", []), f"{where}.needed_by"),
    }


def _expected(data: object, where: str, catalog: Catalog) -> Expected:
    entry = _mapping(data, where, EXPECTED_KEYS, {"status", "paths"})
    status = _choice(entry["status"], f"{where}.status", STATUSES)
    paths = tuple(
        _path(p, f"{where}.paths[{i}]", catalog)
        for i, p in enumerate(_list(entry["paths"], f"{where}.paths"))
    )
    if (status == "ok") != bool(paths):
        raise _fail(f"{where}.paths", "status ok needs paths; the other statuses have none")
    if status != "unreachable":
        if "blockers" in entry or "relaxations" in entry:
            raise _fail(where, "blockers and relaxations are for status unreachable only")
        return Expected(status, paths)
    if "blockers" not in entry or "relaxations" not in entry:
        raise _fail(where, "status unreachable needs blockers and relaxations (maybe [])")
    blockers = tuple(
        _blocker(b, f"{where}.blockers[{i}]")
        for i, b in enumerate(_list(entry["blockers"], f"{where}.blockers"))
    )
    if not blockers:
        raise _fail(f"{where}.blockers", "an unreachable target has at least one blocker")
    relaxations = []
    for i, raw in enumerate(_list(entry["relaxations"], f"{where}.relaxations")):
        at = f"{where}.relaxations[{i}]"
        r = _mapping(raw, at, RELAXATION_KEYS, RELAXATION_KEYS)
        value = r["value"] if isinstance(r["value"], bool) else _number(r["value"], f"{at}.value")
        relaxations.append((_text(r["kind"], f"{at}.kind"), value))
    return Expected(status, paths, blockers, tuple(relaxations))


# --- reading and comparing ------------------------------------------------------------------------


def case_files() -> list[Path]:
    """Every case file, sorted by name."""
    return sorted(CASES_DIR.glob("*.yaml"))


def read_raw(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _mapping(data, path.name, TOP_KEYS, TOP_KEYS)


def load_case(path: Path) -> Case:
    """The case in ``path``; a CaseError naming the file and the place of anything wrong."""
    data = read_raw(path)
    where = path.name
    _text(data["description"], f"{where}: description")
    catalog = _catalog(data["catalog"], f"{where}: catalog")
    profile = _profile(data["profile"], f"{where}: profile", catalog)
    target = _text(data["target"], f"{where}: target")
    if target not in catalog.jobs:
        raise _fail(f"{where}: target", f"unknown job {target!r}")
    objective = _choice(data["objective"], f"{where}: objective", OBJECTIVES)
    k = _count(data["alternatives"], f"{where}: alternatives")
    expected = _expected(data["expected"], f"{where}: expected", catalog)
    if len(expected.paths) > k:
        raise _fail(f"{where}: expected.paths", f"more paths than alternatives ({k})")
    return Case(catalog, profile, target, objective, k, expected)


def purpose(serves: Any) -> str:
    """``target s 1`` or ``prerequisite s 1 for <course>``."""
    skill, level = serves.requirement
    text = f"{serves.kind} {skill} {level}"
    return f"{text} for {serves.course}" if serves.course is not None else text


def outcome(result: PlanResult, like: Expected) -> Expected:
    """``result`` in the shape of ``like``: the optional parts ``like`` pins, and no others."""
    paths = []
    for i, path in enumerate(result.paths):
        pinned = like.paths[i] if i < len(like.paths) else {}
        entry: dict[str, Any] = {
            "courses": path.course_ids,
            "hours": path.total_hours,
            "weeks": path.total_weeks,
            "cost_eur": path.total_cost_eur,
            "pays_eur": path.total_pays_eur,
        }
        if "sites" in pinned:
            entry["sites"] = tuple(step.site for step in path.steps)
        if "serves" in pinned:
            entry["serves"] = tuple(tuple(purpose(s) for s in step.serves) for step in path.steps)
        paths.append(entry)
    if like.status != "unreachable":
        return Expected(result.status, tuple(paths))
    blockers = tuple(
        {
            "skill": b.skill,
            "need": b.need,
            "reasons": tuple(r.kind for r in b.reasons),
            "needed_by": tuple(b.needed_by),
        }
        for b in result.blockers
    )
    relaxations = tuple((r.kind, r.value) for r in result.relaxations)
    return Expected(result.status, tuple(paths), blockers, relaxations)
