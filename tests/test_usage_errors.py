"""Bad flags and values, through the real console script: two lines on stderr, in the
environment's language, exit 2, never typer's multi-line box nor a traceback."""

from __future__ import annotations

import pytest
from conftest import run_cli

FR = {"LANG": "fr_FR.UTF-8"}

CASES = [
    (("plan", "--to", "x", "--radius", "abc"), {},
     "pathfinder plan: error: bad value for --radius: a number is expected."),
    (("plan", "--to", "x", "--alternatives", "many"), {},
     "pathfinder plan: error: bad value for --alternatives: a whole number is expected."),
    (("plan", "--to", "x", "--optimize", "speed"), {},
     "pathfinder plan: error: bad value for --optimize: 'speed' is not one of 'hours', 'cost', 'weeks', 'courses'."),
    (("plan", "--bogus"), {}, "pathfinder plan: error: no such option: --bogus."),
    (("catalog", "show"), {}, "pathfinder catalog show: error: missing argument ID."),
    (("plan", "--to", "x", "--radius", "abc"), FR,
     "pathfinder plan: erreur: valeur incorrecte pour --radius : un nombre est attendu."),
    (("lint", "--format", "foo"), FR,
     "pathfinder lint: erreur: valeur incorrecte pour --format : « foo » n'est pas parmi "
     "'text', 'json', 'github', 'sarif'."),
    (("catalog", "show"), FR, "pathfinder catalog show: erreur: argument manquant : ID."),
]


@pytest.mark.parametrize(("args", "env", "first_line"), CASES)
def test_usage_errors_are_two_lines_and_exit_2(args: tuple[str, ...], env: dict[str, str], first_line: str) -> None:
    result = run_cli(*args, env=env)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == first_line
    assert len(lines) == 2 and "--help" in lines[1]
    assert "╭" not in result.stderr and "Traceback" not in result.stderr


def test_no_arguments_still_prints_the_help() -> None:
    result = run_cli()
    assert result.returncode == 2 and "plan" in result.stdout + result.stderr


def test_version_and_help_still_exit_0() -> None:
    assert run_cli("--version").returncode == 0
    assert run_cli("plan", "--help").returncode == 0
