"""The ``pathfinder`` command. Sub-commands live in their own modules and import the library
lazily, inside the command functions, so that ``pathfinder --help`` starts instantly."""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any

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
    """Console-script entry point: run the app; say library and usage errors in a line or two."""
    from ..errors import PathfinderError

    errors = _click_exceptions()
    try:
        code = app(standalone_mode=False)
    except PathfinderError as error:
        sys.exit(_report(error, _error_lang()))
    except errors.NoArgsIsHelpError as error:
        from typer import rich_utils

        rich_utils.rich_format_error(error)  # typer's own: the help, as for --help
        sys.exit(error.exit_code)
    except errors.UsageError as error:
        sys.exit(_usage_error(error, _error_lang()))
    except errors.ClickException as error:
        from ..i18n import t

        sys.stderr.write(f"pathfinder: {t('error.prefix', _error_lang())}: {error.format_message()}\n")
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


def _error_lang() -> str | None:
    """The running command's language; before a command has read --lang, the environment's."""
    from ..i18n import lang_from_environment
    from .state import current_lang

    return current_lang.get() or lang_from_environment()


_CLICK_MESSAGES = (
    (re.compile(r"No such option: (?P<option>\S+)"), "error.usage.no_such_option"),
    (re.compile(r"Missing argument '(?P<name>[^']+)'\."), "error.usage.missing_argument"),
    (re.compile(r"Missing option '(?P<option>[^']+)'\."), "error.usage.missing_option"),
    (re.compile(r"Option '(?P<option>[^']+)' requires an argument\."), "error.usage.needs_value"),
)


def usage_message(error: Any, lang: str | None) -> str:
    """Click's usage error said in ``lang``: the common cases are ours, any other is click's text."""
    from ..i18n import t

    text = error.format_message()
    param = getattr(error, "param", None)
    if param is not None and getattr(error, "message", None):
        option = getattr(error, "param_hint", None) or "/".join(param.opts) or param.name
        option = option if isinstance(option, str) else "/".join(option)
        detail = str(error.message).removeprefix("Value error, ")
        if choice := re.fullmatch(r"'(?P<value>.*)' is not one of (?P<choices>.*)\.", detail):
            detail = t("error.usage.choice", lang, **choice.groupdict())
        elif "valid integer" in detail:
            detail = t("error.usage.integer", lang)
        elif "valid number" in detail:
            detail = t("error.usage.number", lang)
        return t("error.usage.bad_value", lang, option=option.strip("'"), detail=detail)
    for pattern, key in _CLICK_MESSAGES:
        if match := pattern.match(text):
            return t(key, lang, **match.groupdict())
    return str(text)


def _click_exceptions() -> Any:
    """Click's exception classes: vendored in typer since 0.2x, the click package before."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - older typer
        from click import exceptions  # type: ignore[no-redef,import-not-found,unused-ignore]
    return exceptions


def _usage_error(error: Any, lang: str | None) -> int:
    """A bad flag, value or argument: two lines on stderr (what is wrong; where help is), exit 2."""
    from ..i18n import t

    command = error.ctx.command_path if error.ctx is not None else "pathfinder"
    sys.stderr.write(f"{command}: {t('error.prefix', lang)}: {usage_message(error, lang)}\n")
    sys.stderr.write(t("error.usage_hint", lang, command=command) + "\n")
    return 2


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
