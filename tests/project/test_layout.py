"""The README's Layout table matches the tree: what it names exists, and it names every module.

A row's first cell names paths in backticks: the first from the repository's root
(`pathfinder/model.py`), the others beside it (`levels.py` is `pathfinder/levels.py`; `locales/`
is `pathfinder/locales/`). A directory row covers every module below it. Module names written in
the description of a row (`linter.py`, `planning/why_not.py`) are looked up in the row's
directories, and must exist too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pathfinder

PACKAGE = Path(pathfinder.__file__).resolve().parent
ROOT = PACKAGE.parent
README = ROOT / "README.md"
TICKED = re.compile(r"`([^`\s]+)`")


def layout_rows() -> list[tuple[list[str], list[str]]]:
    """Each row of the Layout table: the paths of its first cell (from the root), and the file or
    directory names in backticks in its description."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first, description = line.strip("|").split("|", 1)
        names = TICKED.findall(first)
        base = Path(names[0].rstrip("/")).parent
        paths = [
            names[0],
            *((base / name).as_posix() + ("/" if name.endswith("/") else "") for name in names[1:]),
        ]
        mentioned = [
            n for n in TICKED.findall(description) if n.endswith((".py", "/")) and " " not in n
        ]
        rows.append((paths, mentioned))
    return rows


def test_the_table_is_found() -> None:
    rows = layout_rows()
    assert len(rows) > 10
    assert ["pathfinder/model.py", "pathfinder/levels.py"] in [paths for paths, _ in rows]


def test_every_path_in_the_first_column_exists() -> None:
    missing = [
        path
        for paths, _ in layout_rows()
        for path in paths
        if not ((ROOT / path).is_dir() if path.endswith("/") else (ROOT / path).is_file())
    ]
    assert missing == []


def test_every_module_named_in_a_description_exists() -> None:
    missing = []
    for paths, mentioned in layout_rows():
        places = {ROOT / Path(path.rstrip("/")).parent for path in paths}
        places |= {ROOT / path for path in paths if path.endswith("/")}
        for name in mentioned:
            if not any((place / name.rstrip("/")).exists() for place in places):
                missing.append(f"{name} (row {paths[0]})")
    assert missing == []


def test_every_module_of_the_package_is_in_the_table() -> None:
    named_files = set()
    named_dirs = []
    for paths, _ in layout_rows():
        for path in paths:
            if path.endswith("/"):
                named_dirs.append(ROOT / path)
            else:
                named_files.add(ROOT / path)
    unnamed = [
        path.relative_to(ROOT).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in named_files and not any(path.is_relative_to(d) for d in named_dirs)
    ]
    assert unnamed == []
