"""Errors meant for people. Each carries a message key (see ``pathfinder.locales``) and its
parameters, so the CLI can say it in the user's language; ``str(error)`` is the English text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import Diagnostic


class PathfinderError(Exception):
    """Bad input a person can fix. The CLI prints ``message(lang)`` and exits with ``exit_code``."""

    exit_code = 2

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        from .i18n import t

        return t(self.key, lang, **self.params)


class CatalogError(PathfinderError):
    """The catalog has errors; ``diagnostics`` holds all of them (and the warnings)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else self.diagnostics[0]
        super().__init__("catalog.invalid", count=len(errors), first=first.render())

    def message(self, lang: str | None = None) -> str:
        from .i18n import t

        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else self.diagnostics[0]
        return t(self.key, lang, count=len(errors), first=first.render(lang))


class UnknownIdError(PathfinderError):
    """An id that the catalog does not have, with the closest ones it does."""

    def __init__(self, kind: str, entry_id: str, suggestions: Sequence[str] = (), where: str = "") -> None:
        self.kind = kind
        self.entry_id = entry_id
        self.suggestions = tuple(suggestions)
        self.where = where
        super().__init__("error.unknown_id", kind=kind, id=entry_id)

    def message(self, lang: str | None = None) -> str:
        from .i18n import t
        from .safetext import clip

        # The id is input: a 45 MB one is echoed as its first characters, control characters visible.
        text = t("error.unknown_id", lang, kind=t(f"kind.{self.kind}", lang), id=clip(self.entry_id))
        if self.where:
            text = f"{self.where}: {text}"
        if self.suggestions:
            return f"{text}; " + t("error.did_you_mean", lang, suggestion=", ".join(self.suggestions))
        return f"{text}."


class WriteError(PathfinderError, OSError):
    """A file Pathfinder refused, or failed, to write (see ``pathfinder.atomic``). It is also an
    OSError, so code that tolerates a failed write (the cache) still does."""

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
