"""The JSON Schema and the format documentation stay true to the loader."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from support import ROOT
from support.catalogs import MINI_CATALOG

from pathfinder.loader import bundled_catalog_path, loads_catalog
from pathfinder.schema import json_schema
from pathfinder.yamlsource import read_yaml_node

DOC = ROOT / "docs" / "catalog-format.md"


def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_matches_the_code() -> None:
    committed = json.loads((ROOT / "docs" / "catalog.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: pathfinder catalog schema > docs/catalog.schema.json"


def test_schema_accepts_a_valid_catalog_and_rejects_broken_ones() -> None:
    check = validator()
    check.validate(yaml.safe_load(MINI_CATALOG))
    broken = yaml.safe_load(MINI_CATALOG.replace("hours: 21", "hours: -3"))
    assert not check.is_valid(broken)
    no_sites = yaml.safe_load(MINI_CATALOG.replace("    sites: [flins, cleon]\n", ""))
    assert not check.is_valid(no_sites)
    unknown = yaml.safe_load(
        MINI_CATALOG.replace("    rome: H2909\n", "    rome: H2909\n    colour: red\n")
    )
    assert not check.is_valid(unknown)


def test_schema_validates_every_bundled_catalog_file() -> None:
    check = validator()
    files = sorted(bundled_catalog_path().rglob("*.yaml"))
    assert files
    for path in files:
        # Read as YAML 1.2 (the catalog's reading, and editors'): 2027-01-11 is a string, not
        # PyYAML's YAML 1.1 timestamp.
        root = read_yaml_node(path)
        document = root.to_python() if root is not None else None
        errors = list(check.iter_errors(document))
        assert not errors, f"{path}: {errors[0].message}"


def doc_yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_worked_example_in_the_docs_loads_clean() -> None:
    example = next(
        block for block in doc_yaml_blocks() if block.startswith("catalog: {name: Example")
    )
    catalog = loads_catalog(example)
    assert set(catalog.courses) == {"electrical-upgrade", "hv-b2l"}


@pytest.mark.parametrize(
    "field", ["hours", "weeks", "cost_eur", "grants", "requires_any", "openings", "max_level"]
)
def test_the_docs_mention_every_field(field: str) -> None:
    assert f"`{field}`" in DOC.read_text(encoding="utf-8") or f"{field}:" in DOC.read_text(
        encoding="utf-8"
    )


def test_the_readme_profile_example_is_a_valid_profile() -> None:
    import re

    import yaml

    from pathfinder.loader import load_catalog
    from pathfinder.profile import Profile, check_profile, profile_from_data

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "mobility_km" in b)
    data = yaml.safe_load(block)
    profile = profile_from_data(data, "README.md")
    check_profile(profile, load_catalog())
    assert profile.home == "douai" and profile.max_hours is None and profile.budget_eur == 3000
    assert set(data) == {f for f in Profile.__dataclass_fields__}  # every profile field is shown
