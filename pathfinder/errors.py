"""Errors meant for people, all of them here. Each carries a message key (see
``pathfinder.locales``) and its parameters, so the CLI can say it in the user's language;
``str(error)`` is the English text. The command line prints ``message(lang)`` on standard error
and exits with the class's ``exit_code``, as the README's "Exit codes" documents them:

- **1**, nothing found or nothing written: :class:`TimeLimitError`, :class:`SyncRefusedError`;
- **2**, bad input: :class:`PathfinderError` itself, :class:`CatalogError`,
  :class:`UnknownIdError`, :class:`ProfileError`, :class:`CoordinatesError`,
  :class:`YamlFileError`, :class:`WriteError` (a file named by the user that cannot be written),
  :class:`PlaceError` (a home typed as a commune or postal code that cannot be placed),
  :class:`BasinError` (a basin to plan with problems), :class:`FeedError` (a training-offer feed
  that cannot be read, or that is refused as unsafe).

Exceptions that only steer the program (a search out of time, an interrupted session, standard
output that cannot be written, a file refused while reading) stay in their modules and say that
they are internal: they are caught and turned into a result, a diagnostic, an exit code or one of
these errors, never shown as such. A test (tests/test_errors.py) holds both rules.

This module imports nothing from the package at module level (every module may import it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import Diagnostic


class PathfinderError(Exception):
    """Bad input a person can fix. The CLI prints ``message(lang)`` and exits with ``exit_code``.
    Exit code 2."""

    exit_code = 2

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        from .i18n import t

        return t(self.key, lang, **self.params)


class CatalogError(PathfinderError):
    """The catalog has errors; ``diagnostics`` holds all of them (and the warnings). Exit code 2."""

    INVALID_KEY = "catalog.invalid"
    """Says how many errors, and the first."""
    BROKEN_KEY = "catalog.broken"
    """Closes the list of every error, printed one per line by the command line."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else self.diagnostics[0]
        super().__init__(self.INVALID_KEY, count=len(errors), first=first.render())

    def message(self, lang: str | None = None) -> str:
        from .i18n import t

        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else self.diagnostics[0]
        return t(self.key, lang, count=len(errors), first=first.render(lang))


class BasinError(CatalogError):
    """A basin (a basin file, a CSV of people, a folder of profiles) has errors; ``diagnostics``
    holds all of them. Exit code 2."""

    INVALID_KEY = "basin.invalid"
    BROKEN_KEY = "basin.broken"


class SyncRefusedError(CatalogError):
    """``catalog sync-lheo --write`` refused: the catalog would have errors after the sync
    (:mod:`pathfinder.lheo.apply`); ``diagnostics`` holds them and no file was changed. Exit
    code 1: the input was fine, the result is what cannot be written."""

    exit_code = 1
    INVALID_KEY = "sync.refused"
    BROKEN_KEY = "sync.refused_broken"


class UnknownIdError(PathfinderError):
    """An id that the catalog does not have, with the closest ones it does. Exit code 2."""

    def __init__(
        self, kind: str, entry_id: str, suggestions: Sequence[str] = (), where: str = ""
    ) -> None:
        self.kind = kind
        self.entry_id = entry_id
        self.suggestions = tuple(suggestions)
        self.where = where
        super().__init__("error.unknown_id", kind=kind, id=entry_id)

    def message(self, lang: str | None = None) -> str:
        from .i18n import t
        from .safetext import clip

        # The id is input: a 45 MB one is echoed as its first characters, control characters visible.
        text = t(
            "error.unknown_id", lang, kind=t(f"kind.{self.kind}", lang), id=clip(self.entry_id)
        )
        if self.where:
            text = f"{self.where}: {text}"
        if self.suggestions:
            return f"{text}; " + t(
                "error.did_you_mean", lang, suggestion=", ".join(self.suggestions)
            )
        return f"{text}."


class WriteError(PathfinderError, OSError):
    """A file Pathfinder refused, or failed, to write (see ``pathfinder.atomic``). It is also an
    OSError, so code that tolerates a failed write (the cache) still does. Exit code 2."""

    def __init__(self, key: str, /, *, path: object, **params: object) -> None:
        self.path = str(path)
        super().__init__(key, path=self.path, **params)

    def message(self, lang: str | None = None) -> str:
        from .i18n import t
        from .safetext import printable

        params = dict(self.params, path=printable(self.path))
        if "kind" in params:
            params["kind"] = t(f"write.kind.{params['kind']}", lang)
        if "reason" in params:
            params["reason"] = printable(str(params["reason"]))
        return t(self.key, lang, **params)


class ProfileError(PathfinderError):
    """A profile field with the wrong type or value. Exit code 2."""


class CoordinatesError(PathfinderError):
    """Coordinates that are not two numbers in range. Exit code 2."""


class YamlFileError(PathfinderError):
    """A YAML file (a profile, say) that cannot be read or parsed; the message is the
    diagnostic's, with the file, line and column. Exit code 2."""

    def __init__(self, problem: Diagnostic) -> None:
        self.diagnostic = problem
        super().__init__("yaml.file_error", problem=problem.render())

    def message(self, lang: str | None = None) -> str:
        return self.diagnostic.render(lang)


class TimeLimitError(PathfinderError):
    """The search ran out of time before finding any path within the caps (none is known to
    exist or not to exist). Exit code 1: nothing found."""

    exit_code = 1


# --- training-offer feeds (pathfinder.lheo) ---


class FeedError(PathfinderError):
    """A LHÉO feed that cannot be read or is refused (:mod:`pathfinder.lheo.feed`): the file,
    line and column, and what is wrong. Exit code 2."""

    def __init__(self, path: str, line: int, col: int, key: str, **params: object) -> None:
        super().__init__(key, path=path, line=line, col=col, **params)
        self.path = path
        self.line = line
        self.col = col


# --- gazetteer: places typed as a French commune or postal code (pathfinder.gazetteer) ---


class PlaceError(PathfinderError):
    """A place (a home) typed as a French commune name or postal code that the gazetteer cannot
    turn into coordinates: unknown (with the closest names), ambiguous (with the candidates, each
    with its département and postal codes), or known but without coordinates. Keys:
    ``place.empty``, ``place.unknown``, ``place.unknown_postal_code``, ``place.ambiguous``,
    ``place.no_coordinates``. Exit code 2."""

    MAX_LISTED = 8
    """Candidates named in the message; the rest are counted ("and 12 more")."""

    def __init__(
        self,
        key: str,
        /,
        *,
        query: str,
        candidates: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        example: str = "",
    ) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        self.suggestions = tuple(suggestions)
        self.example = example
        super().__init__(key, query=query, count=len(self.candidates))

    def message(self, lang: str | None = None) -> str:
        from .i18n import t
        from .safetext import clip, printable

        # The query is input: echoed as its first characters, control characters visible.
        listed = ", ".join(printable(c) for c in self.candidates[: self.MAX_LISTED])
        if len(self.candidates) > self.MAX_LISTED:
            more = t("place.more", lang, count=len(self.candidates) - self.MAX_LISTED)
            listed = f"{listed}, {more}"
        text = t(
            self.key,
            lang,
            query=clip(self.query),
            count=len(self.candidates),
            candidates=listed,
            example=printable(self.example),
        )
        if self.suggestions:
            return f"{text}; " + t(
                "error.did_you_mean", lang, suggestion=", ".join(self.suggestions)
            )
        return text if text.endswith(".") else f"{text}."


# --- end gazetteer ---
