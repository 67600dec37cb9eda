"""The advising core without a terminal: answers, choices, validators, profile files, HTML report."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
import yaml
from support.catalogs import MINI_CATALOG
from support.html_report_parser import parse_report

from pathfinder.advising.answers import QUESTIONS, REQUIRED, Answers, missing_fields
from pathfinder.advising.choices import (
    check_amount,
    filter_choices,
    job_choices,
    parse_amount,
    parse_home,
    resolve_choice,
    skills_by_category,
)
from pathfinder.advising.report import answers_data, save_answers
from pathfinder.loader import loads_catalog
from pathfinder.model import Catalog
from pathfinder.profile import HomePlace
from pathfinder.reports.html_report import render_html


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return loads_catalog(MINI_CATALOG)


def test_a_key_present_with_null_answers_its_question() -> None:
    answers = Answers.from_data(
        {"jobs": ["assembly-operator"], "budget_eur": None, "max_weeks": 12}
    )
    assert answers.answered == {"jobs", "budget", "time"}
    assert answers.profile.budget_eur is None and answers.profile.max_weeks == 12
    assert answers.missing() == [q for q in REQUIRED if q not in {"jobs", "budget", "time"}]
    assert answers.missing(QUESTIONS) == [
        q for q in QUESTIONS if q not in {"jobs", "budget", "time"}
    ]
    assert missing_fields(["time", "goal"]) == ["max_hours|max_weeks", "targets"]


def test_saved_profile_replays_without_questions(tmp_path: Path) -> None:
    answers = Answers()
    for question, fields in {
        "lang": {"lang": "fr"},
        "jobs": {"jobs": ("assembly-operator",)},
        "skills": {"skills": {}},
        "home": {"home": "flins"},
        "mobility": {"mobility_km": None},
        "online": {"online": False},
        "time": {"max_hours": None, "max_weeks": None},
        "budget": {"budget_eur": 500.0},
        "funding": {"funding": ()},
        "goal": {"targets": ("ev-technician",)},
    }.items():
        answers = answers.with_answer(question, **fields)
    path = tmp_path / "me.yaml"
    save_answers(answers, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["mobility_km"] is None and data["max_hours"] is None and data["budget_eur"] == 500
    replayed = Answers.from_data(data)
    assert replayed.missing() == []
    assert replayed.profile == answers.profile
    assert answers_data(replayed) == answers_data(answers)


def test_job_choices_match_without_accents_and_case(catalog: Catalog) -> None:
    choices = job_choices(catalog, "fr")
    assert [c.label for c in choices] == [
        "Opérateur de montage (assembly-operator)",
        "Technicien VE (ev-technician)",
    ]
    assert [c.value for c in filter_choices("operateur MONTAGE", choices)] == ["assembly-operator"]
    assert [c.value for c in filter_choices("assembly", choices)] == ["assembly-operator"]
    assert resolve_choice("technicien", choices) == "ev-technician"
    assert (
        resolve_choice("Opérateur de montage (assembly-operator)", choices) == "assembly-operator"
    )
    assert resolve_choice("t", choices) is None  # ambiguous


def test_home_is_a_site_coordinates_or_a_commune(catalog: Catalog) -> None:
    assert parse_home("cleon", catalog, "en") == "cleon"
    assert parse_home("Cléon", catalog, "fr") == "cleon"
    assert parse_home("50.37, 3.08", catalog, "en") == (50.37, 3.08)
    assert parse_home("95,3", catalog, "en") is None
    lille = parse_home("Lille", catalog, "en")  # not a site: the commune
    assert isinstance(lille, HomePlace) and lille.insee == "59350" and lille.kind == "commune"
    assert parse_home("Saint-Denis", catalog, "en") is None  # ambiguous: the prompt lists them
    assert parse_home("Nowhereville", catalog, "en") is None


def test_amounts(catalog: Catalog) -> None:
    assert parse_amount("1 500 €") == 1500
    assert parse_amount("99,5") == 99.5
    assert parse_amount("-3") is None and parse_amount("lots") is None
    assert check_amount("") is None and check_amount("12") is None
    assert check_amount("twelve") == "advise.invalid.number"


def test_skills_are_grouped_with_prefilled_first(catalog: Catalog) -> None:
    groups = skills_by_category(catalog, "en", {"torque-tooling": 2})
    assert list(groups) == ["assembly", "electrical", "electrical-safety"]
    assert groups["assembly"] == ["torque-tooling"]


REPORT = {
    "catalog": {"name": "Mini", "version": "1.0", "sha256": "ab" * 32},
    "target": "ev-technician",
    "optimize": "hours",
    "status": "ok",
    "gaps": [{"skill": "hv-safety-b2l", "have": 0, "need": 1}],
    "paths": [
        {
            "courses": [
                {
                    "id": "electrical-upgrade",
                    "hours": 35,
                    "weeks": 1,
                    "cost_eur": 600,
                    "format": "online",
                    "pays_eur": 0,
                    "site": None,
                    "distance_km": None,
                    "grants": {"electrical-basics": 1},
                    "serves": ["prerequisite of hv-b2l"],
                },
                {
                    "id": "hv-b2l",
                    "hours": 21,
                    "weeks": 0.6,
                    "cost_eur": 950,
                    "format": "onsite",
                    "pays_eur": 950,
                    "site": "flins",
                    "distance_km": 12.4,
                    "grants": {"hv-safety-b2l": 1},
                    "serves": ["target requirement hv-safety-b2l ≥ 1"],
                },
            ],
            "total_hours": 56,
            "total_weeks": 1.6,
            "total_cost_eur": 1550,
            "total_pays_eur": 950,
        }
    ],
    "blockers": [],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_report_is_self_contained_with_one_bar_per_course(catalog: Catalog, lang: str) -> None:
    html = render_html(
        REPORT,
        catalog,
        {"jobs": ["assembly-operator"], "home": "flins", "mobility_km": 60, "funding": ["cpf"]},
        lang,
        reference="case <42>",
        generated="2026-11-22",
    )
    parser = parse_report(html)
    assert parser.tags[0] == "html" and "svg" in parser.tags
    assert parser.bars == ["electrical-upgrade", "hv-b2l"]
    assert parser.references == []
    assert not re.search(r"(src|href)\s*=|@import|url\(", html)
    assert "case &lt;42&gt;" in html  # escaped
    assert "@page { size: A4" in html
    assert "ab" * 32 in html
    assert ("Habilitation B2L" if lang == "fr" else "HV B2L") in html


def test_skill_categories_are_shown_in_the_session_language(catalog: Catalog) -> None:
    from pathfinder.advising.choices import category_label

    assert category_label("electrical-safety", "fr") == "Sécurité électrique"
    assert category_label("electrical-safety", "en") == "Electrical safety"
    assert category_label("home-made_thing", "fr") == "Home made thing"  # unknown: made readable
    from pathfinder.locales.en import MESSAGES

    translated = {key.removeprefix("category.") for key in MESSAGES if key.startswith("category.")}
    assert {
        s.category for s in catalog.skills.values()
    } <= translated  # the bundled catalog's, all named
