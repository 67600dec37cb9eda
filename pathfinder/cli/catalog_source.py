"""Getting the catalog for a command: the flag, else $PATHFINDER_CATALOG, else the bundled one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Catalog


def load(catalog: Path | None, no_cache: bool) -> Catalog:
    """The checked catalog; a broken one raises CatalogError, which ``app.main`` reports."""
    from ..loader import load_catalog

    return load_catalog(catalog, use_cache=not no_cache)
