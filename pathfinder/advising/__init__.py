"""Advising sessions without a terminal: the answers so far, the choices offered, the report.

The questionnaire itself (questionary prompts) lives in :mod:`pathfinder.cli.questionnaire`."""
