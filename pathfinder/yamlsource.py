"""Safe, bounded YAML reading that keeps every line and column.

PyYAML's loaders accept duplicate keys silently, turn ``no`` into ``False`` and follow aliases
without limit. Here libyaml (through PyYAML's C parser) only tokenises; this module builds its own
small node tree from the parser's events, so that it can

- refuse duplicate keys (naming both places), explicit tags other than YAML's core ones, nesting
  deeper than ``MAX_DEPTH`` and alias expansion beyond ``MAX_ALIAS_NODES``;
- keep each scalar's raw text and style, so the schema decides its type (``no`` stays "no" where a
  name is expected) and a plain ``yes``/``on`` can be flagged;
- report encoding problems, a BOM and tab indentation in words, never as a traceback.

It owns the reading rules (PF0xx, and PF301 found while parsing): other modules refer to them
through :data:`UNREADABLE`, :data:`NOT_PARSED` and :func:`unreadable_path`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .errors import YamlFileError
from .rules import diagnostic

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_NUMBER_CHARS = 100
"""A plain number written with more characters is never converted: Python refuses to parse an
int of more than 4,300 digits, and one of 400 digits overflows a float. It reads as a
:class:`HugeNumber`, which no field accepts."""

CORE_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {CORE_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}

SCALAR, MAPPING, SEQUENCE = "scalar", "mapping", "sequence"

UNREADABLE = "PF010"
"""The rule of a path that cannot be read: a file (:func:`read_file`) or a directory of the
catalog (:func:`unreadable_path`). ``pathfinder lint`` exits with status 2 on it."""
NOT_PARSED = frozenset({"PF001", "PF007", "PF009"})
"""The errors that leave a file's content unknown (YAML syntax, an encoding other than UTF-8, tab
indentation): catalog-wide conclusions such as "no ``catalog:`` block" wait until they are fixed."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
"""Plain scalars that YAML 1.1 tools (and PyYAML) read as booleans."""
_INT = re.compile(r"^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class Node:
    """A YAML node: a scalar (raw text), a mapping (list of key/value node pairs) or a sequence.

    Positions are 1-based. ``plain`` is True for unquoted scalars, whose type depends on the text.
    """

    __slots__ = ("kind", "value", "line", "column", "end_line", "end_column", "plain", "tag")

    def __init__(
        self,
        kind: str,
        value: Any,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        plain: bool = False,
        tag: str | None = None,
    ) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.plain = plain
        self.tag = tag

    def __repr__(self) -> str:
        return f"Node({self.kind}, {self.value!r}, {self.line}:{self.column})"

    # -- scalar typing (YAML 1.2 core schema) --------------------------------------------------
    def scalar_type(self) -> str:
        """``"null"``, ``"bool"``, ``"int"``, ``"float"`` or ``"str"`` for a scalar node."""
        text = self.value
        assert isinstance(text, str)
        if self.tag is not None:
            return self.tag[len(CORE_TAG) :]
        if not self.plain:
            return "str"
        if _NULL.fullmatch(text):
            return "null"
        if text in _BOOL:
            return "bool"
        if _INT.fullmatch(text):
            return "int"
        if _FLOAT.fullmatch(text):
            return "float"
        return "str"

    @property
    def is_yaml11_bool(self) -> bool:
        """A plain ``yes``/``no``/``on``/``off``: YAML 1.1 tools read it as a boolean."""
        return (
            self.kind == SCALAR
            and self.plain
            and self.tag is None
            and bool(_YAML11_BOOL.fullmatch(self.value))  # type: ignore[arg-type]
        )

    def to_python(self) -> object:
        """Plain Python data, scalars typed by the YAML 1.2 core schema."""
        if self.kind == MAPPING:
            return {key.value: value.to_python() for key, value in self.value}  # type: ignore[attr-defined]
        if self.kind == SEQUENCE:
            return [item.to_python() for item in self.value]  # type: ignore[attr-defined]
        return scalar_value(self)

    def describe(self) -> str:
        """A short, language-neutral rendering of the node for messages: ``'abc'``, ``[…]``, ``{…}``."""
        if self.kind == MAPPING:
            return "{…}"
        if self.kind == SEQUENCE:
            return "[…]"
        text = str(self.value)
        if len(text) > 40:
            text = text[:37] + "…"
        return text if self.plain and self.scalar_type() != "str" else repr(text)


class HugeNumber(str):
    """The text of a number too long to convert (more than ``MAX_NUMBER_CHARS`` characters).

    Not an int nor a float, so every numeric check refuses it; messages show its first digits.
    """

    __slots__ = ()


def scalar_value(node: Node) -> object:
    """The typed value of a scalar node (None, bool, int, float or str). A number written with
    more than ``MAX_NUMBER_CHARS`` characters stays its text, as a :class:`HugeNumber`."""
    text: str = node.value  # type: ignore[assignment]
    kind = node.scalar_type()
    if kind == "null":
        return None
    if kind == "bool":
        return _BOOL.get(text, text.lower() == "true")
    if kind in ("int", "float") and len(text) > MAX_NUMBER_CHARS:
        return HugeNumber(text)
    if kind == "int":
        try:
            return int(text, 0) if text.lstrip("+-")[:2] in ("0o", "0x") else int(text)
        except ValueError:
            return text
    if kind == "float":
        try:
            return float(
                text.replace(".inf", "inf")
                .replace(".Inf", "inf")
                .replace(".INF", "inf")
                .replace(".nan", "nan")
                .replace(".NaN", "nan")
                .replace(".NAN", "nan")
            )
        except ValueError:
            return text
    return text


@dataclass
class ParsedFile:
    """One file's node tree (None when it could not be read) and the problems found reading it."""

    path: str
    root: Node | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""
    lines: list[str] | None = None
    """The decoded text's lines, kept for suppression comments and style checks."""


class _TreeBuilder:
    """Builds nodes from the C parser's events, enforcing the limits as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.alias_nodes = 0
        self.weight = 0
        """Nodes built so far, an alias counting as the nodes it stands for."""

    def error(self, code: str, key: str, line: int, column: int, /, **params: object) -> None:
        self.diagnostics.append(diagnostic(code, key, self.path, line, column, **params))

    def build(self, text: str) -> Node | None:
        loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
        try:
            return self._documents(loader)
        finally:
            loader.dispose()

    def _documents(self, loader: Any) -> Node | None:
        get = loader.get_event
        root: Node | None = None
        documents = 0
        event = get()  # StreamStart
        while True:
            event = get()
            if isinstance(event, yaml.StreamEndEvent):
                return root
            # DocumentStart
            documents += 1
            node = self._node(get, get(), 1)
            if node is None:
                return None
            get()  # DocumentEnd
            if documents == 1:
                root = node
            elif documents == 2:
                mark = event.start_mark
                self.error("PF001", "yaml.several_documents", mark.line + 1, mark.column + 1)

    def _node(self, get: Callable[[], Any], event: Any, depth: int) -> Node | None:
        """Read one node; recursive in depth only, which MAX_DEPTH bounds."""
        start = event.start_mark
        if depth > MAX_DEPTH:
            self.error("PF005", "yaml.too_deep", start.line + 1, start.column + 1, limit=MAX_DEPTH)
            return None
        cls = type(event)
        if cls is yaml.AliasEvent:
            return self._alias(event)
        tag = self._tag(event)
        weight_before = self.weight
        self.weight += 1
        node: Node | None
        if cls is yaml.ScalarEvent:
            end = event.end_mark
            value = event.value
            plain = event.implicit[0] and tag is None
            node = Node(
                SCALAR,
                value,
                start.line + 1,
                start.column + 1,
                end.line + 1,
                end.column + 1,
                plain,
                tag,
            )
            if plain and len(value) <= 3 and _YAML11_BOOL.fullmatch(value):
                self.error("PF301", "yaml.yaml11_bool", node.line, node.column, value=value)
        elif cls is yaml.MappingStartEvent:
            node = self._mapping(get, event, depth)
        else:
            node = self._sequence(get, event, depth)
        if node is not None and event.anchor is not None:
            self.anchors[event.anchor] = (node, self.weight - weight_before)
        return node

    def _tag(self, event: Any) -> str | None:
        tag = getattr(event, "tag", None)
        if tag is None or tag in ALLOWED_TAGS:
            return tag
        if tag == "!":  # the non-specific tag of a quoted scalar: a string
            return CORE_TAG + "str" if type(event) is yaml.ScalarEvent else None
        mark = event.start_mark
        self.error("PF003", "yaml.tag", mark.line + 1, mark.column + 1, tag=tag)
        return None

    def _mapping(self, get: Callable[[], Any], start_event: Any, depth: int) -> Node | None:
        start = start_event.start_mark
        pairs: list[tuple[Node, Node]] = []
        seen: dict[str, Node] = {}
        while True:
            event: Any = get()
            if type(event) is yaml.MappingEndEvent:
                break
            key = self._node(get, event, depth + 1)
            value = self._node(get, get(), depth + 1) if key is not None else None
            if key is None or value is None:
                return None
            if key.kind != SCALAR:
                self.error("PF001", "yaml.complex_key", key.line, key.column)
                continue
            previous = seen.get(key.value)  # type: ignore[arg-type]
            if previous is not None:
                self.error(
                    "PF002",
                    "yaml.duplicate_key",
                    key.line,
                    key.column,
                    name=key.value,
                    first_line=previous.line,
                    first_column=previous.column,
                )
                continue
            seen[key.value] = key  # type: ignore[index]
            pairs.append((key, value))
        end: Any = event.end_mark
        return Node(MAPPING, pairs, start.line + 1, start.column + 1, end.line + 1, end.column + 1)

    def _sequence(self, get: Callable[[], Any], start_event: Any, depth: int) -> Node | None:
        start = start_event.start_mark
        items: list[Node] = []
        while True:
            event: Any = get()
            if type(event) is yaml.SequenceEndEvent:
                break
            item = self._node(get, event, depth + 1)
            if item is None:
                return None
            items.append(item)
        end: Any = event.end_mark
        return Node(SEQUENCE, items, start.line + 1, start.column + 1, end.line + 1, end.column + 1)

    def _alias(self, event: Any) -> Node | None:
        mark = event.start_mark
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self.error(
                "PF001", "yaml.undefined_alias", mark.line + 1, mark.column + 1, anchor=event.anchor
            )
            return None
        node, size = anchored
        self.weight += size
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            self.error(
                "PF006", "yaml.alias_limit", mark.line + 1, mark.column + 1, limit=MAX_ALIAS_NODES
            )
            return None
        return node


_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


def parse_bytes(data: bytes, path: str) -> ParsedFile:
    """Decode and parse one YAML file's bytes; every problem becomes a diagnostic."""
    parsed = ParsedFile(path=path, root=None, sha256=hashlib.sha256(data).hexdigest())
    if len(data) > MAX_FILE_BYTES:
        parsed.diagnostics.append(
            diagnostic(
                "PF004",
                "yaml.too_large",
                path,
                1,
                1,
                size_mb=round(len(data) / 2**20, 1),
                limit_mb=MAX_FILE_BYTES // 2**20,
            )
        )
        return parsed
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        parsed.diagnostics.append(diagnostic("PF007", "yaml.utf16", path, 1, 1))
        return parsed
    if data.startswith(b"\xef\xbb\xbf"):
        parsed.diagnostics.append(diagnostic("PF008", "yaml.bom", path, 1, 1))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        parsed.diagnostics.append(
            diagnostic("PF007", "yaml.not_utf8", path, line, column, byte=byte)
        )
        return parsed
    return parse_text(text, path, parsed)


def parse_text(text: str, path: str, parsed: ParsedFile | None = None) -> ParsedFile:
    """Parse YAML text into a node tree, collecting diagnostics instead of raising."""
    if parsed is None:
        parsed = ParsedFile(
            path=path, root=None, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
        )
    parsed.lines = text.splitlines()
    if "\t" in text:
        for match in _TAB_INDENT.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.end() - match.start()
            parsed.diagnostics.append(diagnostic("PF009", "yaml.tab", path, line, column))
        if any(d.code == "PF009" for d in parsed.diagnostics):
            return parsed
    builder = _TreeBuilder(path)
    try:
        parsed.root = builder.build(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _parser_depth_limit(error):
            # libyaml (PyYAML >= 6.0.4) has a nesting limit of its own, and its scanner can reach
            # it before the tree builder reaches MAX_DEPTH: the same problem, the same rule.
            builder.error("PF005", "yaml.too_deep", line, column, limit=MAX_DEPTH)
        else:
            problem = " ".join(part for part in (error.problem, error.context) if part) or str(
                error
            )
            builder.error("PF001", "yaml.syntax", line, column, problem=problem)
        parsed.root = None
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        mark = getattr(error, "position", None)
        builder.error("PF001", "yaml.syntax", 1, 1, problem=str(error).splitlines()[0])
        del mark
        parsed.root = None
    parsed.diagnostics.extend(builder.diagnostics)
    if any(d.is_error and d.code in ("PF005", "PF006") for d in builder.diagnostics):
        parsed.root = None
    return parsed


def _parser_depth_limit(error: yaml.MarkedYAMLError) -> bool:
    """The parser's own nesting limit ("exceeded maximum nesting depth while increasing flow level")."""
    return "nesting depth" in (error.problem or "")


def read_file(path: Path, display: str) -> bytes | Diagnostic:
    """The bytes of one input file, or the diagnostic saying why not: PF010 for a path that
    cannot be read or is not a regular file (a FIFO, a device, a directory), PF004 for a file
    larger than ``MAX_FILE_BYTES``. Nothing is read from a refused file (see
    :mod:`pathfinder.boundedread`)."""
    from .boundedread import FileTooLargeError, NotRegularFileError, read_bounded

    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except NotRegularFileError as error:
        return diagnostic(UNREADABLE, f"yaml.not_regular.{error.kind}", display, 1, 1)
    except FileTooLargeError as error:
        return diagnostic(
            "PF004",
            "yaml.too_large",
            display,
            1,
            1,
            size_mb=round(error.size / 2**20, 1),
            limit_mb=MAX_FILE_BYTES // 2**20,
        )
    except OSError as error:
        return unreadable_path(display, error)


def unreadable_path(display: str, error: OSError, *, directory: bool = False) -> Diagnostic:
    """PF010 for a file, or with ``directory`` a directory of the catalog, that cannot be read."""
    key = "yaml.unreadable_dir" if directory else "yaml.unreadable"
    return diagnostic(UNREADABLE, key, display, 1, 1, reason=error.strerror or str(error))


def parse_file(path: Path, display: str | None = None) -> ParsedFile:
    """Read and parse one file. Unreadable, special and oversized files are diagnostics too."""
    shown = display or str(path)
    data = read_file(path, shown)
    if isinstance(data, Diagnostic):
        parsed = ParsedFile(path=shown, root=None)
        parsed.diagnostics.append(data)
        return parsed
    return parse_bytes(data, shown)


def read_yaml(path: Path | str) -> object:
    """Plain Python data from a small YAML file (a profile, say); the first error raises.

    Raises :class:`PathfinderError` with the file, line and column of the problem.
    """
    root = read_yaml_node(path)
    return None if root is None else root.to_python()


def read_yaml_node(path: Path | str) -> Node | None:
    """The node tree of a small YAML file (None when empty), positions kept; the first error
    raises :class:`PathfinderError` with the file, line and column of the problem."""
    parsed = parse_file(Path(path))
    errors = [d for d in parsed.diagnostics if d.is_error]
    if errors:
        raise YamlFileError(errors[0])
    return parsed.root
