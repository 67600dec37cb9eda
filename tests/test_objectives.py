"""Objectives are declared once (pathfinder/objectives.py); everything else derives from it."""

from __future__ import annotations

from fractions import Fraction
from typing import get_args

import pytest
from support.planner_builders import course, job, make_catalog

from pathfinder.errors import PathfinderError
from pathfinder.i18n import CATALOGUES, LANGUAGES, t
from pathfinder.objectives import (
    OBJECTIVE_NAMES,
    OBJECTIVES,
    Objective,
    ObjectiveSpec,
    objective_spec,
)


def test_the_literal_names_the_registry() -> None:
    assert get_args(Objective) == OBJECTIVE_NAMES
    assert len(set(OBJECTIVE_NAMES)) == len(OBJECTIVE_NAMES)
    assert OBJECTIVE_NAMES[0] == "hours"  # the default of every --optimize


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("spec", OBJECTIVES, ids=lambda spec: spec.name)
def test_every_objective_is_worded_in_every_language(spec: ObjectiveSpec, lang: str) -> None:
    for key in (spec.label_key, spec.report_key, spec.unit_key):
        assert CATALOGUES[lang].get(key), f"{key} missing in {lang}"


def test_the_command_line_choices_are_the_registry() -> None:
    from pathfinder.cli.options import DEFAULT_OBJECTIVE, Optimize

    assert [member.value for member in Optimize] == list(OBJECTIVE_NAMES)
    assert [member.name for member in Optimize] == list(OBJECTIVE_NAMES)
    assert DEFAULT_OBJECTIVE == OBJECTIVE_NAMES[0]
    assert all(isinstance(member, str) for member in Optimize)


def test_the_wording_comes_from_the_registry() -> None:
    from pathfinder.reports.wording import objective_report_text, objective_text

    for spec in OBJECTIVES:
        for lang in LANGUAGES:
            assert objective_text(spec.name, lang) == t(spec.label_key, lang)
            assert objective_report_text(spec.name, lang) == t(spec.report_key, lang)


def test_an_unknown_objective_names_the_choices() -> None:
    with pytest.raises(PathfinderError) as raised:
        objective_spec("fastest")
    assert raised.value.exit_code == 2
    assert "hours, cost, weeks, courses" in str(raised.value)


def test_the_planner_weighs_each_course_by_its_contribution() -> None:
    """A compiled problem holds, per objective, the courses' contributions as whole numbers."""
    from pathfinder.planning.context import Context
    from pathfinder.planning.problem import Problem
    from pathfinder.profile import Profile

    catalog = make_catalog(
        courses=[
            course("hv", {"hv": 1}, hours=20.5, weeks=1, cost=900, funding=["cpf"]),
            course("battery", {"battery": 1}, hours=40, weeks=2.5, cost=100.25, requires={"hv": 1}),
        ],
        jobs=[job("pack", {"battery": 1})],
    )
    problem = Problem(Context(catalog, Profile(funding=("cpf",))), catalog.jobs["pack"].requires)
    assert [pc.course.id for pc in problem.courses] == ["battery", "hv"]
    expected = {
        "hours": [Fraction(40), Fraction("20.5")],
        "cost": [Fraction("100.25"), Fraction(0)],  # funded: the person pays nothing
        "weeks": [Fraction("2.5"), Fraction(1)],
        "courses": [Fraction(1), Fraction(1)],
    }
    additive = [spec for spec in OBJECTIVES if spec.contribution is not None]
    assert set(expected) == {spec.name for spec in additive}
    assert {spec.name for spec in OBJECTIVES if spec not in additive} == {"finish"}
    assert "finish" not in problem.weights  # a date, searched by pathfinder.planning.finish
    for spec in additive:
        assert spec.contribution is not None
        assert [spec.contribution(pc) for pc in problem.courses] == expected[spec.name]
        weights = problem.weights[spec.name]
        assert [Fraction(w, problem.scale[spec.name]) for w in weights] == expected[spec.name]
