"""Small hand-made inputs the tests share: a two-course catalog and a complete profile."""

from __future__ import annotations

MINI_CATALOG = """\
catalog:
  name: Mini
  version: "1.0"
  languages: [en, fr]
sectors:
  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}
  - {id: ice, name: {en: Combustion engines, fr: Moteurs thermiques}}
providers:
  - {id: campus, name: {en: Campus, fr: Campus}, url: https://campus.example.org}
sites:
  - {id: flins, name: {en: Flins, fr: Flins}, region: Île-de-France, lat: 48.965, lon: 1.873}
  - {id: cleon, name: {en: Cléon, fr: Cléon}, region: Normandie, lat: 49.313, lon: 1.035}
skills:
  - {id: electrical-basics, name: {en: Electrical basics, fr: Bases de l'électricité}, category: electrical, max_level: 2}
  - {id: hv-safety-b2l, name: {en: HV safety B2L, fr: Habilitation B2L}, category: electrical-safety, max_level: 1}
  - {id: torque-tooling, name: {en: Torque tooling, fr: Outillage de serrage}, category: assembly}
jobs:
  - id: assembly-operator
    name: {en: Assembly operator, fr: Opérateur de montage}
    sector: ice
    outlook: declining
    rome: H2909
    requires: {torque-tooling: 2}
  - id: ev-technician
    name: {en: EV technician, fr: Technicien VE}
    sector: ev
    outlook: growing
    requires: {hv-safety-b2l: 1, torque-tooling: 1}
    openings: {flins: 12}
courses:
  - id: electrical-upgrade
    name: {en: Electrical upgrade, fr: Remise à niveau en électricité}
    provider: campus
    hours: 35
    weeks: 1
    cost_eur: 600
    format: online
    grants: {electrical-basics: 1}
    funding: [cpf]
  - id: hv-b2l
    name: {en: HV B2L, fr: Habilitation B2L}
    provider: campus
    hours: 21
    weeks: 0.6
    cost_eur: 950
    format: onsite
    sites: [flins, cleon]
    requires: {electrical-basics: 1}
    grants: {hv-safety-b2l: 1}
    certification: NF C18-550 B2L
"""


COMPLETE_PROFILE = {
    "lang": "en",
    "jobs": ["ice-assembly-operator"],
    "skills": {},
    "home": "douai",
    "mobility_km": 60,
    "online": True,
    "max_hours": None,
    "max_weeks": None,
    "budget_eur": None,
    "funding": ["cpf"],
    "targets": ["battery-pack-assembler"],
}
"""A profile that answers every question of an advising session, on the bundled catalog."""
