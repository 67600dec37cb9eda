"""A course's links to the training offer: ``lheo: {formation, action}``, ``rncp``, ``rs`` —
read into the model, checked with file, line and column, and described by the JSON Schema."""

from __future__ import annotations

import pytest

from pathfinder.errors import CatalogError
from pathfinder.loader import loads_catalog
from pathfinder.model import FeedLink
from pathfinder.schema import json_schema

HEAD = """\
catalog: {name: t, version: "1"}
sectors: [{id: ev, name: EV}]
providers: [{id: p, name: P}]
skills: [{id: a, name: A, category: c}]
jobs: [{id: j, name: J, sector: ev, outlook: growing, requires: {a: 1}}]
courses:
  - id: c
    name: C
    provider: p
    hours: 7
    weeks: 1
    cost_eur: 0
    format: online
    grants: {a: 1}
"""


def problems(extra: str) -> list[tuple[str, int, int, str]]:
    with pytest.raises(CatalogError) as error:
        loads_catalog(HEAD + extra)
    return [(d.code, d.line, d.column, d.message) for d in error.value.diagnostics if d.is_error]


def test_the_links_are_read_into_the_course() -> None:
    catalog = loads_catalog(
        HEAD + "    lheo: {formation: 9436_18706, action: 'AF:12/3'}\n    rncp: RNCP35280\n"
        "    rs: RS5463\n"
    )
    course = catalog.courses["c"]
    assert course.lheo == FeedLink("9436_18706", "AF:12/3")
    assert (course.rncp, course.rs) == ("RNCP35280", "RS5463")


def test_a_link_to_a_whole_formation_has_no_action() -> None:
    catalog = loads_catalog(HEAD + "    lheo: {formation: F1}\n")
    assert catalog.courses["c"].lheo == FeedLink("F1", None)


def test_links_change_the_content_hash() -> None:
    assert loads_catalog(HEAD).sha256 != loads_catalog(HEAD + "    rs: RS1\n").sha256


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "    lheo: {action: A1}\n",
            ("PF102", 15, 11, "lheo entry without its required field 'formation'."),
        ),
        (
            "    lheo: {formation: F1, numero: 3}\n",
            ("PF101", 15, 27, "unknown key 'numero' in a lheo entry."),
        ),
        ("    lheo: F1\n", ("PF103", 15, 11, "lheo: expected a mapping (key: value), got 'F1'.")),
        (
            "    lheo: {formation: 'F 1'}\n",
            (
                "PF104",
                15,
                23,
                "lheo.formation: 'F 1' is not a LHÉO number (letters, digits and _.:/-, at most"
                " 60 characters).",
            ),
        ),
        (
            "    rncp: '35280'\n",
            (
                "PF104",
                15,
                11,
                "rncp: '35280' is not an RNCP code (RNCP then up to 6 digits, e.g. RNCP35280).",
            ),
        ),
        (
            "    rs: RNCP1\n",
            (
                "PF104",
                15,
                9,
                "rs: 'RNCP1' is not a code of the Répertoire spécifique (RS then up to 6 digits,"
                " e.g. RS5463).",
            ),
        ),
    ],
)
def test_a_bad_link_is_reported_where_it_is(
    extra: str, expected: tuple[str, int, int, str]
) -> None:
    assert problems(extra) == [expected]


def test_the_json_schema_describes_the_links() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    course = {
        "id": "c",
        "name": "C",
        "provider": "p",
        "hours": 7,
        "weeks": 1,
        "cost_eur": 0,
        "format": "online",
        "grants": {"a": 1},
        "lheo": {"formation": "F1", "action": "A1"},
        "rncp": "RNCP1",
        "rs": "RS1",
    }
    jsonschema.validate({"courses": [course]}, schema)
    for bad in ({"action": "A1"}, {"formation": "F 1"}, {"formation": "F1", "x": "y"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"courses": [{**course, "lheo": bad}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"courses": [{**course, "rncp": "12"}]}, schema)


def test_every_field_with_a_pattern_has_its_message_in_both_languages() -> None:
    from pathfinder.i18n import has_message
    from pathfinder.locales import fr
    from pathfinder.schema import FIELDS, LINK_FIELDS, SESSION_FIELDS

    fields = [f for group in FIELDS.values() for f in group]
    patterned = [f for f in (*fields, *LINK_FIELDS.values(), *SESSION_FIELDS.values()) if f.pattern]
    assert {f.name for f in patterned} >= {"rome", "rncp", "rs", "lheo.formation", "lheo.action"}
    for field in patterned:
        assert has_message(field.pattern_key), field.name
        assert field.pattern_key in fr.MESSAGES, field.name
