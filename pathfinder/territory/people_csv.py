"""Read a CSV of people: one row per person, a ``reference`` column, then profile fields as
columns named like the profile's (``jobs``, ``funding`` and ``exclude_courses`` separated by
``;``, ``skills`` as ``id=level;…``, ``home`` as anything ``--home`` accepts, ``online`` as
``true``/``false``; an empty cell: the field is not given). People with the same profile form
one group, named after its first person's reference. Problems are placed at ``path:line:column``
(the line the row starts on in the file, the header's being 1; the column: the cell's number)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Catalog
from ..profile import Profile
from .basin import Basin, grouped
from .basin_file import GROUPS_MAX, _unknown_name, read_bounded_input
from .group_fields import GROUP_FIELDS, checked_profile
from .problems import problem

LISTS = ("jobs", "funding", "exclude_courses")
NUMBERS = ("mobility_km", "max_hours", "max_weeks", "budget_eur")
COLUMNS = ("reference", *GROUP_FIELDS)


def read_people_csv(
    file: Path, catalog: Catalog, shown: str | None = None
) -> Basin | list[Diagnostic]:
    path = shown or str(file)
    raw = read_bounded_input(file, path)
    if isinstance(raw, Diagnostic):
        return [raw]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return [problem("PB103", "basin.csv_not_utf8", path, line, 1)]
    found: list[Diagnostic] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []  # the file line each row starts on (a quoted cell may hold newlines)
    try:
        for row in reader:
            lines.append(reader.line_num - (row_lines(row) - 1))
            rows.append(row)
    except csv.Error as error:
        line = reader.line_num or 1
        return [problem("PB103", "basin.csv_syntax", path, line, 1, problem=str(error)[:200])]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return [problem("PB102", "basin.csv_no_header", path, 1, 1)]
    header = [cell.strip() for cell in rows[0]]
    for position, name in enumerate(header, start=1):
        if name not in COLUMNS:
            found.append(_unknown_name(name, COLUMNS, path, 1, position))
        elif header.index(name) != position - 1:
            found.append(
                problem("PB106", "basin.csv_duplicate_column", path, 1, position, column_name=name)
            )
    if "reference" not in header:
        found.append(problem("PB102", "basin.missing", path, 1, 1, field="reference"))
    if found:
        return found
    if len(rows) - 1 > GROUPS_MAX * 10:
        return [problem("PB103", "basin.too_many_people", path, 1, 1, high=GROUPS_MAX * 10)]
    people: dict[Profile, list[str]] = {}
    seen: dict[str, int] = {}
    for row_number, row in zip(lines[1:], rows[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) > len(header):
            found.append(
                problem(
                    "PB103",
                    "basin.csv_extra_cells",
                    path,
                    row_number,
                    len(header) + 1,
                    count=len(row),
                )
            )
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for i, name in enumerate(header)}
        column_of = {name: i + 1 for i, name in enumerate(header)}
        reference = cells["reference"]
        if not reference:
            found.append(
                problem(
                    "PB102",
                    "basin.missing",
                    path,
                    row_number,
                    column_of["reference"],
                    field="reference",
                )
            )
            continue
        if reference in seen:
            found.append(
                problem(
                    "PB106",
                    "basin.duplicate_reference",
                    path,
                    row_number,
                    column_of["reference"],
                    id=reference[:100],
                    line=seen[reference],
                )
            )
            continue
        seen[reference] = row_number
        data: dict[str, object] = {}
        bad = False
        for name, cell in cells.items():
            if name == "reference" or not cell:
                continue
            value = _value(name, cell)
            if value is None:
                found.append(
                    problem(
                        "PB103",
                        f"basin.csv_bad_{_shape(name)}",
                        path,
                        row_number,
                        column_of[name],
                        field=name,
                        got=cell[:40],
                    )
                )
                bad = True
            else:
                data[name] = value
        if bad:
            continue
        positions = {name: (row_number, column_of[name]) for name in data}  # skills.x: its cell
        profile = checked_profile(data, positions, catalog, path, (row_number, 1))
        if isinstance(profile, Diagnostic):
            found.append(profile)
            continue
        people.setdefault(profile, []).append(reference)
    if found:
        return found
    if not people:
        return [problem("PB102", "basin.csv_no_people", path, 1, 1)]
    return Basin(file.stem, grouped(people), source=path)


def row_lines(row: list[str]) -> int:
    """How many file lines a row spans (its quoted cells' newlines, plus one)."""
    return 1 + sum(cell.count("\n") for cell in row)


def _shape(name: str) -> str:
    if name in LISTS:
        return "list"
    if name in NUMBERS:
        return "number"
    return {"skills": "skills", "online": "bool", "home": "home", "start": "date"}[name]


def _value(name: str, cell: str) -> object | None:
    """A cell as the profile field's plain data; None when it cannot be one."""
    if name in LISTS:
        items = [item.strip() for item in cell.split(";")]
        return items if all(items) else None
    if name in NUMBERS:
        try:
            number = float(cell)
        except ValueError:
            return None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if name == "online":
        return {"true": True, "false": False}.get(cell.lower())
    if name == "skills":
        levels: dict[str, int] = {}
        for item in cell.split(";"):
            skill, _, level = item.partition("=")
            if not skill.strip() or not level.strip().isdigit():
                return None
            levels[skill.strip()] = int(level.strip()[:4])
        return levels
    if name == "home":
        from ..geo import looks_like_coordinates

        if looks_like_coordinates(cell):
            lat, _, lon = cell.partition(",")
            try:
                return {"lat": float(lat), "lon": float(lon)}
            except ValueError:
                return None
        return cell
    return cell  # start: the profile reads the date
