"""The lint's output formats: text, JSON, GitHub workflow commands, SARIF 2.1.0.

Pure functions from a :class:`~pathfinder.lint.LintReport` to a string; colour is the CLI's
business. Messages are in ``lang``; codes, severities and JSON keys are not translated.

Severities: ``error`` and ``warning`` are problems; ``info`` is a finding worth knowing that never
fails a run. GitHub shows it as a ``::notice``, SARIF as the level ``note``; ``quiet`` (problems
only) leaves it out of the text and github outputs, like the summary and the notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .._version import __version__
from ..diagnostics import Diagnostic, Severity
from ..i18n import t
from ..rules import RULES
from ..safetext import printable
from .linter import LintReport

FORMATS: tuple[str, ...] = ("text", "json", "github", "sarif")
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""Each severity as a SARIF ``level``."""
GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
"""Each severity as a GitHub workflow command (the annotation's level)."""
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
JSON_KEYS: tuple[str, ...] = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "message",
)


def count(what: str, n: int, lang: str | None) -> str:
    """``1 error``, ``3 errors``; in French the singular also covers 0 (``0 erreur``)."""
    singular = n == 1 or (lang == "fr" and n == 0)
    return t(f"lint.count.{what}.{'one' if singular else 'other'}", lang, n=n)


def summary(report: LintReport, lang: str | None) -> str:
    """``3 errors, 2 warnings in 7 files``; with info findings, ``3 errors, 2 warnings, 1 info in
    7 files``."""
    counts = {
        "errors": count("error", report.error_count, lang),
        "warnings": count("warning", report.warning_count, lang),
        "files": count("file", len(report.files), lang),
    }
    if report.info_count:
        return t("lint.summary_info", lang, infos=count("info", report.info_count, lang), **counts)
    return t("lint.summary", lang, **counts)


def notes(report: LintReport, lang: str | None) -> list[str]:
    """One line per catalog whose PF2xx checks were skipped."""
    return [t("lint.skipped", lang, path=printable(path)) for path in report.skipped]


def text(report: LintReport, lang: str | None, quiet: bool = False) -> str:
    """One ``path:line:col: severity CODE message`` line per finding, then (unless ``quiet``) the
    skipped-checks notes and the summary line. ``quiet`` shows the problems only: no info."""
    shown = report.without_infos() if quiet else report
    lines = [d.render(lang) for d in shown.diagnostics]
    if not quiet:
        lines.extend(notes(report, lang))
        lines.append(summary(report, lang))
    return "".join(line + "\n" for line in lines)


def to_json(report: LintReport, lang: str | None) -> str:
    """A JSON list of objects with exactly the keys of ``JSON_KEYS``."""
    items = [
        {
            "path": d.path,
            "line": d.line,
            "column": d.column,
            "end_line": d.end_line,
            "end_column": d.end_column,
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message_in(lang),
        }
        for d in report.diagnostics
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's message: every control character made visible first (a command never
    spans lines or drives the log), then GitHub's escapes for ``%``, CR and LF."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes, and ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(report: LintReport, lang: str | None, quiet: bool = False) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=CODE::message``
    (``::warning``, ``::notice`` for an info; no info when ``quiet``), then (unless ``quiet``) a
    ``::notice::`` per catalog whose PF2xx checks were skipped. Each command is exactly one line,
    whatever the catalog's text holds."""
    lines = []
    shown = report.without_infos() if quiet else report
    for d in shown.diagnostics:
        properties = f"file={_escape_property(d.path)},line={d.line},col={d.column},title={_escape_property(d.code)}"
        command = GITHUB_COMMANDS[d.severity]
        lines.append(f"::{command} {properties}::{_escape_data(d.message_in(lang))}")
    if not quiet:
        lines.extend(f"::notice::{_escape_data(note)}" for note in notes(report, lang))
    return "".join(line + "\n" for line in lines)


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths as POSIX URI references, absolute ones as file URIs."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _region(d: Diagnostic) -> dict[str, int]:
    region = {"startLine": d.line, "startColumn": d.column}
    if (d.end_line, d.end_column) > (d.line, d.column):
        region["endLine"] = d.end_line
        region["endColumn"] = d.end_column
    return region


def sarif(report: LintReport, lang: str | None) -> str:
    """A SARIF 2.1.0 log: one run, one rule per code (all of them), one result per problem."""
    from .rule_docs import explanation_text, help_markdown, help_text

    codes = sorted(RULES)
    index = {code: position for position, code in enumerate(codes)}
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": t(f"rule.{code}", lang)},
            "fullDescription": {"text": explanation_text(code, lang)},
            "help": {"text": help_text(code, lang), "markdown": help_markdown(code, lang)},
            "defaultConfiguration": {"level": SARIF_LEVELS[RULES[code].severity]},
            "properties": {"tags": [_family(code)]},
        }
        for code in codes
    ]
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": SARIF_LEVELS[d.severity],
            "message": {"text": d.message_in(lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": _region(d),
                    }
                }
            ],
        }
        for d in report.diagnostics
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "pathfinder", "version": __version__, "rules": rules}},
                "language": lang or "en",
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _family(code: str) -> str:
    return {"0": "syntax", "1": "schema", "2": "graph", "3": "style"}.get(code[2], "other")


def render(report: LintReport, fmt: str, lang: str | None, quiet: bool = False) -> str:
    """The report in ``fmt`` (one of ``FORMATS``). ``quiet`` drops everything but the problems
    (text, github); json and sarif hold every finding."""
    if fmt == "json":
        return to_json(report, lang)
    if fmt == "github":
        return github(report, lang, quiet)
    if fmt == "sarif":
        return sarif(report, lang)
    return text(report, lang, quiet)
