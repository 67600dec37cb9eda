"""A basin plan as Markdown (``territory --format md``, ``--export FILE.md``). Catalog and basin
text is escaped (:func:`.escape.markdown_text`)."""

from __future__ import annotations

from ..i18n import t
from ..model import Catalog
from ..territory.result import TerritoryResult
from .escape import markdown_text
from .territory_wording import (
    flow_headers,
    flow_rows,
    header_lines,
    seat_headers,
    seat_rows,
    stranded_line,
    summary_rows,
    to_open_text,
    unfilled_line,
)


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    cell = lambda text: markdown_text(text).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def territory_to_markdown(
    result: TerritoryResult, catalog: Catalog, lang: str | None = None
) -> str:
    del catalog  # ids are shown as they are; the catalog is for names in richer reports
    lines = [f"# {markdown_text(t('territory.title', lang, basin=result.basin))}", ""]
    lines += [markdown_text(line) for line in header_lines(result, lang)]
    lines += ["", f"## {t('territory.summary.title', lang)}", ""]
    lines += [
        f"- **{markdown_text(label)}**: {markdown_text(value)}"
        for label, value in summary_rows(result, lang)
    ]
    if result.flows:
        lines += ["", f"## {t('territory.flows.title', lang)}", ""]
        lines += _table(flow_headers(lang), flow_rows(result, lang))
    lines += ["", f"## {t('territory.seats.title', lang)}", ""]
    if result.seats:
        lines += _table(seat_headers(lang), seat_rows(result, lang))
        opening = to_open_text(result, lang)
        if opening:
            lines += ["", markdown_text(opening)]
    else:
        lines.append(t("territory.seats.none", lang))
    if result.stranded:
        lines += ["", f"## {t('territory.stranded.title', lang)}", ""]
        lines += [f"- {markdown_text(stranded_line(item, lang))}" for item in result.stranded]
    if result.unfilled:
        lines += ["", f"## {t('territory.unfilled.title', lang)}", ""]
        lines += [f"- {markdown_text(unfilled_line(gap, lang))}" for gap in result.unfilled]
    return "\n".join(lines) + "\n"
