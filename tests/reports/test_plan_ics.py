"""The path's dates as iCalendar: one all-day event per dated course, read back by the icalendar
library; catalog text stays inert; the export is private and stable across runs."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar
from support.catalogs import COMPLETE_PROFILE
from support.cli import run_cli
from support.planner_builders import course, job, make_catalog, site

from pathfinder.model import Session, Text
from pathfinder.planner import plan
from pathfinder.profile import Profile
from pathfinder.reports.plan_ics import plan_to_ics

STAMP = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def two_course_catalog(name: str = "Pack assembly") -> object:
    north = site("north", 49.5, 2.0)
    pack = replace(
        course("pack", {"p": 1}, requires={"a": 1}, fmt="onsite", sites=["north"]),
        name=Text({"en": name, "fr": name}),
        sessions=(Session(date(2027, 1, 11), date(2027, 1, 12), "north", 12),),
    )
    return make_catalog(
        courses=[course("basics", {"a": 1}, weeks=1), pack],
        jobs=[job("target", {"p": 1})],
        sites=[north],
    )


def events(data: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return [
        {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "location": str(event["location"]),
            "description": str(event["description"]),
            "uid": str(event["uid"]),
        }
        for event in calendar.walk("VEVENT")
    ]


def test_one_all_day_event_per_course_in_path_order() -> None:
    catalog = two_course_catalog()
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target")
    found = events(plan_to_ics(result, catalog, "en", STAMP))  # type: ignore[arg-type]
    assert [(e["summary"], e["start"], e["end"], e["location"]) for e in found] == [
        ("1. Basics", date(2027, 1, 4), date(2027, 1, 11), "online"),  # 7 days on demand
        ("2. Pack assembly", date(2027, 1, 11), date(2027, 1, 13), "North"),  # end is exclusive
    ]
    assert found[0]["description"].splitlines()[-1].startswith("Runs on demand")  # type: ignore[attr-defined]
    assert "prerequisite" in found[0]["description"]  # type: ignore[operator]


def test_the_same_plan_gives_the_same_uids_and_french_text() -> None:
    catalog = two_course_catalog()
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target")
    first = events(plan_to_ics(result, catalog, "fr", STAMP))  # type: ignore[arg-type]
    again = events(plan_to_ics(result, catalog, "fr", datetime.now(UTC)))  # type: ignore[arg-type]
    assert [e["uid"] for e in first] == [e["uid"] for e in again]
    assert len({e["uid"] for e in first}) == 2
    assert first[0]["location"] == "en ligne"


def test_catalog_text_cannot_add_lines_or_properties() -> None:
    hostile = "Pack\r\nATTENDEE:mailto:x@example.org\x1b[31m;,\\"
    catalog = two_course_catalog(hostile)
    result = plan(catalog, Profile(start=date(2027, 1, 4)), "target")
    data = plan_to_ics(result, catalog, "en", STAMP)  # type: ignore[arg-type]
    assert b"\nATTENDEE" not in data and b"\x1b" not in data
    unfolded = data.replace(b"\r\n ", b"")  # RFC 5545 folds long lines with CRLF + space
    # The control characters made visible (printable), then RFC 5545's escapes: \\ \; \,
    # (checked on the bytes: decoders before icalendar 7 unescape "\\n" wrongly).
    escaped = b"SUMMARY:2. Pack\\\\r\\\\nATTENDEE:mailto:x@example.org\\\\x1b[31m\\;\\,\\\\\r\n"
    assert escaped in unfolded


def test_advise_exports_a_private_calendar(tmp_path: Path) -> None:
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({**COMPLETE_PROFILE, "start": "2027-02-01"}), encoding="utf-8")
    out = tmp_path / "path.ics"
    done = run_cli("advise", "--profile", str(profile), "--export", str(out))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    found = events(out.read_bytes())
    assert found and found[0]["start"] >= date(2027, 2, 1)
    starts = [e["start"] for e in found]
    assert starts == sorted(starts)
