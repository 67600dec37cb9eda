"""A plan as Markdown, in English or French: ``pathfinder plan --format md``."""

from __future__ import annotations

from ..i18n import t
from ..model import Catalog
from ..planning.results import Path, PlanResult
from .wording import (
    blocker_subject,
    km,
    number,
    objective_text,
    reason_text,
    relaxation_text,
    serves_text,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _path_lines(path: Path, n: int, objective: str, catalog: Catalog, lang: str | None) -> list[str]:
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
                t("plan.step.site", lang, site=catalog.name(catalog.sites[step.site], lang), km=km(step.distance_km, lang))
                if step.distance_km is not None
                else catalog.name(catalog.sites[step.site], lang)
            )
        )
        figures = t(
            "plan.step.figures", lang, hours=number(course.hours, lang), weeks=number(course.weeks, lang),
            cost=number(course.cost_eur, lang),
        )
        pays = t("plan.step.funded", lang) if step.pays_eur == 0 and course.cost_eur > 0 else t(
            "plan.step.pays", lang, pays=number(step.pays_eur, lang)
        )
        lines.append(
            f"{index}. **{catalog.name(course, lang)}** (`{course.id}`) — "
            f"{catalog.name(provider, lang) if provider else course.provider}, {where}"
        )
        lines.append(f"   - {figures}; {pays}")
        what = "; ".join(serves_text(item, lang) for item in step.serves)
        lines.append(f"   - {t('plan.step.serves', lang, what=what)}")
    lines.append("")
    lines.append(
        "**"
        + t(
            "plan.total", lang, hours=number(path.total_hours, lang), weeks=number(path.total_weeks, lang),
            cost=number(path.total_cost_eur, lang), pays=number(path.total_pays_eur, lang), count=len(path.steps),
        )
        + "**"
    )
    lines.append("")
    return lines


def plan_to_markdown(result: PlanResult, catalog: Catalog, lang: str | None = None) -> str:
    """The whole plan: gaps, each path as a numbered list, or why there is none."""
    job = catalog.jobs.get(result.target)
    job_name = catalog.name(job, lang) if job else result.target
    lines = [f"# {t('plan.title', lang, job=job_name)} (`{result.target}`)", ""]
    lines.append(
        t("plan.catalog", lang, name=catalog.info.name, version=catalog.info.version, sha=catalog.sha256[:12])
    )
    lines.append("")
    if result.start:
        start = ", ".join(f"{skill} {level}" for skill, level in sorted(result.start.items()))
        lines += [t("plan.start", lang, skills=start), ""]
    else:
        lines += [t("plan.start_none", lang), ""]
    if result.status == "already-qualified":
        lines += [t("plan.already", lang, job=job_name), ""]
        return "\n".join(lines)
    lines += [f"## {t('plan.gaps', lang)}", ""]
    lines.append(f"| {t('plan.col.skill', lang)} | {t('plan.col.have', lang)} | {t('plan.col.need', lang)} |")
    lines.append("|---|---:|---:|")
    for gap in result.gaps:
        skill = catalog.skills.get(gap.skill)
        name = catalog.name(skill, lang) if skill else gap.skill
        lines.append(f"| {_cell(name)} (`{gap.skill}`) | {gap.have} | {gap.need} |")
    lines.append("")
    for n, path in enumerate(result.paths, 1):
        lines += _path_lines(path, n, result.objective, catalog, lang)
    if not result.proven:
        lines += [f"> {t('plan.not_proven', lang)}", ""]
    if result.status == "unreachable":
        lines += [f"## {t('plan.unreachable', lang, job=job_name)}", "", f"### {t('plan.why', lang)}", ""]
        for blocker in result.blockers:
            for reason in blocker.reasons:
                lines.append(f"- **{blocker_subject(blocker, lang)}** — {reason_text(reason, blocker, lang)}")
        lines += ["", f"### {t('plan.relax_heading', lang)}", ""]
        if result.relaxations:
            lines += [f"- {relaxation_text(r, lang)}" for r in result.relaxations]
        else:
            lines.append(t("plan.relax_none", lang))
        lines.append("")
    return "\n".join(lines)
