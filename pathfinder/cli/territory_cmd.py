"""``pathfinder territory``: plan a whole basin — who goes where, through which courses, and the
training seats to open. The library (:mod:`pathfinder.territory`) is imported when the command
runs; the text report is drawn by :mod:`.territory_render`."""

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..limits import TIME_LIMIT_MAX
from ..objectives import ADDITIVE_NAMES
from .help_text import h
from .options import CatalogOpt, LangOpt, NoCacheOpt

if TYPE_CHECKING:
    from ..model import Catalog
    from ..territory import Basin, TerritoryResult

BasinObjective = Enum("BasinObjective", {name: name for name in ADDITIVE_NAMES}, type=str)  # type: ignore[misc]
"""The ``--optimize`` choices of ``territory``: the objectives that add up over courses."""

TERRITORY_TIME_LIMIT = 300.0
"""Seconds the whole basin plan runs before giving its best plan so far, not proven."""
EXPORT_SUFFIXES = (".html", ".md", ".json")


class TerritoryFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


def territory_command(
    basin: Annotated[
        str | None,
        typer.Argument(metavar="FILE|NAME", help=h("help.territory.basin"), show_default=False),
    ] = None,
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    optimize: Annotated[
        BasinObjective | None,
        typer.Option("--optimize", help=h("help.territory.optimize"), show_default=False),
    ] = None,
    no_capacity: Annotated[
        bool, typer.Option("--no-capacity", help=h("help.territory.no_capacity"))
    ] = False,
    fmt: Annotated[
        TerritoryFormat, typer.Option("--format", help=h("help.opt.format"))
    ] = TerritoryFormat.text,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export", metavar="FILE", help=h("help.territory.export"), show_default=False
        ),
    ] = None,
    lang: LangOpt = None,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            metavar="SECONDS",
            max=TIME_LIMIT_MAX,
            help=h("help.territory.time_limit"),
        ),
    ] = TERRITORY_TIME_LIMIT,
    list_: Annotated[bool, typer.Option("--list", help=h("help.territory.list"))] = False,
) -> None:
    """Plan a whole employment basin."""
    from ..errors import PathfinderError
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    if list_:
        _list(catalog, no_cache, language)
        return
    if basin is None:
        raise PathfinderError("territory.no_basin")
    if export is not None and export.suffix.lower() not in EXPORT_SUFFIXES:
        raise PathfinderError(
            "territory.bad_export", path=str(export), suffixes=", ".join(EXPORT_SUFFIXES)
        )
    from .profile_options import non_negative

    non_negative("--time-limit", time_limit)
    from ..territory.sources import load_basin
    from .catalog_source import load

    cat = load(catalog, no_cache)
    read = load_basin(basin, cat)
    result = _plan(cat, read, optimize.value if optimize else None, not no_capacity, time_limit)
    if export is not None:
        _export(export, result, cat, language)
    if fmt is TerritoryFormat.json:
        from ..reports.territory_json import territory_to_json
        from .console import print_json

        print_json(territory_to_json(result, cat, language))
    elif fmt is TerritoryFormat.md:
        import sys

        from ..reports.territory_markdown import territory_to_markdown

        sys.stdout.write(territory_to_markdown(result, cat, language))
    else:
        from .console import stdout_console
        from .territory_render import render_territory

        render_territory(result, stdout_console(), language)
    if result.placed == 0:
        raise typer.Exit(1)


def _plan(
    cat: "Catalog", basin: "Basin", objective: str | None, capacity: bool, time_limit: float
) -> "TerritoryResult":
    """Plan on every core, with a progress bar on standard error when it is a terminal and the
    basin is big."""
    import os
    import sys
    from functools import partial

    from ..territory import plan_territory

    plan = partial(
        plan_territory,
        cat,
        basin,
        objective=objective,
        capacity=capacity,
        time_limit=time_limit,
        workers=os.cpu_count() or 1,
    )
    if not sys.stderr.isatty() or len(basin.groups) < 20:
        return plan()
    from rich.progress import Progress

    from .console import stderr_console

    with Progress(console=stderr_console(), transient=True) as bar:
        task = bar.add_task(basin.title, total=None)
        return plan(progress=lambda done, total: bar.update(task, completed=done, total=total))


def _export(path: Path, result: "TerritoryResult", cat: "Catalog", language: str) -> None:
    """Write the report to ``path`` (its suffix says the format), atomically, private."""
    from ..atomic import write_atomic

    suffix = path.suffix.lower()
    if suffix == ".json":
        import json

        from ..reports.territory_json import territory_to_json

        text = (
            json.dumps(territory_to_json(result, cat, language), ensure_ascii=False, indent=2)
            + "\n"
        )
    elif suffix == ".md":
        from ..reports.territory_markdown import territory_to_markdown

        text = territory_to_markdown(result, cat, language)
    else:
        from ..reports.territory_html import territory_to_html

        text = territory_to_html(result, cat, language)
    write_atomic(path, text)


def _list(catalog: Path | None, no_cache: bool, language: str) -> None:
    from ..i18n import t
    from ..territory.sources import bundled_basins, load_basin
    from .catalog_source import load
    from .console import stdout_console

    cat = load(catalog, no_cache)
    console = stdout_console()
    console.print(t("territory.list.title", language), markup=False, highlight=False)
    for name in bundled_basins():
        read = load_basin(name, cat)
        console.print(
            "  "
            + t(
                "territory.list.line",
                language,
                name=name,
                title=read.title,
                people=read.people,
                groups=len(read.groups),
            ),
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    """Add ``territory`` to ``app``."""
    app.command("territory", help=h("help.territory"))(territory_command)
