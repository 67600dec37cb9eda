"""The ``pathfinder`` command. Sub-commands live in their own modules and import the library
lazily, inside the command functions, so that ``pathfinder --help`` starts instantly."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .._version import __version__
from . import advise_cmd, catalog_cmd, graph_cmd, lint_cmd, plan_cmd
from .help_text import h, localise_typer

localise_typer()

app = typer.Typer(
    name="pathfinder",
    help=h("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"pathfinder {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help=h("help.version")),
    ] = False,
) -> None:
    """Shortest retraining paths toward EV and circular-economy jobs."""


app.add_typer(catalog_cmd.app, name="catalog")
plan_cmd.register(app)
lint_cmd.register(app)
graph_cmd.register(catalog_cmd.app)
advise_cmd.register(app)


def main() -> None:
    """Console-script entry point: run the app, turn library errors into one-line messages."""
    from ..errors import PathfinderError
    from .state import current_lang

    try:
        app()
    except PathfinderError as error:
        sys.exit(_report(error, current_lang.get()))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)


def _report(error: Exception, lang: str | None) -> int:
    """Print a library error for people (every catalog error, one per line); its exit code."""
    from ..errors import CatalogError, PathfinderError
    from ..i18n import t

    assert isinstance(error, PathfinderError)
    if isinstance(error, CatalogError):
        errors = [d for d in error.diagnostics if d.is_error]
        for problem in errors:
            sys.stderr.write(problem.render(lang) + "\n")
        sys.stderr.write(f"pathfinder: {t('error.prefix', lang)}: {t('catalog.broken', lang, count=len(errors))}\n")
    else:
        sys.stderr.write(f"pathfinder: {t('error.prefix', lang)}: {error.message(lang)}\n")
    return error.exit_code
