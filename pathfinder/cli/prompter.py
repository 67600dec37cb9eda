"""A thin layer over questionary: each prompt in the session's language, validated at the prompt,
and interrupted by Ctrl-C or Ctrl-D with an exception the session turns into a goodbye.

Prompts read from the current prompt_toolkit session, so tests drive them with a pipe input
(``create_app_session(input=pipe, output=DummyOutput())``) and no terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import questionary
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.styles import Style

from ..advising.choices import Choice, filter_choices
from ..i18n import t

STYLE = Style.from_dict({"qmark": "bold", "question": "bold", "answer": "bold", "instruction": "italic"})


class SessionInterrupted(Exception):
    """Ctrl-C or Ctrl-D at a prompt."""


class FoldingCompleter(Completer):
    """Completes with the choices matching every typed word, accents and case ignored."""

    def __init__(self, choices: Sequence[Choice], limit: int = 30) -> None:
        self.choices = choices
        self.limit = limit

    def get_completions(self, document: Document, complete_event: Any) -> Iterable[Completion]:
        typed = document.text_before_cursor
        for choice in filter_choices(typed, self.choices)[: self.limit]:
            yield Completion(choice.label, start_position=-len(typed))


class Prompter:
    """Asks questions in ``lang``. Every method returns the answer or raises SessionInterrupted."""

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

    def _validator(self, check: Callable[[str], str | None] | None) -> Callable[[str], bool | str] | None:
        if check is None:
            return None

        def validate(text: str) -> bool | str:
            problem = check(text)
            return True if problem is None else t(problem, self.lang)

        return validate

    def select(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
        items = [questionary.Choice(title=label, value=value) for label, value in choices]
        chosen = next((item for item in items if item.value == default), None)
        return self._ask(
            questionary.select(message, choices=items, default=chosen, style=STYLE, instruction=t("advise.hint.select", self.lang))
        )

    def checkbox(self, message: str, choices: Sequence[tuple[str, Any, bool]], groups: dict[Any, str] | None = None) -> list[Any]:
        """``choices``: (label, value, checked). ``groups`` maps a value to the heading printed before it."""
        items: list[Any] = []
        for label, value, checked in choices:
            if groups and value in groups:
                items.append(questionary.Separator(f"── {groups[value]}"))
            items.append(questionary.Choice(title=label, value=value, checked=checked))
        return list(
            self._ask(questionary.checkbox(message, choices=items, style=STYLE, instruction=t("advise.hint.checkbox", self.lang)))
        )

    def text(self, message: str, default: str = "", check: Callable[[str], str | None] | None = None) -> str:
        return str(self._ask(questionary.text(message, default=default, validate=self._validator(check), style=STYLE)))

    def autocomplete(
        self, message: str, choices: Sequence[Choice], check: Callable[[str], str | None] | None = None, default: str = ""
    ) -> str:
        return str(
            self._ask(
                questionary.autocomplete(
                    message, choices=[c.label for c in choices], default=default,
                    completer=FoldingCompleter(choices), validate=self._validator(check), style=STYLE,
                )
            )
        )

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(self._ask(questionary.confirm(message, default=default, style=STYLE)))
