"""Training seats: how many people a course can take at a site within the basin's horizon.

A course's capacity at a site is the sum of the ``seats`` of its sessions there (online sessions
for the course taken online) that start within the horizon. A session without ``seats``, or a
course without sessions (it runs on demand), has no limit.
"""

from __future__ import annotations

from ..model import Course
from .basin import Horizon


def seat_capacity(course: Course, site: str | None, horizon: Horizon) -> int | None:
    """Seats of ``course`` at ``site`` (None: online) in ``horizon``; None when unlimited."""
    if not course.sessions:
        return None
    total = 0
    for session in course.sessions:
        if session.start not in horizon:
            continue
        where = None if session.online else session.site
        if where != site:
            continue
        if session.seats is None:
            return None
        total += session.seats
    return total
