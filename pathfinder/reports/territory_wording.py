"""Saying a basin plan in English or French: reasons, relaxations, payers, places. Shared by the
text, Markdown, JSON and HTML reports of ``pathfinder territory``."""

from __future__ import annotations

from ..funding import funding_label
from ..i18n import t
from ..territory.result import Stranded, TerritoryResult, Unfilled
from .wording import blocker_subject, number, objective_text, reason_text, relaxation_text


def site_text(site: str | None, lang: str | None = None) -> str:
    """A training site's id, or "online"."""
    return t("territory.online", lang) if site is None else site


def payer_text(payer: str, lang: str | None = None) -> str:
    return (
        t("territory.payer.self", lang) if payer == "self" else funding_label(payer, lang or "en")
    )


def stranded_reason_text(item: Stranded, lang: str | None = None) -> str:
    """Why the people of a group are not placed, in one clause."""
    if item.reason == "no-path":
        why = [
            f"{blocker_subject(b, lang)}: {reason_text(b.reasons[0], b, lang)}"
            for b in item.blockers[:1]
            if b.reasons
        ]
        if why:
            return t("territory.reason.no-path", lang, job=item.target, why=why[0])
        return t("territory.reason.no-path-plain", lang, job=item.target)
    return t(f"territory.reason.{item.reason}", lang)


def relaxation_line(item: Stranded, lang: str | None = None) -> str | None:
    """ "a travel radius of 60 km would place 12 of them"; None without a relaxation."""
    if item.relaxation is None:
        return None
    return t(
        "territory.relaxation",
        lang,
        change=relaxation_text(item.relaxation, lang, as_retry=True),
        count=number(item.relaxation_places, lang),
    )


def stranded_text(item: Stranded, lang: str | None = None) -> str:
    """The reason, then the relaxation when there is one."""
    reason = stranded_reason_text(item, lang)
    relaxation = relaxation_line(item, lang)
    if relaxation is None:
        return reason
    return t("territory.reason_and_relaxation", lang, reason=reason, relaxation=relaxation)


def unfilled_reason_text(item: Unfilled, lang: str | None = None) -> str:
    return t(f"territory.unfilled.{item.reason}", lang)


def stranded_line(item: Stranded, lang: str | None = None) -> str:
    """ "douai-assembly: 7 — the training seats on their paths are taken; …"."""
    return t(
        "territory.stranded.line",
        lang,
        group=item.group,
        count=number(item.count, lang),
        reason=stranded_text(item, lang),
    )


def unfilled_line(gap: Unfilled, lang: str | None = None) -> str:
    """ "battery-pack-assembler at douai: 17 — not enough people in reach"."""
    return t(
        "territory.unfilled.line",
        lang,
        job=gap.job,
        site=gap.site,
        count=number(gap.count, lang),
        reason=unfilled_reason_text(gap, lang),
    )


def best_by_text(objective: str, lang: str | None = None) -> str:
    return t("territory.best_by", lang, objective=objective_text(objective, lang))


def header_lines(result: TerritoryResult, lang: str | None = None) -> list[str]:
    """What the plan is: its objective, whether seats count, whether it is proven."""
    lines = [best_by_text(result.objective, lang)]
    if result.capacity == "respected":
        from .wording import day_text

        lines.append(
            t(
                "territory.capacity.respected",
                lang,
                start=day_text(result.horizon[0], lang),
                end=day_text(result.horizon[1], lang),
            )
        )
        if result.placed_without_limits != result.placed:
            lines.append(
                t(
                    "territory.without_limits",
                    lang,
                    count=number(result.placed_without_limits, lang),
                )
            )
    else:
        lines.append(t("territory.capacity.none", lang))
    key = "territory.proven" if result.proven else "territory.not_proven"
    lines.append(t(key, lang, objective=objective_text(result.objective, lang)))
    return lines


def summary_rows(result: TerritoryResult, lang: str | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs: people, openings, placed, not placed, unfilled, hours, prices, payers."""
    totals = result.totals
    unfilled = sum(item.count for item in result.unfilled)
    rows = [
        (t("territory.summary.people", lang), number(result.people, lang)),
        (t("territory.summary.openings", lang), number(result.openings, lang)),
        (t("territory.summary.placed", lang), number(result.placed, lang)),
        (t("territory.summary.stranded", lang), number(result.people - result.placed, lang)),
        (t("territory.summary.unfilled", lang), number(unfilled, lang)),
        (t("territory.summary.hours", lang), number(totals.hours, lang)),
        (t("territory.summary.cost", lang), f"{number(totals.cost_eur, lang)} €"),
        (t("territory.summary.pays", lang), f"{number(totals.pays_eur, lang)} €"),
    ]
    if totals.funders:
        payers = ", ".join(
            f"{payer_text(payer, lang)} {number(amount, lang)} €"
            for payer, amount in totals.funders
        )
        rows.append((t("territory.summary.funders", lang), payers))
    return rows


def flow_rows(result: TerritoryResult, lang: str | None = None) -> list[list[str]]:
    """One row per flow: group, job, site, people, courses (with where), hours each."""
    rows = []
    for flow in result.flows:
        courses = ", ".join(
            f"{c.course} ({site_text(c.site, lang)})" for c in flow.route.courses
        ) or t("territory.no_course", lang)
        rows.append(
            [
                flow.group,
                flow.job,
                flow.site,
                number(flow.count, lang),
                courses,
                number(flow.route.hours, lang),
            ]
        )
    return rows


def flow_headers(lang: str | None = None) -> list[str]:
    return [
        t(f"territory.col.{name}", lang)
        for name in ("group", "job", "site", "count", "courses", "hours_each")
    ]


def seat_rows(result: TerritoryResult, lang: str | None = None) -> list[list[str]]:
    """One row per course and site: needed (without limits), available, to add, taken."""
    rows = []
    for line in result.seats:
        available = (
            t("territory.unlimited", lang)
            if line.available is None
            else number(line.available, lang)
        )
        rows.append(
            [
                line.course,
                site_text(line.site, lang),
                number(line.needed, lang),
                available,
                number(line.to_add, lang),
                number(line.used, lang),
            ]
        )
    return rows


def seat_headers(lang: str | None = None) -> list[str]:
    return [
        t(f"territory.col.{name}", lang)
        for name in ("course", "site", "needed", "available", "to_add", "used")
    ]


def to_open_text(result: TerritoryResult, lang: str | None = None) -> str | None:
    total = sum(line.to_add for line in result.seats)
    return t("territory.seats.to_open", lang, count=number(total, lang)) if total else None
