"""The advising questionnaire: asks what the profile does not answer yet, lets the person review
and change any answer, then hands the answers back.

The questions are data (:mod:`pathfinder.advising.questions`), asked in the order of
:data:`~pathfinder.advising.questions.ADVISING_QUESTIONS`, each skipped when already answered.
This module only renders them: one prompter call per kind of step (:data:`RENDER`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..advising.answers import Answers
from ..advising.questions import (
    ADVISING_QUESTIONS,
    QUESTION_BY_NAME,
    Kind,
    Prompt,
    Question,
    Ranker,
    ask,
    describe,
)
from ..i18n import t
from .prompter import Prompter

if TYPE_CHECKING:
    from ..model import Catalog


COMPUTE = "__compute__"


def shorten(text: str, width: int = 74) -> str:
    """One review line that fits an 80-column terminal beside the pointer (catalog text in it made
    printable before it is measured)."""
    from ..safetext import printable

    text = printable(text)
    return text if len(text) <= width else text[: width - 1].rstrip(" ,") + "…"


def _select(prompter: Prompter, prompt: Prompt) -> Any:
    return prompter.select(
        prompt.message, [(c.label, c.value) for c in prompt.choices], default=prompt.default
    )


def _checkbox(prompter: Prompter, prompt: Prompt) -> Any:
    ticked = prompt.default or ()
    return prompter.checkbox(
        prompt.message,
        [(c.label, c.value, c.value in ticked) for c in prompt.choices],
        groups=dict(prompt.groups),
    )


def _typed(prompter: Prompter, prompt: Prompt) -> Any:
    """Typed text, completed from the choices when the step has some (jobs, skills, sites)."""
    if prompt.choices:
        return prompter.autocomplete(prompt.message, prompt.choices, check=prompt.check)
    return prompter.text(prompt.message, check=prompt.check)


def _place(prompter: Prompter, prompt: Prompt) -> Any:
    """A place: a site, coordinates, a postal code or a commune, completed as it is typed."""
    return prompter.place(prompt.message, prompt.choices, check=prompt.check)


def _confirm(prompter: Prompter, prompt: Prompt) -> Any:
    return prompter.confirm(prompt.message, default=bool(prompt.default))


RENDER: dict[Kind, Callable[[Prompter, Prompt], Any]] = {
    "select": _select,
    "checkbox": _checkbox,
    "text": _typed,
    "confirm": _confirm,
    "number": _typed,
    "place": _place,
}
"""How each kind of step is shown. Every label and message passes through
:func:`pathfinder.safetext.printable` in the prompter."""


class Questionnaire:
    """One person's questions. ``explore`` ranks reachable jobs for the goal question."""

    def __init__(
        self,
        catalog: Catalog,
        answers: Answers,
        prompter: Prompter,
        explore: Ranker | None = None,
    ) -> None:
        self.catalog = catalog
        self.answers = answers
        self.prompter = prompter
        self.explore = explore

    @property
    def lang(self) -> str:
        return self.prompter.lang

    # -- the flow --------------------------------------------------------------------------------
    def run(self) -> Answers:
        """Ask every unanswered question, then review. Returns the final answers. Optional
        questions (start date, priority) are asked in a new session only: a profile file that
        leaves them out takes their defaults (start today, fewest hours), which the review shows
        and lets change; a complete profile replays without a question."""
        asked = False
        new = not self.answers.answered - {"lang"}
        for question in ADVISING_QUESTIONS:
            if question.name in self.answers.answered or (question.optional and not new):
                continue
            self.ask(question)
            asked = True
        if asked:
            self.review()
        return self.answers

    def ask(self, question: Question) -> None:
        self.answers = ask(
            question,
            self.catalog,
            self.answers,
            self.lang,
            self.render,
            ranker=self.explore,
            say=self.prompter_message,
        )
        if "lang" in question.fields and self.answers.profile.lang:
            self.prompter.lang = self.answers.profile.lang

    def render(self, prompt: Prompt) -> Any:
        return RENDER[prompt.kind](self.prompter, prompt)

    def review(self) -> None:
        """Show every answer; pick one to change it, or go on to compute."""
        while True:
            choices = [
                (
                    shorten(
                        f"{t(q.label, self.lang)}: {describe(q, self.catalog, self.answers, self.lang)}"
                    ),
                    q.name,
                )
                for q in ADVISING_QUESTIONS
            ]
            choices.append((t("advise.review.compute", self.lang), COMPUTE))
            picked = self.prompter.select(
                t("advise.review.title", self.lang), choices, default=COMPUTE
            )
            if picked == COMPUTE:
                return
            self.ask(QUESTION_BY_NAME[picked])

    def prompter_message(self, text: str) -> None:
        from ..safetext import printable
        from .console import stdout_console

        stdout_console().print(printable(text), markup=False)
