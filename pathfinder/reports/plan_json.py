"""Plans and explorations as JSON-ready data, in the shapes documented for ``--format json``.

Keys of the documented shape are never renamed; extra keys (names, reasons' structured data,
relaxations, start levels) may be added.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Catalog, whole_number
from ..planning.results import Blocker, ExploreResult, Path, PlanResult, Reason, Step
from ..queries import session_data
from .wording import blocker_subject, reason_text, relaxation_text, serves_text


def num(value: float | None, decimals: int | None = None) -> int | float | None:
    """A number for JSON: whole numbers without ``.0``; optionally rounded."""
    if value is None:
        return None
    if decimals is not None:
        value = round(value, decimals)
    return whole_number(value)


def catalog_data(catalog: Catalog) -> dict[str, str]:
    return {"name": catalog.info.name, "version": catalog.info.version, "sha256": catalog.sha256}


def step_data(step: Step, catalog: Catalog, lang: str | None) -> dict[str, Any]:
    course = step.course
    return {
        "id": course.id,
        "hours": num(course.hours),
        "weeks": num(course.weeks),
        "cost_eur": num(course.cost_eur),
        "format": course.format,
        "pays_eur": num(step.pays_eur),
        "site": step.site,
        "distance_km": num(step.distance_km, 1),
        "grants": dict(course.grants),
        "serves": [serves_text(item, lang) for item in step.serves],
        "start": _iso(step.start),
        "end": _iso(step.end),
        "session": None if step.session is None else session_data(step.session),
        # extra keys
        "name": catalog.name(course, lang),
        "provider": course.provider,
        "provider_name": catalog.name(catalog.providers[course.provider], lang)
        if course.provider in catalog.providers
        else course.provider,
        "site_name": catalog.name(catalog.sites[step.site], lang)
        if step.site and step.site in catalog.sites
        else None,
        "requires": dict(course.requires),
        "requires_any": [dict(group) for group in course.requires_any],
        "funding": list(course.funding),
        "certification": course.certification,
        "purposes": [
            {
                "kind": item.kind,
                "skill": item.requirement[0],
                "level": item.requirement[1],
                "course": item.course,
            }
            for item in step.serves
        ],
    }


def path_data(path: Path, catalog: Catalog, lang: str | None) -> dict[str, Any]:
    return {
        "courses": [step_data(step, catalog, lang) for step in path.steps],
        "total_hours": num(path.total_hours),
        "total_weeks": num(path.total_weeks),
        "total_cost_eur": num(path.total_cost_eur),
        "total_pays_eur": num(path.total_pays_eur),
        "finish": _iso(path.finish),
    }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def reason_data(reason: Reason) -> dict[str, Any]:
    """A reason's structured data (kind, course, sites…), JSON-ready."""
    data: dict[str, Any] = {"kind": reason.kind}
    for name, value in vars(reason).items():
        if name == "kind":
            continue
        if name == "sites":
            data[name] = [{"site": site, "distance_km": num(d, 1)} for site, d in value]
        elif name in ("missing", "caps"):
            data[name] = [
                {
                    "skill" if name == "missing" else "cap": a,
                    "level" if name == "missing" else "limit": b,
                }
                for a, b in value
            ]
        elif name == "missing_any":
            data[name] = [[{"skill": s, "level": lv} for s, lv in group] for group in value]
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    return data


def blocker_data(blocker: Blocker, lang: str | None) -> list[dict[str, Any]]:
    """One entry per reason, so each ``reason`` is one plain sentence."""
    return [
        {
            "skill": blocker.skill,
            "need": blocker.need,
            "reason": reason_text(reason, blocker, lang),
            "subject": blocker_subject(blocker, lang),
            "needed_by": list(blocker.needed_by),
            "detail": reason_data(reason),
        }
        for reason in blocker.reasons
    ]


def plan_to_json(result: PlanResult, catalog: Catalog, lang: str | None = None) -> dict[str, Any]:
    """The ``pathfinder plan --format json`` document."""
    target = catalog.jobs.get(result.target)
    return {
        "catalog": catalog_data(catalog),
        "target": result.target,
        "optimize": result.objective,
        "status": result.status,
        "gaps": [{"skill": g.skill, "have": g.have, "need": g.need} for g in result.gaps],
        "paths": [path_data(path, catalog, lang) for path in result.paths],
        "blockers": [entry for blocker in result.blockers for entry in blocker_data(blocker, lang)],
        # extra keys
        "target_name": catalog.name(target, lang) if target else result.target,
        "lang": lang or "en",
        "start": dict(result.start),
        "home": None if result.home is None else result.home.data(),
        "first_day": _iso(result.first_day),
        "proven": result.proven,
        "relaxations": [
            {
                "kind": r.kind,
                "value": r.value if isinstance(r.value, bool) else num(r.value),
                "text": relaxation_text(r, lang),
            }
            for r in result.relaxations
        ],
    }


def explore_to_json(
    result: ExploreResult, catalog: Catalog, lang: str | None = None
) -> dict[str, Any]:
    """The ``pathfinder explore --format json`` document."""
    return {
        "results": [
            {
                "job": item.job,
                "total_hours": num(item.total_hours),
                "total_weeks": num(item.total_weeks),
                "total_cost_eur": num(item.total_cost_eur),
                "courses": item.courses,
                "openings_nearby": item.openings_nearby,
                # extra keys
                "name": catalog.name(catalog.jobs[item.job], lang)
                if item.job in catalog.jobs
                else item.job,
                "status": item.status,
                "total_pays_eur": num(item.total_pays_eur),
                "path": list(item.path),
                "proven": item.proven,
                "finish": _iso(item.finish),
            }
            for item in result.results
        ],
        "unreachable": list(result.unreachable),
        # extra keys
        "unexplored": list(result.unexplored),
        "catalog": catalog_data(catalog),
        "optimize": result.objective,
        "sectors": list(result.sectors),
    }
