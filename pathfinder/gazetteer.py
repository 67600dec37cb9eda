"""French communes by name or postal code: where a person lives, as coordinates.

A person types their home as a commune (``Mantes-la-Jolie``, ``mantes la jolie``, ``Cléon``,
``St-Denis (93)``), a postal code (``78200``) or both (``78200 Mantes-la-Jolie``);
:func:`resolve` turns it into a :class:`Place` with coordinates, or raises a
:class:`~pathfinder.errors.PlaceError` that says why not (unknown, with the closest names;
ambiguous, with the candidates; no coordinates known).

The data is ``pathfinder/data/communes.tsv.gz``, built from public open data by
``tools/build_gazetteer.py`` (sources, licences and the command: docs/data-sources.md). One line
per commune, tab-separated, sorted by normalised name::

    key  name  insee  postal codes (comma-separated)  département  département name  lat  lon

The lines are compressed in blocks of :data:`BLOCK_LINES`, each a gzip member, after a first
member with no text whose header indexes them (each block's first key and compressed size; the
blocks that hold each postal code): ``zcat`` reads the file as one text, and a lookup
decompresses only the blocks it needs. The file is read on first use, once per process; a name
is found by bisecting the blocks' first keys, then the block's sorted lines in place, and only
the lines that match are parsed. Importing this module reads nothing.

Paris, Lyon and Marseille are there as their municipal arrondissements (``Paris 15e
Arrondissement``: type ``paris 15``, ``Paris 15e`` or ``75015``) and as the city itself
(``Paris``: the mean of its arrondissements' centroids, every postal code of the city).
"""

from __future__ import annotations

import itertools
import os
import re
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .errors import PlaceError
from .textsearch import SUGGEST_MAX_CHARS, fold

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "communes.tsv.gz")
"""The shipped gazetteer (gzip-compressed UTF-8 text)."""

MAX_QUERY_CHARS = 200
"""Longer input matches nothing and is not normalised: the longest commune name has 45
characters, and folding a 45 MB string would take seconds."""

CITIES_WITH_ARRONDISSEMENTS: dict[str, str] = {
    "75056": "Paris",
    "69123": "Lyon",
    "13055": "Marseille",
}
"""INSEE code -> name of the cities whose postal codes belong to their arrondissements: a postal
code finds the arrondissement, not the city as well."""

INDEX_SUBFIELD = b"PF"
"""The gzip extra subfield of the data file's first member: the blocks' first keys and sizes."""

POSTAL_SUBFIELD = b"PC"
"""The gzip extra subfield of the data file's first member: the blocks each postal code is in,
one ``code TAB block,block…`` line per code, raw-deflate-compressed."""

BLOCK_LINES = 2048
"""Lines per compressed block of the data file: one block is about 130 kB of text, decompressed
in a fraction of a millisecond; a smaller block would make the file larger."""

SUGGEST_POOL = 1500
"""At most this many names are compared with an unknown one for a "did you mean"."""

ARTICLES: tuple[str, ...] = ("l", "la", "le", "les")
"""Leading articles a name may be typed with or without (``Mans`` finds ``Le Mans``)."""

PlaceKind = Literal["commune", "postal-code"]

_SEPARATORS = re.compile(r"[\W_]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_ARRONDISSEMENT = re.compile(
    r"(paris|lyon|marseille) 0*([1-9][0-9]?) ?(?:er|e|eme|ieme|em)?(?: arr(?:ondissement)?)?"
)
_POSTAL_CODE = re.compile(r"[0-9]{4,5}")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CODE_THEN_NAME = re.compile(r"(?P<code>[0-9]{5})[\s,]+(?P<name>\D.*)", re.S)
_NAME_THEN_CODE = re.compile(r"(?P<name>.*\D)[\s,]+\(?\s*(?P<code>[0-9]{5})\s*\)?", re.S)
_NAME_THEN_DEPARTMENT = re.compile(
    r"(?P<name>.*?\S)\s*(?:\(\s*(?P<paren>[^()]*?)\s*\)|,\s*(?P<comma>[^,]*?))", re.S
)


def normalise(text: str) -> str:
    """The key names are compared by: case and accents ignored, hyphens, apostrophes, dots and
    other punctuation as spaces, spaces collapsed, ``st``/``ste`` as words spelt ``saint``/
    ``sainte``; an arrondissement of Paris, Lyon or Marseille as the city and its number.

    ``"L'Abergement-Clémenciat"`` -> ``"l abergement clemenciat"``; ``"St-Denis"`` ->
    ``"saint denis"``; ``"Paris 15e Arrondissement"``, ``"paris 15"`` -> ``"paris 15"``.
    """
    # Case folded again after fold's decomposition: "𝐀" decomposes to "A".
    words = _SEPARATORS.sub(" ", fold(text).casefold()).split()
    key = " ".join(_ABBREVIATIONS.get(word, word) for word in words)
    arrondissement = _ARRONDISSEMENT.fullmatch(key)
    if arrondissement:
        return f"{arrondissement[1]} {arrondissement[2]}"
    return key


@dataclass(frozen=True)
class Commune:
    """One commune (or municipal arrondissement) of the gazetteer."""

    name: str
    insee: str | None
    """The INSEE code (``76178``, ``2A004``); None when the sources could not attach one (a
    former commune merged since, a collectivity the postal code base does not list)."""
    postal_codes: tuple[str, ...]
    department: str
    """The département's code: ``01`` … ``95``, ``2A``/``2B`` (Corsica), ``971`` … ``988``."""
    department_name: str
    lat: float | None
    lon: float | None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def label(self) -> str:
        """The name with its département and postal codes: ``Saint-Denis (93, 93200, 93210)``."""
        codes = self.postal_codes[:3]
        more = ", …" if len(self.postal_codes) > 3 else ""
        return f"{self.name} ({', '.join((self.department, *codes))}{more})"


@dataclass(frozen=True)
class Place:
    """Where a query lands: one commune, or the mean centroid of the communes sharing a postal
    code (``mean_of`` > 1; ``name`` lists them, ``spread_km`` says how far the farthest one lies
    from the point)."""

    query: str
    kind: PlaceKind
    """``"postal-code"`` when the query was a postal code alone, else ``"commune"``."""
    name: str
    postal_code: str | None
    """The postal code typed, else the commune's when it has only one (None for several)."""
    insee: str | None
    lat: float
    lon: float
    department: str | None
    """The département's code; None when the communes averaged lie in several."""
    communes: tuple[Commune, ...]
    """The communes behind the point: one, or the ones averaged (those with coordinates)."""
    spread_km: float = 0.0

    @property
    def mean_of(self) -> int:
        """How many communes' centroids the point is the mean of (1: a single commune)."""
        return len(self.communes)

    @property
    def is_mean(self) -> bool:
        return len(self.communes) > 1


def _parse(line: bytes) -> Commune:
    _key, name, insee, codes, department, department_name, lat, lon = line.decode("utf-8").split(
        "\t"
    )
    return Commune(
        name=name,
        insee=insee or None,
        postal_codes=tuple(codes.split(",")) if codes else (),
        department=department,
        department_name=department_name,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
    )


class Gazetteer:
    """The communes of one data file (see the module's docstring). Its lines sort by key, in
    blocks compressed one by one: a key or a prefix is found by bisecting the blocks' first keys,
    then the text of the one block that holds it (decompressed on first use), and only the lines
    that match are parsed; a postal code is looked for in the blocks that the postal code index
    names. The module's functions use the shipped file through :func:`default`; tests may build
    their own with :meth:`from_lines`."""

    def __init__(
        self,
        first_keys: Sequence[bytes],
        blocks: Sequence[bytes | None],
        members: Sequence[bytes] = (),
        postal_index: bytes | None = None,
    ) -> None:
        """``first_keys[i]``: the key of block ``i``'s first line; ``blocks[i]``: its text (one
        line per commune, sorted by key, each ending with a newline), or None when it is still
        compressed as ``members[i]`` (a gzip member). ``postal_index``: which blocks hold each
        postal code (see :data:`POSTAL_SUBFIELD`), if known; else a postal code is looked for in
        every block."""
        self._first_keys = list(first_keys)
        self._blocks = list(blocks)
        self._members = list(members)
        self._postal_index = postal_index
        self._postal_text: bytes | None = None
        self._by_insee: dict[bytes, list[bytes]] | None = None
        self._points: list[tuple[float, float, bytes]] | None = None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Gazetteer:
        with open(path, "rb") as file:
            return cls.from_bytes(file.read())

    @classmethod
    def from_bytes(cls, data: bytes) -> Gazetteer:
        """A file as ``tools/build_gazetteer.py`` writes it; any other gzip-compressed text in
        the same format is read whole."""
        blocked = _blocked_members(data)
        if blocked is None:
            import gzip

            return cls([b""], [_with_final_newline(gzip.decompress(data))])
        first_keys, members, postal_index = blocked
        return cls(first_keys, [None] * len(members), members, postal_index)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Gazetteer:
        """Lines in the file's format, in any order: one block."""
        return cls([b""], ["".join(f"{line}\n" for line in sorted(lines)).encode("utf-8")])

    def __len__(self) -> int:
        return sum(self._block(i).count(b"\n") for i in range(len(self._blocks)))

    # --- the sorted text ---

    def _block(self, index: int) -> bytes:
        block = self._blocks[index]
        if block is None:
            block = _with_final_newline(zlib.decompress(self._members[index], wbits=31))
            self._blocks[index] = block
        return block

    def _lines(self) -> Iterator[bytes]:
        """Every line, block after block (each decompressed on first use)."""
        for index in range(len(self._blocks)):
            yield from self._block(index).splitlines()

    def _blocks_with_code(self, code: bytes) -> list[int]:
        """The blocks that may hold lines with the postal code ``code``: those the index names,
        or every block without an index."""
        if self._postal_index is None:
            return list(range(len(self._blocks)))
        if self._postal_text is None:
            self._postal_text = b"\n" + zlib.decompress(self._postal_index, wbits=-15)
        text = self._postal_text
        start = text.find(b"\n" + code + b"\t")
        if start < 0:
            return []
        end = text.find(b"\n", start + 1)
        return [int(block) for block in text[start + len(code) + 2 : end].split(b",")]

    def _scan(self, probe: bytes) -> Iterator[bytes]:
        """The lines from the first one not less than ``probe`` (a key or a prefix, perhaps
        with a tab) to the end, in order. The first block to read is the last one whose first
        key is less than ``probe``'s key: a key's lines may run over from the block before."""
        index = max(bisect_left(self._first_keys, probe.rstrip(b"\t")) - 1, 0)
        data = self._block(index)
        start = _lower_bound(data, probe)
        while True:
            while start < len(data):
                end = data.find(b"\n", start)
                yield data[start:end]
                start = end + 1
            index += 1
            if index >= len(self._blocks):
                return
            data, start = self._block(index), 0

    def _starting_with(self, prefix: bytes) -> Iterator[bytes]:
        return itertools.takewhile(lambda line: line.startswith(prefix), self._scan(prefix))

    def _with_key(self, key: str) -> list[bytes]:
        """The lines whose key is ``key``: a tab sorts before every character of a key, so they
        follow one another from the first line not less than ``key + TAB``."""
        return list(self._starting_with(f"{key}\t".encode()))

    def _with_prefix(self, prefix: str, limit: int) -> list[bytes]:
        return list(itertools.islice(self._starting_with(prefix.encode()), limit))

    def _count(self, low: bytes, high: bytes) -> int:
        """How many lines are not less than ``low`` and less than ``high``."""
        first = max(bisect_left(self._first_keys, low.rstrip(b"\t")) - 1, 0)
        last = max(bisect_left(self._first_keys, high) - 1, first)
        total = 0
        for index in range(first, last + 1):
            data = self._block(index)
            total += data.count(b"\n", _lower_bound(data, low), _lower_bound(data, high))
        return total

    def _keys_near(self, key: str) -> list[str]:
        """The distinct keys that share the first letters of ``key``: as few letters as keep
        the lines to compare to at most :data:`SUGGEST_POOL` (one letter mostly; ``saint d`` for
        ``saint deniss``), and at most that many lines in any case."""
        length = 1
        while length < len(key):
            prefix = key[:length].encode()
            if self._count(prefix, prefix[:-1] + bytes([prefix[-1] + 1])) <= SUGGEST_POOL:
                break
            length += 1
        lines = self._with_prefix(key[:length], SUGGEST_POOL)
        return list(dict.fromkeys(line.partition(b"\t")[0].decode("utf-8") for line in lines))

    # --- lookups ---

    def _named(self, key: str) -> list[bytes]:
        """Lines named ``key``; failing that, with or without a leading article
        (``abergement clemenciat`` and ``le abergement clemenciat`` find ``l abergement …``)."""
        found = self._with_key(key)
        if found or not key:
            return found
        base = _without_article(key)
        for variant in (base, *(f"{article} {base}" for article in ARTICLES)):
            if variant != key:
                found.extend(self._with_key(variant))
        return found

    def communes_named(self, query: str) -> tuple[Commune, ...]:
        if len(query) > MAX_QUERY_CHARS:
            return ()
        return tuple(_parse(line) for line in self._named(normalise(query)))

    def communes_with_postal_code(self, code: str) -> tuple[Commune, ...]:
        """Found by scanning the blocks that hold the code (the index says which) for it, and
        checking the postal codes field of each line where it occurs."""
        code = code.strip()
        if not (len(code) == 5 and code.isascii() and code.isdigit()):
            return ()
        needle = code.encode()
        found: list[Commune] = []
        for index in self._blocks_with_code(needle):
            data = self._block(index)
            position = data.find(needle)
            while position >= 0:  # each line where the code occurs, once
                start = data.rfind(b"\n", 0, position) + 1
                end = data.find(b"\n", position)
                fields = data[start:end].split(b"\t", 4)
                if needle in fields[3].split(b",") and (
                    fields[2].decode() not in CITIES_WITH_ARRONDISSEMENTS  # arrondissements'
                ):
                    found.append(_parse(data[start:end]))
                position = data.find(needle, end)
        return tuple(found)

    def commune_with_insee(self, code: str) -> Commune | None:
        """The commune (or arrondissement) with this INSEE code (``76178``, ``2A004``); None when
        there is none. The first lookup indexes every line by its code (all blocks are read once,
        some tens of milliseconds); the next ones are dictionary lookups."""
        key = code.strip().upper().encode("ascii", "replace")
        if self._by_insee is None:
            index: dict[bytes, list[bytes]] = {}
            for line in self._lines():
                index.setdefault(line.split(b"\t", 3)[2], []).append(line)
            index.pop(b"", None)
            self._by_insee = index
        lines = self._by_insee.get(key)
        return _parse(lines[0]) if lines else None

    def commune_nearest(self, lat: float, lon: float, within_km: float) -> Commune | None:
        """The commune whose centroid is nearest to the point, if one lies within
        ``within_km``; arrondissements are left out, their city stands for them. The first call
        reads every line's coordinates (all blocks, some tens of milliseconds); each call then
        compares the point with every centroid (a few milliseconds)."""
        from .geo import nearest_within

        if self._points is None:
            points = []
            for line in self._lines():
                fields = line.split(b"\t")
                if fields[6] and fields[7] and b"rrondissement" not in fields[1]:
                    points.append((float(fields[6]), float(fields[7]), line))
            self._points = points
        nearest = nearest_within(lat, lon, self._points, within_km)
        return _parse(nearest) if nearest is not None else None

    def complete(self, prefix: str, limit: int = 10) -> tuple[Commune, ...]:
        if len(prefix) > MAX_QUERY_CHARS or limit <= 0:
            return ()
        key = normalise(prefix)
        if not key:
            return ()
        if not prefix[-1].isalnum():  # "Mantes-", "paris ": a word typed in full
            key += " "
        found = self._with_prefix(key, limit)
        if len(found) < limit and key.partition(" ")[0] not in ARTICLES:
            for article in ARTICLES:
                found.extend(self._with_prefix(f"{article} {key}", limit - len(found)))
        return tuple(_parse(line) for line in found[:limit])

    def suggestions(self, query: str, limit: int = 3) -> tuple[str, ...]:
        """Names close to ``query``, best first: those that continue it word for word
        (``mantes`` -> Mantes-la-Jolie), those that differ from it by the first letter only
        (``kleon`` -> Cléon), then difflib's close matches among the names of about its length
        that share its first letters (at most :data:`SUGGEST_POOL` of them)."""
        if len(query) > SUGGEST_MAX_CHARS or limit <= 0:
            return ()
        key = normalise(query)
        if not key:
            return ()
        import difflib

        picked = self._with_prefix(f"{key} ", limit)
        rest = key[1:]
        variants = (rest, *(c + rest for c in _LETTERS), *(c + key for c in _LETTERS))
        for variant in variants if len(key) >= 3 else ():
            if variant != key:
                picked.extend(self._with_key(variant))
        slack = len(key) // 3 + 2
        pool = [k for k in self._keys_near(key) if abs(len(k) - len(key)) <= slack]
        for close in difflib.get_close_matches(key, pool, n=limit, cutoff=0.6):
            picked.extend(self._with_key(close))
        return tuple(_unique(line.split(b"\t", 2)[1].decode("utf-8") for line in picked))[:limit]

    # --- resolving ---

    def resolve(self, query: str) -> Place:
        if len(query) > MAX_QUERY_CHARS:
            raise PlaceError("place.unknown", query=query)
        text = " ".join(query.split())
        if not text:
            raise PlaceError("place.empty", query=query)
        if _POSTAL_CODE.fullmatch(text):
            return self._postal_place(query, text.zfill(5))
        name, qualifier = _split_qualifier(text)
        candidates = self.communes_named(name)
        if not candidates:
            raise PlaceError("place.unknown", query=query, suggestions=self.suggestions(name))
        if qualifier:
            chosen = tuple(c for c in candidates if _qualifies(c, qualifier))
            if not chosen:
                labels = _unique(c.label for c in candidates)
                raise PlaceError("place.unknown", query=query, suggestions=labels[:3])
            candidates = chosen
        if len(candidates) > 1:
            example = f"{candidates[0].name} ({candidates[0].department})"
            raise PlaceError(
                "place.ambiguous",
                query=query,
                candidates=[c.label for c in candidates],
                example=example,
            )
        commune = candidates[0]
        code = qualifier if qualifier and _POSTAL_CODE.fullmatch(qualifier) else None
        if code and commune.insee in CITIES_WITH_ARRONDISSEMENTS:  # "75016 Paris"
            parts = self.communes_with_postal_code(code)
            if len(parts) == 1 and parts[0].department == commune.department:
                commune = parts[0]
        if commune.lat is None or commune.lon is None:
            raise PlaceError("place.no_coordinates", query=query, candidates=[commune.label])
        if code is None and len(commune.postal_codes) == 1:
            code = commune.postal_codes[0]
        return Place(
            query=query,
            kind="commune",
            name=commune.name,
            postal_code=code,
            insee=commune.insee,
            lat=commune.lat,
            lon=commune.lon,
            department=commune.department,
            communes=(commune,),
        )

    def _postal_place(self, query: str, code: str) -> Place:
        from .geo import haversine_km  # here: a name's lookup does not pay for it

        communes = self.communes_with_postal_code(code)
        if not communes:
            raise PlaceError("place.unknown_postal_code", query=query)
        placed = tuple(c for c in communes if c.has_coordinates)
        if not placed:
            raise PlaceError(
                "place.no_coordinates", query=query, candidates=[c.label for c in communes]
            )
        points = [(c.lat, c.lon) for c in placed if c.lat is not None and c.lon is not None]
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        departments = {c.department for c in placed}
        return Place(
            query=query,
            kind="postal-code",
            name=", ".join(c.name for c in placed),
            postal_code=code,
            insee=placed[0].insee if len(placed) == 1 else None,
            lat=round(lat, 5),
            lon=round(lon, 5),
            department=departments.pop() if len(departments) == 1 else None,
            communes=placed,
            spread_km=round(max(haversine_km(lat, lon, a, b) for a, b in points), 1),
        )


def _lower_bound(data: bytes, probe: bytes) -> int:
    """The offset in ``data`` (sorted lines) of the first line not less than ``probe``, found by
    bisecting the text in place. A line's first ``len(probe)`` bytes decide the comparison: a line
    holds seven tabs and a probe at most one, so a line is never a prefix of a probe, and the
    first byte where they differ lies within the line."""
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        start = _line_start(data, middle)
        if start >= len(data) or data[start : start + len(probe)] >= probe:
            high = middle
        else:
            low = middle + 1
    return _line_start(data, low)


def _line_start(data: bytes, position: int) -> int:
    """The offset of the first line that starts at ``position`` or after (``len(data)`` when
    none does)."""
    if position == 0:
        return 0
    newline = data.find(b"\n", position - 1)
    return len(data) if newline < 0 else newline + 1


def _with_final_newline(text: bytes) -> bytes:
    return text if not text or text.endswith(b"\n") else text + b"\n"


def _blocked_members(data: bytes) -> tuple[list[bytes], list[bytes], bytes | None] | None:
    """The first keys and the gzip members of the blocks of a file written by
    ``tools/build_gazetteer.py``, and its postal code index; None for other data. The file starts
    with a member that holds no text: its header's extra field lists each block's first key and
    compressed size, one ``key TAB size`` line per block, in order (subfield
    :data:`INDEX_SUBFIELD`), and which blocks hold each postal code (:data:`POSTAL_SUBFIELD`)."""
    if len(data) < 12 or data[:4] != b"\x1f\x8b\x08\x04":  # gzip, deflate, FEXTRA only
        return None
    extra_end = 12 + int.from_bytes(data[10:12], "little")
    position, index, postal_index = 12, None, None
    while position + 4 <= extra_end:
        size = int.from_bytes(data[position + 2 : position + 4], "little")
        if data[position : position + 2] == INDEX_SUBFIELD:
            index = data[position + 4 : position + 4 + size]
        elif data[position : position + 2] == POSTAL_SUBFIELD:
            postal_index = data[position + 4 : position + 4 + size]
        position += 4 + size
    if index is None:
        return None
    head = zlib.decompressobj(wbits=31)
    first = data[: extra_end + 64]  # the header, an empty deflate stream, the trailer
    if head.decompress(first) or not head.eof:  # the index's member holds no text
        return None
    offset = len(first) - len(head.unused_data)
    first_keys, members = [], []
    for entry in index.split(b"\n"):
        if entry:
            key, _, size_text = entry.rpartition(b"\t")
            first_keys.append(key)
            members.append(data[offset : offset + int(size_text)])
            offset += int(size_text)
    return (first_keys, members, postal_index) if offset == len(data) and members else None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _split_qualifier(text: str) -> tuple[str, str | None]:
    """``"78200 Mantes-la-Jolie"``, ``"Mantes-la-Jolie 78200"`` -> the name and the postal code;
    ``"Saint-Denis (93)"``, ``"Saint-Denis, Réunion"`` -> the name and the département (code or
    name). ``"Paris 15"`` has none: a number after a name is only a postal code with 5 digits."""
    for pattern in (_CODE_THEN_NAME, _NAME_THEN_CODE):
        match = pattern.fullmatch(text)
        if match:
            return match["name"].strip(), match["code"]
    match = _NAME_THEN_DEPARTMENT.fullmatch(text)
    if match:
        qualifier = (match["paren"] if match["paren"] is not None else match["comma"]).strip()
        if qualifier:
            return match["name"].strip(), qualifier
    return text, None


def _qualifies(commune: Commune, qualifier: str) -> bool:
    """True when ``qualifier`` is one of the commune's postal codes, its département's code
    (``93``, ``2a``, ``1`` for ``01``) or its département's name."""
    if qualifier in commune.postal_codes:
        return True
    code = qualifier.upper()
    if code.isdigit() and len(code) < 2:
        code = code.zfill(2)
    return code == commune.department or _without_article(normalise(qualifier)) == (
        _without_article(normalise(commune.department_name))
    )


def _without_article(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in ARTICLES and rest else key


_default: Gazetteer | None = None


def default() -> Gazetteer:
    """The shipped gazetteer, read on first use, then kept for the process."""
    global _default
    if _default is None:
        _default = Gazetteer.from_file(DATA_FILE)
    return _default


def is_loaded() -> bool:
    """True once the shipped data has been read in this process."""
    return _default is not None


def communes_named(query: str) -> tuple[Commune, ...]:
    """The communes whose normalised name is the query's (``"st denis"`` finds every
    Saint-Denis); failing that, the query with or without a leading article. File order: by
    normalised name, then département."""
    return default().communes_named(query)


def communes_with_postal_code(code: str) -> tuple[Commune, ...]:
    """The communes served by a 5-digit postal code (``"01400"``); Paris, Lyon and Marseille
    answer with the arrondissement."""
    return default().communes_with_postal_code(code)


def commune_with_insee(code: str) -> Commune | None:
    """The commune with this INSEE code (``76178`` is Cléon), or None."""
    return default().commune_with_insee(code)


def commune_nearest(lat: float, lon: float, within_km: float) -> Commune | None:
    """The commune nearest to the point, if one lies within ``within_km``."""
    return default().commune_nearest(lat, lon, within_km)


def complete(prefix: str, limit: int = 10) -> tuple[Commune, ...]:
    """At most ``limit`` communes whose normalised name starts with ``prefix``'s, by normalised
    name then département; then, if there is room, those that start with it after an article
    (``mans`` -> Le Mans). A prefix that ends with a space or a hyphen ends with a whole word
    (``"paris "``: the arrondissements, not Parisot). For autocompletion after about three
    letters."""
    return default().complete(prefix, limit)


def suggestions(query: str, limit: int = 3) -> tuple[str, ...]:
    """At most ``limit`` commune names close to ``query``, best first, for a "did you mean"."""
    return default().suggestions(query, limit)


def resolve(query: str) -> Place:
    """Where ``query`` lies: a postal code (``78200``, ``01400``; ``1400`` is read as ``01400``),
    a commune's name (``Cléon``, ``st denis (93)``, ``paris 15``), or a postal code and a name
    (``78200 Mantes-la-Jolie``). A postal code shared by several communes gives the mean of
    their centroids (:attr:`Place.mean_of`). Raises :class:`~pathfinder.errors.PlaceError`
    when the query is empty, unknown, ambiguous or has no known coordinates."""
    return default().resolve(query)
