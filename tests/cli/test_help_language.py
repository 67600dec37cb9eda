"""``--help`` speaks the environment's language (LC_ALL, LC_MESSAGES, LANG): French or English."""

from __future__ import annotations

import json
import re
import sys
from functools import cache

import pytest
from support.cli import subprocess_environment

from pathfinder.locales import en, fr

FRENCH = {"LANG": "fr_FR.UTF-8"}
WIDE = {"COLUMNS": "200"}  # one line per help text, so phrases are not cut by wrapping

COMMANDS = [(), ("plan",), ("advise",), ("lint",), ("catalog", "graph")]


def flat(text: str) -> str:
    """The help text without box drawing and with whitespace runs collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", text))


# The help's language is chosen when the command line is imported: one process per environment
# prints the help of every command (as the console script would), instead of one per command.
_PRINT_EVERY_HELP = """
import contextlib, io, json, sys
from pathfinder.cli.app import main
texts = {}
for command in json.loads(sys.argv[1]):
    sys.argv = ["pathfinder", *command, "--help"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main()
        except SystemExit as done:
            assert done.code in (0, None), (command, done.code)
    texts[" ".join(command)] = out.getvalue()
print(json.dumps(texts))
"""


@cache
def every_help(env: tuple[tuple[str, str], ...]) -> dict[str, str]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _PRINT_EVERY_HELP, json.dumps(COMMANDS)],
        capture_output=True,
        text=True,
        env=subprocess_environment({**WIDE, **dict(env)}),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=True,
    )
    return dict(json.loads(done.stdout))


def help_text(*command: str, env: dict[str, str] | None = None) -> str:
    return flat(every_help(tuple(sorted((env or {}).items())))[" ".join(command)])


@pytest.mark.parametrize(
    ("command", "english", "french"),
    [
        (
            (),
            [
                "Shortest retraining paths toward EV and circular-economy jobs.",
                "Show the version and exit.",
                "Commands",
            ],
            [
                "Les parcours de reconversion les plus courts vers les métiers du véhicule électrique",
                "Afficher la version et quitter.",
                "Commandes",
            ],
        ),
        (
            ("plan",),
            [
                "A job you have held (repeat for several).",
                "At most this much paid out of pocket.",
                "(default: the profile's optimize, else hours)",
            ],
            [
                "Un métier que vous avez exercé (à répéter pour en indiquer plusieurs).",
                "Reste à charge maximal, en euros.",
                "(par défaut : optimize du profil, sinon hours)",
            ],
        ),
        (
            ("advise",),
            [
                "Guided session: questions",
                "A free reference printed on the report (no names, please).",
            ],
            [
                "Séance guidée : des questions",
                "Une référence libre, imprimée sur le rapport (pas de nom de personne, merci).",
            ],
        ),
        (
            ("lint",),
            [
                "Check catalogs: syntax, schema",
                "Exit status: 0 no errors",
                "Warnings fail too (exit 1); infos never do.",
                "The day the session rules look from",
            ],
            [
                "Vérifier des catalogues : syntaxe, schéma",
                "Code de sortie : 0 sans erreur",
                "Les avertissements font aussi échouer (code de sortie 1) ; les informations jamais.",
                "Le jour d'où regardent les règles des sessions",
            ],
        ),
        (
            ("catalog", "graph"),
            [
                "Write the prerequisite graph",
                "With --around: how many edges away to go.",
                "[default: 2]",
            ],
            [
                "Écrire le graphe des prérequis",
                "Avec --around : nombre de liens à parcourir",
                "[par défaut : 2]",
            ],
        ),
    ],
    ids=["root", "plan", "advise", "lint", "catalog-graph"],
)
def test_help_in_english_and_french(
    command: tuple[str, ...], english: list[str], french: list[str]
) -> None:
    in_english = help_text(*command)
    in_french = help_text(*command, env=FRENCH)
    for phrase in english:
        assert phrase in in_english
        assert phrase not in in_french
    for phrase in french:
        assert phrase in in_french
        assert phrase not in in_english


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "root")
def test_every_help_text_shown_in_english_is_translated(command: tuple[str, ...]) -> None:
    in_english = help_text(*command)
    in_french = help_text(*command, env=FRENCH)
    shown = [
        key
        for key, text in en.MESSAGES.items()
        if key.startswith("help.") and "{" not in text and flat(text) in in_english
    ]
    assert len(shown) >= 3
    for key in shown:
        assert flat(fr.MESSAGES[key]) in in_french, key
        if en.MESSAGES[key] != fr.MESSAGES[key]:
            assert flat(en.MESSAGES[key]) not in in_french, key


@pytest.mark.parametrize(
    ("env", "french"),
    [
        ({"LC_MESSAGES": "fr_FR.UTF-8"}, True),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, False),
        ({"LANG": "de_DE.UTF-8"}, False),
        ({"LANG": "C.UTF-8"}, False),
    ],
)
def test_language_follows_the_environment_like_the_other_messages(
    env: dict[str, str], french: bool
) -> None:
    text = help_text(env=env)
    assert ("Afficher la version et quitter." in text) is french
    assert ("Show the version and exit." in text) is not french


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "root")
def test_french_help_never_breaks_a_line_before_its_punctuation(command: tuple[str, ...]) -> None:
    """French puts a space before ':', ';', '?' and '!': the wrapping never breaks there."""
    text = every_help((("COLUMNS", "60"), ("LANG", "fr_FR.UTF-8")))[" ".join(command)]
    assert not [line for line in text.splitlines() if re.match(r"\s*[:;?!»]", line)]
