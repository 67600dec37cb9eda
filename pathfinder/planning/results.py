"""What a plan says: plain, frozen data. Reasons are structured (kind + data), never sentences;
:mod:`pathfinder.reports.wording` says them in English or French."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..home import ResolvedHome
from ..model import Course, Levels, Session

Status = Literal["ok", "already-qualified", "unreachable"]
CapKind = Literal["hours", "weeks", "budget"]


@dataclass(frozen=True)
class Gap:
    """A target requirement the person does not meet yet."""

    skill: str
    have: int
    need: int


@dataclass(frozen=True)
class Serves:
    """Why a course is in a path: it meets a target requirement, or a later course's requirement.

    ``requirement`` is ``(skill, level)``; for a ``requires_any`` group of the later course, the
    option of the group that this course meets.
    """

    kind: Literal["target", "prerequisite"]
    requirement: tuple[str, int]
    course: str | None = None
    """For a prerequisite: the id of the course that needs it."""


@dataclass(frozen=True)
class Step:
    course: Course
    site: str | None
    """Nearest usable site for on-site and hybrid courses; None for online ones."""
    distance_km: float | None
    """From home to ``site``; None without a home or for online courses."""
    pays_eur: float
    """What the person pays: 0 when one of their funding sources covers the course."""
    serves: tuple[Serves, ...]
    start: date | None = None
    """First day on the calendar (:mod:`pathfinder.planning.calendar`); None when no schedule
    fits the path (see :attr:`Path.finish`)."""
    end: date | None = None
    """Last day, inclusive."""
    session: Session | None = None
    """The session taken; None for a course that runs on demand."""


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    total_hours: float
    total_weeks: float
    total_cost_eur: float
    total_pays_eur: float
    finish: date | None = None
    """The last day of the earliest schedule of these courses; None when none fits the
    calendar (a course's every usable session starts too early for its prerequisites)."""

    @property
    def course_ids(self) -> tuple[str, ...]:
        return tuple(step.course.id for step in self.steps)


# --- why no path exists -------------------------------------------------------------------------


@dataclass(frozen=True)
class NoCourse:
    """No course of the catalog teaches the skill up to the level needed."""

    kind: Literal["no-course"] = "no-course"


@dataclass(frozen=True)
class Excluded:
    """The course would teach it, but the profile excludes it."""

    course: str
    kind: Literal["excluded"] = "excluded"


@dataclass(frozen=True)
class OnlineNotAllowed:
    """The course would teach it, but it is online and the person wants no online course."""

    course: str
    kind: Literal["online-not-allowed"] = "online-not-allowed"


@dataclass(frozen=True)
class TooFar:
    """The course would teach it, but all its sites are beyond the mobility radius."""

    course: str
    sites: tuple[tuple[str, float], ...]
    """``(site id, km from home)``, nearest first."""
    radius_km: float
    kind: Literal["too-far"] = "too-far"


@dataclass(frozen=True)
class NoSession:
    """The course runs in dated sessions, and none of them can be attended: each starts before
    the person's first day, at a site beyond the radius, or online when online is refused."""

    course: str
    first_day: date
    kind: Literal["no-session"] = "no-session"


@dataclass(frozen=True)
class MissingPrerequisites:
    """The course is usable, but some of its requirements can be met by no usable course."""

    course: str
    missing: tuple[tuple[str, int], ...]
    """Requirements (``requires``) that cannot be met."""
    missing_any: tuple[tuple[tuple[str, int], ...], ...] = ()
    """``requires_any`` groups none of whose options can be met."""
    kind: Literal["missing-prerequisites"] = "missing-prerequisites"


@dataclass(frozen=True)
class OverLimit:
    """Every way to meet the requirement (or the whole target) needs more than a cap allows."""

    cap: CapKind
    limit: float
    minimum: float
    kind: Literal["over-limit"] = "over-limit"


@dataclass(frozen=True)
class LimitsTogether:
    """Each cap alone can be met, but no path meets all of them at once."""

    caps: tuple[tuple[CapKind, float], ...]
    kind: Literal["limits-together"] = "limits-together"


Reason = (
    NoCourse
    | Excluded
    | OnlineNotAllowed
    | TooFar
    | NoSession
    | MissingPrerequisites
    | OverLimit
    | LimitsTogether
)


@dataclass(frozen=True)
class Blocker:
    """Why a target requirement cannot be met; ``skill`` is None for the target as a whole
    (when only the caps, together, rule every path out)."""

    skill: str | None
    need: int | None
    reasons: tuple[Reason, ...]
    needed_by: tuple[str, ...] = ()
    """For a prerequisite (not a target requirement) that no usable course can meet: the usable
    courses that would teach a blocked requirement but need it. Empty for target requirements."""


@dataclass(frozen=True)
class Relaxation:
    """One change to the profile that alone opens a path, the smallest of its kind.

    ``radius``: whole km; ``budget``: euros; ``hours``, ``weeks``: the cap needed; ``online``: True.
    """

    kind: Literal["radius", "budget", "hours", "weeks", "online"]
    value: float | bool


@dataclass(frozen=True)
class PlanResult:
    target: str
    objective: str
    status: Status
    start: Levels
    """Skill levels the plan starts from (held jobs' requirements and self-assessed skills)."""
    gaps: tuple[Gap, ...]
    paths: tuple[Path, ...] = ()
    """Best first; the first is optimal."""
    blockers: tuple[Blocker, ...] = ()
    relaxations: tuple[Relaxation, ...] = ()
    proven: bool = True
    """False when the time limit stopped the search: the one path is valid, free of unneeded
    courses and within the caps, but not proven the shortest (and no alternatives are given)."""
    home: ResolvedHome | None = None
    """Where the plan starts from on the map: what was typed and where it was placed."""
    first_day: date | None = None
    """The first day the person can begin (the profile's ``start``, else today)."""

    @property
    def best(self) -> Path | None:
        return self.paths[0] if self.paths else None


@dataclass(frozen=True)
class ExploreItem:
    job: str
    status: Status
    total_hours: float
    total_weeks: float
    total_cost_eur: float
    total_pays_eur: float
    courses: int
    openings_nearby: int
    path: tuple[str, ...] = ()
    """The optimal path's course ids, in order."""
    proven: bool = True
    """False when the time limit stopped this job's search (see :attr:`PlanResult.proven`)."""
    finish: date | None = None
    """When the optimal path's last course ends (see :attr:`Path.finish`)."""


@dataclass(frozen=True)
class ExploreResult:
    objective: str
    sectors: tuple[str, ...]
    """The sectors explored; empty when exploring jobs whose outlook is growing."""
    results: tuple[ExploreItem, ...]
    """Best first by the objective (then fewer courses, fewer hours, job id)."""
    unreachable: tuple[str, ...]
    unexplored: tuple[str, ...] = ()
    """Jobs left out because the time limit ran out before their search ended."""
