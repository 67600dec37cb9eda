"""Rich rendering of a basin plan for the terminal: a summary, who goes where, the training
seats, who is not placed and why, the openings left unfilled. Readable at 80 columns and with
NO_COLOR (styles only add emphasis); every text from a file is inert (no markup)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from ..territory.result import TerritoryResult


def render_territory(result: TerritoryResult, console: Console, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..i18n import t
    from ..reports.territory_wording import (
        flow_rows,
        header_lines,
        seat_headers,
        seat_rows,
        stranded_line,
        summary_rows,
        to_open_text,
        unfilled_line,
    )
    from ..safetext import printable

    def say(text: str, style: str = "") -> None:
        console.print(Text(printable(text), style=style))

    def table(title: str, headers: list[str], rows: list[list[str]], right: set[int]) -> None:
        grid = Table(title=printable(title), title_justify="left", show_lines=False, expand=False)
        for index, header in enumerate(headers):
            grid.add_column(printable(header), justify="right" if index in right else "left")
        for row in rows:
            grid.add_row(*(Text(printable(cell)) for cell in row))
        console.print(grid)

    say(t("territory.title", lang, basin=result.basin), "bold")
    lines = header_lines(result, lang)
    for number_, line in enumerate(lines, start=1):
        last = number_ == len(lines)  # whether the plan is proven
        say(line, "yellow" if last and not result.proven else "")
    console.print()
    summary = Table(
        title=t("territory.summary.title", lang), title_justify="left", show_header=False
    )
    summary.add_column()
    summary.add_column(justify="right")
    for label, value in summary_rows(result, lang):
        summary.add_row(Text(printable(label)), Text(printable(value)))
    console.print(summary)
    if result.flows:
        console.print()
        say(t("territory.flows.title", lang), "bold")
        from rich.padding import Padding

        for group, job, site, count, courses, hours in flow_rows(result, lang):
            line = t(
                "territory.flow.line",
                lang,
                group=group,
                job=job,
                site=site,
                count=count,
                hours=hours,
            )
            say(f"• {line}")
            console.print(Padding(Text(printable(courses), style="dim"), (0, 0, 0, 2)))
    if result.seats:
        table(
            t("territory.seats.title", lang),
            seat_headers(lang),
            seat_rows(result, lang),
            {2, 3, 4, 5},
        )
        opening = to_open_text(result, lang)
        if opening:
            say(opening, "bold")
    for title, lines in (
        ("territory.stranded.title", [stranded_line(item, lang) for item in result.stranded]),
        ("territory.unfilled.title", [unfilled_line(gap, lang) for gap in result.unfilled]),
    ):
        if lines:
            console.print()
            say(t(title, lang), "bold")
            # one print for thousands of lines, each made printable on its own
            console.print(Text("\n".join(f"• {printable(line)}" for line in lines)))
    if result.placed == 0:
        console.print()
        say(t("territory.none_placed", lang), "bold")
