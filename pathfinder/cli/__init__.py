"""The command-line interface: parses flags, calls the library, renders. Nothing else lives here.

Start-up time matters (``pathfinder --help`` within 1.5x of ``import typer``; see
``benchmarks/bench_startup.py``), so the command modules follow three rules:

- the library is imported inside the command functions, never at module level;
- the help is drawn by :mod:`.help_format` as plain text, so rich is not imported for it;
- the modules that declare commands (``app``, ``*_cmd``) do not use
  ``from __future__ import annotations``: typer evaluates every command's annotations to build
  the help, and evaluating strings (a compile each) costs more than reading objects. Names
  imported only for type checking are quoted where they are used.
"""
