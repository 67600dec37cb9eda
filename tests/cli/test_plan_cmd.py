"""``pathfinder plan`` and ``pathfinder explore`` through the real console script."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from support.cli import run_cli

CATALOG = """\
catalog: {name: Plan test, version: "2.0", languages: [en, fr]}
sectors:
  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}
  - {id: ice, name: {en: Combustion engines, fr: Moteurs thermiques}}
providers:
  - {id: campus, name: {en: Campus, fr: Campus}}
sites:
  - {id: flins, name: {en: Flins, fr: Flins}, region: Île-de-France, lat: 48.965, lon: 1.873}
  - {id: cleon, name: {en: Cléon, fr: Cléon}, region: Normandie, lat: 49.313, lon: 1.035}
skills:
  - {id: torque-tooling, name: {en: Torque tooling, fr: Outillage de serrage}, category: assembly}
  - {id: electrical-basics, name: {en: Electrical basics, fr: Bases de l'électricité}, category: electrical, max_level: 2}
  - {id: hv-safety-b2l, name: {en: HV safety B2L, fr: Habilitation B2L}, category: electrical-safety, max_level: 1}
jobs:
  - {id: assembly-operator, name: {en: Assembly operator, fr: Opérateur de montage}, sector: ice,
     outlook: declining, requires: {torque-tooling: 2}}
  - {id: ev-technician, name: {en: EV technician, fr: Technicien VE}, sector: ev, outlook: growing,
     requires: {torque-tooling: 1, hv-safety-b2l: 1}, openings: {flins: 12, cleon: 3}}
  - {id: ev-electrician, name: {en: EV electrician, fr: Électricien VE}, sector: ev, outlook: growing,
     requires: {electrical-basics: 1}}
courses:
  - {id: electrical-upgrade, name: {en: Electrical upgrade, fr: Remise à niveau électricité},
     provider: campus, hours: 35, weeks: 1, cost_eur: 600, format: online, grants: {electrical-basics: 1},
     funding: [cpf]}
  - {id: electrical-onsite, name: {en: Electrical basics on site, fr: Bases de l'électricité sur site},
     provider: campus, hours: 70, weeks: 2, cost_eur: 300, format: onsite, sites: [cleon],
     grants: {electrical-basics: 1}}
  - {id: hv-b2l, name: {en: HV B2L, fr: Habilitation B2L}, provider: campus, hours: 21, weeks: 0.6,
     cost_eur: 950, format: onsite, sites: [flins, cleon], requires: {electrical-basics: 1},
     grants: {hv-safety-b2l: 1}}
"""

NUMBER = {"type": "number"}
PLAN_SCHEMA = {
    "type": "object",
    "required": ["catalog", "target", "optimize", "status", "gaps", "paths", "blockers"],
    "properties": {
        "catalog": {
            "type": "object",
            "required": ["name", "version", "sha256"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "sha256": {"type": "string"},
            },
        },
        "target": {"type": "string"},
        "optimize": {"enum": ["hours", "cost", "weeks", "courses"]},
        "status": {"enum": ["ok", "already-qualified", "unreachable"]},
        "gaps": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["skill", "have", "need"],
                "properties": {
                    "skill": {"type": "string"},
                    "have": {"type": "integer"},
                    "need": {"type": "integer"},
                },
            },
        },
        "paths": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "courses",
                    "total_hours",
                    "total_weeks",
                    "total_cost_eur",
                    "total_pays_eur",
                ],
                "properties": {
                    "courses": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": [
                                "id",
                                "hours",
                                "weeks",
                                "cost_eur",
                                "format",
                                "pays_eur",
                                "site",
                                "distance_km",
                                "grants",
                                "serves",
                            ],
                            "properties": {
                                "id": {"type": "string"},
                                "hours": NUMBER,
                                "weeks": NUMBER,
                                "cost_eur": NUMBER,
                                "pays_eur": NUMBER,
                                "format": {"enum": ["onsite", "online", "hybrid"]},
                                "site": {"type": ["string", "null"]},
                                "distance_km": {"type": ["number", "null"]},
                                "grants": {
                                    "type": "object",
                                    "additionalProperties": {"type": "integer"},
                                },
                                "serves": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {"type": "string"},
                                },
                            },
                        },
                    },
                    "total_hours": NUMBER,
                    "total_weeks": NUMBER,
                    "total_cost_eur": NUMBER,
                    "total_pays_eur": NUMBER,
                },
            },
        },
        "blockers": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["skill", "need", "reason"],
                "properties": {
                    "skill": {"type": ["string", "null"]},
                    "need": {"type": ["integer", "null"]},
                    "reason": {"type": "string", "minLength": 1},
                },
            },
        },
    },
}
EXPLORE_SCHEMA = {
    "type": "object",
    "required": ["results", "unreachable"],
    "properties": {
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "job",
                    "total_hours",
                    "total_weeks",
                    "total_cost_eur",
                    "courses",
                    "openings_nearby",
                ],
                "properties": {
                    "job": {"type": "string"},
                    "total_hours": NUMBER,
                    "total_weeks": NUMBER,
                    "total_cost_eur": NUMBER,
                    "courses": {"type": "integer"},
                    "openings_nearby": {"type": "integer"},
                },
            },
        },
        "unreachable": {"type": "array", "items": {"type": "string"}},
    },
}


@pytest.fixture
def cat(tmp_path: Path) -> str:
    path = tmp_path / "catalog.yaml"
    path.write_text(CATALOG, encoding="utf-8")
    return str(path)


def plan_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run_cli("plan", *args, "--format", "json")
    assert result.stdout, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, PLAN_SCHEMA)
    return result.returncode, data


def test_json_path_found(cat: str) -> None:
    code, data = plan_json(
        "--catalog",
        cat,
        "--to",
        "ev-technician",
        "--from",
        "assembly-operator",
        "--home",
        "flins",
        "--radius",
        "50",
        "--funding",
        "cpf",
    )
    assert code == 0
    assert (
        data["status"] == "ok" and data["target"] == "ev-technician" and data["optimize"] == "hours"
    )
    assert data["catalog"]["name"] == "Plan test" and len(data["catalog"]["sha256"]) == 64
    assert data["gaps"] == [{"skill": "hv-safety-b2l", "have": 0, "need": 1}]
    best = data["paths"][0]
    assert [c["id"] for c in best["courses"]] == ["electrical-upgrade", "hv-b2l"]
    first, second = best["courses"]
    assert (first["pays_eur"], first["site"], first["distance_km"]) == (0, None, None)
    assert first["serves"] == ["prerequisite of hv-b2l"]
    assert (second["site"], second["distance_km"], second["weeks"]) == ("flins", 0, 0.6)
    assert second["serves"] == ["target requirement hv-safety-b2l ≥ 1"]
    assert (
        best["total_hours"],
        best["total_weeks"],
        best["total_cost_eur"],
        best["total_pays_eur"],
    ) == (56, 1.6, 1550, 950)
    assert data["blockers"] == []


def test_json_unreachable_exit_1_with_blockers_and_relaxation(cat: str) -> None:
    code, data = plan_json(
        "--catalog",
        cat,
        "--to",
        "ev-technician",
        "--from",
        "assembly-operator",
        "--home",
        "flins",
        "--radius",
        "20",
        "--no-online",
    )
    assert code == 1
    assert data["status"] == "unreachable" and data["paths"] == []
    blocker, *prerequisite = data["blockers"]
    assert (blocker["skill"], blocker["need"], blocker["needed_by"]) == ("hv-safety-b2l", 1, [])
    assert (
        blocker["reason"]
        == "hv-b2l teaches it, but requires electrical-basics ≥ 1, which no course open to you teaches"
    )
    # the prerequisite is explained down to the constraints that removed its courses
    assert [(b["skill"], b["need"], b["needed_by"], b["reason"]) for b in prerequisite] == [
        (
            "electrical-basics",
            1,
            ["hv-b2l"],
            "electrical-onsite teaches it at cleon (72.2 km); your radius is 20 km",
        ),
        (
            "electrical-basics",
            1,
            ["hv-b2l"],
            "electrical-upgrade teaches it, but online, and you chose no online courses",
        ),
    ]
    assert prerequisite[0]["subject"] == "electrical-basics ≥ 1 (prerequisite of hv-b2l)"
    kinds = {r["kind"]: r["value"] for r in data["relaxations"]}
    assert kinds == {"radius": 73, "online": True}


def test_already_qualified_exit_0(cat: str) -> None:
    code, data = plan_json(
        "--catalog", cat, "--to", "assembly-operator", "--skill", "torque-tooling=3"
    )
    assert code == 0
    assert data["status"] == "already-qualified" and data["gaps"] == [] and data["paths"] == []


def test_profile_file_and_flags_override(cat: str, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(
        "jobs: [assembly-operator]\nhome: flins\nmobility_km: 20\nonline: false\n"
        "targets: [ev-technician]\nlang: fr\n",
        encoding="utf-8",
    )
    code, data = plan_json("--catalog", cat, "--profile", str(profile))
    assert code == 1 and data["lang"] == "fr"
    assert (
        "electrical-basics" in data["blockers"][0]["reason"]
        and "exige" in data["blockers"][0]["reason"]
    )
    code, data = plan_json(
        "--catalog",
        cat,
        "--profile",
        str(profile),
        "--online",
        "--lang",
        "en",
        "--optimize",
        "cost",
        "--alternatives",
        "1",
    )
    assert (
        code == 0
        and data["optimize"] == "cost"
        and len(data["paths"]) == 1
        and data["lang"] == "en"
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--to", "ev-technican"], "did you mean ev-technician"),
        (["--to", "ev-technician", "--from", "assembly-operatr"], "--from: unknown job"),
        (["--to", "ev-technician", "--skill", "torque-tooling=x"], "--skill"),
        (["--to", "ev-technician", "--skill", "torque-tooling=9"], "above its max level"),
        (["--to", "ev-technician", "--home", "flns"], "did you mean flins"),
        (["--to", "ev-technician", "--home", "95,2"], "latitude"),
        (["--to", "ev-technician", "--radius", "-3"], "--radius"),
        (["--to", "ev-technician", "--alternatives", "0"], "--alternatives"),
        (["--to", "ev-technician", "--profile", "/nonexistent/me.yaml"], "me.yaml"),
        ([], "--to"),
    ],
)
def test_bad_input_exit_2(cat: str, args: list[str], needle: str) -> None:
    result = run_cli("plan", "--catalog", cat, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_profile_field_exit_2(cat: str, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("mobilty_km: 20\n", encoding="utf-8")
    result = run_cli(
        "plan", "--catalog", cat, "--to", "ev-technician", "--profile", str(profile), "--lang", "fr"
    )
    assert result.returncode == 2
    assert "mobilty_km" in result.stderr and "vouliez-vous dire mobility_km" in result.stderr


def test_text_output_at_80_columns_without_colour(cat: str) -> None:
    result = run_cli(
        "plan",
        "--catalog",
        cat,
        "--to",
        "ev-technician",
        "--from",
        "assembly-operator",
        "--home",
        "cleon",
        "--radius",
        "100",
        "--funding",
        "cpf",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    for needle in (
        "Skill gaps",
        "HV safety B2L (hv-safety-b2l)",
        "Path 1: best by hours",
        " 1. Electrical upgrade",
        "Campus · Cléon, 0 km",
        "prerequisite of hv-b2l",
        "target requirement hv-safety-b2l ≥ 1",
        "funded: you pay €0",
        "Total: 56 h · 1.6 weeks · €1,550 (you pay €950) · 2 course(s)",
        "Path 2: alternative",
    ):
        assert needle in out, needle


def test_text_unreachable_in_french(cat: str) -> None:
    result = run_cli(
        "plan",
        "--catalog",
        cat,
        "--to",
        "ev-technician",
        "--from",
        "assembly-operator",
        "--home",
        "flins",
        "--radius",
        "20",
        "--no-online",
        "--lang",
        "fr",
    )
    assert result.returncode == 1
    out = result.stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Aucun parcours vers Technicien VE avec vos contraintes." in out
    assert "Ce qui ouvrirait un parcours" in out
    assert "élargir votre rayon à 73 km" in out
    assert "accepter les formations en ligne" in out


def test_markdown(cat: str) -> None:
    result = run_cli(
        "plan",
        "--catalog",
        cat,
        "--to",
        "ev-technician",
        "--from",
        "assembly-operator",
        "--format",
        "md",
        "--lang",
        "fr",
    )
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("# Parcours vers Technicien VE (`ev-technician`)")
    assert "| Habilitation B2L (`hv-safety-b2l`) | 0 | 1 |" in out
    assert "## Parcours 1 : le meilleur en heures" in out
    assert "1. **Remise à niveau électricité** (`electrical-upgrade`)" in out
    assert "prérequis de hv-b2l" in out


def test_explore_json_and_text(cat: str) -> None:
    result = run_cli("explore", "--catalog", cat, "--from", "assembly-operator", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, EXPLORE_SCHEMA)
    assert [r["job"] for r in data["results"]] == ["ev-electrician", "ev-technician"]
    assert data["results"][1]["openings_nearby"] == 15 and data["results"][1]["courses"] == 2
    assert data["unreachable"] == []
    result = run_cli(
        "explore",
        "--catalog",
        cat,
        "--home",
        "flins",
        "--radius",
        "20",
        "--no-online",
        "--sector",
        "ev",
        "--top",
        "5",
    )
    assert result.returncode == 0
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "Out of reach under your constraints (2): ev-electrician, ev-technician" in result.stdout
    bad = run_cli("explore", "--catalog", cat, "--sector", "evv")
    assert bad.returncode == 2 and "did you mean ev" in bad.stderr
