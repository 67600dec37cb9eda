"""One query compiled for the search: relevant courses, states as bit sets, integer weights.

**States.** Levels only go up and taking a course sets each granted skill to at least its level
(the arithmetic of :mod:`pathfinder.levels`, compiled here to bits), so what matters about a
person's levels is, for each requirement ``skill >= L`` that anything relevant asks for, whether it
is met. Each such *threshold* not already met at the start gets one bit; a state is the int of met
thresholds (the start is 0). A course's grants become a mask of the thresholds it meets, its
``requires`` a mask that must be included in the state, each ``requires_any`` group a mask that
must intersect it. Two level vectors with the same bits allow exactly the same courses and meet the
target equally, so the search over bit sets is exact.

**Relevance.** Backward from the target: a threshold is needed when the target or a relevant
course asks for it; a usable course is relevant when it grants a needed threshold. Then forward:
courses that cannot be taken even after every other relevant course are dropped, and the backward
pass is redone on the rest. Every course of an irredundant path survives: each one meets some
requirement of a later course of the path or of the target (else removing it would leave a valid
path), so it is reached from the target backward, and it can be taken, so it is reached forward.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction

from ..levels import open_groups, reach, short_of
from ..model import Course
from ..objectives import OBJECTIVES
from .bitsets import members_once
from .context import Context, Usage
from .deadline import NO_DEADLINE, Deadline
from .numbers import common_scale

QUANTITIES: tuple[str, ...] = ("hours", "weeks", "pays")
"""The capped quantities (``--max-hours``, ``--max-weeks``, ``--budget``: what the person pays)."""


class PCourse:
    """A relevant course in the compiled problem."""

    __slots__ = ("course", "usage", "rank", "grant", "req", "any", "hours", "weeks", "pays")

    def __init__(self, usage: Usage, rank: int, hours: Fraction, weeks: Fraction) -> None:
        self.course: Course = usage.course
        self.usage = usage
        self.rank = rank
        self.grant = 0
        self.req = 0
        self.any: tuple[int, ...] = ()
        self.hours = hours
        self.weeks = weeks
        self.pays = usage.pays


class Problem:
    """A target, from a context's start levels, over the context's usable courses."""

    def __init__(
        self, context: Context, target: Mapping[str, int], deadline: Deadline | None = None
    ) -> None:
        """Compiles in five steps: the needed thresholds and relevant courses (backward), their
        bits and masks, what can be taken at all (forward), the courses that still serve the
        target (backward again), the integer weights. Raises
        :class:`~pathfinder.planning.deadline.TimeUp` past ``deadline``."""
        check = (deadline or NO_DEADLINE).check
        self.context = context
        self.target_levels = dict(target)
        start = context.start
        thresholds, relevant = _relevant(context, target, check)
        self.bits: list[tuple[str, int]] = sorted(
            (s, lv) for s, levels in thresholds.items() for lv in levels
        )
        """The needed thresholds ``(skill, level)``, in order: bit ``i`` is ``bits[i]``."""
        self.bit_of: dict[tuple[str, int], int] = {key: 1 << i for i, key in enumerate(self.bits)}
        self.target = _compile(relevant.values(), self.bit_of, start, target)
        """The target's thresholds, as a mask."""
        check()
        takeable, self.reach = _takeable(relevant.values(), start, check)
        """Every threshold some sequence of usable courses can meet."""
        self.relevant = relevant
        """Every usable course that grants a needed threshold (reachable or not)."""
        self.reachable = self.target & self.reach == self.target
        courses = _serving(takeable, self.target, check)
        self.courses: tuple[PCourse, ...] = tuple(courses)
        """The courses the search uses, in id order."""

        # -- integer weights -------------------------------------------------------------------------
        self.scale: dict[str, int] = {}
        """Per weight: what its exact amounts are multiplied by to make them whole numbers."""
        self.weights: dict[str, list[int]] = {}
        """Per course, in ``scale`` units: each objective and each capped quantity, by name."""
        amounts: dict[str, list[Fraction]] = {
            spec.name: [spec.contribution(pc) for pc in courses]
            for spec in OBJECTIVES
            if spec.contribution is not None
        }
        for name in QUANTITIES:
            if name not in amounts:  # hours and weeks are objectives too
                amounts[name] = [getattr(pc, name) for pc in courses]
        for name, values in amounts.items():
            scale = self.scale[name] = common_scale(values)
            # value * scale without Fraction arithmetic (the hot spot on large problems)
            self.weights[name] = [v.numerator * (scale // v.denominator) for v in values]

    def reached(self, skill: str, level: int) -> bool:
        """Whether some sequence of usable courses (or the start) meets ``skill >= level``."""
        if self.context.start.get(skill, 0) >= level:
            return True
        bit = self.bit_of.get((skill, level))
        return bit is not None and bool(self.reach & bit)

    def totals(self, order: tuple[int, ...]) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """Exact ``(hours, weeks, price, pays)`` of the courses at these positions."""
        hours = weeks = price = pays = Fraction(0)
        for i in order:
            pc = self.courses[i]
            hours += pc.hours
            weeks += pc.weeks
            price += self.context.index.exact_values(pc.course)[2]
            pays += pc.pays
        return hours, weeks, price, pays


def _relevant(
    context: Context, target: Mapping[str, int], check: Callable[[], None]
) -> tuple[dict[str, set[int]], dict[str, PCourse]]:
    """Backward from the target: the thresholds needed (those the target or a relevant course asks
    for that the start does not meet, per skill) and the relevant courses (usable, granting a
    needed threshold), a worklist of needed thresholds."""
    start = context.start
    index = context.index
    granting = context.catalog.courses_granting
    thresholds: dict[str, set[int]] = {}
    queue: list[tuple[str, int]] = []

    def need(levels: Mapping[str, int]) -> None:
        for skill, level in short_of(start, levels):
            known = thresholds.setdefault(skill, set())
            if level not in known:
                known.add(level)
                queue.append((skill, level))

    need(target)
    relevant: dict[str, PCourse] = {}
    while queue:
        check()
        skill, level = queue.pop()
        for course in granting.get(skill, ()):
            if course.grants[skill] < level or course.id in relevant:
                continue
            usage = context.usage(course)
            if usage is None:
                continue
            hours, weeks, _ = index.exact_values(course)
            relevant[course.id] = PCourse(usage, index.rank[course.id], hours, weeks)
            need(course.requires)
            for group in open_groups(start, course.requires_any):
                need(group)
    return thresholds, relevant


def _compile(
    relevant: Iterable[PCourse],
    bit_of: Mapping[tuple[str, int], int],
    start: Mapping[str, int],
    target: Mapping[str, int],
) -> int:
    """Sets each relevant course's masks (grants, ``requires``, the ``requires_any`` groups the
    start does not meet) from the bits of the needed thresholds; returns the target's mask."""
    by_skill: dict[str, list[tuple[int, int]]] = {}
    for (skill, level), bit in bit_of.items():
        by_skill.setdefault(skill, []).append((level, bit))

    def mask(levels: Mapping[str, int]) -> int:
        m = 0
        for key in short_of(start, levels):
            m |= bit_of[key]
        return m

    for pc in relevant:
        course = pc.course
        grant = 0
        for skill, level in course.grants.items():
            for threshold, bit in by_skill.get(skill, ()):
                if threshold <= level:
                    grant |= bit
        pc.grant = grant
        pc.req = mask(course.requires)
        pc.any = tuple(mask(group) for group in open_groups(start, course.requires_any))
    return mask(target)


def _takeable(
    relevant: Iterable[PCourse], start: Mapping[str, int], check: Callable[[], None]
) -> tuple[list[PCourse], int]:
    """Forward: the relevant courses that can be taken after some sequence of the others, in id
    order, and the thresholds they meet (as a mask), by the level fixpoint
    :func:`pathfinder.levels.reach` (linear, even for a long chain)."""
    ranked = sorted(relevant, key=lambda pc: pc.rank)
    taken = reach([pc.course for pc in ranked], start, check).taken
    takeable = [pc for pc in ranked if pc.course.id in taken]
    met = 0
    for pc in takeable:
        met |= pc.grant
    return takeable, met


def _serving(takeable: Sequence[PCourse], target: int, check: Callable[[], None]) -> list[PCourse]:
    """Backward again, over the takeable courses: the ones that meet a threshold the target or
    another kept course asks for (a worklist of needed thresholds), in id order, their grants
    narrowed to the thresholds needed."""
    granting_bit: dict[int, list[int]] = {}
    for i, pc in enumerate(takeable):
        for b in members_once(pc.grant):
            granting_bit.setdefault(b, []).append(i)
    needed = target
    kept: set[int] = set()
    todo = members_once(needed)
    while todo:
        check()
        b = todo.pop()
        for i in granting_bit.get(b, ()):
            if i in kept:
                continue
            kept.add(i)
            pc = takeable[i]
            extra = pc.req
            for a in pc.any:
                extra |= a
            fresh = extra & ~needed
            if fresh:
                needed |= fresh
                todo.extend(members_once(fresh))
    courses = sorted((takeable[i] for i in kept), key=lambda pc: pc.rank)
    for pc in courses:
        pc.grant &= needed
    return courses
