"""The prerequisite graph: its nodes and edges, the neighbourhood, DOT that parses, Mermaid text."""

from __future__ import annotations

import re
from pathlib import Path

import pydot
import pytest
from support.catalogs import MINI_CATALOG
from support.cli import run_cli

from pathfinder.errors import UnknownIdError
from pathfinder.graph import build_graph, neighbourhood, to_dot, to_mermaid
from pathfinder.loader import loads_catalog

pytestmark = pytest.mark.filterwarnings(
    "ignore:'setParseAction' deprecated"
)  # pydot's own use of pyparsing

ANY = MINI_CATALOG.replace(
    "    grants: {hv-safety-b2l: 1}\n",
    "    requires_any: [{torque-tooling: 1, electrical-basics: 2}]\n    grants: {hv-safety-b2l: 1}\n",
)


@pytest.fixture
def graph():  # type: ignore[no-untyped-def]
    return build_graph(loads_catalog(ANY))


def test_nodes_and_edges_by_kind(graph) -> None:  # type: ignore[no-untyped-def]
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    assert kinds == {
        "skill:electrical-basics": "skill",
        "skill:hv-safety-b2l": "skill",
        "skill:torque-tooling": "skill",
        "course:electrical-upgrade": "course",
        "course:hv-b2l": "course",
        "job:assembly-operator": "job",
        "job:ev-technician": "job",
    }
    edges = sorted(
        (s, t, d["kind"], d["level"], d.get("group")) for s, t, d in graph.edges(data=True)
    )
    assert edges == [
        ("course:electrical-upgrade", "skill:electrical-basics", "grants", 1, None),
        ("course:hv-b2l", "skill:hv-safety-b2l", "grants", 1, None),
        ("skill:electrical-basics", "course:hv-b2l", "requires", 1, None),
        ("skill:electrical-basics", "course:hv-b2l", "requires_any", 2, 1),
        ("skill:hv-safety-b2l", "job:ev-technician", "requires", 1, None),
        ("skill:torque-tooling", "course:hv-b2l", "requires_any", 1, 1),
        ("skill:torque-tooling", "job:assembly-operator", "requires", 2, None),
        ("skill:torque-tooling", "job:ev-technician", "requires", 1, None),
    ]


@pytest.mark.parametrize(
    ("around", "depth", "expected"),
    [
        ("hv-b2l", 0, {"course:hv-b2l"}),
        (
            "hv-b2l",
            1,
            {
                "course:hv-b2l",
                "skill:electrical-basics",
                "skill:hv-safety-b2l",
                "skill:torque-tooling",
            },
        ),
        (
            "hv-b2l",
            2,
            {
                "course:hv-b2l",
                "skill:electrical-basics",
                "skill:hv-safety-b2l",
                "skill:torque-tooling",
                "course:electrical-upgrade",
                "job:ev-technician",
                "job:assembly-operator",
            },
        ),
        ("assembly-operator", 1, {"job:assembly-operator", "skill:torque-tooling"}),
        (
            "job:ev-technician",
            1,
            {"job:ev-technician", "skill:hv-safety-b2l", "skill:torque-tooling"},
        ),
    ],
)
def test_around_keeps_exactly_the_neighbourhood(
    graph, around: str, depth: int, expected: set[str]
) -> None:  # type: ignore[no-untyped-def]
    sub = neighbourhood(graph, around, depth)
    assert set(sub.nodes) == expected
    assert all(sub.has_edge(s, t) for s, t in graph.edges() if s in expected and t in expected)


def test_an_id_shared_by_a_skill_and_a_job_keeps_both() -> None:
    text = MINI_CATALOG.replace("  - id: ev-technician\n", "  - id: torque-tooling\n")
    sub = neighbourhood(build_graph(loads_catalog(text)), "torque-tooling", 0)
    assert set(sub.nodes) == {"skill:torque-tooling", "job:torque-tooling"}


def test_unknown_id_suggests(graph) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownIdError) as caught:
        neighbourhood(graph, "hv-b2", 1)
    assert "hv-b2l" in caught.value.message("en")


def test_dot_parses_with_shapes_and_styles(graph) -> None:  # type: ignore[no-untyped-def]
    (parsed,) = pydot.graph_from_dot_data(to_dot(graph))
    nodes = {
        n.get_name().strip('"'): n
        for n in parsed.get_nodes()
        if n.get_name() not in ("node", "edge", "graph")
    }
    assert set(nodes) == set(graph.nodes)
    shapes = {name: node.get_shape() for name, node in nodes.items()}
    assert shapes["skill:torque-tooling"] == "ellipse"
    assert shapes["course:hv-b2l"] == "box"
    assert shapes["job:ev-technician"] == "hexagon"
    styles = sorted(
        (e.get_source().strip('"'), e.get_destination().strip('"'), e.get_style())
        for e in parsed.get_edges()
    )
    assert len(styles) == graph.number_of_edges()
    assert ("skill:torque-tooling", "course:hv-b2l", "dashed") in styles
    assert ("course:hv-b2l", "skill:hv-safety-b2l", "bold") in styles
    assert ("skill:electrical-basics", "course:hv-b2l", "solid") in styles


def test_dot_quotes_awkward_names() -> None:
    text = MINI_CATALOG.replace(
        "  name: Mini\n", '  name: "Mini \\"quoted\\" \\\\ back; {x} -> y"\n'
    )
    text = text.replace("{en: Electrical basics,", '{en: "Say \\"hi\\"\\nthen go",')
    dot = to_dot(build_graph(loads_catalog(text), "en"))
    (parsed,) = pydot.graph_from_dot_data(dot)
    assert parsed.get_name() == '"Mini \\"quoted\\" \\\\ back; {x} -> y"'
    nodes = {
        n.get_name(): n for n in parsed.get_nodes() if n.get_name() not in ("node", "edge", "graph")
    }
    assert len(nodes) == 7
    assert nodes['"skill:electrical-basics"'].get("tooltip") == '"Say \\"hi\\"\\nthen go"'


def test_mermaid_shape(graph) -> None:  # type: ignore[no-untyped-def]
    lines = to_mermaid(graph).splitlines()
    assert lines[0] == "flowchart LR"
    node_lines = [
        line
        for line in lines
        if re.match(r'^  n\d+(\(\["|\["|\{\{")[a-z0-9-]+("\]\)|"\]|"\}\})$', line)
    ]
    assert len(node_lines) == graph.number_of_nodes()
    assert '  n0(["electrical-basics"])' in lines  # skills first, as stadiums
    assert any(re.match(r'^  n\d+\["hv-b2l"\]$', line) for line in lines)
    assert any(re.match(r'^  n\d+\{\{"ev-technician"\}\}$', line) for line in lines)
    edges = [line for line in lines if re.match(r'^  n\d+ (-->|-\.->|==>)\|"[^"]+"\| n\d+$', line)]
    assert len(edges) == graph.number_of_edges()
    assert sum("-.->" in line for line in edges) == 2
    assert sum("==>" in line for line in edges) == 2
    assert any(line.startswith("  classDef course ") for line in lines)


def test_cli_graph(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(ANY, encoding="utf-8")
    dot = run_cli("catalog", "graph", "--catalog", str(path))
    assert dot.returncode == 0, dot.stderr
    assert pydot.graph_from_dot_data(dot.stdout)
    again = run_cli("catalog", "graph", "--catalog", str(path))
    assert again.stdout == dot.stdout  # deterministic
    mermaid = run_cli(
        "catalog",
        "graph",
        "--catalog",
        str(path),
        "--around",
        "hv-b2l",
        "--depth",
        "1",
        "--format",
        "mermaid",
    )
    assert mermaid.stdout.startswith("flowchart LR\n")
    assert mermaid.stdout.count('"]') + mermaid.stdout.count('"])') >= 4
    out = tmp_path / "review.md"
    written = run_cli(
        "catalog", "graph", "--catalog", str(path), "--format", "mermaid", "-o", str(out)
    )
    assert written.returncode == 0 and written.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("```mermaid\nflowchart LR\n")
    unknown = run_cli("catalog", "graph", "--catalog", str(path), "--around", "hv-b2")
    assert unknown.returncode == 2 and "hv-b2l" in unknown.stderr
    unwritable = run_cli(
        "catalog", "graph", "--catalog", str(path), "-o", str(tmp_path / "no" / "such" / "dir.dot")
    )
    assert (
        unwritable.returncode == 2
        and "cannot write" in unwritable.stderr
        and "Traceback" not in unwritable.stderr
    )


def _dot_nodes(text: str) -> set[str]:
    (parsed,) = pydot.graph_from_dot_data(text)
    return {
        n.get_name().strip('"')
        for n in parsed.get_nodes()
        if n.get_name() not in ("node", "edge", "graph")
    }


def _dot_edges(text: str) -> set[tuple[str, str, str]]:
    (parsed,) = pydot.graph_from_dot_data(text)
    return {
        (e.get_source().strip('"'), e.get_destination().strip('"'), e.get("class").strip('"'))
        for e in parsed.get_edges()
    }


def test_cli_around_keeps_exactly_the_expected_nodes(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(ANY, encoding="utf-8")
    result = run_cli(
        "catalog", "graph", "--catalog", str(path), "--around", "ev-technician", "--depth", "2"
    )
    assert result.returncode == 0, result.stderr
    # depth 1: the job's two required skills; depth 2: what requires or grants them.
    assert _dot_nodes(result.stdout) == {
        "job:ev-technician",
        "skill:hv-safety-b2l",
        "skill:torque-tooling",
        "course:hv-b2l",
        "job:assembly-operator",
    }
    assert _dot_edges(result.stdout) == {
        ("skill:hv-safety-b2l", "job:ev-technician", "requires"),
        ("skill:torque-tooling", "job:ev-technician", "requires"),
        ("skill:torque-tooling", "job:assembly-operator", "requires"),
        ("skill:torque-tooling", "course:hv-b2l", "requires_any"),
        ("course:hv-b2l", "skill:hv-safety-b2l", "grants"),
    }
    default_depth = run_cli("catalog", "graph", "--catalog", str(path), "--around", "ev-technician")
    assert default_depth.stdout == result.stdout  # --depth defaults to 2
    mermaid = run_cli(
        "catalog",
        "graph",
        "--catalog",
        str(path),
        "--around",
        "ev-technician",
        "--depth",
        "1",
        "--format",
        "mermaid",
    )
    shown = set(re.findall(r'^  n\d+(?:\(\["|\["|\{\{")([a-z0-9-]+)"', mermaid.stdout, flags=re.M))
    assert shown == {"ev-technician", "hv-safety-b2l", "torque-tooling"}


def test_cli_unknown_id_exits_2_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(ANY, encoding="utf-8")
    result = run_cli("catalog", "graph", "--catalog", str(path), "--around", "ev-technicain")
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "unknown entry 'ev-technicain'" in result.stderr
    assert "did you mean ev-technician?" in result.stderr
    french = run_cli(
        "catalog",
        "graph",
        "--catalog",
        str(path),
        "--around",
        "ev-technicain",
        env={"LANG": "fr_FR.UTF-8"},
    )
    assert french.returncode == 2 and "vouliez-vous dire ev-technician ?" in french.stderr
    negative = run_cli(
        "catalog", "graph", "--catalog", str(path), "--around", "hv-b2l", "--depth", "-1"
    )
    assert negative.returncode == 2 and "Traceback" not in negative.stderr


def test_whole_graph_dot_has_every_entry_and_edge_kind(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(ANY, encoding="utf-8")
    result = run_cli("catalog", "graph", "--catalog", str(path), "--format", "dot")
    graph = build_graph(loads_catalog(ANY))
    assert _dot_nodes(result.stdout) == set(graph.nodes)
    assert {kind for _, _, kind in _dot_edges(result.stdout)} == {
        "requires",
        "requires_any",
        "grants",
    }
