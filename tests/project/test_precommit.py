"""The pre-commit hook, run by the real ``pre-commit`` tool on a catalog repository.

The repository is a temporary git repository laid out like a real catalog repository: the catalog
split into several files, a ``.pre-commit-config.yaml`` and a CI workflow beside it (both YAML).
The hook is the one of ``.pre-commit-hooks.yaml``, field for field, declared as a local system
hook: pre-commit would otherwise build a virtual environment and install Pathfinder into it from
the package index, and tests have no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT
from support.catalogs import MINI_CATALOG
from support.cli import pathfinder_command

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

WORKFLOW = """\
name: catalog
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pathfinder lint --strict --format github
"""


def manifest_hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "pathfinder-lint"]
    return dict(hook)


def split_catalog(root: Path) -> None:
    """MINI_CATALOG as a catalog directory of two files: metadata and skills; jobs and courses."""
    head, _, tail = MINI_CATALOG.partition("jobs:\n")
    (root / "catalog.yaml").write_text(head, encoding="utf-8")
    (root / "pathways").mkdir()
    (root / "pathways" / "jobs-and-courses.yaml").write_text("jobs:\n" + tail, encoding="utf-8")


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(
        {
            "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
            "NO_COLOR": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(repo.parent),
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=240,
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=60,
        env={**os.environ, "HOME": str(repo.parent), "GIT_CONFIG_NOSYSTEM": "1"},
    )


@pytest.fixture
def catalog_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "catalog-repo"
    repo.mkdir()
    split_catalog(repo)
    hook = manifest_hook()
    hook.update({"language": "system", "entry": " ".join([*pathfinder_command(), "lint"])})
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(config, sort_keys=False), encoding="utf-8"
    )
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "catalog.yml").write_text(WORKFLOW, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    return repo


def test_the_manifest_is_valid_for_pre_commit() -> None:
    result = pre_commit(ROOT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_clean_catalog_repository_passes(catalog_repo: Path) -> None:
    result = pre_commit(catalog_repo, "run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pathfinder lint" in result.stdout and "Passed" in result.stdout


def test_a_broken_catalog_fails_with_file_line_and_column(catalog_repo: Path) -> None:
    courses = catalog_repo / "pathways" / "jobs-and-courses.yaml"
    text = courses.read_text(encoding="utf-8")
    courses.write_text(
        text.replace("grants: {hv-safety-b2l: 1}", "grants: {hv-safety-b2: 1}"), encoding="utf-8"
    )
    line = next(
        n for n, row in enumerate(courses.read_text().splitlines(), 1) if "hv-safety-b2:" in row
    )
    column = courses.read_text().splitlines()[line - 1].index("hv-safety-b2:") + 1
    git(catalog_repo, "add", "-A")
    result = pre_commit(catalog_repo, "run", "--all-files")
    assert result.returncode == 1
    assert f"pathways/jobs-and-courses.yaml:{line}:{column}: error PF107" in result.stdout
    assert ".pre-commit-config.yaml" not in result.stdout and "catalog.yml" not in result.stdout
