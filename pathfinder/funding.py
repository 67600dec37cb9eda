"""The funding sources a course may name (``funding`` in the catalog) and a person may use.

One list, checked by the catalog schema (PF111, with a "did you mean") and offered by the advising
session. A source's name for people is the message ``funding.<id>``, in every language.
"""

from __future__ import annotations

FUNDING_SOURCES: tuple[str, ...] = ("cpf", "employer", "opco", "region", "france-travail")
"""Personal training account (CPF), employer, skills operator (OPCO), regional council, France Travail."""


def funding_label(source: str, lang: str) -> str:
    """A funding source for people, in ``lang``; an id with no message (a profile may name any) as is."""
    from .i18n import has_message, t

    key = "funding." + source
    return t(key, lang) if has_message(key) else source
