"""Helpers the tests share, none of them a test: the brute-force reference planner
(``brute_force``), catalog builders (``planner_builders``), the lint rule fixtures
(``lint_fixtures``) and the HTML report parser (``html_report_parser``)."""
