"""docs/cli.md, the command-line reference, is generated from every command's ``--help``: it must
match what the commands print now, in English and in French."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

import pathfinder
from pathfinder.cli import reference
from pathfinder.cli.reference import COMMAND, CommandHelp

DOC = Path(pathfinder.__file__).resolve().parent.parent / "docs" / "cli.md"


@pytest.fixture(scope="module")
def helps() -> dict[str, list[CommandHelp]]:
    """Every command's help in each language: one process per language."""
    return {lang: reference.helps(lang) for lang in reference.LOCALES}


def test_the_reference_is_fresh(helps: dict[str, list[CommandHelp]]) -> None:
    """After changing a command, an option or a help text, regenerate docs/cli.md."""
    document = DOC.read_text(encoding="utf-8")
    drawn = reference.drawn_with(document)
    if drawn != reference.typer_version():  # CI's lowest-versions run: typer draws metavars its way
        pytest.skip(
            f"docs/cli.md was drawn with typer {drawn}; this is typer {reference.typer_version()}"
        )
    assert reference.render(helps) == document, f"docs/cli.md is out of date; run: {COMMAND}"


def test_every_command_is_there_in_both_languages(helps: dict[str, list[CommandHelp]]) -> None:
    paths = [command.path for command in helps["en"]]
    assert paths == [command.path for command in helps["fr"]]
    assert paths[0] == "pathfinder" and len(paths) == len(set(paths))
    assert {"pathfinder plan", "pathfinder catalog graph", "pathfinder cache clear"} <= set(
        paths
    )  # groups walked
    document = DOC.read_text(encoding="utf-8")
    for path in paths:
        assert document.count(f"\n## {path}\n") == 1 and f"(#{path.replace(' ', '-')})" in document
    for english, french in zip(helps["en"], helps["fr"], strict=True):
        assert english.text.startswith(f"Usage: {english.path} ")
        assert (
            french.text.startswith(f"Utilisation : {french.path} ") and french.text != english.text
        )
        assert "\x1b" not in english.text + french.text  # no colour, no bold
        assert max(len(line) for line in (english.text + "\n" + french.text).splitlines()) <= 80


@pytest.mark.parametrize("args", [(), ("catalog", "graph")])
def test_the_reference_shows_what_help_prints(
    helps: dict[str, list[CommandHelp]], args: tuple[str, ...]
) -> None:
    """The helps drawn in-process are those ``pathfinder ... --help`` prints, byte for byte (run as
    the console script runs it, so the usage line says ``pathfinder``)."""
    path = " ".join(("pathfinder", *args))
    for lang in reference.LOCALES:
        drawn = next(command.text for command in helps[lang] if command.path == path)
        printed = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathfinder.cli.app import main; sys.argv[0] = 'pathfinder'; main()",
                *args,
                "--help",
            ],
            env=reference.help_environment(lang),
            capture_output=True,
            timeout=60,
        )
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout.decode("utf-8").rstrip("\n") == drawn


def test_write_and_check(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    helps: dict[str, list[CommandHelp]],
) -> None:
    monkeypatch.setattr(reference, "reference_markdown", lambda: reference.render(helps))
    target = tmp_path / "cli.md"
    assert reference.main(["--check", str(target)]) == 1  # missing: stale
    assert reference.main(["--write", str(target)]) == 0
    assert (
        stat.S_IMODE(target.stat().st_mode) == 0o644
    )  # exactly: the mode is set, not left to the umask
    assert target.read_text(encoding="utf-8") == reference.render(helps)
    assert reference.main(["--check", str(target)]) == 0
    target.write_text("stale\n", encoding="utf-8")
    capsys.readouterr()
    assert reference.main(["--check", str(target)]) == 1
    assert "python -m pathfinder.cli.reference --write" in capsys.readouterr().err
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(OSError):
        reference.main(["--write", str(link)])  # the one writer: never through a link
    assert target.read_text(encoding="utf-8") == "stale\n"
    assert reference.main(["--bogus"]) == 2
