"""Small catalogs for the lint tests: a clean base, and a way to swap one section.

Expected findings are marked in the YAML itself: a line ending in ``# expect: PF201`` (or
``# expect: PF301 PF301``) must get exactly those findings of that code.
"""

from __future__ import annotations

import re

HEAD = """\
catalog:
  name: Test
  version: "1"
  languages: [en, fr]
sectors:
  - {id: ev, name: {en: EV, fr: VE}}
providers:
  - {id: campus, name: {en: Campus, fr: Campus}}
"""
SITES = """\
sites:
  - {id: flins, name: {en: Flins, fr: Flins}, region: IDF, lat: 48.965, lon: 1.873}
"""
SKILLS = """\
skills:
  - {id: basics, name: {en: Basics, fr: Bases}, category: core}
  - {id: safety, name: {en: Safety, fr: Sécurité}, category: core, max_level: 1}
"""
JOBS = """\
jobs:
  - {id: operator, name: {en: Operator, fr: Opérateur}, sector: ev, outlook: declining, requires: {basics: 1}}
  - {id: technician, name: {en: Technician, fr: Technicien}, sector: ev, outlook: growing, requires: {basics: 1, safety: 1}, openings: {flins: 3}}
"""
COURSES = """\
courses:
  - {id: safety-course, name: {en: Safety, fr: Sécurité}, provider: campus, hours: 21, weeks: 1, cost_eur: 500, format: onsite, sites: [flins], requires: {basics: 1}, grants: {safety: 1}}
"""


def catalog(
    head: str = HEAD,
    sites: str = SITES,
    skills: str = SKILLS,
    jobs: str = JOBS,
    courses: str = COURSES,
    extra: str = "",
) -> str:
    """The base catalog (clean: the lint finds nothing) with some sections replaced or added to."""
    return head + sites + skills + jobs + courses + extra


def course(course_id: str, fields: str) -> str:
    """One flow-style course line with the usual fields and ``fields`` added."""
    return (
        f"  - {{id: {course_id}, name: {{en: {course_id}, fr: {course_id}}}, provider: campus, hours: 21, "
        f"weeks: 1, cost_eur: 100, format: online, {fields}}}"
    )


_MARK = re.compile(r"#\s*expect:\s*((?:PF\d{3}\s*)+)$")


def expected(text: str, code: str) -> list[int]:
    """The lines marked ``# expect: … code …``, once per mention, sorted."""
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARK.search(line)
        if match:
            lines.extend(number for found in match.group(1).split() if found == code)
    return sorted(lines)


# The part of the SARIF 2.1.0 schema that Pathfinder's log uses, strict about extra keys.
_MESSAGE = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string", "minLength": 1}, "markdown": {"type": "string"}},
    "additionalProperties": False,
}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}


SARIF_SUBSET_SCHEMA = {
    # The part of the OASIS SARIF 2.1.0 schema that the lint's log uses, written out here (no network):
    # property names, types and enums as in the standard, closed objects so that a misspelt property
    # fails, plus what the issue asks of the rules (id, short description, help).
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "runs"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string", "pattern": r"sarif-schema-2\.1\.0\.json$"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {"$ref": "#/definitions/run"},
        },
    },
    "definitions": {
        "run": {
            "type": "object",
            "required": ["tool", "results"],
            "additionalProperties": False,
            "properties": {
                "tool": {
                    "type": "object",
                    "required": ["driver"],
                    "additionalProperties": False,
                    "properties": {"driver": {"$ref": "#/definitions/driver"}},
                },
                "language": {"type": "string", "pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": {"type": "array", "items": {"$ref": "#/definitions/result"}},
            },
        },
        "driver": {
            "type": "object",
            "required": ["name", "rules"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "version": {"type": "string"},
                "rules": {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {"$ref": "#/definitions/rule"},
                },
            },
        },
        "rule": {
            "type": "object",
            "required": ["id", "shortDescription", "help"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": r"^PF\d{3}$"},
                "name": {"type": "string"},
                "shortDescription": _MESSAGE,
                "fullDescription": _MESSAGE,
                "help": _MESSAGE,
                "defaultConfiguration": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"level": _LEVEL, "enabled": {"type": "boolean"}},
                },
                "properties": {"type": "object"},
            },
        },
        "result": {
            "type": "object",
            "required": ["ruleId", "message", "locations"],
            "additionalProperties": False,
            "properties": {
                "ruleId": {"type": "string", "pattern": r"^PF\d{3}$"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": _LEVEL,
                "message": _MESSAGE,
                "locations": {
                    "type": "array",
                    "minItems": 1,
                    "items": {"$ref": "#/definitions/location"},
                },
            },
        },
        "location": {
            "type": "object",
            "required": ["physicalLocation"],
            "additionalProperties": False,
            "properties": {
                "physicalLocation": {
                    "type": "object",
                    "required": ["artifactLocation", "region"],
                    "additionalProperties": False,
                    "properties": {
                        "artifactLocation": {
                            "type": "object",
                            "required": ["uri"],
                            "additionalProperties": False,
                            "properties": {"uri": {"type": "string", "minLength": 1}},
                        },
                        "region": {
                            "type": "object",
                            "required": ["startLine"],
                            "additionalProperties": False,
                            "properties": {
                                "startLine": {"type": "integer", "minimum": 1},
                                "startColumn": {"type": "integer", "minimum": 1},
                                "endLine": {"type": "integer", "minimum": 1},
                                "endColumn": {"type": "integer", "minimum": 1},
                            },
                        },
                    },
                },
            },
        },
    },
}
