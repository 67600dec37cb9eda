"""What a basin plan says: plain, frozen data. Reasons are kinds with their data, never
sentences; :mod:`pathfinder.reports.territory_wording` says them in English or French."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from ..model import Session
from ..planning.results import Blocker, Relaxation

StrandedReason = Literal["out-of-reach", "no-path", "taken", "seats"]
"""Why people of a group are not placed: no opening within their radius; openings in reach but
no path to their jobs (see ``blockers``); every opening they could fill is taken by others; the
training seats on their paths are taken."""

UnfilledReason = Literal["no-one-can", "not-enough"]
"""Why vacancies stay open: no one in reach can qualify for them; fewer people in reach can
(and are free to) than there are vacancies."""


@dataclass(frozen=True)
class CourseAt:
    """A course as a person of a group takes it: at a site, or online (``site`` None)."""

    course: str
    site: str | None


@dataclass(frozen=True)
class Route:
    """One path of a group to a job, with its totals per person."""

    courses: tuple[CourseAt, ...]
    hours: float
    weeks: float
    cost_eur: float
    pays_eur: float
    value: Fraction = field(compare=False)
    """The objective's value per person, exact: what the plan minimises."""
    paid_by: tuple[tuple[str, float], ...] = ()
    """Who pays how much of the price per person: a funding source, or ``self``."""
    sessions: tuple[tuple[Session, ...] | None, ...] = field(default=(), repr=False)
    """For each course, the sessions the group can take it in (on or after its first day, within
    its reach); None for a course that runs on demand (no seat limit)."""


@dataclass(frozen=True)
class Flow:
    """``count`` people of ``group`` fill vacancies of ``job`` at ``site`` through ``route``."""

    group: str
    job: str
    site: str
    count: int
    route: Route
    references: tuple[str, ...] = ()
    """The references of the people sent this way (from a CSV or a folder of profiles)."""


@dataclass(frozen=True)
class Stranded:
    """``count`` people of ``group`` who are not placed, and why."""

    group: str
    count: int
    reason: StrandedReason
    target: str | None = None
    """For ``no-path``: the job of the nearest opening, whose ``blockers`` say why."""
    blockers: tuple[Blocker, ...] = ()
    relaxation: Relaxation | None = None
    """The single change of the group's profile (radius, online, budget) that places most of
    them, everyone else's plan kept (into the vacancies and seats it leaves free); None when
    none places anyone, or when it was not searched."""
    relaxation_places: int = 0
    relaxation_searched: bool = True
    """False when the search was skipped: a big basin's less stranded groups, or out of time."""


@dataclass(frozen=True)
class Unfilled:
    job: str
    site: str
    count: int
    reason: UnfilledReason


@dataclass(frozen=True)
class SeatDemand:
    """Seats of a course at a site (``None``: online): what the plan without limits needs, what
    the sessions within the horizon offer (``None``: no limit), and how many are missing."""

    course: str
    site: str | None
    needed: int
    available: int | None
    used: int = 0
    """Seats taken in the plan that respects the seats (the same as ``needed`` without limits)."""

    @property
    def to_add(self) -> int:
        return 0 if self.available is None else max(0, self.needed - self.available)


@dataclass(frozen=True)
class Totals:
    """Sums over placed people (per-person values times the count)."""

    hours: float = 0.0
    weeks: float = 0.0
    cost_eur: float = 0.0
    pays_eur: float = 0.0
    courses: int = 0
    funders: tuple[tuple[str, float], ...] = ()
    """Euros by who pays: each funding source, and ``self`` for out of pocket."""


@dataclass(frozen=True)
class TerritoryResult:
    basin: str
    objective: str
    capacity: Literal["none", "respected"]
    proven: bool
    """Every per-person plan and the assignment itself are proven optimal."""
    people: int
    openings: int
    placed: int
    flows: tuple[Flow, ...]
    stranded: tuple[Stranded, ...]
    unfilled: tuple[Unfilled, ...]
    seats: tuple[SeatDemand, ...]
    totals: Totals
    placed_without_limits: int
    """People placed by the plan that ignores seats (equal to ``placed`` when it is that plan)."""
    horizon: tuple[str, str]
    """The days whose sessions count as seats, ISO dates."""
    planning_seconds: float = field(default=0.0, compare=False)
    solve_seconds: float = field(default=0.0, compare=False)
