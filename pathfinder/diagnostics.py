"""Diagnostics: one problem found in a catalog, with its rule code, severity and position."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .i18n import has_message, t
from .safetext import printable


class Severity(str, Enum):
    """How serious a finding is, most serious first. An error makes a catalog unusable; a warning
    is something a human should look at; an info is worth knowing and never fails a run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at ``path:line:column`` (1-based), up to ``end_line:end_column``.

    ``key`` and ``params`` name the message in ``pathfinder.locales``; ``message`` is its English
    text. Diagnostics sort by position, then code.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    key: str = field(compare=False)
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    @property
    def is_info(self) -> bool:
        return self.severity is Severity.INFO

    def message_in(self, lang: str | None = None) -> str:
        params = dict(self.params)
        kind = params.get("kind")
        if isinstance(kind, str):  # entry kinds are words to translate, not literal values
            params["kind"] = t(f"kind.{kind}", lang) if has_message(f"kind.{kind}") else kind
        return t(self.key, lang, **params)

    @property
    def message(self) -> str:
        return self.message_in("en")

    def render(self, lang: str | None = None) -> str:
        """``path:line:col: severity CODE message`` — the linters' convention. One line, for people:
        catalog text quoted in the message has its control characters written as visible escapes."""
        severity = t(f"severity.{self.severity.value}", lang)
        return f"{printable(self.path)}:{self.line}:{self.column}: {severity} {self.code} {printable(self.message_in(lang))}"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)
