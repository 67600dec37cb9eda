"""Build the gazetteer of French communes shipped in the package (pathfinder/data/communes.tsv.gz).

    python tools/build_gazetteer.py COMMUNES_CSV CODES_POSTAUX_JSON OUTPUT

COMMUNES_CSV is data.gouv.fr's "Communes de France — base des codes postaux"
(communes-departement-region.csv, `;`-separated); CODES_POSTAUX_JSON the `codes-postaux` npm
package's list of {codePostal, codeCommune, nomCommune, libelleAcheminement}. Sources, licences
and the exact command: docs/data-sources.md.

What it does:

- pads postal codes to 5 digits and département codes to 2 (``1400`` -> ``01400``, ``1`` ->
  ``01``; ``2A``/``2B`` stay);
- attaches the INSEE code (and the official spelling of the name) by joining on the postal code
  and the normalised name (``pathfinder.gazetteer.normalise``), keeping only a code of the row's
  département;
- gives overseas collectivities their own code (``975``, ``977``, ``978``, ``986``–``988``) from
  the INSEE code or the postal code;
- groups the rows of one commune (same INSEE code, else same name and département; a row without
  INSEE code joins the one commune with a code of that name and département, when there is one)
  into one line with all its postal codes and the mean of its distinct coordinates;
- adds Paris, Lyon and Marseille as cities: every postal code of their arrondissements, and the
  mean of the arrondissements' centroids;
- writes one tab-separated line per commune, sorted by normalised name, then département, as
  gzip members of BLOCK_LINES lines each after a first member that indexes them in its header's
  extra field (each block's first key and size; the blocks that hold each postal code), so that
  the library decompresses only the blocks it needs; `zcat` reads the whole as one text. No timestamp, no file name: the same input
  always gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's pathfinder, installed or not

from pathfinder.gazetteer import (  # noqa: E402
    BLOCK_LINES,
    CITIES_WITH_ARRONDISSEMENTS,
    INDEX_SUBFIELD,
    POSTAL_SUBFIELD,
    normalise,
)

DECIMALS = 4
"""Coordinates to 4 decimals: about 11 m, finer than a commune's centroid means anything."""

OVERSEAS_NAMES = {
    "975": "Saint-Pierre-et-Miquelon",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "984": "Terres australes et antarctiques françaises",
    "986": "Wallis-et-Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
    "989": "Île de Clipperton",
}
"""Names of the overseas collectivities, which the communes file leaves empty."""

SPLIT_FROM_GUADELOUPE = {
    "97133": ("977", "97701", "Saint-Barthélemy"),
    "97150": ("978", "97801", "Saint-Martin"),
}
"""Postal code -> (code, INSEE code, name) of the two collectivities that left Guadeloupe in
2007 but kept its postal codes; the communes file gives them no code and a lower-case name."""

CITY_DEPARTMENTS = {"paris": "75", "lyon": "69", "marseille": "13"}
CITY_INSEE = {name.lower(): insee for insee, name in CITIES_WITH_ARRONDISSEMENTS.items()}
ARRONDISSEMENT_KEY = re.compile(r"(paris|lyon|marseille) [0-9]+")


@dataclass
class Row:
    postal_code: str
    name: str
    other_name: str
    department: str
    department_name: str
    lat: float | None
    lon: float | None
    insee: str | None = None
    official_name: str | None = None


@dataclass
class Group:
    insee: str | None
    rows: list[Row] = field(default_factory=list)


def pad_department(code: str) -> str:
    code = code.strip().upper()
    return code.zfill(2) if code.isdigit() else code


def number(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def read_communes(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file, delimiter=";")
        rows = []
        for record in reader:
            lat, lon = number(record["latitude"]), number(record["longitude"])
            if lat is None or lon is None:
                lat = lon = None
            rows.append(
                Row(
                    postal_code=record["code_postal"].strip().zfill(5),
                    name=record["nom_commune_complet"].strip(),
                    other_name=record["nom_commune"].strip(),
                    department=pad_department(record["code_departement"]),
                    department_name=record["nom_departement"].strip(),
                    lat=lat,
                    lon=lon,
                )
            )
    return rows


def read_insee_codes(path: Path) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(postal code, normalised name) -> {(INSEE code, official name)}."""
    with path.open(encoding="utf-8") as file:
        records = json.load(file)
    index: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for record in records:
        postal_code = str(record["codePostal"]).strip().zfill(5)
        insee = str(record["codeCommune"]).strip().upper().zfill(5)
        name = str(record["nomCommune"]).strip()
        index[(postal_code, normalise(name))].add((insee, name))
    return index


def attach_insee(rows: Iterable[Row], index: dict[tuple[str, str], set[tuple[str, str]]]) -> None:
    for row in rows:
        hits: set[tuple[str, str]] = set()
        for name in (row.name, row.other_name):
            hits = index.get((row.postal_code, normalise(name)), set())
            if hits:
                break
        # A homonym of another département sharing the postal code (Thièvres: 62 and 80).
        hits = {hit for hit in hits if hit[0].startswith(row.department)}
        if len({insee for insee, _ in hits}) == 1:
            row.insee, row.official_name = min(hits)
        if row.department in ("", "97", "98"):  # overseas collectivities: 975, 977, 986…
            if row.postal_code in SPLIT_FROM_GUADELOUPE and not row.insee:
                row.department, row.insee, row.official_name = SPLIT_FROM_GUADELOUPE[
                    row.postal_code
                ]
            elif row.insee:
                row.department = row.insee[:3]
            elif row.postal_code.startswith(("97", "98")):
                row.department = row.postal_code[:3]
        if not row.department_name:
            row.department_name = OVERSEAS_NAMES.get(row.department, "")


def group_rows(rows: Sequence[Row]) -> list[Group]:
    by_insee: dict[str, Group] = {}
    by_name: dict[tuple[str, str], Group] = {}
    for row in rows:
        if row.insee:
            by_insee.setdefault(row.insee, Group(row.insee)).rows.append(row)
    # Which INSEE group each (name, département) names, when only one does.
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for insee, group in by_insee.items():
        for row in group.rows:
            for name in (row.name, row.official_name or ""):
                named[(normalise(name), row.department)].add(insee)
    for row in rows:
        if row.insee:
            continue
        key = (normalise(row.name), row.department)
        owners = named.get(key, set())
        if len(owners) == 1:
            by_insee[owners.pop()].rows.append(row)
        else:
            by_name.setdefault(key, Group(None)).rows.append(row)
    return [*by_insee.values(), *by_name.values()]


def most_common(values: Iterable[str]) -> str:
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def mean_point(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    distinct = sorted(set(points))
    if not distinct:
        return None
    return (
        math.fsum(p[0] for p in distinct) / len(distinct),
        math.fsum(p[1] for p in distinct) / len(distinct),
    )


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    insee: str
    postal_codes: tuple[str, ...]
    department: str
    department_name: str
    point: tuple[float, float] | None

    def line(self) -> str:
        lat = lon = ""
        if self.point is not None:
            lat, lon = (coordinate(value) for value in self.point)
        fields = (
            self.key,
            self.name,
            self.insee,
            ",".join(self.postal_codes),
            self.department,
            self.department_name,
            lat,
            lon,
        )
        return "\t".join(fields)


def coordinate(value: float) -> str:
    text = f"{value:.{DECIMALS}f}"
    return "0." + "0" * DECIMALS if text == "-0." + "0" * DECIMALS else text


def entry(group: Group) -> Entry:
    rows = group.rows
    name = most_common(r.official_name or "" for r in rows) or most_common(r.name for r in rows)
    points = [
        (lat, lon)
        for lat, lon in ((r.lat, r.lon) for r in rows)
        if lat is not None and lon is not None
    ]
    return Entry(
        key=normalise(name),
        name=name,
        insee=group.insee or "",
        postal_codes=tuple(sorted({r.postal_code for r in rows})),
        department=most_common(r.department for r in rows),
        department_name=most_common(r.department_name for r in rows),
        point=mean_point(points),
    )


def cities(entries: Sequence[Entry]) -> list[Entry]:
    """Paris, Lyon and Marseille, made of their arrondissements."""
    parts: dict[str, list[Entry]] = defaultdict(list)
    for item in entries:
        match = ARRONDISSEMENT_KEY.fullmatch(item.key)
        if match and CITY_DEPARTMENTS[match[1]] == item.department:
            parts[match[1]].append(item)
    made = []
    for city, arrondissements in sorted(parts.items()):
        points = [a.point for a in arrondissements if a.point is not None]
        made.append(
            Entry(
                key=city,
                name=CITIES_WITH_ARRONDISSEMENTS[CITY_INSEE[city]],
                insee=CITY_INSEE[city],
                postal_codes=tuple(sorted({c for a in arrondissements for c in a.postal_codes})),
                department=arrondissements[0].department,
                department_name=arrondissements[0].department_name,
                point=mean_point(points),
            )
        )
    return made


def build(communes_csv: Path, codes_json: Path) -> tuple[list[str], dict[str, int]]:
    """The output's lines, and figures about them."""
    rows = read_communes(communes_csv)
    attach_insee(rows, read_insee_codes(codes_json))
    entries = [entry(group) for group in group_rows(rows)]
    entries += cities(entries)
    entries.sort(key=lambda e: (e.key, e.department, e.name, e.insee))
    stats = {
        "rows": len(rows),
        "communes": len(entries),
        "with INSEE code": sum(1 for e in entries if e.insee),
        "without coordinates": sum(1 for e in entries if e.point is None),
        "postal codes": len({c for e in entries for c in e.postal_codes}),
    }
    return [e.line() for e in entries], stats


def gzip_member(text: bytes, extra: bytes = b"") -> bytes:
    """One gzip member (RFC 1952) holding ``text``: no name, no timestamp, ``extra`` as the
    header's extra field."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(text) + compressor.flush()
    flags = b"\x04" if extra else b"\x00"
    header = (
        b"\x1f\x8b\x08" + flags + b"\x00\x00\x00\x00" + b"\x02\xff"
    )  # mtime 0, best, OS unknown
    if extra:
        header += len(extra).to_bytes(2, "little") + extra
    trailer = zlib.crc32(text).to_bytes(4, "little") + (len(text) & 0xFFFFFFFF).to_bytes(
        4, "little"
    )
    return header + body + trailer


def blocked_gzip(lines: Sequence[str]) -> bytes:
    """The lines as gzip members of BLOCK_LINES lines each, after a first member with no text
    whose header's extra field indexes them: each block's first key and compressed size, and
    which blocks hold each postal code (see ``pathfinder.gazetteer``). ``zcat`` and
    ``gzip.open`` read the whole as one text."""
    members, index = [], []
    postal_blocks: dict[str, set[int]] = defaultdict(set)
    for number, start in enumerate(range(0, len(lines), BLOCK_LINES)):
        block = lines[start : start + BLOCK_LINES]
        members.append(gzip_member("".join(f"{line}\n" for line in block).encode("utf-8")))
        first_key = block[0].split("\t", 1)[0]
        index.append(f"{first_key}\t{len(members[-1])}\n")
        for line in block:
            fields = line.split("\t")
            if fields[2] not in CITIES_WITH_ARRONDISSEMENTS:  # their codes are their parts'
                for code in fields[3].split(","):
                    postal_blocks[code].add(number)
    postal = "".join(
        f"{code}\t{','.join(str(n) for n in sorted(blocks))}\n"
        for code, blocks in sorted(postal_blocks.items())
    )
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    postal_index = compressor.compress(postal.encode("ascii")) + compressor.flush()
    extra = b""
    for name, payload in (
        (INDEX_SUBFIELD, "".join(index).encode("utf-8")),
        (POSTAL_SUBFIELD, postal_index),
    ):
        extra += name + len(payload).to_bytes(2, "little") + payload
    if len(extra) > 0xFFFF:
        raise ValueError(f"the indexes ({len(extra)} bytes) do not fit a gzip header")
    return gzip_member(b"", extra) + b"".join(members)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="See docs/data-sources.md for the sources and their licences.",
    )
    parser.add_argument("communes_csv", type=Path, help="communes-fr.csv (;-separated)")
    parser.add_argument("codes_json", type=Path, help="codes-postaux-insee.json")
    parser.add_argument(
        "output", type=Path, help="where to write, e.g. pathfinder/data/communes.tsv.gz"
    )
    args = parser.parse_args(argv)
    lines, stats = build(args.communes_csv, args.codes_json)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(blocked_gzip(lines))
    figures = ", ".join(f"{value} {name}" for name, value in stats.items())
    print(f"{args.output}: {figures}; {args.output.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
