"""A plan as Markdown, in English or French: ``pathfinder plan --format md``.

Catalog text is data: every name, version or region goes through
:func:`~pathfinder.reports.escape.markdown_text`, so it renders as exactly its text and can open no
heading, table, link or HTML tag; a provider's URL becomes a link only when it is http(s).
Ids are checked by the loader (lower-case letters, digits and hyphens) and shown in code spans.
"""

from __future__ import annotations

from ..i18n import t
from ..model import Catalog
from ..planning.results import Path, PlanResult
from ..safetext import printable
from .escape import markdown_link, markdown_text
from .wording import (
    blocker_subject,
    finish_text,
    home_text,
    km,
    number,
    objective_text,
    reason_text,
    relaxation_text,
    serves_text,
    step_dates_text,
    total_text,
)


def _code(entry_id: str) -> str:
    """An id in a code span; any text that a code span could not hold as is, escaped instead."""
    if (
        entry_id
        and printable(entry_id) == entry_id
        and "`" not in entry_id
        and entry_id.strip() == entry_id
    ):
        return f"`{entry_id}`"
    return markdown_text(entry_id)


def _path_lines(
    path: Path, n: int, objective: str, catalog: Catalog, lang: str | None
) -> list[str]:
    heading = (
        t("plan.path_best", lang, n=n, objective=objective_text(objective, lang))
        if n == 1
        else t("plan.path_alt", lang, n=n)
    )
    lines = [f"## {heading}", ""]
    for index, step in enumerate(path.steps, 1):
        course = step.course
        provider = catalog.providers.get(course.provider)
        where = (
            t("plan.step.online", lang)
            if step.site is None
            else (
                t(
                    "plan.step.site",
                    lang,
                    site=markdown_text(catalog.name(catalog.sites[step.site], lang)),
                    km=km(step.distance_km, lang),
                )
                if step.distance_km is not None
                else markdown_text(catalog.name(catalog.sites[step.site], lang))
            )
        )
        figures = t(
            "plan.step.figures",
            lang,
            hours=number(course.hours, lang),
            weeks=number(course.weeks, lang),
            cost=number(course.cost_eur, lang),
        )
        pays = (
            t("plan.step.funded", lang)
            if step.pays_eur == 0 and course.cost_eur > 0
            else t("plan.step.pays", lang, pays=number(step.pays_eur, lang))
        )
        by = (
            markdown_link(catalog.name(provider, lang), provider.url)
            if provider
            else markdown_text(course.provider)
        )
        lines.append(
            f"{index}. **{markdown_text(catalog.name(course, lang))}** ({_code(course.id)}) — {by}, {where}"
        )
        lines.append(f"   - {figures}; {pays}")
        if dates := step_dates_text(step, lang):
            lines.append(f"   - {dates}")
        what = "; ".join(serves_text(item, lang) for item in step.serves)
        lines.append(f"   - {t('plan.step.serves', lang, what=what)}")
    lines.append("")
    lines.append(f"**{total_text(path, lang)}**")
    lines.append("")
    lines.append(f"**{finish_text(path, lang)}**")
    lines.append("")
    return lines


def plan_to_markdown(result: PlanResult, catalog: Catalog, lang: str | None = None) -> str:
    """The whole plan: gaps, each path as a numbered list, or why there is none."""
    job = catalog.jobs.get(result.target)
    job_name = markdown_text(catalog.name(job, lang) if job else result.target)
    lines = [f"# {t('plan.title', lang, job=job_name)} ({_code(result.target)})", ""]
    lines.append(
        t(
            "plan.catalog",
            lang,
            name=markdown_text(catalog.info.name),
            version=markdown_text(catalog.info.version),
            sha=catalog.sha256[:12],
        )
    )
    lines.append("")
    if result.start:
        start = ", ".join(f"{skill} {level}" for skill, level in sorted(result.start.items()))
        lines += [t("plan.start", lang, skills=start), ""]
    else:
        lines += [t("plan.start_none", lang), ""]
    if placed := home_text(result.home, lang):
        lines += [markdown_text(placed), ""]
    if result.status == "already-qualified":
        lines += [t("plan.already", lang, job=job_name), ""]
        return "\n".join(lines)
    lines += [f"## {t('plan.gaps', lang)}", ""]
    lines.append(
        f"| {t('plan.col.skill', lang)} | {t('plan.col.have', lang)} | {t('plan.col.need', lang)} |"
    )
    lines.append("|---|---:|---:|")
    for gap in result.gaps:
        skill = catalog.skills.get(gap.skill)
        name = catalog.name(skill, lang) if skill else gap.skill
        lines.append(f"| {markdown_text(name)} ({_code(gap.skill)}) | {gap.have} | {gap.need} |")
    lines.append("")
    for n, path in enumerate(result.paths, 1):
        lines += _path_lines(path, n, result.objective, catalog, lang)
    if not result.proven:
        lines += [f"> {t('plan.not_proven', lang)}", ""]
    if result.status == "unreachable":
        lines += [
            f"## {t('plan.unreachable', lang, job=job_name)}",
            "",
            f"### {t('plan.why', lang)}",
            "",
        ]
        for blocker in result.blockers:
            for reason in blocker.reasons:
                lines.append(
                    f"- **{blocker_subject(blocker, lang)}** — {reason_text(reason, blocker, lang)}"
                )
        lines += ["", f"### {t('plan.relax_heading', lang)}", ""]
        if result.relaxations:
            lines += [f"- {relaxation_text(r, lang)}" for r in result.relaxations]
        else:
            lines.append(t("plan.relax_none", lang))
        lines.append("")
    return "\n".join(lines)
