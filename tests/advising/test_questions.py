"""The advising questions are data: each renderable in every language, agreeing with the profile,
asked by one loop without a terminal; funding ids are one list, checked in catalogs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.catalogs import MINI_CATALOG

from pathfinder.advising.answers import FIELDS_OF, QUESTIONS, Answers
from pathfinder.advising.questions import (
    ADVISING_QUESTIONS,
    KINDS,
    NOT_ASKED,
    Asking,
    Prompt,
    Question,
    Step,
    ask,
    describe,
    prepare,
)
from pathfinder.funding import FUNDING_SOURCES
from pathfinder.i18n import CATALOGUES, LANGUAGES, t
from pathfinder.limits import PROFILE_RANGES
from pathfinder.loader import bundled_catalog_path, check_catalog, load_catalog
from pathfinder.model import Catalog
from pathfinder.profile import Profile
from pathfinder.safetext import printable

STEPS = [(question, step) for question in ADVISING_QUESTIONS for step in question.steps]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_catalog_path())


def ranker(answers: Answers) -> list[tuple[str, str]]:
    return [("Battery pack assembler — 120 h", "battery-pack-assembler")]


def contexts(catalog: Catalog, step: Step, lang: str) -> Iterator[Asking]:
    """``step`` as the session would meet it: after a person with a job answered every earlier
    step (exploring, counting in hours, adding a skill)."""
    answers = Answers.from_data({"jobs": ["ice-assembly-operator"], "skills": {"plc-basics": 2}})
    so_far: dict[str, Any] = {
        "time.unit": "hours",
        "goal.mode": "explore",
        "goal.sectors": ("battery",),
        "skills.held": ("torque-tooling", "plc-basics"),
        "skills.add": ("hv-safety-b2l", "welding"),
    }
    ctx = Asking(catalog, answers, lang, so_far, ranker=ranker)
    if step.each is None:
        yield ctx
        return
    items = list(step.each(ctx))
    assert items, step.name
    for item in items:
        yield dataclasses.replace(ctx, item=item)


def test_the_questions_and_the_profile_agree() -> None:
    profile_fields = {f.name for f in dataclasses.fields(Profile)}
    assert QUESTIONS == tuple(q.name for q in ADVISING_QUESTIONS)
    assert FIELDS_OF == {q.name: q.fields for q in ADVISING_QUESTIONS}
    answering = [name for q in ADVISING_QUESTIONS for name in q.fields]
    assert len(answering) == len(set(answering)), "a profile field answers one question only"
    filled = {step.field for _, step in STEPS if step.field is not None}
    assert (
        set(answering) <= profile_fields
        and filled <= profile_fields
        and NOT_ASKED <= profile_fields
    )
    assert set(answering) <= filled, (
        "every field answering a question is filled by one of its steps"
    )
    assert filled | NOT_ASKED == profile_fields, "every profile field is asked, or said not to be"
    assert not filled & NOT_ASKED


def test_every_step_is_well_formed() -> None:
    names = [step.name for _, step in STEPS]
    assert len(names) == len(set(names))
    for question, step in STEPS:
        assert step.kind in KINDS, step.name
        assert step.name == question.name or step.name.startswith(question.name + "."), step.name
        if step.kind in ("select", "checkbox"):
            assert step.choices is not None, step.name
        if step.kind == "number":
            assert step.field in PROFILE_RANGES and step.bounds == PROFILE_RANGES[step.field], (
                step.name
            )
        assert not (step.repeat and step.each), step.name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("question", "step"), STEPS, ids=[step.name for _, step in STEPS])
def test_every_step_renders_in_every_language(
    question: Question, step: Step, lang: str, catalog: Catalog
) -> None:
    for key in (question.label, step.prompt, step.more, step.none_note):
        if key is not None:
            assert key in CATALOGUES[lang], f"{key} missing in {lang}"
    for ctx in contexts(catalog, step, lang):
        prompt = prepare(step, ctx)
        assert prompt.message.strip() and "{" not in prompt.message, prompt.message
        if step.more:
            assert prepare(step, ctx, answered=1).message == t(step.more, lang)
        if step.choices is None:
            assert step.kind in ("text", "confirm", "number", "place"), step.name
            continue
        assert prompt.choices, f"{step.name}: no choice in {lang}"
        values = [c.value for c in prompt.choices]
        assert len(values) == len(set(values)) and all(isinstance(v, str) and v for v in values)
        for c in prompt.choices:
            assert c.label.strip() and c.label == printable(c.label), (step.name, c.label)
        if step.kind == "select" and prompt.default is not None:
            assert prompt.default in values or step.name == "skills.level", (
                step.name,
                prompt.default,
            )
        for heading in prompt.groups.values():
            assert heading.strip()


def test_labels_follow_the_language(catalog: Catalog) -> None:
    """Choices worded by Pathfinder differ between languages (catalog names may not)."""
    for name in ("time.unit", "goal.mode", "mobility", "funding"):
        step = next(s for _, s in STEPS if s.name == name)
        en, fr = (
            [c.label for c in prepare(step, next(contexts(catalog, step, lang))).choices]
            for lang in ("en", "fr")
        )
        assert en != fr, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_reads_on_the_review_screen(lang: str, catalog: Catalog) -> None:
    complete = Answers.from_data(
        {
            "lang": lang,
            "jobs": ["ice-assembly-operator"],
            "skills": {"plc-basics": 2, "welding": 0},
            "home": "douai",
            "mobility_km": None,
            "online": True,
            "max_hours": None,
            "max_weeks": 12,
            "budget_eur": 1500,
            "funding": ["cpf", "own-savings"],
            "targets": ["battery-pack-assembler"],
        }
    )
    for question in ADVISING_QUESTIONS:
        for answers in (complete, Answers()):
            text = describe(question, catalog, answers, lang)
            assert text.strip() and "{" not in text, (question.name, text)
    assert describe(named("budget"), catalog, Answers(), lang) == t("advise.no_limit", lang)


# -- asking without a terminal ---------------------------------------------------------------------
def scripted(*replies: Any) -> tuple[list[Prompt], Any]:
    """A renderer answering ``replies`` in turn, keeping the prompts it was shown."""
    shown: list[Prompt] = []
    queue = list(replies)

    def render(prompt: Prompt) -> Any:
        shown.append(prompt)
        return queue.pop(0)

    return shown, render


def named(name: str) -> Question:
    return next(q for q in ADVISING_QUESTIONS if q.name == name)


def test_time_in_hours_fills_hours_and_clears_weeks(catalog: Catalog) -> None:
    shown, render = scripted("hours", "1 500")
    answers = ask(named("time"), catalog, Answers.from_data({"max_weeks": 4}), "fr", render)
    assert "time" in answers.answered
    assert (answers.profile.max_hours, answers.profile.max_weeks) == (1500, None)
    assert [p.step.name for p in shown] == ["time.unit", "time.hours"]
    assert shown[1].check("600") is None and shown[1].check("") is None
    assert shown[1].check("douze") == "advise.invalid.number"
    assert shown[1].check("2000000") == ("advise.invalid.range", {"low": "0", "high": "1 000 000"})


def test_numbers_are_checked_against_the_profile_ranges(catalog: Catalog) -> None:
    shown, render = scripted("")
    answers = ask(named("budget"), catalog, Answers(), "en", render)
    assert answers.profile.budget_eur is None and "budget" in answers.answered
    (prompt,) = shown
    high = PROFILE_RANGES["budget_eur"][1]
    assert prompt.check(str(high)) is None
    assert prompt.check(str(high + 1)) == (
        "advise.invalid.range",
        {"low": "0", "high": f"{high:,}"},
    )


def test_a_repeated_step_collects_distinct_answers_until_an_empty_one(catalog: Catalog) -> None:
    shown, render = scripted("ice-assembly-operator", "ice-assembly-operator", "")
    answers = ask(named("jobs"), catalog, Answers(), "en", render)
    assert answers.profile.jobs == ("ice-assembly-operator",)
    assert [p.message for p in shown] == [t("advise.q.jobs.prompt", "en")] + [
        t("advise.q.jobs.more", "en")
    ] * 2
    assert shown[0].check("") is None and shown[0].check("no such job") == "advise.invalid.job"


def test_exploring_with_nothing_in_reach_says_so_then_asks_a_target(catalog: Catalog) -> None:
    said: list[str] = []
    shown, render = scripted("explore", [], "battery-pack-assembler")
    answers = ask(
        named("goal"), catalog, Answers(), "fr", render, ranker=lambda a: [], say=said.append
    )
    assert said == [t("advise.goal.none_in_reach", "fr")]
    assert [p.step.name for p in shown] == ["goal.mode", "goal.sectors", "goal.target"]
    assert answers.profile.targets == ("battery-pack-assembler",) and answers.profile.sectors == ()
    assert shown[2].check("") == "advise.invalid.job"


def test_an_interrupted_question_changes_nothing(catalog: Catalog) -> None:
    class Interrupted(Exception):
        pass

    def render(prompt: Prompt) -> Any:
        if prompt.step.name == "time.hours":
            raise Interrupted
        return "hours"

    before = Answers.from_data({"max_weeks": 4})
    with pytest.raises(Interrupted):
        ask(named("time"), catalog, before, "en", render)
    assert before.profile.max_weeks == 4 and before.answered == {"time"}


# -- funding ids ---------------------------------------------------------------------------------
def test_funding_sources_are_the_core_list_and_each_has_a_name() -> None:
    for source in FUNDING_SOURCES:
        for lang in LANGUAGES:
            assert f"funding.{source}" in CATALOGUES[lang]


def test_an_unknown_funding_id_is_a_lint_error_with_a_suggestion(tmp_path: Path) -> None:
    assert "    funding: [cpf]\n" in MINI_CATALOG
    path = tmp_path / "c.yaml"
    path.write_text(
        MINI_CATALOG.replace("    funding: [cpf]\n", "    funding: [cpf, employeur]\n"),
        encoding="utf-8",
    )
    result = check_catalog(path, use_cache=False)
    (problem,) = result.errors
    assert problem.code == "PF111"
    assert problem.message == (
        "funding: 'employeur' is not one of cpf | employer | opco | region | france-travail; did you mean employer?"
    )
    assert "vouliez-vous dire employer ?" in problem.render("fr")


def test_the_bundled_catalog_names_only_known_funding(catalog: Catalog) -> None:
    named = {f for course in catalog.courses.values() for f in course.funding}
    assert named and named <= set(FUNDING_SOURCES)


def test_the_prompter_says_a_range_problem_with_its_bounds(catalog: Catalog) -> None:
    from pathfinder.cli.prompter import Prompter

    shown, render = scripted("")
    ask(named("budget"), catalog, Answers(), "fr", render)
    validate = Prompter("fr")._validator(shown[0].check)
    assert validate is not None
    assert (
        validate("2e9") == "Tapez un nombre de 0 à 100 000 000, ou laissez vide pour aucune limite."
    )
    assert validate("douze") == t("advise.invalid.number", "fr") and validate("600") is True
