"""Text matching for people: accent- and case-insensitive folding, search, "did you mean"."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower-case, accents removed, ``œ``/``æ`` expanded: "Électricité" -> "electricite"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae")


SUGGEST_MAX_CHARS = 200
"""Longer input gets no suggestion: no id is that long, and comparing a 45 MB string with every
id would take minutes."""


def suggest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates closest to ``word`` (typos, missing dashes, accents), best first; none for
    a word longer than ``SUGGEST_MAX_CHARS``."""
    if len(word) > SUGGEST_MAX_CHARS:
        return []
    pool = list(candidates)
    folded = {fold(c): c for c in pool}
    target = fold(word)
    matches = difflib.get_close_matches(target, list(folded), n=limit, cutoff=0.6)
    if not matches:
        # A prefix or substring often says more than edit distance: "b2l" -> "hv-safety-b2l".
        matches = [f for f in folded if target and (target in f or f in target)][:limit]
    return [folded[m] for m in matches]


def matches(query: str, *texts: str) -> bool:
    """True when every word of ``query`` appears in one of ``texts`` (folded)."""
    haystack = " ".join(fold(t) for t in texts)
    return all(word in haystack for word in fold(query).split())
