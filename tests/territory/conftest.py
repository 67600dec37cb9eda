"""Fixtures of the territory tests: the small basin catalog of ``support.basins``, loaded, and its basin file."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.basins import BASIN, write_catalog

from pathfinder.loader import load_catalog
from pathfinder.model import Catalog


@pytest.fixture
def basin_catalog(tmp_path: Path) -> Catalog:
    """The catalog with two seats on course c1."""
    return load_catalog(write_catalog(tmp_path, 2))


@pytest.fixture
def basin_file(tmp_path: Path) -> Path:
    path = tmp_path / "basin.yaml"
    path.write_text(BASIN, encoding="utf-8")
    return path
