"""Compare a LHÉO feed with the catalog: what each linked course's fields become.

A course is linked to the feed by ``lheo: {formation, action}`` (one action, or every action of
the formation when ``action`` is left out), or, without that link, by its certification code
(``rncp`` or ``rs``) when exactly one formation of the feed certifies it. For each linked course
the feed's values replace the catalog's:

- ``hours``: ``nombre-heures-total``;
- ``cost_eur``: ``prix-total-TTC``, read leniently (:func:`~pathfinder.lheo.values.parse_price`);
- ``sites``: the places of training (:mod:`pathfinder.lheo.places`), new sites made as needed;
- ``funding``: the funders' codes (:data:`~pathfinder.lheo.values.FUNDERS`), and ``cpf`` when the
  certification has a ``code-CPF``;
- ``sessions``: the sessions' periods, each at its action's place (online for an online course);
  the seats of a session already in the catalog at the same start and place are kept.

The feed says nothing about a field, or says it in a way that cannot be read (a price "nous
consulter", actions that disagree, sessions whose start is known only to the month): the
catalog's value stays and a warning says why. Offers linked to no course whose ROME codes are a
catalog job's are listed as candidates to add. Nothing here writes: :mod:`pathfinder.lheo.apply`
applies a :class:`SyncResult` to the catalog's files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..dates import default_end
from ..funding import FUNDING_SOURCES
from ..limits import DATE_MAX, DATE_MIN, SESSIONS_MAX
from ..model import Catalog, Course, whole_number
from ..queries import session_data
from .feed import Offer
from .places import NewSite, SiteFinder, describe
from .values import funding_source, parse_date, parse_hours, parse_price

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer

FIELDS: tuple[str, ...] = ("hours", "cost_eur", "sites", "funding", "sessions")
"""The fields a feed keeps current, in the order changes are listed."""
MAX_LISTED = 20
"""Values or offers named in one warning, at most."""


@dataclass(frozen=True)
class Notice:
    """A warning of the sync: a message key (``sync.*``) and its parameters."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str | None = None) -> str:
        from ..i18n import t

        return t(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class Change:
    """One field of a course: its value in the catalog and in the feed, in the catalog's form."""

    field: str
    old: Any
    new: Any
    written: Any = None
    """The value to write in the YAML file when it differs from ``new`` (sessions whose end is
    not known to the day are written without it)."""

    @property
    def to_write(self) -> Any:
        return self.new if self.written is None else self.written


@dataclass(frozen=True)
class CourseUpdate:
    course: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Candidate:
    """An offer linked to no course whose ROME codes are some catalog jobs'."""

    formation: str
    action: str
    title: str
    rome: tuple[str, ...]
    jobs: tuple[str, ...]


@dataclass(frozen=True)
class SyncResult:
    """What a feed changes in a catalog. ``new_sites`` are the sites the updates refer to that
    the catalog does not have yet."""

    feed: str
    updated: tuple[CourseUpdate, ...]
    unchanged: tuple[str, ...]
    missing: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    new_sites: tuple[NewSite, ...]
    warnings: tuple[Notice, ...]
    offers: int
    """How many offers (actions) the feed holds."""

    def to_json(self, lang: str | None = None, written: bool = False) -> dict[str, Any]:
        """The result as JSON-ready data (see the README: keys may be added, none renamed)."""
        return {
            "feed": self.feed,
            "offers": self.offers,
            "updated": [
                {
                    "course": u.course,
                    "changes": {c.field: {"old": c.old, "new": c.new} for c in u.changes},
                }
                for u in self.updated
            ],
            "unchanged": list(self.unchanged),
            "missing": list(self.missing),
            "candidates": [
                {
                    "formation": c.formation,
                    "action": c.action,
                    "title": c.title,
                    "rome": list(c.rome),
                    "jobs": list(c.jobs),
                }
                for c in self.candidates
            ],
            "new_sites": [
                {
                    "id": s.id,
                    "name": s.name,
                    "region": s.region,
                    "lat": s.lat,
                    "lon": s.lon,
                    "source": s.source,
                }
                for s in self.new_sites
            ],
            "warnings": [w.message(lang) for w in self.warnings],
            "written": written,
        }


def certification_code(text: str, prefix: str) -> str | None:
    """A feed's ``code-RNCP`` / ``code-RS`` in the catalog's form: ``474`` and ``RNCP474`` are
    ``RNCP474``; None when it is not one."""
    value = "".join(text.split()).upper()
    if value.startswith(prefix):
        value = value[len(prefix) :]
    return f"{prefix}{int(value)}" if value.isdigit() and len(value) <= 6 else None


@dataclass
class _Links:
    """The catalog's links to a feed, and the offers found for each linked course."""

    by_action: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    by_formation: dict[str, list[str]] = field(default_factory=dict)
    by_code: dict[str, list[str]] = field(default_factory=dict)
    offers: dict[str, list[Offer]] = field(default_factory=dict)
    certified: dict[str, dict[str, list[Offer]]] = field(default_factory=dict)
    """Course linked by certification -> formation -> its offers."""

    @classmethod
    def of(cls, catalog: Catalog) -> _Links:
        links = cls()
        for course in catalog.courses.values():
            if course.lheo is not None:
                if course.lheo.action is None:
                    links.by_formation.setdefault(course.lheo.formation, []).append(course.id)
                else:
                    key = (course.lheo.formation, course.lheo.action)
                    links.by_action.setdefault(key, []).append(course.id)
                links.offers[course.id] = []
            elif course.rncp or course.rs:
                for code in (course.rncp, course.rs):
                    if code:
                        links.by_code.setdefault(code, []).append(course.id)
                links.certified[course.id] = {}
        return links

    def take(self, offer: Offer) -> bool:
        """Record ``offer`` for the courses it is linked to; False when it is linked to none."""
        linked = False
        for course in (
            *self.by_action.get((offer.formation, offer.action), ()),
            *self.by_formation.get(offer.formation, ()),
        ):
            self.offers[course].append(offer)
            linked = True
        if self.by_code:
            codes = {certification_code(c, "RNCP") for c in offer.rncp}
            codes |= {certification_code(c, "RS") for c in offer.rs}
            for code in codes - {None}:
                for course in self.by_code.get(code, ()):  # type: ignore[arg-type]
                    self.certified[course].setdefault(offer.formation, []).append(offer)
                    linked = True
        return linked


def sync(
    catalog: Catalog,
    offers: Iterable[Offer],
    feed: str,
    gazetteer: Gazetteer | None = None,
) -> SyncResult:
    """Compare the ``offers`` of the feed named ``feed`` with ``catalog`` (one pass over the
    offers: only the linked ones are kept)."""
    links = _Links.of(catalog)
    jobs_by_rome: dict[str, list[str]] = {}
    for job in catalog.jobs.values():
        if job.rome:
            jobs_by_rome.setdefault(job.rome, []).append(job.id)
    candidates: dict[tuple[str, str], Candidate] = {}
    count = 0
    for offer in offers:
        count += 1
        if links.take(offer) or not jobs_by_rome:
            continue
        romes = tuple(dict.fromkeys(r for r in offer.rome if r in jobs_by_rome))
        if romes and (offer.formation, offer.action) not in candidates:
            jobs = tuple(dict.fromkeys(j for r in romes for j in jobs_by_rome[r]))
            candidates[(offer.formation, offer.action)] = Candidate(
                offer.formation, offer.action, offer.title[:200], romes, jobs
            )
    notes: list[Notice] = []
    finder = SiteFinder(catalog, feed, gazetteer)
    updated: list[CourseUpdate] = []
    unchanged: list[str] = []
    missing: list[str] = []
    for key, ids in sorted(links.by_action.items()):
        if len(ids) > 1:
            notes.append(_notice("sync.shared_link", courses=", ".join(ids), offer="/".join(key)))
    for course in catalog.courses.values():
        found = _offers_of(course, links, notes)
        if found is None:
            continue
        if not found:
            missing.append(course.id)
            continue
        changes = _Course(course, found, feed, finder, notes).changes()
        if changes:
            updated.append(CourseUpdate(course.id, changes))
        else:
            unchanged.append(course.id)
    return SyncResult(
        feed=feed,
        updated=tuple(updated),
        unchanged=tuple(unchanged),
        missing=tuple(missing),
        candidates=tuple(candidates.values()),
        new_sites=tuple(finder.new_sites),
        warnings=tuple(notes),
        offers=count,
    )


def _offers_of(course: Course, links: _Links, notes: list[Notice]) -> list[Offer] | None:
    """The offers of a linked course (empty: missing from the feed); None when the course is not
    linked, or linked by a certification that several formations of the feed hold."""
    if course.id in links.offers:
        return links.offers[course.id]
    formations = links.certified.get(course.id)
    if formations is None:
        return None
    if len(formations) > 1:
        numbers = sorted(formations)
        notes.append(
            _notice(
                "sync.ambiguous_certification",
                course=course.id,
                code=course.rncp or course.rs,
                count=len(numbers),
                formations=_listed(numbers),
            )
        )
        return None
    return next(iter(formations.values()), [])


def _notice(key: str, **params: Any) -> Notice:
    return Notice(key, tuple(params.items()))


def _listed(values: Iterable[object]) -> str:
    shown = [str(v) for v in values]
    more = f", … (+{len(shown) - MAX_LISTED})" if len(shown) > MAX_LISTED else ""
    return ", ".join(shown[:MAX_LISTED]) + more


def _number(value: Decimal) -> int | float:
    return whole_number(float(value)) if value == value.to_integral_value() else float(value)


class _Course:
    """The feed's values for one course's fields, compared with the catalog's."""

    def __init__(
        self,
        course: Course,
        offers: list[Offer],
        feed: str,
        finder: SiteFinder,
        notes: list[Notice],
    ) -> None:
        self.course = course
        self.offers = offers
        self.feed = feed
        self.finder = finder
        self.notes = notes

    def warn(self, key: str, **params: Any) -> None:
        self.notes.append(_notice(key, course=self.course.id, **params))

    def where(self, line: int) -> str:
        return f"{self.feed}:{line}"

    def changes(self) -> tuple[Change, ...]:
        course = self.course
        if course.lheo is not None:
            self.check_certification()
        found: dict[str, tuple[Any, Any, Any]] = {}
        hours = self.single("hours", parse_hours, lambda o: o.hours, course.hours)
        if hours is not None:
            found["hours"] = (whole_number(course.hours), hours, None)
        cost = self.single("cost_eur", parse_price, lambda o: o.price, course.cost_eur)
        if cost is not None:
            found["cost_eur"] = (whole_number(course.cost_eur), cost, None)
        sessions = self.sessions()
        if sessions is not None:
            old = [session_data(s) for s in course.sessions]
            found["sessions"] = (old, [_effective(s, course) for s in sessions], sessions)
        sites = self.sites()
        if sites is not None:
            # Every session's site is one of the course's: the new sessions', or the ones the
            # catalog keeps when the feed's could not be used.
            if sessions is not None:
                used = [s["site"] for s in sessions if "site" in s]
            else:
                used = [s.site for s in course.sessions if s.site is not None]
            found["sites"] = (list(course.sites), list(dict.fromkeys([*sites, *used])), None)
        funding = self.funding()
        if funding is not None:
            found["funding"] = (list(course.funding), funding, None)
        return tuple(
            Change(name, *found[name])
            for name in FIELDS
            if name in found and found[name][0] != found[name][1]
        )

    def check_certification(self) -> None:
        """Warn when the course names a certification code that the linked formation, which
        names some, does not: a link to the wrong offer, or a code to update by hand."""
        for code, prefix, codes_of in (
            (self.course.rncp, "RNCP", lambda o: o.rncp),
            (self.course.rs, "RS", lambda o: o.rs),
        ):
            if code is None:
                continue
            held = {
                certification_code(c, prefix) for offer in self.offers for c in codes_of(offer)
            } - {None}
            if held and code not in held:
                self.warn(
                    "sync.certification_differs",
                    code=code,
                    held=", ".join(sorted(held)),  # type: ignore[arg-type]
                    formation=self.offers[0].formation,
                )

    def single(
        self,
        name: str,
        parse: Callable[[str], Decimal | None],
        text_of: Callable[[Offer], str | None],
        old: float,
    ) -> int | float | None:
        """The one value the offers give for a number field; None (the catalog's stays) when
        they give none, one that cannot be read, or several."""
        values: dict[Decimal, int] = {}
        for offer in self.offers:
            text = text_of(offer)
            if text is None:
                continue
            value = parse(text)
            if value is None:
                self.warn(
                    f"sync.{name}_unreadable",
                    value=text[:80],
                    where=self.where(offer.line),
                    old=whole_number(old),
                )
                return None
            values.setdefault(value, offer.line)
        if len(values) > 1:
            self.warn(
                "sync.values_differ",
                field=name,
                values=_listed(_number(v) for v in values),
                old=whole_number(old),
            )
            return None
        return _number(next(iter(values))) if values else None

    def funding(self) -> list[str] | None:
        """The sources that fund the course by the feed; None when it names no funder."""
        sources: set[str] = set()
        said = False
        for offer in self.offers:
            if offer.cpf:
                sources.add("cpf")
                said = True
            for code in offer.funders:
                known, source = funding_source(code)
                if not known:
                    self.warn("sync.unknown_funder", code=code[:20], where=self.where(offer.line))
                    continue
                said = True
                if source is not None:
                    sources.add(source)
        return [s for s in FUNDING_SOURCES if s in sources] if said else None

    def sites(self) -> list[str] | None:
        """The course's sites by the feed's places; None (the catalog's stay) when the course is
        online or the feed names no place. When some place cannot be located, the catalog's
        sites stay and the located ones are added (which site the unlocated one was is unknown)."""
        if self.course.is_online:
            return None
        sites: list[str] = []
        unlocated = False
        for offer in self.offers:
            for place in offer.places:
                site = self.finder.site_for(place)
                if site is None:
                    unlocated = True
                    self.warn(
                        "sync.place_unlocated", place=describe(place), where=self.where(offer.line)
                    )
                elif site not in sites:
                    sites.append(site)
        if unlocated:
            return list(dict.fromkeys([*self.course.sites, *sites]))
        return sites or None

    def sessions(self) -> list[dict[str, Any]] | None:
        """The sessions by the feed, in the form to write (``end`` only when known to the day);
        None when the feed has none that can be used (the catalog's stay)."""
        course = self.course
        seats = {(s.start, s.site, s.online): s.seats for s in course.sessions if s.seats}
        out: dict[tuple[Any, ...], dict[str, Any]] = {}
        given = 0
        skipped: dict[str, list[int]] = {}
        month_only: list[str] = []
        end_unknown = 0
        for offer in self.offers:
            site = None
            if not course.is_online:
                located = (self.finder.site_for(p) for p in offer.places)
                site = next((s for s in located if s is not None), None)
            for feed_session in offer.sessions:
                given += 1
                try:
                    start = parse_date(feed_session.start)
                    end = parse_date(feed_session.end)
                except ValueError:
                    skipped.setdefault("bad_date", []).append(feed_session.line)
                    continue
                if start.day is None:
                    skipped.setdefault("unknown_start", []).append(feed_session.line)
                    continue
                if start.precision == "month":
                    month_only.append(start.day.strftime("%Y-%m"))
                    skipped.setdefault("month_only", []).append(feed_session.line)
                    continue
                if not DATE_MIN <= start.day.isoformat() <= DATE_MAX:
                    skipped.setdefault("out_of_range", []).append(feed_session.line)
                    continue
                # A hybrid course's action with no place at all runs at a distance; one whose
                # place cannot be located is somewhere unknown: skipped below.
                online = course.is_online or (not offer.places and course.format == "hybrid")
                if site is None and not online:
                    skipped.setdefault("no_place", []).append(feed_session.line)
                    continue
                session: dict[str, Any] = {"start": start.day}
                if (
                    end.precision == "day"
                    and end.day is not None
                    and start.day <= end.day
                    and end.day.isoformat() <= DATE_MAX
                ):
                    session["end"] = end.day
                else:
                    end_unknown += 1
                if site is not None and not course.is_online:
                    session["site"] = site
                if online and not course.is_online:
                    session["online"] = True
                kept_seats = seats.get((start.day, session.get("site"), online))
                if kept_seats:
                    session["seats"] = kept_seats
                key = (start.day, session.get("end"), session.get("site") or "", online)
                out.setdefault(key, session)
        for reason, lines in skipped.items():
            extra = {"months": _listed(dict.fromkeys(month_only))} if reason == "month_only" else {}
            self.warn(
                f"sync.session_{reason}",
                count=len(lines),
                where=self.where(lines[0]),
                **extra,
            )
        if end_unknown:
            self.warn("sync.session_end_unknown", count=end_unknown)
        if not out:
            if given:
                self.warn("sync.no_usable_sessions", count=given)
            return None
        # In the catalog's order (start, end as it will read it, site, online): a sync that
        # agrees with the catalog finds nothing to change.
        sessions = sorted(out.values(), key=lambda session: _order(session, course))
        if len(sessions) > SESSIONS_MAX:
            self.warn("sync.too_many_sessions", count=len(sessions), max=SESSIONS_MAX)
            sessions = sessions[:SESSIONS_MAX]
        return sessions


def _order(session: dict[str, Any], course: Course) -> tuple[Any, ...]:
    """A session's place in the catalog's order (:func:`pathfinder.assemble` sorts them so)."""
    start: date = session["start"]
    end: date = session.get("end") or default_end(start, course.weeks)
    online = bool(session.get("online")) or course.is_online
    return (start, end, session.get("site") or "", online)


def _effective(session: dict[str, Any], course: Course) -> dict[str, Any]:
    """A session to write, as the catalog will read it (:func:`~pathfinder.queries.session_data`):
    ISO dates, the end computed from the course's length when not given."""
    start: date = session["start"]
    end: date = session.get("end") or default_end(start, course.weeks)
    data: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    if "site" in session:
        data["site"] = session["site"]
    if "seats" in session:
        data["seats"] = session["seats"]
    if session.get("online") or course.is_online:
        data["online"] = True
    return data
