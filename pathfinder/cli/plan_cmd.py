"""``pathfinder plan`` and ``pathfinder explore``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the planning commands to ``app``."""
