"""The time limit: past it, the best path found so far, marked as not proven; or a clear stop.

The catalog is made so that the quick path (each skill by its own cheapest route, as if nothing
were shared) differs from the optimum (one shared prerequisite serving both target skills), so a
result cut off at once is told apart from the proven one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import run_cli
from support.planner_builders import course, job, make_catalog

from pathfinder.errors import TimeLimitError
from pathfinder.explore import explore
from pathfinder.planner import plan
from pathfinder.profile import Profile


def catalog():  # type: ignore[no-untyped-def]
    return make_catalog(
        courses=[
            course("base", {"base": 1}, hours=50),
            course("a-from-base", {"a": 1}, hours=10, requires={"base": 1}),
            course("b-from-base", {"b": 1}, hours=10, requires={"base": 1}),
            course("a-alone", {"a": 1}, hours=40),
            course("b-alone", {"b": 1}, hours=40),
        ],
        jobs=[job("target", {"a": 1, "b": 1})],
    )


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(step.course.id for step in result.paths[0].steps)


def test_without_a_limit_the_shared_prerequisite_wins() -> None:
    result = plan(catalog(), Profile(), "target")
    assert result.proven
    assert ids(result) == ["a-from-base", "b-from-base", "base"]
    assert result.paths[0].total_hours == 70


def test_cut_off_at_once_gives_a_valid_path_marked_not_proven() -> None:
    result = plan(catalog(), Profile(), "target", time_limit=0)
    assert result.status == "ok"
    assert not result.proven
    assert ids(result) == ["a-alone", "b-alone"]
    assert result.paths[0].total_hours == 80
    assert len(result.paths) == 1  # no alternatives without a proven best


def test_cut_off_with_no_path_within_the_caps_known_stops_clearly() -> None:
    capped = Profile(max_hours=75)  # the quick path (80 h) does not fit; the optimum (70 h) does
    assert plan(catalog(), capped, "target").paths[0].total_hours == 70
    with pytest.raises(TimeLimitError) as stopped:
        plan(catalog(), capped, "target", time_limit=0)
    assert stopped.value.exit_code == 1
    assert "time limit (0 s)" in str(stopped.value)


def test_explore_lists_jobs_left_when_the_time_is_up() -> None:
    result = explore(catalog(), Profile(), time_limit=0)
    assert result.results == ()
    assert result.unexplored == ("target",)
    full = explore(catalog(), Profile())
    assert [(item.job, item.total_hours, item.proven) for item in full.results] == [
        ("target", 70.0, True)
    ]
    assert full.unexplored == ()


CATALOG = """\
catalog: {name: Time limit, version: "1", languages: [en, fr]}
sectors: [{id: ev, name: {en: EV, fr: VE}}]
providers: [{id: campus, name: {en: Campus, fr: Campus}}]
skills:
  - {id: base, name: {en: Base, fr: Base}, category: test}
  - {id: a, name: {en: A, fr: A}, category: test}
  - {id: b, name: {en: B, fr: B}, category: test}
jobs:
  - {id: target, name: {en: Target, fr: Cible}, sector: ev, outlook: growing, requires: {a: 1, b: 1}}
courses:
  - {id: base, name: {en: Base, fr: Base}, provider: campus, hours: 50, weeks: 1, cost_eur: 0, format: online,
     grants: {base: 1}}
  - {id: a-from-base, name: {en: A from base, fr: A}, provider: campus, hours: 10, weeks: 1, cost_eur: 0,
     format: online, requires: {base: 1}, grants: {a: 1}}
  - {id: b-from-base, name: {en: B from base, fr: B}, provider: campus, hours: 10, weeks: 1, cost_eur: 0,
     format: online, requires: {base: 1}, grants: {b: 1}}
  - {id: a-alone, name: {en: A alone, fr: A seul}, provider: campus, hours: 40, weeks: 1, cost_eur: 0,
     format: online, grants: {a: 1}}
  - {id: b-alone, name: {en: B alone, fr: B seul}, provider: campus, hours: 40, weeks: 1, cost_eur: 0,
     format: online, grants: {b: 1}}
"""


@pytest.fixture
def cat(tmp_path: Path) -> str:
    path = tmp_path / "catalog.yaml"
    path.write_text(CATALOG, encoding="utf-8")
    return str(path)


def test_cli_json_says_not_proven(cat: str) -> None:
    done = run_cli(
        "plan", "--catalog", cat, "--to", "target", "--time-limit", "0", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["proven"] is False
    assert data["paths"][0]["total_hours"] == 80
    proven = json.loads(
        run_cli("plan", "--catalog", cat, "--to", "target", "--format", "json").stdout
    )
    assert proven["proven"] is True and proven["paths"][0]["total_hours"] == 70


@pytest.mark.parametrize(
    ("lang", "needle"), [("en", "Not proven shortest"), ("fr", "Pas prouvé le plus court")]
)
def test_cli_text_says_not_proven(cat: str, lang: str, needle: str) -> None:
    done = run_cli("plan", "--catalog", cat, "--to", "target", "--time-limit", "0", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert needle in done.stdout


def test_cli_time_limit_with_no_known_path_exits_1(cat: str) -> None:
    done = run_cli(
        "plan", "--catalog", cat, "--to", "target", "--time-limit", "0", "--max-hours", "75"
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "no path to target found within the time limit (0 s)" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_negative_time_limit_is_bad_input(cat: str) -> None:
    done = run_cli("plan", "--catalog", cat, "--to", "target", "--time-limit", "-1")
    assert done.returncode == 2
    assert "--time-limit" in done.stderr


def test_cli_explore_lists_unexplored(cat: str) -> None:
    done = run_cli("explore", "--catalog", cat, "--time-limit", "0", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["results"] == [] and data["unexplored"] == ["target"]
    text = run_cli("explore", "--catalog", cat, "--time-limit", "0")
    assert "Not explored, the time limit ran out (1; raise --time-limit): target" in text.stdout
