"""Named planner regression cases, one YAML file each in ``tests/planning/cases/``.

For each case the planner must return exactly the recorded ``expected`` (status, course ids in
path order, totals, and the sites, purposes, blockers and relaxations the case pins). The recorded
answer is itself checked against the brute-force reference (``support.brute_force``): the course
sets and totals of an ``ok`` case are the reference's K best, an ``unreachable`` case has no valid
path, an ``already-qualified`` one starts at the target. So a case cannot record a wrong answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.brute_force import candidates, dec, k_best, start_of
from support.planner_cases import (
    CASES_DIR,
    Case,
    CaseError,
    case_files,
    load_case,
    outcome,
    read_raw,
)

from pathfinder.geo import haversine_km
from pathfinder.planner import plan
from pathfinder.planning.engine import ENGINES, Engine, forced_engine
from pathfinder.profile import home_coordinates

FILES = case_files()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_planner_returns_the_recorded_answer(path: Path, engine: Engine) -> None:
    case = load_case(path)
    with forced_engine(engine):
        result = plan(
            case.catalog, case.profile, case.target, objective=case.objective, alternatives=case.k
        )
    assert result.proven
    assert outcome(result, case.expected) == case.expected


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_recorded_answer_agrees_with_brute_force(path: Path) -> None:
    case = load_case(path)
    valid, irredundant = candidates(case.catalog, case.profile, case.target, case.objective)
    start = start_of(case.catalog, case.profile)
    target = case.catalog.jobs[case.target].requires
    qualified = all(start.get(skill, 0) >= level for skill, level in target.items())
    expected = case.expected
    if expected.status == "already-qualified":
        assert qualified
        return
    assert not qualified
    if expected.status == "unreachable":
        assert valid == []
        return
    best = k_best(irredundant, case.k)
    assert [tuple(sorted(p["courses"])) for p in expected.paths] == [c.ids for c in best]
    for recorded, cand in zip(expected.paths, best, strict=True):
        assert dec(recorded["hours"]) == cand.hours
        assert dec(recorded["weeks"]) == cand.weeks
        assert dec(recorded["cost_eur"]) == cand.price
        assert dec(recorded["pays_eur"]) == cand.pays
        if "sites" in recorded:
            check_sites(case, recorded["courses"], recorded["sites"])


def check_sites(case: Case, course_ids: tuple[str, ...], sites: tuple[str | None, ...]) -> None:
    """A recorded site is the course's nearest site within the radius (None for online)."""
    home = home_coordinates(case.profile, case.catalog)
    for cid, recorded in zip(course_ids, sites, strict=True):
        course = case.catalog.courses[cid]
        if course.format == "online":
            assert recorded is None
            continue
        if home is None:
            assert recorded in course.sites
            continue
        km = {
            s: haversine_km(home[0], home[1], case.catalog.sites[s].lat, case.catalog.sites[s].lon)
            for s in course.sites
        }
        usable = {
            s: d
            for s, d in km.items()
            if case.profile.mobility_km is None or d <= case.profile.mobility_km
        }
        assert recorded == min(usable, key=lambda s: (usable[s], s))


def test_the_cases_folder_is_not_empty() -> None:
    assert CASES_DIR.is_dir()
    assert FILES, f"no case files in {CASES_DIR}"
    assert all(p.suffix == ".yaml" for p in CASES_DIR.iterdir() if p.name != "README.md")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_case_has_a_description(path: Path) -> None:
    description = read_raw(path)["description"]
    assert isinstance(description, str) and description.strip()


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("    - {id: a, grants: {s: 1}, hour: 3}", r"courses\[0\]: unknown key"),
        ("    - {id: a, grants: {s: 1}, format: onsite}", "needs sites"),
        ("    - {id: a, grants: {s: one}}", r"grants\.s: expected a whole number"),
        ("    - {id: a, grants: {s: 4}}", r"grants\.s: expected at most 3"),
        ("    - {id: a, grants: {s: 1}, sites: [nowhere]}", "unknown site 'nowhere'"),
    ],
)
def test_a_typo_in_a_case_fails_loudly(tmp_path: Path, broken: str, message: str) -> None:
    text = "\n".join(
        [
            "description: x",
            "catalog:",
            "  courses:",
            broken,
            "  jobs: [{id: t, requires: {s: 1}}]",
            "profile: {}",
            "target: t",
            "objective: hours",
            "alternatives: 1",
            "expected: {status: ok, paths: [{courses: [a], hours: 3, weeks: 1, cost_eur: 0,"
            " pays_eur: 0}]}",
        ]
    )
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError, match=message):
        load_case(path)


def test_an_unknown_top_level_key_fails_loudly(tmp_path: Path) -> None:
    source = FILES[0].read_text(encoding="utf-8")
    path = tmp_path / "typo.yaml"
    path.write_text(source.replace("alternatives:", "alternative:"), encoding="utf-8")
    with pytest.raises(CaseError, match="unknown key"):
        load_case(path)
