"""``pathfinder catalog …``: look into the catalog (stats, show, search, schema) and keep it
current from a LHÉO training-offer feed (sync-lheo)."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from .help_text import h
from .options import CatalogOpt, FormatOpt, LangOpt, NoCacheOpt, OutputFormat

app = typer.Typer(help=h("help.catalog"), no_args_is_help=True)


class Kind(str, Enum):
    sector = "sector"
    provider = "provider"
    site = "site"
    skill = "skill"
    job = "job"
    course = "course"


@app.command(help=h("help.catalog.stats"))
def stats(
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: FormatOpt = OutputFormat.text,
    lang: LangOpt = None,
) -> None:
    """Counts per kind, sectors, languages and the content hash."""
    from ..i18n import t
    from ..queries import stats as catalog_stats
    from .catalog_source import load
    from .console import print_json, stdout_console
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    data = catalog_stats(load(catalog, no_cache), language)
    if fmt is OutputFormat.json:
        print_json(data)
        return
    from rich.table import Table
    from rich.text import Text

    from ..safetext import printable

    console = stdout_console()
    console.print(
        Text.assemble(
            (printable(data["name"]), "bold"),
            printable(f" {data['version']}  ({', '.join(data['languages'])})"),
        )
    )
    console.print(f"sha256 {data['sha256']}")
    table = Table(show_header=False, box=None, pad_edge=False)
    for kind, count in data["counts"].items():
        table.add_row(t(f"catalog.kind_plural.{kind}", language), str(count))
    console.print(table)
    console.print(t("catalog.sectors", language), style="bold")
    for sector in data["sectors"]:
        n_jobs = t("catalog.n_jobs", language, n=sector["jobs"])
        console.print(
            Text(f"  {printable(sector['id']):<24} {printable(sector['name'])} — {n_jobs}")
        )


@app.command(help=h("help.catalog.show"))
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help=h("help.catalog.show.id"))],
    kind: Annotated[Kind | None, typer.Option("--kind", help=h("help.catalog.show.kind"))] = None,
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: FormatOpt = OutputFormat.text,
    lang: LangOpt = None,
) -> None:
    """One entry, in the chosen language, with what requires or grants it."""
    from ..queries import show as show_entry
    from .catalog_source import load
    from .console import print_json
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    found = show_entry(load(catalog, no_cache), entry_id, kind.value if kind else None, language)
    if fmt is OutputFormat.json:
        print_json(found if len(found) > 1 else found[0])
        return
    for item in found:
        _render_entry(item, language)


def _render_entry(item: dict[str, Any], lang: str) -> None:
    from rich.text import Text

    from ..i18n import t
    from ..safetext import printable
    from .console import stdout_console

    console = stdout_console()
    entry = item["entry"]
    kind = t("kind." + item["kind"], lang)
    console.print(
        Text.assemble(
            (printable(str(entry["name"])), "bold"), f"  ({kind} {printable(str(entry['id']))})"
        )
    )
    for key, value in entry.items():
        if key in ("id", "name", "names", "sessions") or value in (None, [], {}, ()):
            continue
        console.print(Text(f"  {t('field.' + key, lang)}: {_plain(value)}"))
    if entry.get("sessions"):
        _render_sessions(entry["sessions"], lang)
    for key, refs in item["related"].items():
        if not refs:
            continue
        console.print(t("related." + key, lang), style="bold")
        for ref in refs:
            extra = "".join(
                f"  {t('field.' + k, lang)} {_plain(v)}"
                for k, v in ref.items()
                if k not in ("id", "name")
            )
            console.print(
                Text(f"  {printable(str(ref['id'])):<28} {printable(str(ref['name']))}{extra}")
            )


def _render_sessions(sessions: list[dict[str, Any]], lang: str) -> None:
    """The upcoming sessions, one per line: dates, where, seats; or how many are past."""
    from rich.text import Text

    from ..dates import today
    from ..i18n import t
    from ..reports.wording import date_range
    from ..safetext import printable
    from .console import stdout_console

    console = stdout_console()
    day = today().isoformat()
    upcoming = [s for s in sessions if s["start"] >= day]
    if not upcoming:
        console.print(Text(f"  {t('field.no_sessions', lang, past=len(sessions))}"))
        return
    console.print(Text(f"  {t('field.sessions', lang)}:"))
    for session in upcoming:
        where = t("field.online_session", lang) if session.get("online") else session.get("site")
        seats = f", {session['seats']} {t('field.seats', lang)}" if session.get("seats") else ""
        when = date_range(session["start"], session["end"], lang)
        console.print(Text(f"    {when}  {printable(str(where or ''))}{seats}"))


def _plain(value: object) -> str:
    """A field's value on one line, as inert text (catalog text is data: no markup, no control)."""
    from ..safetext import printable

    if isinstance(value, dict):
        return ", ".join(f"{printable(str(k))} {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    return printable(str(value))


@app.command(help=h("help.catalog.search"))
def search(
    text: Annotated[str, typer.Argument(help=h("help.catalog.search.text"))],
    kind: Annotated[Kind | None, typer.Option("--kind", help=h("help.catalog.search.kind"))] = None,
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: FormatOpt = OutputFormat.text,
    lang: LangOpt = None,
) -> None:
    """Find entries by id or name, ignoring case and accents."""
    from ..i18n import t
    from ..model import PLURAL
    from ..queries import search as search_entries
    from .catalog_source import load
    from .console import print_json, stdout_console
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    kinds = (PLURAL[kind.value],) if kind else None
    cat = load(catalog, no_cache)
    hits = (
        search_entries(cat, text, language, kinds) if kinds else search_entries(cat, text, language)
    )
    if fmt is OutputFormat.json:
        print_json(hits)
        return
    from rich.text import Text

    from ..safetext import clip, printable

    console = stdout_console()
    if not hits:
        console.print(Text(t("catalog.no_match", language, text=clip(text))))
        raise typer.Exit(1)
    for hit in hits:
        console.print(
            Text(
                f"{t('kind.' + hit['kind'], language):<12} {printable(hit['id']):<32} {printable(hit['name'])}"
            )
        )


@app.command(help=h("help.catalog.schema"))
def schema(
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: FormatOpt = OutputFormat.json,
) -> None:
    """Print the JSON Schema of catalog files, for editors (see docs/catalog-format.md)."""
    from ..schema import json_schema
    from .console import print_json

    del catalog, no_cache, fmt  # the schema is the format's, not one catalog's
    print_json(json_schema())


@app.command("sync-lheo", help=h("help.catalog.sync_lheo"))
def sync_lheo(
    feed: Annotated[
        Path,
        typer.Argument(
            metavar="FEED.xml", help=h("help.catalog.sync_lheo.feed"), show_default=False
        ),
    ],
    catalog: CatalogOpt = None,
    no_cache: NoCacheOpt = False,
    write: Annotated[bool, typer.Option("--write", help=h("help.catalog.sync_lheo.write"))] = False,
    fmt: FormatOpt = OutputFormat.text,
    lang: LangOpt = None,
) -> None:
    """Compare a LHÉO feed with the courses linked to it; with --write, update the YAML files."""
    from ..lheo.run import sync_feed
    from .console import print_json, stdout_console
    from .state import use_lang

    language = use_lang(lang.value if lang else None)
    outcome = sync_feed(feed, catalog, write=write, use_cache=not no_cache)
    result, written, refused = outcome.result, outcome.written, outcome.refused
    if fmt is OutputFormat.json:
        data = result.to_json(language, written=bool(written))
        data["files"] = list(written or ())
        print_json(data)
    else:
        from rich.text import Text

        from ..lheo.report import render_text

        stdout_console().print(
            Text(render_text(result, language, written, dict(outcome.where))),
            soft_wrap=True,
        )
    if refused is not None:
        raise refused
