"""Advising sessions without a terminal: the questions (declared as data), the answers so far,
the choices offered, the report.

The questions are rendered with questionary prompts by :mod:`pathfinder.cli.questionnaire`."""
