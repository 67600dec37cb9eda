"""Rich rendering of plans and explorations for the terminal: readable at 80 columns, and with
NO_COLOR or no terminal at all (styles only add emphasis; nothing depends on colour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..model import Catalog
    from ..planning.results import ExploreResult, Path, PlanResult, Step

MAX_REASONS = 6
"""Reasons shown per blocker in text output (JSON has all of them)."""


def _step_text(step: Step, catalog: Catalog, lang: str) -> Text:
    from rich.text import Text

    from ..i18n import t
    from ..reports.wording import km, number, serves_text, step_dates_text
    from ..safetext import printable

    course = step.course
    provider = catalog.providers.get(course.provider)
    if step.site is None:
        where = t("plan.step.online", lang)
    else:
        site = catalog.sites.get(step.site)
        name = printable(catalog.name(site, lang) if site else step.site)
        where = (
            t("plan.step.site", lang, site=name, km=km(step.distance_km, lang))
            if step.distance_km is not None
            else name
        )
    text = Text()
    text.append(printable(catalog.name(course, lang)), style="bold")
    text.append(f"  ({printable(course.id)})", style="dim")
    text.append("\n")
    text.append(
        f"{printable(catalog.name(provider, lang) if provider else course.provider)} · {where}"
    )
    text.append("\n")
    if dates := step_dates_text(step, lang):
        text.append(dates, style="magenta")
        text.append("\n")
    text.append(
        t(
            "plan.step.figures",
            lang,
            hours=number(course.hours, lang),
            weeks=number(course.weeks, lang),
            cost=number(course.cost_eur, lang),
        )
    )
    text.append(" · ")
    if step.pays_eur == 0 and course.cost_eur > 0:
        text.append(t("plan.step.funded", lang), style="green")
    else:
        text.append(t("plan.step.pays", lang, pays=number(step.pays_eur, lang)))
    for item in step.serves:
        text.append("\n→ ")
        text.append(printable(serves_text(item, lang)), style="cyan")
    return text


def _render_path(
    path: Path, n: int, objective: str, catalog: Catalog, console: Console, lang: str
) -> None:
    from rich.table import Table

    from ..i18n import t
    from ..reports.wording import finish_text, objective_text, total_text

    heading = (
        t("plan.path_best", lang, n=n, objective=objective_text(objective, lang))
        if n == 1
        else t("plan.path_alt", lang, n=n)
    )
    console.print()
    console.print(heading, style="bold underline", markup=False)
    timeline = Table.grid(padding=(0, 1))
    timeline.add_column(justify="right", width=3, no_wrap=True)
    timeline.add_column(ratio=1)
    for index, step in enumerate(path.steps, 1):
        timeline.add_row(f"{index}.", _step_text(step, catalog, lang))
        if index < len(path.steps):
            timeline.add_row("", "")
    console.print(timeline)
    console.print(total_text(path, lang), style="bold", markup=False)
    console.print(finish_text(path, lang), style="bold", markup=False)


def render_plan(result: PlanResult, catalog: Catalog, console: Console, lang: str) -> None:
    """Skill gaps, then each path as a numbered timeline with totals; or why there is no path."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ..i18n import t
    from ..reports.wording import blocker_subject, home_text, reason_text, relaxation_text
    from ..safetext import printable

    job = catalog.jobs.get(result.target)
    job_name = printable(catalog.name(job, lang) if job else result.target)
    console.print(
        f"{t('plan.title', lang, job=job_name)}  ({printable(result.target)})",
        style="bold",
        markup=False,
    )
    if result.start:
        start = printable(
            ", ".join(f"{skill} {level}" for skill, level in sorted(result.start.items()))
        )
        console.print(t("plan.start", lang, skills=start), style="dim", markup=False)
    else:
        console.print(t("plan.start_none", lang), style="dim", markup=False)
    if placed := home_text(result.home, lang):
        console.print(printable(placed), style="dim", markup=False)
    if result.status == "already-qualified":
        console.print()
        console.print(t("plan.already", lang, job=job_name), style="green", markup=False)
        return

    console.print()
    gaps = Table(
        title=t("plan.gaps", lang),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    gaps.add_column(t("plan.col.skill", lang), ratio=1)
    gaps.add_column(t("plan.col.have", lang), justify="right", no_wrap=True)
    gaps.add_column(t("plan.col.need", lang), justify="right", no_wrap=True)
    for gap in result.gaps:
        skill = catalog.skills.get(gap.skill)
        name = catalog.name(skill, lang) if skill else gap.skill
        gaps.add_row(Text(printable(f"{name} ({gap.skill})")), str(gap.have), str(gap.need))
    console.print(gaps)

    for n, path in enumerate(result.paths, 1):
        _render_path(path, n, result.objective, catalog, console, lang)
    if not result.proven:
        console.print(t("plan.not_proven", lang), style="yellow", markup=False)

    if result.status == "unreachable":
        console.print(t("plan.unreachable", lang, job=job_name), style="bold red", markup=False)
        console.print()
        console.print(t("plan.why", lang), style="bold underline", markup=False)
        why = Table.grid(padding=(0, 1))
        why.add_column(width=3, justify="right", no_wrap=True)
        why.add_column(ratio=1)
        for blocker in result.blockers:
            why.add_row("•", Text(printable(blocker_subject(blocker, lang)), style="bold"))
            for reason in blocker.reasons[:MAX_REASONS]:
                why.add_row("-", Text(printable(reason_text(reason, blocker, lang))))
            if len(blocker.reasons) > MAX_REASONS:
                why.add_row(
                    "", Text(t("plan.more_reasons", lang, n=len(blocker.reasons) - MAX_REASONS))
                )
        console.print(why)
        console.print()
        console.print(t("plan.relax_heading", lang), style="bold underline", markup=False)
        if result.relaxations:
            relax = Table.grid(padding=(0, 1))
            relax.add_column(width=3, justify="right", no_wrap=True)
            relax.add_column(ratio=1)
            for relaxation in result.relaxations:
                relax.add_row("•", Text(relaxation_text(relaxation, lang)))
            console.print(relax)
        else:
            console.print(t("plan.relax_none", lang), markup=False)


def render_explore(result: ExploreResult, catalog: Catalog, console: Console, lang: str) -> None:
    """The ranking as a table, then the jobs out of reach."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ..i18n import t
    from ..objectives import objective_spec
    from ..reports.wording import day_text, number, objective_text
    from ..safetext import printable

    scope = (
        t("explore.sectors", lang, sectors=printable(", ".join(result.sectors)))
        if result.sectors
        else t("explore.growing", lang)
    )
    console.print(
        f"{t('explore.title', lang, objective=objective_text(result.objective, lang))} ({scope})",
        style="bold",
        markup=False,
    )
    if not result.results:
        console.print(t("explore.none", lang), markup=False)
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(t("explore.col.job", lang), ratio=1)
        # Hours, weeks, price, courses and openings always; the objective's totals too, after the
        # price, when they are none of these (what the person pays, for ``cost``).
        keys = [
            "explore.col.hours",
            "explore.col.weeks",
            "explore.col.cost",
            "explore.col.courses",
            "explore.col.openings",
        ]
        objective_key = objective_spec(result.objective).unit_key
        if objective_key not in keys:
            keys.insert(3, objective_key)
        for key in keys:
            table.add_column(t(key, lang), justify="right")
        for rank, item in enumerate(result.results, 1):
            job = catalog.jobs.get(item.job)
            label = printable(f"{catalog.name(job, lang) if job else item.job} ({item.job})")
            if item.status == "already-qualified":
                label += f" — {t('explore.already', lang)}"
            if not item.proven:
                label += f" — {t('explore.not_proven', lang)}"
            cells = {
                "explore.col.hours": number(item.total_hours, lang),
                "explore.col.weeks": number(item.total_weeks, lang),
                "explore.col.cost": number(item.total_cost_eur, lang, 0),
                "explore.col.pays": number(item.total_pays_eur, lang, 0),
                "explore.col.courses": str(item.courses),
                "explore.col.openings": str(item.openings_nearby),
                "explore.col.finish": day_text(item.finish, lang) if item.finish else "—",
            }
            table.add_row(str(rank), Text(label), *(cells[key] for key in keys))
        console.print(table)
    if result.unreachable:
        console.print(
            t(
                "explore.unreachable",
                lang,
                n=len(result.unreachable),
                jobs=printable(", ".join(result.unreachable)),
            ),
            style="dim",
            markup=False,
        )
    if result.unexplored:
        console.print(
            t(
                "explore.unexplored",
                lang,
                n=len(result.unexplored),
                jobs=printable(", ".join(result.unexplored)),
            ),
            style="yellow",
            markup=False,
        )
