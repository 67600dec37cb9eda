"""A feed's places of training as catalog sites: an existing site nearby, or a new one.

A ``lieu-de-formation`` gives any of: coordinates (``geolocalisation``), the commune's INSEE
code, a postal code, a town. Its point is the coordinates when they are given and valid, else the
commune's centroid (by INSEE code, through the gazetteer), else the mean of the postal code's
communes, else the town's centroid when its name is unambiguous. A point within
:data:`SAME_SITE_KM` of a catalog site is that site (the nearest); else the place becomes a new
site, named after its commune (for coordinates alone, the nearest commune within
:data:`NEAREST_COMMUNE_KM`), in the commune's region (:mod:`pathfinder.regions`), with an id
made from the name. Each distinct place is looked up once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..geo import nearest_within
from ..regions import region_of
from ..textsearch import fold
from .feed import Place

if TYPE_CHECKING:
    from ..gazetteer import Commune, Gazetteer
    from ..model import Catalog

SAME_SITE_KM = 5.0
"""A place this close to a catalog site is that site: a training centre and the plant or campus
it serves, or a site's coordinates and its commune's centroid, lie within a few kilometres."""

NEAREST_COMMUNE_KM = 10.0
"""A place given by its coordinates alone is named after the nearest commune within this
distance (its region is the commune's); farther from every commune (out at sea, abroad), it gets
no site."""

SITE_DECIMALS = 4
"""A new site's coordinates are rounded to this many decimals (about 10 m)."""


@dataclass(frozen=True)
class NewSite:
    """A site the sync adds to the catalog for a place no site is near."""

    id: str
    name: str
    region: str
    lat: float
    lon: float
    source: str
    """Where it comes from, for the site's ``sources``: the feed and the place's codes."""


@dataclass(frozen=True)
class Located:
    """A place as a point, with the commune that names it (when known) and how it was found."""

    lat: float
    lon: float
    how: str
    """``geolocation``, ``insee``, ``postal-code`` or ``town``."""
    commune: Commune | None = None


@dataclass
class SiteFinder:
    """Turns feed places into site ids for one catalog, making new sites as needed."""

    catalog: Catalog
    feed: str
    gazetteer: Gazetteer | None = None
    """The commune gazetteer; None: the shipped one, read only if a place needs it."""
    new_sites: list[NewSite] = field(default_factory=list)
    _points: list[tuple[float, float, str]] = field(init=False)
    """Every site, the catalog's and the new ones: latitude, longitude, id."""
    _cache: dict[Place, str | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._points = [(s.lat, s.lon, s.id) for s in self.catalog.sites.values()]

    def site_for(self, place: Place) -> str | None:
        """The id of the site for ``place`` (an existing one, or a new one); None when the place
        cannot be located, or a new site would have no known region."""
        if place not in self._cache:
            self._cache[place] = self._find(place)
        return self._cache[place]

    def _gazetteer(self) -> Gazetteer:
        if self.gazetteer is None:
            from ..gazetteer import default

            self.gazetteer = default()
        return self.gazetteer

    def _find(self, place: Place) -> str | None:
        located = locate(place, self._gazetteer)
        if located is None:
            return None
        nearest = nearest_within(located.lat, located.lon, self._points, SAME_SITE_KM)
        if nearest is not None:
            return nearest
        commune = located.commune or self._commune_near(place, located.lat, located.lon)
        region = region_of(commune.department) if commune else None
        name = commune.name if commune else (place.town or "")
        if region is None or not name:
            return None
        site = NewSite(
            id=self._new_id(name),
            name=name,
            region=region,
            lat=round(located.lat, SITE_DECIMALS),
            lon=round(located.lon, SITE_DECIMALS),
            source=_source(self.feed, place, commune),
        )
        self.new_sites.append(site)
        self._points.append((site.lat, site.lon, site.id))
        return site.id

    def _commune_near(self, place: Place, lat: float, lon: float) -> Commune | None:
        """For a place located by its coordinates: its commune by code or town, else the
        commune nearest to the point within :data:`NEAREST_COMMUNE_KM`."""
        gazetteer = self._gazetteer()
        return _commune(place, gazetteer) or gazetteer.commune_nearest(lat, lon, NEAREST_COMMUNE_KM)

    def _new_id(self, name: str) -> str:
        taken = {point[2] for point in self._points}
        base = slug(name) or "site"
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate


def locate(place: Place, gazetteer: Callable[[], Gazetteer]) -> Located | None:
    """Where ``place`` is: its coordinates when valid, else its commune's (by INSEE code, postal
    code, town). ``gazetteer`` returns the gazetteer; it is called only when the coordinates are
    not enough."""
    point = coordinates(place.lat, place.lon)
    if point is not None:
        return Located(point[0], point[1], "geolocation")
    found = gazetteer()
    commune = _commune(place, found)
    if commune is not None and commune.lat is not None and commune.lon is not None:
        how = "insee" if place.insee and commune.insee == place.insee.strip() else "town"
        if how == "town" and place.postal_code and place.postal_code in commune.postal_codes:
            how = "postal-code"
        return Located(commune.lat, commune.lon, how, commune)
    if place.postal_code:
        from ..errors import PlaceError

        try:
            mean = found.resolve(place.postal_code)
        except PlaceError:
            return None
        return Located(
            mean.lat, mean.lon, "postal-code", mean.communes[0] if mean.communes else None
        )
    return None


def _commune(place: Place, gazetteer: Gazetteer) -> Commune | None:
    """The place's commune: by INSEE code; else the postal code's commune named like the town
    (or its only commune); else the town when only one commune has its name."""
    if place.insee:
        commune = gazetteer.commune_with_insee(place.insee)
        if commune is not None:
            return commune
    if place.postal_code:
        communes = gazetteer.communes_with_postal_code(place.postal_code)
        if place.town:
            from ..gazetteer import normalise

            key = normalise(place.town)
            named = [c for c in communes if normalise(c.name) == key]
            if len(named) == 1:
                return named[0]
        if len(communes) == 1:
            return communes[0]
    if place.town:
        named_only = gazetteer.communes_named(place.town)
        if len(named_only) == 1:
            return named_only[0]
    return None


def coordinates(lat: str | None, lon: str | None) -> tuple[float, float] | None:
    """A feed's latitude and longitude as numbers (``49.31``, ``49,31``); None when either is
    missing, not a number, out of range, or both are 0 (a placeholder, not a place)."""
    if not lat or not lon:
        return None
    try:
        y, x = float(lat.strip().replace(",", ".")), float(lon.strip().replace(",", "."))
    except ValueError:
        return None
    if not (-90 <= y <= 90 and -180 <= x <= 180) or (y == 0 and x == 0):
        return None
    return y, x


def slug(text: str) -> str:
    """A kebab-case id from a name: ``Saint-Étienne-du-Rouvray`` -> ``saint-etienne-du-rouvray``."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))[:60].strip("-")


def describe(place: Place) -> str:
    """A place for messages: ``76410 CLÉON (INSEE 76178)``, or its coordinates."""
    parts = [p for p in (place.postal_code, place.town) if p]
    if place.insee:
        parts.append(f"(INSEE {place.insee})")
    if not parts and place.lat and place.lon:
        parts.append(f"{place.lat}, {place.lon}")
    return " ".join(parts) or "?"


def _source(feed: str, place: Place, commune: Commune | None) -> str:
    codes = [f"INSEE {commune.insee}" if commune and commune.insee else None]
    if place.postal_code:
        codes.append(place.postal_code)
    shown = ", ".join(code for code in codes if code)
    return f"LHÉO feed {feed}" + (f" ({shown})" if shown else "")
