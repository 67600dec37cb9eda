"""Putting a path's courses in order and saying what each one serves.

**Suppliers.** In a valid order, each requirement of a course (or of the target) that the start
levels do not meet is *supplied* by the first earlier course that meets it; for a ``requires_any``
group, by the first earlier course that meets one of its options. In an irredundant path every
course supplies something: if a course supplied nothing, removing it would leave every requirement
met by the same suppliers, a valid path.

**Order.** A depth-first walk from the target's requirements, visiting each course's suppliers
before the course, gives a valid order in which prerequisites come right before their first
dependant. Suppliers are then recomputed in that order: that is what each step *serves*.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from ..levels import unmet
from ..model import Course, Levels
from .results import Serves

Requirement = tuple[str, int]
# (consumer index or None for the target, requirement met)
Supply = tuple[int | None, Requirement]


def suppliers(
    order: Sequence[Course], target: Mapping[str, int], start: Levels
) -> list[list[tuple[int, Requirement]]]:
    """For each consumer (each course of ``order``, then the target last), the ``(supplier index,
    requirement)`` of each of its requirements that the start does not meet.

    Raises ValueError when ``order`` is not a valid path to the target.
    """
    result: list[list[tuple[int, Requirement]]] = []
    consumers: list[tuple[Mapping[str, int], Sequence[Levels]]] = [
        (c.requires, c.requires_any) for c in order
    ]
    consumers.append((target, ()))
    # per skill, the earlier courses that raised its best level so far: (level, position), with
    # levels increasing, so the first supplier of ``skill >= L`` is found by bisection
    records: dict[str, tuple[list[int], list[int]]] = {}
    for position, (requires, groups) in enumerate(consumers):
        supplied: list[tuple[int, Requirement]] = []
        for options in unmet(start, requires, groups):  # a requires entry, or a whole group
            found: tuple[int, Requirement] | None = None
            for skill, level in options:  # the earliest supplier; the first option on a tie
                record = records.get(skill)
                if record is None or record[0][-1] < level:
                    continue
                earlier = record[1][bisect_left(record[0], level)]
                if found is None or earlier < found[0]:
                    found = (earlier, (skill, level))
            if found is None:
                raise ValueError(
                    f"not a valid path: requirement {list(options)} unmet at position {position}"
                )
            supplied.append(found)
        result.append(supplied)
        if position < len(order):
            for skill, level in order[position].grants.items():
                levels, positions = records.setdefault(skill, ([], []))
                if not levels or levels[-1] < level:
                    levels.append(level)
                    positions.append(position)
    return result


def schedule(courses: Sequence[Course], target: Mapping[str, int], start: Levels) -> list[Course]:
    """The courses of a valid path (given in any valid order) in dependency-first order."""
    supply = suppliers(courses, target, start)
    ordered: list[Course] = []
    seen: set[int] = set()

    def visit(index: int) -> None:
        stack: list[tuple[int, bool]] = [(index, False)]
        while stack:
            current, expanded = stack.pop()
            if expanded:
                ordered.append(courses[current])
                continue
            if current in seen:
                continue
            seen.add(current)
            stack.append((current, True))
            for supplier, _ in reversed(supply[current]):
                if supplier not in seen:
                    stack.append((supplier, False))

    for supplier, _ in supply[len(courses)]:
        visit(supplier)
    for index in range(len(courses)):  # only a redundant course is left unvisited
        visit(index)
    return ordered


def serves(
    order: Sequence[Course], target: Mapping[str, int], start: Levels
) -> list[tuple[Serves, ...]]:
    """What each course of a valid ``order`` serves: target requirements it is the first to meet,
    and the later courses it is the first to meet a requirement of (one entry per later course)."""
    supply = suppliers(order, target, start)
    result: list[list[Serves]] = [[] for _ in order]
    seen_consumers: list[set[int]] = [set() for _ in order]
    target_index = len(order)
    for consumer, supplied in enumerate(supply):
        for supplier, requirement in supplied:
            if consumer == target_index:
                result[supplier].append(Serves("target", requirement))
            elif consumer not in seen_consumers[supplier]:
                seen_consumers[supplier].add(consumer)
                result[supplier].append(Serves("prerequisite", requirement, order[consumer].id))
    # target requirements first, then prerequisites in path order
    return [tuple(sorted(items, key=lambda s: 0 if s.kind == "target" else 1)) for items in result]
