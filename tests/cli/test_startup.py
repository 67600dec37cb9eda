"""``pathfinder --help`` stays instant: no heavy module is imported to print it."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

HEAVY = (
    "networkx",
    "questionary",
    "prompt_toolkit",
    "yaml",
    "pathfinder.loader",
    "pathfinder.model",
    # typer draws its own help with rich, which costs more to import than typer itself: ours is
    # plain text (pathfinder/cli/help_format.py), so nothing of rich belongs on the --help path.
    "rich",
    "markdown_it",
    "pygments",
    "typer.rich_utils",
)


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pathfinder", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_help_imports_nothing_heavy() -> None:
    modules = imported_modules("--help")
    assert "typer" in modules
    assert not [m for m in modules for heavy in HEAVY if m == heavy or m.startswith(heavy + ".")]


def test_subcommand_help_imports_nothing_heavy() -> None:
    modules = imported_modules("catalog", "--help")
    assert not [m for m in modules for heavy in HEAVY if m == heavy or m.startswith(heavy + ".")]


def test_english_help_does_not_load_the_french_messages() -> None:
    assert "pathfinder.locales.fr" not in imported_modules("plan", "--help")


def test_command_modules_keep_their_annotations_as_objects() -> None:
    """typer evaluates every command's annotations on each run: strings cost a compile each."""

    cli = ROOT / "pathfinder" / "cli"
    declaring = [
        p
        for p in cli.glob("*.py")
        if "typer.Typer(" in p.read_text() or ".command(" in p.read_text()
    ]
    assert {p.name for p in declaring} >= {"app.py", "plan_cmd.py", "catalog_cmd.py"}
    assert [
        p.name for p in declaring if "from __future__ import annotations" in p.read_text()
    ] == []


def test_plan_on_the_bundled_catalog_loads_no_solver() -> None:
    """The bundled catalog's problems are small: the landmark search answers them, and neither
    HiGHS nor numpy is imported (pathfinder/planning/engine.py)."""
    modules = imported_modules(
        "plan",
        "--to",
        "ev-maintenance-technician",
        "--from",
        "ice-assembly-operator",
        "--format",
        "json",
    )
    assert "pathfinder.planner" in modules
    assert not [m for m in modules for heavy in ("highspy", "numpy") if m.split(".")[0] == heavy]
