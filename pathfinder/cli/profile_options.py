"""The profile flags of ``plan`` and ``explore``, declared once, and the profile they build.

Each flag given replaces the profile file's field (``--profile``). The time limits of ``plan``,
``explore`` and ``advise`` live here too. Like the command modules, this module keeps its
annotations as objects (no ``from __future__ import annotations``; see :mod:`pathfinder.cli`).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..limits import PROFILE_RANGES, TIME_LIMIT_MAX
from .help_text import h
from .options import Optimize

if TYPE_CHECKING:
    from datetime import date

    from ..profile import Profile

# Flags get their upper bound from click (a 400-digit --radius is a usage error); the lower bound,
# NaN and the infinities are checked by non_negative, in one line that names the flag.

ProfileOpt = Annotated[
    Path | None,
    typer.Option("--profile", metavar="FILE", help=h("help.plan.profile"), show_default=False),
]
FromOpt = Annotated[
    list[str] | None,
    typer.Option("--from", metavar="JOB", help=h("help.plan.from"), show_default=False),
]
SkillOpt = Annotated[
    list[str] | None,
    typer.Option("--skill", metavar="ID[=LEVEL]", help=h("help.plan.skill"), show_default=False),
]
HomeOpt = Annotated[
    str | None,
    typer.Option("--home", metavar="PLACE", help=h("help.plan.home"), show_default=False),
]
RadiusOpt = Annotated[
    float | None,
    typer.Option(
        "--radius",
        metavar="KM",
        max=PROFILE_RANGES["mobility_km"][1],
        help=h("help.plan.radius"),
        show_default=False,
    ),
]
OnlineOpt = Annotated[
    bool | None,
    typer.Option("--online/--no-online", help=h("help.plan.online"), show_default=False),
]
MaxHoursOpt = Annotated[
    float | None,
    typer.Option(
        "--max-hours",
        metavar="N",
        max=PROFILE_RANGES["max_hours"][1],
        help=h("help.plan.max_hours"),
        show_default=False,
    ),
]
MaxWeeksOpt = Annotated[
    float | None,
    typer.Option(
        "--max-weeks",
        metavar="N",
        max=PROFILE_RANGES["max_weeks"][1],
        help=h("help.plan.max_weeks"),
        show_default=False,
    ),
]
BudgetOpt = Annotated[
    float | None,
    typer.Option(
        "--budget",
        metavar="EUR",
        max=PROFILE_RANGES["budget_eur"][1],
        help=h("help.plan.budget"),
        show_default=False,
    ),
]
FundingOpt = Annotated[
    list[str] | None,
    typer.Option("--funding", metavar="SRC", help=h("help.plan.funding"), show_default=False),
]
StartOpt = Annotated[
    str | None,
    typer.Option("--start", metavar="DATE", help=h("help.plan.start"), show_default=False),
]
OptimizeOpt = Annotated[
    Optimize | None,
    typer.Option("--optimize", help=h("help.plan.optimize"), show_default=False),
]
PLAN_TIME_LIMIT = 30.0
"""Seconds a plan search runs before showing its best path so far, marked as not proven."""
EXPLORE_TIME_LIMIT = 60.0
"""Seconds an explore ranking runs in all before listing the remaining jobs as not explored."""
TimeLimitOpt = Annotated[
    float,
    typer.Option(
        "--time-limit", metavar="SECONDS", max=TIME_LIMIT_MAX, help=h("help.opt.time_limit")
    ),
]
ExploreTimeLimitOpt = Annotated[
    float,
    typer.Option(
        "--time-limit", metavar="SECONDS", max=TIME_LIMIT_MAX, help=h("help.explore.time_limit")
    ),
]


def profile_from_flags(
    profile_file: Path | None,
    lang_flag: str | None,
    *,
    from_: list[str] | None,
    skill: list[str] | None,
    home: str | None,
    radius: float | None,
    online: bool | None,
    max_hours: float | None,
    max_weeks: float | None,
    budget: float | None,
    funding: list[str] | None,
    start: str | None = None,
) -> tuple["Profile", str, dict[str, str]]:
    """The profile file with the flags applied, the output language, and how to name each field
    in messages (the flag that set it, else the file's field)."""
    from ..profile import Profile, load_profile
    from .state import use_lang

    language = use_lang(lang_flag)
    base = load_profile(profile_file) if profile_file is not None else Profile()
    if lang_flag is None and base.lang is not None:
        language = use_lang(base.lang)
    for flag, value in (
        ("--radius", radius),
        ("--max-hours", max_hours),
        ("--max-weeks", max_weeks),
        ("--budget", budget),
    ):
        non_negative(flag, value)
    overrides: dict[str, Any] = {
        "jobs": tuple(from_) if from_ else None,
        "skills": _skills(skill) if skill else None,
        "home": _home(home) if home is not None else None,
        "mobility_km": radius,
        "online": online,
        "max_hours": max_hours,
        "max_weeks": max_weeks,
        "budget_eur": budget,
        "funding": tuple(funding) if funding else None,
        "start": _start(start) if start is not None else None,
    }
    flags = {
        "jobs": "--from",
        "skills": "--skill",
        "home": "--home",
        "mobility_km": "--radius",
        "max_hours": "--max-hours",
        "max_weeks": "--max-weeks",
        "budget_eur": "--budget",
        "funding": "--funding",
    }
    source = str(profile_file) if profile_file is not None else "profile"
    where = {
        name: flags[name]
        if overrides.get(name) is not None and name in flags
        else f"{source}: {name}"
        for name in (
            "jobs",
            "skills",
            "home",
            "mobility_km",
            "max_hours",
            "max_weeks",
            "budget_eur",
            "funding",
            "exclude_courses",
            "targets",
            "sectors",
        )
    }
    return base.merged(**overrides), language, where


def non_negative(flag: str, value: float | None) -> None:
    import math

    from ..errors import PathfinderError

    if value is not None and (not math.isfinite(value) or value < 0):
        raise PathfinderError("plan.negative", flag=flag, value=value)


def _skills(values: list[str]) -> dict[str, int]:
    from ..errors import PathfinderError
    from ..safetext import clip

    skills: dict[str, int] = {}
    for value in values:
        skill, sep, level_text = value.partition("=")
        skill = skill.strip()
        level = 1
        if sep:
            try:
                level = int(level_text)
            except ValueError:
                raise PathfinderError("plan.bad_skill_flag", value=clip(value)) from None
        if not skill or level < 0:
            raise PathfinderError("plan.bad_skill_flag", value=clip(value))
        skills[skill] = level
    return skills


def _start(value: str) -> "date":
    """``--start``: an ISO date (a usage error, exit 2, otherwise)."""
    from ..dates import parse_date
    from ..errors import PathfinderError
    from ..safetext import clip

    day = parse_date(value.strip())
    if day is None:
        raise PathfinderError("plan.bad_date_flag", flag="--start", value=clip(value, 40))
    return day


def _home(value: str) -> str | tuple[float, float]:
    from ..geo import looks_like_coordinates, parse_lat_lon

    if looks_like_coordinates(value) or "," in value:
        return parse_lat_lon(value, "--home")
    return value
