"""The advising questionnaire: asks what the profile does not answer yet, lets the person review
and change any answer, then hands the answers back. Questions are asked in the order of
:data:`pathfinder.advising.answers.QUESTIONS`; each is skipped when already answered."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..advising.answers import QUESTIONS, Answers
from ..advising.choices import (
    RADIUS_CHOICES,
    category_label,
    check_amount,
    job_choices,
    parse_amount,
    parse_home,
    resolve_choice,
    site_choices,
    skill_choices,
    skills_by_category,
)
from ..i18n import LANGUAGES, t
from ..profile import start_levels
from .prompter import Prompter

if TYPE_CHECKING:
    from ..model import Catalog


FUNDING_SOURCES = ("cpf", "employer", "opco", "region", "france-travail")
COMPUTE = "__compute__"
ANY = "__any__"
"""Stands for "no limit" in a choice: questionary reads a None value as "the title"."""


def shorten(text: str, width: int = 74) -> str:
    """One review line that fits an 80-column terminal beside the pointer (catalog text in it made
    printable before it is measured)."""
    from ..safetext import printable

    text = printable(text)
    return text if len(text) <= width else text[: width - 1].rstrip(" ,") + "…"


class Questionnaire:
    """One person's questions. ``explore`` ranks reachable jobs for the goal question."""

    def __init__(
        self,
        catalog: Catalog,
        answers: Answers,
        prompter: Prompter,
        explore: Callable[[Answers], list[tuple[str, str]]] | None = None,
    ) -> None:
        self.catalog = catalog
        self.answers = answers
        self.prompter = prompter
        self.explore = explore

    @property
    def lang(self) -> str:
        return self.prompter.lang

    def _(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    # -- the flow --------------------------------------------------------------------------------
    def run(self) -> Answers:
        """Ask every unanswered question, then review. Returns the final answers."""
        asked = False
        for question in QUESTIONS:
            if question not in self.answers.answered:
                self.ask(question)
                asked = True
        if asked:
            self.review()
        return self.answers

    def ask(self, question: str) -> None:
        getattr(self, f"ask_{question}")()

    def review(self) -> None:
        """Show every answer; pick one to change it, or go on to compute."""
        while True:
            choices = [(shorten(f"{self._('advise.q.' + q)}: {self.describe(q)}"), q) for q in QUESTIONS]
            choices.append((self._("advise.review.compute"), COMPUTE))
            picked = self.prompter.select(self._("advise.review.title"), choices, default=COMPUTE)
            if picked == COMPUTE:
                return
            self.ask(picked)

    # -- questions -------------------------------------------------------------------------------
    def ask_lang(self) -> None:
        names = [(t("advise.lang.name", code), code) for code in LANGUAGES]
        lang = self.prompter.select(t("advise.q.lang.prompt", "en") + " / " + t("advise.q.lang.prompt", "fr"), names, default=self.lang)
        self.prompter.lang = lang
        self.answers = self.answers.with_answer("lang", lang=lang)

    def ask_jobs(self) -> None:
        choices = job_choices(self.catalog, self.lang)
        jobs: list[str] = []
        while True:
            key = "advise.q.jobs.prompt" if not jobs else "advise.q.jobs.more"
            typed = self.prompter.autocomplete(
                self._(key), choices, check=lambda text: None if not text.strip() or resolve_choice(text, choices) else "advise.invalid.job"
            )
            if not typed.strip():
                break
            job = resolve_choice(typed, choices)
            if job and job not in jobs:
                jobs.append(job)
        self.answers = self.answers.with_answer("jobs", jobs=tuple(jobs))

    def ask_skills(self) -> None:
        from ..profile import Profile

        from_jobs = start_levels(Profile(jobs=self.answers.profile.jobs), self.catalog)
        current = {**from_jobs, **self.answers.profile.skills}
        levels: dict[str, int] = {}
        if current:
            groups = skills_by_category(self.catalog, self.lang, current)
            ordered = [skill for ids in groups.values() for skill in ids if skill in current]
            headings = {}
            for category, ids in groups.items():
                first = next((s for s in ids if s in current), None)
                if first:
                    headings[first] = category_label(category, self.lang)
            kept = self.prompter.checkbox(
                self._("advise.q.skills.prefilled"),
                [(self.catalog.name(self.catalog.skills[s], self.lang), s, True) for s in ordered],
                groups=headings,
            )
            levels = {skill: current[skill] for skill in kept}
        choices = skill_choices(self.catalog, self.lang)
        while True:
            typed = self.prompter.autocomplete(
                self._("advise.q.skills.add"), choices,
                check=lambda text: None if not text.strip() or resolve_choice(text, choices) else "advise.invalid.skill",
            )
            if not typed.strip():
                break
            skill = resolve_choice(typed, choices)
            if skill:
                levels[skill] = max(levels.get(skill, 0), 1)
        for skill in list(levels):
            top = self.catalog.skills[skill].max_level
            if top > 1:
                options = [(self._("advise.level", level=level, max=top), level) for level in range(1, top + 1)]
                name = self.catalog.name(self.catalog.skills[skill], self.lang)
                levels[skill] = self.prompter.select(self._("advise.q.skills.level", skill=name), options, default=levels[skill])
        # Self-assessed levels: what the person confirmed, recorded explicitly; job skills that
        # were unticked are recorded as 0 so that the plan does not assume them.
        skills = dict(levels)
        for skill in from_jobs:
            skills.setdefault(skill, 0)
        self.answers = self.answers.with_answer("skills", skills=skills)

    def ask_home(self) -> None:
        choices = site_choices(self.catalog, self.lang)
        typed = self.prompter.autocomplete(
            self._("advise.q.home.prompt"), choices,
            check=lambda text: None if not text.strip() or parse_home(text, self.catalog, self.lang) is not None else "advise.invalid.home",
        )
        home = parse_home(typed, self.catalog, self.lang) if typed.strip() else None
        self.answers = self.answers.with_answer("home", home=home)

    def ask_mobility(self) -> None:
        # questionary takes a choice whose value is None to mean "use the title": use a sentinel.
        options = [(f"{int(km)} km", km) if km is not None else (self._("advise.any_distance"), ANY) for km in RADIUS_CHOICES]
        current = self.answers.profile.mobility_km
        default = ANY if current is None and "mobility" in self.answers.answered else current or 30
        radius = self.prompter.select(self._("advise.q.mobility.prompt"), options, default=default)
        self.answers = self.answers.with_answer("mobility", mobility_km=None if radius == ANY else float(radius))

    def ask_online(self) -> None:
        online = self.prompter.confirm(self._("advise.q.online.prompt"), default=self.answers.profile.online)
        self.answers = self.answers.with_answer("online", online=online)

    def ask_time(self) -> None:
        unit = self.prompter.select(
            self._("advise.q.time.prompt"),
            [(self._("advise.no_limit"), ANY), (self._("advise.unit.hours"), "hours"), (self._("advise.unit.weeks"), "weeks")],
        )
        fields: dict[str, Any] = {"max_hours": None, "max_weeks": None}
        if unit != ANY:
            typed = self.prompter.text(self._(f"advise.q.time.{unit}"), check=check_amount)
            fields[f"max_{unit}"] = parse_amount(typed) if typed.strip() else None
        self.answers = self.answers.with_answer("time", **fields)

    def ask_budget(self) -> None:
        typed = self.prompter.text(self._("advise.q.budget.prompt"), check=check_amount)
        self.answers = self.answers.with_answer("budget", budget_eur=parse_amount(typed) if typed.strip() else None)

    def ask_funding(self) -> None:
        sources = sorted({f for c in self.catalog.courses.values() for f in c.funding} | set(FUNDING_SOURCES))
        current = set(self.answers.profile.funding)
        chosen = self.prompter.checkbox(
            self._("advise.q.funding.prompt"), [(self.funding_label(s), s, s in current) for s in sources]
        )
        self.answers = self.answers.with_answer("funding", funding=tuple(chosen))

    def ask_goal(self) -> None:
        mode = self.prompter.select(
            self._("advise.q.goal.prompt"),
            [(self._("advise.goal.target"), "target"), (self._("advise.goal.explore"), "explore")],
        )
        target: str | None = None
        sectors = self.answers.profile.sectors
        if mode == "explore" and self.explore is not None:
            sectors = self.ask_sectors()
            ranked = self.explore(self.answers.with_profile(sectors=sectors))
            if ranked:
                target = self.prompter.select(self._("advise.q.goal.pick"), ranked)
            else:
                self.prompter_message(self._("advise.goal.none_in_reach"))
        if target is None:
            choices = job_choices(self.catalog, self.lang)
            typed = self.prompter.autocomplete(
                self._("advise.q.goal.target"), choices,
                check=lambda text: None if resolve_choice(text, choices) else "advise.invalid.job",
            )
            target = resolve_choice(typed, choices)
        self.answers = self.answers.with_answer("goal", targets=(target,), sectors=sectors)

    def ask_sectors(self) -> tuple[str, ...]:
        """The sectors to explore; none ticked means every job with a growing outlook."""
        current = set(self.answers.profile.sectors)
        chosen = self.prompter.checkbox(
            self._("advise.q.sectors.prompt"),
            [(self.catalog.name(sector, self.lang), sector.id, sector.id in current) for sector in self.catalog.sectors.values()],
        )
        return tuple(chosen)

    def prompter_message(self, text: str) -> None:
        from ..safetext import printable
        from .console import stdout_console

        stdout_console().print(printable(text), markup=False)

    # -- describing answers (review screen) ------------------------------------------------------
    def funding_label(self, source: str) -> str:
        from ..i18n import has_message

        return self._("funding." + source) if has_message("funding." + source) else source

    def describe(self, question: str) -> str:
        p = self.answers.profile
        none = self._("advise.none")
        if question == "lang":
            return t("advise.lang.name", p.lang or self.lang)
        if question == "jobs":
            return ", ".join(self.catalog.name(self.catalog.jobs[j], self.lang) for j in p.jobs) or none
        if question == "skills":
            held = [f"{self.catalog.name(self.catalog.skills[s], self.lang)} {lvl}" for s, lvl in p.skills.items() if lvl > 0]
            return ", ".join(held) or none
        if question == "home":
            if p.home is None:
                return none
            if isinstance(p.home, str):
                return self.catalog.name(self.catalog.sites[p.home], self.lang)
            return f"{p.home[0]:.3f}, {p.home[1]:.3f}"
        if question == "mobility":
            return f"{p.mobility_km:g} km" if p.mobility_km is not None else self._("advise.any_distance")
        if question == "online":
            return self._("advise.yes" if p.online else "advise.no")
        if question == "time":
            if p.max_hours is not None:
                return f"{p.max_hours:g} h"
            if p.max_weeks is not None:
                return f"{p.max_weeks:g} {self._('advise.unit.weeks')}"
            return self._("advise.no_limit")
        if question == "budget":
            return f"{p.budget_eur:g} €" if p.budget_eur is not None else self._("advise.no_limit")
        if question == "funding":
            return ", ".join(self.funding_label(f) for f in p.funding) or none
        if question == "goal":
            target = self.answers.target
            job = self.catalog.jobs.get(target) if target is not None else None
            return self.catalog.name(job, self.lang) if job is not None else none
        raise AssertionError(question)  # pragma: no cover
