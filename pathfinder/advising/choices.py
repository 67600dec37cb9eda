"""What a session offers to pick from, in the session's language, and how typed answers are read.

Matching is accent- and case-insensitive everywhere: "electricien" finds "Électricien".
Validators return None for a good answer, or the message key of what is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import PathfinderError
from ..geo import looks_like_coordinates
from ..i18n import has_message, t
from ..model import Catalog, Job
from ..profile import Home
from ..safetext import printable
from ..textsearch import fold

RADIUS_CHOICES: tuple[float | None, ...] = (10, 30, 60, 100, None)
"""Travel radii offered, in km; None means any distance."""


@dataclass(frozen=True)
class Choice:
    """One pickable item: what the person reads, and the id it stands for."""

    label: str
    value: str
    search: str
    """Folded text matched against what the person types (label, id and every translation)."""


def choice(label: str, value: str, *names: str) -> Choice:
    """A choice whose label is shown as is: catalog text in it is made printable (no control or
    bidirectional character reaches the prompt), and the typed answer is matched against it."""
    label = printable(label)
    return Choice(label, value, fold(" ".join((label, value, value.replace("-", " "), *names))))


def job_choices(catalog: Catalog, lang: str, jobs: Iterable[Job] | None = None) -> list[Choice]:
    """Jobs as ``Name (id)``, sorted by name in ``lang``."""
    pool = list(catalog.jobs.values() if jobs is None else jobs)
    choices = [choice(f"{catalog.name(j, lang)} ({j.id})", j.id, *j.name.values()) for j in pool]
    return sorted(choices, key=lambda c: fold(c.label))


def site_choices(catalog: Catalog, lang: str) -> list[Choice]:
    """Sites as ``Name — region (id)``, sorted by name."""
    choices = [
        choice(f"{catalog.name(s, lang)} — {s.region} ({s.id})", s.id, *s.name.values())
        for s in catalog.sites.values()
    ]
    return sorted(choices, key=lambda c: fold(c.label))


def skill_choices(catalog: Catalog, lang: str) -> list[Choice]:
    choices = [
        choice(f"{catalog.name(s, lang)} ({s.id})", s.id, *s.name.values())
        for s in catalog.skills.values()
    ]
    return sorted(choices, key=lambda c: fold(c.label))


def filter_choices(query: str, choices: Iterable[Choice]) -> list[Choice]:
    """The choices containing every word of ``query`` (accents and case ignored), in order."""
    words = fold(query).split()
    return [c for c in choices if all(w in c.search for w in words)]


def resolve_choice(text: str, choices: Iterable[Choice]) -> str | None:
    """The id a typed answer stands for: an exact label or id, else the only match; None if unclear."""
    pool = list(choices)
    typed = text.strip()
    for item in pool:
        if typed in (item.label, item.value):
            return item.value
    matches = filter_choices(typed, pool) if typed else []
    return matches[0].value if len(matches) == 1 else None


def skills_by_category(
    catalog: Catalog, lang: str, prefilled: Mapping[str, int]
) -> dict[str, list[str]]:
    """Skill ids grouped by category (categories in alphabetical order); ``prefilled`` skills first
    within each group, so "from your job you likely have…" comes on top."""
    groups: dict[str, list[str]] = {}
    for skill in catalog.skills.values():
        groups.setdefault(skill.category, []).append(skill.id)
    for ids in groups.values():
        ids.sort(key=lambda i: (i not in prefilled, fold(catalog.name(catalog.skills[i], lang))))
    return dict(sorted(groups.items()))


def category_label(category: str, lang: str) -> str:
    """A skill category for people: the catalog's free text, translated when it is a known one."""
    key = "category." + category
    return (
        t(key, lang)
        if has_message(key)
        else category.replace("-", " ").replace("_", " ").capitalize()
    )


def parse_home(text: str, catalog: Catalog, lang: str) -> Home | None:
    """A site id (typed as id, name in any language, or label), ``(lat, lon)``, or a French
    commune or postal code as the gazetteer places it; None when it is none of them."""
    try:
        return home_of(text, catalog, lang)
    except PathfinderError:
        return None


def home_of(text: str, catalog: Catalog, lang: str) -> Home:
    """As :func:`parse_home`, raising the error that says why a text is no place (unknown, with
    "did you mean"; ambiguous, with the candidates; bad coordinates)."""
    from ..home import site_or_place

    typed = text.strip()
    if looks_like_coordinates(typed):
        lat, lon = (float(part) for part in typed.split(","))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return (lat, lon)
        raise PathfinderError("advise.invalid.home")
    site = resolve_choice(typed, site_choices(catalog, lang))
    if site is not None:
        return site
    return site_or_place(typed, catalog)


def parse_amount(text: str) -> float | None:
    """A non-negative number typed by a person ("1 500", "1500,50", "600 €"); None if not one.
    An empty answer is not an amount: callers treat it as "no limit" before calling this."""
    cleaned = (
        text.strip()
        .replace("\u202f", "")
        .replace("\xa0", "")
        .replace(" ", "")
        .rstrip("€")
        .replace(",", ".")
    )
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def check_amount(text: str) -> str | None:
    """None for an empty answer (no limit) or a non-negative number, else the message key."""
    return None if not text.strip() or parse_amount(text) is not None else "advise.invalid.number"
