"""Rich consoles for stdout and stderr, and a standard output that fails clearly.

Rich honours NO_COLOR and TERM=dumb by itself, and draws ASCII boxes when the output encoding is
not UTF-8. :func:`guard_output` (called first thing by ``app.main``) makes the rest safe:

- characters the output encoding cannot represent (an old Latin-1 or ASCII terminal,
  ``PYTHONIOENCODING=latin-1``) are written as their usual ASCII stand-in (``€`` as ``EUR``, ``é`` as
  ``e``) or ``?``, instead of raising UnicodeEncodeError;
- a failed write or flush of standard output (closed, full disk, broken pipe) raises
  :class:`OutputError`, which ``app.main`` turns into one line on stderr and exit code 3
  (:data:`OUTPUT_ERROR_EXIT`); a standard output closed before start-up (``sys.stdout`` is None)
  fails the same way on the first write.

:func:`console_width` keeps a bad ``COLUMNS`` (0, negative, not a number, absurdly large) from
giving an empty or unbounded layout.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

OUTPUT_ERROR_EXIT = 3
"""Exit code when standard output could not be written (closed, full, broken pipe)."""
MIN_WIDTH = 20
"""A ``COLUMNS`` below this is treated as absent."""
MAX_WIDTH = 500
"""A ``COLUMNS`` above this is capped to it."""
DEFAULT_WIDTH = 80
"""The width when ``COLUMNS`` is absent or bad and the output is not a terminal."""


FALLBACK_ERRORS = "pathfinder-fallback"
"""The codec error handler of the guarded streams: see :func:`_fallback`."""
_FALLBACKS = {
    "€": "EUR",
    "—": "-",
    "–": "-",
    "−": "-",
    "…": "...",
    "→": "->",
    "←": "<-",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "×": "x",
    "·": ".",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "✓": "v",
    "✗": "x",
    "•": "*",
}


def _fallback(error: UnicodeError) -> tuple[str, int]:
    """Characters the output encoding lacks: the usual ASCII stand-in (``€`` as ``EUR``, ``—`` as
    ``-``, ``≥`` as ``>=``), the letter without its accent (``é`` as ``e``), else ``?``.
    Registered as :data:`FALLBACK_ERRORS`."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(
        _stand_in(char, error.encoding) for char in error.object[error.start : error.end]
    ), error.end


def _stand_in(char: str, encoding: str) -> str:
    known = _FALLBACKS.get(char)
    if known is not None:
        return known
    import unicodedata

    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    try:
        return base.encode(encoding).decode(encoding) if base else "?"  # é as e, œ stays ?
    except UnicodeError:
        return "?"


codecs.register_error(FALLBACK_ERRORS, _fallback)


class OutputError(Exception):
    """Standard output could not be written; ``cause`` is the OSError.

    Internal control flow, never shown to a user as such: the entry point says it in one line on
    standard error (nothing for a broken pipe) and exits with status 3."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause

    @property
    def broken_pipe(self) -> bool:
        return self.cause.errno == errno.EPIPE


class _GuardedOutput(io.TextIOWrapper):
    """Standard output that replaces unencodable characters and raises OutputError when the
    write or flush fails."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except OSError as error:
            raise OutputError(error) from error

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as error:
            raise OutputError(error) from error


class _ClosedOutput(io.TextIOBase):
    """Standard output when file descriptor 1 was closed before start-up: every write fails."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))


def guard_output() -> None:
    """Install the guarded standard output (see the module docstring); standard error gets the
    same replacement of unencodable characters. Only the process's real streams are touched (a
    test harness's capture is left alone)."""
    stdout = sys.stdout
    if stdout is None:
        sys.stdout = _ClosedOutput()
    elif (
        stdout is sys.__stdout__
        and isinstance(stdout, io.TextIOWrapper)
        and not isinstance(stdout, _GuardedOutput)
    ):
        try:
            stdout.flush()
            sys.stdout = _GuardedOutput(
                stdout.buffer,
                encoding=stdout.encoding,
                errors=FALLBACK_ERRORS,
                line_buffering=stdout.line_buffering,
            )
        except (OSError, ValueError, AttributeError):
            pass
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    elif isinstance(sys.stderr, io.TextIOWrapper) and sys.stderr.errors == "strict":
        try:
            sys.stderr.reconfigure(errors=FALLBACK_ERRORS)
        except (OSError, ValueError):
            pass


def flush_output() -> None:
    """Flush standard output (so a failure to write it is reported, never silent)."""
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except OSError as error:
            raise OutputError(error) from error


def abandon_output() -> None:
    """After OutputError: point file descriptor 1 at /dev/null, so that the flush at interpreter
    shutdown cannot fail a second time (Python's documented recipe for broken pipes)."""
    stdout = sys.stdout
    try:
        fd = stdout.fileno() if stdout is not None else -1
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        fd = -1
    if fd >= 0:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the rest of the run


def console_width() -> int | None:
    """The width for rich: ``COLUMNS`` when it is a whole number of at least :data:`MIN_WIDTH`
    (capped to :data:`MAX_WIDTH`); else None (rich measures the terminal) when standard output
    is a terminal, :data:`DEFAULT_WIDTH` when it is not. None also when ``COLUMNS`` is absent."""
    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        columns = int(raw.strip())
    except ValueError:
        columns = 0
    if columns >= MIN_WIDTH:
        return min(columns, MAX_WIDTH)
    try:
        return (
            os.get_terminal_size(sys.__stdout__.fileno()).columns
            if sys.__stdout__ is not None
            else DEFAULT_WIDTH
        )
    except (OSError, ValueError, AttributeError):
        return DEFAULT_WIDTH


def stdout_console() -> Console:
    from rich.console import Console

    return Console(
        highlight=False, soft_wrap=False, markup=False, emoji=False, width=console_width()
    )


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False, width=console_width())


def print_json(data: object) -> None:
    """Pretty, stable JSON on stdout (UTF-8, keys in insertion order); characters that would act
    on a terminal are written as JSON escapes (:func:`~pathfinder.safetext.inert_json`)."""
    import json

    from ..safetext import inert_json

    sys.stdout.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
