"""``pathfinder catalog graph``: the prerequisite graph as DOT or Mermaid text."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..limits import DEPTH_MAX
from .help_text import h
from .options import CatalogOpt, NoCacheOpt


class GraphFormat(str, Enum):
    dot = "dot"
    mermaid = "mermaid"


AroundOpt = Annotated[
    str | None,
    typer.Option("--around", metavar="ID", help=h("help.graph.around"), show_default=False),
]
DepthOpt = Annotated[int, typer.Option("--depth", min=0, max=DEPTH_MAX, help=h("help.graph.depth"))]
GraphFormatOpt = Annotated[GraphFormat, typer.Option("--format", help=h("help.graph.format"))]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help=h("help.graph.output"), show_default=False),
]


def register(app: typer.Typer) -> None:
    """Add ``graph`` to the ``catalog`` sub-app."""
    app.command("graph", help=h("help.graph"))(graph)


def graph(
    around: AroundOpt = None,
    depth: DepthOpt = 2,
    fmt: GraphFormatOpt = GraphFormat.dot,
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    output: OutputOpt = None,
) -> None:
    """Write the prerequisite graph: skills, courses and jobs; requires, requires_any and grants."""
    from ..atomic import PUBLIC, STDOUT, is_stdout, write_atomic
    from ..graph import build_graph, neighbourhood, to_dot, to_mermaid
    from .catalog_source import load
    from .state import use_lang

    lang = use_lang(None)
    whole = build_graph(load(catalog, no_cache), lang)
    shown = neighbourhood(whole, around, depth) if around is not None else whole
    text = to_mermaid(shown) if fmt is GraphFormat.mermaid else to_dot(shown)
    if output is not None and not is_stdout(output):
        if output.suffix.lower() in (".md", ".markdown") and fmt is GraphFormat.mermaid:
            text = f"```mermaid\n{text}```\n"
    write_atomic(STDOUT if output is None else output, text, mode=PUBLIC)
