"""Load a catalog: find its files, read them safely, check everything, build the model.

>>> from pathfinder.loader import load_catalog
>>> catalog = load_catalog()          # the bundled catalog (or $PATHFINDER_CATALOG)

:func:`check_catalog` returns every diagnostic (errors and warnings) with the catalog when there
are no errors; :func:`load_catalog` raises :class:`~pathfinder.errors.CatalogError` instead.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import cache
from .assemble import assemble
from .diagnostics import Diagnostic
from .errors import CatalogError, PathfinderError
from .model import Catalog
from .references import check_duplicates, check_references
from .rules import diagnostic
from .safetext import clip
from .validate import EntryReader, RawEntry, file_sections
from .yamlsource import NOT_PARSED, ParsedFile, parse_bytes, parse_text, read_file, unreadable_path

ENV_VAR = "PATHFINDER_CATALOG"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadResult:
    """What loading found: the catalog (None when there are errors) and every diagnostic."""

    catalog: Catalog | None
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    parsed: tuple[ParsedFile, ...] = ()
    """The parsed files (empty when the result came from the cache)."""

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)


def bundled_catalog_path() -> Path:
    """The catalog shipped with the package (installed copy first, then the source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "_catalog"
    return installed if installed.is_dir() else here.parent / "catalog"


def default_catalog_path() -> Path:
    """``$PATHFINDER_CATALOG`` when set, else the bundled catalog."""
    explicit = os.environ.get(ENV_VAR)
    return Path(explicit) if explicit else bundled_catalog_path()


def _display(file: Path, root: Path) -> str:
    """How to show ``file`` in messages: below ``root`` as the user wrote it (the bundled
    catalog relative to the working directory when it is below it)."""
    shown = root
    if root.is_absolute() and root == bundled_catalog_path():
        try:
            shown = root.relative_to(Path.cwd())
        except ValueError:
            pass
    if file == root:
        return str(shown)
    return str(shown / file.relative_to(root))


def discover(path: Path, unreadable: list[tuple[Path, OSError]] | None = None) -> list[Path]:
    """The YAML files of a catalog: the file itself, or a directory's files, recursively, sorted.

    Below a directory, hidden entries (names starting with ``.``: ``.git``, ``.github``,
    ``.pre-commit-config.yaml``) are not part of the catalog. Symbolic links to directories are
    followed, each directory at most once (no loop runs forever). Anything named like a YAML file
    that is not a directory is kept — a broken symbolic link, a FIFO, a device — so that reading
    it fails loudly (PF010) instead of a part of the catalog silently going missing.

    A directory that cannot be listed is added to ``unreadable`` with its error; without that
    list, the first such error is raised.
    """
    if path.is_dir():
        errors: list[tuple[Path, OSError]] = [] if unreadable is None else unreadable
        found: list[Path] = []
        visited: set[tuple[int, int]] = set()
        try:
            info = path.stat()
            visited.add((info.st_dev, info.st_ino))
        except OSError as error:
            errors.append((path, error))
        else:
            _walk(path, found, errors, visited)
        if unreadable is None and errors:
            raise errors[0][1]
        return sorted(found, key=lambda p: p.relative_to(path).as_posix())
    if path.exists():
        return [path]  # a regular file, or something the reader refuses in words (a FIFO, a device)
    raise PathfinderError("catalog.not_found", path=clip(str(path), 240))


def catalog_files(path: Path | str | None = None) -> dict[str, Path]:
    """Every file of the catalog at ``path`` (default: :func:`default_catalog_path`), as its
    diagnostics and locations name it -> where it is on disk."""
    root = Path(path) if path is not None else default_catalog_path()
    return {_display(file, root): file for file in discover(root)}


def _walk(
    top: Path, found: list[Path], errors: list[tuple[Path, OSError]], visited: set[tuple[int, int]]
) -> None:
    """Add the YAML entries below ``top`` to ``found``; listing errors to ``errors``. Iterative:
    a deep tree cannot exhaust the interpreter's stack. A directory reached twice (two links to
    it) is read at the shallowest, then first-named, place where it is found."""
    pending = deque([top])  # breadth first: see below
    while pending:
        directory = pending.popleft()
        try:
            with os.scandir(directory) as listing:
                # Sorted by name: the same choice on every system.
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            errors.append((directory, error))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = directory / entry.name
            try:
                is_dir = entry.is_dir()  # follows symbolic links
            except OSError:
                is_dir = False  # a link loop (ELOOP) or an unreachable target: kept below if named *.yaml
            if is_dir:
                try:
                    info = entry.stat()
                except OSError as error:
                    errors.append((child, error))
                    continue
                key = (info.st_dev, info.st_ino)
                if key not in visited:
                    visited.add(key)
                    pending.append(child)
            elif child.suffix in YAML_SUFFIXES:
                found.append(child)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building the model.

    Loading creates millions of small, acyclic objects; every automatic collection would walk all
    of them again (it more than doubles the load time of a large catalog). Nothing built here forms
    cycles, so reference counting frees whatever is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Move what was built out of the collector's young generation: the first collection after
        # re-enabling would otherwise scan all of it once more. Refcounting still frees it.
        gc.freeze()
        if was_enabled:
            gc.enable()


def check_catalog(path: Path | str | None = None, *, use_cache: bool = True) -> LoadResult:
    """Read and check a catalog file or directory. Never raises for bad content: problems are
    diagnostics. Raises :class:`PathfinderError` only when ``path`` does not exist or has no YAML."""
    with _gc_paused():
        return _check_catalog(path, use_cache)


def _check_catalog(path: Path | str | None, use_cache: bool) -> LoadResult:
    root = Path(path) if path is not None else default_catalog_path()
    unreadable: list[tuple[Path, OSError]] = []
    files = discover(root, unreadable)
    problems: list[Diagnostic] = [
        unreadable_path(_display(directory, root), error, directory=True)
        for directory, error in unreadable
    ]
    if not files and not problems:
        raise PathfinderError("catalog.no_yaml", path=clip(str(root), 240))
    shown = tuple(_display(p, root) for p in files)
    contents: list[bytes | None] = []
    for file, display in zip(files, shown, strict=True):
        data = read_file(file, display)
        if isinstance(data, Diagnostic):
            contents.append(None)
            problems.append(data)
        else:
            contents.append(data)
    key = None
    if use_cache and not problems:
        key = cache.cache_key(
            [
                (str(f.resolve()), hashlib.sha256(c).hexdigest())  # type: ignore[arg-type]
                for f, c in zip(files, contents, strict=True)
            ]
        )
        hit = cache.read(key)
        if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], Catalog):
            catalog, warnings = hit
            return LoadResult(catalog, tuple(warnings), shown)
    parsed = [
        parse_bytes(data, display)
        for data, display in zip(contents, shown, strict=True)
        if data is not None
    ]
    result = check_parsed(parsed, extra=problems)
    if key is not None and result.catalog is not None:
        cache.write(key, (result.catalog, result.diagnostics))
    return replace(result, files=shown)  # every file of the catalog, the ones not read included


def check_parsed(parsed: list[ParsedFile], extra: list[Diagnostic] | None = None) -> LoadResult:
    """Check parsed files as one catalog (sorted path order is the caller's)."""
    problems: list[Diagnostic] = list(extra or ())
    for file in parsed:
        problems.extend(file.diagnostics)
    sections = [(file, file_sections(file, problems)) for file in parsed]
    info_entry, languages = _metadata(sections, parsed, problems)
    entries: list[RawEntry] = []
    for file, kinds in sections:
        reader = EntryReader(file.path, languages)
        for kind, node in kinds:
            if kind == "catalog":
                continue
            for item in node.value:  # type: ignore[attr-defined]
                entry = reader.entry(kind, item)
                if entry is not None:
                    entries.append(entry)
        problems.extend(reader.diagnostics)
    tables, duplicates = check_duplicates(entries)
    problems.extend(duplicates)
    problems.extend(check_references(tables))
    if not any(tables.values()) and not any(d.is_error for d in problems):
        where = parsed[0].path if parsed else "<catalog>"
        problems.append(diagnostic("PF115", "catalog.empty", where, 1, 1))
    problems.sort()
    files = tuple(f.path for f in parsed)
    if info_entry is None or any(d.is_error for d in problems):
        return LoadResult(None, tuple(problems), files, tuple(parsed))
    return LoadResult(assemble(info_entry, tables, files), tuple(problems), files, tuple(parsed))


def _metadata(
    sections: list[tuple[ParsedFile, list[tuple[str, object]]]],
    parsed: list[ParsedFile],
    problems: list[Diagnostic],
) -> tuple[RawEntry | None, tuple[str, ...] | None]:
    """The ``catalog:`` block (exactly one in the whole catalog) and the declared languages."""
    blocks = [(file, node) for file, kinds in sections for kind, node in kinds if kind == "catalog"]
    if not blocks:
        if parsed and not any(d.is_error and d.code in NOT_PARSED for d in problems):
            problems.append(diagnostic("PF109", "catalog.no_metadata", parsed[0].path, 1, 1))
        return None, None
    first_file, first_node = blocks[0]
    for file, node in blocks[1:]:
        problems.append(
            diagnostic(
                "PF109",
                "catalog.several_metadata",
                file.path,
                node.line,  # type: ignore[attr-defined]
                node.column,  # type: ignore[attr-defined]
                first=f"{first_file.path}:{first_node.line}",  # type: ignore[attr-defined]
            )
        )
    reader = EntryReader(first_file.path, None)
    entry = reader.entry("catalog", first_node)  # type: ignore[arg-type]
    problems.extend(reader.diagnostics)
    if entry is None or "languages" in entry.nodes and "languages" not in entry.values:
        return None, None  # broken languages: names cannot be checked against them
    languages: tuple[str, ...] = tuple(entry.values.get("languages") or ("en",))
    if "name" not in entry.values or "version" not in entry.values:
        return None, languages
    return entry, languages


def load_catalog(path: Path | str | None = None, *, use_cache: bool = True) -> Catalog:
    """The checked catalog at ``path`` (default: :func:`default_catalog_path`).

    Raises :class:`CatalogError` (with every diagnostic) when the catalog has errors, and
    :class:`PathfinderError` when the path does not exist.
    """
    result = check_catalog(path, use_cache=use_cache)
    if result.catalog is None:
        raise CatalogError(result.diagnostics)
    return result.catalog


def loads_catalog(text: str, name: str = "catalog.yaml") -> Catalog:
    """A catalog from YAML text (one file's worth), for tests and embedding. Raises CatalogError."""
    with _gc_paused():
        result = check_parsed([parse_text(text, name)])
    if result.catalog is None:
        raise CatalogError(result.diagnostics)
    return result.catalog
