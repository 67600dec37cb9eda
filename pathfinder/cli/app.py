"""The ``pathfinder`` command. Sub-commands live in their own modules and import the library
lazily, inside the command functions, so that ``pathfinder --help`` starts instantly."""

import re
import sys
from typing import Annotated, Any

import typer

from .._version import __version__
from . import (
    advise_cmd,
    cache_cmd,
    catalog_cmd,
    explore_cmd,
    graph_cmd,
    lint_cmd,
    plan_cmd,
    territory_cmd,
)
from .help_format import use_plain_help
from .help_text import h

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
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help=h("help.version")
        ),
    ] = False,
) -> None:
    """Shortest retraining paths toward EV and circular-economy jobs."""


app.add_typer(catalog_cmd.app, name="catalog")
app.add_typer(cache_cmd.app, name="cache")
plan_cmd.register(app)
explore_cmd.register(app)
lint_cmd.register(app)
graph_cmd.register(catalog_cmd.app)
advise_cmd.register(app)
territory_cmd.register(app)
use_plain_help(app)


def main() -> None:
    """Console-script entry point: run the app; say library and usage errors in a line or two.

    Standard output is guarded first (:func:`.console.guard_output`): unencodable characters are
    replaced, and output that cannot be written (closed, full, broken pipe) ends the run with
    one line on stderr (none for a broken pipe) and exit code 3, never a traceback. The final
    flush is inside the guarded region, so buffered output that fails is reported too.
    """
    from .console import OUTPUT_ERROR_EXIT, OutputError, abandon_output, flush_output, guard_output

    guard_output()
    cache_cmd.install_warning_printer()
    try:
        code = _run()
        flush_output()
    except OutputError as error:
        abandon_output()
        if not error.broken_pipe:
            from ..i18n import t

            lang = _error_lang()
            reason = error.cause.strerror or str(error.cause)
            try:
                sys.stderr.write(
                    f"pathfinder: {t('error.prefix', lang)}: {t('error.output', lang, reason=reason)}\n"
                )
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
        code = OUTPUT_ERROR_EXIT
    sys.exit(code)


def _run() -> int:
    """Run the app; the exit code (library and usage errors said on stderr)."""
    from ..errors import PathfinderError

    errors = _click_exceptions()
    try:
        code = app(standalone_mode=False)
    except PathfinderError as error:
        return _report(error, _error_lang())
    except errors.NoArgsIsHelpError as error:
        sys.stderr.write(error.format_message())  # the help, as for --help, on stderr: exit 2
        return int(error.exit_code)
    except errors.UsageError as error:
        return _usage_error(error, _error_lang())
    except errors.ClickException as error:
        from ..i18n import t
        from ..safetext import clip

        sys.stderr.write(
            f"pathfinder: {t('error.prefix', _error_lang())}: {clip(error.format_message(), 4 * ECHO_LIMIT)}\n"
        )
        return int(error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        return 130
    return code if isinstance(code, int) else 0


def _error_lang() -> str | None:
    """The running command's language; before a command has read --lang, the environment's."""
    from ..i18n import lang_from_environment
    from .state import current_lang

    return current_lang.get() or lang_from_environment()


ECHO_LIMIT = 60
"""Characters of a flag or value echoed back in a usage error (a 1 MB value is not)."""

_CLICK_MESSAGES = (
    (re.compile(r"No such option: (?P<option>\S+)"), "error.usage.no_such_option"),
    (re.compile(r"Missing argument '(?P<name>[^']+)'\."), "error.usage.missing_argument"),
    (re.compile(r"Missing option '(?P<option>[^']+)'\."), "error.usage.missing_option"),
    (re.compile(r"Option '(?P<option>[^']+)' requires an argument\."), "error.usage.needs_value"),
)


def usage_message(error: Any, lang: str | None) -> str:
    """Click's usage error said in ``lang``: the common cases are ours, any other is click's text."""
    from ..i18n import t
    from ..safetext import clip

    text = error.format_message()
    param = getattr(error, "param", None)
    if param is not None and getattr(error, "message", None):
        option = getattr(error, "param_hint", None) or "/".join(param.opts) or param.name
        option = option if isinstance(option, str) else "/".join(option)
        detail = str(error.message).removeprefix("Value error, ")
        if choice := re.fullmatch(
            r"'(?P<value>.*)' is not one of (?P<choices>.*)\.", detail, re.DOTALL
        ):
            detail = t(
                "error.usage.choice",
                lang,
                value=clip(choice["value"], ECHO_LIMIT),
                choices=choice["choices"],
            )
        elif bound := re.fullmatch(
            r"Input should be (?P<way>less|greater) than or equal to (?P<bound>\S+?)\.?", detail
        ):
            key = "error.usage.at_most" if bound["way"] == "less" else "error.usage.at_least"
            detail = t(key, lang, bound=bound["bound"])
        elif in_range := re.fullmatch(
            r".* is not in the range (?P<range>\S+)\.", detail, re.DOTALL
        ):
            # Older typer releases: click's words.
            detail = _range_detail(in_range["range"], lang) or clip(detail, 4 * ECHO_LIMIT)
        elif "valid integer" in detail:  # pydantic's words, and click's "not a valid integer range"
            detail = t("error.usage.integer", lang)
        elif "valid number" in detail or "valid float" in detail:
            detail = t("error.usage.number", lang)
        else:
            detail = clip(detail, 4 * ECHO_LIMIT)
        return t(
            "error.usage.bad_value", lang, option=clip(option.strip("'"), ECHO_LIMIT), detail=detail
        )
    for pattern, key in _CLICK_MESSAGES:
        if match := pattern.match(text):
            return t(
                key,
                lang,
                **{name: clip(value, ECHO_LIMIT) for name, value in match.groupdict().items()},
            )
    return clip(str(text), 4 * ECHO_LIMIT)


def _range_detail(bounds: str, lang: str | None) -> str | None:
    """Click's range (``x<=20``, ``x>=0``, ``0<=x<=20``) said in ``lang``; None if not one."""
    from ..i18n import t

    if match := re.fullmatch(r"x<=(?P<high>[^<>=]+)", bounds):
        return t("error.usage.at_most", lang, bound=match["high"])
    if match := re.fullmatch(r"x>=(?P<low>[^<>=]+)", bounds):
        return t("error.usage.at_least", lang, bound=match["low"])
    if match := re.fullmatch(r"(?P<low>[^<>=]+)<=x<=(?P<high>[^<>=]+)", bounds):
        return t("error.usage.between", lang, low=match["low"], high=match["high"])
    return None


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
    from ..safetext import printable

    assert isinstance(error, PathfinderError)
    if isinstance(error, CatalogError):
        errors = [d for d in error.diagnostics if d.is_error]
        for problem in errors:
            sys.stderr.write(problem.render(lang) + "\n")
        sys.stderr.write(
            f"pathfinder: {t('error.prefix', lang)}: {t(error.BROKEN_KEY, lang, count=len(errors))}\n"
        )
    else:  # messages echo input (paths, ids, values): inert text, one line
        sys.stderr.write(
            f"pathfinder: {t('error.prefix', lang)}: {printable(error.message(lang))}\n"
        )
    return error.exit_code
