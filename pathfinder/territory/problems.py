"""Problems found reading a basin (a basin file, a CSV of people, a folder of profiles), as
diagnostics: ``path:line:col: error CODE message``, every one of them, then exit 2.

- PB101 an unknown key or column (with "did you mean");
- PB102 a missing field;
- PB103 a value of the wrong type or out of range;
- PB106 a duplicate group id or person reference;
- PB107 an unknown id (job, site, skill, course, funding source; with "did you mean"), or a home
  that cannot be placed;
- PB110 a radius without a home;
- the reading rules of YAML files (PF0xx: syntax, size, encoding…), as for a catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
from ..errors import PathfinderError

CODES = {
    "PB101": "unknown-key",
    "PB102": "missing-field",
    "PB103": "bad-value",
    "PB106": "duplicate",
    "PB107": "unknown-id",
    "PB110": "radius-without-home",
}


def problem(
    code: str, key: str, path: str, line: int, column: int, /, **params: object
) -> Diagnostic:
    """An error of basin rule ``code`` at ``path:line:column``, said by message ``key``."""
    assert code in CODES, code
    return Diagnostic(path, line, column, code, Severity.ERROR, key, tuple(params.items()))


def error_problem(
    code: str, error: PathfinderError, path: str, line: int, column: int
) -> Diagnostic:
    """A library error (a profile field, an unknown id, a place) as a basin diagnostic: its
    message, in the reader's language, without the position it may start with."""
    return ErrorDiagnostic(path, line, column, code, Severity.ERROR, "basin.error", error=error)


@dataclass(frozen=True, order=True)
class ErrorDiagnostic(Diagnostic):
    """A diagnostic that says a library error's own message."""

    error: PathfinderError | None = field(default=None, compare=False)

    def message_in(self, lang: str | None = None) -> str:
        if self.error is None:  # pragma: no cover - always made with one
            return super().message_in(lang)
        return self.error.message(lang).lstrip(" :\u00a0").strip()
