"""A thin layer over questionary: each prompt in the session's language, validated at the prompt,
and interrupted by Ctrl-C or Ctrl-D with an exception the session turns into a goodbye.

Prompts read from the current prompt_toolkit session, so tests drive them with a pipe input
(``create_app_session(input=pipe, output=DummyOutput())``) and no terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import questionary
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.styles import Style

from ..advising.choices import Choice, filter_choices
from ..advising.questions import Problem
from ..i18n import t
from ..safetext import printable

Check = Callable[[str], Problem | None]
"""A typed answer's check: None when it is good, else a message key (and its placeholders)."""

STYLE = Style.from_dict(
    {"qmark": "bold", "question": "bold", "answer": "bold", "instruction": "italic"}
)


@contextmanager
def _checkbox_summary(lang: str) -> Iterator[None]:
    """questionary sums up a checkbox answer in English only ("done (3 selections)"): while a
    checkbox is built, wrap its prompt so that the summary is said in ``lang``."""
    from questionary.prompts import common as module

    original = module.create_inquirer_layout

    def layout(
        ic: Any, get_prompt_tokens: Callable[[], list[tuple[str, str]]], **kwargs: Any
    ) -> Any:
        def tokens() -> list[tuple[str, str]]:
            return [(style, _summary(style, text, lang)) for style, text in get_prompt_tokens()]

        return original(ic, tokens, **kwargs)

    module.create_inquirer_layout = layout  # type: ignore[assignment]
    try:
        yield
    finally:
        module.create_inquirer_layout = original


def _summary(style: str, text: str, lang: str) -> str:
    if style != "class:answer":
        return text
    if text == "done":
        return t("advise.checkbox.none", lang)
    match = re.fullmatch(r"done \((\d+) selections\)", text)
    return t("advise.checkbox.count", lang, count=int(match.group(1))) if match else text


class SessionInterrupted(Exception):
    """Ctrl-C or Ctrl-D at a prompt.

    Internal control flow, never shown to a user as such: ``advise`` saves the answers so far
    and exits with status 130."""


class FoldingCompleter(Completer):
    """Completes with the choices matching every typed word, accents and case ignored."""

    def __init__(self, choices: Sequence[Choice], limit: int = 30) -> None:
        self.choices = choices
        self.limit = limit

    def get_completions(self, document: Document, complete_event: Any) -> Iterable[Completion]:
        typed = document.text_before_cursor
        for choice in filter_choices(typed, self.choices)[: self.limit]:
            yield Completion(choice.label, start_position=-len(typed))


class PlaceCompleter(FoldingCompleter):
    """The sites (as :class:`FoldingCompleter`), then, from three letters on, the French communes
    whose name starts with the text, each shown with its département and postal codes and
    completed as ``Name (département)``, which the gazetteer places without ambiguity."""

    def get_completions(self, document: Document, complete_event: Any) -> Iterable[Completion]:
        yield from super().get_completions(document, complete_event)
        typed = document.text_before_cursor
        if len(typed.strip()) < 3 or typed.strip()[:1].isdigit():
            return
        from .. import gazetteer

        for commune in gazetteer.complete(typed, limit=self.limit):
            yield Completion(
                printable(f"{commune.name} ({commune.department})"),
                start_position=-len(typed),
                display=printable(commune.label),
            )


class Prompter:
    """Asks questions in ``lang``. Every method returns the answer or raises SessionInterrupted.

    Messages and choice titles quote catalog text: each is made :func:`~pathfinder.safetext.printable`
    here, the one place they reach the terminal (choice labels are already, see
    :mod:`pathfinder.advising.choices`, since typed answers are matched against them)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def _ask(self, question: questionary.Question) -> Any:
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise SessionInterrupted from None
        if answer is None:  # questionary's own cancel path
            raise SessionInterrupted
        return answer

    def _validator(self, check: Check | None) -> Callable[[str], bool | str] | None:
        if check is None:
            return None

        def validate(text: str) -> bool | str:
            problem = check(text)
            if problem is None:
                return True
            key, params = (problem, {}) if isinstance(problem, str) else problem
            return t(key, self.lang, **params)

        return validate

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
        items = [
            questionary.Choice(title=printable(label), value=value) for label, value in choices
        ]
        chosen = next((item for item in items if item.value == default), None)
        return self._ask(
            questionary.select(
                printable(message),
                choices=items,
                default=chosen,
                style=STYLE,
                instruction=t("advise.hint.select", self.lang),
            )
        )

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, Any, bool]],
        groups: dict[Any, str] | None = None,
    ) -> list[Any]:
        """``choices``: (label, value, checked). ``groups`` maps a value to the heading printed before it."""
        items: list[Any] = []
        for label, value, checked in choices:
            if groups and value in groups:
                items.append(questionary.Separator(f"── {printable(groups[value])}"))
            items.append(questionary.Choice(title=printable(label), value=value, checked=checked))
        with _checkbox_summary(self.lang):
            question = questionary.checkbox(
                printable(message),
                choices=items,
                style=STYLE,
                instruction=t("advise.hint.checkbox", self.lang),
            )
        return list(self._ask(question))

    def text(self, message: str, default: str = "", check: Check | None = None) -> str:
        return str(
            self._ask(
                questionary.text(
                    printable(message),
                    default=default,
                    validate=self._validator(check),
                    style=STYLE,
                )
            )
        )

    def autocomplete(
        self, message: str, choices: Sequence[Choice], check: Check | None = None, default: str = ""
    ) -> str:
        return str(
            self._ask(
                questionary.autocomplete(
                    printable(message),
                    choices=[c.label for c in choices],
                    default=default,
                    completer=FoldingCompleter(choices),
                    validate=self._validator(check),
                    style=STYLE,
                )
            )
        )

    def place(self, message: str, choices: Sequence[Choice], check: Check | None = None) -> str:
        """A place typed with completion over the sites and the French communes."""
        return str(
            self._ask(
                questionary.text(
                    printable(message),
                    completer=PlaceCompleter(choices),
                    validate=self._validator(check),
                    style=STYLE,
                )
            )
        )

    def confirm(self, message: str, default: bool = True) -> bool:
        # A two-choice select rather than questionary.confirm, whose "(Y/n)" keys and "Yes"/"No"
        # answer exist in English only.
        yes, no = (t(key, self.lang).capitalize() for key in ("advise.yes", "advise.no"))
        return bool(self.select(message, [(yes, True), (no, False)], default=default))
