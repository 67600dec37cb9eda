"""The catalog linter: every loader diagnostic, whole-catalog checks, style, suppressions.

>>> from pathfinder.lint import lint
>>> report = lint(["catalog/"])
>>> report.error_count, report.exit_code(strict=True)

The driver is :mod:`.linter`; the rule families are :mod:`.graph_rules` (with :mod:`.catalog_reach`),
:mod:`.plausibility`, :mod:`.session_rules` (the only ones that depend on the date, ``today``),
:mod:`.style_rules` and :mod:`.suppress` (PF303), beside the loader's own checks (PF0xx, PF1xx). :mod:`.formats` renders a report (text, json, github, sarif);
:mod:`.rule_texts` holds each rule's explanation and :mod:`.rule_docs` prints it and generates
``docs/lint-rules.md``; :mod:`.locate` finds an entry's place in its file.
"""

from .linter import LintReport, lint, resolve_codes

__all__ = ["LintReport", "lint", "resolve_codes"]
