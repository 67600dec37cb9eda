"""One sync from start to end, for the command line and for scripts: load the catalog, read the
feed, compare (:mod:`.sync`), and with ``write`` apply the changes (:mod:`.apply`).

    from pathfinder.lheo.run import sync_feed

    outcome = sync_feed("feeds/normandie.xml", "catalog/")          # a dry run
    for update in outcome.result.updated:
        print(update.course, [c.field for c in update.changes])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SyncRefusedError
from .sync import SyncResult

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer


@dataclass(frozen=True)
class SyncOutcome:
    """What a sync did: the comparison, where each updated course is written
    (``path:line:col``), the files written (None for a dry run) and, when ``--write`` was
    refused, why (no file was changed then)."""

    result: SyncResult
    where: Mapping[str, str]
    written: tuple[str, ...] | None = None
    refused: SyncRefusedError | None = None


def sync_feed(
    feed: str | Path,
    catalog: str | Path | None = None,
    *,
    write: bool = False,
    use_cache: bool = True,
    gazetteer: Gazetteer | None = None,
) -> SyncOutcome:
    """Sync the catalog at ``catalog`` (default: ``$PATHFINDER_CATALOG``, else the bundled one)
    with the LHÉO feed at ``feed``. Raises :class:`~pathfinder.errors.FeedError` for a feed that
    cannot be read and :class:`~pathfinder.errors.CatalogError` for a catalog with errors; a
    refused write is in the outcome."""
    from ..loader import catalog_files, default_catalog_path, load_catalog
    from .feed import read_offers
    from .sync import sync

    root = Path(catalog) if catalog is not None else default_catalog_path()
    loaded = load_catalog(root, use_cache=use_cache)
    result = sync(loaded, read_offers(feed), str(feed), gazetteer)
    where = {
        update.course: str(location)
        for update in result.updated
        if (location := loaded.courses[update.course].location) is not None
    }
    if not write:
        return SyncOutcome(result, where)
    from .apply import targets
    from .apply import write as write_changes

    files = catalog_files(root)
    aims = targets(loaded, result)
    named = {*aims.course_files.values(), *filter(None, [aims.sites_file])}
    if not named <= set(files):
        # A cached catalog names its files as they were shown when it was cached (another
        # working directory, the root typed otherwise): read it again to know where they are.
        aims = targets(load_catalog(root, use_cache=False), result)
    del loaded  # the lint of the result loads the catalog again: one copy at a time
    try:
        written = write_changes(root, files, aims, result)
    except SyncRefusedError as refused:
        return SyncOutcome(result, where, None, refused)
    return SyncOutcome(result, where, written)
