"""Translations of every string a user reads. One catalogue per language, in ``pathfinder.locales``.

``t("key", lang, **params)`` formats the message in ``lang`` (falling back to English). The test
suite checks that every key exists in every language, with the same placeholders.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from importlib import import_module

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANG = "en"


class _Catalogues(Mapping[str, Mapping[str, str]]):
    """Each language's messages, imported the first time they are asked for: an English
    ``pathfinder --help`` never pays for the French catalogue."""

    def __init__(self) -> None:
        self._loaded: dict[str, Mapping[str, str]] = {}

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        messages = self._loaded.get(lang)
        if messages is None:
            if lang not in LANGUAGES:
                raise KeyError(lang)
            messages = self._loaded[lang] = import_module(f".locales.{lang}", __package__).MESSAGES
        return messages

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


CATALOGUES: Mapping[str, Mapping[str, str]] = _Catalogues()


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    catalogue = CATALOGUES[lang] if lang in LANGUAGES else CATALOGUES[DEFAULT_LANG]
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
