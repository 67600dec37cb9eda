"""Every rule code has one owner: the one module of the package that emits it.

A code is written as a string literal (``"PF201"``) only where its diagnostics are built; another
module that needs the code asks the owner (``yamlsource.UNREADABLE``, ``yamlsource.NOT_PARSED``,
``yamlsource.unreadable_path``, ``validate.file_sections``). The registry of codes and severities
stays central (:mod:`pathfinder.rules`), so the modules that only *name* codes are listed below.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict

from support import ROOT

from pathfinder.rules import RULES

PACKAGE = ROOT / "pathfinder"
CODE = re.compile(r"PF\d{3}")

NAMING_ONLY = {
    "rules.py": "the registry: each code's name and default severity",
    "lint/rule_texts.py": "each rule's explanation and examples (--explain, SARIF help, the docs)",
}
"""Modules that name codes without emitting them. The rest need no exception: the docs generation
(``lint/rule_docs.py``), the suppression parsing (``lint/suppress.py``, which emits PF303 and nothing
else) and ``--select``/``--ignore`` (``lint/linter.py``) take the codes from ``RULES``, and the
messages name them as ``rule.PF001`` keys, which are not codes."""


def code_literals(source: str) -> list[str]:
    """Every string literal of ``source`` that is exactly a rule code."""
    return [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CODE.fullmatch(node.value)
    ]


def owners() -> dict[str, set[str]]:
    """Each code written as a literal outside :data:`NAMING_ONLY`, with the modules writing it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module in NAMING_ONLY:
            continue
        for code in code_literals(path.read_text(encoding="utf-8")):
            found[code].add(module)
    return found


def test_the_naming_only_modules_exist() -> None:
    assert [m for m in NAMING_ONLY if not (PACKAGE / m).is_file()] == []


def test_every_code_is_emitted_by_exactly_one_module() -> None:
    shared = {code: sorted(modules) for code, modules in owners().items() if len(modules) > 1}
    assert shared == {}


def test_every_rule_is_emitted_somewhere() -> None:
    assert sorted(set(RULES) - set(owners())) == []


def test_every_code_written_is_a_rule() -> None:
    assert sorted(set(owners()) - set(RULES)) == []


def test_the_scan_sees_codes_in_calls_and_comparisons() -> None:
    source = 'diagnostic("PF201", "k", p, 1, 1)\nif d.code in ("PF001", "PF007"): pass\nx = {"rule.PF002": "PF2xx"}\n'
    assert sorted(code_literals(source)) == ["PF001", "PF007", "PF201"]
