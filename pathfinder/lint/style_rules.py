"""PF3xx: style. They read the parsed YAML directly, so they run even when the catalog has errors.

PF301 (unquoted YAML 1.1 booleans) is reported by :mod:`pathfinder.yamlsource` while parsing; PF303
(malformed suppression comments) by :mod:`.suppress`. This module adds PF302.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic
from ..rules import diagnostic
from ..yamlsource import MAPPING, SCALAR, SEQUENCE, ParsedFile


def check(parsed: Iterable[ParsedFile]) -> list[Diagnostic]:
    return list(single_skill_groups(parsed))


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
                        if group.kind == MAPPING and len(group.value) == 1 and group.value[0][0].kind == SCALAR:
                            skill = group.value[0][0].value
                            yield diagnostic(
                                "PF302", "lint.single_any", file.path,
                                group.line, group.column, group.end_line, group.end_column, skill=skill,
                            )
