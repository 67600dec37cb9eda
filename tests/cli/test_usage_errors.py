"""Bad flags and values, through the real console script: two lines on stderr, in the
environment's language, exit 2, never typer's multi-line box nor a traceback."""

from __future__ import annotations

import pytest
from support.cli import run_cli

FR = {"LANG": "fr_FR.UTF-8"}

CASES = [
    (
        ("plan", "--to", "x", "--radius", "abc"),
        {},
        "pathfinder plan: error: bad value for --radius: a number is expected.",
    ),
    (
        ("plan", "--to", "x", "--alternatives", "many"),
        {},
        "pathfinder plan: error: bad value for --alternatives: a whole number is expected.",
    ),
    (
        ("plan", "--to", "x", "--optimize", "speed"),
        {},
        "pathfinder plan: error: bad value for --optimize: 'speed' is not one of 'hours', 'cost', 'weeks', 'courses', 'finish'.",
    ),
    (("plan", "--bogus"), {}, "pathfinder plan: error: no such option: --bogus."),
    (("catalog", "show"), {}, "pathfinder catalog show: error: missing argument ID."),
    (
        ("plan", "--to", "x", "--radius", "abc"),
        FR,
        "pathfinder plan: erreur: valeur incorrecte pour --radius : un nombre est attendu.",
    ),
    (
        ("lint", "--format", "foo"),
        FR,
        "pathfinder lint: erreur: valeur incorrecte pour --format : « foo » n'est pas parmi "
        "'text', 'json', 'github', 'sarif'.",
    ),
    (("catalog", "show"), FR, "pathfinder catalog show: erreur: argument manquant : ID."),
]


@pytest.mark.parametrize(("args", "env", "first_line"), CASES)
def test_usage_errors_are_two_lines_and_exit_2(
    args: tuple[str, ...], env: dict[str, str], first_line: str
) -> None:
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


class _FakeParam:
    opts = ["--alternatives"]
    name = "alternatives"


class _FakeRangeError:
    """A bad-value error as click words it under older typer releases (no pydantic)."""

    param = _FakeParam()
    param_hint = "'--alternatives'"

    def __init__(self, message: str) -> None:
        self.message = message

    def format_message(self) -> str:
        return self.message


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        ("9" * 400 + " is not in the range x<=20.", "en", "a value of at most 20 is expected."),
        ("-1 is not in the range x>=0.", "fr", "une valeur d'au moins 0 est attendue."),
        ("7 is not in the range 0<=x<=5.", "en", "a value from 0 to 5 is expected."),
    ],
)
def test_range_errors_are_said_in_words_whichever_typer_words_them(
    message: str, lang: str, said: str
) -> None:
    from pathfinder.cli.app import usage_message

    text = usage_message(_FakeRangeError(message), lang)
    assert text.endswith(said) and "--alternatives" in text and len(text) < 120
