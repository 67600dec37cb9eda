"""Where a person lives, whatever they typed: a catalog site id, ``LAT,LON``, a postal code
(``78200``) or a French commune name (``mantes la jolie``, ``Cléon``), resolved to one point.

A site id is looked up in the catalog first; anything else that is not coordinates goes to the
gazetteer (:mod:`pathfinder.gazetteer`), loaded only then: a profile that gives a site id or
coordinates never reads it. An unknown text gets "did you mean" from both the sites and the
communes; an ambiguous name lists its candidates (:class:`~pathfinder.errors.PlaceError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast

from .model import Catalog
from .profile import Home, HomePlace

HomeKind = Literal["site", "coordinates", "commune", "postal-code"]


@dataclass(frozen=True)
class ResolvedHome:
    """A home as a point, with what was typed and what it was taken for."""

    query: str
    kind: HomeKind
    lat: float
    lon: float
    name: str | None = None
    """The site's or commune's name (for a shared postal code: the communes, listed)."""
    postal_code: str | None = None
    insee: str | None = None
    mean_of: int = 1
    """How many communes' centres the point is the mean of (a postal code shared by several)."""

    def data(self) -> dict[str, Any]:
        """The JSON shape (``plan --format json``'s ``home``)."""
        return {
            "query": self.query,
            "kind": self.kind,
            "name": self.name,
            "postal_code": self.postal_code,
            "insee": self.insee,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "mean_of": self.mean_of,
        }

    def as_profile_home(self) -> Home:
        """What a profile file keeps: the site id, the coordinates, or the resolved place."""
        if self.kind == "site":
            return self.query
        if self.kind == "coordinates":
            return (self.lat, self.lon)
        return HomePlace(
            self.query, self.kind, self.name or self.query, self.lat, self.lon,
            self.postal_code, self.insee,
        )  # fmt: skip


def resolve_home(home: Home, catalog: Catalog, where: str = "home") -> ResolvedHome:
    """``home`` as one point. Raises :class:`~pathfinder.errors.PlaceError` (exit 2) for a text
    that is neither a site of ``catalog`` nor a commune or postal code the gazetteer places, with
    the closest sites and communes; :class:`~pathfinder.errors.CoordinatesError` for bad
    ``LAT,LON``."""
    if isinstance(home, HomePlace):
        kind = cast(HomeKind, home.kind)
        return ResolvedHome(
            home.query, kind, home.lat, home.lon, home.name, home.postal_code, home.insee
        )
    if isinstance(home, tuple):
        return ResolvedHome(f"{home[0]},{home[1]}", "coordinates", home[0], home[1])
    site = catalog.sites.get(home)
    if site is not None:
        return ResolvedHome(home, "site", site.lat, site.lon, catalog.name(site))
    from .geo import looks_like_coordinates, parse_lat_lon

    if looks_like_coordinates(home):
        lat, lon = parse_lat_lon(home, where)
        return ResolvedHome(home, "coordinates", lat, lon)
    return _commune(home, catalog)


def _commune(text: str, catalog: Catalog) -> ResolvedHome:
    from . import gazetteer
    from .errors import PlaceError
    from .textsearch import suggest

    try:
        place = gazetteer.resolve(text)
    except PlaceError as error:
        if error.key != "place.unknown":
            raise
        near_sites = suggest(text.strip().lower(), catalog.sites)
        if not near_sites:
            raise
        hints = [*near_sites, *error.suggestions][:4]
        raise PlaceError("place.unknown", query=text, suggestions=hints) from None
    return ResolvedHome(
        text,
        "postal-code" if place.kind == "postal-code" else "commune",
        place.lat,
        place.lon,
        place.name,
        place.postal_code,
        place.insee,
        place.mean_of,
    )


def site_or_place(text: str, catalog: Catalog, where: str = "home") -> Home:
    """What typed text stands for, as a profile keeps it: a site id as is, ``LAT,LON`` as
    coordinates, else the commune or postal code resolved (raises like :func:`resolve_home`)."""
    return resolve_home(text, catalog, where).as_profile_home()
