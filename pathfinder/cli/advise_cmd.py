"""``pathfinder advise``: the interactive advising session, replayable from a profile file."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .help_text import h
from .options import DEFAULT_OBJECTIVE, CatalogOpt, LangOpt, NoCacheOpt, Optimize

if TYPE_CHECKING:
    from rich.console import Console

    from ..advising.answers import Answers
    from ..model import Catalog
    from ..planning.results import PlanResult
    from .prompter import Prompter


class ExportFormat(str, Enum):
    html = "html"
    md = "md"
    json = "json"
    ics = "ics"


EXIT_INTERRUPTED = 130


def register(app: typer.Typer) -> None:
    app.command(help=h("help.advise"))(advise)


def advise(
    catalog: CatalogOpt = None,
    profile: Annotated[
        Path | None, typer.Option("--profile", help=h("help.advise.profile"))
    ] = None,
    save_profile: Annotated[
        Path | None, typer.Option("--save-profile", help=h("help.advise.save_profile"))
    ] = None,
    lang: LangOpt = None,
    export: Annotated[Path | None, typer.Option("--export", help=h("help.advise.export"))] = None,
    export_format: Annotated[
        ExportFormat | None,
        typer.Option("--export-format", help=h("help.advise.export_format"), show_default=False),
    ] = None,
    objective: Annotated[
        Optimize | None,
        typer.Option("--optimize", help=h("help.advise.optimize"), show_default=False),
    ] = None,
    reference: Annotated[
        str | None, typer.Option("--reference", help=h("help.advise.reference"))
    ] = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Guided session: questions, the shortest path to the chosen job, and a report to hand over."""
    from ..advising.answers import Answers
    from ..advising.report import check_export_path
    from ..atomic import check_writable, is_stdout
    from ..errors import PathfinderError
    from ..i18n import lang_from_environment
    from .catalog_source import load
    from .console import stderr_console, stdout_console
    from .prompter import Prompter
    from .state import use_lang

    answers = Answers()
    if profile is not None:
        answers = _read_answers(profile)
    decided = (
        lang.value
        if lang
        else answers.profile.lang or ("fr" if lang_from_environment() == "fr" else None)
    )
    session_lang = use_lang(decided)
    if decided:
        answers = answers.with_answer("lang", lang=decided)
    if objective is not None:
        answers = answers.with_answer("priority", optimize=objective.value)
    fmt = export_format.value if export_format else None
    if export is not None:
        check_export_path(export, fmt)
    to_stdout = [path for path in (save_profile, export) if path is not None and is_stdout(path)]
    if len(to_stdout) > 1:
        raise PathfinderError("advise.stdout_twice")
    for target in (save_profile, export):
        if target is not None:
            check_writable(target)  # a link, a read-only file…: refused before any question
    cat = load(catalog, no_cache)
    _check(answers, cat, profile)
    interactive = sys.stdin.isatty()
    if not interactive:
        _require_complete(answers)
    # With "-", standard output carries the file alone: the session is shown on standard error.
    console = stderr_console() if to_stdout else stdout_console()
    prompter = Prompter(session_lang)
    with _prompts_off_stdout(bool(to_stdout) and interactive):
        code = run_session(
            cat,
            answers,
            prompter,
            console,
            interactive=interactive,
            save_profile=save_profile,
            export=export,
            reference=reference,
            export_format=fmt,
        )
    raise typer.Exit(code)


@contextmanager
def _prompts_off_stdout(active: bool) -> Iterator[None]:
    """While standard output carries a file, ask the questions on the terminal instead."""
    if not active:
        yield
        return
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(always_prefer_tty=True)):
        yield


def _read_answers(path: Path) -> "Answers":
    from ..advising.answers import Answers
    from ..yamlsource import read_yaml

    data = read_yaml(path)
    if data is not None and not isinstance(data, dict):
        from ..errors import ProfileError

        raise ProfileError("profile.not_mapping", source=str(path), got=type(data).__name__)
    return Answers.from_data(data, str(path))


def _check(answers: "Answers", catalog: "Catalog", profile: Path | None) -> None:
    from ..profile import check_profile

    check_profile(
        answers.profile,
        catalog,
        where=None
        if profile is None
        else {
            f: f"{profile}: {f}"
            for f in ("jobs", "skills", "home", "exclude_courses", "targets", "sectors")
        },
    )


def _require_complete(answers: "Answers") -> None:
    """Without a terminal nobody can answer: name the missing fields at once, exit 2."""
    from ..advising.answers import REQUIRED, missing_fields
    from ..errors import PathfinderError

    missing = answers.missing(REQUIRED)
    if missing:
        raise PathfinderError("advise.not_a_terminal", fields=", ".join(missing_fields(missing)))


def run_session(
    catalog: "Catalog",
    answers: "Answers",
    prompter: "Prompter",
    console: "Console",
    *,
    interactive: bool = True,
    save_profile: Path | None = None,
    export: Path | None = None,
    reference: str | None = None,
    export_format: str | None = None,
) -> int:
    """Ask, compute, show, offer. Returns the exit code (130 when interrupted)."""
    from ..advising.report import save_answers
    from ..atomic import is_stdout
    from ..i18n import t
    from .prompter import SessionInterrupted
    from .questionnaire import Questionnaire

    questionnaire = Questionnaire(
        catalog, answers, prompter, explore=lambda a: _ranked(catalog, a, prompter.lang)
    )
    given = answers
    try:
        answers = questionnaire.run()
        result = _plan(catalog, answers)
        _show(result, catalog, console, prompter.lang)
        while interactive and result.status == "unreachable" and result.relaxations:
            retried = _offer_relaxation(result, answers, prompter)
            if retried is None:
                break
            answers = questionnaire.answers = retried
            result = _plan(catalog, answers)
            _show(result, catalog, console, prompter.lang)
        if interactive:
            # Answers that all came from the profile file and flags are already saved: no offer.
            save_profile, export = _offers(
                prompter, save_profile, export, offer_save=answers != given
            )
    except SessionInterrupted:
        answers = questionnaire.answers
        if save_profile is not None:
            save_answers(answers, save_profile)
            if not is_stdout(save_profile):
                console.print(
                    t("advise.saved_partial", prompter.lang, path=str(save_profile)), markup=False
                )
        console.print(t("advise.goodbye", prompter.lang), markup=False)
        return EXIT_INTERRUPTED
    if save_profile is not None:
        save_answers(answers, save_profile)
        if not is_stdout(save_profile):
            console.print(t("advise.saved", prompter.lang, path=str(save_profile)), markup=False)
    if export is not None:
        from ..advising.report import write_report

        write_report(
            export, result, catalog, answers, prompter.lang, reference=reference, fmt=export_format
        )
        if not is_stdout(export):
            console.print(t("advise.exported", prompter.lang, path=str(export)), markup=False)
    return 1 if result.status == "unreachable" else 0


def _objective(answers: "Answers") -> str:
    """What the paths are shortest by: the person's priority (or --optimize), else hours."""
    return answers.profile.optimize or DEFAULT_OBJECTIVE


def _plan(catalog: "Catalog", answers: "Answers") -> "PlanResult":
    from ..planner import plan
    from .profile_options import PLAN_TIME_LIMIT

    assert answers.target is not None
    return plan(
        catalog,
        answers.profile,
        answers.target,
        objective=_objective(answers),
        alternatives=3,
        time_limit=PLAN_TIME_LIMIT,
    )


def _ranked(catalog: "Catalog", answers: "Answers", lang: str) -> list[tuple[str, str]]:
    """Jobs within reach, best first, as (label, job id) for the goal question."""
    from ..explore import explore
    from ..i18n import t
    from .profile_options import EXPLORE_TIME_LIMIT

    result = explore(
        catalog,
        answers.profile,
        objective=_objective(answers),
        top=15,
        time_limit=EXPLORE_TIME_LIMIT,
    )
    return [
        (
            t(
                "advise.goal.ranked",
                lang,
                job=catalog.name(catalog.jobs[item.job], lang),
                hours=f"{item.total_hours:g}",
                courses=item.courses,
                openings=item.openings_nearby,
            ),
            item.job,
        )
        for item in result.results
    ]


def _show(result: "PlanResult", catalog: "Catalog", console: "Console", lang: str) -> None:
    from .plan_render import render_plan

    render_plan(result, catalog, console, lang)


def _offer_relaxation(
    result: "PlanResult", answers: "Answers", prompter: "Prompter"
) -> "Answers | None":
    """Offer each relaxation that would open a path as a one-key retry."""
    from ..advising.report import apply_relaxation
    from ..i18n import t
    from ..reports.wording import relaxation_text

    options: list[tuple[str, object]] = [
        (
            t(
                "advise.retry",
                prompter.lang,
                change=relaxation_text(r, prompter.lang, as_retry=True),
            ),
            index,
        )
        for index, r in enumerate(result.relaxations)
    ]
    options.append((t("advise.retry.no", prompter.lang), -1))
    picked = prompter.select(t("advise.retry.prompt", prompter.lang), options, default=0)
    if picked == -1:
        return None
    return apply_relaxation(answers, result.relaxations[int(picked)])  # type: ignore[call-overload]


def _offers(
    prompter: "Prompter", save_profile: Path | None, export: Path | None, offer_save: bool = True
) -> tuple[Path | None, Path | None]:
    """At the end: offer to save the answers (when the session changed them) and to export the
    report, unless flags already said where."""
    from ..advising.report import check_export_suffix
    from ..i18n import t

    if (
        save_profile is None
        and offer_save
        and prompter.confirm(t("advise.offer.save", prompter.lang), default=False)
    ):
        save_profile = Path(
            prompter.text(t("advise.offer.save_path", prompter.lang), default="profile.yaml")
        )
    if export is None and prompter.confirm(t("advise.offer.export", prompter.lang), default=False):
        export = Path(
            prompter.text(
                t("advise.offer.export_path", prompter.lang),
                default="report.html",
                check=check_export_suffix,
            )
        )
    return save_profile, export
