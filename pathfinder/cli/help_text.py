"""``--help`` in the language the environment asks for (LC_ALL, LC_MESSAGES, LANG), decided once.

Typer builds the help from strings given when the commands are declared, at import time, so the
language is read from the environment then: ``--lang`` comes too late for ``--help``. Only the
message catalogues (plain dicts) are imported here, so ``pathfinder --help`` stays instant; the
help's headings and labels are drawn in this language by :mod:`pathfinder.cli.help_format`.
"""

from __future__ import annotations

from ..i18n import DEFAULT_LANG, lang_from_environment, t

HELP_LANG: str = lang_from_environment() or DEFAULT_LANG


def h(key: str) -> str:
    """The help text ``key`` in the environment's language."""
    return t(key, HELP_LANG)
