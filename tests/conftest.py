"""Shared fixtures: a private cache directory and a small catalog file. Helpers live in
``tests/support``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from support.catalogs import MINI_CATALOG
from support.cli import LOCALE_VARIABLES

# Compiled bytecode is kept, under .pytest_cache rather than in the source tree, even where
# PYTHONDONTWRITEBYTECODE is set: otherwise every xdist worker and each of the real console-script
# runs compiles the package, the tests and their assertion rewrites again (a third of the suite's
# time). Subprocesses inherit the setting through the environment.
if sys.dont_write_bytecode:
    _PYCACHE = Path(__file__).resolve().parent.parent / ".pytest_cache" / "pycache"
    sys.pycache_prefix = str(_PYCACHE)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# The help texts' language is chosen when the CLI is imported: English for every test.
for _name in LOCALE_VARIABLES:
    os.environ.pop(_name, None)


TODAY = "2026-12-01"
"""The date every test takes for today (``PATHFINDER_TODAY``)."""


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read or write the user's cache, nor follow their PATHFINDER_CATALOG; they all
    live on the same day."""
    monkeypatch.setenv("PATHFINDER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv(
        "XDG_STATE_HOME", str(tmp_path_factory.mktemp("state"))
    )  # the cache's HMAC key
    monkeypatch.delenv("PATHFINDER_CACHE_KEY_FILE", raising=False)
    monkeypatch.delenv("PATHFINDER_CACHE_MAX_MB", raising=False)
    monkeypatch.delenv("PATHFINDER_CATALOG", raising=False)
    # One fixed "today" for every test, so that the suite passes next year too.
    monkeypatch.setenv("PATHFINDER_TODAY", TODAY)


@pytest.fixture
def mini_catalog(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CATALOG, encoding="utf-8")
    return path
