"""The lint never crashes: mutated catalogs always end in a report and exit 0 or 1.

Hypothesis starts from valid catalogs and deletes keys, swaps value types, renames keys and ids
(breaking references), points references at other entries and changes levels (valid catalogs with
a different prerequisite graph, for the PF2xx checks), truncates files and injects bytes, on one file or a catalog split in two.
Every report is also rendered in every format and both languages (a message with a missing
placeholder would raise there).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.catalogs import MINI_CATALOG
from support.cli import run_cli
from support.lint_fixtures import catalog, course

from pathfinder.lint import lint
from pathfinder.lint.formats import FORMATS, render

RICH = catalog(
    skills="skills:\n"
    "  - {id: basics, name: {en: Basics, fr: Bases}, category: core}\n"
    "  - {id: safety, name: {en: Safety, fr: Sécurité}, category: core, max_level: 1}\n"
    "  - {id: a, name: {en: A, fr: A}, category: core}\n"
    "  - {id: b, name: {en: B, fr: B}, category: core}\n",
    courses="courses:\n"
    + "\n".join(
        [
            course("safety-course", "requires: {basics: 1}, grants: {safety: 1}"),
            course("ca", "requires_any: [{b: 1, basics: 1}], grants: {a: 1}"),
            course("cb", "requires: {a: 1}, grants: {b: 1, basics: 2}"),
        ]
    )
    + "\n",
)
SEEDS = [yaml.safe_load(MINI_CATALOG), yaml.safe_load(RICH)]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "on", "", "basics", "flins", "campus", "ev", "PF201"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
INJECTED = st.one_of(
    st.binary(min_size=1, max_size=6),
    st.sampled_from(
        [
            b"\x00",
            b"\t",
            b"\xff\xfe",
            b"\xef\xbb\xbf",
            b"&a ",
            b"*a",
            b"!!python/object ",
            b"{",
            b"]",
            b": ",
            b"\n- ",
            b"'",
            b'"',
            b"\n---\n",
            b"# pathfinder: ignore[PF2",
        ]
    ),
)


def _slots(data: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key-or-index) pair of the tree."""
    if isinstance(data, dict):
        for key in list(data):
            found.append((data, key))
            _slots(data[key], found)
    elif isinstance(data, list):
        for index in range(len(data)):
            found.append((data, index))
            _slots(data[index], found)
    return found


def _ids(data: Any, only: str | None = None) -> list[str]:
    """Every entry id of the catalog (of section ``only``), or a stand-in when there is none."""
    found = [
        entry["id"]
        for name, section in (data.items() if isinstance(data, dict) else ())
        if isinstance(section, list) and only in (None, name)
        for entry in section
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    ]
    return found or ["basics"]


DAMAGE = ("delete", "swap", "rename", "retarget", "rekey", "relevel")
REWIRE = ("retarget", "rekey", "relevel")
"""Mutations that keep a catalog valid more often than not, changing only its prerequisite graph."""


def _graph_slots(data: Any) -> list[tuple[Any, Any]]:
    """The (mapping, skill) pairs of every requires, requires_any group and grants."""
    found: list[tuple[Any, Any]] = []
    for section in ("courses", "jobs"):
        entries = data.get(section) if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            groups = entry.get("requires_any")
            mappings = [
                entry.get("requires"),
                entry.get("grants"),
                *(groups if isinstance(groups, list) else ()),
            ]
            found.extend(
                (mapping, skill)
                for mapping in mappings
                if isinstance(mapping, dict)
                for skill in mapping
            )
    return found


def _mutate(draw: st.DrawFn, data: Any, action: str) -> None:
    graph_slots = _graph_slots(data) if action in ("rekey", "relevel") else []
    slots = graph_slots or _slots(data, [])
    if not slots:
        return
    container, key = draw(st.sampled_from(slots))
    value = container[key]
    if action == "retarget" and isinstance(value, str):
        # another id of the catalog: references stay valid, the prerequisite graph changes
        container[key] = draw(st.sampled_from(_ids(data)))
    elif action == "rekey" and isinstance(container, dict):
        # a skill in requires/grants becomes another skill (another entry's id off the graph)
        container[draw(st.sampled_from(_ids(data, "skills" if graph_slots else None)))] = (
            container.pop(key)
        )
    elif action == "relevel" and isinstance(value, int) and not isinstance(value, bool):
        container[key] = draw(st.integers(1, 3) | st.integers(0, 6))
    elif action == "delete":
        del container[key]
    elif action == "swap":
        container[key] = draw(VALUES)
    elif action == "rename" and isinstance(container, dict):
        container[draw(st.text(min_size=1, max_size=8))] = container.pop(key)
    elif action == "rename" and isinstance(value, str):
        container[key] = draw(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True))


@st.composite
def mutated_files(
    draw: st.DrawFn,
    actions: tuple[str, ...] = DAMAGE,
    max_mutations: int = 3,
    bytes_too: bool = True,
) -> list[bytes]:
    data = json.loads(json.dumps(draw(st.sampled_from(SEEDS))))
    for _ in range(draw(st.integers(0, max_mutations))):
        _mutate(draw, data, draw(st.sampled_from(actions)))
    if not isinstance(data, dict):
        data = {"catalog": data}
    sections = list(data.items())
    split = draw(st.integers(0, len(sections)))
    parts = [dict(sections[:split]), dict(sections[split:])] if draw(st.booleans()) else [data]
    files = [
        yaml.safe_dump(
            part,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=draw(st.sampled_from([None, False])),
        ).encode()
        for part in parts
    ]
    if not bytes_too:
        return files
    index = draw(st.integers(0, len(files) - 1))
    blob = files[index]
    for _ in range(draw(st.integers(0, 2))):
        where = draw(st.integers(0, len(blob)))
        if draw(st.booleans()):
            blob = blob[:where]
        else:
            blob = blob[:where] + draw(INJECTED) + blob[where:]
    files[index] = blob
    return files


def _check(files: list[bytes], use_cache: bool, record: bool = False) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "cat"
        root.mkdir()
        for number, blob in enumerate(files):
            (root / f"part{number}.yaml").write_bytes(blob)
        target = root if len(files) > 1 else root / "part0.yaml"
        report = lint([target], use_cache=use_cache)
        if record:  # shown by pytest --hypothesis-show-statistics
            event("catalog checks skipped" if report.skipped else "catalog checks ran")
            for family in sorted({d.code[:3] for d in report.diagnostics}):
                event(f"found {family}xx")
        assert report.exit_code() in (0, 1)
        assert report.exit_code(strict=True) in (0, 1)
        assert list(report.diagnostics) == sorted(report.diagnostics)
        for lang in ("en", "fr"):
            for fmt in FORMATS:
                text = render(report, fmt, lang)
                if fmt in ("json", "sarif"):
                    json.loads(text)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=mutated_files(), use_cache=st.booleans())
def test_lint_of_a_mutated_catalog_always_ends_in_a_report(
    files: list[bytes], use_cache: bool
) -> None:
    _check(files, use_cache, record=True)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=mutated_files(REWIRE, max_mutations=6, bytes_too=False))
def test_lint_of_a_rewired_catalog_always_ends_in_a_report(files: list[bytes]) -> None:
    """Mostly valid catalogs with odd prerequisite graphs: the PF2xx checks run on these."""
    _check(files, use_cache=False, record=True)


def test_the_seeds_are_valid() -> None:
    for seed in SEEDS:
        _check([yaml.safe_dump(seed, allow_unicode=True).encode()], use_cache=False)


def test_console_script_on_broken_files(tmp_path: Path) -> None:
    blob = RICH.encode()
    broken = {
        "truncated.yaml": blob[: len(blob) // 2],
        "nul.yaml": blob[:200] + b"\x00" + blob[200:],
        "latin1.yaml": RICH.encode("latin-1", errors="replace"),
        "swapped.yaml": yaml.safe_dump(
            {**yaml.safe_load(RICH), "courses": {"not": "a list"}}
        ).encode(),
        "garbage.yaml": bytes(range(256)),
    }
    for name, data in broken.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run_cli("lint", str(path), "--no-cache")
        assert result.returncode in (0, 1), (name, result.stderr)
        assert "Traceback" not in result.stderr, name
        assert result.stdout.splitlines()[-1].endswith("in 1 file"), name
