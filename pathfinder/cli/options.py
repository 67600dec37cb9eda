"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Lang(str, Enum):
    en = "en"
    fr = "fr"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


CatalogOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Catalog file or directory (default: $PATHFINDER_CATALOG, else the bundled catalog).",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Load and check the catalog afresh; skip the cache.")
]
LangOpt = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language of the output (default: from LANG, else en).", show_default=False),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
