"""Read a basin file (YAML): a title, the objective, the horizon, the workforce as groups and,
optionally, the openings. Every problem is a diagnostic (:mod:`.problems`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path

from ..diagnostics import Diagnostic
from ..limits import OPENINGS_MAX
from ..model import Catalog
from ..profile import field_positions
from ..yamlsource import MAPPING, SCALAR, SEQUENCE, Node, parse_bytes, read_file
from .basin import Basin, Group, Horizon, Opening
from .group_fields import GROUP_FIELDS, checked_profile
from .problems import problem

MAX_BASIN_BYTES = 20 * 1024 * 1024
"""A basin file, a CSV of people: bigger is refused before it is read (a basin of 50,000 people
takes a few MB)."""
COUNT_MAX = 1_000_000
"""People in one group."""
GROUPS_MAX = 200_000
TOP_KEYS = ("basin", "optimize", "horizon", "workforce", "openings")
GROUP_KEYS = ("id", "count", *GROUP_FIELDS)
OPENING_KEYS = ("job", "site", "count")


def read_bounded_input(file: Path, path: str) -> bytes | Diagnostic:
    """The bytes of a basin file or CSV, or the problem: bigger than :data:`MAX_BASIN_BYTES`
    (nothing read), not a regular file, unreadable."""
    from ..boundedread import FileTooLargeError, read_bounded

    try:
        return read_bounded(file, MAX_BASIN_BYTES)
    except FileTooLargeError as error:
        return problem(
            "PB103",
            "basin.too_large",
            path,
            1,
            1,
            size_mb=round(error.size / 2**20, 1),
            limit_mb=MAX_BASIN_BYTES // 2**20,
        )
    except OSError:
        return read_file(file, path)  # not regular, unreadable: the reading rules say it


def _pairs(node: Node) -> Iterator[tuple[str, Node, Node]]:
    for key, value in node.value:
        yield str(key.value), key, value


def _unknown(name: str, known: tuple[str, ...], key: Node, path: str) -> Diagnostic:
    return _unknown_name(name, known, path, key.line, key.column)


def _unknown_name(
    name: str, known: tuple[str, ...], path: str, line: int, column: int
) -> Diagnostic:
    """PB101: a key (or a CSV column) that is not one of ``known``, with "did you mean"."""
    from ..safetext import clip
    from ..textsearch import suggest

    shown = clip(name, 40)
    hints = suggest(shown, known, limit=1)
    if hints:
        return problem(
            "PB101", "basin.unknown_key_hint", path, line, column, key=shown, suggestion=hints[0]
        )
    return problem(
        "PB101", "basin.unknown_key", path, line, column, key=shown, keys=", ".join(known)
    )


def _entries(
    node: Node, known: tuple[str, ...], expected: str, path: str, found: list[Diagnostic]
) -> Iterator[tuple[Node, dict[str, Node], bool]]:
    """Each mapping of the sequence ``node`` with its values by key, and whether it had an
    unknown key; the problems (an item that is not a mapping, an unknown key) go to ``found``."""
    for item in node.value:
        if item.kind != MAPPING:
            found.append(
                problem("PB103", expected, path, item.line, item.column, got=item.describe())
            )
            continue
        values: dict[str, Node] = {}
        unknown = False
        for name, key, value in _pairs(item):
            if name in known:
                values[name] = value
            else:
                found.append(_unknown(name, known, key, path))
                unknown = True
        yield item, values, unknown


def _count(node: Node, path: str, high: int, field: str) -> int | Diagnostic:
    value = node.to_python()
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= high:
        return problem(
            "PB103",
            "basin.expected_count",
            path,
            node.line,
            node.column,
            field=field,
            high=high,
            got=node.describe(),
        )
    return value


def _day(node: Node, path: str, field: str) -> date | Diagnostic:
    from ..dates import parse_date

    value = node.to_python()
    if isinstance(value, date) and not isinstance(value, datetime):
        value = value.isoformat()
    day = parse_date(value) if isinstance(value, str) else None
    if day is None:
        return problem(
            "PB103",
            "basin.expected_date",
            path,
            node.line,
            node.column,
            field=field,
            got=node.describe(),
        )
    return day


def read_basin_file(
    file: Path, catalog: Catalog, shown: str | None = None
) -> Basin | list[Diagnostic]:
    """The basin in ``file``, or every problem found in it."""
    path = shown or str(file)
    data = read_bounded_input(file, path)
    if isinstance(data, Diagnostic):
        return [data]
    parsed = parse_bytes(data, path)
    errors = [d for d in parsed.diagnostics if d.is_error]
    if errors:
        return errors
    root = parsed.root
    if root is None or root.kind != MAPPING:
        line, column = (1, 1) if root is None else (root.line, root.column)
        return [problem("PB102", "basin.not_mapping", path, line, column)]
    return _basin(root, catalog, path, file.stem)


def _basin(root: Node, catalog: Catalog, path: str, stem: str) -> Basin | list[Diagnostic]:
    found: list[Diagnostic] = []
    fields = {}
    for name, key, value in _pairs(root):
        if name not in TOP_KEYS:
            found.append(_unknown(name, TOP_KEYS, key, path))
        else:
            fields[name] = value
    title = stem
    if "basin" in fields:
        node = fields["basin"]
        if node.kind != SCALAR or not isinstance(node.to_python(), str) or not node.value.strip():
            found.append(
                problem(
                    "PB103",
                    "basin.expected_text",
                    path,
                    node.line,
                    node.column,
                    field="basin",
                    got=node.describe(),
                )
            )
        else:
            from ..safetext import clip

            title = clip(node.value.strip(), 200)
    optimize = None
    if "optimize" in fields:
        from .planner import OBJECTIVES

        node = fields["optimize"]
        if node.to_python() not in OBJECTIVES:
            found.append(
                problem(
                    "PB103",
                    "basin.expected_choice",
                    path,
                    node.line,
                    node.column,
                    field="optimize",
                    choices=", ".join(OBJECTIVES),
                    got=node.describe(),
                )
            )
        else:
            optimize = str(node.to_python())
    horizon = _horizon(fields.get("horizon"), path, found)
    groups = _groups(fields.get("workforce"), root, catalog, path, found)
    openings = _openings(fields.get("openings"), catalog, path, found)
    if found:
        return found
    return Basin(title, tuple(groups), openings, optimize, horizon, path)


def _horizon(node: Node | None, path: str, found: list[Diagnostic]) -> Horizon | None:
    if node is None:
        return None
    if node.kind != MAPPING:
        found.append(
            problem(
                "PB103", "basin.expected_horizon", path, node.line, node.column, got=node.describe()
            )
        )
        return None
    ends: dict[str, date] = {}
    for name, key, value in _pairs(node):
        if name not in ("from", "to"):
            found.append(_unknown(name, ("from", "to"), key, path))
            continue
        day = _day(value, path, f"horizon.{name}")
        if isinstance(day, Diagnostic):
            found.append(day)
        else:
            ends[name] = day
    for name in ("from", "to"):
        if name not in ends and not any(k.value == name for k, _ in node.value):
            found.append(
                problem(
                    "PB102", "basin.missing", path, node.line, node.column, field=f"horizon.{name}"
                )
            )
    if "from" in ends and "to" in ends:
        if ends["from"] > ends["to"]:
            found.append(problem("PB103", "basin.horizon_order", path, node.line, node.column))
            return None
        return Horizon(ends["from"], ends["to"])
    return None


def _groups(
    node: Node | None, root: Node, catalog: Catalog, path: str, found: list[Diagnostic]
) -> list[Group]:
    if node is None:
        found.append(
            problem("PB102", "basin.missing", path, root.line, root.column, field="workforce")
        )
        return []
    if node.kind != SEQUENCE or not node.value:
        found.append(
            problem(
                "PB103", "basin.expected_groups", path, node.line, node.column, got=node.describe()
            )
        )
        return []
    if len(node.value) > GROUPS_MAX:
        found.append(
            problem("PB103", "basin.too_many_groups", path, node.line, node.column, high=GROUPS_MAX)
        )
        return []
    groups: list[Group] = []
    seen: dict[str, Node] = {}
    for item, values, bad in _entries(node, GROUP_KEYS, "basin.expected_group", path, found):
        group_id = None
        id_node = values.get("id")
        if id_node is None:
            found.append(
                problem("PB102", "basin.missing", path, item.line, item.column, field="id")
            )
            bad = True
        elif (
            id_node.kind != SCALAR
            or not isinstance(id_node.to_python(), str)
            or not str(id_node.value).strip()
        ):
            found.append(
                problem(
                    "PB103",
                    "basin.expected_text",
                    path,
                    id_node.line,
                    id_node.column,
                    field="id",
                    got=id_node.describe(),
                )
            )
            bad = True
        else:
            from ..safetext import clip

            group_id = clip(str(id_node.value).strip(), 100)
            if group_id in seen:
                first = seen[group_id]
                found.append(
                    problem(
                        "PB106",
                        "basin.duplicate_group",
                        path,
                        id_node.line,
                        id_node.column,
                        id=group_id,
                        line=first.line,
                    )
                )
                bad = True
            else:
                seen[group_id] = id_node
        count: int | Diagnostic = 1
        if "count" not in values:
            found.append(
                problem("PB102", "basin.missing", path, item.line, item.column, field="count")
            )
            bad = True
        else:
            count = _count(values["count"], path, COUNT_MAX, "count")
            if isinstance(count, Diagnostic):
                found.append(count)
                bad = True
        data = {name: value.to_python() for name, value in values.items() if name in GROUP_FIELDS}
        positions = {
            name: where
            for name, where in field_positions(item).items()
            if name.split(".")[0] in GROUP_FIELDS
        }
        profile = checked_profile(data, positions, catalog, path, (item.line, item.column))
        if isinstance(profile, Diagnostic):
            found.append(profile)
            continue
        if not bad:
            assert group_id is not None and isinstance(count, int)
            groups.append(Group(group_id, count, profile))
    return groups


def _openings(
    node: Node | None, catalog: Catalog, path: str, found: list[Diagnostic]
) -> tuple[Opening, ...] | None:
    from ..textsearch import suggest

    if node is None:
        return None
    if node.kind != SEQUENCE:
        found.append(
            problem(
                "PB103",
                "basin.expected_openings",
                path,
                node.line,
                node.column,
                got=node.describe(),
            )
        )
        return None
    openings: dict[tuple[str, str], Opening] = {}
    for item, values, _ in _entries(node, OPENING_KEYS, "basin.expected_opening", path, found):
        missing = [name for name in OPENING_KEYS if name not in values]
        for name in missing:
            found.append(
                problem("PB102", "basin.missing", path, item.line, item.column, field=name)
            )
        if missing:
            continue
        ok = True
        tables: tuple[tuple[str, Mapping[str, object]], ...] = (
            ("job", catalog.jobs),
            ("site", catalog.sites),
        )
        for name, table in tables:
            kind = name
            given = values[name].to_python()
            if not isinstance(given, str) or given not in table:
                ok = False
                text = str(given)
                hints: list[str] = suggest(text, table) if isinstance(given, str) else []
                found.append(
                    problem(
                        "PB107",
                        "basin.unknown_id_hint" if hints else "basin.unknown_id",
                        path,
                        values[name].line,
                        values[name].column,
                        kind=kind,
                        id=text[:100],
                        suggestion=", ".join(hints),
                    )
                )
        count = _count(values["count"], path, OPENINGS_MAX, "count")
        if isinstance(count, Diagnostic):
            found.append(count)
            ok = False
        if ok:
            assert isinstance(count, int)
            job, site = str(values["job"].value), str(values["site"].value)
            previous = openings.get((job, site))
            openings[(job, site)] = Opening(job, site, count + (previous.count if previous else 0))
    return tuple(openings[key] for key in sorted(openings))
