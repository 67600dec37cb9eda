"""``--help`` as plain text, in the environment's language, without importing rich.

Typer draws its help with rich (panels, markdown), which costs more to import than typer itself;
``pathfinder --help`` must start in about the time typer takes to import. The help here is drawn
with the help formatter of typer's vendored click instead — the familiar ``Usage:`` / ``Options:``
layout of click, pip or git — with headings and typer's fixed labels ("default", "required") in
``HELP_LANG``, headings in bold on a colour terminal, and no markup ever interpreted.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

import typer

try:  # typer vendors click since 0.2x; before, click is its dependency
    from typer._click import Context, HelpFormatter
except ImportError:  # pragma: no cover - exercised by the lowest-versions CI run
    from click import Context, HelpFormatter  # type: ignore[no-redef,import-not-found,unused-ignore]
from typer.core import TyperCommand, TyperGroup

from .help_text import h


def _bold_headings() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


_NBSP = "\u00a0"
_FRENCH_SPACE = re.compile(r" (?=[;:?!»])|(?<=«) ")
"""Spaces that French puts before ``; : ? !`` (and inside guillemets): never a line break there."""


def _wrap(text: str, width: int, indent: str = "", first_indent: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``, paragraphs (blank-line separated) kept, never broken at a
    hyphen (``--export-format``, ``comma-separated``) nor before French punctuation."""
    wrapper = textwrap.TextWrapper(
        width=max(width, 20),
        break_on_hyphens=False,
        break_long_words=False,
        initial_indent=indent if first_indent is None else first_indent,
        subsequent_indent=indent,
    )
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n\n")):
        if number:
            lines.append("")
            wrapper.initial_indent = indent
        # Collapse whitespace first (str.split would take the no-break spaces for spaces too).
        joined = _FRENCH_SPACE.sub(_NBSP, " ".join(paragraph.split()))
        lines.extend(line.replace(_NBSP, " ") for line in wrapper.wrap(joined))
    return lines


class PlainHelpFormatter(HelpFormatter):
    """Click's formatter with headings given whole (``Options :`` in French) and bold on a terminal,
    and wrapping that keeps options and French punctuation whole."""

    def write_heading(self, heading: str) -> None:
        text = f"\x1b[1m{heading}\x1b[0m" if _bold_headings() else heading
        self.write(f"{'':>{self.current_indent}}{text}\n")

    def write_text(self, text: str) -> None:
        self.write("\n".join(_wrap(text, self.width, " " * self.current_indent)) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        first_col = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _wrap(second, max(self.width - first_col - 2, 10)) or [""]
            hanging = " " * (first_col + self.current_indent)
            self.write(
                "\n".join([lines[0], *(hanging + line if line else line for line in lines[1:])])
                + "\n"
            )


class PlainHelpContext(Context):
    formatter_class = PlainHelpFormatter


# typer's own extras, always in English and in this order: "[env var: X; default: Y; required]".
_EXTRAS = re.compile(r"\s*\[(?P<extras>(?:env var: |default: |required)[^\[\]]*)\]$")
_EXTRA_KEYS = (("env var: ", "help.extra.envvar"), ("default: ", "help.extra.default"))


def _localised_extras(help_text: str) -> str:
    """typer's ``[default: 2; x>=0]`` suffix said in HELP_LANG: ``[par défaut : 2] [x>=0]``."""
    match = _EXTRAS.search(help_text)
    if match is None:
        return help_text
    said, kept = [], []
    for piece in match.group("extras").split("; "):
        for prefix, key in _EXTRA_KEYS:
            if piece.startswith(prefix):
                said.append(h(key).format(value=piece[len(prefix) :]))
                break
        else:
            if piece == "required":
                said.append(h("help.extra.required"))
            else:
                kept.append(piece)  # a range such as x>=0: no words to translate
    brackets = " ".join(f"[{'; '.join(group)}]" for group in (said, kept) if group)
    return f"{help_text[: match.start()]}  {brackets}"


class _PlainHelp:
    """The ``format_help`` shared by commands and groups."""

    context_class: type[Context] = PlainHelpContext

    def format_help(self, ctx: Any, formatter: Any) -> None:
        command: Any = self
        formatter.write_usage(
            ctx.command_path,
            " ".join(command.collect_usage_pieces(ctx)),
            prefix=h("help.heading.usage") + " ",
        )
        command.format_help_text(ctx, formatter)
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in command.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                name = record[0]
                text = _localised_extras(record[1])
                if (
                    param.param_type_name == "argument"
                ):  # its metavar, not typer's "PATH <list[Path]>"
                    name = name.split(" ", 1)[0]
                elif param.name == "help":  # click's own English literal
                    text = h("help.help_option")
                sections[param.param_type_name].append((name, text))
        for kind, heading in (
            ("argument", "help.heading.arguments"),
            ("option", "help.heading.options"),
        ):
            if sections[kind]:
                with formatter.section(h(heading)):
                    formatter.write_dl(sections[kind])
        if isinstance(self, TyperGroup):
            self._format_subcommands(ctx, formatter)
        command.format_epilog(ctx, formatter)

    def _format_subcommands(self, ctx: Any, formatter: Any) -> None:
        group: Any = self
        rows = []
        for name in group.list_commands(ctx):
            sub = group.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, sub))
        if rows:
            with formatter.section(
                h("help.heading.commands")
            ):  # each command's first paragraph, whole
                formatter.write_dl(
                    [(name, (sub.help or "").partition("\n\n")[0]) for name, sub in rows]
                )


class PlainHelpCommand(_PlainHelp, TyperCommand):
    """A typer command whose ``--help`` is plain text in HELP_LANG."""


class PlainHelpGroup(_PlainHelp, TyperGroup):
    """A typer group whose ``--help`` is plain text in HELP_LANG."""


def use_plain_help(app: typer.Typer) -> None:
    """Make ``app``, its commands and its sub-apps, at any depth, draw their help as plain text.

    Called once on the root app after every command is registered, so no registration can forget.
    """
    app.rich_markup_mode = (
        None  # typer passes the root's mode down; None keeps rich_utils unimported
    )
    app.info.cls = PlainHelpGroup
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):  # typer's default; a custom class is left alone
            command.cls = PlainHelpCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            group.cls = PlainHelpGroup
            use_plain_help(group.typer_instance)
