"""Pathfinder: shortest retraining paths toward EV and circular-economy jobs.

The library needs no terminal::

    from pathfinder import load_catalog, Profile, plan

    catalog = load_catalog()                       # the bundled catalog
    result = plan(catalog, Profile(jobs=("ice-assembly-operator",)), "battery-pack-assembler")

Names are imported lazily, so ``import pathfinder`` (and ``pathfinder --help``) stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ._version import __version__

_EXPORTS = {
    # catalog
    "load_catalog": "loader",
    "loads_catalog": "loader",
    "check_catalog": "loader",
    "LoadResult": "loader",
    "default_catalog_path": "loader",
    "Catalog": "model",
    "CatalogInfo": "model",
    "Course": "model",
    "Session": "model",
    "Job": "model",
    "Skill": "model",
    "Site": "model",
    "Sector": "model",
    "Provider": "model",
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    # errors: every one a user can meet (pathfinder.errors)
    "PathfinderError": "errors",
    "CatalogError": "errors",
    "UnknownIdError": "errors",
    "ProfileError": "errors",
    "CoordinatesError": "errors",
    "YamlFileError": "errors",
    "WriteError": "errors",
    "TimeLimitError": "errors",
    "PlaceError": "errors",  # gazetteer (pathfinder.gazetteer)
    "BasinError": "errors",  # basins (pathfinder.territory)
    "FeedError": "errors",  # LHÉO feeds (pathfinder.lheo)
    "SyncRefusedError": "errors",
    # planning
    "Profile": "profile",
    "load_profile": "profile",
    "plan": "planner",
    "explore": "explore",
    # training-offer feeds
    "sync_feed": "lheo.run",
    # basins
    "load_basin": "territory.sources",
    "plan_territory": "territory.planner",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pathfinder' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
