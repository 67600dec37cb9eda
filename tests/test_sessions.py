"""Course sessions as the loader builds them, and the calendar as every plan format says it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from support.catalogs import MINI_CATALOG
from support.cli import run_cli

from pathfinder.dates import course_days, default_end, parse_date
from pathfinder.loader import loads_catalog
from pathfinder.model import Session

DATED = MINI_CATALOG.replace(
    "    certification: NF C18-550 B2L\n",
    "    certification: NF C18-550 B2L\n"
    "    sessions:\n"
    "      - {start: 2027-03-08, site: cleon, seats: 10}\n"
    "      - {start: '2027-01-11', end: 2027-01-13, site: flins, seats: 12}\n",
).replace(
    "    funding: [cpf]\n",
    "    funding: [cpf]\n    sessions: [{start: 2027-01-04}]\n",
)


def test_sessions_are_sorted_and_their_end_defaults_to_the_course_days() -> None:
    catalog = loads_catalog(DATED)
    hv = catalog.courses["hv-b2l"]  # 0.6 weeks: 5 days
    assert hv.sessions == (
        Session(date(2027, 1, 11), date(2027, 1, 13), "flins", 12),
        Session(date(2027, 3, 8), date(2027, 3, 12), "cleon", 10),
    )
    upgrade = catalog.courses["electrical-upgrade"]  # an online course's session is online
    assert upgrade.sessions == (Session(date(2027, 1, 4), date(2027, 1, 10), None, None, True),)
    assert hv.upcoming_sessions(date(2027, 2, 1)) == hv.sessions[1:]


def test_calendar_arithmetic() -> None:
    assert [course_days(w) for w in (0.1, 0.4, 0.6, 1, 1.2, 4)] == [1, 3, 5, 7, 9, 28]
    assert default_end(date(2027, 2, 26), 0.6) == date(2027, 3, 2)
    assert parse_date("2027-01-11") == date(2027, 1, 11)
    for bad in ("2027-1-11", "2027-02-30", "2027-01-11T09:00", "11/01/2027", "1999-12-31", ""):
        assert parse_date(bad) is None, bad


def test_every_format_dates_the_path(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text(DATED, encoding="utf-8")
    args = ["plan", "--catalog", str(path), "--from", "assembly-operator", "--to", "ev-technician"]
    args += ["--home", "flins", "--radius", "50", "--start", "2027-01-02"]
    text = run_cli(*args)
    assert text.returncode == 0, text.stderr
    assert "session 4 Jan 2027 – 10 Jan 2027" in text.stdout
    assert "session 11 Jan 2027 – 13 Jan 2027" in text.stdout
    assert "From 4 Jan 2027, job-ready on 13 Jan 2027" in text.stdout
    french = run_cli(*args, "--lang", "fr", "--format", "md")
    assert "session du 11 janv. 2027 – 13 janv. 2027" in french.stdout
    assert "prêt pour le poste le 13 janv. 2027" in french.stdout
    data = json.loads(run_cli(*args, "--format", "json").stdout)
    best = data["paths"][0]
    assert [(c["id"], c["start"], c["end"]) for c in best["courses"]] == [
        ("electrical-upgrade", "2027-01-04", "2027-01-10"),
        ("hv-b2l", "2027-01-11", "2027-01-13"),
    ]
    assert best["courses"][1]["session"] == {
        "start": "2027-01-11", "end": "2027-01-13", "site": "flins", "seats": 12,
    }  # fmt: skip
    assert best["finish"] == "2027-01-13" and data["first_day"] == "2027-01-02"
