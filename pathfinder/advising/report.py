"""What a session leaves behind: the profile file (to resume next week) and the report to hand
over, as HTML, Markdown or JSON. Both hold personal data: they are written by
:func:`pathfinder.atomic.write_atomic` with mode 0600 (``-`` writes them to standard output)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..atomic import PRIVATE, is_stdout, write_atomic
from ..errors import PathfinderError
from ..i18n import t
from ..model import Catalog
from ..planning.results import PlanResult, Relaxation
from ..profile import profile_to_data
from .answers import FIELDS_OF, Answers

EXPORT_SUFFIXES = (".html", ".md", ".json", ".ics")
EXPORT_FORMATS = tuple(suffix[1:] for suffix in EXPORT_SUFFIXES)


def answers_data(answers: Answers) -> dict[str, Any]:
    """The profile's plain data, with an explicit null for every question answered "no limit",
    so that replaying the file asks nothing that was already answered."""
    data = profile_to_data(answers.profile)
    for question in sorted(answers.answered):
        for name in FIELDS_OF[question]:
            if name not in data:
                value = getattr(answers.profile, name)
                data[name] = (
                    list(value)
                    if isinstance(value, tuple) and name != "home"
                    else (dict(value) if isinstance(value, dict) else value)
                )
    order = [name for fields in FIELDS_OF.values() for name in fields]
    return dict(
        sorted(
            data.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
        )
    )


def save_answers(answers: Answers, path: Path) -> None:
    """Write the answers in the planner's profile format, atomically, readable by the owner only
    (``-``: to standard output)."""
    import yaml

    header = "# Pathfinder profile — personal data: keep it private.\n"
    text = header + yaml.safe_dump(answers_data(answers), sort_keys=False, allow_unicode=True)
    write_atomic(path, text, mode=PRIVATE)


def check_export_suffix(text: str) -> str | None:
    return None if Path(text.strip()).suffix.lower() in EXPORT_SUFFIXES else "advise.invalid.export"


def export_format(path: Path, fmt: str | None = None) -> str:
    """The report format: ``fmt`` when given, else the file's suffix; refused before anything is
    asked when neither names one (``-``, standard output, has no suffix: it needs ``fmt``)."""
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise PathfinderError(
                "advise.bad_export_format", format=fmt, formats=", ".join(EXPORT_FORMATS)
            )
        return fmt
    if is_stdout(path):
        raise PathfinderError("advise.export_needs_format", formats=", ".join(EXPORT_FORMATS))
    if check_export_suffix(str(path)) is not None:
        raise PathfinderError(
            "advise.bad_export", path=str(path), suffixes=", ".join(EXPORT_SUFFIXES)
        )
    return path.suffix.lower()[1:]


def check_export_path(path: Path, fmt: str | None = None) -> None:
    """Refuse an export whose format is unknown before asking anything."""
    export_format(path, fmt)


def report_document(
    result: PlanResult, catalog: Catalog, answers: Answers, lang: str
) -> dict[str, Any]:
    """The planner's JSON report plus the profile: what the JSON export contains."""
    from ..reports.plan_json import plan_to_json

    document = plan_to_json(result, catalog, lang)
    document["profile"] = answers_data(answers)
    return document


def write_report(
    path: Path,
    result: PlanResult,
    catalog: Catalog,
    answers: Answers,
    lang: str,
    *,
    reference: str | None = None,
    fmt: str | None = None,
) -> None:
    """Write the report (mode 0600: it holds personal data) in the format ``fmt`` names, else
    the one its suffix names (.html, .md, .json, or .ics for the path's dates as iCalendar); ``-`` writes it to standard output."""
    suffix = "." + export_format(path, fmt)
    document = report_document(result, catalog, answers, lang)
    if reference:
        document["reference"] = reference
    now = dt.datetime.now().astimezone()
    generated = now.strftime("%Y-%m-%d %H:%M")
    if suffix == ".ics":
        from ..reports.plan_ics import plan_to_ics

        write_atomic(path, plan_to_ics(result, catalog, lang, now), mode=PRIVATE)
        return
    if suffix == ".json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif suffix == ".md":
        from ..reports.plan_markdown import plan_to_markdown

        text = plan_to_markdown(result, catalog, lang)
        text += "\n" + t("report.generated", lang, date=generated) + "\n"
    else:
        from ..reports.html_report import render_html

        text = render_html(
            document, catalog, document["profile"], lang, reference=reference, generated=generated
        )
    write_atomic(path, text, mode=PRIVATE)


def apply_relaxation(answers: Answers, relaxation: Relaxation) -> Answers:
    """The answers with one constraint relaxed as proposed."""
    field = {
        "radius": "mobility_km",
        "budget": "budget_eur",
        "hours": "max_hours",
        "weeks": "max_weeks",
        "online": "online",
    }[relaxation.kind]
    value: Any = True if relaxation.kind == "online" else float(relaxation.value)
    return Answers(replace(answers.profile, **{field: value}), answers.answered)
