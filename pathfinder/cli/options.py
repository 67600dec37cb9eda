"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..objectives import OBJECTIVE_NAMES
from .help_text import h


class Lang(str, Enum):
    en = "en"
    fr = "fr"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


Optimize = Enum("Optimize", {name: name for name in OBJECTIVE_NAMES}, type=str)  # type: ignore[misc]
"""The ``--optimize`` choices of ``plan``, ``explore`` and ``advise``: one per objective
(:mod:`pathfinder.objectives`), in its order."""
DEFAULT_OBJECTIVE: str = OBJECTIVE_NAMES[0]


CatalogOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help=h("help.opt.catalog"),
        show_default=False,
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help=h("help.opt.no_cache"))]
LangOpt = Annotated[
    Lang | None,
    typer.Option("--lang", help=h("help.opt.lang"), show_default=False),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", help=h("help.opt.format"))]
