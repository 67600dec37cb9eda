"""A path's courses as an iCalendar file (RFC 5545) that a job-seeker imports into a phone.

One all-day event per dated course of the best path (its session's days, or its on-demand days),
with the course's name, where it runs and what it serves. The file is written with the
``icalendar`` library (folding, escaping and line endings as the RFC says); text from the
catalog passes through :func:`~pathfinder.safetext.printable` first, so no control character
reaches a calendar application. Imported only when a ``.ics`` export is asked for.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from .._version import __version__
from ..i18n import t
from ..model import Catalog
from ..planning.results import Path, PlanResult, Step
from ..safetext import printable
from .wording import serves_text


def plan_to_ics(result: PlanResult, catalog: Catalog, lang: str, generated: datetime) -> bytes:
    """The best path's dated courses as an iCalendar document (empty when there is no path or
    no schedule fits it); ``generated`` is the DTSTAMP of every event (an aware datetime)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//Pathfinder//pathfinder {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    job = catalog.jobs.get(result.target)
    calendar.add(
        "x-wr-calname",
        printable(t("ics.calendar", lang, job=catalog.name(job, lang) if job else result.target)),
    )
    path = result.best
    for index, step in enumerate(path.steps if path else (), 1):
        if step.start is None or step.end is None:
            continue
        event = Event()
        event.add("uid", _uid(result, path, step))  # type: ignore[arg-type]
        event.add("dtstamp", generated)
        event.add("dtstart", step.start)
        event.add("dtend", step.end + timedelta(days=1))  # all-day events end the day after
        event.add("summary", printable(f"{index}. {catalog.name(step.course, lang)}"))
        event.add("location", printable(_where(step, catalog, lang)))
        event.add("description", _description(step, catalog, lang))
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _uid(result: PlanResult, path: Path, step: Step) -> str:
    """Stable across exports of the same plan, so a re-import updates instead of duplicating."""
    assert step.start is not None
    seed = f"{result.target}|{'|'.join(path.course_ids)}|{step.course.id}|{step.start.isoformat()}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32] + "@pathfinder"


def _where(step: Step, catalog: Catalog, lang: str) -> str:
    if step.site is None:
        return t("plan.step.online", lang)
    site = catalog.sites.get(step.site)
    return catalog.name(site, lang) if site else step.site


def _description(step: Step, catalog: Catalog, lang: str) -> str:
    course = step.course
    provider = catalog.providers.get(course.provider)
    lines = [
        f"{catalog.name(provider, lang) if provider else course.provider} ({course.id})",
        *(serves_text(item, lang) for item in step.serves),
    ]
    if step.session is None:
        lines.append(t("ics.on_demand", lang))
    return "\n".join(printable(line) for line in lines)  # line breaks ours, never the catalog's
