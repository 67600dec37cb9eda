"""Named large regression cases (tests/support/large_cases.json), where the integer-programming
engine answers: problems of 300 to 2,000 courses on a generated catalog, each answer proven by
both engines when it was recorded (tools/record_large_cases.py). Marked slow (about 10 s in all:
the catalog is generated and loaded once); run in CI with the rest."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from support import ROOT

from pathfinder.loader import load_catalog
from pathfinder.model import Catalog
from pathfinder.planner import plan
from pathfinder.planning.context import Context
from pathfinder.planning.engine import engine_for
from pathfinder.planning.problem import Problem
from pathfinder.profile import Profile

CASES = json.loads((ROOT / "tests" / "support" / "large_cases.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    out = tmp_path_factory.mktemp("large-cases") / "medium.yaml"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_catalog.py"),
            str(out),
            *CASES["generator"],
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return load_catalog(out, use_cache=False)


def profile() -> Profile:
    fields = CASES["profile"]
    return Profile(jobs=tuple(fields["jobs"]), funding=tuple(fields["funding"]))


def test_the_cases_are_named_and_large() -> None:
    names = [case["name"] for case in CASES["cases"]]
    assert len(names) >= 10
    assert len(set(names)) == len(names)
    assert all(case["problem_courses"] > 300 for case in CASES["cases"])


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_the_planner_returns_the_recorded_optimum(catalog: Catalog, case: dict[str, Any]) -> None:
    person = profile()
    problem = Problem(Context(catalog, person), catalog.jobs[case["target"]].requires)
    assert len(problem.courses) == case["problem_courses"]
    assert engine_for(problem) == "integer"
    result = plan(
        catalog,
        person,
        case["target"],
        objective=case["objective"],
        alternatives=case["alternatives"],
    )
    assert result.proven
    assert result.status == case["expected"]["status"]
    got = [
        {
            "courses": sorted(step.course.id for step in path.steps),
            "hours": path.total_hours,
            "weeks": path.total_weeks,
            "cost_eur": path.total_cost_eur,
            "pays_eur": path.total_pays_eur,
        }
        for path in result.paths
    ]
    assert got == case["expected"]["paths"]
