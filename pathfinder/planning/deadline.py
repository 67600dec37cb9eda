"""The clock every long phase of a query checks: compiling the problem, landmarks, the search,
alternatives, explanations, and each job of ``explore``.

A :class:`Deadline` is created once per query (``time_limit`` seconds from the start of the
search) and passed down; a phase that passes it raises :class:`TimeUp`, which the search turns
into :class:`~pathfinder.planning.search.OutOfTime` (with its best path so far) and the callers
into their documented answers (a path not proven shortest, "no path found within the time limit",
jobs not explored).
"""

from __future__ import annotations

import time


class TimeUp(Exception):
    """The deadline passed during a phase of a query.

    Internal control flow, never shown to a user as such: the planner turns it into a partial
    result or a :class:`~pathfinder.errors.TimeLimitError`."""

    def __init__(self) -> None:
        super().__init__("out of time")


class Deadline:
    """A point in :func:`time.monotonic` time; ``None`` means no limit (checks never raise)."""

    __slots__ = ("at", "limit")

    def __init__(self, at: float | None, limit: float | None = None) -> None:
        self.at = at
        self.limit = limit
        """The time limit it was made from (seconds), when known: sizes the grace period."""

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        """``seconds`` from now (None: no limit)."""
        return cls(None if seconds is None else time.monotonic() + seconds, seconds)

    @classmethod
    def of(cls, deadline: Deadline | float | None) -> Deadline:
        """A Deadline from either a Deadline or a bare monotonic time (or None)."""
        return deadline if isinstance(deadline, Deadline) else cls(deadline)

    @property
    def bounded(self) -> bool:
        return self.at is not None

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() > self.at

    def check(self) -> None:
        """Raise :class:`TimeUp` when the deadline has passed."""
        if self.at is not None and time.monotonic() > self.at:
            raise TimeUp

    def left(self) -> float | None:
        """Seconds left (never negative); None without a limit."""
        return None if self.at is None else max(0.0, self.at - time.monotonic())

    def share(self, parts: int) -> Deadline:
        """An earlier deadline: an equal share of the time left among ``parts`` tasks."""
        if self.at is None:
            return self
        now = time.monotonic()
        return Deadline(now + max(0.0, self.at - now) / max(1, parts), self.limit)

    def grace(self) -> Deadline:
        """A short extension of this deadline for the work that turns a stopped query into an
        answer (compiling the problem, a quick path after the search stopped): 5 % of the limit
        plus 0.2 s, at most 0.5 s. The same absolute time however often it is asked for, so
        the phases using it overrun the limit by that much at most in all."""
        if self.at is None:
            return self
        return Deadline(self.at + min(0.5, 0.2 + 0.05 * (self.limit or 0.0)), self.limit)


NO_DEADLINE = Deadline(None)
