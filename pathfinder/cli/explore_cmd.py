"""``pathfinder explore``: every job within reach of a profile, ranked, best first.

It reads a profile from the same flags as ``plan`` (declared in :mod:`.profile_options`) and ranks
with :func:`pathfinder.explore.explore`, imported when the command runs.
"""

from enum import Enum
from typing import Annotated

import typer

from .help_text import h
from .options import DEFAULT_OBJECTIVE, CatalogOpt, LangOpt, NoCacheOpt
from .profile_options import (
    EXPLORE_TIME_LIMIT,
    BudgetOpt,
    ExploreTimeLimitOpt,
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
)

MAX_TOP = 100_000
DEFAULT_TOP = 20


class ExploreFormat(str, Enum):
    text = "text"
    json = "json"


def explore_command(
    sector: Annotated[
        list[str] | None,
        typer.Option("--sector", metavar="S", help=h("help.explore.sector"), show_default=False),
    ] = None,
    top: Annotated[
        int,
        typer.Option("--top", metavar="N", max=MAX_TOP, help=h("help.explore.top")),
    ] = DEFAULT_TOP,
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
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    fmt: Annotated[
        ExploreFormat, typer.Option("--format", help=h("help.opt.format"))
    ] = ExploreFormat.text,
    time_limit: ExploreTimeLimitOpt = EXPLORE_TIME_LIMIT,
) -> None:
    """Rank the jobs within reach from your profile, best first."""
    from ..errors import PathfinderError
    from ..explore import explore
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
    if top < 1:
        raise PathfinderError("explore.bad_top", value=top)
    non_negative("--time-limit", time_limit)
    cat = load(catalog, no_cache)
    check_profile(person, cat, where)
    result = explore(
        cat,
        person,
        sectors=sector,
        objective=optimize.value if optimize else person.optimize or DEFAULT_OBJECTIVE,
        top=top,
        time_limit=time_limit,
    )
    if fmt is ExploreFormat.json:
        from ..reports.plan_json import explore_to_json
        from .console import print_json

        print_json(explore_to_json(result, cat, language))
        return
    from .console import stdout_console
    from .plan_render import render_explore

    render_explore(result, cat, stdout_console(), language)


def register(app: typer.Typer) -> None:
    """Add ``explore`` to ``app``."""
    app.command("explore", help=h("help.explore"))(explore_command)
