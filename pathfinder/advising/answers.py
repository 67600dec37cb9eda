"""The answers of an advising session: a profile being built, and which questions it answers.

A profile file answers a question when it has the question's key, even with an explicit ``null``
("no limit"); a question nobody answered must be asked, or, without a terminal, reported missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..profile import Profile, profile_from_data
from .questions import ADVISING_QUESTIONS

QUESTIONS: tuple[str, ...] = tuple(q.name for q in ADVISING_QUESTIONS)
"""The session's questions, in the order they are asked (declared in :mod:`.questions`)."""

REQUIRED: tuple[str, ...] = tuple(q.name for q in ADVISING_QUESTIONS if not q.optional)
"""The questions a profile must answer to plan without a terminal (the others have defaults)."""

FIELDS_OF: dict[str, tuple[str, ...]] = {q.name: q.fields for q in ADVISING_QUESTIONS}
"""Profile fields behind each question; a question is answered when any of its fields is given."""


@dataclass(frozen=True)
class Answers:
    """The profile so far and the questions it answers."""

    profile: Profile = Profile()
    answered: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None, source: str = "profile") -> Answers:
        """Answers from a profile file's data: each key present (null included) answers its question."""
        profile = profile_from_data(dict(data) if data else None, source)
        keys = set(data or ())
        answered = {q for q, fields in FIELDS_OF.items() if keys.intersection(fields)}
        return cls(profile, frozenset(answered))

    def with_answer(self, question: str, **fields: Any) -> Answers:
        """These answers with ``question`` answered by the given profile fields."""
        return Answers(replace(self.profile, **fields), self.answered | {question})

    def with_profile(self, **fields: Any) -> Answers:
        """These answers with profile fields changed, answering no question (a provisional look)."""
        return Answers(replace(self.profile, **fields), self.answered)

    def with_flags(self, question: str, **fields: Any) -> Answers:
        """Answers a question from command-line flags: only the flags actually given count."""
        given = {name: value for name, value in fields.items() if value is not None}
        return self.with_answer(question, **given) if given else self

    def missing(self, questions: Iterable[str] = REQUIRED) -> list[str]:
        """The questions (by default, the required ones) these answers leave open."""
        return [q for q in questions if q not in self.answered]

    @property
    def target(self) -> str | None:
        return self.profile.targets[0] if self.profile.targets else None


def missing_fields(questions: Iterable[str]) -> list[str]:
    """The profile fields that would answer ``questions``, for a message (``max_hours|max_weeks``)."""
    return ["|".join(FIELDS_OF[q]) for q in questions]
