"""Imports only go down: the command line, then what it presents, then the planner, then the core.

    cli (and ``__main__``)                      the terminal: typer, rich, questionary
      -> reports, advising, lint, lheo           what is shown, checked or synced for people
        -> planner, explore, planning            the exact planner and what it computes
          -> the core                            model, levels, loader, schema, profile, errors, …

A module imports only modules of its own layer or below, and within the middle layers only as
:data:`FORBIDDEN` allows. Every import counts, at module level or inside a function (the command
modules import the library lazily; a lazy import that goes up is still a dependency). The modules
read are the package's source files, parsed, not imported, so the test sees every branch.

The UI libraries (typer, rich, questionary, click, prompt_toolkit) are imported under
``pathfinder.cli`` only: the library needs no terminal. ``test_lint_core_imports_no_ui_library``
(tests/cli/test_lint_cmd.py) checks the same at run time, through every transitive import, for lint.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pathfinder

PACKAGE = Path(pathfinder.__file__).resolve().parent

LAYERS = {
    "cli": 4,
    "__main__": 4,
    "reports": 3,
    "advising": 3,
    "lint": 3,
    "lheo": 3,
    "planner": 2,
    "explore": 2,
    "planning": 2,
    "territory": 2,
}
"""The top-level name of a module (``pathfinder.<name>…``) -> its layer; every other one is core (1)."""
CORE = 1

FORBIDDEN = {
    "planning": {"reports", "advising", "lint", "cli"},
    "planner": {"reports", "advising", "lint", "cli"},
    "explore": {"reports", "advising", "lint", "cli"},
    "territory": {"reports", "advising", "lint", "cli"},
    "lint": {"reports", "advising", "lheo", "cli"},
    "lheo": {"reports", "advising", "cli"},
    "reports": {"advising", "lint", "cli"},
    "advising": {"lint", "cli"},
}
"""Within and across the middle layers: who never imports whom. ``advising`` may use ``reports``
(the report it exports is rendered there); nothing in the library imports ``cli``."""

UI_LIBRARIES = ("typer", "rich", "questionary", "click", "prompt_toolkit")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names), anywhere in the file; ``from X import y``
    also counts ``X.y``, which may be a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def area(module: str) -> str:
    """``pathfinder.planning.search`` -> ``planning``; ``pathfinder`` itself -> ``pathfinder``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer(module: str) -> int:
    return LAYERS.get(area(module), CORE)


def is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    return (PACKAGE / relative).with_suffix(".py").is_file() or (
        PACKAGE / relative / "__init__.py"
    ).is_file()


def package_imports() -> list[tuple[str, str]]:
    """Every (importer, imported module of the package), over every source file of the package."""
    pairs = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for target in sorted(imports(path)):
            if target.split(".")[0] == "pathfinder" and is_module(target):
                pairs.append((importer, target))
    return pairs


def test_the_scan_sees_imports_inside_functions() -> None:
    text = (PACKAGE / "cli" / "plan_cmd.py").read_text(encoding="utf-8")
    assert "    from ..planner import" in text  # a lazy import, inside the command
    assert ("pathfinder.cli.plan_cmd", "pathfinder.planner") in package_imports()


def test_every_layer_named_is_a_part_of_the_package() -> None:
    named = set(LAYERS) | set(FORBIDDEN) | {t for targets in FORBIDDEN.values() for t in targets}
    assert sorted(n for n in named if not is_module(f"pathfinder.{n}")) == []


def test_imports_only_go_down() -> None:
    upward = [
        f"{importer} ({layer(importer)}) -> {target} ({layer(target)})"
        for importer, target in package_imports()
        if layer(target) > layer(importer)
    ]
    assert upward == []


@pytest.mark.parametrize("importer", sorted(FORBIDDEN))
def test_forbidden_imports(importer: str) -> None:
    found = [
        f"{source} -> {target}"
        for source, target in package_imports()
        if area(source) == importer and area(target) in FORBIDDEN[importer]
    ]
    assert found == []


def test_no_library_module_imports_the_cli() -> None:
    found = [
        f"{source} -> {target}"
        for source, target in package_imports()
        if area(target) == "cli" and area(source) not in ("cli", "__main__")
    ]
    assert found == []


def test_ui_libraries_are_imported_by_the_cli_only() -> None:
    found = [
        f"{module_name(path)} -> {target}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if area(module_name(path)) != "cli"
        for target in sorted(imports(path))
        if target.split(".")[0] in UI_LIBRARIES
    ]
    assert found == []


def test_the_cli_uses_the_ui_libraries() -> None:
    """The scan would pass vacuously if it missed imports: the CLI's own are found."""
    found = {
        target.split(".")[0] for path in (PACKAGE / "cli").glob("*.py") for target in imports(path)
    }
    assert {"typer", "rich", "questionary"} <= found
