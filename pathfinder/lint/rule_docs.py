"""Rule explanations for people: ``pathfinder lint --explain CODE``, SARIF help, the docs.

The rules section of ``docs/lint-rules.md`` is generated from :mod:`.rule_texts`::

    python -m pathfinder.lint.rule_docs --write docs/lint-rules.md   # regenerate the section
    python -m pathfinder.lint.rule_docs --check docs/lint-rules.md   # exit 1 if it is stale
"""

from __future__ import annotations

import sys
import textwrap

from ..errors import PathfinderError
from ..i18n import t
from ..rules import RULES
from .rule_texts import EXPLANATIONS

BEGIN = (
    "<!-- BEGIN GENERATED RULES: python -m pathfinder.lint.rule_docs --write docs/lint-rules.md -->"
)
END = "<!-- END GENERATED RULES -->"


def rule_code(code: str) -> str:
    """``code`` normalised (``pf201`` -> ``PF201``); an unknown code raises PathfinderError."""
    normal = code.strip().upper()
    if normal not in RULES:
        from ..safetext import clip
        from ..textsearch import suggest

        hint = suggest(normal, RULES)
        key = "lint.unknown_code_hint" if hint else "lint.unknown_code"
        raise PathfinderError(key, option="--explain", code=clip(code), suggestion=", ".join(hint))
    return normal


def explanation_text(code: str, lang: str | None) -> str:
    return EXPLANATIONS[code].text(lang)


def _indent(block: str) -> str:
    return textwrap.indent(block, "    ")


def help_text(code: str, lang: str | None) -> str:
    """The paragraph, then the bad and the good example, as plain text."""
    entry = EXPLANATIONS[code]
    return (
        f"{entry.text(lang)}\n\n{t('lint.explain.bad', lang)}:\n{_indent(entry.bad)}\n\n"
        f"{t('lint.explain.good', lang)}:\n{_indent(entry.good)}"
    )


def help_markdown(code: str, lang: str | None) -> str:
    entry = EXPLANATIONS[code]
    return (
        f"{entry.text(lang)}\n\n{t('lint.explain.bad', lang)}:\n\n```{entry.fence}\n{entry.bad}\n```\n\n"
        f"{t('lint.explain.good', lang)}:\n\n```{entry.fence}\n{entry.good}\n```"
    )


def render_terminal(code: str, lang: str | None) -> str:
    """What ``--explain CODE`` prints: code, name, title, default severity, then the help text."""
    rule = RULES[code]
    severity = t(f"severity.{rule.severity.value}", lang)
    head = f"{code} {rule.name}: {t(rule.title_key, lang)}\n{t('lint.explain.severity', lang)}: {severity}"
    body = "\n\n".join(
        # Ids and codes stay whole.
        textwrap.fill(p, 88, break_long_words=False, break_on_hyphens=False)
        for p in explanation_text(code, lang).split("\n\n")
    )
    entry = EXPLANATIONS[code]
    return (
        f"{head}\n\n{body}\n\n{t('lint.explain.bad', lang)}:\n{_indent(entry.bad)}\n\n"
        f"{t('lint.explain.good', lang)}:\n{_indent(entry.good)}\n"
    )


def rules_markdown() -> str:
    """The generated section of docs/lint-rules.md (English): a table, then one section per rule."""
    lines = [BEGIN, "", "| code | name | default severity | title |", "|---|---|---|---|"]
    for code in sorted(RULES):
        rule = RULES[code]
        lines.append(
            f"| [{code}](#{code.lower()}) | `{rule.name}` | {rule.severity.value} | {t(rule.title_key, 'en')} |"
        )
    for code in sorted(RULES):
        rule = RULES[code]
        lines += [
            "",
            f"### {code}",
            "",
            f"**{t(rule.title_key, 'en')}** — `{rule.name}`, default severity **{rule.severity.value}**.",
            "",
            help_markdown(code, "en"),
        ]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(document: str) -> str:
    """``document`` with its generated section replaced by :func:`rules_markdown`."""
    start = document.find(BEGIN)
    stop = document.find(END)
    if start < 0 or stop < start:
        raise ValueError("the document has no generated-rules markers")
    return document[:start] + rules_markdown() + document[stop + len(END) + 1 :]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from ..generated_docs import regenerate

    def render(current: str | None) -> str:
        if current is None:
            raise SystemExit(f"{args[-1]}: no such document to splice the rules into")
        return splice(current)

    return regenerate(args, "pathfinder.lint.rule_docs", render)


if __name__ == "__main__":
    sys.exit(main())
