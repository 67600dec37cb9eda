"""The safe YAML reader: limits, tags, duplicate keys, encodings, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.errors import PathfinderError
from pathfinder.yamlsource import MAX_DEPTH, parse_bytes, parse_text, read_yaml


def codes(parsed) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in parsed.diagnostics]


def test_scalars_are_typed_by_yaml_1_2_core_schema() -> None:
    parsed = parse_text(
        "a: [1, -2, 0x1f, 1.5, .inf, true, null, ~, '3', no, On, 2026.11, text]\n", "f.yaml"
    )
    values = parsed.root.to_python()["a"]
    assert values[:5] == [1, -2, 31, 1.5, float("inf")]
    assert values[5:] == [True, None, None, "3", "no", "On", 2026.11, "text"]


def test_yaml11_booleans_stay_strings_and_are_flagged() -> None:
    parsed = parse_text("a: no\nb: 'yes'\nc: [on, off]\n", "f.yaml")
    assert parsed.root.to_python() == {"a": "no", "b": "yes", "c": ["on", "off"]}
    assert codes(parsed) == [("PF301", 1, 4), ("PF301", 3, 5), ("PF301", 3, 9)]


def test_duplicate_keys_name_both_places() -> None:
    parsed = parse_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "f.yaml")
    assert codes(parsed) == [("PF002", 4, 3), ("PF002", 5, 1)]
    params = dict(parsed.diagnostics[1].params)
    assert (params["name"], params["first_line"], params["first_column"]) == ("a", 1, 1)
    assert parsed.root.to_python() == {"a": 1, "b": {"c": 1}}


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!python/name:os.system\n",
        "a: !custom x\n",
        "a: !<tag:example.com,2000:x> 1\n",
    ],
)
def test_tags_other_than_core_ones_are_refused(text: str) -> None:
    parsed = parse_text(text, "f.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF003"]


def test_core_tags_are_honoured() -> None:
    parsed = parse_text("a: !!str 12\nb: !!int '7'\n", "f.yaml")
    assert parsed.root.to_python() == {"a": "12", "b": 7}
    assert parsed.diagnostics == []


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    parsed = parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF006"]
    assert parsed.root is None


def test_small_aliases_are_fine() -> None:
    parsed = parse_text("base: &b {x: 1}\nother: *b\n", "f.yaml")
    assert parsed.root.to_python() == {"base": {"x": 1}, "other": {"x": 1}}


@pytest.mark.parametrize("opener,closer", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_refused(opener: str, closer: str) -> None:
    depth = 10_000
    parsed = parse_text(opener * depth + "1" + closer * depth + "\n", "deep.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF005"]
    assert parsed.root is None


def test_parser_nesting_limit_is_pf005_with_its_location(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML >= 6.0.4's libyaml stops at its own depth, before the tree builder does: whichever
    limit fires first, the problem is PF005 at the parser's position, never a syntax error."""
    import yaml

    class DepthLimitedLoader:
        def __init__(self, text: str) -> None:
            self.mark = yaml.Mark("<unicode string>", 0, 0, 1000, None, None)

        def get_event(self) -> object:
            raise yaml.scanner.ScannerError(
                "while scanning",
                None,
                "exceeded maximum nesting depth while increasing flow level",
                self.mark,
            )

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(yaml, "CSafeLoader", DepthLimitedLoader, raising=False)
    parsed = parse_text("[" * 2000 + "1" + "]" * 2000 + "\n", "deep.yaml")
    assert codes(parsed) == [("PF005", 1, 1001)]
    assert parsed.root is None


def test_tree_builder_nesting_limit_fires_below_the_parsers() -> None:
    """Deeper than MAX_DEPTH but far below libyaml's own limit: the tree builder refuses it, in
    block style as in flow style, whatever the PyYAML version."""
    depth = MAX_DEPTH + 10
    block = "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "b: 1\n"
    assert [d.code for d in parse_text(block, "deep.yaml").diagnostics] == ["PF005"]
    flow = "[" * depth + "1" + "]" * depth
    assert codes(parse_text(flow, "deep.yaml")) == [("PF005", 1, MAX_DEPTH + 1)]


def test_nesting_at_the_limit_is_fine() -> None:
    parsed = parse_text("[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1), "ok.yaml")
    assert parsed.diagnostics == []
    too_deep = parse_text("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH, "deep.yaml")
    assert codes(too_deep) == [("PF005", 1, MAX_DEPTH + 1)]


def test_syntax_error_has_line_and_column() -> None:
    parsed = parse_text("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF001"]
    assert parsed.diagnostics[0].line == 3


def test_tab_indentation_is_explained() -> None:
    parsed = parse_text("a:\n\tb: 1\n", "f.yaml")
    assert codes(parsed) == [("PF009", 2, 1)]
    assert "tab" in parsed.diagnostics[0].message


def test_not_utf8_names_the_byte_and_position() -> None:
    parsed = parse_bytes(b"a: 1\nb: caf" + b"\xe9\n", "f.yaml")
    assert codes(parsed) == [("PF007", 2, 7)]
    assert "0xe9" in parsed.diagnostics[0].message


def test_utf16_is_refused() -> None:
    parsed = parse_bytes("a: 1\n".encode("utf-16"), "f.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF007"]


def test_bom_is_a_warning_and_the_file_still_reads() -> None:
    parsed = parse_bytes(b"\xef\xbb\xbfa: 1\n", "f.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF008"]
    assert parsed.root.to_python() == {"a": 1}


def test_control_characters_are_a_syntax_error() -> None:
    parsed = parse_bytes(b"a: \x01\n", "f.yaml")
    assert [d.code for d in parsed.diagnostics] == ["PF001"]


def test_several_documents_are_refused() -> None:
    parsed = parse_text("a: 1\n---\nb: 2\n", "f.yaml")
    assert codes(parsed) == [("PF001", 2, 1)]


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pathfinder.yamlsource as ys

    monkeypatch.setattr(ys, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.yaml"
    path.write_text("a: 12345678901234567890\n")
    parsed = ys.parse_file(path)
    assert [d.code for d in parsed.diagnostics] == ["PF004"]


def test_read_yaml_raises_a_message_with_position(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("jobs: [a\n")
    with pytest.raises(PathfinderError) as caught:
        read_yaml(path)
    assert caught.value.message().startswith(f"{path}:2:1: error PF001")
    path.write_text("jobs: [a, b]\n")
    assert read_yaml(path) == {"jobs": ["a", "b"]}
