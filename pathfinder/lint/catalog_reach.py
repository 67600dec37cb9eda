"""What the catalog's jobs and courses can ever lead to: the level fixpoint from what jobs hold.

**Start.** A profile built from the catalog is a set of jobs held (each job's ``requires`` count as
held skills). Taking courses only raises levels, so whatever some set of jobs can reach, the set of
*all* jobs can reach too. The start is therefore the union of every job's requirements (the highest
level per skill), and a course is *reachable* when it can be taken from there after some sequence
of courses. That is exact for profiles made of the catalog's jobs: a course reported unreachable
cannot be taken by anyone the catalog describes, and a course that any such profile can take is
never reported.

**Cost.** The fixpoint is :func:`pathfinder.levels.reach`, a worklist linear in the size of the
catalog.

**Backwards.** :func:`on_the_way` goes the other way, from what some jobs require to the courses
that could provide it, and on to what those courses require: the courses that may lie on a path
to the jobs (PF214 checks that each level they need is provided by something).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..levels import Requirement, highest, meets, raise_to, requirements, unmet
from ..levels import reach as reach_from
from ..model import Catalog, Course, Job


@dataclass(frozen=True)
class Reach:
    start: Mapping[str, int]
    """Skill -> the highest level any job requires (what the catalog's profiles can hold)."""
    levels: Mapping[str, int]
    """Skill -> the highest level reachable from ``start`` with courses."""
    takeable: frozenset[str]
    """Ids of the courses that can be taken."""
    granted: Mapping[str, int]
    """Skill -> the highest level that a takeable course grants."""

    def unmet(self, course: Course) -> list[Requirement]:
        """The requirements of ``course`` that the reachable levels do not meet."""
        return unmet(self.levels, course.requires, course.requires_any)


def reach(catalog: Catalog) -> Reach:
    """The fixpoint from the union of the jobs' requirements (see the module's docstring)."""
    start = highest(job.requires for job in catalog.jobs.values())
    reached = reach_from(catalog.courses.values(), start)
    return Reach(start, reached.levels, reached.taken, reached.granted)


def format_requirement(requirement: Requirement) -> str:
    """``'welding' ≥ 2``, or ``('welding' ≥ 2 | 'brazing' ≥ 1)`` for a group: language-neutral."""
    parts = [f"'{skill}' ≥ {level}" for skill, level in requirement]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def demands(course: Course) -> dict[str, int]:
    """What a course's prerequisites certainly demand: ``requires`` and one-skill groups."""
    demanded = dict(course.requires)
    for group in course.requires_any:
        if len(group) == 1:
            raise_to(demanded, group)
    return demanded


def on_the_way(catalog: Catalog, targets: Iterable[Job]) -> list[Course]:
    """The courses that may lie on a path to ``targets``, in catalog order.

    A course is on the way when it grants, at its level or more, an option of a requirement of a
    target job or of a course on the way (a ``requires`` entry, or any option of a
    ``requires_any`` group). What a person already holds is not considered: a course is on the
    way for whoever lacks what it grants. A worklist over requirements, each course entered once.
    """
    pending: list[Requirement] = [
        requirement for job in targets for requirement in requirements(job.requires)
    ]
    chosen: set[str] = set()
    granting = catalog.courses_granting
    while pending:
        for skill, level in pending.pop():
            for course in granting.get(skill, ()):
                if course.id in chosen or not meets(course.grants, {skill: level}):
                    continue
                chosen.add(course.id)
                pending.extend(requirements(course.requires, course.requires_any))
    return [course for course in catalog.courses.values() if course.id in chosen]
