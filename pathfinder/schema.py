"""Catalog format v1: the fields of each entry kind, their types and ranges.

One declaration serves two purposes: :mod:`pathfinder.validate` checks YAML nodes against it, and
:func:`json_schema` turns it into a JSON Schema for editors (``pathfinder catalog schema``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .funding import FUNDING_SOURCES
from .limits import (
    COST_EUR_MAX,
    DATE_MAX,
    DATE_MIN,
    HOURS_MAX,
    LEVEL_MAX,
    OPENINGS_MAX,
    SEATS_MAX,
    SESSIONS_MAX,
    WEEKS_MAX,
)
from .model import COURSE_FORMATS, OUTLOOKS

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROME_PATTERN = re.compile(r"^[A-N][0-9]{4}$")
LANG_PATTERN = re.compile(r"^[a-z]{2,3}$")
RULE_CODE_PATTERN = re.compile(r"^PF[0-9]{3}$")
RNCP_PATTERN = re.compile(r"^RNCP[0-9]{1,6}$")
RS_PATTERN = re.compile(r"^RS[0-9]{1,6}$")
FEED_NUMBER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,59}$")
"""A LHÉO ``numero`` attribute (``9436_18706``, ``14_AF_0000012345``): letters, digits and
``_.:/-``, at most 60 characters."""


@dataclass(frozen=True)
class Field:
    """One field of an entry.

    ``type`` is one of: ``id`` (kebab-case id), ``ref`` (id of an entry of kind ``ref``), ``refs``
    (list of those), ``text`` (a name in each language), ``str``, ``strs`` (list of strings; with
    ``choices``, each one of them), ``int``, ``number``, ``enum`` (one of ``choices``), ``levels``
    (skill id -> level), ``levels-list`` (list of ``levels``), ``counts`` (site id -> count),
    ``langs``, ``lint``, ``sessions`` (list of :data:`SESSION_FIELDS` mappings), ``link`` (a
    mapping of :data:`LINK_FIELDS`). ``minimum`` and ``maximum`` bound a number, or each value of
    ``levels``, ``levels-list`` and ``counts``. A text that does not match ``pattern`` is reported
    with the message ``pattern_key``.
    """

    name: str
    type: str
    required: bool = False
    ref: str | None = None
    minimum: float | None = None
    exclusive_minimum: bool = False
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    description: str = ""
    pattern_key: str = ""


SESSION_KEYS: tuple[str, ...] = ("start", "end", "site", "seats", "online")
"""The keys of one course session; ``start`` is required."""
SESSION_FIELDS: dict[str, Field] = {}  # filled below, once Field exists
LINK_FIELDS: dict[str, Field] = {}
"""The keys of a course's link to a LHÉO feed (``lheo``); ``formation`` is required."""

_ID = Field(
    "id", "id", required=True, description="Lower-case kebab-case id, unique within its kind."
)
_NAME = Field("name", "text", required=True, description="Name in each catalog language.")
_SOURCES = Field("sources", "strs", description="Where the facts come from.")

FIELDS: dict[str, tuple[Field, ...]] = {
    "catalog": (
        Field("name", "str", required=True),
        Field("version", "str", required=True),
        Field("languages", "langs", description="Language codes; the first is the fallback."),
        Field("lint", "lint", description="Linter settings: {ignore: [PF301, ...]}."),
        _SOURCES,
    ),
    "sectors": (_ID, _NAME, _SOURCES),
    "providers": (_ID, _NAME, Field("url", "str"), _SOURCES),
    "sites": (
        _ID,
        _NAME,
        Field("region", "str", required=True),
        Field(
            "lat",
            "number",
            required=True,
            minimum=-90,
            maximum=90,
            description="Latitude in degrees, -90..90.",
        ),
        Field(
            "lon",
            "number",
            required=True,
            minimum=-180,
            maximum=180,
            description="Longitude in degrees, -180..180.",
        ),
        _SOURCES,
    ),
    "skills": (
        _ID,
        _NAME,
        Field("category", "str", required=True),
        Field(
            "max_level",
            "int",
            minimum=1,
            maximum=LEVEL_MAX,
            description=f"Highest level of the skill, 1..{LEVEL_MAX} (default 3).",
        ),
        Field("esco", "str", description="ESCO skill URI."),
        _SOURCES,
    ),
    "jobs": (
        _ID,
        _NAME,
        Field("sector", "ref", required=True, ref="sectors"),
        Field("outlook", "enum", required=True, choices=OUTLOOKS),
        Field(
            "rome",
            "str",
            pattern=ROME_PATTERN,
            pattern_key="schema.bad_rome",
            description="ROME code: a letter A-N, 4 digits.",
        ),
        Field(
            "requires",
            "levels",
            minimum=1,
            maximum=LEVEL_MAX,
            description="Skill id -> minimum level.",
        ),
        Field(
            "openings",
            "counts",
            ref="sites",
            minimum=0,
            maximum=OPENINGS_MAX,
            description=f"Site id -> vacancies, 0..{OPENINGS_MAX}.",
        ),
        _SOURCES,
    ),
    "courses": (
        _ID,
        _NAME,
        Field("provider", "ref", required=True, ref="providers"),
        Field(
            "hours",
            "number",
            required=True,
            minimum=0,
            exclusive_minimum=True,
            maximum=HOURS_MAX,
            description=f"Teaching hours, more than 0 and at most {HOURS_MAX}.",
        ),
        Field(
            "weeks",
            "number",
            required=True,
            minimum=0,
            exclusive_minimum=True,
            maximum=WEEKS_MAX,
            description=f"Calendar weeks full-time, more than 0 and at most {WEEKS_MAX}.",
        ),
        Field(
            "cost_eur",
            "number",
            required=True,
            minimum=0,
            maximum=COST_EUR_MAX,
            description=f"Price in euros, 0..{COST_EUR_MAX}.",
        ),
        Field("format", "enum", required=True, choices=COURSE_FORMATS),
        Field("sites", "refs", ref="sites", description="Required unless the format is online."),
        Field(
            "requires",
            "levels",
            minimum=1,
            maximum=LEVEL_MAX,
            description="All of these skills at these levels.",
        ),
        Field(
            "requires_any",
            "levels-list",
            minimum=1,
            maximum=LEVEL_MAX,
            description="Each group: at least one of its skills.",
        ),
        Field(
            "grants",
            "levels",
            required=True,
            minimum=1,
            maximum=LEVEL_MAX,
            description="Skills raised to these levels.",
        ),
        Field(
            "funding",
            "strs",
            choices=FUNDING_SOURCES,
            description="Funding sources that can pay for it: " + ", ".join(FUNDING_SOURCES) + ".",
        ),
        Field("certification", "str"),
        Field(
            "hands_on", "number", minimum=0, maximum=1, description="Share of hands-on time, 0..1."
        ),
        _SOURCES,
        Field(
            "sessions",
            "sessions",
            maximum=SESSIONS_MAX,
            description=(
                "Dated runs: {start, end, site, seats, online}; ISO dates, end >= start (default:"
                " start + the course's days - 1), site one of the course's sites, or online: true"
                f" for an online or hybrid course. At most {SESSIONS_MAX}. None: runs on demand."
            ),
        ),
        Field(
            "lheo",
            "link",
            description=(
                "The offer of a LHÉO training-offer feed this course is: {formation, action}, their"
                " numero attributes; without action, every action of the formation. `pathfinder"
                " catalog sync-lheo` keeps sessions, hours, cost, sites and funding current from it."
            ),
        ),
        Field(
            "rncp",
            "str",
            pattern=RNCP_PATTERN,
            pattern_key="schema.bad_rncp",
            description="The certification's RNCP code (RNCP and digits, e.g. RNCP35280).",
        ),
        Field(
            "rs",
            "str",
            pattern=RS_PATTERN,
            pattern_key="schema.bad_rs",
            description="The certification's code in the Répertoire spécifique (RS and digits).",
        ),
    ),
}

LINK_FIELDS.update(
    {
        name: Field(
            f"lheo.{name}",
            "str",
            required=name == "formation",
            pattern=FEED_NUMBER_PATTERN,
            pattern_key="schema.bad_feed_number",
            description=f"The {name}'s numero attribute in the feed.",
        )
        for name in ("formation", "action")
    }
)

SESSION_FIELDS.update(
    {
        "start": Field(
            "sessions.start",
            "date",
            required=True,
            description=f"First day, YYYY-MM-DD, {DATE_MIN}..{DATE_MAX}.",
        ),
        "end": Field(
            "sessions.end",
            "date",
            description=f"Last day (inclusive), YYYY-MM-DD, {DATE_MIN}..{DATE_MAX}.",
        ),
        "site": Field(
            "sessions.site", "ref", ref="sites", description="One of the course's sites."
        ),
        "seats": Field(
            "sessions.seats",
            "int",
            minimum=1,
            maximum=SEATS_MAX,
            description=f"Seats, 1..{SEATS_MAX}.",
        ),
        "online": Field("sessions.online", "bool", description="Taught at a distance (no site)."),
    }
)

TOP_LEVEL_KEYS: tuple[str, ...] = tuple(FIELDS)
FIELD_INDEX: dict[str, dict[str, Field]] = {
    kind: {f.name: f for f in fields} for kind, fields in FIELDS.items()
}
REQUIRED: dict[str, frozenset[str]] = {
    kind: frozenset(f.name for f in fields if f.required) for kind, fields in FIELDS.items()
}


def _levels_schema(field: Field) -> dict[str, object]:
    """A mapping of ids to whole numbers within the field's range."""
    value: dict[str, object] = {"type": "integer"}
    if field.minimum is not None:
        value["minimum"] = field.minimum
    if field.maximum is not None:
        value["maximum"] = field.maximum
    return {
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN.pattern},
        "additionalProperties": value,
    }


def _field_schema(field: Field) -> dict[str, object]:
    schema: dict[str, object]
    kind = field.type
    if kind in ("id", "ref"):
        schema = {"type": "string", "pattern": ID_PATTERN.pattern}
    elif kind == "refs":
        schema = {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN.pattern}}
    elif kind == "text":
        schema = {
            "oneOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "propertyNames": {"pattern": LANG_PATTERN.pattern},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ]
        }
    elif kind == "str":
        schema = {"type": "string", "minLength": 1}
        if field.pattern is not None:
            schema["pattern"] = field.pattern.pattern
    elif kind == "strs":
        item: dict[str, object] = {"type": "string", "minLength": 1}
        if field.choices:
            item = {"type": "string", "enum": list(field.choices)}
        schema = {"type": "array", "items": item}
    elif kind in ("int", "number"):
        schema = {"type": "integer" if kind == "int" else "number"}
        if field.minimum is not None:
            schema["exclusiveMinimum" if field.exclusive_minimum else "minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
    elif kind == "enum":
        schema = {"type": "string", "enum": list(field.choices)}
    elif kind == "levels":
        schema = _levels_schema(field)
        if field.required:
            schema["minProperties"] = 1
    elif kind == "levels-list":
        schema = {"type": "array", "items": {**_levels_schema(field), "minProperties": 1}}
    elif kind == "counts":
        schema = _levels_schema(field)
    elif kind == "langs":
        schema = {
            "type": "array",
            "items": {"type": "string", "pattern": LANG_PATTERN.pattern},
            "minItems": 1,
        }
    elif kind == "date":
        schema = {
            "type": "string",
            "format": "date",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        }
    elif kind == "bool":
        schema = {"type": "boolean"}
    elif kind == "sessions":
        schema = {
            "type": "array",
            "maxItems": field.maximum,
            "items": {
                "type": "object",
                "properties": {name: _field_schema(f) for name, f in SESSION_FIELDS.items()},
                "required": [name for name, f in SESSION_FIELDS.items() if f.required],
                "additionalProperties": False,
            },
        }
    elif kind == "link":
        schema = {
            "type": "object",
            "properties": {name: _field_schema(f) for name, f in LINK_FIELDS.items()},
            "required": [name for name, f in LINK_FIELDS.items() if f.required],
            "additionalProperties": False,
        }
    elif kind == "lint":
        schema = {
            "type": "object",
            "properties": {
                "ignore": {
                    "type": "array",
                    "items": {"type": "string", "pattern": RULE_CODE_PATTERN.pattern},
                }
            },
            "additionalProperties": False,
        }
    else:  # pragma: no cover - every type is listed above
        raise ValueError(kind)
    if field.description:
        schema["description"] = field.description
    return schema


def _entry_schema(kind: str) -> dict[str, object]:
    fields = FIELDS[kind]
    return {
        "type": "object",
        "properties": {f.name: _field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, object]:
    """A JSON Schema (draft 2020-12) of one catalog file, for editors and CI."""
    courses = _entry_schema("courses")
    courses["if"] = {"properties": {"format": {"enum": ["onsite", "hybrid"]}}}
    courses["then"] = {"required": ["sites"]}
    properties: dict[str, object] = {"catalog": _entry_schema("catalog")}
    for kind in TOP_LEVEL_KEYS[1:]:
        schema = courses if kind == "courses" else _entry_schema(kind)
        properties[kind] = {"type": "array", "items": schema}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://pathfinder.invalid/catalog-v1.schema.json",
        "title": "Pathfinder catalog, format v1",
        "description": "One file of a Pathfinder catalog. See docs/catalog-format.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
