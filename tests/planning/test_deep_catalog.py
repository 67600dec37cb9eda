"""The time limit holds on a deep catalog: a prerequisite chain of 5,000 courses.

Course ``i`` requires skill ``i - 1`` and grants skill ``i``; the job requires the last skill, so
the only path takes every course. Course ids run opposite to the chain (the worst order for a
forward sweep). Every phase of a query checks the clock, so a call with ``time_limit=1`` returns
within 1.6 s of wall time (the documented tolerance is 10 % + 0.5 s); in fact the chain plans in
well under a second (see benchmarks/bench_deep.py). Timed tests, with generous bounds.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from support.cli import run_cli
from support.planner_builders import course, job, make_catalog

from pathfinder.errors import TimeLimitError
from pathfinder.explore import explore
from pathfinder.model import Catalog
from pathfinder.planner import plan
from pathfinder.profile import Profile

N = 5000


def cid(i: int) -> str:
    """Course ids in the opposite order to the chain: c05000 is taken first."""
    return f"c{N + 1 - i:05d}"


@pytest.fixture(scope="module")
def chain() -> Catalog:
    return make_catalog(
        courses=[
            course(cid(i), {f"s{i}": 1}, hours=1, requires={f"s{i - 1}": 1} if i > 1 else None)
            for i in range(1, N + 1)
        ],
        jobs=[job("target", {f"s{N}": 1})],
        skills={f"s{i}": 1 for i in range(1, N + 1)},
    )


def timed_plan(catalog: Catalog, profile: Profile, limit: float) -> tuple[float, object]:
    start = time.monotonic()
    try:
        result: object = plan(catalog, profile, "target", time_limit=limit)
    except TimeLimitError as error:  # allowed by the limit's contract, on a very slow machine
        result = error
    return time.monotonic() - start, result


def test_plan_on_a_5000_course_chain_holds_the_time_limit(chain: Catalog) -> None:
    elapsed, result = timed_plan(chain, Profile(), 1)
    assert elapsed < 1.6
    if not isinstance(result, TimeLimitError):
        path = result.paths[0]  # type: ignore[attr-defined]
        assert [step.course.id for step in path.steps] == [cid(i) for i in range(1, N + 1)]
        assert path.total_hours == N
        assert len(result.paths) == 1  # type: ignore[attr-defined]  # no other path exists


def test_plan_on_a_5000_course_chain_is_proven_without_a_limit(chain: Catalog) -> None:
    start = time.monotonic()
    result = plan(chain, Profile(), "target")
    assert time.monotonic() - start < 10  # about 0.6 s on a shared 2-core machine (was minutes)
    assert result.proven and len(result.paths[0].steps) == N


@pytest.mark.parametrize(
    "profile",
    [
        Profile(exclude_courses=(cid(1),)),
        Profile(max_hours=10),
        Profile(max_hours=10, budget_eur=5, max_weeks=3),
    ],
    ids=["first-course-excluded", "hours-cap", "three-caps"],
)
def test_explaining_why_not_holds_the_time_limit(chain: Catalog, profile: Profile) -> None:
    elapsed, result = timed_plan(chain, profile, 1)
    assert elapsed < 1.6
    assert getattr(result, "status", "unreachable") == "unreachable"


def test_explore_on_a_5000_course_chain_holds_the_time_limit(chain: Catalog) -> None:
    start = time.monotonic()
    result = explore(chain, Profile(), time_limit=1)
    assert time.monotonic() - start < 1.6
    assert [item.job for item in result.results] + list(result.unexplored) == ["target"]


def chain_yaml() -> str:
    lines = [
        'catalog: {name: Deep chain, version: "1", languages: [en, fr]}\n',
        "sectors: [{id: ev, name: {en: EV, fr: VE}}]\n",
        "providers: [{id: campus, name: {en: Campus, fr: Campus}}]\n",
        "skills:\n",
    ]
    lines += [
        f"  - {{id: s{i}, name: {{en: S{i}, fr: S{i}}}, category: chain}}\n"
        for i in range(1, N + 1)
    ]
    lines.append(
        f"jobs:\n  - {{id: target, name: {{en: Target, fr: Cible}}, sector: ev, outlook: growing, requires: {{s{N}: 1}}}}\n"
    )
    lines.append("courses:\n")
    for i in range(1, N + 1):
        requires = f", requires: {{s{i - 1}: 1}}" if i > 1 else ""
        lines.append(
            f"  - {{id: {cid(i)}, name: {{en: {cid(i)}, fr: {cid(i)}}}, provider: campus, hours: 1, weeks: 1,"
            f" cost_eur: 0, format: online{requires}, grants: {{s{i}: 1}}}}\n"
        )
    return "".join(lines)


def test_console_script_holds_the_time_limit_on_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(chain_yaml(), encoding="utf-8")
    start = time.monotonic()
    done = run_cli(
        "plan", "--catalog", str(path), "--to", "target", "--time-limit", "2", "--format", "json"
    )
    elapsed = time.monotonic() - start
    # start-up, a cold load of the 5,000 courses and the JSON output come on top of the limit
    # (about 2.5 s in all on a shared 2-core machine; 64 s before the fix)
    assert elapsed < 12
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        data = json.loads(done.stdout)
        assert len(data["paths"][0]["courses"]) == N
    else:
        assert done.returncode == 1 and "time limit" in done.stderr
