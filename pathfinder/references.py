"""Whole-catalog checks once every file is read: duplicate ids, references to other entries, and
levels above a skill's ``max_level``. Each problem points at the exact key or value that is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .diagnostics import Diagnostic
from .model import singular
from .rules import diagnostic
from .schema import FIELDS
from .textsearch import suggest
from .validate import RawEntry
from .yamlsource import MAPPING, Node

DEFAULT_MAX_LEVEL = 3


def check_duplicates(
    entries: Iterable[RawEntry],
) -> tuple[dict[str, dict[str, RawEntry]], list[Diagnostic]]:
    """Index entries by kind and id; every repeat of an id is an error naming the first place."""
    tables: dict[str, dict[str, RawEntry]] = {kind: {} for kind in FIELDS if kind != "catalog"}
    problems: list[Diagnostic] = []
    for entry in entries:
        table = tables[entry.kind]
        first = table.get(entry.id)
        if first is None:
            table[entry.id] = entry
            continue
        node = entry.nodes["id"]
        problems.append(
            diagnostic(
                "PF106",
                "ref.duplicate_id",
                entry.path,
                node.line,
                node.column,
                node.end_line,
                node.end_column,
                kind=singular(entry.kind),
                id=entry.id,
                first=f"{first.path}:{first.nodes['id'].line}:{first.nodes['id'].column}",
            )
        )
    return tables, problems


class ReferenceChecker:
    """Checks that every id an entry names exists, with "did you mean" suggestions."""

    def __init__(self, tables: Mapping[str, Mapping[str, RawEntry]]) -> None:
        self.tables = tables
        self.max_level = {
            skill_id: entry.values.get("max_level", DEFAULT_MAX_LEVEL)
            for skill_id, entry in tables["skills"].items()
        }
        self.problems: list[Diagnostic] = []
        self._suggestions: dict[tuple[str, str], list[str]] = {}

    def run(self) -> list[Diagnostic]:
        for kind, table in self.tables.items():
            for entry in table.values():
                self._entry(kind, entry)
        return self.problems

    def _entry(self, kind: str, entry: RawEntry) -> None:
        for spec in FIELDS[kind]:
            node = entry.nodes.get(spec.name)
            if node is None or spec.name not in entry.values:
                continue
            if spec.type == "ref":
                self._ref(entry, spec.ref, node)  # type: ignore[arg-type]
            elif spec.type == "refs":
                for item in node.value:  # type: ignore[attr-defined]
                    self._ref(entry, spec.ref, item)  # type: ignore[arg-type]
            elif spec.type == "counts":
                for key_node, _ in node.value:  # type: ignore[attr-defined]
                    self._ref(entry, spec.ref, key_node)  # type: ignore[arg-type]
            elif spec.type == "levels":
                self._levels(entry, node)
            elif spec.type == "levels-list":
                for group in node.value:  # type: ignore[attr-defined]
                    self._levels(entry, group)
        if kind == "courses" and entry.values.get("format") in ("onsite", "hybrid"):
            if "sites" not in entry.nodes or entry.values.get("sites") == []:
                node = entry.nodes.get("sites") or entry.nodes.get("format") or entry.node
                fmt = entry.values["format"]
                self._report("PF113", "ref.missing_sites", entry, node, id=entry.id, format=fmt)
        if kind == "courses" and "sessions" in entry.values:
            self._sessions(entry, entry.nodes["sessions"])

    def _sessions(self, entry: RawEntry, node: Node) -> None:
        """Each session fits its course: a site of the course's, or online for a course that can
        be taken online (PF116); its site exists (PF107)."""
        fmt = entry.values.get("format")
        sites = entry.values.get("sites") or []
        listed = ", ".join(sites) or "-"
        for item, session in zip(node.value, entry.values["sessions"], strict=True):  # type: ignore[arg-type]
            fields = {key.value: value for key, value in item.value}
            site, online = session.get("site"), session.get("online", False)
            if site is not None and online:
                problem, at = "ref.session_site_and_online", fields["online"]
            elif online and fmt == "onsite":
                problem, at = "ref.session_online_not_allowed", fields["online"]
            elif site is not None and fmt == "online":
                problem, at = "ref.session_site_online_course", fields["site"]
            elif site is not None and site not in sites:
                if not self._ref(entry, "sites", fields["site"]):
                    continue
                problem, at = "ref.session_site_not_listed", fields["site"]
            elif site is None and not online and fmt != "online":
                problem, at = "ref.session_where", item
            else:
                continue
            self._report("PF116", problem, entry, at, id=entry.id, site=site, sites=listed)

    def _levels(self, entry: RawEntry, node: Node) -> None:
        if node.kind != MAPPING:
            return
        for key_node, value_node in node.value:  # type: ignore[attr-defined]
            skill = key_node.value
            if not self._ref(entry, "skills", key_node):
                continue
            level = int(value_node.value)  # type: ignore[arg-type]
            top = self.max_level[skill]  # type: ignore[index]
            if level > top:
                self._report(
                    "PF108",
                    "ref.level_above_max",
                    entry,
                    value_node,
                    skill=skill,
                    level=level,
                    max=top,
                )

    def _ref(self, entry: RawEntry, kind: str, node: Node) -> bool:
        target = node.value
        if not isinstance(target, str) or target in self.tables[kind]:
            return True
        cache_key = (kind, target)
        hint = self._suggestions.get(cache_key)
        if hint is None:
            hint = self._suggestions[cache_key] = suggest(target, self.tables[kind])
        self._report(
            "PF107",
            "ref.unknown_hint" if hint else "ref.unknown",
            entry,
            node,
            kind=singular(kind),
            id=target,
            suggestion=", ".join(hint),
        )
        return False

    def _report(
        self, code: str, key: str, entry: RawEntry, node: Node, /, **params: object
    ) -> None:
        self.problems.append(
            diagnostic(
                code,
                key,
                entry.path,
                node.line,
                node.column,
                node.end_line,
                node.end_column,
                **params,
            )
        )


def check_references(tables: Mapping[str, Mapping[str, RawEntry]]) -> list[Diagnostic]:
    return ReferenceChecker(tables).run()
