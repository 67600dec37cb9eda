"""The command-line reference, ``docs/cli.md``: every command's ``--help``, in English and French.

The document is generated whole from the commands themselves, never written by hand::

    python -m pathfinder.cli.reference --write docs/cli.md   # regenerate it
    python -m pathfinder.cli.reference --check docs/cli.md   # exit 1 if it is stale

The help language is decided once, at import time, from ``LC_ALL``/``LANG``
(:data:`pathfinder.cli.help_text.HELP_LANG`), so each language is drawn in its own Python process
started with that environment (``--dump``): it walks the typer app's click commands (discovered
with ``list_commands``, none named here) and prints every help exactly as ``--help`` draws it,
at a fixed width and without colour, as JSON.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import LANGUAGES

PROG = "pathfinder"
COLUMNS = "100"
"""The terminal width the helps are drawn for (click caps the help at 80 columns anyway)."""

LOCALES = {"en": "en_US.UTF-8", "fr": "fr_FR.UTF-8"}
"""The locale each language's help is drawn under."""

COMMAND = "python -m pathfinder.cli.reference --write docs/cli.md"

_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class CommandHelp:
    """One command's help in one language: ``path`` as typed (``pathfinder catalog show``), its
    one-paragraph summary, and the help text exactly as ``--help`` prints it."""

    path: str
    summary: str
    text: str


def _walk(command: Any, name: str, parent: Any) -> list[CommandHelp]:
    """``command``'s help, then its sub-commands' (in the order ``--help`` lists them), depth first."""
    ctx = command.context_class(command, info_name=name, parent=parent, **command.context_settings)
    summary = " ".join((command.help or "").partition("\n\n")[0].split())
    found = [CommandHelp(ctx.command_path, summary, command.get_help(ctx))]
    list_commands = getattr(command, "list_commands", None)
    if list_commands is not None:
        for sub_name in list_commands(ctx):
            sub = command.get_command(ctx, sub_name)
            if sub is not None and not sub.hidden:
                found += _walk(sub, sub_name, ctx)
    return found


def collect() -> list[CommandHelp]:
    """Every command's help in this process's help language (the environment's, at import)."""
    import typer

    from .app import app

    return _walk(typer.main.get_command(app), PROG, None)


def _dump() -> str:
    return json.dumps([[c.path, c.summary, c.text] for c in collect()])


def help_environment(lang: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a user of ``lang`` draws the help in: its locale, a fixed width, no colour."""
    env = dict(os.environ if base is None else base)
    for var in [
        *_LOCALE_VARS,
        "FORCE_COLOR",
        *(name for name in env if name.startswith("PATHFINDER_")),
    ]:
        env.pop(var, None)  # the user's own settings never reach the document
    env.update(
        LANG=LOCALES[lang],
        LC_ALL=LOCALES[lang],
        COLUMNS=COLUMNS,
        NO_COLOR="1",
        TERM="dumb",
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
    )
    return env


def helps(lang: str) -> list[CommandHelp]:
    """Every command's help in ``lang``, drawn in a fresh process under that language's locale."""
    env = help_environment(lang)
    source = str(Path(__file__).resolve().parents[2])  # this very package, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "pathfinder.cli.reference", "--dump"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"drawing the {lang} help failed:\n{done.stderr.decode('utf-8', 'replace')}"
        )
    return [CommandHelp(*row) for row in json.loads(done.stdout.decode("utf-8"))]


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading made of ASCII words and spaces."""
    return heading.lower().replace(" ", "-")


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``."""
    longest, run = 0, 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def _block(text: str) -> list[str]:
    body = "\n".join(line.rstrip() for line in text.splitlines())
    fence = _fence(body)
    return [f"{fence}text", body, fence]


def typer_version() -> str:
    """The typer release drawing the help: its layout (metavars, ranges) differs between releases."""
    from importlib.metadata import version

    return version("typer")


def drawn_with(document: str) -> str | None:
    """The typer release a generated document names in its first line, if any."""
    match = re.search(r" with typer (\S+):", document.partition("\n")[0])
    return match[1] if match else None


def render(by_lang: dict[str, list[CommandHelp]]) -> str:
    """The whole of docs/cli.md from each language's helps (the same commands, in the same order)."""
    english, french = by_lang["en"], by_lang["fr"]
    if [c.path for c in english] != [c.path for c in french]:
        raise ValueError("the English and French helps list different commands")
    lines = [
        f"<!-- Generated by {COMMAND} with typer {typer_version()}: do not edit by hand. -->",
        "",
        "# Command-line reference",
        "",
        "Every Pathfinder command's `--help`, exactly as it prints on a terminal — first in English,",
        "then in French (*En français*), which is what `--help` shows when `LC_ALL` or `LANG` names a",
        "French locale (`--lang` comes too late for `--help`). The overview, the exit codes and the",
        "profile format are in the [README](../README.md#commands).",
        "",
        "This file is generated from the commands themselves, drawn with",
        f"`COLUMNS={COLUMNS}` (the help is at most 80 columns wide) and no colour; a test fails when it",
        "is out of date. To regenerate it after changing a command or its help text:",
        "",
        "```bash",
        COMMAND,
        "```",
        "",
        "## Contents",
        "",
    ]
    for command in english:
        depth = command.path.count(" ") - 1
        indent = "  " * max(depth, 0)
        summary = f" — {command.summary}" if command.summary else ""
        lines.append(f"{indent}- [{command.path}](#{_anchor(command.path)}){summary}")
    for en, fr in zip(english, french, strict=True):
        lines += [
            "",
            f"## {en.path}",
            "",
            *_block(en.text),
            "",
            "### En français",
            "",
            *_block(fr.text),
        ]
    return "\n".join(lines) + "\n"


def reference_markdown() -> str:
    """docs/cli.md as the commands draw it now (one process per language)."""
    return render({lang: helps(lang) for lang in LANGUAGES})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--dump"]:
        sys.stdout.write(_dump() + "\n")
        return 0
    from ..generated_docs import regenerate

    return regenerate(args, "pathfinder.cli.reference", lambda _current: reference_markdown())


if __name__ == "__main__":
    sys.exit(main())
