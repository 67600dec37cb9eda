"""Two ways to run the ``pathfinder`` command in a test.

- :func:`run_cli` runs it **in this process**: the console script's own entry point
  (``pathfinder.cli.app.main``) with the arguments, environment and standard streams of a run
  with no terminal and no standard input. It is what most CLI tests use: it checks everything
  the command says and writes, exit code included, at a fraction of a process start's cost.
- :func:`run_console_script` starts the **real installed console script** in a subprocess. Tests
  keep it for what only a process shows: the entry point as installed, start-up imports, the
  help language read at import time, file descriptors (closed, full or broken standard output),
  encodings of the real streams, signals and time limits measured from outside.

Both return a :class:`subprocess.CompletedProcess` with text ``stdout`` and ``stderr``.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator

LOCALE_VARIABLES = ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")
"""Removed from every run's environment: a test says the language it wants."""

BASE_ENVIRONMENT = {"NO_COLOR": "1", "COLUMNS": "80"}


def pathfinder_command() -> list[str]:
    """The installed console script (falls back to ``python -m pathfinder``)."""
    script = shutil.which("pathfinder", path=os.path.dirname(sys.executable)) or shutil.which(
        "pathfinder"
    )
    return [script] if script else [sys.executable, "-m", "pathfinder"]


def subprocess_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a subprocess run: this process's without locale variables, plus
    ``NO_COLOR``, ``COLUMNS=80`` and ``env``."""
    full_env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    full_env.update({**BASE_ENVIRONMENT, **(env or {})})
    return full_env


def run_console_script(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the real ``pathfinder`` command with no terminal and no standard input."""
    return subprocess.run(
        [*pathfinder_command(), *args],
        capture_output=True,
        text=True,
        env=subprocess_environment(env),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``pathfinder ARGS`` in this process, as the console script would run it.

    The run gets its own environment (this process's, without locale variables, plus ``NO_COLOR``,
    ``COLUMNS=80`` and ``env``), an empty standard input, UTF-8 standard output and error that are
    not terminals, a fresh context (the language the command chose does not leak into the next
    run) and its own warning filters; everything is restored afterwards.
    """
    from pathfinder.cli.app import main

    stdout, stderr = _capture(), _capture()
    with _environment(env), _streams(stdout, stderr, args), warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter("default")
        try:
            contextvars.copy_context().run(main)
            code = 0  # pragma: no cover - main always ends with sys.exit
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        stdout.flush()
        stderr.flush()
    return subprocess.CompletedProcess(["pathfinder", *args], code, _text(stdout), _text(stderr))


def _capture() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8").replace("\r\n", "\n")


@contextlib.contextmanager
def _environment(env: dict[str, str] | None) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        for name in LOCALE_VARIABLES:
            os.environ.pop(name, None)
        os.environ.update({**BASE_ENVIRONMENT, **(env or {})})
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _streams(
    stdout: io.TextIOWrapper, stderr: io.TextIOWrapper, args: tuple[str, ...]
) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr, sys.argv
    sys.stdin = io.StringIO("")
    sys.stdout, sys.stderr = stdout, stderr
    sys.argv = ["pathfinder", *args]
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved
