"""``pathfinder cache …``: what the catalog cache holds (info) and emptying it (clear).

The work is :mod:`pathfinder.cache`'s; this module only prints. :func:`install_warning_printer`
shows the library's :class:`~pathfinder.cache.CacheWarning` (a refused cache directory) as one
line on standard error, in the command's language, instead of Python's two-line warning. Nothing
heavy is imported at module level: ``pathfinder --help`` imports this file.
"""

import sys
import warnings
from typing import Any

import typer

from .help_text import h
from .options import FormatOpt, LangOpt, OutputFormat

app = typer.Typer(help=h("help.cache"), no_args_is_help=True)


@app.command(help=h("help.cache.info"))
def info(fmt: FormatOpt = OutputFormat.text, lang: LangOpt = None) -> None:
    """Where the cache is, what it holds, its limits, and whether it is used."""
    from .. import cache
    from ..i18n import t
    from ..safetext import printable
    from .console import print_json
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    found = cache.info()
    if fmt is OutputFormat.json:
        print_json(found.as_dict(language))
        return
    if found.refusal is not None:
        status = t("cache.status.refused", language, reason=_reason(found.refusal, language))
    elif not found.usable:
        status = t("cache.status.off", language, var=cache.MAX_MB_ENV)
    else:
        status = t("cache.status.usable", language)
    limit = t(
        "cache.info.limit_value",
        language,
        size=_size(found.max_bytes, language),
        count=found.max_entries,
    )
    rows = [
        ("cache.info.directory", printable(found.directory)),
        ("cache.info.entries", str(found.entries)),
        ("cache.info.size", _size(found.total_bytes, language)),
        ("cache.info.limit", limit),
        ("cache.info.key", printable(found.key_file)),
        ("cache.info.status", status),
    ]
    labels = [t(key, language) for key, _ in rows]
    width = max(len(label) for label in labels)
    for label, (_, value) in zip(labels, rows, strict=True):
        sys.stdout.write(f"{label:<{width}}  {value}\n")


@app.command(help=h("help.cache.clear"))
def clear(fmt: FormatOpt = OutputFormat.text, lang: LangOpt = None) -> None:
    """Remove the cache's own entries; print how many and how much was freed."""
    from .. import cache
    from ..i18n import t
    from ..safetext import printable
    from .console import print_json
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    removed = cache.clear()
    if fmt is OutputFormat.json:
        print_json(removed.as_dict(language))
        return
    if removed.refusal is not None:
        sys.stdout.write(
            t("cache.clear_refused", language, reason=_reason(removed.refusal, language)) + "\n"
        )
        return
    size = _size(removed.bytes, language)
    sys.stdout.write(
        t(
            "cache.cleared",
            language,
            count=removed.files,
            size=size,
            path=printable(removed.directory),
        )
        + "\n"
    )


def _reason(refusal: Any, lang: str) -> str:
    """``path: reason`` of a :class:`~pathfinder.cache.Refusal`, as inert text."""
    from ..i18n import t
    from ..safetext import printable

    return t(
        "cache.path_reason",
        lang,
        path=printable(refusal.path),
        reason=t(refusal.reason, lang, **refusal.params),
    )


def _size(count: int, lang: str) -> str:
    """A size in MB (2**20 bytes), one decimal; a comma in French."""
    from ..i18n import t

    text = f"{count / 2**20:.1f}"
    return t("cache.size_mb", lang, size=text.replace(".", ",") if lang == "fr" else text)


def install_warning_printer() -> None:
    """Show a refused cache (:class:`~pathfinder.cache.CacheWarning`) as one line on standard
    error, in the command's language; ``app.main`` calls this once, before running a command."""
    if warnings.showwarning is not _show_warning:
        global _python_showwarning
        _python_showwarning = warnings.showwarning
        warnings.showwarning = _show_warning


_python_showwarning = warnings.showwarning


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """A refused cache as one line, ``pathfinder: warning: …``; other warnings as Python shows them."""
    refusal = getattr(message, "refusal", None)
    if refusal is None or category.__name__ != "CacheWarning":
        _python_showwarning(message, category, filename, lineno, file, line)
        return
    from ..i18n import lang_from_environment, t
    from ..safetext import printable
    from .state import current_lang

    lang = current_lang.get() or lang_from_environment()
    stream = file if file is not None else sys.stderr
    try:
        stream.write(
            f"pathfinder: {t('severity.warning', lang)}: {printable(refusal.message(lang))}\n"
        )
    except (OSError, ValueError):  # stderr closed: nothing to say it on
        pass
