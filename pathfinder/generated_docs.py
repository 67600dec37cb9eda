"""Documents generated from the code (``docs/lint-rules.md``, ``docs/cli.md``): the one
``--write``/``--check`` command line they share, so each generator only says how to render."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def regenerate(argv: list[str], module: str, render: Callable[[str | None], str]) -> int:
    """``--write PATH`` writes ``render(current text or None)`` to PATH; ``--check PATH`` exits 1,
    naming the command to run, when PATH differs from it. 2 for any other arguments."""
    if len(argv) != 2 or argv[0] not in ("--write", "--check"):
        sys.stderr.write(f"usage: python -m {module} --write|--check PATH\n")
        return 2
    path = Path(argv[1])
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    fresh = render(current)
    if argv[0] == "--check":
        if fresh != current:
            sys.stderr.write(f"{path} is out of date; run python -m {module} --write {path}\n")
            return 1
        return 0
    from .atomic import PUBLIC, write_atomic

    write_atomic(path, fresh, mode=PUBLIC)  # through the one writer: never through a link
    return 0
