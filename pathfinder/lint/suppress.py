"""Suppressions: ``# pathfinder: ignore[PF201, PF207]`` comments and ``catalog: lint: ignore:``.

A comment suppresses the codes it names on its own line when it ends a line, or on the next line
when it stands alone on its line. Codes are required (there is no blanket ``ignore``): a comment
that does not parse, or names a code that does not exist, is itself reported (PF303), so a typo
never silently suppresses nothing. The catalog's ``lint: ignore: [...]`` list suppresses codes
everywhere in the catalog; it is read from the raw YAML, so it works even when the catalog has
errors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..rules import RULES, diagnostic
from ..schema import RULE_CODE_PATTERN
from ..yamlsource import MAPPING, SCALAR, SEQUENCE, ParsedFile

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*pathfinder\s*:(?P<body>.*)$")
_IGNORE = re.compile(r"^\s*ignore\s*\[(?P<codes>[^\]]*)\]\s*(?:#.*)?$")


@dataclass
class Suppressions:
    """Codes suppressed per (path, line), the catalog-wide ones, and the bad comments found."""

    by_line: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    everywhere: frozenset[str] = frozenset()
    problems: list[Diagnostic] = field(default_factory=list)

    def covers(self, problem: Diagnostic) -> bool:
        if problem.code in self.everywhere:
            return True
        codes = self.by_line.get((problem.path, problem.line))
        return codes is not None and problem.code in codes

    def apply(self, diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The diagnostics not suppressed, and how many were."""
        kept = [d for d in diagnostics if not self.covers(d)]
        return kept, len(diagnostics) - len(kept)


def scan(parsed: Sequence[ParsedFile]) -> Suppressions:
    """Collect the comments of every file and the catalog-wide list."""
    found = Suppressions()
    found.everywhere = frozenset(catalog_ignore(parsed, found.problems))
    for file in parsed:
        for number, line in enumerate(file.lines or (), start=1):
            if "pathfinder" in line:
                _comment(file.path, number, line, found)
    return found


def _comment(path: str, number: int, line: str, found: Suppressions) -> None:
    match = _DIRECTIVE.search(line)
    if match is None:
        return
    column = match.start() + (1 if line[match.start()] != "#" else 0) + 1
    ignore = _IGNORE.match(match.group("body"))
    codes = [code.strip().upper() for code in ignore.group("codes").split(",")] if ignore else []
    if not ignore or not all(codes):
        found.problems.append(
            diagnostic("PF303", "lint.suppression_malformed", path, number, column)
        )
        return
    alone = not line[: match.start()].strip()
    target = number + 1 if alone else number
    known = set()
    for code in codes:
        if code in RULES:
            known.add(code)
        else:
            found.problems.append(
                diagnostic(
                    "PF303", "lint.suppression_unknown_code", path, number, column, code=code
                )
            )
    found.by_line.setdefault((path, target), set()).update(known)


def catalog_ignore(
    parsed: Sequence[ParsedFile], problems: list[Diagnostic] | None = None
) -> list[str]:
    """The codes of the first ``catalog: lint: ignore:`` list, read from the raw nodes. Codes that
    look like codes but name no rule are reported in ``problems`` (PF303); the loader reports the
    rest (PF103, PF104)."""
    for file in parsed:
        root = file.root
        if root is None or root.kind != MAPPING:
            continue
        for key, value in root.value:
            if key.value != "catalog":
                continue
            if value.kind != MAPPING:
                return []
            lint = next((v for k, v in value.value if k.value == "lint"), None)
            if lint is None or lint.kind != MAPPING:
                return []
            codes = next((v for k, v in lint.value if k.value == "ignore"), None)
            if codes is None or codes.kind != SEQUENCE:
                return []
            found = []
            for item in codes.value:
                if item.kind != SCALAR:
                    continue
                if item.value in RULES:
                    found.append(item.value)
                elif problems is not None and RULE_CODE_PATTERN.fullmatch(item.value):
                    problems.append(
                        diagnostic(
                            "PF303",
                            "lint.ignore_unknown_code",
                            file.path,
                            item.line,
                            item.column,
                            code=item.value,
                        )
                    )
            return found
    return []
