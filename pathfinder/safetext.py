"""Text from outside (catalogs, profiles, feeds, command lines) shown to people as data.

Catalog text may hold anything: terminal escape sequences (``ESC[2J``, OSC 8 hyperlinks), carriage
returns and line breaks that forge lines in logs, bidirectional overrides (U+202E) that reorder what
a reader sees. :func:`printable` makes such text inert for every human output — each unsafe
character is written as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``) — and :func:`clip` cuts
echoed input to a readable length. Markup (Rich's ``[bold]``, Markdown, HTML) is the renderers'
business: they escape for their own syntax, after this.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

UNSAFE = re.compile(
    "["
    "\x00-\x1f\x7f-\x9f"  # C0 and C1 controls: ESC, CR, LF, TAB, BEL, CSI…
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates (undecodable bytes kept by surrogateescape)
    "]"
)
"""Characters that act on a terminal, a log or a reader's eye instead of being shown."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""The :data:`UNSAFE` characters that ``json.dumps(…, ensure_ascii=False)`` leaves as they are
(it escapes the C0 controls itself)."""

ELLIPSIS = "…"
DEFAULT_CLIP = 80


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape; other text unchanged."""
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(_escape, text)


def inert_json(document: str) -> str:
    """A JSON document (from ``json.dumps(…, ensure_ascii=False)``) with every unsafe character
    its strings hold written as a ``\\uXXXX`` escape: the same data for a program, inert on a
    terminal. Outside strings, JSON holds none of them."""
    if _UNSAFE_IN_JSON.search(document) is None:
        return document
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


def clip(text: str, limit: int = DEFAULT_CLIP) -> str:
    """``text`` made :func:`printable` and cut to at most ``limit`` characters (an ellipsis marks
    the cut). For echoing input back: a 45 MB id is shown as its first few dozen characters."""
    if len(text) > limit * 4:  # bound the work on huge input before escaping it
        text = text[: limit * 4]
    shown = printable(text)
    if len(shown) <= limit:
        return shown
    return shown[: max(limit - len(ELLIPSIS), 0)] + ELLIPSIS


def find_unsafe(text: str) -> Iterator[tuple[int, str]]:
    """Each unsafe character of ``text`` with its index, for the linter."""
    for match in UNSAFE.finditer(text):
        yield match.start(), match.group()
