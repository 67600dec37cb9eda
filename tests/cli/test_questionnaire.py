"""The advising session driven through prompt_toolkit pipe input: no terminal, real prompts."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console
from support.catalogs import COMPLETE_PROFILE as COMPLETE

from pathfinder.advising.answers import Answers
from pathfinder.cli.advise_cmd import EXIT_INTERRUPTED, run_session
from pathfinder.cli.prompter import Prompter
from pathfinder.loader import load_catalog
from pathfinder.model import Catalog

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def pipe() -> Iterator[object]:
    with (
        create_pipe_input() as pipe_input,
        create_app_session(input=pipe_input, output=DummyOutput()),
    ):
        yield pipe_input


def session(
    catalog: Catalog,
    pipe: object,
    keys: list[str],
    answers: Answers,
    lang: str,
    tmp_path: Path,
    **options: object,
) -> tuple[int, str, Path]:
    pipe.send_text("".join(keys))  # type: ignore[attr-defined]
    out = io.StringIO()
    profile = tmp_path / "profile.yaml"
    code = run_session(
        catalog,
        answers,
        Prompter(lang),
        Console(file=out, width=80, color_system=None),
        save_profile=profile,
        export=options.pop("export", tmp_path / "report.md"),
        **options,  # type: ignore[arg-type]
    )
    return code, out.getvalue(), profile


# Keystrokes for a whole first session as an engine-assembly operator near Douai.
FULL_SESSION = [
    ENTER,  # language: the default
    "engine assembly" + ENTER,  # job, found by words of its name
    ENTER,  # no other job
    ENTER,  # keep every skill the job implies
    ENTER,  # no other skill
    ENTER * 5,  # levels of the five multi-level skills: as implied
    "douai" + ENTER,  # home
    DOWN + ENTER,  # radius 60 km (the default is 30)
    ENTER,  # online courses suit me
    "2027-02-01" + ENTER,  # start date
    ENTER,  # time: no limit
    ENTER,  # budget: no limit
    SPACE + ENTER,  # funding: CPF
    ENTER,  # priority: the fewest hours
    ENTER,  # goal: a job I have in mind
    "pack assembler" + ENTER,  # target
    ENTER,  # review: compute
]


def test_full_session_in_english(catalog: Catalog, pipe: object, tmp_path: Path) -> None:
    code, out, profile = session(catalog, pipe, FULL_SESSION, Answers(), "en", tmp_path)
    assert code == 0
    assert "Path 1" in out and "pack-assembly" in out and "Battery pack assembler" in out
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert saved["jobs"] == ["ice-assembly-operator"] and saved["home"] == "douai"
    assert (
        saved["mobility_km"] == 60 and saved["funding"] == ["cpf"] and saved["budget_eur"] is None
    )
    assert saved["targets"] == ["battery-pack-assembler"]
    assert saved["start"] == "2027-02-01" and saved["optimize"] == "hours"
    assert "1 Feb 2027" in out  # the first course starts that day or later
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600
    assert "# " in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_full_session_in_french(catalog: Catalog, pipe: object, tmp_path: Path) -> None:
    keys = [DOWN + ENTER, *FULL_SESSION[1:]]  # pick "Français" first
    keys[15] = "assembleur packs" + ENTER  # the target, typed in French without accents
    code, out, profile = session(catalog, pipe, keys, Answers(), "en", tmp_path)
    assert code == 0
    assert "Parcours 1" in out and "Assembleur de packs batterie" in out
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["lang"] == "fr"


def test_replay_from_a_complete_profile_asks_nothing(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    code, out, _ = session(catalog, pipe, [], Answers.from_data(COMPLETE), "en", tmp_path)
    assert code == 0 and "Path 1" in out


def test_partial_profile_asks_only_the_rest(catalog: Catalog, pipe: object, tmp_path: Path) -> None:
    partial = {k: v for k, v in COMPLETE.items() if k not in ("budget_eur", "funding", "targets")}
    keys = [
        "9000" + ENTER,  # budget
        ENTER,  # funding: none
        ENTER,  # goal: a job in mind
        "battery module" + ENTER,  # target
        ENTER,  # review: compute
    ]
    code, out, profile = session(catalog, pipe, keys, Answers.from_data(partial), "en", tmp_path)
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert (
        saved["budget_eur"] == 9000
        and saved["funding"] == []
        and saved["targets"] == ["battery-module-operator"]
    )
    assert code == 0 and "Path 1" in out
    assert "Battery module operator" in out


def test_review_can_change_an_answer(catalog: Catalog, pipe: object, tmp_path: Path) -> None:
    partial = {k: v for k, v in COMPLETE.items() if k != "budget_eur"}
    keys = [
        ENTER,  # budget: no limit
        DOWN * 9 + ENTER,  # review: the cursor starts on "Compute" (last); wrap to "Budget" (9th)
        "25000" + ENTER,  # new budget
        ENTER,  # review: compute
    ]
    code, _, profile = session(catalog, pipe, keys, Answers.from_data(partial), "en", tmp_path)
    assert code == 0
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["budget_eur"] == 25000


def test_unreachable_target_offers_the_relaxation_as_a_retry(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    data = {
        **COMPLETE,
        "jobs": ["electromechanical-cabler"],
        "mobility_km": 10,
        "targets": ["electric-motor-winding-operator"],
    }
    code, out, profile = session(catalog, pipe, [ENTER], Answers.from_data(data), "en", tmp_path)
    assert "cleon (188 km); your radius is 10 km" in out
    assert code == 0  # the retry with a 188 km radius found a path
    assert "stator-winding" in out.split("Path 1", 1)[1]
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["mobility_km"] == 188


def test_declining_the_retry_keeps_the_limits(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    data = {
        **COMPLETE,
        "jobs": ["electromechanical-cabler"],
        "mobility_km": 10,
        "targets": ["electric-motor-winding-operator"],
    }
    code, _, profile = session(
        catalog, pipe, [DOWN + ENTER], Answers.from_data(data), "fr", tmp_path
    )
    assert code == 1
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["mobility_km"] == 10


def test_ctrl_c_saves_the_answers_so_far(catalog: Catalog, pipe: object, tmp_path: Path) -> None:
    keys = [ENTER, "engine assembly" + ENTER, ENTER, CTRL_C]
    code, out, profile = session(catalog, pipe, keys, Answers(), "en", tmp_path)
    assert code == EXIT_INTERRUPTED
    assert "Goodbye" in out
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert saved == {"lang": "en", "jobs": ["ice-assembly-operator"]}


def test_invalid_answers_are_refused_at_the_prompt(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    partial = {k: v for k, v in COMPLETE.items() if k != "budget_eur"}
    keys = ["lots" + ENTER, "\x7f" * 4 + "30000" + ENTER, ENTER]  # refused, erased, then a number
    code, _, profile = session(catalog, pipe, keys, Answers.from_data(partial), "en", tmp_path)
    assert code == 0
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["budget_eur"] == 30000


@pytest.mark.parametrize("suffix", [".html", ".json"])
def test_exports(catalog: Catalog, pipe: object, tmp_path: Path, suffix: str) -> None:
    export = tmp_path / f"report{suffix}"
    code, _, _ = session(
        catalog,
        pipe,
        [],
        Answers.from_data(COMPLETE),
        "fr",
        tmp_path,
        export=export,
        reference="dossier 17",
    )
    assert code == 0
    text = export.read_text(encoding="utf-8")
    if suffix == ".json":
        import json

        document = json.loads(text)
        assert document["status"] == "ok" and document["profile"]["targets"] == [
            "battery-pack-assembler"
        ]
    else:
        assert "<svg" in text and "dossier 17" in text and "Assembleur de packs batterie" in text


def test_show_me_what_is_within_reach_picks_from_the_explore_ranking(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    from pathfinder.explore import explore
    from pathfinder.profile import profile_from_data

    partial = {k: v for k, v in COMPLETE.items() if k != "targets"}
    battery = list(catalog.sectors).index("battery")
    keys = [
        DOWN + ENTER,  # goal: show me what is within reach
        DOWN * battery + SPACE + ENTER,  # sectors: battery only
        DOWN + ENTER,  # the second-best job of the ranking
        ENTER,  # review: compute
    ]
    code, out, profile = session(catalog, pipe, keys, Answers.from_data(partial), "en", tmp_path)
    ranking = explore(
        catalog, profile_from_data({**partial, "sectors": ["battery"]}), top=15
    ).results
    assert code == 0 and len(ranking) >= 2
    assert all(catalog.jobs[item.job].sector == "battery" for item in ranking)
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert saved["targets"] == [ranking[1].job] and saved["sectors"] == ["battery"]
    assert catalog.name(catalog.jobs[ranking[1].job], "en") in out


def test_checkbox_summaries_are_said_in_the_session_language() -> None:
    from pathfinder.cli.prompter import _summary

    assert _summary("class:answer", "done (3 selections)", "fr") == "3 cochées"
    assert _summary("class:answer", "done", "fr") == "aucune cochée"
    assert _summary("class:answer", "done (2 selections)", "en") == "2 ticked"
    assert _summary("class:question", "done", "fr") == "done"  # only the answer is rewritten


def test_review_lines_fit_eighty_columns() -> None:
    from pathfinder.cli.questionnaire import shorten

    assert shorten("Budget: 1000 €") == "Budget: 1000 €"
    long = "Skills: " + ", ".join(f"Skill number {i} 2" for i in range(10))
    assert (
        len(shorten(long)) == 74
        and shorten(long).endswith("…")
        and long.startswith(shorten(long)[:-1])
    )


def test_ctrl_d_at_a_text_prompt_is_a_goodbye_too(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    partial = {k: v for k, v in COMPLETE.items() if k != "budget_eur"}
    code, out, profile = session(
        catalog, pipe, ["\x04"], Answers.from_data(partial), "fr", tmp_path
    )
    assert code == EXIT_INTERRUPTED and "Au revoir" in out
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert "budget_eur" not in saved and saved["targets"] == ["battery-pack-assembler"]


def test_reviewing_any_distance_keeps_it_by_default(
    catalog: Catalog, pipe: object, tmp_path: Path
) -> None:
    partial = {k: v for k, v in COMPLETE.items() if k != "budget_eur"} | {"mobility_km": None}
    keys = [
        ENTER,  # budget: no limit
        DOWN * 5 + ENTER,  # review: from "Compute" (last), wrap to "Travel" (5th)
        ENTER,  # travel: the current answer, any distance, is the default
        ENTER,  # review: compute
    ]
    code, _, profile = session(catalog, pipe, keys, Answers.from_data(partial), "en", tmp_path)
    assert code == 0
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert "mobility_km" in saved and saved["mobility_km"] is None
