"""The benchmark generator makes valid, deterministic catalogs with satisfiable prerequisites."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from support import ROOT

from pathfinder.loader import check_catalog, loads_catalog

SMALL = {"skills": 120, "jobs": 30, "courses": 200, "sites": 8}


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_catalog", ROOT / "benchmarks" / "generate_catalog.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_bytes_other_seed_other_bytes(generator: ModuleType) -> None:
    assert generator.generate(**SMALL, seed=3) == generator.generate(**SMALL, seed=3)
    assert generator.generate(**SMALL, seed=3) != generator.generate(**SMALL, seed=4)


def test_generated_catalog_is_clean_and_every_job_reachable(generator: ModuleType) -> None:
    catalog = loads_catalog(generator.generate(**SMALL, seed=5))
    assert (len(catalog.skills), len(catalog.jobs), len(catalog.courses)) == (120, 30, 200)
    levels: dict[str, int] = {}
    changed = True
    while changed:  # what can be learnt from nothing: levels only go up, so a fixpoint suffices
        changed = False
        for course in catalog.courses.values():
            if all(levels.get(s, 0) >= n for s, n in course.requires.items()) and all(
                any(levels.get(s, 0) >= n for s, n in group.items())
                for group in course.requires_any
            ):
                for skill, level in course.grants.items():
                    if levels.get(skill, 0) < level:
                        levels[skill], changed = level, True
    for job in catalog.jobs.values():
        assert all(levels.get(s, 0) >= n for s, n in job.requires.items()), job.id
    assert all(levels.get(s, 0) == skill.max_level for s, skill in catalog.skills.items())


def test_split_directory_holds_the_same_catalog(generator: ModuleType, tmp_path: Path) -> None:
    args = [f"--{k}={v}" for k, v in SMALL.items()]
    script = str(ROOT / "benchmarks" / "generate_catalog.py")
    subprocess.run(
        [sys.executable, script, str(tmp_path / "one.yaml"), *args], check=True, capture_output=True
    )
    subprocess.run(
        [sys.executable, script, str(tmp_path / "many"), "--split", "6", *args],
        check=True,
        capture_output=True,
    )
    one = check_catalog(tmp_path / "one.yaml", use_cache=False)
    many = check_catalog(tmp_path / "many", use_cache=False)
    assert len(many.files) > 3 and one.diagnostics == () and many.diagnostics == ()
    assert one.catalog is not None and many.catalog is not None
    assert one.catalog.sha256 == many.catalog.sha256
