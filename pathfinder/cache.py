"""A cache of validated catalogs, so that loading unchanged files again is instant.

Entries are keyed by the package version and the path and sha256 of every file read, so a changed,
added or removed file is never served from the cache. The cache lives in the user cache directory
(``$PATHFINDER_CACHE_DIR``, else ``$XDG_CACHE_HOME/pathfinder``, else ``~/.cache/pathfinder``); it
is safe to delete at any time, and any unreadable cache entry is simply ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .atomic import write_atomic

FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("PATHFINDER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pathfinder"


def cache_key(files: Sequence[tuple[str, str]]) -> str:
    """The key for a catalog made of ``files`` — (absolute path, sha256) pairs."""
    digest = hashlib.sha256(f"pathfinder {__version__} cache {FORMAT}\n".encode())
    for path, sha in sorted(files):
        digest.update(f"{path}\0{sha}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def read(key: str) -> object | None:
    """The cached value for ``key``, or None when absent or unreadable."""
    try:
        with open(cache_dir() / f"{key}.pickle", "rb") as handle:
            stored_key, value = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a broken cache entry is only a cache miss
        return None
    return value if stored_key == key else None


def write(key: str, value: object) -> None:
    """Store ``value`` atomically; failures (read-only home, full disk) are ignored."""
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(directory / f"{key}.pickle", pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
