"""Translations of every string a user reads. One catalogue per language, in ``pathfinder.locales``.

``t("key", lang, **params)`` formats the message in ``lang`` (falling back to English). The test
suite checks that every key exists in every language, with the same placeholders.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .locales import en, fr

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANG = "en"
CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES, "fr": fr.MESSAGES}


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    catalogue = CATALOGUES.get(lang or DEFAULT_LANG, CATALOGUES[DEFAULT_LANG])
    template = catalogue.get(key)
    if template is None:
        template = CATALOGUES[DEFAULT_LANG][key]
    return template.format(**params) if params else template


def has_message(key: str) -> bool:
    return key in CATALOGUES[DEFAULT_LANG]


def lang_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """``"fr"`` or ``"en"`` when ``LC_ALL``/``LC_MESSAGES``/``LANG`` names one of them, else None."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else None
    return None


def resolve_lang(requested: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: the one requested, else the environment's, else English."""
    if requested in LANGUAGES:
        return requested  # type: ignore[return-value]
    return lang_from_environment(environ) or DEFAULT_LANG
