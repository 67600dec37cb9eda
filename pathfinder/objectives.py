"""What a path can be shortest by: every objective, declared once.

An objective has a name (the ``--optimize`` value, ``"optimize"`` in JSON reports), the message
keys that say it in English and French (after "best by" in text and Markdown, in the HTML report,
as the explore column of its totals), and how one course contributes to a path's total: the
planner minimises the sum of the contributions, exactly (:mod:`pathfinder.planning.search`).
The command line builds its ``--optimize`` choices from :data:`OBJECTIVE_NAMES`, the planner its
weights from :attr:`ObjectiveSpec.contribution`, the reports their wording from the keys.

Adding an objective touches this registry plus its algorithm only: a spec in :data:`OBJECTIVES`,
its name in :data:`Objective`, its messages in both locales (tests check all three), and the
search when a sum of per-course contributions cannot express it — as for ``finish``, the date the
last course ends on the calendar (:mod:`pathfinder.planning.finish`).

This module imports nothing from the package at run time and no heavy module, so the command line
can build its choices while staying instant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from fractions import Fraction

    from .model import Course

Objective = Literal["hours", "cost", "weeks", "courses", "finish"]
"""The names of :data:`OBJECTIVES`, for type checkers (a test keeps the two the same)."""


class Taken(Protocol):
    """A course as one person would take it, in exact amounts (the planner's compiled course)."""

    @property
    def course(self) -> Course: ...

    @property
    def hours(self) -> Fraction: ...

    @property
    def weeks(self) -> Fraction: ...

    @property
    def pays(self) -> Fraction:
        """Out of pocket: nothing when one of the person's funding sources funds the course."""
        ...


@dataclass(frozen=True)
class ObjectiveSpec:
    """One objective: what it is called, how it is said, how a course counts."""

    name: Objective
    label_key: str
    """Message key naming it after "best by" (text and Markdown paths, the explore title)."""
    report_key: str
    """Message key naming it in the HTML report ("Shortest by …")."""
    unit_key: str
    """Message key of the explore column that shows its totals, with their unit."""
    contribution: Callable[[Taken], Fraction] | None
    """What one course adds to a path's total, exactly (a non-negative decimal); None when the
    objective is not a sum over courses (``finish``), and has a search of its own."""

    @property
    def additive(self) -> bool:
        return self.contribution is not None


def _hours(taken: Taken) -> Fraction:
    return taken.hours


def _pays(taken: Taken) -> Fraction:
    return taken.pays


def _weeks(taken: Taken) -> Fraction:
    return taken.weeks


def _one(taken: Taken) -> Fraction:
    global _ONE
    if _ONE is None:
        from fractions import Fraction  # here, not at the top: the command line imports this module

        _ONE = Fraction(1)
    return _ONE


_ONE: Fraction | None = None


OBJECTIVES: tuple[ObjectiveSpec, ...] = (
    ObjectiveSpec(
        "hours", "plan.objective.hours", "report.objective.hours", "explore.col.hours", _hours
    ),
    ObjectiveSpec(
        "cost", "plan.objective.cost", "report.objective.cost", "explore.col.pays", _pays
    ),
    ObjectiveSpec(
        "weeks", "plan.objective.weeks", "report.objective.weeks", "explore.col.weeks", _weeks
    ),
    ObjectiveSpec(
        "courses", "plan.objective.courses", "report.objective.courses", "explore.col.courses", _one
    ),
    ObjectiveSpec(
        "finish", "plan.objective.finish", "report.objective.finish", "explore.col.finish", None
    ),
)
"""Every objective, the default (``hours``) first, in the order ``--help`` lists them."""

OBJECTIVE_NAMES: tuple[str, ...] = tuple(spec.name for spec in OBJECTIVES)

ADDITIVE_NAMES: tuple[str, ...] = tuple(spec.name for spec in OBJECTIVES if spec.additive)
"""The objectives that add up over courses: what a basin plan (``pathfinder territory``) can
minimise, each person's cost being a number."""

_BY_NAME: dict[str, ObjectiveSpec] = {spec.name: spec for spec in OBJECTIVES}


def objective_spec(name: str) -> ObjectiveSpec:
    """The objective called ``name``; a PathfinderError (exit 2) naming the choices otherwise."""
    spec = _BY_NAME.get(name)
    if spec is None:
        from .errors import PathfinderError

        raise PathfinderError("plan.bad_objective", value=name, choices=", ".join(OBJECTIVE_NAMES))
    return spec
