"""The lint driver: one catalog at a time, loader diagnostics, the rule families, suppressions, cache.

:func:`lint` runs, for each PATH (one catalog: a file, or a directory of files), the loader's
checks (PF0xx, PF1xx: :mod:`pathfinder.yamlsource`, :mod:`pathfinder.loader`,
:mod:`pathfinder.validate`, :mod:`pathfinder.references`); when the catalog loaded without errors,
the whole-catalog checks (PF2xx: :mod:`.graph_rules`, :mod:`.plausibility`, and
:mod:`.session_rules`, the only ones that depend on the date: ``today``); the style checks
(PF3xx: :mod:`.style_rules`, and the YAML 1.1 booleans found while parsing) always. Suppression
comments and the catalog's ``lint: ignore:`` list (:mod:`.suppress`) then drop what they name;
``select``/``ignore`` (codes or prefixes such as ``PF2``) filter last. Each rule code is emitted by
exactly one module (``tests/lint/test_rule_ownership.py``); the registry of codes and severities is
:mod:`pathfinder.rules`.

Results are cached per set of file contents and per day (see :func:`_cache_key`);
``use_cache=False`` recomputes everything.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..diagnostics import Diagnostic
from ..errors import PathfinderError
from ..rules import RULES

__all__ = ["LintReport", "lint", "resolve_codes"]


@dataclass(frozen=True)
class LintReport:
    """What the lint found, sorted by path, line, column and code."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    """Every file of the catalogs, as shown in the diagnostics (unreadable ones included)."""
    skipped: tuple[str, ...] = ()
    """Catalogs (as given) whose PF2xx checks did not run because they have errors."""
    suppressed: int = 0
    """Problems dropped by suppression comments or the catalog's ``lint: ignore:`` list."""

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)

    @property
    def warning_count(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_warning)

    @property
    def info_count(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_info)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean (warnings allowed unless ``strict``; infos always), 1 problems, 2 an
        unreadable file."""
        from ..yamlsource import UNREADABLE

        if any(d.code == UNREADABLE for d in self.diagnostics):
            return 2
        if self.error_count or (strict and self.warning_count):
            return 1
        return 0

    def without_infos(self) -> LintReport:
        """The report without its info findings (what ``--quiet`` shows)."""
        kept = tuple(d for d in self.diagnostics if not d.is_info)
        return LintReport(kept, self.files, self.skipped, self.suppressed)


@dataclass(frozen=True)
class _CatalogLint:
    """One catalog's findings after its own suppressions: what the cache stores."""

    files: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    skipped: bool
    suppressed: int


def resolve_codes(values: Iterable[str] | None, option: str = "select") -> frozenset[str] | None:
    """The rule codes named by ``values`` (comma-separated codes or prefixes: ``PF201,PF3``).

    None when nothing is given. An item that is no code's prefix raises :class:`PathfinderError`.
    """
    if values is None:
        return None
    codes: set[str] = set()
    given = False
    for value in values:
        for item in value.split(","):
            item = item.strip().upper()
            if not item:
                continue
            given = True
            matched = {code for code in RULES if code.startswith(item)}
            if not matched or not item.startswith("PF"):
                from ..safetext import clip
                from ..textsearch import suggest

                hint = suggest(item, RULES)
                key = "lint.unknown_code_hint" if hint else "lint.unknown_code"
                raise PathfinderError(
                    key, option=option, code=clip(item), suggestion=", ".join(hint)
                )
            codes |= matched
    return frozenset(codes) if given else None


def lint(
    paths: Sequence[Path | str] | Path | str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    use_cache: bool = True,
    today: date | None = None,
) -> LintReport:
    """Lint each catalog in ``paths`` (default: ``$PATHFINDER_CATALOG``, else the bundled one).

    ``today`` is the day the session rules (PF211–PF213) look from; default
    :func:`pathfinder.dates.today`. Never raises for bad content. Raises :class:`PathfinderError`
    for a path that does not exist or holds no YAML file, and for an unknown code in ``select``
    or ``ignore``.
    """
    from ..dates import today as current_day
    from ..loader import default_catalog_path

    day = today if today is not None else current_day()

    selected = resolve_codes(select, "--select")
    ignored = resolve_codes(ignore, "--ignore") or frozenset()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    roots = list(dict.fromkeys(Path(p) for p in paths)) if paths else [default_catalog_path()]
    for root in roots:
        if not root.exists():
            raise PathfinderError("catalog.not_found", path=str(root))
    found: list[Diagnostic] = []
    files: list[str] = []
    skipped: list[str] = []
    suppressed = 0
    for root in roots:
        result = _lint_catalog(root, use_cache, day)
        files.extend(result.files)
        found.extend(result.diagnostics)
        suppressed += result.suppressed
        if result.skipped:
            skipped.append(str(root))
    kept = [d for d in found if (selected is None or d.code in selected) and d.code not in ignored]
    kept.sort()
    return LintReport(tuple(kept), tuple(files), tuple(skipped), suppressed)


def _lint_catalog(root: Path, use_cache: bool, today: date) -> _CatalogLint:
    from .. import cache

    key = _cache_key(root, today) if use_cache else None
    if key is not None:
        hit = cache.read(key)
        if isinstance(hit, _CatalogLint):
            return hit
    result = _check(root, today)
    if key is not None:
        cache.write(key, result)
    return result


def _check(root: Path, today: date) -> _CatalogLint:
    from ..loader import check_catalog
    from ..yamlsource import UNREADABLE
    from . import graph_rules, plausibility, session_rules, style_rules, suppress
    from .locate import Locator

    loaded = check_catalog(root, use_cache=False)
    parsed = list(loaded.parsed)
    found = list(loaded.diagnostics)
    if loaded.catalog is not None:
        locator = Locator(parsed)
        found.extend(graph_rules.check(loaded.catalog, locator))
        found.extend(plausibility.check(loaded.catalog, locator))
        found.extend(session_rules.check(loaded.catalog, locator, today))
    found.extend(style_rules.check(parsed))
    suppressions = suppress.scan(parsed)
    found.extend(suppressions.problems)
    kept, dropped = suppressions.apply(found)
    kept.sort()
    unreadable = {d.path for d in loaded.diagnostics if d.code == UNREADABLE}
    files = tuple(sorted(unreadable.union(loaded.files))) if unreadable else tuple(loaded.files)
    return _CatalogLint(files, tuple(kept), loaded.catalog is None, dropped)


def _cache_key(root: Path, today: date) -> str | None:
    """A key over the lint's code, every file's path and content, and the day the date-dependent
    rules look from (None if a file is unreadable): a result computed on another day, when a
    session may not yet have ended, is never served.

    The shown paths depend on how ``root`` was written and, for the bundled catalog, on the working
    directory, so both are part of the key.
    """
    from .. import cache
    from ..boundedread import read_bounded
    from ..loader import discover
    from ..yamlsource import MAX_FILE_BYTES

    try:
        files = discover(root)
        pairs = [
            (str(f.resolve()), hashlib.sha256(read_bounded(f, MAX_FILE_BYTES)).hexdigest())
            for f in files
        ]
    except (OSError, PathfinderError):
        return None
    if not pairs:
        return None
    pairs += [
        ("\0lint", _code_fingerprint()),
        ("\0root", str(root)),
        ("\0cwd", os.getcwd()),
        ("\0today", today.isoformat()),
    ]
    return cache.cache_key(pairs)


@functools.cache
def _code_fingerprint() -> str:
    """A hash of the package's code, so that a changed rule never serves stale findings.

    It covers every module of the package (about a megabyte, hashed once per process): the checks
    use the loader, the schema, the level arithmetic and the planner's reachability, wherever they
    live, and a subpackage left out would one day serve findings of code that has changed.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        try:
            digest.update(source.read_bytes())
        except OSError:  # pragma: no cover - an installed package is readable
            continue
    return digest.hexdigest()
