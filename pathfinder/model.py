"""The catalog model: immutable, typed entries and the catalog that indexes them.

Everything here is plain data. The loader (``pathfinder.loader``) builds it from YAML after every
check has passed; the planner and the reports only read it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal, TypeVar

Outlook = Literal["declining", "stable", "growing"]
CourseFormat = Literal["onsite", "online", "hybrid"]

OUTLOOKS: tuple[str, ...] = ("declining", "stable", "growing")
COURSE_FORMATS: tuple[str, ...] = ("onsite", "online", "hybrid")
KINDS: tuple[str, ...] = ("sectors", "providers", "sites", "skills", "jobs", "courses")
SINGULAR: dict[str, str] = {
    "sectors": "sector",
    "providers": "provider",
    "sites": "site",
    "skills": "skill",
    "jobs": "job",
    "courses": "course",
}
"""Each kind (a catalog section) -> the word for one of its entries."""
PLURAL: dict[str, str] = {one: kind for kind, one in SINGULAR.items()}


def singular(kind: str) -> str:
    """The word for one entry of ``kind`` (``courses`` -> ``course``); any other section as is."""
    return SINGULAR.get(kind, kind)


def whole_number(value: float) -> int | float:
    """A number as a catalog or a profile means it: ``21.0`` is ``21``; others unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(dict[K, V]):
    """A read-only dict: hashable by content, cheap to pickle, usable wherever a Mapping is."""

    __slots__ = ()

    def _readonly(self, *args: object, **kwargs: object) -> None:
        raise TypeError(f"{type(self).__name__} is immutable")

    __setitem__ = __delitem__ = _readonly  # type: ignore[assignment]
    clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]
    __ior__ = _readonly  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"


Levels = FrozenMap[str, int]
"""Skill id -> level. In a requirement, the minimum level; in a grant, the level reached."""

EMPTY_LEVELS: Levels = FrozenMap()


class Text(FrozenMap[str, str]):
    """A name in several languages (language code -> text)."""

    __slots__ = ()

    def in_lang(self, lang: str | None, fallback: str | None = None) -> str:
        """The text in ``lang``, else in ``fallback``, else in any language present."""
        for code in (lang, fallback):
            if code is not None and code in self:
                return self[code]
        return next(iter(self.values()), "")


@dataclass(frozen=True)
class Location:
    """Where an entry was written: file path and 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class CatalogInfo:
    name: str
    version: str
    languages: tuple[str, ...] = ("en",)
    lint_ignore: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Sector:
    id: str
    name: Text
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Provider:
    id: str
    name: Text
    url: str | None = None
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Site:
    id: str
    name: Text
    region: str
    lat: float
    lon: float
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Skill:
    id: str
    name: Text
    category: str
    max_level: int = 3
    esco: str | None = None
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Job:
    id: str
    name: Text
    sector: str
    outlook: Outlook
    requires: Levels = EMPTY_LEVELS
    rome: str | None = None
    openings: FrozenMap[str, int] = field(default_factory=FrozenMap)
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Session:
    """One run of a course with dates: it occupies the calendar days ``start``..``end``
    (inclusive), at ``site`` (one of the course's sites) or, when ``online``, at a distance."""

    start: date
    end: date
    site: str | None = None
    seats: int | None = None
    online: bool = False
    location: Location | None = field(default=None, compare=False, repr=False)
    """Where the session is written (its mapping), for the lint's findings about it."""


@dataclass(frozen=True)
class FeedLink:
    """Which offer of a LHÉO training-offer feed a course is: a formation's ``numero``, and one of
    its actions' (None: every action of the formation). See :mod:`pathfinder.lheo`."""

    formation: str
    action: str | None = None


@dataclass(frozen=True)
class Course:
    id: str
    name: Text
    provider: str
    hours: float
    weeks: float
    cost_eur: float
    format: CourseFormat
    grants: Levels
    sites: tuple[str, ...] = ()
    requires: Levels = EMPTY_LEVELS
    requires_any: tuple[Levels, ...] = ()
    funding: tuple[str, ...] = ()
    certification: str | None = None
    hands_on: float | None = None
    sources: tuple[str, ...] = ()
    sessions: tuple[Session, ...] = ()
    """Dated runs, by start date; none: the course runs on demand (see :mod:`pathfinder.dates`)."""
    lheo: FeedLink | None = None
    rncp: str | None = None
    """The certification's code in the RNCP (``RNCP35280``)."""
    rs: str | None = None
    """The certification's code in the Répertoire spécifique (``RS5463``)."""
    location: Location | None = field(default=None, compare=False, repr=False)

    @property
    def is_online(self) -> bool:
        return self.format == "online"

    def upcoming_sessions(self, today: date) -> tuple[Session, ...]:
        """The sessions that start on or after ``today``, by start date."""
        return tuple(s for s in self.sessions if s.start >= today)


Entry = Sector | Provider | Site | Skill | Job | Course
E = TypeVar("E", Sector, Provider, Site, Skill, Job, Course)


@dataclass(frozen=True)
class Catalog:
    """A validated catalog. Entries of each kind are keyed by id, in file order."""

    info: CatalogInfo
    sectors: FrozenMap[str, Sector]
    providers: FrozenMap[str, Provider]
    sites: FrozenMap[str, Site]
    skills: FrozenMap[str, Skill]
    jobs: FrozenMap[str, Job]
    courses: FrozenMap[str, Course]
    sha256: str
    """Hash of the canonical content: stable across key order, formatting and file layout."""
    files: tuple[str, ...] = field(default=(), compare=False)

    @property
    def fallback_lang(self) -> str:
        return self.info.languages[0]

    def name(self, entry: Entry, lang: str | None = None) -> str:
        """An entry's name in ``lang``, falling back to the catalog's first language."""
        return entry.name.in_lang(lang, self.fallback_lang)

    def kind_of(self, entry_id: str) -> list[str]:
        """The kinds (``"skills"``, ``"courses"``…) that have an entry with this id."""
        return [kind for kind in KINDS if entry_id in getattr(self, kind)]

    def entries(self) -> Iterator[tuple[str, Entry]]:
        """Every entry with its kind, kind by kind, in file order."""
        for kind in KINDS:
            table: Mapping[str, Entry] = getattr(self, kind)
            for entry in table.values():
                yield kind, entry

    @cached_property
    def courses_granting(self) -> Mapping[str, tuple[Course, ...]]:
        """Skill id -> the courses that grant it (at any level)."""
        index: dict[str, list[Course]] = {}
        for course in self.courses.values():
            for skill in course.grants:
                index.setdefault(skill, []).append(course)
        return {skill: tuple(courses) for skill, courses in index.items()}

    @cached_property
    def courses_requiring(self) -> Mapping[str, tuple[Course, ...]]:
        """Skill id -> the courses that require it, in ``requires`` or in a ``requires_any`` group."""
        index: dict[str, list[Course]] = {}
        for course in self.courses.values():
            skills = set(course.requires)
            for group in course.requires_any:
                skills.update(group)
            for skill in sorted(skills):
                index.setdefault(skill, []).append(course)
        return {skill: tuple(courses) for skill, courses in index.items()}

    @cached_property
    def jobs_requiring(self) -> Mapping[str, tuple[Job, ...]]:
        """Skill id -> the jobs that require it."""
        index: dict[str, list[Job]] = {}
        for job in self.jobs.values():
            for skill in job.requires:
                index.setdefault(skill, []).append(job)
        return {skill: tuple(jobs) for skill, jobs in index.items()}

    def __getstate__(self) -> dict[str, object]:
        # Derived indexes are rebuilt on demand, never pickled into the cache.
        return {k: v for k, v in self.__dict__.items() if k in self.__dataclass_fields__}
