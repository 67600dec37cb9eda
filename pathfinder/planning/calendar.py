"""When each course of a path runs: the earliest schedule of a set of courses on the calendar.

**Rules** (docs/catalog-format.md, "Sessions"). Days are calendar days. The person takes one
course at a time: the first starts on or after their first day, each next one strictly after the
previous one's last day, and each after the courses it depends on. A course with sessions runs in
one of its usable sessions (:class:`~pathfinder.planning.context.Usage`); a course without runs
on demand: it starts the day it can and lasts its days.

**Greedy for one order.** For a fixed order, taking at each step the run that *ends* first among
those that start after the previous course's end gives every step its earliest end: by induction,
an earlier previous end leaves every later run available. So the earliest finish of a course set
is a least end over its valid orders; the skill levels after a subset do not depend on its order,
so a dynamic program over the subsets finds it (:func:`earliest_schedule`).

Days are handled as ordinals (:meth:`datetime.date.toordinal`) in the loops, dates in results.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Session
from .context import Usage

MAX_EXACT_COURSES = 14
"""A path of more courses is scheduled in the better of two given orders, not over all its orders
(the dynamic program visits 2**n subsets: 16,384 at this size, a few milliseconds)."""


@dataclass(frozen=True)
class Slot:
    """One course's place on the calendar: its first and last day, and its session (None when
    the course runs on demand)."""

    start: date
    end: date
    session: Session | None = None


class Runs:
    """When one course can run for one person: its usable sessions, or on demand."""

    __slots__ = ("best", "days", "sessions", "starts")

    def __init__(self, usage: Usage) -> None:
        self.sessions = tuple(sorted(usage.sessions, key=lambda s: (s.start, s.end)))
        self.days = usage.days
        self.starts = [s.start.toordinal() for s in self.sessions]
        # best[i]: the session ending first among sessions[i:] (the earliest start on a tie)
        best: list[int] = [0] * len(self.sessions)
        for i in range(len(self.sessions) - 1, -1, -1):
            later = best[i + 1] if i + 1 < len(self.sessions) else None
            best[i] = (
                i if later is None or self.sessions[i].end <= self.sessions[later].end else later
            )
        self.best = best

    @property
    def on_demand(self) -> bool:
        return not self.sessions

    def end_after(self, day: int) -> int | None:
        """The earliest last day (an ordinal) of a run starting strictly after ``day``; None
        when no session does."""
        if not self.sessions:
            return day + self.days
        i = bisect_right(self.starts, day)
        if i == len(self.sessions):
            return None
        return self.sessions[self.best[i]].end.toordinal()

    def slot_after(self, day: int) -> Slot | None:
        """The run :meth:`end_after` picks, as a :class:`Slot`."""
        if not self.sessions:
            first = date.fromordinal(day + 1)
            return Slot(first, date.fromordinal(day + self.days))
        i = bisect_right(self.starts, day)
        if i == len(self.sessions):
            return None
        session = self.sessions[self.best[i]]
        return Slot(session.start, session.end, session)


def takeable(req: int, groups: Sequence[int], have: int) -> bool:
    """Whether a course with these compiled requirements can be taken with thresholds ``have``."""
    return req & ~have == 0 and all(group & have for group in groups)


def earliest_schedule(
    courses: Sequence[tuple[int, int, tuple[int, ...], Runs]],
    first_day: date,
    order_hint: Sequence[int] | None = None,
) -> tuple[list[int], list[Slot]] | None:
    """The earliest schedule of a set of courses, each given as ``(grant, req, any, runs)`` in
    compiled masks (:class:`~pathfinder.planning.problem.PCourse`): the order (positions in
    ``courses``) and each one's slot, the last ending as early as possible; None when no order
    fits the calendar.

    Among orders that end on the same day, the one closest to ``order_hint`` (a valid order,
    e.g. prerequisites first) is kept: the schedule is walked back from its last course, taking
    each time the latest course of the hint that can end there. Sets of more than
    :data:`MAX_EXACT_COURSES` courses are scheduled in the hint's order or in the order given,
    whichever ends first (the finish search gives its own order, which fits the calendar).
    """
    n = len(courses)
    hint = list(order_hint) if order_hint is not None else list(range(n))
    rank = {position: r for r, position in enumerate(hint)}
    before = first_day.toordinal() - 1
    if n > MAX_EXACT_COURSES:
        found = [
            s for s in (_in_order(courses, hint, before), _in_order(courses, range(n), before)) if s
        ]
        return min(found, key=lambda s: s[1][-1].end) if found else None
    full = (1 << n) - 1
    have_of = [0] * (1 << n)
    end_of: list[int | None] = [None] * (1 << n)
    end_of[0] = before
    for subset in range(1 << n):  # every subset comes after the ones it extends
        end = end_of[subset]
        if end is None:
            continue
        have = have_of[subset]
        for i in range(n):
            bit = 1 << i
            if subset & bit:
                continue
            grant, req, groups, runs = courses[i]
            if not takeable(req, groups, have):
                continue
            finish = runs.end_after(end)
            if finish is None:
                continue
            grown = subset | bit
            have_of[grown] = have | grant
            known = end_of[grown]
            if known is None or finish < known:
                end_of[grown] = finish
    if end_of[full] is None:
        return None
    # Walk back: the last course is the latest of the hint whose removal leaves a subset that
    # can be followed by it, ending on the best day.
    order: list[int] = []
    subset = full
    while subset:
        for i in sorted((i for i in range(n) if subset & (1 << i)), key=rank.__getitem__)[::-1]:
            rest = subset & ~(1 << i)
            prior = end_of[rest]
            if prior is None:
                continue
            grant, req, groups, runs = courses[i]
            if takeable(req, groups, have_of[rest]) and runs.end_after(prior) == end_of[subset]:
                order.append(i)
                subset = rest
                break
        else:  # pragma: no cover - some course always ends the best schedule
            raise AssertionError("no course ends the schedule")
    order.reverse()
    return order, _slots(courses, order, before)


def _slots(
    courses: Sequence[tuple[int, int, tuple[int, ...], Runs]], order: Sequence[int], before: int
) -> list[Slot]:
    slots = []
    end = before
    for i in order:
        slot = courses[i][3].slot_after(end)
        assert slot is not None
        slots.append(slot)
        end = slot.end.toordinal()
    return slots


def _in_order(
    courses: Sequence[tuple[int, int, tuple[int, ...], Runs]], order: Sequence[int], before: int
) -> tuple[list[int], list[Slot]] | None:
    end = before
    for i in order:
        finish = courses[i][3].end_after(end)
        if finish is None:
            return None
        end = finish
    return list(order), _slots(courses, order, before)
