"""Saying a plan's structured facts in English or French: numbers, purposes, reasons, relaxations."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from ..home import ResolvedHome
from ..i18n import t
from ..objectives import objective_spec
from ..planning.results import (
    Blocker,
    Excluded,
    LimitsTogether,
    MissingPrerequisites,
    NoCourse,
    NoSession,
    OnlineNotAllowed,
    OverLimit,
    Path,
    Reason,
    Relaxation,
    Serves,
    Step,
    TooFar,
)


def number(value: float | int, lang: str | None = None, decimals: int = 2) -> str:
    """``1550`` -> "1,550" (en) / "1 550" (fr); ``1.6`` -> "1.6" / "1,6"; at most ``decimals``."""
    rounded = round(Fraction(repr(float(value))), decimals)
    whole = int(abs(rounded))
    fraction = abs(rounded) - whole
    digits = f"{whole:,}"
    text = digits
    if fraction:
        text += "." + f"{float(fraction):.{decimals}f}"[2:].rstrip("0")
    if rounded < 0:
        text = "-" + text
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def km(value: float, lang: str | None = None) -> str:
    return number(value, lang, 1)


def total_text(path: Path, lang: str | None = None) -> str:
    """A path's totals in one line: hours, weeks, cost, what the person pays, courses."""
    return t(
        "plan.total",
        lang,
        hours=number(path.total_hours, lang),
        weeks=number(path.total_weeks, lang),
        cost=number(path.total_cost_eur, lang),
        pays=number(path.total_pays_eur, lang),
        count=len(path.steps),
    )


def home_text(home: ResolvedHome | None, lang: str | None = None) -> str | None:
    """Where a typed home was placed: the commune and its postal code, or the mean of the
    communes that share a postal code; None for a site or coordinates (nothing to say)."""
    if home is None or home.kind not in ("commune", "postal-code"):
        return None
    coords = f"{number(home.lat, lang, 4)}, {number(home.lon, lang, 4)}"
    if home.mean_of > 1:
        return t(
            "plan.home.mean",
            lang,
            query=home.query,
            count=home.mean_of,
            names=home.name or "",
            coords=coords,
        )
    return t(
        "plan.home.commune",
        lang,
        query=home.query,
        name=home.name or home.query,
        postal_code=home.postal_code or "—",
        coords=coords,
    )


def finish_text(path: Path, lang: str | None = None) -> str:
    """When the path ends on the calendar ("Done by …"), or that no schedule fits it."""
    if path.finish is None:
        return t("plan.no_schedule", lang)
    start = path.steps[0].start if path.steps else None
    return t(
        "plan.finish",
        lang,
        start=day_text(start, lang) if start else "",
        finish=day_text(path.finish, lang),
    )


def step_dates_text(step: Step, lang: str | None = None) -> str:
    """A step's dates: its session's, or on-demand dates; empty when no schedule fits."""
    if step.start is None or step.end is None:
        return ""
    dates = date_range(step.start, step.end, lang)
    if step.session is None:
        return t("plan.step.on_demand", lang, dates=dates)
    return t("plan.step.session", lang, dates=dates)


MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}
"""Short month names, as each language abbreviates them (French: Imprimerie nationale)."""


def day_text(day: date | str, lang: str | None = None) -> str:
    """A calendar day for people: ``11 Jan 2027``, ``11 janv. 2027`` (an ISO string or a date)."""
    when = date.fromisoformat(day) if isinstance(day, str) else day
    months = MONTHS.get(lang or "en", MONTHS["en"])
    return f"{when.day} {months[when.month - 1]} {when.year}"


def date_range(start: date | str, end: date | str, lang: str | None = None) -> str:
    """``11 Jan 2027 – 12 Jan 2027``; one day when they are the same."""
    first, last = day_text(start, lang), day_text(end, lang)
    return first if first == last else f"{first} – {last}"


def requirement(skill: str, level: int) -> str:
    return f"{skill} ≥ {level}"


def serves_text(item: Serves, lang: str | None = None) -> str:
    if item.kind == "target":
        return t("plan.serves.target", lang, skill=item.requirement[0], level=item.requirement[1])
    return t("plan.serves.prerequisite", lang, course=item.course)


def _and(items: list[str], lang: str | None) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('plan.and', lang)} " + items[-1]


def cap_text(cap: str, value: float, lang: str | None = None) -> str:
    return t(f"plan.cap.{cap}", lang, value=number(value, lang))


def reason_text(reason: Reason, blocker: Blocker, lang: str | None = None) -> str:
    """One reason, as a clause about the blocker's skill (or the target as a whole)."""
    if isinstance(reason, NoCourse):
        return t("plan.reason.no_course", lang, skill=blocker.skill, need=blocker.need)
    if isinstance(reason, Excluded):
        return t("plan.reason.excluded", lang, course=reason.course)
    if isinstance(reason, OnlineNotAllowed):
        return t("plan.reason.online_not_allowed", lang, course=reason.course)
    if isinstance(reason, NoSession):
        return t(
            "plan.reason.no_session",
            lang,
            course=reason.course,
            day=day_text(reason.first_day, lang),
        )
    if isinstance(reason, TooFar):
        sites = [
            t("plan.reason.site_km", lang, site=site, km=km(d, lang)) for site, d in reason.sites
        ]
        return t(
            "plan.reason.too_far",
            lang,
            course=reason.course,
            sites=_and(sites, lang),
            radius=km(reason.radius_km, lang),
        )
    if isinstance(reason, MissingPrerequisites):
        parts = [requirement(s, lv) for s, lv in reason.missing]
        parts += [
            t("plan.one_of", lang, options=", ".join(requirement(s, lv) for s, lv in group))
            for group in reason.missing_any
        ]
        return t(
            "plan.reason.missing_prerequisites",
            lang,
            course=reason.course,
            missing=_and(parts, lang),
        )
    if isinstance(reason, OverLimit):
        return t(
            f"plan.reason.over_limit.{reason.cap}",
            lang,
            minimum=number(reason.minimum, lang),
            limit=number(reason.limit, lang),
        )
    if isinstance(reason, LimitsTogether):
        limits = ", ".join(cap_text(cap, value, lang) for cap, value in reason.caps)
        return t("plan.reason.limits_together", lang, limits=limits)
    raise AssertionError(reason)  # pragma: no cover


def blocker_subject(blocker: Blocker, lang: str | None = None) -> str:
    if blocker.skill is None:
        return t("plan.blocker.whole", lang)
    if blocker.needed_by:
        return t(
            "plan.blocker.prerequisite",
            lang,
            requirement=requirement(blocker.skill, blocker.need or 0),
            courses=_and(list(blocker.needed_by), lang),
        )
    return requirement(blocker.skill, blocker.need or 0)


def relaxation_text(
    relaxation: Relaxation, lang: str | None = None, *, as_retry: bool = False
) -> str:
    """One relaxation in words: the change to make (``plan``: "widen your radius to 188 km"), or,
    ``as_retry``, the changed limit that ``advise`` offers to retry with ("a travel radius of 188 km").
    Numbers are written as everywhere else in that language (``1,550``; ``1 550``)."""
    prefix = "advise.relax" if as_retry else "plan.relax"
    if relaxation.kind == "online":
        return t(f"{prefix}.online", lang)
    value = float(relaxation.value)
    shown = km(value, lang) if relaxation.kind == "radius" else number(value, lang)
    return t(f"{prefix}.{relaxation.kind}", lang, value=shown)


def objective_text(objective: str, lang: str | None = None) -> str:
    """The objective after "best by": text and Markdown paths, the explore title."""
    return t(objective_spec(objective).label_key, lang)


def objective_report_text(objective: str, lang: str | None = None) -> str:
    """The objective in the HTML report's "Shortest by …"."""
    return t(objective_spec(objective).report_key, lang)
