"""A small basin catalog and basin: two sites 37 km apart and one far away, a course per site
(course ``c1`` at ``a`` with SEATS seats in its one session)."""

from __future__ import annotations

from pathlib import Path

BASIN_CATALOG = """\
catalog: {name: Basin test, version: "1", languages: [en, fr]}
sectors: [{id: ev, name: {en: EV, fr: VE}}]
providers: [{id: campus, name: {en: Campus, fr: Campus}}]
sites:
  - {id: a, name: {en: A, fr: A}, region: Nord, lat: 48.0, lon: 2.0}
  - {id: b, name: {en: B, fr: B}, region: Nord, lat: 48.0, lon: 2.5}
  - {id: far, name: {en: Far, fr: Loin}, region: Sud, lat: 44.0, lon: 5.0}
skills:
  - {id: s1, name: {en: S1, fr: S1}, category: x}
  - {id: s2, name: {en: S2, fr: S2}, category: x}
  - {id: t, name: {en: T, fr: T}, category: x}
jobs:
  - {id: old, name: {en: Old, fr: Ancien}, sector: ev, outlook: declining, requires: {t: 1}}
  - {id: new, name: {en: New, fr: Nouveau}, sector: ev, outlook: growing, requires: {s1: 1}, openings: {a: 3}}
  - {id: far-job, name: {en: Far job, fr: Loin}, sector: ev, outlook: growing, requires: {s2: 1}, openings: {far: 2}}
  - {id: same, name: {en: Same, fr: Pareil}, sector: ev, outlook: stable, requires: {t: 1}, openings: {b: 1}}
courses:
  - id: c1
    name: {en: C1, fr: C1}
    provider: campus
    hours: 10
    weeks: 1
    cost_eur: 100
    format: onsite
    sites: [a]
    grants: {s1: 1}
    funding: [opco]
    sessions:
      - {start: 2027-01-04, site: a, seats: SEATS}
  - {id: c1b, name: {en: C1b, fr: C1b}, provider: campus, hours: 20, weeks: 1, cost_eur: 50, format: onsite, sites: [b], grants: {s1: 1}}
  - {id: c2, name: {en: C2, fr: C2}, provider: campus, hours: 5, weeks: 1, cost_eur: 10, format: onsite, sites: [far], grants: {s2: 1}}
"""

BASIN = """\
basin: Test basin
horizon: {from: 2027-01-01, to: 2027-12-31}
workforce:
  - {id: g1, count: 2, jobs: [old], home: a, mobility_km: 10, funding: [opco]}
  - {id: g2, count: 2, jobs: [old], home: b, mobility_km: 10}
"""


def write_catalog(tmp_path: Path, seats: int) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(BASIN_CATALOG.replace("SEATS", str(seats)), encoding="utf-8")
    return path
