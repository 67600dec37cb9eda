"""Great-circle distances and "LAT,LON" coordinates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeVar

from .errors import CoordinatesError
from .safetext import clip

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), in kilometres."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees.

    The central angle is computed as an ``atan2`` of its sine and cosine (Vincenty's formula on a
    sphere), which stays accurate for every distance: the haversine's ``asin`` loses the last
    metres near antipodal points, enough to break the triangle inequality there.
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlmb = math.radians(lon2 - lon1)
    sin1, cos1, sin2, cos2 = math.sin(phi1), math.cos(phi1), math.sin(phi2), math.cos(phi2)
    cos_dlmb = math.cos(dlmb)
    across = math.hypot(cos2 * math.sin(dlmb), cos1 * sin2 - sin1 * cos2 * cos_dlmb)
    along = sin1 * sin2 + cos1 * cos2 * cos_dlmb
    return EARTH_RADIUS_KM * math.atan2(across, along)


T = TypeVar("T")


def nearest_within(
    lat: float, lon: float, points: Iterable[tuple[float, float, T]], km: float
) -> T | None:
    """What the point of ``points`` (latitude, longitude, what it stands for) nearest to
    ``(lat, lon)`` stands for, when it lies within ``km``; else None. Points outside a box that
    holds the whole circle are ruled out by their coordinates alone, before any distance."""
    dlat = km / 110.0  # a degree of latitude is more than 110 km everywhere
    dlon = dlat / max(math.cos(math.radians(min(abs(lat) + dlat, 89.0))), 0.01)
    best, found = math.inf, None
    for y, x, what in points:
        if abs(y - lat) <= dlat and abs(x - lon) <= dlon:
            distance = haversine_km(lat, lon, y, x)
            if distance < best:
                best, found = distance, what
    return found if best <= km else None


def check_coordinates(lat: float, lon: float, where: str) -> tuple[float, float]:
    """``(lat, lon)`` when both are finite and in range, else a CoordinatesError naming ``where``."""
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise CoordinatesError("geo.lat_range", where=where, value=lat)
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise CoordinatesError("geo.lon_range", where=where, value=lon)
    return float(lat), float(lon)


def looks_like_coordinates(text: str) -> bool:
    """True for text shaped like ``LAT,LON`` (two numbers), whether or not they are in range."""
    parts = text.split(",")
    if len(parts) != 2:
        return False
    try:
        float(parts[0])
        float(parts[1])
    except ValueError:
        return False
    return True


def parse_lat_lon(text: str, where: str = "--home") -> tuple[float, float]:
    """``"50.37,3.08"`` -> ``(50.37, 3.08)``; anything else raises a CoordinatesError."""
    parts = text.split(",")
    if len(parts) != 2:
        raise CoordinatesError("geo.bad_coordinates", where=where, value=clip(text))
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise CoordinatesError("geo.bad_coordinates", where=where, value=clip(text)) from None
    return check_coordinates(lat, lon, where)
