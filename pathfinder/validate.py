"""Check YAML nodes against the catalog schema and turn them into field values.

:func:`file_sections` checks the shape of a file's top level (known sections, PF101; a mapping
or a list each, PF103); :class:`EntryReader` reads one file's entries, collecting every problem as
a diagnostic (a maintainer fixes ten problems per run, not one). Cross-file checks (references,
duplicate ids, levels above a skill's ``max_level``) happen in :mod:`pathfinder.references` once
all files are read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_date
from .diagnostics import Diagnostic
from .model import singular, whole_number
from .rules import diagnostic
from .safetext import clip
from .schema import (
    FIELD_INDEX,
    ID_PATTERN,
    LANG_PATTERN,
    LINK_FIELDS,
    REQUIRED,
    RULE_CODE_PATTERN,
    SESSION_FIELDS,
    TOP_LEVEL_KEYS,
    Field,
)
from .textsearch import suggest
from .yamlsource import MAPPING, MAX_NUMBER_CHARS, SCALAR, SEQUENCE, Node, ParsedFile, scalar_value

SHOWN_NUMBER_CHARS = 24
"""Numbers echoed in messages are cut to this many characters."""

INVALID = object()
"""Marks a field whose value was rejected (its diagnostic is already recorded)."""

_NODE_WORDS = {MAPPING: "mapping", SEQUENCE: "list"}

PATTERN_CODES = {"schema.bad_rome": "PF112"}
"""The rule of a text that does not match its field's pattern, by message; others are PF104."""


@dataclass
class RawEntry:
    """An entry that passed its own schema checks: field values plus the nodes they came from."""

    kind: str
    path: str
    node: Node
    values: dict[str, Any]
    nodes: dict[str, Node] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.values["id"])


class EntryReader:
    """Validates the entries of one file; ``diagnostics`` collects what is wrong."""

    def __init__(self, path: str, languages: tuple[str, ...] | None) -> None:
        """``languages``: the catalog's declared languages, or None when unknown (the metadata is
        broken), in which case names are not checked for translations."""
        self.path = path
        self.languages = languages
        self.diagnostics: list[Diagnostic] = []

    # -- reporting -------------------------------------------------------------------------------
    def report(self, code: str, key: str, node: Node, /, **params: object) -> None:
        self.diagnostics.append(
            diagnostic(
                code,
                key,
                self.path,
                node.line,
                node.column,
                node.end_line,
                node.end_column,
                **params,
            )
        )

    def unknown_key(self, key_node: Node, known: Mapping[str, object], kind: str) -> None:
        """PF101 for a key that is none of ``known``, with the closest ones."""
        hint = suggest(key_node.value, known)  # type: ignore[arg-type]
        self.report(
            "PF101",
            "schema.unknown_key_hint" if hint else "schema.unknown_key",
            key_node,
            key=key_node.value,
            kind=kind,
            suggestion=", ".join(hint),
        )

    def wrong_type(self, field_name: str, expected: str, node: Node) -> Any:
        got = "null" if node.kind == SCALAR and node.scalar_type() == "null" else _describe(node)
        self.report("PF103", f"schema.expected.{expected}", node, field=field_name, got=got)
        return INVALID

    # -- entries ---------------------------------------------------------------------------------
    def entry(self, kind: str, node: Node) -> RawEntry | None:
        """One entry of ``kind``; None when it is not even a mapping or its id is unusable."""
        if node.kind != MAPPING:
            self.wrong_type(kind, "mapping", node)
            return None
        spec = FIELD_INDEX[kind]
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            name = key_node.value
            field_spec = spec.get(name)
            if field_spec is None:
                self.unknown_key(key_node, spec, singular(kind))
                continue
            value = self.value(field_spec, value_node)
            nodes[name] = value_node
            if value is not INVALID:
                values[name] = value
        missing = [name for name in spec if name in REQUIRED[kind] and name not in nodes]
        for name in missing:
            self.report("PF102", "schema.missing_field", node, field=name, kind=singular(kind))
        if kind != "catalog" and not isinstance(values.get("id"), str):
            return None
        return RawEntry(kind, self.path, node, values, nodes)

    # -- values ----------------------------------------------------------------------------------
    def value(self, spec: Field, node: Node) -> Any:  # noqa: C901 - a dispatch on the field type
        kind = spec.type
        if kind in ("str", "ref", "id", "enum"):
            text = self.string(spec.name, node)
            if text is INVALID:
                return INVALID
            if kind == "id" and not ID_PATTERN.fullmatch(text):  # type: ignore[arg-type]
                self.report("PF105", "schema.bad_id", node, id=text)
                return INVALID
            if kind == "enum" and text not in spec.choices:
                return self.not_a_choice(spec, text, node)  # type: ignore[arg-type]
            if spec.pattern is not None and not spec.pattern.fullmatch(text):  # type: ignore[arg-type]
                code = PATTERN_CODES.get(spec.pattern_key, "PF104")
                self.report(code, spec.pattern_key, node, field=spec.name, value=clip(text, 80))
                return INVALID
            return text
        if kind in ("int", "number"):
            return self.number(spec, node)
        if kind == "text":
            return self.text(spec.name, node)
        if kind in ("refs", "strs", "langs"):
            return self.strings(spec, node)
        if kind == "levels":
            levels = self.levels(spec, node)
            if spec.required and levels == {}:
                self.report("PF104", "schema.empty", node, field=spec.name)
                return INVALID
            return levels
        if kind == "counts":
            return self.levels(spec, node)
        if kind == "levels-list":
            if node.kind != SEQUENCE:
                return self.wrong_type(spec.name, "list", node)
            groups = []
            for item in node.value:  # type: ignore[attr-defined]
                group = self.levels(spec, item)
                if group is INVALID:
                    return INVALID
                if not group:
                    self.report("PF104", "schema.empty", item, field=spec.name)
                    return INVALID
                groups.append(group)
            return groups
        if kind == "lint":
            return self.lint(node)
        if kind == "sessions":
            return self.sessions(spec, node)
        if kind == "link":
            return self.link(spec, node)
        if kind == "date":
            return self.date(spec, node)
        if kind == "bool":
            if node.kind != SCALAR or node.scalar_type() != "bool":
                return self.wrong_type(spec.name, "bool", node)
            return scalar_value(node)
        raise AssertionError(kind)  # pragma: no cover

    def string(self, field_name: str, node: Node) -> Any:
        if node.kind != SCALAR:
            return self.wrong_type(field_name, "str", node)
        if node.plain and node.scalar_type() == "null":
            return self.wrong_type(field_name, "str", node)
        return node.value

    def number(self, spec: Field, node: Node) -> Any:
        expected = "int" if spec.type == "int" else "number"
        if node.kind != SCALAR:
            return self.wrong_type(spec.name, expected, node)
        kind = node.scalar_type()
        if kind != "int" and not (kind == "float" and spec.type == "number"):
            return self.wrong_type(spec.name, expected, node)
        text: str = node.value  # type: ignore[assignment]
        if (
            len(text) > MAX_NUMBER_CHARS
        ):  # never converted: 400 digits overflow a float, 4300 an int
            return self._out_of_range(spec.name, spec, node, clip(text, SHOWN_NUMBER_CHARS))
        value = scalar_value(node)
        if not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
            return self.wrong_type(spec.name, expected, node)
        if isinstance(value, float) and math.isinf(value):
            if "inf" in text.lower():  # .inf written as such: not a number here
                return self.wrong_type(spec.name, expected, node)
            # A number too large for a float, such as 1e400.
            return self._out_of_range(spec.name, spec, node, clip(text, SHOWN_NUMBER_CHARS))
        value = whole_number(value)
        if not _in_range(value, spec):
            return self._out_of_range(spec.name, spec, node, _fmt(value))
        return value

    def not_a_choice(self, spec: Field, text: str, node: Node) -> Any:
        """Report ``text`` as not one of ``spec.choices`` (PF111), with the closest ones."""
        hint = suggest(text, spec.choices)
        self.report(
            "PF111",
            "schema.bad_enum_hint" if hint else "schema.bad_enum",
            node,
            field=spec.name,
            value=text,
            choices=" | ".join(spec.choices),
            suggestion=", ".join(hint),
        )
        return INVALID

    def _out_of_range(self, name: str, spec: Field, node: Node, shown: str) -> Any:
        """Report ``shown`` (the value, cut to a readable length) as outside ``spec``'s range."""
        low, high = spec.minimum, spec.maximum
        key = "schema.range_gt" if spec.exclusive_minimum and high is None else "schema.range"
        if spec.exclusive_minimum and high is not None:
            key = "schema.range_gt_max"
        bounds = f"{_fmt(low)}..{_fmt(high)}" if high is not None else f"{_fmt(low)}"
        self.report(
            "PF104",
            key,
            node,
            field=name,
            value=shown,
            bounds=bounds,
            low=_fmt(low),
            high=_fmt(high),
        )
        return INVALID

    def text(self, field_name: str, node: Node) -> Any:
        if node.kind == SCALAR:
            value = self.string(field_name, node)
            if value is INVALID:
                return INVALID
            if self.languages is None:
                return {"": value}
            if len(self.languages) > 1:
                self.report(
                    "PF103",
                    "schema.text_needs_langs",
                    node,
                    field=field_name,
                    languages=", ".join(self.languages),
                )
                return INVALID
            return {self.languages[0]: value}
        if node.kind != MAPPING:
            return self.wrong_type(field_name, "text", node)
        texts: dict[str, str] = {}
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            lang = key_node.value
            text = self.string(f"{field_name}.{lang}", value_node)
            if text is INVALID:
                continue
            if self.languages is not None and lang not in self.languages:
                self.report(
                    "PF114",
                    "schema.undeclared_language",
                    key_node,
                    lang=lang,
                    languages=", ".join(self.languages),
                )
            texts[lang] = text  # type: ignore[assignment]
        if not texts:
            self.report("PF104", "schema.empty", node, field=field_name)
            return INVALID
        for lang in self.languages or ():
            if lang not in texts:
                self.report(
                    "PF110", "schema.missing_translation", node, field=field_name, lang=lang
                )
        return texts

    def strings(self, spec: Field, node: Node) -> Any:
        if node.kind != SEQUENCE:
            return self.wrong_type(spec.name, "list", node)
        items: list[str] = []
        for item in node.value:  # type: ignore[attr-defined]
            text = self.string(spec.name, item)
            if text is INVALID:
                return INVALID
            if spec.type == "langs" and not LANG_PATTERN.fullmatch(text):  # type: ignore[arg-type]
                self.report("PF104", "schema.bad_language", item, value=text)
                return INVALID
            if spec.choices and text not in spec.choices:
                return self.not_a_choice(spec, text, item)  # type: ignore[arg-type]
            items.append(text)  # type: ignore[arg-type]
        if spec.type == "langs" and not items:
            self.report("PF104", "schema.empty", node, field=spec.name)
            return INVALID
        return items

    def levels(self, spec: Field, node: Node) -> Any:
        """A mapping of ids to whole numbers within ``spec``'s range (levels, or counts)."""
        if node.kind != MAPPING:
            return self.wrong_type(spec.name, "mapping", node)
        levels: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            name = f"{spec.name}.{key_node.value}"
            if value_node.kind != SCALAR or value_node.scalar_type() != "int":
                self.wrong_type(name, "int", value_node)
                ok = False
                continue
            text: str = value_node.value  # type: ignore[assignment]
            level = None if len(text) > MAX_NUMBER_CHARS else scalar_value(value_node)
            if not isinstance(level, int) or not _in_range(level, spec):
                shown = _fmt(level) if isinstance(level, int) else clip(text, SHOWN_NUMBER_CHARS)
                self._out_of_range(name, spec, value_node, shown)
                ok = False
                continue
            levels[key_node.value] = level  # type: ignore[index]
        return levels if ok else INVALID

    def date(self, spec: Field, node: Node) -> Any:
        """An ISO date, kept as its text (``2027-01-11``), plain or quoted."""
        text = self.string(spec.name, node)
        if text is INVALID:
            return INVALID
        if parse_date(text) is None:  # type: ignore[arg-type]
            self.report("PF104", "schema.bad_date", node, field=spec.name, value=clip(text, 2 * 10))
            return INVALID
        return text

    def sessions(self, spec: Field, node: Node) -> Any:
        """A course's sessions: each a mapping of :data:`~pathfinder.schema.SESSION_FIELDS`,
        ``end`` not before ``start``. References (the site) are checked with the others."""
        if node.kind != SEQUENCE:
            return self.wrong_type(spec.name, "list", node)
        items: list[Node] = node.value  # type: ignore[assignment]
        if spec.maximum is not None and len(items) > spec.maximum:
            self.report(
                "PF104",
                "schema.too_many",
                node,
                field=spec.name,
                count=len(items),
                max=_fmt(spec.maximum),
            )
            return INVALID
        sessions: list[dict[str, Any]] = []
        ok = True
        for item in items:
            session = self.session(item)
            if session is INVALID:
                ok = False
            else:
                sessions.append(session)
        return sessions if ok else INVALID

    def session(self, node: Node) -> Any:
        if node.kind != MAPPING:
            return self.wrong_type("sessions", "mapping", node)
        values, ok = self.sub_fields(SESSION_FIELDS, node, "session")
        if "start" not in values:
            if ok:
                self.report("PF102", "schema.missing_field", node, field="start", kind="session")
            return INVALID
        if "end" in values and values["end"] < values["start"]:  # ISO dates sort as text
            end_node = next(v for k, v in node.value if k.value == "end")  # type: ignore[attr-defined]
            self.report(
                "PF104",
                "schema.session_end_before_start",
                end_node,
                start=values["start"],
                end=values["end"],
            )
            return INVALID
        return values if ok else INVALID

    def sub_fields(
        self, fields: Mapping[str, Field], node: Node, kind: str
    ) -> tuple[dict[str, Any], bool]:
        """The values of a mapping of ``fields`` (a session, a link), and whether all of them
        are valid: unknown keys (PF101) and invalid values are reported and left out."""
        values: dict[str, Any] = {}
        ok = True
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            spec = fields.get(key_node.value)
            if spec is None:
                self.unknown_key(key_node, fields, kind)
                ok = False
                continue
            value = self.value(spec, value_node)
            if value is INVALID:
                ok = False
            else:
                values[key_node.value] = value
        return values, ok

    def link(self, spec: Field, node: Node) -> Any:
        """A course's link to a feed's offer: a mapping of :data:`~pathfinder.schema.LINK_FIELDS`."""
        if node.kind != MAPPING:
            return self.wrong_type(spec.name, "mapping", node)
        values, ok = self.sub_fields(LINK_FIELDS, node, spec.name)
        if not any(key.value == "formation" for key, _ in node.value):  # type: ignore[attr-defined]
            self.report("PF102", "schema.missing_field", node, field="formation", kind=spec.name)
            return INVALID
        return values if ok else INVALID

    def lint(self, node: Node) -> Any:
        if node.kind != MAPPING:
            return self.wrong_type("lint", "mapping", node)
        ignore: list[str] = []
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            if key_node.value != "ignore":
                self.report(
                    "PF101",
                    "schema.unknown_key",
                    key_node,
                    key=key_node.value,
                    kind="lint",
                    suggestion="",
                )
                continue
            codes = self.strings(Field("lint.ignore", "strs"), value_node)
            if codes is INVALID:
                return INVALID
            for code, item in zip(codes, value_node.value, strict=True):  # type: ignore[arg-type]
                if not RULE_CODE_PATTERN.fullmatch(code):
                    self.report("PF104", "schema.bad_rule_code", item, value=code)
                    return INVALID
            ignore.extend(codes)  # type: ignore[arg-type]
        return {"ignore": ignore}


def file_sections(file: ParsedFile, problems: list[Diagnostic]) -> list[tuple[str, object]]:
    """The top-level sections of one file as (kind, node) pairs, checking their shapes: a mapping
    of known section names (PF101), ``catalog`` a mapping and the others lists (PF103)."""
    root = file.root
    if root is None:
        return []
    if root.kind == SCALAR and root.plain and root.scalar_type() == "null":
        return []  # an empty file (or only comments)
    if root.kind != MAPPING:
        problems.append(
            diagnostic("PF103", "schema.top_not_mapping", file.path, root.line, root.column)
        )
        return []
    sections = []
    for key_node, value_node in root.value:  # type: ignore[attr-defined]
        kind = key_node.value
        if kind not in TOP_LEVEL_KEYS:
            hint = suggest(kind, TOP_LEVEL_KEYS)
            problems.append(
                diagnostic(
                    "PF101",
                    "schema.unknown_section_hint" if hint else "schema.unknown_section",
                    file.path,
                    key_node.line,
                    key_node.column,
                    key=kind,
                    suggestion=", ".join(hint),
                    sections=", ".join(TOP_LEVEL_KEYS),
                )
            )
            continue
        expected = MAPPING if kind == "catalog" else SEQUENCE
        if value_node.kind != expected:
            if (
                value_node.kind == SCALAR
                and value_node.plain
                and value_node.scalar_type() == "null"
            ):
                continue  # "courses:" with nothing under it
            problems.append(
                diagnostic(
                    "PF103",
                    f"schema.expected.{'mapping' if expected == MAPPING else 'list'}",
                    file.path,
                    value_node.line,
                    value_node.column,
                    field=kind,
                    got=value_node.describe(),
                )
            )
            continue
        sections.append((kind, value_node))
    return sections


def _describe(node: Node) -> str:
    word = _NODE_WORDS.get(node.kind)
    return f"{word} {node.describe()}" if word else node.describe()


def _in_range(value: float, spec: Field) -> bool:
    """``value`` within ``spec``'s bounds; ints are compared exactly, never turned into floats."""
    low, high = spec.minimum, spec.maximum
    if low is not None and (value <= low if spec.exclusive_minimum else value < low):
        return False
    return high is None or value <= high


def _fmt(value: float | None) -> str:
    """A number for messages: ``21.0`` as ``21``; a huge one cut to a readable length."""
    if value is None:
        return ""
    return clip(str(whole_number(value)), SHOWN_NUMBER_CHARS)
