"""Per-invocation state the error handler needs: the language chosen by the running command."""

from __future__ import annotations

from contextvars import ContextVar

current_lang: ContextVar[str | None] = ContextVar("current_lang", default=None)


def use_lang(requested: str | None) -> str:
    """Resolve the output language (flag, then environment) and remember it for error messages."""
    from ..i18n import resolve_lang

    lang = resolve_lang(requested)
    current_lang.set(lang)
    return lang
