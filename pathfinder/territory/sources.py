"""Where a basin comes from: a basin file (``.yaml``), a CSV of people (``.csv``), a folder of
saved profiles, or the name of a basin shipped with Pathfinder (``douaisis``, ``seine-aval``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import BasinError, PathfinderError
from ..model import Catalog
from .basin import Basin

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "data" / "basins"


def bundled_basins() -> dict[str, Path]:
    """The basins shipped with Pathfinder, by name."""
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.yaml"))}


def load_basin(source: str | Path, catalog: Catalog) -> Basin:
    """Read and check a basin: a file, a folder or a bundled basin's name. Raises BasinError with
    every problem found, or PathfinderError for a name that is neither a path nor a basin."""
    from .basin_file import read_basin_file
    from .people_csv import read_people_csv
    from .profile_folder import read_profile_folder

    text = str(source)
    path = Path(source)
    shown = text
    if not path.exists() and not path.is_symlink():
        bundled = bundled_basins()
        if text in bundled:
            path, shown = bundled[text], text
        else:
            from ..textsearch import suggest

            hints = suggest(text, bundled)
            raise PathfinderError(
                "basin.not_found_hint" if hints else "basin.not_found",
                source=text[:200],
                names=", ".join(bundled),
                suggestion=", ".join(hints),
            )
    if path.is_dir():
        read = read_profile_folder(path, catalog, shown)
    elif path.suffix.lower() == ".csv":
        read = read_people_csv(path, catalog, shown)
    else:
        read = read_basin_file(path, catalog, shown)
    if isinstance(read, list):
        raise BasinError(sorted(read, key=lambda d: (d.path, d.line, d.column, d.code)))
    return read
