"""The prerequisite graph of a catalog, for people to look at: DOT (Graphviz) and Mermaid.

Nodes are skills, courses and jobs (``kind`` attribute; node keys ``skill:ID``, ``course:ID``,
``job:ID``, since a skill and a job may share an id). Edges, with a ``kind`` and a ``level``:

- ``requires``: skill -> course or job, the minimum level;
- ``requires_any``: skill -> course, one alternative of group ``group`` (1-based);
- ``grants``: course -> skill, the level reached.

The graph is a networkx graph; the DOT text is written here rather than with networkx's DOT
writers (``nx_pydot``, ``nx_agraph``), which need pydot or pygraphviz at run time: both would be a
dependency of every installation for one command. The tests parse the output with pydot.

>>> graph = build_graph(catalog)
>>> print(to_mermaid(neighbourhood(graph, "hv-b2l", depth=1)))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import UnknownIdError
from .safetext import printable
from .textsearch import suggest

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

    from .model import Catalog

NODE_KINDS: tuple[str, ...] = ("skill", "course", "job")
EDGE_KINDS: tuple[str, ...] = ("requires", "requires_any", "grants")

DOT_SHAPES = {"skill": "ellipse", "course": "box", "job": "hexagon"}
DOT_EDGES = {
    "requires": 'style=solid, color="#455a64"',
    "requires_any": 'style=dashed, color="#6a1b9a"',
    "grants": 'style=bold, color="#2e7d32"',
}
MERMAID_SHAPES = {"skill": ('(["', '"])'), "course": ('["', '"]'), "job": ('{{"', '"}}')}
MERMAID_ARROWS = {"requires": "-->", "requires_any": "-.->", "grants": "==>"}
MERMAID_CLASSES = {
    "skill": "fill:#e3f2fd,stroke:#1565c0",
    "course": "fill:#fff8e1,stroke:#ff8f00",
    "job": "fill:#e8f5e9,stroke:#2e7d32",
}


def node_key(kind: str, entry_id: str) -> str:
    return f"{kind}:{entry_id}"


def build_graph(catalog: Catalog, lang: str | None = None) -> nx.MultiDiGraph:
    """The whole catalog as a networkx multigraph (see the module's docstring)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=catalog.info.name)
    for skill in catalog.skills.values():
        graph.add_node(
            node_key("skill", skill.id), kind="skill", id=skill.id, name=catalog.name(skill, lang)
        )
    for course in catalog.courses.values():
        key = node_key("course", course.id)
        graph.add_node(key, kind="course", id=course.id, name=catalog.name(course, lang))
        for skill_id, level in course.requires.items():
            graph.add_edge(node_key("skill", skill_id), key, kind="requires", level=level)
        for group, alternatives in enumerate(course.requires_any, start=1):
            for skill_id, level in alternatives.items():
                graph.add_edge(
                    node_key("skill", skill_id), key, kind="requires_any", level=level, group=group
                )
        for skill_id, level in course.grants.items():
            graph.add_edge(key, node_key("skill", skill_id), kind="grants", level=level)
    for job in catalog.jobs.values():
        key = node_key("job", job.id)
        graph.add_node(key, kind="job", id=job.id, name=catalog.name(job, lang))
        for skill_id, level in job.requires.items():
            graph.add_edge(node_key("skill", skill_id), key, kind="requires", level=level)
    return graph


def neighbourhood(graph: nx.MultiDiGraph, around: str, depth: int) -> nx.MultiDiGraph:
    """The entries at most ``depth`` edges away from ``around`` (edges followed both ways).

    ``around`` is an id (every entry of any kind with that id is a centre) or a node key such as
    ``job:ev-technician``. An id that names nothing raises :class:`UnknownIdError`.
    """
    centres = [
        node for node, data in graph.nodes(data=True) if data.get("id") == around or node == around
    ]
    if not centres:
        ids = sorted({data["id"] for _, data in graph.nodes(data=True)})
        raise UnknownIdError("entry", around, suggest(around, ids))
    seen = set(centres)
    frontier = list(centres)
    for _ in range(max(depth, 0)):
        if not frontier:  # everything reachable is in: a depth of 10**12 ends here too
            break
        following: list[str] = []
        for node in frontier:
            for other in _neighbours(graph, node):
                if other not in seen:
                    seen.add(other)
                    following.append(other)
        frontier = following
    return _induced(graph, seen)


def _induced(graph: nx.MultiDiGraph, keep: set[str]) -> nx.MultiDiGraph:
    """The subgraph on ``keep``, nodes and edges in the original order (networkx's subgraph views
    iterate in set order, which would make the output vary from run to run)."""
    sub = graph.__class__(**graph.graph)
    sub.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in keep)
    sub.add_edges_from(
        (source, target, data)
        for source, target, data in graph.edges(data=True)
        if source in keep and target in keep
    )
    return sub


def _neighbours(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    yield from graph.successors(node)
    yield from graph.predecessors(node)


def _dot_string(text: str) -> str:
    """A DOT quoted string that shows exactly ``text``, on one line of DOT: backslashes and double
    quotes escaped (no label can end the string or use Graphviz's ``\\l``/``\\N`` escapes), line
    feeds as DOT's ``\\n`` line break, every other control character (CR, ESC, a bidirectional
    override) written as a visible escape."""
    return (
        '"'
        + "\\n".join(
            printable(line).replace("\\", "\\\\").replace('"', '\\"') for line in text.split("\n")
        )
        + '"'
    )


def _edge_label(data: dict[str, Any]) -> str:
    if data["kind"] == "grants":
        return f"{data['level']}"
    if data["kind"] == "requires_any":
        return f"any{data['group']} ≥{data['level']}"
    return f"≥{data['level']}"


def to_dot(graph: nx.MultiDiGraph) -> str:
    """Graphviz DOT text; nodes shaped by kind (skill ellipse, course box, job hexagon), edges
    styled by kind (requires solid, requires_any dashed, grants bold) and labelled with levels."""
    lines = [f"digraph {_dot_string(str(graph.graph.get('name') or 'catalog'))} {{"]
    lines.append("  graph [rankdir=LR];")
    lines.append('  node [fontname="Helvetica", fontsize=10];')
    lines.append('  edge [fontname="Helvetica", fontsize=9];')
    for node, data in graph.nodes(data=True):
        kind = data.get("kind", "skill")
        attributes = [
            f"label={_dot_string(data.get('id', node))}",
            f"tooltip={_dot_string(data.get('name') or data.get('id', node))}",
            f"shape={DOT_SHAPES.get(kind, 'ellipse')}",
            f"class={_dot_string(kind)}",
        ]
        lines.append(f"  {_dot_string(node)} [{', '.join(attributes)}];")
    for source, target, data in graph.edges(data=True):
        kind = data["kind"]
        styling = (
            f"label={_dot_string(_edge_label(data))}, {DOT_EDGES[kind]}, class={_dot_string(kind)}"
        )
        lines.append(f"  {_dot_string(source)} -> {_dot_string(target)} [{styling}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


MERMAID_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "(": "#40;",
    ")": "#41;",
    ";": "#59;",
}
"""Characters Mermaid could read as syntax in a quoted label, written as its entity codes."""


def _mermaid_text(text: str) -> str:
    """Label text for a quoted Mermaid label: one line (control characters made visible), quotes,
    brackets, pipes, backticks (Markdown strings) and ``#`` (entity codes) as entity codes."""
    return "".join(MERMAID_ENTITIES.get(char, char) for char in printable(text))


def to_mermaid(graph: nx.MultiDiGraph) -> str:
    """Mermaid ``flowchart`` text (GitHub renders it in a ```` ```mermaid ```` block): skills as
    stadiums, courses as rectangles, jobs as hexagons; requires ``-->``, requires_any ``-.->``,
    grants ``==>``, each labelled with its level."""
    ids = {node: f"n{index}" for index, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    by_kind: dict[str, list[str]] = {kind: [] for kind in NODE_KINDS}
    for node, data in graph.nodes(data=True):
        kind = data.get("kind", "skill")
        opening, closing = MERMAID_SHAPES.get(kind, MERMAID_SHAPES["skill"])
        lines.append(f"  {ids[node]}{opening}{_mermaid_text(data.get('id', node))}{closing}")
        by_kind.setdefault(kind, []).append(ids[node])
    for source, target, data in graph.edges(data=True):
        arrow = MERMAID_ARROWS[data["kind"]]
        lines.append(f'  {ids[source]} {arrow}|"{_mermaid_text(_edge_label(data))}"| {ids[target]}')
    for kind, style in MERMAID_CLASSES.items():
        lines.append(f"  classDef {kind} {style}")
    for kind, members in by_kind.items():
        if members:
            lines.append(f"  class {','.join(members)} {kind}")
    return "\n".join(lines) + "\n"
