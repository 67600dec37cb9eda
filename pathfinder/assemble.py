"""Turn validated raw entries into the immutable model, and hash its canonical content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from .dates import default_end
from .model import (
    Catalog,
    CatalogInfo,
    Course,
    FeedLink,
    FrozenMap,
    Job,
    Location,
    Provider,
    Sector,
    Session,
    Site,
    Skill,
    Text,
    whole_number,
)
from .references import DEFAULT_MAX_LEVEL
from .validate import RawEntry


def _loc(entry: RawEntry) -> Location:
    return Location(entry.path, entry.node.line, entry.node.column)


def _levels(value: Any) -> FrozenMap[str, int]:
    return FrozenMap(value) if value else FrozenMap()


def _sector(e: RawEntry) -> Sector:
    v = e.values
    return Sector(v["id"], Text(v["name"]), tuple(v.get("sources", ())), _loc(e))


def _provider(e: RawEntry) -> Provider:
    v = e.values
    return Provider(v["id"], Text(v["name"]), v.get("url"), tuple(v.get("sources", ())), _loc(e))


def _site(e: RawEntry) -> Site:
    v = e.values
    return Site(
        v["id"],
        Text(v["name"]),
        v["region"],
        v["lat"],
        v["lon"],
        tuple(v.get("sources", ())),
        _loc(e),
    )


def _skill(e: RawEntry) -> Skill:
    v = e.values
    return Skill(
        v["id"],
        Text(v["name"]),
        v["category"],
        v.get("max_level", DEFAULT_MAX_LEVEL),
        v.get("esco"),
        tuple(v.get("sources", ())),
        _loc(e),
    )


def _job(e: RawEntry) -> Job:
    v = e.values
    return Job(
        id=v["id"],
        name=Text(v["name"]),
        sector=v["sector"],
        outlook=v["outlook"],
        requires=_levels(v.get("requires")),
        rome=v.get("rome"),
        openings=_levels(v.get("openings")),
        sources=tuple(v.get("sources", ())),
        location=_loc(e),
    )


def _course(e: RawEntry) -> Course:
    v = e.values
    return Course(
        id=v["id"],
        name=Text(v["name"]),
        provider=v["provider"],
        hours=v["hours"],
        weeks=v["weeks"],
        cost_eur=v["cost_eur"],
        format=v["format"],
        grants=_levels(v["grants"]),
        sites=tuple(v.get("sites", ())),
        requires=_levels(v.get("requires")),
        requires_any=tuple(_levels(g) for g in v.get("requires_any", ())),
        funding=tuple(v.get("funding", ())),
        certification=v.get("certification"),
        hands_on=v.get("hands_on"),
        sources=tuple(v.get("sources", ())),
        sessions=_sessions(e),
        lheo=FeedLink(v["lheo"]["formation"], v["lheo"].get("action")) if "lheo" in v else None,
        rncp=v.get("rncp"),
        rs=v.get("rs"),
        location=_loc(e),
    )


def _sessions(entry: RawEntry) -> tuple[Session, ...]:
    """A course's sessions by start date (then end, site); ``end`` defaults to the course's
    length in days, and a session of an online course is online. Each keeps where it is written."""
    course = entry.values
    raws = course.get("sessions", ())
    node = entry.nodes.get("sessions")
    items = list(node.value) if node is not None and isinstance(node.value, list) else []
    sessions = []
    for index, raw in enumerate(raws):
        start = date.fromisoformat(raw["start"])
        end = (
            date.fromisoformat(raw["end"]) if "end" in raw else default_end(start, course["weeks"])
        )
        online = bool(raw.get("online", False)) or course["format"] == "online"
        item = items[index] if index < len(items) else entry.node
        where = Location(entry.path, item.line, item.column)
        sessions.append(Session(start, end, raw.get("site"), raw.get("seats"), online, where))
    return tuple(sorted(sessions, key=lambda s: (s.start, s.end, s.site or "", s.online)))


_BUILDERS = {
    "sectors": _sector,
    "providers": _provider,
    "sites": _site,
    "skills": _skill,
    "jobs": _job,
    "courses": _course,
}


def assemble(
    info_entry: RawEntry, tables: Mapping[str, Mapping[str, RawEntry]], files: tuple[str, ...]
) -> Catalog:
    """The catalog of entries that passed every check (callers make sure there are no errors)."""
    v = info_entry.values
    info = CatalogInfo(
        name=v["name"],
        version=v["version"],
        languages=tuple(v.get("languages") or ("en",)),
        lint_ignore=tuple(v.get("lint", {}).get("ignore", ())),
        location=_loc(info_entry),
    )
    built: dict[str, Any] = {
        kind: FrozenMap({entry_id: _BUILDERS[kind](entry) for entry_id, entry in table.items()})
        for kind, table in tables.items()
    }
    return Catalog(info=info, sha256=content_hash(info_entry, tables), files=files, **built)


def _canonical(values: Mapping[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in values.items():
        out[key] = whole_number(value) if isinstance(value, float) else value
    return out


def content_hash(info_entry: RawEntry, tables: Mapping[str, Mapping[str, RawEntry]]) -> str:
    """sha256 of the canonical content: entries sorted by kind and id, keys sorted, numbers
    normalised (``21.0`` is ``21``). Stable across key order, formatting, comments and the way
    entries are split into files."""
    document: dict[str, Any] = {"catalog": _canonical(info_entry.values)}
    for kind in sorted(tables):
        table = tables[kind]
        document[kind] = [_canonical(table[entry_id].values) for entry_id in sorted(table)]
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
