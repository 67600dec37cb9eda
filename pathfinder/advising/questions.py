"""The advising questions, declared once as data, and the one loop that asks them.

A :class:`Question` is what the session asks about and the review screen lists ("Time
available"): the profile fields it answers, its review label and how an answer reads there. It
asks through one or more :class:`Step` prompts, each with its kind, wording keys, choices,
default, parser and validator, and when it applies ("which sectors?" only when exploring). The
command line renders a step of each kind with one prompter call
(:mod:`pathfinder.cli.questionnaire`); everything else is here, free of any terminal library, so a
test checks every question in every language.

Choices are :class:`~pathfinder.advising.choices.Choice` pairs (label, value) whose labels are
already made printable; every value is a string (a radius, a level), turned into the profile's
type by the step's parser.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, get_args

from ..errors import PathfinderError
from ..funding import FUNDING_SOURCES, funding_label
from ..i18n import LANGUAGES, t
from ..limits import PROFILE_RANGES
from ..model import Catalog
from ..profile import Profile, start_levels
from .choices import (
    RADIUS_CHOICES,
    Choice,
    category_label,
    check_amount,
    choice,
    home_of,
    job_choices,
    parse_amount,
    parse_home,
    resolve_choice,
    site_choices,
    skill_choices,
    skills_by_category,
)

if TYPE_CHECKING:
    from .answers import Answers

Kind = Literal["select", "checkbox", "text", "confirm", "number", "place"]
"""How a step is answered: pick one choice, tick any, type (completed from the choices when it has
some), yes or no, type a number (empty: no limit), type a place (a site or ``LAT,LON``)."""
KINDS: tuple[Kind, ...] = get_args(Kind)

ANY = "__any__"
"""Stands for "no limit" in a choice (questionary reads a None value as "the title")."""

Problem = str | tuple[str, Mapping[str, object]]
"""What is wrong with a typed answer: a message key, or a key and its placeholders."""

Ranker = Callable[["Answers"], list[tuple[str, str]]]
"""Jobs within reach of some answers, best first, as (label, job id): the planner's part of the
"show me what is within reach" goal, given by the caller."""


@dataclass(frozen=True)
class Asking:
    """What a step's functions read: the catalog, the session's answers (before this question),
    this question's earlier steps' answers by step name, the language, the item a per-item step is
    about, the ranker of jobs within reach (None: exploring is not offered), and, once a step is
    prepared, its choices (for its validator and parser)."""

    catalog: Catalog
    answers: Answers
    lang: str
    so_far: Mapping[str, Any] = field(default_factory=dict)
    item: str | None = None
    ranker: Ranker | None = None
    choices: tuple[Choice, ...] = ()

    @property
    def profile(self) -> Profile:
        return self.answers.profile


def _always(ctx: Asking) -> bool:
    return True


def _as_is(answer: Any, ctx: Asking) -> Any:
    return answer


@dataclass(frozen=True)
class Step:
    """One prompt. ``field`` is the profile field its answer fills (None for a step that only
    steers the next ones, such as the unit of time); ``parse`` turns the typed text or picked
    value(s) into that field's value. A ``number`` step is checked against its field's range in
    :data:`pathfinder.limits.PROFILE_RANGES`."""

    name: str
    kind: Kind
    prompt: str
    """Message key of the prompt (placeholders from ``params``)."""
    field: str | None = None
    more: str | None = None
    """Message key of the prompt once a repeated step has an answer ("Another job…?")."""
    choices: Callable[[Asking], Sequence[Choice]] | None = None
    default: Callable[[Asking], Any] | None = None
    """The value picked, the values ticked, or yes/no, before the person answers."""
    parse: Callable[[Any, Asking], Any] = _as_is
    validate: Callable[[str, Asking], Problem | None] | None = None
    applies: Callable[[Asking], bool] = _always
    repeat: bool = False
    """Asked again until an empty answer; the field gets the distinct answers, in order."""
    each: Callable[[Asking], Sequence[str]] | None = None
    """Asked once per item (``Asking.item``); the answers by item."""
    params: Callable[[Asking], Mapping[str, object]] | None = None
    groups: Callable[[Asking], Mapping[str, str]] | None = None
    """Checkbox headings: the value before which each is shown."""
    none_note: str | None = None
    """Message key said when the step has no choice to offer; the step is then skipped."""
    bilingual: bool = False
    """The prompt in every language at once (the language question)."""

    @property
    def bounds(self) -> tuple[int, int] | None:
        """The accepted range of a number step's answer."""
        return PROFILE_RANGES.get(self.field or "") if self.kind == "number" else None

    def message(self, ctx: Asking, answered: int = 0) -> str:
        key = self.more if self.more and answered else self.prompt
        params = dict(self.params(ctx)) if self.params else {}
        if self.bilingual:
            return " / ".join(t(key, lang, **params) for lang in LANGUAGES)
        return t(key, ctx.lang, **params)


@dataclass(frozen=True)
class Prompt:
    """A step ready to show in one language: what a renderer needs, and how to read its answer."""

    step: Step
    message: str
    default: Any
    groups: Mapping[str, str]
    ctx: Asking

    @property
    def kind(self) -> Kind:
        return self.step.kind

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self.ctx.choices

    def check(self, text: str) -> Problem | None:
        """None for an acceptable typed answer, else what is wrong with it."""
        bounds = self.step.bounds
        if bounds is not None:
            return check_number(text, bounds, self.ctx.lang)
        return self.step.validate(text, self.ctx) if self.step.validate else None

    def read(self, answer: Any) -> Any:
        """The answer as the value of the step's field."""
        return self.step.parse(answer, self.ctx)


def prepare(step: Step, ctx: Asking, answered: int = 0) -> Prompt:
    """``step`` in ``ctx.lang``, with its choices and default worked out (``answered``: how many
    answers a repeated step has so far)."""
    ctx = replace(ctx, choices=tuple(step.choices(ctx)) if step.choices else ())
    return Prompt(
        step=step,
        message=step.message(ctx, answered),
        default=step.default(ctx) if step.default else None,
        groups=dict(step.groups(ctx)) if step.groups else {},
        ctx=ctx,
    )


@dataclass(frozen=True)
class Question:
    """What the session asks about, and the review screen lists: ``fields`` answer it (a profile
    file answers it with any of them, even null), ``steps`` ask it. Once asked, each field that
    no step filled is reset to None (no limit); ``fill`` combines the steps' answers instead when
    they make one value together (the skills)."""

    name: str
    fields: tuple[str, ...]
    steps: tuple[Step, ...]
    describe: Callable[[Asking], str]
    """The answer as the review screen shows it."""
    fill: Callable[[Asking], dict[str, Any]] | None = None
    optional: bool = False
    """Asked in a session, but a profile that does not answer it is complete without it (its
    field keeps its default: start today, the default objective)."""

    @property
    def label(self) -> str:
        """Message key of the question's name on the review screen."""
        return f"advise.q.{self.name}"


# -- asking ----------------------------------------------------------------------------------------
Render = Callable[[Prompt], Any]
"""Shows a prompt and returns the answer: the typed text, the picked value, the ticked values, or
yes/no."""


def ask(
    question: Question,
    catalog: Catalog,
    answers: Answers,
    lang: str,
    render: Render,
    *,
    ranker: Ranker | None = None,
    say: Callable[[str], None] | None = None,
) -> Answers:
    """Ask ``question``'s steps that apply, in order, and return the answers with it answered.
    Nothing changes until its last step is answered (an interrupted question stays unanswered)."""
    so_far: dict[str, Any] = {}
    for step in question.steps:
        ctx = Asking(catalog, answers, lang, dict(so_far), ranker=ranker)
        if not step.applies(ctx):
            continue
        if step.each is not None:
            so_far[step.name] = {
                item: _ask_once(step, replace(ctx, item=item), render) for item in step.each(ctx)
            }
        elif step.repeat:
            values: list[Any] = []
            while True:
                prompt = prepare(step, ctx, len(values))
                answer = render(prompt)
                if not str(answer).strip():
                    break
                value = prompt.read(answer)
                if value is not None:
                    values.append(value)
            so_far[step.name] = tuple(dict.fromkeys(values))
        else:
            prompt = prepare(step, ctx)
            if step.none_note and not prompt.choices:
                if say is not None:
                    say(t(step.none_note, lang))
                continue
            so_far[step.name] = prompt.read(render(prompt))
    done = Asking(catalog, answers, lang, so_far, ranker=ranker)
    return answers.with_answer(question.name, **_fields(question, done))


def _ask_once(step: Step, ctx: Asking, render: Render) -> Any:
    prompt = prepare(step, ctx)
    return prompt.read(render(prompt))


def _fields(question: Question, ctx: Asking) -> dict[str, Any]:
    if question.fill is not None:
        return question.fill(ctx)
    fields: dict[str, Any] = dict.fromkeys(question.fields)
    for step in question.steps:
        if step.field is not None and step.name in ctx.so_far:
            fields[step.field] = ctx.so_far[step.name]
    return fields


def describe(question: Question, catalog: Catalog, answers: Answers, lang: str) -> str:
    """``question``'s answer as the review screen shows it."""
    return question.describe(Asking(catalog, answers, lang))


# -- checks and parsers ----------------------------------------------------------------------------
def check_number(text: str, bounds: tuple[int, int], lang: str) -> Problem | None:
    """None for an empty answer (no limit) or a number within ``bounds``, else what is wrong."""
    problem = check_amount(text)
    if problem is not None or not text.strip():
        return problem
    value = parse_amount(text)
    low, high = bounds
    if value is not None and low <= value <= high:
        return None
    return "advise.invalid.range", {"low": _grouped(low, lang), "high": _grouped(high, lang)}


def _grouped(number: int, lang: str) -> str:
    """``1,000,000`` in English, ``1 000 000`` in French."""
    return f"{number:,}".replace(",", " " if lang == "fr" else ",")


def _number(answer: str, ctx: Asking) -> float | None:
    return parse_amount(answer) if answer.strip() else None


def _chosen(answer: str, ctx: Asking) -> str | None:
    return resolve_choice(answer, ctx.choices)


def _one_of(invalid: str, *, empty_ok: bool) -> Callable[[str, Asking], Problem | None]:
    """A check that the typed text names one of the choices (or is empty, when ``empty_ok``)."""

    def check(text: str, ctx: Asking) -> Problem | None:
        if empty_ok and not text.strip():
            return None
        return None if resolve_choice(text, ctx.choices) else invalid

    return check


def _fixed(*options: tuple[str, str]) -> Callable[[Asking], list[Choice]]:
    """Choices of (message key of the label, value)."""
    return lambda ctx: [choice(t(key, ctx.lang), value) for key, value in options]


# -- the questions -------------------------------------------------------------------------------
def _none(ctx: Asking) -> str:
    return t("advise.none", ctx.lang)


def _no_limit(ctx: Asking) -> str:
    return t("advise.no_limit", ctx.lang)


def _lang_choices(ctx: Asking) -> list[Choice]:
    return [choice(t("advise.lang.name", code), code) for code in LANGUAGES]


LANG = Question(
    "lang",
    ("lang",),
    steps=(
        Step(
            "lang",
            "select",
            "advise.q.lang.prompt",
            field="lang",
            bilingual=True,
            choices=_lang_choices,
            default=lambda ctx: ctx.lang,
        ),
    ),
    describe=lambda ctx: t("advise.lang.name", ctx.profile.lang or ctx.lang),
)

JOBS = Question(
    "jobs",
    ("jobs",),
    steps=(
        Step(
            "jobs",
            "text",
            "advise.q.jobs.prompt",
            field="jobs",
            more="advise.q.jobs.more",
            repeat=True,
            choices=lambda ctx: job_choices(ctx.catalog, ctx.lang),
            parse=_chosen,
            validate=_one_of("advise.invalid.job", empty_ok=True),
        ),
    ),
    describe=lambda ctx: (
        ", ".join(ctx.catalog.name(ctx.catalog.jobs[j], ctx.lang) for j in ctx.profile.jobs)
        or _none(ctx)
    ),
)


def _from_jobs(ctx: Asking) -> dict[str, int]:
    """The skills of the jobs held (as answered in this session)."""
    return dict(start_levels(Profile(jobs=ctx.profile.jobs), ctx.catalog))


def _current_skills(ctx: Asking) -> dict[str, int]:
    """What the person likely holds: their jobs' skills, then the levels they gave before."""
    return {**_from_jobs(ctx), **ctx.profile.skills}


def _held_order(ctx: Asking) -> list[str]:
    current = _current_skills(ctx)
    groups = skills_by_category(ctx.catalog, ctx.lang, current)
    return [skill for ids in groups.values() for skill in ids if skill in current]


def _held_choices(ctx: Asking) -> list[Choice]:
    return [choice(ctx.catalog.name(ctx.catalog.skills[s], ctx.lang), s) for s in _held_order(ctx)]


def _held_headings(ctx: Asking) -> dict[str, str]:
    """Each category's heading, before its first prefilled skill."""
    current = _current_skills(ctx)
    headings: dict[str, str] = {}
    for category, ids in skills_by_category(ctx.catalog, ctx.lang, current).items():
        first = next((s for s in ids if s in current), None)
        if first:
            headings[first] = category_label(category, ctx.lang)
    return headings


def _levels_so_far(ctx: Asking) -> dict[str, int]:
    """The skills kept from the prefilled ones (at their levels), then those added (at least 1)."""
    current = _current_skills(ctx)
    levels = {skill: current[skill] for skill in ctx.so_far.get("skills.held", ())}
    for skill in ctx.so_far.get("skills.add", ()):
        levels[skill] = max(levels.get(skill, 0), 1)
    return levels


def _graded(ctx: Asking) -> list[str]:
    """The chosen skills that have more than one level."""
    return [skill for skill in _levels_so_far(ctx) if ctx.catalog.skills[skill].max_level > 1]


def _level_choices(ctx: Asking) -> list[Choice]:
    top = ctx.catalog.skills[str(ctx.item)].max_level
    return [
        choice(t("advise.level", ctx.lang, level=level, max=top), str(level))
        for level in range(1, top + 1)
    ]


def _fill_skills(ctx: Asking) -> dict[str, Any]:
    """Self-assessed levels: what the person confirmed, recorded explicitly; job skills that were
    unticked are recorded as 0 so that the plan does not assume them."""
    skills = {**_levels_so_far(ctx), **ctx.so_far.get("skills.level", {})}
    for skill in _from_jobs(ctx):
        skills.setdefault(skill, 0)
    return {"skills": skills}


def _describe_skills(ctx: Asking) -> str:
    held = [
        f"{ctx.catalog.name(ctx.catalog.skills[s], ctx.lang)} {lvl}"
        for s, lvl in ctx.profile.skills.items()
        if lvl > 0
    ]
    return ", ".join(held) or _none(ctx)


SKILLS = Question(
    "skills",
    ("skills",),
    steps=(
        Step(
            "skills.held",
            "checkbox",
            "advise.q.skills.prefilled",
            field="skills",
            applies=lambda ctx: bool(_current_skills(ctx)),
            choices=_held_choices,
            default=lambda ctx: set(_held_order(ctx)),
            groups=_held_headings,
            parse=lambda answer, ctx: tuple(answer),
        ),
        Step(
            "skills.add",
            "text",
            "advise.q.skills.add",
            field="skills",
            repeat=True,
            choices=lambda ctx: skill_choices(ctx.catalog, ctx.lang),
            parse=_chosen,
            validate=_one_of("advise.invalid.skill", empty_ok=True),
        ),
        Step(
            "skills.level",
            "select",
            "advise.q.skills.level",
            field="skills",
            each=_graded,
            params=lambda ctx: {
                "skill": ctx.catalog.name(ctx.catalog.skills[str(ctx.item)], ctx.lang)
            },
            choices=_level_choices,
            default=lambda ctx: str(_levels_so_far(ctx)[str(ctx.item)]),
            parse=lambda answer, ctx: int(answer),
        ),
    ),
    describe=_describe_skills,
    fill=_fill_skills,
)


def _describe_home(ctx: Asking) -> str:
    """The home as the review screen shows it: the site, the commune with its postal code, the
    communes a shared postal code stands for, or the coordinates."""
    from ..home import resolve_home

    home = ctx.profile.home
    if home is None:
        return _none(ctx)
    try:
        place = resolve_home(home, ctx.catalog)
    except PathfinderError:
        return str(home)
    if place.kind == "site":
        return ctx.catalog.name(ctx.catalog.sites[place.query], ctx.lang)
    if place.kind == "coordinates":
        return f"{place.lat:.3f}, {place.lon:.3f}"
    return f"{place.name} ({place.postal_code})" if place.postal_code else str(place.name)


def _check_home(text: str, ctx: Asking) -> Problem | None:
    if not text.strip():
        return None
    try:
        home_of(text, ctx.catalog, ctx.lang)
    except PathfinderError as error:
        return ("advise.invalid.place", {"reason": error.message(ctx.lang)})
    return None


HOME = Question(
    "home",
    ("home",),
    steps=(
        Step(
            "home",
            "place",
            "advise.q.home.prompt",
            field="home",
            choices=lambda ctx: site_choices(ctx.catalog, ctx.lang),
            validate=_check_home,
            parse=lambda answer, ctx: (
                parse_home(answer, ctx.catalog, ctx.lang) if answer.strip() else None
            ),
        ),
    ),
    describe=_describe_home,
)


def _radius_choices(ctx: Asking) -> list[Choice]:
    return [
        choice(f"{int(km)} km", f"{km:g}")
        if km is not None
        else choice(t("advise.any_distance", ctx.lang), ANY)
        for km in RADIUS_CHOICES
    ]


def _radius_default(ctx: Asking) -> str:
    current = ctx.profile.mobility_km
    if current is None and "mobility" in ctx.answers.answered:
        return ANY
    return f"{current or 30:g}"


MOBILITY = Question(
    "mobility",
    ("mobility_km",),
    steps=(
        Step(
            "mobility",
            "select",
            "advise.q.mobility.prompt",
            field="mobility_km",
            choices=_radius_choices,
            default=_radius_default,
            parse=lambda answer, ctx: None if answer == ANY else float(answer),
        ),
    ),
    describe=lambda ctx: (
        f"{ctx.profile.mobility_km:g} km"
        if ctx.profile.mobility_km is not None
        else t("advise.any_distance", ctx.lang)
    ),
)

ONLINE = Question(
    "online",
    ("online",),
    steps=(
        Step(
            "online",
            "confirm",
            "advise.q.online.prompt",
            field="online",
            default=lambda ctx: ctx.profile.online,
        ),
    ),
    describe=lambda ctx: t("advise.yes" if ctx.profile.online else "advise.no", ctx.lang),
)


def _describe_time(ctx: Asking) -> str:
    if ctx.profile.max_hours is not None:
        return f"{ctx.profile.max_hours:g} h"
    if ctx.profile.max_weeks is not None:
        return f"{ctx.profile.max_weeks:g} {t('advise.unit.weeks', ctx.lang)}"
    return _no_limit(ctx)


TIME = Question(
    "time",
    ("max_hours", "max_weeks"),
    steps=(
        Step(
            "time.unit",
            "select",
            "advise.q.time.prompt",
            choices=_fixed(
                ("advise.no_limit", ANY),
                ("advise.unit.hours", "hours"),
                ("advise.unit.weeks", "weeks"),
            ),
        ),
        Step(
            "time.hours",
            "number",
            "advise.q.time.hours",
            field="max_hours",
            parse=_number,
            applies=lambda ctx: ctx.so_far.get("time.unit") == "hours",
        ),
        Step(
            "time.weeks",
            "number",
            "advise.q.time.weeks",
            field="max_weeks",
            parse=_number,
            applies=lambda ctx: ctx.so_far.get("time.unit") == "weeks",
        ),
    ),
    describe=_describe_time,
)

BUDGET = Question(
    "budget",
    ("budget_eur",),
    steps=(Step("budget", "number", "advise.q.budget.prompt", field="budget_eur", parse=_number),),
    describe=lambda ctx: (
        f"{ctx.profile.budget_eur:g} €" if ctx.profile.budget_eur is not None else _no_limit(ctx)
    ),
)


def _funding_choices(ctx: Asking) -> list[Choice]:
    """The known sources, and any other a catalog names (a profile's own are kept, not offered)."""
    sources = sorted(
        {f for c in ctx.catalog.courses.values() for f in c.funding} | set(FUNDING_SOURCES)
    )
    return [choice(funding_label(s, ctx.lang), s) for s in sources]


FUNDING = Question(
    "funding",
    ("funding",),
    steps=(
        Step(
            "funding",
            "checkbox",
            "advise.q.funding.prompt",
            field="funding",
            choices=_funding_choices,
            default=lambda ctx: set(ctx.profile.funding),
            parse=lambda answer, ctx: tuple(answer),
        ),
    ),
    describe=lambda ctx: (
        ", ".join(funding_label(f, ctx.lang) for f in ctx.profile.funding) or _none(ctx)
    ),
)


def _check_start(text: str, ctx: Asking) -> Problem | None:
    from ..dates import parse_date

    return None if not text.strip() or parse_date(text.strip()) else "advise.invalid.start"


def _parse_start(answer: str, ctx: Asking) -> date:
    """The typed date; empty: today (kept as a date, so that a replay plans from the same day)."""
    from ..dates import parse_date, today

    return parse_date(answer.strip()) or today()


def _today_text(ctx: Asking) -> str:
    from ..dates import today
    from ..reports.wording import day_text

    return day_text(today(), ctx.lang)


def _describe_start(ctx: Asking) -> str:
    from ..reports.wording import day_text

    return day_text(ctx.profile.start, ctx.lang) if ctx.profile.start else _today_text(ctx)


START = Question(
    "start",
    ("start",),
    steps=(
        Step(
            "start",
            "text",
            "advise.q.start.prompt",
            field="start",
            validate=_check_start,
            parse=_parse_start,
            params=lambda ctx: {"today": _today_text(ctx)},
        ),
    ),
    describe=_describe_start,
    optional=True,
)


def _objective_choices(ctx: Asking) -> list[Choice]:
    from ..objectives import OBJECTIVE_NAMES

    return [choice(t(f"advise.priority.{name}", ctx.lang), name) for name in OBJECTIVE_NAMES]


PRIORITY = Question(
    "priority",
    ("optimize",),
    steps=(
        Step(
            "priority",
            "select",
            "advise.q.priority.prompt",
            field="optimize",
            choices=_objective_choices,
            default=lambda ctx: ctx.profile.optimize or "hours",
        ),
    ),
    describe=lambda ctx: t(f"advise.priority.{ctx.profile.optimize or 'hours'}", ctx.lang),
    optional=True,
)


def _exploring(ctx: Asking) -> bool:
    return ctx.so_far.get("goal.mode") == "explore" and ctx.ranker is not None


def _ranked(ctx: Asking) -> list[Choice]:
    """Jobs within reach in the sectors just chosen, best first."""
    if ctx.ranker is None:
        return []
    sectors = ctx.so_far.get("goal.sectors", ctx.profile.sectors)
    return [
        choice(label, job) for label, job in ctx.ranker(ctx.answers.with_profile(sectors=sectors))
    ]


def _describe_goal(ctx: Asking) -> str:
    target = ctx.answers.target
    job = ctx.catalog.jobs.get(target) if target is not None else None
    return ctx.catalog.name(job, ctx.lang) if job is not None else _none(ctx)


GOAL = Question(
    "goal",
    ("targets",),
    steps=(
        Step(
            "goal.mode",
            "select",
            "advise.q.goal.prompt",
            choices=_fixed(("advise.goal.target", "target"), ("advise.goal.explore", "explore")),
        ),
        Step(
            "goal.sectors",
            "checkbox",
            "advise.q.sectors.prompt",
            field="sectors",
            applies=_exploring,
            choices=lambda ctx: [
                choice(ctx.catalog.name(s, ctx.lang), s.id) for s in ctx.catalog.sectors.values()
            ],
            default=lambda ctx: set(ctx.profile.sectors),
            parse=lambda answer, ctx: tuple(answer),
        ),
        Step(
            "goal.pick",
            "select",
            "advise.q.goal.pick",
            field="targets",
            applies=_exploring,
            choices=_ranked,
            none_note="advise.goal.none_in_reach",
            parse=lambda answer, ctx: (answer,),
        ),
        Step(
            "goal.target",
            "text",
            "advise.q.goal.target",
            field="targets",
            applies=lambda ctx: "goal.pick" not in ctx.so_far,
            choices=lambda ctx: job_choices(ctx.catalog, ctx.lang),
            validate=_one_of("advise.invalid.job", empty_ok=False),
            parse=lambda answer, ctx: (_chosen(answer, ctx),),
        ),
    ),
    describe=_describe_goal,
)

ADVISING_QUESTIONS: tuple[Question, ...] = (
    LANG,
    JOBS,
    SKILLS,
    HOME,
    MOBILITY,
    ONLINE,
    START,
    TIME,
    BUDGET,
    FUNDING,
    PRIORITY,
    GOAL,
)
"""The session's questions, in the order they are asked."""

QUESTION_BY_NAME: dict[str, Question] = {q.name: q for q in ADVISING_QUESTIONS}

NOT_ASKED: frozenset[str] = frozenset({"exclude_courses"})
"""Profile fields no question fills (set in a profile file or by flags only)."""
