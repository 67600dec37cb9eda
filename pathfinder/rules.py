"""The catalog rules: a stable code and a default severity for every kind of problem.

PF0xx: YAML syntax and safety. PF1xx: schema and references. PF2xx: whole-catalog graph checks.
PF3xx: style. Each rule's title is the message key ``rule.<CODE>``; its explanation, with a bad and
a good example, is in ``docs/lint-rules.md``.

This registry names every code; each code is *emitted* by exactly one module, its owner (the
reading rules by :mod:`pathfinder.yamlsource`, the schema's by :mod:`pathfinder.validate`, …).
Another module that needs a code asks its owner; ``tests/lint/test_rule_ownership.py`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity

    @property
    def title_key(self) -> str:
        return f"rule.{self.code}"


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        # PF0xx: reading the YAML
        Rule("PF001", "yaml-syntax", E),
        Rule("PF002", "duplicate-key", E),
        Rule("PF003", "forbidden-tag", E),
        Rule("PF004", "file-too-large", E),
        Rule("PF005", "nesting-too-deep", E),
        Rule("PF006", "alias-limit", E),
        Rule("PF007", "encoding", E),
        Rule("PF008", "byte-order-mark", W),
        Rule("PF009", "tab-indentation", E),
        Rule("PF010", "unreadable-path", E),
        # PF1xx: schema and references
        Rule("PF101", "unknown-key", E),
        Rule("PF102", "missing-field", E),
        Rule("PF103", "wrong-type", E),
        Rule("PF104", "out-of-range", E),
        Rule("PF105", "bad-id", E),
        Rule("PF106", "duplicate-id", E),
        Rule("PF107", "unknown-reference", E),
        Rule("PF108", "level-above-max", E),
        Rule("PF109", "catalog-metadata", E),
        Rule("PF110", "missing-translation", W),
        Rule("PF111", "bad-enum", E),
        Rule("PF112", "bad-rome-code", E),
        Rule("PF113", "missing-sites", E),
        Rule("PF114", "undeclared-language", W),
        Rule("PF115", "empty-catalog", W),
        Rule("PF116", "bad-session", E),
        # PF2xx: whole-catalog checks (need a catalog without errors)
        Rule("PF201", "unreachable-course", E),
        Rule("PF202", "unreachable-job", E),
        Rule("PF203", "prerequisite-cycle", E),
        Rule("PF204", "orphan-skill", W),
        Rule("PF205", "ungranted-skill", W),
        Rule("PF206", "course-grants-nothing-new", W),
        Rule("PF207", "duplicate-course", W),
        Rule("PF208", "implausible-weekly-hours", W),
        Rule("PF209", "implausible-course-hours", W),
        Rule("PF210", "site-outside-france", W),
        Rule("PF211", "past-session", W),
        Rule("PF212", "no-upcoming-session", W),
        Rule("PF213", "overlapping-sessions", INFO),
        Rule("PF214", "uncovered-level", W),
        # PF3xx: style
        Rule("PF301", "yaml11-boolean", W),
        Rule("PF302", "single-skill-requires-any", W),
        Rule("PF303", "bad-suppression-comment", W),
        Rule("PF304", "control-character", E),
    )
}


def diagnostic(
    code: str,
    key: str,
    path: str,
    line: int,
    column: int,
    end_line: int = 0,
    end_column: int = 0,
    /,
    **params: object,
) -> Diagnostic:
    """A diagnostic of rule ``code`` with the message ``key`` filled with ``params``."""
    rule = RULES[code]
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=code,
        severity=rule.severity,
        key=key,
        params=tuple(params.items()),
        end_line=end_line or line,
        end_column=end_column or column,
    )
