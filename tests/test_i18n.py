"""Every message exists in English and French, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from pathfinder.i18n import CATALOGUES, LANGUAGES, lang_from_environment, resolve_lang, t


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_every_language() -> None:
    keys = {lang: set(messages) for lang, messages in CATALOGUES.items()}
    for lang in LANGUAGES:
        missing = keys["en"] - keys[lang]
        extra = keys[lang] - keys["en"]
        assert not missing, f"missing in {lang}: {sorted(missing)}"
        assert not extra, f"only in {lang}: {sorted(extra)}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_placeholders_match(lang: str) -> None:
    for key, template in CATALOGUES["en"].items():
        assert placeholders(CATALOGUES[lang][key]) == placeholders(template), key


def test_no_message_is_left_untranslated_or_empty() -> None:
    for lang, messages in CATALOGUES.items():
        for key, text in messages.items():
            assert text.strip(), f"{lang}:{key} is empty"


def test_rule_titles_exist_for_every_rule() -> None:
    from pathfinder.rules import RULES

    for code in RULES:
        assert f"rule.{code}" in CATALOGUES["en"]


def test_language_comes_from_flag_then_environment() -> None:
    assert resolve_lang("fr", {"LANG": "en_US.UTF-8"}) == "fr"
    assert resolve_lang(None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert resolve_lang(None, {"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert resolve_lang(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert resolve_lang(None, {}) == "en"
    assert lang_from_environment({"LANG": "C"}) is None


def test_t_formats_and_falls_back_to_english() -> None:
    assert t("error.did_you_mean", "fr", suggestion="x") == "vouliez-vous dire x ?"
    assert t("error.did_you_mean", "de", suggestion="x") == "did you mean x?"
