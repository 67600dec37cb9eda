"""Small hand-made catalogs for planner tests, built straight from the model classes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pathfinder.model import (
    Catalog,
    CatalogInfo,
    Course,
    FrozenMap,
    Job,
    Provider,
    Sector,
    Site,
    Skill,
    Text,
)


def levels(mapping: Mapping[str, int] | None) -> FrozenMap[str, int]:
    return FrozenMap(dict(mapping or {}))


def course(
    cid: str,
    grants: Mapping[str, int],
    *,
    hours: float = 10,
    weeks: float = 1,
    cost: float = 0,
    fmt: str = "online",
    sites: Sequence[str] = (),
    requires: Mapping[str, int] | None = None,
    any_of: Sequence[Mapping[str, int]] = (),
    funding: Sequence[str] = (),
    provider: str = "campus",
) -> Course:
    return Course(
        id=cid,
        name=Text({"en": cid.replace("-", " ").title(), "fr": cid}),
        provider=provider,
        hours=hours,
        weeks=weeks,
        cost_eur=cost,
        format=fmt,  # type: ignore[arg-type]
        grants=levels(grants),
        sites=tuple(sites),
        requires=levels(requires),
        requires_any=tuple(levels(group) for group in any_of),
        funding=tuple(funding),
    )


def job(
    jid: str,
    requires: Mapping[str, int],
    *,
    sector: str = "ev",
    outlook: str = "growing",
    openings: Mapping[str, int] | None = None,
) -> Job:
    return Job(
        id=jid,
        name=Text({"en": jid.replace("-", " ").title(), "fr": jid}),
        sector=sector,
        outlook=outlook,  # type: ignore[arg-type]
        requires=levels(requires),
        openings=FrozenMap(dict(openings or {})),
    )


def site(sid: str, lat: float, lon: float) -> Site:
    return Site(
        id=sid, name=Text({"en": sid.title(), "fr": sid}), region="region", lat=lat, lon=lon
    )


def make_catalog(
    *,
    courses: Iterable[Course] = (),
    jobs: Iterable[Job] = (),
    sites: Iterable[Site] = (),
    skills: Mapping[str, int] | None = None,
    sectors: Iterable[str] = ("ev", "ice", "circular"),
) -> Catalog:
    """A catalog of these entries. ``skills`` maps skill id -> max_level; skills named by courses
    and jobs but not listed get max_level 3."""
    courses = list(courses)
    jobs = list(jobs)
    max_levels: dict[str, int] = dict(skills or {})
    for c in courses:
        for mapping in (c.grants, c.requires, *c.requires_any):
            for s in mapping:
                max_levels.setdefault(s, 3)
    for j in jobs:
        for s in j.requires:
            max_levels.setdefault(s, 3)
    providers = sorted({c.provider for c in courses} | {"campus"})
    return Catalog(
        info=CatalogInfo(name="Test", version="1", languages=("en", "fr")),
        sectors=FrozenMap({s: Sector(s, Text({"en": s.upper(), "fr": s})) for s in sectors}),
        providers=FrozenMap({p: Provider(p, Text({"en": p.title(), "fr": p})) for p in providers}),
        sites=FrozenMap({s.id: s for s in sites}),
        skills=FrozenMap(
            {
                s: Skill(s, Text({"en": s, "fr": s}), "test", max_level=m)
                for s, m in max_levels.items()
            }
        ),
        jobs=FrozenMap({j.id: j for j in jobs}),
        courses=FrozenMap({c.id: c for c in courses}),
        sha256="0" * 64,
    )
