"""``pathfinder lint`` end to end: formats, summary, exit codes, options, suppressions, --explain."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from support import ROOT
from support.cli import run_cli
from support.lint_fixtures import (
    COURSES,
    HEAD,
    JOBS,
    SARIF_SUBSET_SCHEMA,
    SITES,
    SKILLS,
    catalog,
    course,
)

from pathfinder.lint.formats import SARIF_LEVELS
from pathfinder.rules import RULES

CLEAN = catalog()
WARNINGS = catalog(
    skills=SKILLS + "  - {id: unused, name: {en: U, fr: U}, category: core}\n",
    courses=COURSES + course("safety-again", "requires: {basics: 1}, grants: {safety: 1}") + "\n",
)  # PF204 on line 14, PF207 on line 19

SEVEN_FILES = {
    # 3 errors, 2 warnings in 7 files; graph checks skipped (the catalog has errors)
    "1-catalog.yaml": HEAD.split("sectors:")[0],
    "2-sectors.yaml": "sectors:\n  - {id: ev, name: {en: EV, fr: VE}}\n",
    "3-providers.yaml": "providers:\n  - {id: campus, name: {en: Campus, fr: Campus}}\n",
    "4-sites.yaml": SITES,
    "5-skills.yaml": SKILLS
    + "  - {id: welding, name: {en: Welding}, category: core}\n",  # PF110 line 4
    "6-jobs.yaml": JOBS
    + "  - {id: welder, name: {en: W, fr: S}, sector: evs, outlook: declining, requires: {welding: 1}}\n",  # PF107 line 4
    "7-courses.yaml": COURSES
    + course("bad-hours", "grants: {safety: 1}, certification: no").replace(
        "hours: 21", 'hours: "21"'
    )  # PF103, PF301 line 3
    + "\n"
    + course("bad-ref", "grants: {weld: 1}")  # PF107 line 4
    + "\n",
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def seven(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "cat", SEVEN_FILES)


LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning) (?P<code>PF\d{3}) .+$"
)


def test_text_lines_are_sorted_then_summarised(seven: Path) -> None:
    result = run_cli("lint", str(seven), "--no-cache")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    problems = [LINE.match(line) for line in lines[:-2]]
    assert all(problems), lines
    keys = [(m["path"], int(m["line"]), int(m["col"])) for m in problems if m]
    assert keys == sorted(keys)
    assert [(Path(m["path"]).name, int(m["line"]), m["code"]) for m in problems if m] == [
        ("5-skills.yaml", 4, "PF110"),
        ("6-jobs.yaml", 4, "PF107"),
        ("7-courses.yaml", 3, "PF103"),
        ("7-courses.yaml", 3, "PF301"),
        ("7-courses.yaml", 4, "PF107"),
    ]
    assert lines[-2] == f"{seven}: catalog checks (PF2xx) skipped until its errors are fixed."
    assert lines[-1] == "3 errors, 2 warnings in 7 files"
    assert result.stderr == ""


def test_summary_in_french(seven: Path, tmp_path: Path) -> None:
    result = run_cli("lint", str(seven), env={"LANG": "fr_FR.UTF-8"})
    assert result.stdout.splitlines()[-1] == "3 erreurs, 2 avertissements dans 7 fichiers"
    assert " erreur PF107 " in result.stdout
    clean = write_tree(tmp_path / "clean", {"c.yaml": CLEAN})
    assert (
        run_cli("lint", str(clean), env={"LANG": "fr_FR.UTF-8"}).stdout
        == "0 erreur, 0 avertissement dans 1 fichier\n"
    )


def test_summary_singular_and_plural(tmp_path: Path) -> None:
    one = catalog(skills=SKILLS + "  - {id: unused, name: {en: U, fr: U}, category: core}\n")
    path = write_tree(tmp_path, {"c.yaml": one}) / "c.yaml"
    result = run_cli("lint", str(path))
    assert result.stdout.splitlines()[-1] == "0 errors, 1 warning in 1 file"
    assert result.returncode == 0


def test_json_format(seven: Path) -> None:
    result = run_cli("lint", str(seven), "--format", "json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert len(items) == 5
    for item in items:
        assert list(item) == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "severity",
            "code",
            "message",
        ]
        assert item["severity"] in ("error", "warning")
        assert item["code"] in RULES
    first = items[0]
    assert (Path(first["path"]).name, first["line"], first["code"]) == ("5-skills.yaml", 4, "PF110")
    assert first["message"] == "name has no 'fr' text."


def test_github_format(seven: Path) -> None:
    result = run_cli("lint", str(seven), "--format", "github")
    lines = result.stdout.splitlines()
    command = re.compile(r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=PF\d{3}::\S.*$")
    assert all(command.match(line) for line in lines[:-1]), lines
    assert (
        lines[0]
        == f"::warning file={seven}/5-skills.yaml,line=4,col=25,title=PF110::name has no 'fr' text."
    )
    assert lines[-1].startswith("::notice::")
    assert result.returncode == 1


def test_sarif_format(seven: Path) -> None:
    result = run_cli("lint", str(seven), "--format", "sarif")
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert "sarif-schema-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "pathfinder"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(RULES)  # one rule per code, each once
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and "```" in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] == SARIF_LEVELS[RULES[rule["id"]].severity]
    assert len(run["results"]) == 5
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning")
        assert res["message"]["text"]
        (location,) = res["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith("file:///")
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1


def test_sarif_uses_relative_uris_for_relative_paths(tmp_path: Path) -> None:
    write_tree(tmp_path / "cat", {"c.yaml": WARNINGS})
    import subprocess

    from support.cli import pathfinder_command

    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")} | {"NO_COLOR": "1"}
    result = subprocess.run(
        [*pathfinder_command(), "lint", "cat", "--format", "sarif"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {"cat/c.yaml"}


def test_exit_codes(tmp_path: Path, seven: Path) -> None:
    clean = write_tree(tmp_path / "clean", {"c.yaml": CLEAN}) / "c.yaml"
    warnings = write_tree(tmp_path / "warn", {"c.yaml": WARNINGS}) / "c.yaml"
    assert run_cli("lint", str(clean), "--strict").returncode == 0
    assert run_cli("lint", str(warnings)).returncode == 0
    assert run_cli("lint", str(warnings), "--strict").returncode == 1
    assert run_cli("lint", str(seven)).returncode == 1
    missing = run_cli("lint", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2
    assert (
        missing.stderr.startswith("pathfinder: error: no catalog at")
        and "Traceback" not in missing.stderr
    )
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "gone.yaml")
    assert run_cli("lint", str(dangling)).returncode == 2
    assert run_cli("lint", str(clean), "--format", "xml").returncode == 2
    bad_code = run_cli("lint", str(clean), "--select", "PF2O1")
    assert bad_code.returncode == 2
    assert "'PF2O1' is not a rule code" in bad_code.stderr and "--select" in bad_code.stderr


def test_several_paths_are_several_catalogs(tmp_path: Path) -> None:
    a = write_tree(tmp_path / "a", {"c.yaml": CLEAN}) / "c.yaml"
    b = write_tree(tmp_path / "b", {"c.yaml": WARNINGS}) / "c.yaml"
    result = run_cli("lint", str(a), str(b))
    assert result.stdout.splitlines()[-1] == "0 errors, 2 warnings in 2 files"


def test_select_ignore_and_quiet(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": WARNINGS}) / "c.yaml"

    def codes(*args: str) -> list[str]:
        return [
            line.split()[2] for line in run_cli("lint", str(path), "-q", *args).stdout.splitlines()
        ]

    assert codes() == ["PF204", "PF207"]
    assert codes("--select", "PF207") == ["PF207"]
    assert codes("--ignore", "PF204,PF3") == ["PF207"]
    assert codes("--select", "PF2", "--ignore", "PF207") == ["PF204"]
    quiet = run_cli("lint", str(path), "--quiet", "--strict", "--ignore", "PF2")
    assert quiet.stdout == "" and quiet.returncode == 0


def test_suppression_comments_through_the_cli(tmp_path: Path) -> None:
    text = WARNINGS.replace(
        "category: core}\n", "category: core}  # pathfinder: ignore[PF204]\n", 3
    )
    text = text.replace(
        "grants: {safety: 1}}\n", "grants: {safety: 1}}  # pathfinder: ignore[PF207]\n"
    )
    path = write_tree(tmp_path, {"c.yaml": text}) / "c.yaml"
    result = run_cli("lint", str(path), "--strict")
    assert result.stdout == "0 errors, 0 warnings in 1 file\n"
    assert result.returncode == 0


def test_explain(tmp_path: Path) -> None:
    from pathfinder.lint.rule_texts import EXPLANATIONS

    result = run_cli("lint", "--explain", "pf201")
    assert result.returncode == 0
    assert result.stdout.startswith(
        "PF201 unreachable-course: Unreachable course\ndefault severity: error\n"
    )
    assert " ".join(result.stdout.split()).count(" ".join(EXPLANATIONS["PF201"].en.split())) == 1
    assert "Bad:" in result.stdout and "Good:" in result.stdout
    french = run_cli("lint", "--explain", "PF201", env={"LANG": "fr_FR.UTF-8"})
    assert french.stdout.startswith(
        "PF201 unreachable-course: Formation inaccessible\ngravité par défaut: erreur\n"
    )
    unknown = run_cli("lint", "--explain", "PF299")
    assert unknown.returncode == 2 and "PF299" in unknown.stderr


def test_docs_match_the_explanations() -> None:
    """docs/lint-rules.md is generated from the explanations: regenerate it after editing them."""
    from pathfinder.lint.rule_docs import splice

    document = (ROOT / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    assert splice(document) == document, (
        "run: python -m pathfinder.lint.rule_docs --write docs/lint-rules.md"
    )
    for code, rule in RULES.items():
        assert f"### {code}\n" in document and f"`{rule.name}`" in document


def test_results_are_cached_until_a_file_changes(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": WARNINGS}) / "c.yaml"
    cache_dir = tmp_path / "cache"
    env = {"PATHFINDER_CACHE_DIR": str(cache_dir)}
    first = run_cli("lint", str(path), env=env)
    assert any(cache_dir.iterdir())
    assert run_cli("lint", str(path), env=env).stdout == first.stdout
    path.write_text(CLEAN, encoding="utf-8")
    assert run_cli("lint", str(path), env=env).stdout == "0 errors, 0 warnings in 1 file\n"
    assert (
        run_cli("lint", str(path), "--no-cache", env=env).stdout
        == "0 errors, 0 warnings in 1 file\n"
    )


def test_colour_on_a_terminal_only(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    from support.cli import pathfinder_command

    path = write_tree(tmp_path, {"c.yaml": WARNINGS}) / "c.yaml"
    command, *args = pathfinder_command()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}
    child = pexpect.spawn(
        command, [*args, "lint", str(path)], env=env, encoding="utf-8", timeout=30
    )
    output = child.read()
    child.close()
    assert "\x1b[" in output and "PF204" in output
    assert "\x1b[" not in run_cli("lint", str(path)).stdout


def test_bundled_catalog_lints_clean_with_strict() -> None:
    result = run_cli("lint", str(ROOT / "catalog"), "--strict", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_pre_commit_hook_definition() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "pathfinder-lint"]
    assert hook["entry"] == "pathfinder lint"
    assert hook["language"] == "python"
    assert re.search(hook["files"], "catalog/courses.yaml") and re.search(hook["files"], "a.yml")
    assert not re.search(hook["files"], "README.md")


def test_lint_and_graph_help_import_nothing_heavy() -> None:
    from test_startup import HEAVY, imported_modules

    for args in (("lint", "--help"), ("catalog", "graph", "--help")):
        modules = imported_modules(*args)
        assert not [
            m for m in modules for heavy in HEAVY if m == heavy or m.startswith(heavy + ".")
        ], args
        assert "pathfinder.lint" not in modules and "pathfinder.graph" not in modules


# --- SARIF structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sarif_log_validates_against_the_sarif_schema_subset(seven: Path, lang: str) -> None:
    import jsonschema

    jsonschema.Draft7Validator.check_schema(SARIF_SUBSET_SCHEMA)
    env = {"LANG": "fr_FR.UTF-8"} if lang == "fr" else {}
    result = run_cli("lint", str(seven), "--format", "sarif", "--no-cache", env=env)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    jsonschema.Draft7Validator(SARIF_SUBSET_SCHEMA).validate(log)
    (run,) = log["runs"]
    assert run["language"] == lang
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(RULES)
    for result_item in run["results"]:
        rule = rules[result_item["ruleIndex"]]
        assert rule["id"] == result_item["ruleId"]
        assert result_item["level"] == rule["defaultConfiguration"]["level"]
        region = result_item["locations"][0]["physicalLocation"]["region"]
        assert (
            region.get("endLine", region["startLine"]),
            region.get("endColumn", region["startColumn"]),
        ) >= (
            region["startLine"],
            region["startColumn"],
        )


def test_sarif_schema_subset_rejects_a_broken_log(seven: Path) -> None:
    """The schema above is strict enough to catch the usual mistakes."""
    import jsonschema

    log = json.loads(run_cli("lint", str(seven), "--format", "sarif").stdout)
    validator = jsonschema.Draft7Validator(SARIF_SUBSET_SCHEMA)
    broken = json.loads(json.dumps(log))
    broken["version"] = "2.0.0"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(log))
    del broken["runs"][0]["tool"]["driver"]["rules"][0]["help"]
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not validator.is_valid(broken)


# --- unreadable paths, --explain for every rule ------------------------------------------------------


def test_unreadable_file_inside_a_catalog_directory_exits_2(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "cat", {"a.yaml": CLEAN})
    (root / "b.yaml").symlink_to(
        tmp_path / "gone.yaml"
    )  # a file of the catalog that cannot be read
    result = run_cli("lint", str(root), "--no-cache")
    assert result.returncode == 2, result.stdout + result.stderr
    (line,) = [line for line in result.stdout.splitlines() if " PF010 " in line]
    assert line.startswith(f"{root / 'b.yaml'}:1:1: error PF010 ")
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings in 2 files"
    assert "Traceback" not in result.stderr
    as_json = json.loads(run_cli("lint", str(root), "--format", "json").stdout)
    assert [(item["code"], item["line"]) for item in as_json] == [("PF010", 1)]


def test_directory_without_yaml_is_a_usage_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a catalog\n", encoding="utf-8")
    result = run_cli("lint", str(empty))
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert str(empty) in result.stderr


def test_a_missing_path_among_several_is_a_usage_error(tmp_path: Path) -> None:
    clean = write_tree(tmp_path / "clean", {"c.yaml": CLEAN}) / "c.yaml"
    result = run_cli("lint", str(clean), str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "missing.yaml" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_rule_explains_itself_in_both_languages(lang: str) -> None:
    from pathfinder.i18n import t
    from pathfinder.lint.rule_docs import render_terminal
    from pathfinder.lint.rule_texts import EXPLANATIONS

    for code, rule in RULES.items():
        text = render_terminal(code, lang)
        assert text.startswith(f"{code} {rule.name}: {t(rule.title_key, lang)}\n"), code
        bad, good = t("lint.explain.bad", lang), t("lint.explain.good", lang)
        assert f"\n{bad}:\n" in text and f"\n{good}:\n" in text, code
        entry = EXPLANATIONS[code]
        assert entry.bad.strip() and entry.good.strip() and entry.bad != entry.good, code
        assert " ".join(entry.text(lang).split()) in " ".join(text.split()), code
    assert EXPLANATIONS["PF201"].text("fr") != EXPLANATIONS["PF201"].text("en")


def test_explain_accepts_lowercase_and_rejects_prefixes() -> None:
    assert run_cli("lint", "--explain", "pf303").stdout.startswith("PF303 ")
    prefix = run_cli("lint", "--explain", "PF2")
    assert prefix.returncode == 2 and "Traceback" not in prefix.stderr


def test_lint_core_imports_no_ui_library(tmp_path: Path) -> None:
    """pathfinder.lint (checks, formats, explanations) and pathfinder.graph work without the CLI's libraries."""
    import subprocess
    import sys

    path = write_tree(tmp_path, {"c.yaml": WARNINGS}) / "c.yaml"
    script = (
        "import sys\n"
        "from pathfinder.lint import lint\n"
        "from pathfinder.lint.formats import FORMATS, render\n"
        "from pathfinder.lint.rule_docs import render_terminal, rules_markdown\n"
        "from pathfinder.graph import build_graph, to_dot, to_mermaid\n"
        "from pathfinder.loader import load_catalog\n"
        f"report = lint([{str(path)!r}], use_cache=False)\n"
        "assert report.warning_count == 2\n"
        "for fmt in FORMATS: render(report, fmt, 'fr')\n"
        "render_terminal('PF201', 'fr'); rules_markdown()\n"
        f"graph = build_graph(load_catalog({str(path)!r}, use_cache=False)); to_dot(graph); to_mermaid(graph)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split()
    for ui in ("typer", "click", "rich", "questionary", "prompt_toolkit", "pathfinder.cli"):
        assert not [m for m in modules if m == ui or m.startswith(ui + ".")], ui


# --- the info severity -------------------------------------------------------------------------------

SESSIONS = (
    "  - id: hv\n    name: {en: HV, fr: HT}\n    provider: campus\n    hours: 14\n    weeks: 0.4\n"
    "    cost_eur: 0\n    format: onsite\n    sites: [flins]\n    grants: {basics: 1}\n    sessions:\n"
    "      - {start: 2027-01-11, end: 2027-01-15, site: flins}\n"  # line 29
    "      - {start: 2027-01-15, end: 2027-01-19, site: flins}\n"  # line 30: overlaps line 29
    "      - {start: 2027-03-01, site: flins}\n"  # line 31: 03-01..03-03
)
INFO = catalog(courses=COURSES + SESSIONS)
"""One info finding (PF213 on line 30) and nothing else, seen from the tests' today, 2026-12-01."""
OVERLAP = (
    "course 'hv': the session 2027-01-15 to 2027-01-19 at 'flins' overlaps the session "
    "2027-01-11 to 2027-01-15 at the same site ({path}:29); two groups at once, or a copy?"
)


def test_info_in_text_never_fails_even_strict(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    for args in ((), ("--strict",)):
        result = run_cli("lint", str(path), *args)
        assert result.returncode == 0, result.stdout
        assert result.stdout == (
            f"{path}:30:9: info PF213 {OVERLAP.format(path=path)}\n"
            "0 errors, 0 warnings, 1 info in 1 file\n"
        )
    french = run_cli("lint", str(path), env={"LANG": "fr_FR.UTF-8"})
    assert french.stdout.splitlines() == [
        f"{path}:30:9: information PF213 formation « hv » : la session du 2027-01-15 au 2027-01-19 "
        "à « flins » chevauche celle du 2027-01-11 au 2027-01-15 sur le même site "
        f"({path}:29) ; deux groupes en même temps, ou une copie ?",
        "0 erreur, 0 avertissement, 1 information dans 1 fichier",
    ]


def test_info_counts_beside_errors_and_warnings(tmp_path: Path) -> None:
    both = INFO.replace(
        "category: core, max_level: 1}\n",
        "category: core, max_level: 1}\n  - {id: unused, name: {en: U, fr: U}, category: core}\n",
    )
    path = write_tree(tmp_path, {"c.yaml": both}) / "c.yaml"
    result = run_cli("lint", str(path), "--strict")
    assert result.stdout.splitlines()[-1] == "0 errors, 1 warning, 1 info in 1 file"
    assert result.returncode == 1  # the warning, not the info
    french = run_cli("lint", str(path), env={"LANG": "fr_FR.UTF-8"})
    assert (
        french.stdout.splitlines()[-1] == "0 erreur, 1 avertissement, 1 information dans 1 fichier"
    )


def test_quiet_leaves_infos_out_of_text_and_github(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    for fmt in ("text", "github"):
        quiet = run_cli("lint", str(path), "--quiet", "--strict", "--format", fmt)
        assert quiet.stdout == "" and quiet.returncode == 0, fmt
    # json and sarif hold every finding, quiet or not
    items = json.loads(run_cli("lint", str(path), "-q", "--format", "json").stdout)
    assert [(item["code"], item["severity"]) for item in items] == [("PF213", "info")]


def test_info_in_json_github_and_sarif(tmp_path: Path) -> None:
    import jsonschema

    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    (item,) = json.loads(run_cli("lint", str(path), "--format", "json").stdout)
    assert (item["severity"], item["code"], item["line"], item["column"]) == (
        "info",
        "PF213",
        30,
        9,
    )
    assert item["message"] == OVERLAP.format(path=path)
    github = run_cli("lint", str(path), "--format", "github")
    assert github.returncode == 0
    assert github.stdout.startswith(f"::notice file={path},line=30,col=9,title=PF213::course 'hv'")
    assert len(github.stdout.splitlines()) == 1
    sarif = run_cli("lint", str(path), "--format", "sarif")
    assert sarif.returncode == 0
    log = json.loads(sarif.stdout)
    jsonschema.Draft7Validator(SARIF_SUBSET_SCHEMA).validate(log)
    (run,) = log["runs"]
    (result,) = run["results"]
    assert (result["ruleId"], result["level"]) == ("PF213", "note")
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["defaultConfiguration"]["level"] == "note"


def test_explain_an_info_rule() -> None:
    assert run_cli("lint", "--explain", "PF213").stdout.startswith(
        "PF213 overlapping-sessions: Overlapping sessions at one site\ndefault severity: info\n"
    )


# --- --today ---------------------------------------------------------------------------------------


def test_today_sets_the_day_the_session_rules_look_from(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    later = run_cli("lint", str(path), "--today", "2027-01-20", "--no-cache")
    assert later.returncode == 0
    assert later.stdout.splitlines() == [
        f"{path}:29:9: warning PF211 course 'hv': the session 2027-01-11 to 2027-01-15 ended before 2027-01-20; remove it or correct its dates.",
        f"{path}:30:9: warning PF211 course 'hv': the session 2027-01-15 to 2027-01-19 ended before 2027-01-20; remove it or correct its dates.",
        "0 errors, 2 warnings in 1 file",
    ]
    assert run_cli("lint", str(path), "--today", "2027-01-20", "--strict").returncode == 1
    last = run_cli("lint", str(path), "--today", "2027-03-04")
    assert [line.split()[2] for line in last.stdout.splitlines()[:-1]] == ["PF212"]
    # without the flag, PATHFINDER_TODAY (the tests fix it at 2026-12-01), else the system's date
    moved = run_cli("lint", str(path), env={"PATHFINDER_TODAY": "2027-03-04"})
    assert moved.stdout == last.stdout


@pytest.mark.parametrize(
    ("value", "env", "first_line"),
    [
        (
            "2026-13-01",
            {},
            "pathfinder lint: error: bad value for --today: '2026-13-01' is not a date; "
            "write YYYY-MM-DD (e.g. 2027-01-11), between 2000 and 2099.",
        ),
        (
            "tomorrow",
            {"LANG": "fr_FR.UTF-8"},
            "pathfinder lint: erreur: valeur incorrecte pour --today : « tomorrow » n'est pas une "
            "date ; écrire AAAA-MM-JJ (par ex. 2027-01-11), entre 2000 et 2099.",
        ),
        (
            "2027-1-5",
            {},
            "pathfinder lint: error: bad value for --today: '2027-1-5' is not a date; "
            "write YYYY-MM-DD (e.g. 2027-01-11), between 2000 and 2099.",
        ),
        (
            "1999-12-31",
            {},
            "pathfinder lint: error: bad value for --today: '1999-12-31' is not a date; "
            "write YYYY-MM-DD (e.g. 2027-01-11), between 2000 and 2099.",
        ),
    ],
)
def test_a_bad_today_is_a_usage_error(
    value: str, env: dict[str, str], first_line: str, tmp_path: Path
) -> None:
    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    result = run_cli("lint", str(path), "--today", value, env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == first_line
    assert len(lines) == 2 and "--help" in lines[1] and "Traceback" not in result.stderr


def test_the_cache_never_serves_another_days_findings(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {"c.yaml": INFO}) / "c.yaml"
    cache_dir = tmp_path / "cache"
    env = {"PATHFINDER_CACHE_DIR": str(cache_dir)}
    today = run_cli("lint", str(path), env=env)
    entries = sorted(p.name for p in cache_dir.rglob("*") if p.is_file())
    assert entries and today.stdout.splitlines()[-1] == "0 errors, 0 warnings, 1 info in 1 file"
    later = run_cli("lint", str(path), "--today", "2027-01-20", env=env)
    assert later.stdout.splitlines()[-1] == "0 errors, 2 warnings in 1 file"
    assert sorted(p.name for p in cache_dir.rglob("*") if p.is_file()) != entries  # a new entry
    # each day's result is still served for its own day, from the cache, unchanged
    assert run_cli("lint", str(path), env=env).stdout == today.stdout
    assert run_cli("lint", str(path), "--today", "2027-01-20", env=env).stdout == later.stdout
    moved = run_cli("lint", str(path), env=env | {"PATHFINDER_TODAY": "2027-01-20"})
    assert moved.stdout == later.stdout
