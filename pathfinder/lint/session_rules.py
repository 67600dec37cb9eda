"""PF211–PF213: course sessions seen from a given day (``pathfinder lint --today``).

They run on a catalog that loaded without errors, and are the lint's only rules that depend on
the date: :func:`check` takes it, and the lint's cache keys on it (:mod:`.linter`). The calendar
rules are those of ``docs/catalog-format.md`` ("Sessions"): days are calendar days and a session
occupies ``start``..``end``, both included (the model has already filled in a missing ``end``).

- PF211: a session that ended before today (its last day is before today), at the session.
- PF212: a course that has sessions, every one of which ended before today: no one can take it.
  Reported once, at the course's ``sessions`` key, *instead of* a PF211 per session, so that an
  old course reads as one finding, not as a page of them.
- PF213 (info): two sessions of one course at the same site whose days overlap (two groups at
  once is possible, a copied line more likely). Each pair once, at the session written second.
  Sessions that ended are left out: PF211 or PF212 already says what to do with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..diagnostics import Diagnostic
from ..model import Catalog, Course, Session
from ..rules import diagnostic
from .locate import Locator, Span


def check(catalog: Catalog, locator: Locator, today: date) -> list[Diagnostic]:
    """Every PF211–PF213 finding of a catalog loaded without errors, seen on ``today``."""
    found: list[Diagnostic] = []
    for course in catalog.courses.values():
        if not course.sessions:
            continue
        found.extend(past_sessions(course, locator, today))
        found.extend(overlapping_sessions(course, locator, today))
    return found


def ended(session: Session, today: date) -> bool:
    """Whether the session's last day is before ``today``."""
    return session.end < today


def _at(session: Session, course: Course, locator: Locator) -> Span:
    """Where ``session`` is written; where its course's sessions are, if the model does not say."""
    where = session.location
    if where is None:  # pragma: no cover - loaded sessions always have a location
        return locator.at("courses", course, "sessions")
    return Span(where.path, where.line, where.column, where.line, where.column)


def _written_order(course: Course) -> list[Session]:
    """The course's sessions in the order they are written (the model sorts them by date)."""
    return sorted(
        course.sessions,
        key=lambda s: (s.location.line, s.location.column) if s.location else (0, 0),
    )


def past_sessions(course: Course, locator: Locator, today: date) -> Iterator[Diagnostic]:
    """PF212 when every session of the course ended before ``today``; else PF211 for each that did."""
    past = [s for s in _written_order(course) if ended(s, today)]
    if not past:
        return
    if len(past) == len(course.sessions):
        where = locator.at("courses", course, "sessions", on_key=True)
        last = max(s.end for s in course.sessions)
        yield diagnostic(
            "PF212",
            "lint.no_upcoming_session",
            *where,
            id=course.id,
            today=today.isoformat(),
            last=last.isoformat(),
        )
        return
    for session in past:
        yield diagnostic(
            "PF211",
            "lint.past_session",
            *_at(session, course, locator),
            id=course.id,
            start=session.start.isoformat(),
            end=session.end.isoformat(),
            today=today.isoformat(),
        )


def overlapping_sessions(course: Course, locator: Locator, today: date) -> Iterator[Diagnostic]:
    """PF213: each pair of sessions at the same site sharing a day, at the one written second;
    sessions that ended before ``today`` are left out. A sweep by start date compares a session
    only with those still running on its first day: linear but for the pairs found."""
    written = {id(session): rank for rank, session in enumerate(_written_order(course))}
    by_site: dict[str, list[Session]] = {}
    for session in course.sessions:  # by start date
        if session.site is not None and not session.online and not ended(session, today):
            by_site.setdefault(session.site, []).append(session)
    for site, sessions in by_site.items():
        running: list[Session] = []
        for session in sessions:
            running = [other for other in running if other.end >= session.start]
            for other in running:
                earlier, later = sorted((other, session), key=lambda s: written[id(s)])
                there = _at(earlier, course, locator)
                yield diagnostic(
                    "PF213",
                    "lint.overlapping_sessions",
                    *_at(later, course, locator),
                    id=course.id,
                    site=site,
                    start=later.start.isoformat(),
                    end=later.end.isoformat(),
                    other_start=earlier.start.isoformat(),
                    other_end=earlier.end.isoformat(),
                    first=f"{there.path}:{there.line}",
                )
            running.append(session)
