"""Catalog text inside Markdown and HTML reports: always data, never markup.

A course may be called ``<script>``, ``[x](javascript:…)``, ``# Title`` or ``a | b``; it must read
as that very text in the rendered report. :func:`markdown_text` escapes every character that
CommonMark (and GitHub's tables, strikethrough and autolinks) could read as syntax;
:func:`html_text` is :func:`html.escape` with quotes. Both first make control characters visible
(:func:`pathfinder.safetext.printable`), so that no line break, carriage return or bidirectional
override from the catalog reaches the document.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from ..safetext import printable

MARKDOWN_PUNCTUATION = frozenset("\\`*_[]#|~$")
"""ASCII punctuation that opens a construct wherever it stands (emphasis, code, links and images,
headings and their closing sequence, tables, strikethrough, math): always backslash-escaped.
CommonMark allows a backslash before any ASCII punctuation; escaping only these keeps the raw
Markdown readable (``Mini 1.0``, ``Diagnosis (level 2)``)."""
LINE_START_PUNCTUATION = frozenset("-+=")
"""Punctuation that opens a block only at the start of a line (list item, setext underline;
``>``, a block quote, is an entity anyway): escaped when the text starts with it."""

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ORDERED_ITEM = re.compile(r"(\d{1,9})([.)])")
"""A text starting like an ordered list item, ``1.`` or ``2)``."""

LINK_SCHEMES = ("http", "https")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text (its control characters written as
    visible escapes), wherever it stands: in a paragraph, a heading, a list item, a table cell or
    emphasis. Punctuation that could open a construct is backslash-escaped (some of it only at
    the start, the only line start a single-line text has), ``&``, ``<`` and ``>`` become
    entities, and so does whitespace at either end."""
    shown = printable(text)
    parts: list[str] = []
    last = len(shown) - 1
    if ordered := _ORDERED_ITEM.match(shown):
        parts.append(f"{ordered[1]}\\{ordered[2]}")
        shown = shown[ordered.end() :]
        last = len(shown) - 1
        first = -1  # the text no longer starts here
    else:
        first = 0
    for index, char in enumerate(shown):
        entity = _ENTITIES.get(char)
        if entity is not None:
            parts.append(entity)
        elif char in MARKDOWN_PUNCTUATION or (index == first and char in LINE_START_PUNCTUATION):
            parts.append("\\" + char)
        elif char.isspace() and (index == first or index == last):
            # A space at either end would stop ``**name**`` from being emphasis: write it as a
            # character reference, which renders the same and is not whitespace to the parser.
            parts.append(f"&#{ord(char)};")
        else:
            parts.append(char)
    return "".join(parts)


def safe_url(url: str) -> bool:
    """Whether ``url`` may be a link target: an absolute http(s) URL with a host and no space or
    control character (``javascript:``, ``data:`` and relative references may not)."""
    if not url or printable(url) != url or any(char.isspace() for char in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.netloc)


def markdown_link(label: str, url: str | None) -> str:
    """``[label](url)`` when ``url`` is a safe http(s) URL; otherwise the label alone, escaped."""
    if url is None or not safe_url(url):
        return markdown_text(label)
    target = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    return f"[{markdown_text(label)}](<{target}>)"


def html_text(text: str) -> str:
    """``text`` for HTML element content or a quoted attribute: control characters made visible,
    then ``&``, ``<``, ``>``, ``"`` and ``'`` escaped."""
    return escape(printable(text), quote=True)
