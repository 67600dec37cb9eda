"""``pathfinder plan``: the shortest path to a job, with alternatives; or why there is none.

The profile flags are shared with ``explore`` (:mod:`.profile_options`). The library is imported
inside the command, so ``pathfinder --help`` stays instant.
"""

from enum import Enum
from typing import Annotated

import typer

from .help_text import h
from .options import DEFAULT_OBJECTIVE, CatalogOpt, LangOpt, NoCacheOpt
from .profile_options import (
    PLAN_TIME_LIMIT,
    BudgetOpt,
    FromOpt,
    FundingOpt,
    HomeOpt,
    MaxHoursOpt,
    MaxWeeksOpt,
    OnlineOpt,
    OptimizeOpt,
    ProfileOpt,
    RadiusOpt,
    SkillOpt,
    StartOpt,
    TimeLimitOpt,
)

MAX_ALTERNATIVES = 20


class PlanFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


def plan_command(
    to: Annotated[
        str | None, typer.Option("--to", metavar="JOB", help=h("help.plan.to"), show_default=False)
    ] = None,
    profile: ProfileOpt = None,
    from_: FromOpt = None,
    skill: SkillOpt = None,
    home: HomeOpt = None,
    radius: RadiusOpt = None,
    online: OnlineOpt = None,
    max_hours: MaxHoursOpt = None,
    max_weeks: MaxWeeksOpt = None,
    budget: BudgetOpt = None,
    funding: FundingOpt = None,
    start: StartOpt = None,
    optimize: OptimizeOpt = None,
    alternatives: Annotated[
        int,
        typer.Option(
            "--alternatives", metavar="K", max=MAX_ALTERNATIVES, help=h("help.plan.alternatives")
        ),
    ] = 3,
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    fmt: Annotated[
        PlanFormat, typer.Option("--format", help=h("help.opt.format"))
    ] = PlanFormat.text,
    time_limit: TimeLimitOpt = PLAN_TIME_LIMIT,
) -> None:
    """The shortest retraining path to a job, with alternatives; or why there is none."""
    from ..errors import PathfinderError
    from ..planner import find_job, plan
    from ..profile import check_profile
    from .catalog_source import load
    from .profile_options import non_negative, profile_from_flags

    person, language, where = profile_from_flags(
        profile,
        lang.value if lang else None,
        from_=from_,
        skill=skill,
        home=home,
        radius=radius,
        online=online,
        max_hours=max_hours,
        max_weeks=max_weeks,
        budget=budget,
        funding=funding,
        start=start,
    )
    if not 1 <= alternatives <= MAX_ALTERNATIVES:
        raise PathfinderError("plan.bad_alternatives", value=alternatives)
    non_negative("--time-limit", time_limit)
    target = to or (person.targets[0] if person.targets else None)
    if target is None:
        raise PathfinderError("plan.no_target")
    cat = load(catalog, no_cache)
    find_job(cat, target, where="--to" if to else where["targets"])
    check_profile(person, cat, where)
    result = plan(
        cat,
        person,
        target,
        objective=optimize.value if optimize else person.optimize or DEFAULT_OBJECTIVE,
        alternatives=alternatives,
        time_limit=time_limit,
    )
    if fmt is PlanFormat.json:
        from ..reports.plan_json import plan_to_json
        from .console import print_json

        print_json(plan_to_json(result, cat, language))
    elif fmt is PlanFormat.md:
        import sys

        from ..reports.plan_markdown import plan_to_markdown

        sys.stdout.write(plan_to_markdown(result, cat, language))
    else:
        from .console import stdout_console
        from .plan_render import render_plan

        render_plan(result, cat, stdout_console(), language)
    if result.status == "unreachable":
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``plan`` to ``app``."""
    app.command("plan", help=h("help.plan"))(plan_command)
