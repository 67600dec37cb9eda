"""Exact positions for findings about a loaded catalog.

The model keeps only where each entry starts. The lint points at the key or value that is wrong (a
skill inside ``requires``, the ``hours`` value), so that the message, the editor jump and a
``# pathfinder: ignore[...]`` comment all land on the right line. :class:`Locator` finds those
nodes in the parsed files, indexing entries by kind and id on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..model import Entry
from ..yamlsource import MAPPING, SCALAR, SEQUENCE, Node, ParsedFile


class Span(NamedTuple):
    """``path``, then 1-based start and end positions: the positional arguments of ``diagnostic``."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


def span_of(path: str, node: Node) -> Span:
    return Span(path, node.line, node.column, node.end_line, node.end_column)


class Locator:
    """Finds the nodes of a catalog's entries and fields in its parsed files."""

    def __init__(self, parsed: Sequence[ParsedFile]) -> None:
        self._parsed = parsed
        self._index: dict[tuple[str, str], tuple[str, Node]] | None = None

    def _build(self) -> dict[tuple[str, str], tuple[str, Node]]:
        index: dict[tuple[str, str], tuple[str, Node]] = {}
        for file in self._parsed:
            root = file.root
            if root is None or root.kind != MAPPING:
                continue
            for key, section in root.value:
                if section.kind != SEQUENCE:
                    continue
                kind = key.value
                for item in section.value:
                    if item.kind != MAPPING:
                        continue
                    for field, value in item.value:
                        if field.value == "id" and value.kind == SCALAR:
                            index.setdefault((kind, value.value), (file.path, item))
                            break
        return index

    def at(self, kind: str, entry: Entry, *steps: str | int, on_key: bool = False) -> Span:
        """Where ``entry`` (of ``kind``, e.g. ``"courses"``) holds ``steps``.

        Each step is a mapping key (a field name, a skill id) or a list index. The span is the value
        reached, or with ``on_key`` the last key (``grants:`` rather than the mapping under it). A
        step that cannot be followed stops the walk where it is; an entry that cannot be found
        falls back to where the model says the entry starts.
        """
        if self._index is None:
            self._index = self._build()
        found = self._index.get((kind, entry.id))
        if found is None:
            location = entry.location
            if location is None:  # pragma: no cover - loaded entries always have a location
                return Span("<catalog>", 1, 1, 1, 1)
            return Span(
                location.path, location.line, location.column, location.line, location.column
            )
        path, node = found
        target = node
        for step in steps:
            following = _follow(node, step)
            if following is None:
                break
            key, node = following
            target = key if on_key and key is not None else node
        else:
            return span_of(path, target)
        return span_of(path, node)


def _follow(node: Node, step: str | int) -> tuple[Node | None, Node] | None:
    if isinstance(step, int):
        if node.kind == SEQUENCE and 0 <= step < len(node.value):
            return None, node.value[step]
        return None
    if node.kind != MAPPING:
        return None
    for key, value in node.value:
        if key.value == step:
            return key, value
    return None
