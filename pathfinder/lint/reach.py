"""What the catalog's jobs and courses can ever lead to: one forward fixpoint, with a worklist.

**Start.** A profile built from the catalog is a set of jobs held (each job's ``requires`` count as
held skills). Taking courses only raises levels, so whatever some set of jobs can reach, the set of
*all* jobs can reach too. The start is therefore the union of every job's requirements (the highest
level per skill), and a course is *reachable* when it can be taken from there after some sequence
of courses. That is exact for profiles made of the catalog's jobs: a course reported unreachable
cannot be taken by anyone the catalog describes, and a course that any such profile can take is
never reported.

**Cost.** Each requirement (a ``requires`` entry, or a whole ``requires_any`` group) becomes a slot
waiting on its skills, sorted by level; when a skill's level rises, only the slots up to the new
level are visited, once each. Linear in the size of the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Catalog, Course

Requirement = tuple[tuple[str, int], ...]
"""A requirement: one ``(skill, level)`` for a ``requires`` entry, several for a ``requires_any``
group (any one of them meets it)."""


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
        return unmet(course, self.levels)


def requirements(course: Course) -> list[Requirement]:
    """Every requirement of a course: each ``requires`` entry, then each ``requires_any`` group."""
    found: list[Requirement] = [((skill, level),) for skill, level in course.requires.items()]
    found.extend(tuple(group.items()) for group in course.requires_any)
    return found


def unmet(course: Course, levels: Mapping[str, int]) -> list[Requirement]:
    return [
        requirement
        for requirement in requirements(course)
        if not any(levels.get(skill, 0) >= level for skill, level in requirement)
    ]


def job_union(catalog: Catalog) -> dict[str, int]:
    start: dict[str, int] = {}
    for job in catalog.jobs.values():
        for skill, level in job.requires.items():
            if level > start.get(skill, 0):
                start[skill] = level
    return start


def reach(catalog: Catalog) -> Reach:
    """The fixpoint from the union of the jobs' requirements (see the module's docstring)."""
    start = job_union(catalog)
    levels = dict(start)
    courses = list(catalog.courses.values())
    remaining = [0] * len(courses)
    waiting: dict[str, list[tuple[int, int, int]]] = {}  # skill -> [(level, course, slot)]
    slots = 0
    for index, course in enumerate(courses):
        for requirement in unmet(course, levels):
            for skill, level in requirement:
                waiting.setdefault(skill, []).append((level, index, slots))
            slots += 1
            remaining[index] += 1
    for queue_of_skill in waiting.values():
        queue_of_skill.sort()
    done = dict.fromkeys(waiting, 0)
    met = bytearray(slots)
    taken = bytearray(len(courses))
    queue = [index for index, count in enumerate(remaining) if count == 0]
    for index in queue:
        taken[index] = 1
    granted: dict[str, int] = {}
    while queue:
        course = courses[queue.pop()]
        for skill, level in course.grants.items():
            if level > granted.get(skill, 0):
                granted[skill] = level
            if level <= levels.get(skill, 0):
                continue
            levels[skill] = level
            pending = waiting.get(skill)
            if pending is None:
                continue
            position = done[skill]
            while position < len(pending) and pending[position][0] <= level:
                _, index, slot = pending[position]
                position += 1
                if met[slot]:
                    continue
                met[slot] = 1
                remaining[index] -= 1
                if remaining[index] == 0 and not taken[index]:
                    taken[index] = 1
                    queue.append(index)
            done[skill] = position
    takeable = frozenset(course.id for course, flag in zip(courses, taken, strict=True) if flag)
    return Reach(start, levels, takeable, granted)


def format_requirement(requirement: Requirement) -> str:
    """``'welding' ≥ 2``, or ``('welding' ≥ 2 | 'brazing' ≥ 1)`` for a group: language-neutral."""
    parts = [f"'{skill}' ≥ {level}" for skill, level in requirement]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def demands(course: Course) -> dict[str, int]:
    """What a course's prerequisites certainly demand: ``requires`` and one-skill groups."""
    demanded = dict(course.requires)
    for group in course.requires_any:
        if len(group) == 1:
            ((skill, level),) = group.items()
            if level > demanded.get(skill, 0):
                demanded[skill] = level
    return demanded
