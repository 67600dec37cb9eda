"""Reading a LHÉO training-offer feed: its offers, streamed, hostile XML refused.

A feed (a Carif-Oref region's, Onisep's, the CPF catalogue's) can weigh hundreds of megabytes,
so it is never loaded whole: a SAX parser reads it in blocks and keeps only the ``formation``
being read; each one is turned into :class:`Offer` values (one per ``action``, with the
formation's title, ROME codes and certification) and dropped. Both namespaces are read: LHÉO 2.3
(``http://lheo.gouv.fr/2.3``) and 2.2 (``http://www.lheo.org/2.2``).

Nothing in a feed is trusted: the parser is defusedxml's, which refuses any DTD, entity
declaration and external reference (the "billion laughs" and external-entity attacks); nesting
deeper than :data:`MAX_DEPTH`, a text longer than :data:`MAX_TEXT` characters and a file larger
than :data:`MAX_BYTES` are refused; text is kept as data. Every refusal is a
:class:`FeedError` naming the file, line and column (exit code 2).

Only what the catalog's sync needs is read: numbers of the formation and action, title, ROME
codes, RNCP and RS codes, the CPF code, total hours and price (as written: see
:mod:`pathfinder.lheo.values`), the funders' codes, the place of training (INSEE commune code,
postal code, town, coordinates) and the sessions' periods.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.handler import ContentHandler

from ..errors import FeedError

NAMESPACES = ("http://lheo.gouv.fr/2.3", "http://www.lheo.org/2.2")
"""The LHÉO namespaces read, newest first."""
MAX_DEPTH = 40
"""LHÉO nests about ten levels deep; more is refused."""
MAX_TEXT = 200_000
"""Characters one element's text may hold (the longest free texts are descriptions)."""
MAX_BYTES = 4 * 1024**3
"""A feed larger than this is refused (4 GiB: a whole country's offer is well below)."""
BLOCK = 1 << 16
READ: frozenset[str] = frozenset(
    (
        "formation",
        "intitule-formation",
        "domaine-formation",
        "code-ROME",
        "certification",
        "code-RNCP",
        "code-RS",
        "code-CPF",
        "code-type-formation",
        "action",
        "nombre-heures-total",
        "prix-total-TTC",
        "organisme-financeur",
        "code-financeur",
        "lieu-de-formation",
        "coordonnees",
        "adresse",
        "codepostal",
        "ville",
        "code-INSEE-commune",
        "geolocalisation",
        "latitude",
        "longitude",
        "session",
        "periode",
        "debut",
        "fin",
    )
)
"""The elements of a formation that are kept, with their text: everything the sync reads and the
elements on the way to it. Any other element (descriptions, contacts, the provider's address…)
is skipped with all it holds, so its text is never stored."""


@dataclass(frozen=True)
class Place:
    """Where an action takes place, as the feed says it (any part may be missing)."""

    insee: str | None = None
    postal_code: str | None = None
    town: str | None = None
    lat: str | None = None
    lon: str | None = None


@dataclass(frozen=True)
class FeedSession:
    """A session's period as written (``AAAAMMJJ``: see :func:`pathfinder.lheo.values.parse_date`)
    and where in the feed it is."""

    start: str
    end: str
    line: int


@dataclass(frozen=True)
class Offer:
    """One action of one formation: what the sync compares with a catalog course."""

    formation: str
    action: str
    title: str
    line: int
    """Line of the action in the feed (for messages)."""
    rome: tuple[str, ...] = ()
    rncp: tuple[str, ...] = ()
    rs: tuple[str, ...] = ()
    cpf: bool = False
    """Whether the formation has a ``code-CPF`` (eligible to the CPF), under its certification
    or its ``code-type-formation``."""
    hours: str | None = None
    price: str | None = None
    funders: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    sessions: tuple[FeedSession, ...] = field(default=())


@dataclass
class _Node:
    """An element of the formation being read: its local name, attributes, text and children."""

    name: str
    attrs: dict[str, str]
    line: int
    text: list[str] = field(default_factory=list)
    size: int = 0
    children: list[_Node] = field(default_factory=list)

    def index(self) -> dict[str, list[_Node]]:
        """Every descendant by name, each list in document order."""
        return _index(self.children)

    def value(self) -> str:
        return " ".join("".join(self.text).split())


def read_offers(path: str | Path) -> Iterator[Offer]:
    """The offers of the feed at ``path``, in document order (one per action). Raises
    :class:`FeedError` for a file that is not a readable, safe LHÉO feed."""
    from xml.sax import SAXParseException
    from xml.sax.expatreader import ExpatLocator

    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import create_parser

    name = str(path)
    offers: list[Offer] = []
    handler = _Handler(offers)
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature("http://xml.org/sax/features/namespaces", True)
    parser.setContentHandler(handler)
    handler.setDocumentLocator(ExpatLocator(parser))  # feeding a SAX parser does not set it
    read = 0
    try:
        with open(path, "rb") as feed:
            while block := feed.read(BLOCK):
                read += len(block)
                if read > MAX_BYTES:
                    raise FeedError(name, handler.line(), handler.col(), "lheo.too_large")
                parser.feed(block)
                yield from offers
                offers.clear()
            parser.close()
            yield from offers
    except FileNotFoundError:
        raise FeedError(name, 0, 0, "lheo.not_found") from None
    except OSError as error:
        raise FeedError(name, 0, 0, "lheo.unreadable", reason=error.strerror or "") from None
    except DefusedXmlException as refused:
        kind = type(refused).__name__
        key = "lheo.dtd" if kind == "DTDForbidden" else "lheo.entity"
        raise FeedError(name, handler.line(), handler.col(), key) from None
    except _Refused as refused:
        raise FeedError(name, refused.line, refused.col, refused.key, **refused.params) from None
    except SAXParseException as error:  # not well-formed: a bad tag, invalid UTF-8…
        raise FeedError(
            name,
            error.getLineNumber() or 0,
            (error.getColumnNumber() or 0) + 1,
            "lheo.malformed",
            detail=str(error.getMessage())[:200],
        ) from None


class _Refused(Exception):
    """A feed the handler refuses (too deep, too long a text, not LHÉO).

    Internal control flow, never shown to a user as such: :func:`read_offers` turns it into a
    :class:`FeedError`."""

    def __init__(self, line: int, col: int, key: str, **params: object) -> None:
        super().__init__(key)
        self.line, self.col, self.key, self.params = line, col, key, params


class _Handler(ContentHandler):
    """SAX events to offers: keeps the formation being read, nothing else (the events it does
    not override are ignored, as in :class:`xml.sax.handler.ContentHandler`)."""

    def __init__(self, out: list[Offer]) -> None:
        super().__init__()
        self.out = out
        self.locator: Any = None
        self.depth = 0
        self.skip = 0  # the depth of the element being skipped, with all it holds; 0: none
        self.stack: list[_Node] = []  # the open elements of the formation being read

    # -- position ------------------------------------------------------------------------------

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 (the SAX interface)
        self.locator = locator

    def line(self) -> int:
        return int(self.locator.getLineNumber()) if self.locator is not None else 0

    def col(self) -> int:
        return int(self.locator.getColumnNumber()) + 1 if self.locator is not None else 0

    # -- events --------------------------------------------------------------------------------

    def startElementNS(self, name: tuple[str | None, str], qname: Any, attrs: Any) -> None:  # noqa: N802
        namespace, local = name
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(self.line(), self.col(), "lheo.too_deep", limit=MAX_DEPTH)
        if self.skip:
            return
        if self.depth == 1 and (local != "lheo" or namespace not in NAMESPACES):
            raise _Refused(self.line(), self.col(), "lheo.not_lheo", found=local[:80])
        if namespace not in NAMESPACES:
            self.skip = self.depth  # another vocabulary's element (extensions): not read
        elif self.stack:
            if local not in READ:
                self.skip = self.depth
                return
            line = self.line() if local in _LINED else 0
            node = _Node(local, {key[1]: value for key, value in attrs.items()}, line)
            self.stack[-1].children.append(node)
            self.stack.append(node)
        elif local == "formation":
            values = {key[1]: value for key, value in attrs.items()}
            self.stack.append(_Node(local, values, self.line()))

    def endElementNS(self, name: tuple[str | None, str], qname: Any) -> None:  # noqa: N802
        depth = self.depth
        self.depth -= 1
        if self.skip:
            if depth == self.skip:
                self.skip = 0
            return
        if not self.stack:
            return
        node = self.stack.pop()
        if not self.stack:  # the formation is read
            self.out.extend(_offers(node))

    def characters(self, content: str) -> None:
        if self.stack and not self.skip:
            node = self.stack[-1]
            node.size += len(content)
            if node.size > MAX_TEXT:
                raise _Refused(self.line(), self.col(), "lheo.text_too_long", limit=MAX_TEXT)
            node.text.append(content)


def _index(nodes: list[_Node]) -> dict[str, list[_Node]]:
    """``nodes`` and all they hold, by name, each list in document order."""
    found: dict[str, list[_Node]] = {}
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        found.setdefault(node.name, []).append(node)
        stack.extend(reversed(node.children))
    return found


_LINED = frozenset(("action", "session"))
"""The elements whose line is kept (the sync's messages name them)."""


def _texts(nodes: dict[str, list[_Node]], name: str) -> tuple[str, ...]:
    return tuple(v for node in nodes.get(name, ()) if (v := node.value()))


def _first(nodes: dict[str, list[_Node]], name: str) -> str | None:
    found = nodes.get(name)
    return (found[0].value() or None) if found else None


def _offers(formation: _Node) -> list[Offer]:
    """The offers of one formation: one per action (the formation's own fields repeated)."""
    number = formation.attrs.get("numero", "")
    nodes = _index([c for c in formation.children if c.name != "action"])
    certification = _index(nodes.get("certification", []))
    rncp = _texts(certification, "code-RNCP")
    rs = _texts(certification, "code-RS")
    # A CPF code: the certification's, or the type of training's (a VAE, a skills review…).
    types = _index(nodes.get("code-type-formation", []))
    cpf = bool(_texts(certification, "code-CPF") or _texts(types, "code-CPF"))
    rome = _texts(nodes, "code-ROME")
    title = _first(nodes, "intitule-formation") or ""
    found = []
    for action in (c for c in formation.children if c.name == "action"):
        held = action.index()
        found.append(
            Offer(
                formation=number,
                action=action.attrs.get("numero", ""),
                title=title,
                line=action.line,
                rome=rome,
                rncp=rncp,
                rs=rs,
                cpf=cpf,
                hours=_first(held, "nombre-heures-total"),
                price=_first(held, "prix-total-TTC"),
                funders=_texts(held, "code-financeur"),
                places=tuple(_place(p) for p in held.get("lieu-de-formation", ())),
                sessions=tuple(_session(s) for s in held.get("session", ())),
            )
        )
    return found


def _place(node: _Node) -> Place:
    held = node.index()
    return Place(
        insee=_first(held, "code-INSEE-commune"),
        postal_code=_first(held, "codepostal"),
        town=_first(held, "ville"),
        lat=_first(held, "latitude"),
        lon=_first(held, "longitude"),
    )


def _session(node: _Node) -> FeedSession:
    held = node.index()
    return FeedSession(
        _first(held, "debut") or "00000000", _first(held, "fin") or "00000000", node.line
    )
