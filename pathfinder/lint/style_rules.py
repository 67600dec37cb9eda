"""PF3xx: style. They read the parsed YAML directly, so they run even when the catalog has errors.

PF301 (unquoted YAML 1.1 booleans) is reported by :mod:`pathfinder.yamlsource` while parsing; PF303
(malformed suppression comments) by :mod:`.suppress`. This module adds PF302 and PF304.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic
from ..rules import diagnostic
from ..safetext import find_unsafe
from ..yamlsource import MAPPING, SCALAR, SEQUENCE, Node, ParsedFile

MAX_NAMED = 5
"""Distinct characters named in one PF304 message; more are summed up with an ellipsis."""


def check(parsed: Iterable[ParsedFile]) -> list[Diagnostic]:
    return [*single_skill_groups(parsed), *control_characters(parsed)]


def single_skill_groups(parsed: Iterable[ParsedFile]) -> Iterator[Diagnostic]:
    """PF302: a ``requires_any`` group with one skill is a plain requirement; say it with ``requires``."""
    for file in parsed:
        root = file.root
        if root is None or root.kind != MAPPING:
            continue
        for section_key, section in root.value:
            if section_key.value != "courses" or section.kind != SEQUENCE:
                continue
            for course in section.value:
                if course.kind != MAPPING:
                    continue
                for key, value in course.value:
                    if key.value != "requires_any" or value.kind != SEQUENCE:
                        continue
                    for group in value.value:
                        if (
                            group.kind == MAPPING
                            and len(group.value) == 1
                            and group.value[0][0].kind == SCALAR
                        ):
                            skill = group.value[0][0].value
                            yield diagnostic(
                                "PF302",
                                "lint.single_any",
                                file.path,
                                group.line,
                                group.column,
                                group.end_line,
                                group.end_column,
                                skill=skill,
                            )


def control_characters(parsed: Iterable[ParsedFile]) -> Iterator[Diagnostic]:
    """PF304: a control character (C0, C1: ESC, CR, LF, NUL…), a bidirectional mark, embedding,
    override or isolate (U+202E…), a line or paragraph separator, in any string scalar or key.
    They reach the catalog through YAML escapes (``"\\e"``, ``"\\u202e"``) or block scalars, and make
    a name show something else than it holds. One finding per scalar, at the scalar, naming each
    character as U+XXXX. A tab is whitespace that hides nothing: not reported (outputs still show
    it as ``\\t``)."""
    for file in parsed:
        if file.root is None:
            continue
        seen: set[tuple[int, int]] = set()
        for node, is_key in _scalars(file.root):
            if (node.line, node.column) in seen or not isinstance(node.value, str):
                continue
            chars = list(
                dict.fromkeys(
                    f"U+{ord(char):04X}" for _, char in find_unsafe(node.value) if char != "\t"
                )
            )
            if not chars:
                continue
            seen.add((node.line, node.column))
            shown = ", ".join(chars[:MAX_NAMED]) + (", …" if len(chars) > MAX_NAMED else "")
            yield diagnostic(
                "PF304",
                "lint.control_character_key" if is_key else "lint.control_character",
                file.path,
                node.line,
                node.column,
                node.end_line,
                node.end_column,
                chars=shown,
            )


def _scalars(root: Node) -> Iterator[tuple[Node, bool]]:
    """Every scalar under ``root``, with whether it is a mapping key; each node once (an alias
    repeats a node: it is walked where it is defined only)."""
    stack: list[tuple[Node, bool]] = [(root, False)]
    visited: set[int] = set()
    while stack:
        node, is_key = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if node.kind == SCALAR:
            yield node, is_key
        elif node.kind == MAPPING:
            for key, value in reversed(node.value):
                stack.append((value, False))
                stack.append((key, True))
        elif node.kind == SEQUENCE:
            stack.extend((item, False) for item in reversed(node.value))
