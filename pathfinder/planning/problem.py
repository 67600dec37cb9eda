"""One query compiled for the search: relevant courses, states as bit sets, integer weights.

**States.** Levels only go up and taking a course sets each granted skill to at least its level,
so what matters about a person's levels is, for each requirement ``skill >= L`` that anything
relevant asks for, whether it is met. Each such *threshold* not already met at the start gets one
bit; a state is the int of met thresholds (the start is 0). A course's grants become a mask of the
thresholds it meets, its ``requires`` a mask that must be included in the state, each
``requires_any`` group a mask that must intersect it. Two level vectors with the same bits allow
exactly the same courses and meet the target equally, so the search over bit sets is exact.

**Relevance.** Backward from the target: a threshold is needed when the target or a relevant
course asks for it; a usable course is relevant when it grants a needed threshold. Then forward:
courses that cannot be taken even after every other relevant course are dropped, and the backward
pass is redone on the rest. Every course of an irredundant path survives: each one meets some
requirement of a later course of the path or of the target (else removing it would leave a valid
path), so it is reached from the target backward, and it can be taken, so it is reached forward.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from ..model import Course
from .bitsets import members_once
from .deadline import NO_DEADLINE, Deadline
from .numbers import common_scale
from .usable import Context, Usage

QUANTITIES: tuple[str, ...] = ("hours", "weeks", "pays")


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

    def __init__(self, context: Context, target: Mapping[str, int], deadline: Deadline | None = None) -> None:
        """Raises :class:`~pathfinder.planning.deadline.TimeUp` past ``deadline``."""
        check = (deadline or NO_DEADLINE).check
        self.context = context
        self.target_levels = dict(target)
        start = context.start
        catalog = context.catalog
        index = context.index

        # -- backward: needed thresholds and relevant courses ----------------------------------
        thresholds: dict[str, set[int]] = {}
        queue: list[tuple[str, int]] = []

        def need(skill: str, level: int) -> None:
            if start.get(skill, 0) >= level:
                return
            levels = thresholds.setdefault(skill, set())
            if level not in levels:
                levels.add(level)
                queue.append((skill, level))

        for skill, level in target.items():
            need(skill, level)
        relevant: dict[str, PCourse] = {}
        granting = catalog.courses_granting
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
                for req_skill, req_level in course.requires.items():
                    need(req_skill, req_level)
                for group in course.requires_any:
                    if any(start.get(s, 0) >= lv for s, lv in group.items()):
                        continue
                    for req_skill, req_level in group.items():
                        need(req_skill, req_level)

        # -- bits ---------------------------------------------------------------------------------
        self.bits: list[tuple[str, int]] = sorted((s, lv) for s, levels in thresholds.items() for lv in levels)
        self.bit_of: dict[tuple[str, int], int] = {key: 1 << i for i, key in enumerate(self.bits)}
        bit_of = self.bit_of
        by_skill: dict[str, list[tuple[int, int]]] = {}
        for (skill, level), bit in bit_of.items():
            by_skill.setdefault(skill, []).append((level, bit))

        def mask(levels: Mapping[str, int]) -> int:
            m = 0
            for skill, level in levels.items():
                if start.get(skill, 0) < level:
                    m |= bit_of[(skill, level)]
            return m

        for pc in relevant.values():
            course = pc.course
            grant = 0
            for skill, level in course.grants.items():
                for threshold, bit in by_skill.get(skill, ()):
                    if threshold <= level:
                        grant |= bit
            pc.grant = grant
            pc.req = mask(course.requires)
            pc.any = tuple(
                mask(group) for group in course.requires_any if not any(start.get(s, 0) >= lv for s, lv in group.items())
            )
        self.target = mask(target)

        # -- forward: what can be reached at all (event driven: each course is looked at when a
        # threshold it asks for is first met, so a long chain costs linear time) -----------------
        check()
        pcs = sorted(relevant.values(), key=lambda pc: pc.rank)
        # bit -> (course, -1 for a required threshold or the index of an any-of group)
        watching: dict[int, list[tuple[int, int]]] = {}
        waiting: list[int] = []  # per course: conditions (required thresholds, any-of groups) unmet
        ready: list[int] = []
        for i, pc in enumerate(pcs):
            required = members_once(pc.req)
            waiting.append(len(required) + len(pc.any))
            for b in required:
                watching.setdefault(b, []).append((i, -1))
            for g, options in enumerate(pc.any):
                for b in members_once(options):
                    watching.setdefault(b, []).append((i, g))
            if not waiting[i]:
                ready.append(i)
        group_met: set[tuple[int, int]] = set()  # an any-of group counts once, by its first option
        reach = 0
        takeable_at: list[int] = []
        while ready:
            check()
            i = ready.pop()
            takeable_at.append(i)
            new = pcs[i].grant & ~reach
            reach |= new
            for b in members_once(new):
                for j, g in watching.get(b, ()):
                    if g >= 0:
                        if (j, g) in group_met:
                            continue
                        group_met.add((j, g))
                    waiting[j] -= 1
                    if not waiting[j]:
                        ready.append(j)
        takeable = [pcs[i] for i in sorted(takeable_at)]
        self.reach = reach
        """Every threshold some sequence of usable courses can meet."""
        self.relevant = relevant
        """Every usable course that grants a needed threshold (reachable or not)."""
        self.reachable = self.target & reach == self.target

        # -- backward again, over the takeable courses (a worklist of needed thresholds) ------------
        granting_bit: dict[int, list[int]] = {}
        for i, pc in enumerate(takeable):
            for b in members_once(pc.grant):
                granting_bit.setdefault(b, []).append(i)
        needed = self.target
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
        self.courses: tuple[PCourse, ...] = tuple(courses)
        """The courses the search uses, in id order."""

        # -- integer weights -------------------------------------------------------------------------
        self.scale: dict[str, int] = {
            name: common_scale(getattr(pc, name) for pc in courses) for name in QUANTITIES
        }
        self.weights: dict[str, list[int]] = {
            name: [int(getattr(pc, name) * self.scale[name]) for pc in courses] for name in QUANTITIES
        }
        self.weights["courses"] = [1] * len(courses)

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
