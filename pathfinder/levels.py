"""Skill levels: when they meet requirements, what grants do to them, what courses can reach.

This is the one home of the level arithmetic; the planner, the lint rules and ``explore`` all ask
it. Levels map a skill id to a level, and a skill that is absent is at level 0.

- A ``requires`` mapping is met when every skill is at least at its level (:func:`meets`).
- A ``requires_any`` group is met when *one* of its skills is at least at its level
  (:func:`meets_any`). A course can be taken when its ``requires`` and each of its groups are met
  (:func:`can_take`). A :data:`Requirement` is one condition: a ``requires`` entry (one option) or
  a whole group (several options).
- Taking a course raises each granted skill to at least the level granted, never lowers one
  (:func:`raise_to`).
- What a set of courses can reach from some levels, taking courses in any order for as long as
  one can be taken, is a fixpoint (:func:`reach`): levels only go up, so the order does not
  matter, and a worklist computes it in time linear in the size of the courses.

The planner's search works on a compiled twin of this arithmetic: the thresholds ``skill >= L``
that matter to one query become bits, a course's grants and requirements become masks, and
:mod:`pathfinder.planning.reachability` runs the same fixpoint over bit sets. The level form here
is the definition; the bit form is exact for the thresholds it compiles (see
:mod:`pathfinder.planning.problem`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .model import Course

Requirement = tuple[tuple[str, int], ...]
"""One condition on levels: a ``(skill, level)`` for a ``requires`` entry, several for a
``requires_any`` group (any one of them meets it)."""


def meets(
    levels: Mapping[str, int], requires: Mapping[str, int], groups: Iterable[Mapping[str, int]] = ()
) -> bool:
    """Whether ``levels`` meet every level of ``requires`` and at least one option of each group."""
    return all(levels.get(skill, 0) >= level for skill, level in requires.items()) and all(
        meets_any(levels, group) for group in groups
    )


def meets_any(levels: Mapping[str, int], group: Mapping[str, int]) -> bool:
    """Whether ``levels`` meet at least one option of a ``requires_any`` group."""
    return any(levels.get(skill, 0) >= level for skill, level in group.items())


def can_take(course: Course, levels: Mapping[str, int]) -> bool:
    """Whether a person at ``levels`` can take ``course`` (its ``requires`` and ``requires_any``)."""
    return meets(levels, course.requires, course.requires_any)


def short_of(levels: Mapping[str, int], requires: Mapping[str, int]) -> list[tuple[str, int]]:
    """The ``(skill, level)`` entries of ``requires`` that ``levels`` do not meet, in order."""
    return [(skill, level) for skill, level in requires.items() if levels.get(skill, 0) < level]


def open_groups(
    levels: Mapping[str, int], groups: Iterable[Mapping[str, int]]
) -> list[Mapping[str, int]]:
    """The groups none of whose options ``levels`` meet, in order."""
    return [group for group in groups if not meets_any(levels, group)]


def requirements(
    requires: Mapping[str, int], groups: Iterable[Mapping[str, int]] = ()
) -> list[Requirement]:
    """Every condition: each ``requires`` entry, then each group."""
    found: list[Requirement] = [((skill, level),) for skill, level in requires.items()]
    found.extend(tuple(group.items()) for group in groups)
    return found


def unmet(
    levels: Mapping[str, int], requires: Mapping[str, int], groups: Iterable[Mapping[str, int]] = ()
) -> list[Requirement]:
    """The conditions (as in :func:`requirements`) that ``levels`` do not meet, in order."""
    found: list[Requirement] = [(entry,) for entry in short_of(levels, requires)]
    found.extend(tuple(group.items()) for group in open_groups(levels, groups))
    return found


def raise_to(levels: dict[str, int], grants: Mapping[str, int]) -> list[str]:
    """Raise ``levels`` in place to at least each level of ``grants``; the skills that went up."""
    raised = []
    for skill, level in grants.items():
        if level > levels.get(skill, 0):
            levels[skill] = level
            raised.append(skill)
    return raised


def highest(many: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """The highest level of each skill over several level mappings (a union of holdings)."""
    levels: dict[str, int] = {}
    for one in many:
        raise_to(levels, one)
    return levels


@dataclass(frozen=True)
class Reached:
    """The fixpoint of :func:`reach`."""

    levels: Mapping[str, int]
    """Skill -> the highest level reachable: the start, raised by every course that can be taken."""
    taken: frozenset[str]
    """Ids of the courses that can be taken after some sequence of the others."""
    granted: Mapping[str, int]
    """Skill -> the highest level a course that can be taken grants (whatever the start)."""


def reach(
    courses: Iterable[Course], start: Mapping[str, int], check: Callable[[], None] | None = None
) -> Reached:
    """What taking ``courses``, in any order, for as long as one can be taken, reaches from ``start``.

    A worklist: each condition a course does not meet at the start (a ``requires`` entry, or a
    whole group) is a slot waiting on its skills, sorted by level; when a skill goes up, only the
    slots up to its new level are visited, once each, and a course is taken when its last slot is
    met. Linear in the size of the courses (up to the sort), even for a long chain listed
    backwards. ``check`` is called before each course is taken (a deadline's ``check`` stops the
    computation by raising)."""
    levels = dict(start)
    listed = list(courses)
    remaining = [0] * len(listed)
    waiting: dict[str, list[tuple[int, int, int]]] = {}  # skill -> [(level, course, slot)]
    slots = 0
    for index, course in enumerate(listed):
        for requirement in unmet(levels, course.requires, course.requires_any):
            for skill, level in requirement:
                waiting.setdefault(skill, []).append((level, index, slots))
            slots += 1
            remaining[index] += 1
    for of_skill in waiting.values():
        of_skill.sort()
    done = dict.fromkeys(waiting, 0)
    met = bytearray(slots)
    taken = bytearray(len(listed))
    queue = [index for index, count in enumerate(remaining) if count == 0]
    for index in queue:
        taken[index] = 1
    granted: dict[str, int] = {}
    while queue:
        if check is not None:
            check()
        grants = listed[queue.pop()].grants
        raise_to(granted, grants)
        for skill in raise_to(levels, grants):
            pending = waiting.get(skill)
            if pending is None:
                continue
            level = levels[skill]
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
    return Reached(
        levels,
        frozenset(course.id for course, flag in zip(listed, taken, strict=True) if flag),
        granted,
    )
