"""``--help`` in the language the environment asks for (LC_ALL, LC_MESSAGES, LANG), decided once.

Typer builds the help from strings given when the commands are declared, at import time, so the
language is read from the environment then: ``--lang`` comes too late for ``--help``. Only the
message catalogues (plain dicts) are imported here, so ``pathfinder --help`` stays instant.
"""

from __future__ import annotations

from ..i18n import DEFAULT_LANG, lang_from_environment, t

HELP_LANG: str = lang_from_environment() or DEFAULT_LANG

# typer.rich_utils constants (the help's fixed labels) and the message keys that replace them.
# "Usage:" and "Show this message and exit." are literals in typer's vendored click: they stay in
# English. Usage errors are not typer's to print: pathfinder.cli.app says them itself.
TYPER_LABELS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "help.typer.arguments",
    "OPTIONS_PANEL_TITLE": "help.typer.options",
    "COMMANDS_PANEL_TITLE": "help.typer.commands",
    "DEFAULT_STRING": "help.typer.default",
    "REQUIRED_LONG_STRING": "help.typer.required",
    "ENVVAR_STRING": "help.typer.envvar",
    "DEPRECATED_STRING": "help.typer.deprecated",
}


def h(key: str) -> str:
    """The help text ``key`` in the environment's language."""
    return t(key, HELP_LANG)


def localise_typer() -> None:
    """Give typer's fixed labels (panel titles, [default: …], the error panel…) in HELP_LANG.

    typer.rich_utils is otherwise imported only to print help or an error; importing it here costs
    about 50 ms, paid only when the environment asks for a language other than English.
    """
    if HELP_LANG == DEFAULT_LANG:
        return
    import typer.rich_utils as rich_utils

    for name, key in TYPER_LABELS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, h(key))
