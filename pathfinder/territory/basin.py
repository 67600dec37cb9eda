"""A basin: groups of people with the same profile, the job openings they may fill, and the
period whose training seats count. Plain, frozen data; read by :mod:`.basin_file`,
:mod:`.people_csv` and :mod:`.profile_folder` (through :func:`.sources.load_basin`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..profile import Profile


@dataclass(frozen=True)
class Group:
    """``count`` people who share one profile."""

    id: str
    count: int
    profile: Profile
    references: tuple[str, ...] = ()
    """Each person's reference (a CSV's ``reference`` column, a profile file's name); empty for a
    group written as such in a basin file."""


def grouped(people: Mapping[Profile, Sequence[str]]) -> tuple[Group, ...]:
    """People with the same profile as one group each, named after its first reference."""
    return tuple(
        Group(refs[0], len(refs), profile, tuple(refs)) for profile, refs in people.items()
    )


@dataclass(frozen=True)
class Opening:
    """``count`` vacancies for ``job`` at ``site``."""

    job: str
    site: str
    count: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.job, self.site)


@dataclass(frozen=True)
class Horizon:
    """The days whose course sessions count as seats (both ends included)."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Basin:
    title: str
    groups: tuple[Group, ...]
    openings: tuple[Opening, ...] | None = None
    """None: every job's ``openings`` in the catalog."""
    optimize: str | None = None
    """The objective written in the file; None: the command's (``--optimize``, else hours)."""
    horizon: Horizon | None = None
    """None: the twelve months from today."""
    source: str = field(default="", compare=False)
    """Where the basin was read from, for messages."""

    @property
    def people(self) -> int:
        return sum(group.count for group in self.groups)
