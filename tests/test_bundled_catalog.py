"""The bundled catalog: loads without a single diagnostic, is big enough, every target job can be
reached from at least one current job, and most moves from a current job to a target job have a
short path."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

from pathfinder import plan
from pathfinder.loader import bundled_catalog_path, check_catalog
from pathfinder.model import Catalog, Course
from pathfinder.profile import Profile

MINIMUM = {"sectors": 6, "sites": 15, "skills": 80, "jobs": 30, "courses": 60}
REQUIRED_SECTORS = {"ice", "ev", "battery", "circular", "data-software", "industry-maintenance"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = check_catalog(bundled_catalog_path(), use_cache=False)
    assert [d.render() for d in result.diagnostics] == []
    assert result.catalog is not None
    return result.catalog


def test_minimum_sizes(catalog: Catalog) -> None:
    for kind, minimum in MINIMUM.items():
        assert len(getattr(catalog, kind)) >= minimum, kind
    assert REQUIRED_SECTORS <= set(catalog.sectors)
    outlooks = Counter(job.outlook for job in catalog.jobs.values())
    assert outlooks["declining"] + outlooks["stable"] >= 10
    assert outlooks["growing"] >= 15
    assert set(catalog.info.languages) == {"en", "fr"}


def test_every_name_is_in_english_and_french(catalog: Catalog) -> None:
    for kind, entry in catalog.entries():
        assert set(entry.name) == {"en", "fr"}, f"{kind} {entry.id}"


def takeable(course: Course, levels: dict[str, int]) -> bool:
    if any(levels.get(s, 0) < lvl for s, lvl in course.requires.items()):
        return False
    return all(
        any(levels.get(s, 0) >= lvl for s, lvl in group.items()) for group in course.requires_any
    )


def reachable_levels(catalog: Catalog, start: dict[str, int]) -> dict[str, int]:
    """Every level reachable from ``start`` by taking courses (a fixpoint; order does not matter
    because levels only go up)."""
    levels = dict(start)
    changed = True
    while changed:
        changed = False
        for course in catalog.courses.values():
            if takeable(course, levels):
                for skill, level in course.grants.items():
                    if levels.get(skill, 0) < level:
                        levels[skill] = level
                        changed = True
    return levels


def test_every_target_job_is_reachable_from_a_current_job(catalog: Catalog) -> None:
    sources = [job for job in catalog.jobs.values() if job.outlook != "growing"]
    for target in (job for job in catalog.jobs.values() if job.outlook == "growing"):
        assert any(
            all(
                reachable_levels(catalog, dict(src.requires)).get(s, 0) >= lvl
                for s, lvl in target.requires.items()
            )
            for src in sources
        ), target.id


def test_target_jobs_have_openings_on_declared_sites(catalog: Catalog) -> None:
    targets = [job for job in catalog.jobs.values() if job.outlook == "growing"]
    assert sum(1 for job in targets if job.openings) >= len(targets) * 0.8
    for job in targets:
        assert set(job.openings) <= set(catalog.sites)


def test_electrical_safety_courses_follow_nf_c18_550(catalog: Catalog) -> None:
    certified = [
        c for c in catalog.courses.values() if c.certification and "C18-550" in c.certification
    ]
    assert len(certified) >= 4
    for course in certified:
        assert 0 < course.hours <= 35, course.id


COVERAGE_MINIMUM = 0.90
MEDIAN_COURSES = (2, 6)


def test_most_moves_to_a_growing_job_have_a_short_path(catalog: Catalog) -> None:
    """For every (declining or stable job, growing job) pair, plan with no home and no caps:
    at least 90 % of the pairs have a path, and the optimal paths (hours) have a median length
    of 2 to 6 courses."""
    sources = [job.id for job in catalog.jobs.values() if job.outlook in ("declining", "stable")]
    targets = [job.id for job in catalog.jobs.values() if job.outlook == "growing"]
    reached = 0
    lengths: list[int] = []  # courses on each optimal path
    missing: list[str] = []
    for source in sources:
        for target in targets:
            result = plan(catalog, Profile(jobs=(source,)), target, alternatives=1)
            if result.status == "unreachable":
                missing.append(f"{source}->{target}")
                continue
            reached += 1
            if result.paths:
                lengths.append(len(result.paths[0].course_ids))
    pairs = len(sources) * len(targets)
    coverage = reached / pairs
    median = statistics.median(lengths) if lengths else 0
    figures = (
        f"coverage {coverage:.1%} ({reached}/{pairs} pairs), median path {median} courses"
        f" over {len(lengths)} paths; without a path: {', '.join(missing[:10]) or 'none'}"
    )
    assert coverage >= COVERAGE_MINIMUM, figures
    assert MEDIAN_COURSES[0] <= median <= MEDIAN_COURSES[1], figures
