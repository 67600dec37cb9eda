"""Questions about a catalog: counts, one entry with what links to it, text search.

Answers are plain, JSON-ready data; the CLI renders them as text or prints them as JSON.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .errors import UnknownIdError
from .model import (
    KINDS,
    PLURAL,
    Catalog,
    Course,
    Entry,
    FeedLink,
    Job,
    Provider,
    Sector,
    Session,
    Site,
    Skill,
    singular,
)
from .textsearch import fold, suggest


def stats(catalog: Catalog, lang: str | None = None) -> dict[str, Any]:
    """Counts per kind, jobs per sector and outlook, languages and the content hash."""
    per_sector: dict[str, int] = {sector: 0 for sector in catalog.sectors}
    outlooks: dict[str, int] = {"declining": 0, "stable": 0, "growing": 0}
    for job in catalog.jobs.values():
        per_sector[job.sector] += 1
        outlooks[job.outlook] += 1
    return {
        "name": catalog.info.name,
        "version": catalog.info.version,
        "languages": list(catalog.info.languages),
        "sha256": catalog.sha256,
        "files": len(catalog.files),
        "counts": {kind: len(getattr(catalog, kind)) for kind in KINDS},
        "sectors": [
            {"id": sid, "name": catalog.name(sector, lang), "jobs": per_sector[sid]}
            for sid, sector in catalog.sectors.items()
        ],
        "jobs_by_outlook": outlooks,
    }


def find_entry(catalog: Catalog, entry_id: str, kind: str | None = None) -> list[tuple[str, Entry]]:
    """The entries with this id (of ``kind`` when given; ids are unique per kind only)."""
    kinds = [PLURAL.get(kind, kind)] if kind else list(KINDS)
    found = [(k, getattr(catalog, k)[entry_id]) for k in kinds if entry_id in getattr(catalog, k)]
    if not found:
        pool = [i for k in kinds for i in getattr(catalog, k)]
        raise UnknownIdError(
            singular(kinds[0]) if len(kinds) == 1 else "entry", entry_id, suggest(entry_id, pool)
        )
    return found


def entry_data(catalog: Catalog, entry: Entry, lang: str | None = None) -> dict[str, Any]:
    """An entry's fields as JSON-ready data, with its name in ``lang`` and in every language."""
    data: dict[str, Any] = {}
    for f in fields(entry):
        if f.name == "location":
            continue
        value = getattr(entry, f.name)
        if f.name == "name":
            data["name"] = catalog.name(entry, lang)
            data["names"] = dict(value)
        elif f.name == "sessions":
            data["sessions"] = [session_data(s) for s in value]
        elif isinstance(value, FeedLink):
            data[f.name] = {k: v for k, v in vars(value).items() if v is not None}
        elif isinstance(value, tuple):
            data[f.name] = [dict(v) if isinstance(v, dict) else v for v in value]
        elif isinstance(value, dict):
            data[f.name] = dict(value)
        else:
            data[f.name] = value
    if entry.location is not None:
        data["defined_at"] = str(entry.location)
    return data


def session_data(session: Session) -> dict[str, Any]:
    """A session in the catalog's own form: ISO dates; ``site``, ``seats`` and ``online`` when
    they say something."""
    data: dict[str, Any] = {"start": session.start.isoformat(), "end": session.end.isoformat()}
    if session.site is not None:
        data["site"] = session.site
    if session.seats is not None:
        data["seats"] = session.seats
    if session.online:
        data["online"] = True
    return data


def _ref(catalog: Catalog, entry: Entry, lang: str | None, **extra: Any) -> dict[str, Any]:
    return {"id": entry.id, "name": catalog.name(entry, lang), **extra}


def related(
    catalog: Catalog, kind: str, entry: Entry, lang: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """What links to an entry: who grants or requires a skill, what a course leads to, etc."""
    if isinstance(entry, Skill):
        return {
            "granted_by": [
                _ref(catalog, c, lang, level=c.grants[entry.id])
                for c in catalog.courses_granting.get(entry.id, ())
            ],
            "required_by_courses": [
                _ref(catalog, c, lang) for c in catalog.courses_requiring.get(entry.id, ())
            ],
            "required_by_jobs": [
                _ref(catalog, j, lang, level=j.requires[entry.id])
                for j in catalog.jobs_requiring.get(entry.id, ())
            ],
        }
    if isinstance(entry, Course):
        unlocks = {
            c.id: c
            for s in entry.grants
            for c in catalog.courses_requiring.get(s, ())
            if c.id != entry.id
        }
        jobs = {j.id: j for s in entry.grants for j in catalog.jobs_requiring.get(s, ())}
        return {
            "unlocks_courses": [_ref(catalog, c, lang) for c in unlocks.values()],
            "serves_jobs": [_ref(catalog, j, lang) for j in jobs.values()],
        }
    if isinstance(entry, Job):
        return {
            "skills": [
                {
                    "id": skill,
                    "name": catalog.name(catalog.skills[skill], lang),
                    "level": level,
                    "granted_by": [
                        c.id
                        for c in catalog.courses_granting.get(skill, ())
                        if c.grants[skill] >= level
                    ],
                }
                for skill, level in entry.requires.items()
            ]
        }
    if isinstance(entry, Site):
        return {
            "courses": [
                _ref(catalog, c, lang) for c in catalog.courses.values() if entry.id in c.sites
            ],
            "openings": [
                _ref(catalog, j, lang, openings=j.openings[entry.id])
                for j in catalog.jobs.values()
                if entry.id in j.openings
            ],
        }
    if isinstance(entry, Provider):
        return {
            "courses": [
                _ref(catalog, c, lang) for c in catalog.courses.values() if c.provider == entry.id
            ]
        }
    if isinstance(entry, Sector):
        return {
            "jobs": [_ref(catalog, j, lang) for j in catalog.jobs.values() if j.sector == entry.id]
        }
    raise AssertionError(kind)  # pragma: no cover


def show(
    catalog: Catalog, entry_id: str, kind: str | None = None, lang: str | None = None
) -> list[dict[str, Any]]:
    """Every entry with this id, each with its fields and what links to it."""
    return [
        {
            "kind": singular(k),
            "entry": entry_data(catalog, e, lang),
            "related": related(catalog, k, e, lang),
        }
        for k, e in find_entry(catalog, entry_id, kind)
    ]


def search(
    catalog: Catalog, text: str, lang: str | None = None, kinds: tuple[str, ...] = KINDS
) -> list[dict[str, Any]]:
    """Entries whose id or name (in any language) contains every word of ``text``, ignoring case
    and accents. Exact id matches first, then by kind and id."""
    words = fold(text).split()
    hits: list[tuple[int, int, str, dict[str, Any]]] = []
    for rank, kind in enumerate(kinds):
        for entry in getattr(catalog, kind).values():
            haystack = " ".join((entry.id, entry.id.replace("-", " "), *entry.name.values()))
            folded = fold(haystack)
            if all(word in folded for word in words):
                exact = 0 if fold(entry.id) == fold(text) else 1
                hits.append(
                    (
                        exact,
                        rank,
                        entry.id,
                        {"kind": singular(kind), "id": entry.id, "name": catalog.name(entry, lang)},
                    )
                )
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]
