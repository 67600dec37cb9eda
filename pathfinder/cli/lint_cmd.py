"""``pathfinder lint``: the catalog maintainers' linter, for the terminal, pre-commit and CI."""

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .help_text import h
from .options import NoCacheOpt

if TYPE_CHECKING:
    from ..lint import LintReport


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help=h("help.lint.paths"),
        show_default=False,
    ),
]
LintFormatOpt = Annotated[
    LintFormat,
    typer.Option("--format", help=h("help.lint.format")),
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="CODES", help=h("help.lint.select"), show_default=False),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="CODES", help=h("help.lint.ignore"), show_default=False),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help=h("help.lint.strict"))]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=h("help.lint.quiet"))]


def _check_today(value: str | None) -> str | None:
    """``--today`` must be an ISO date (a usage error otherwise, in the environment's language)."""
    if value is None:
        return None
    from ..dates import parse_date

    if parse_date(value) is None:
        from ..i18n import t
        from ..safetext import clip
        from .app import ECHO_LIMIT
        from .state import use_lang

        raise typer.BadParameter(
            t("error.usage.date", use_lang(None), value=clip(value, ECHO_LIMIT))
        )
    return value


TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help=h("help.lint.today"),
        show_default=False,
        callback=_check_today,
    ),
]
ExplainOpt = Annotated[
    str | None,
    typer.Option("--explain", metavar="CODE", help=h("help.lint.explain"), show_default=False),
]


def register(app: typer.Typer) -> None:
    """Add ``lint`` to ``app``."""
    app.command("lint", help=h("help.lint"))(lint)


def lint(
    paths: PathsArg = None,
    fmt: LintFormatOpt = LintFormat.text,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    today: TodayOpt = None,
    explain: ExplainOpt = None,
) -> None:
    """Check catalogs: syntax, schema, references, the prerequisite graph, sessions, style.

    Exit status: 0 no errors (warnings allowed unless --strict, infos always), 1 problems found, 2 usage error or unreadable path.

    Rules, suppression comments and pre-commit use: docs/lint-rules.md.
    """
    from .state import use_lang

    lang = use_lang(None)
    if explain is not None:
        from ..lint.rule_docs import render_terminal, rule_code

        sys.stdout.write(render_terminal(rule_code(explain), lang))
        return
    from ..dates import parse_date
    from ..lint import lint as run_lint
    from ..lint.formats import render

    day = parse_date(today) if today is not None else None  # checked by _check_today
    report = run_lint(
        paths or None, select=select, ignore=ignore, use_cache=not no_cache, today=day
    )
    if fmt is LintFormat.text and _colour_wanted():
        _print_coloured(report, lang, quiet)
    else:
        sys.stdout.write(render(report, fmt.value, lang, quiet))
    sys.stdout.flush()
    code = report.exit_code(strict)
    if code:
        raise typer.Exit(code)


SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
"""How each severity is coloured on a terminal."""


def _colour_wanted() -> bool:
    import os

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _print_coloured(report: "LintReport", lang: str, quiet: bool) -> None:
    from rich.text import Text

    from ..i18n import t
    from ..lint.formats import notes, summary
    from ..safetext import printable
    from .console import stdout_console

    console = stdout_console()
    shown = report.without_infos() if quiet else report
    for d in shown.diagnostics:
        line = Text()
        line.append(f"{printable(d.path)}:{d.line}:{d.column}:", style="bold")
        line.append(" ")
        line.append(
            t(f"severity.{d.severity.value}", lang), style=SEVERITY_STYLES[d.severity.value]
        )
        line.append(" ")
        line.append(d.code, style="bold")
        line.append(" " + printable(d.message_in(lang)))
        console.print(line, soft_wrap=True)
    if quiet:
        return
    for note in notes(report, lang):
        console.print(Text(note, style="dim"), soft_wrap=True)
    style = "bold red" if report.error_count else ("yellow" if report.warning_count else "green")
    console.print(Text(summary(report, lang), style=style), soft_wrap=True)
