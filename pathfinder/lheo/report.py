"""A sync's result as text for a maintainer to review: per course, each field ``old → new``
(sessions as the ones removed and added), then new sites, missing courses, candidates and
warnings, and a summary. Feed and catalog text is data: every value goes through
:func:`~pathfinder.safetext.printable`."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..safetext import printable
from .sync import Change, SyncResult

LISTED = 20
"""Candidates and missing courses shown in text, at most (JSON lists them all)."""
WARNINGS = 100
"""Warnings shown in text, at most (JSON lists them all)."""


def render_text(
    result: SyncResult,
    lang: str | None,
    written: tuple[str, ...] | None = None,
    where: dict[str, str] | None = None,
) -> str:
    """The review of ``result``. ``written``: the files written (None for a dry run);
    ``where``: course id -> where it is written (``path:line:col``), shown beside it."""
    new_sites = {s.id for s in result.new_sites}
    lines = [printable(t("sync.title", lang, feed=result.feed, offers=result.offers)), ""]
    for update in result.updated:
        place = f"  ({printable(where[update.course])})" if where and update.course in where else ""
        lines.append(f"{printable(update.course)}{place}")
        for change in update.changes:
            lines.extend(_change(change, lang, new_sites))
        lines.append("")
    if result.new_sites:
        lines.append(t("sync.new_sites", lang))
        for site in result.new_sites:
            lines.append(
                printable(f"  {site.id}: {site.name}, {site.region} ({site.lat}, {site.lon})")
            )
        lines.append("")
    if result.missing:
        lines.append(t("sync.missing", lang))
        lines.extend(_capped([f"  {printable(c)}" for c in result.missing], lang))
        lines.append("")
    if result.candidates:
        lines.append(t("sync.candidates", lang))
        lines.extend(
            _capped(
                [
                    printable(
                        f"  {c.formation}/{c.action}  {c.title}  "
                        f"({', '.join(c.rome)} → {', '.join(c.jobs)})"
                    )
                    for c in result.candidates
                ],
                lang,
            )
        )
        lines.append("")
    if result.warnings:
        lines.append(t("sync.warnings", lang))
        lines.extend(
            _capped([f"  {printable(w.message(lang))}" for w in result.warnings], lang, WARNINGS)
        )
        lines.append("")
    summary = "sync.summary" if written is None else "sync.summary_written"
    lines.append(
        t(
            summary,
            lang,
            updated=len(result.updated),
            unchanged=len(result.unchanged),
            missing=len(result.missing),
            candidates=len(result.candidates),
            new_sites=len(result.new_sites),
            warnings=len(result.warnings),
        )
    )
    if written is None:
        lines.append(
            t("sync.dry_run", lang) if result.updated else t("sync.nothing_to_write", lang)
        )
    elif written:
        lines.append(printable(t("sync.written", lang, files=", ".join(written))))
    else:
        lines.append(t("sync.nothing_to_write", lang))
    return "\n".join(lines)


def _capped(lines: list[str], lang: str | None, limit: int = LISTED) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], "  " + t("sync.more", lang, count=len(lines) - limit)]


def _change(change: Change, lang: str | None, new_sites: set[str]) -> list[str]:
    label = t(f"sync.field.{change.field}", lang)
    if change.field == "sessions":
        counts = t("sync.sessions_count", lang, old=len(change.old), new=len(change.new))
        lines = [f"  {label}: {counts}"]
        removed = [s for s in change.old if s not in change.new]
        added = [s for s in change.new if s not in change.old]
        lines.extend(f"    - {_session(s, lang)}" for s in removed)
        lines.extend(f"    + {_session(s, lang)}" for s in added)
        return lines
    return [
        f"  {label}: {_value(change.old, lang, new_sites)} → {_value(change.new, lang, new_sites)}"
    ]


def _value(value: Any, lang: str | None, new_sites: set[str]) -> str:
    if isinstance(value, list):
        if not value:
            return t("sync.none", lang)
        shown = [
            f"{item} ({t('sync.new_site', lang)})" if item in new_sites else str(item)
            for item in value
        ]
        return printable(", ".join(shown))
    return printable(str(value))


def _session(session: dict[str, Any], lang: str | None) -> str:
    where = session.get("site") or t("sync.online", lang)
    seats = f", {session['seats']} {t('field.seats', lang)}" if session.get("seats") else ""
    return printable(f"{session['start']}..{session['end']}  {where}{seats}")
