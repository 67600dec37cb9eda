"""Helpers the tests share, none of them a test: the brute-force reference planner
(``brute_force``), catalog builders (``planner_builders``), the lint rule fixtures
(``lint_fixtures``) and the HTML report parser (``html_report_parser``), the
shared small inputs (``catalogs``) and the two ways of running the command (``cli``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
"""The project's top folder."""
