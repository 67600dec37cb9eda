"""Generate large, valid catalogs in format v1, shaped like real skill taxonomies.

    python benchmarks/generate_catalog.py OUT.yaml                      # 10k skills, 3k jobs, 20k courses
    python benchmarks/generate_catalog.py OUT_DIR --split 8 --seed 2
    python benchmarks/generate_catalog.py OUT.yaml --skills 300 --jobs 60 --courses 500

Shape (ESCO counts ~13,900 skills and ~3,000 occupations):
- skills sit in tiers (0 = basics … 5 = specialist); a course of tier t grants one to three skills of
  tier t and requires up to three skills of lower tiers, sometimes with an any-of group, so
  prerequisite chains are as deep as the tiers;
- every skill is granted at its max level by at least one course whose own prerequisites are
  lower-tier skills, so every requirement can be met from nothing (no orphans, no dead ends);
- about 30% of jobs are declining/stable "source" jobs built on low tiers, the rest growing
  targets that mix tiers, so most targets need a handful of courses from a source job;
- sites inside France, two languages, funding, openings.

The same seed always gives the same bytes. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TIERS = 6
FUNDING = ("cpf", "employer", "opco", "region", "france-travail")
FORMATS = ("onsite", "onsite", "onsite", "hybrid", "online")
EN_WORDS = (
    "battery",
    "motor",
    "winding",
    "safety",
    "assembly",
    "diagnosis",
    "welding",
    "coating",
    "sensor",
    "control",
    "quality",
    "recycling",
    "retrofit",
    "robot",
    "data",
    "network",
    "thermal",
    "hydraulic",
    "logistics",
    "maintenance",
    "design",
    "testing",
    "software",
    "power",
    "circuit",
    "module",
)
FR_WORDS = (
    "batterie",
    "moteur",
    "bobinage",
    "sécurité",
    "assemblage",
    "diagnostic",
    "soudage",
    "revêtement",
    "capteur",
    "contrôle",
    "qualité",
    "recyclage",
    "rétrofit",
    "robot",
    "données",
    "réseau",
    "thermique",
    "hydraulique",
    "logistique",
    "maintenance",
    "conception",
    "essais",
    "logiciel",
    "puissance",
    "circuit",
    "module",
)
REGIONS = (
    "Île-de-France",
    "Normandie",
    "Hauts-de-France",
    "Grand Est",
    "Bretagne",
    "Pays de la Loire",
    "Auvergne-Rhône-Alpes",
    "Occitanie",
    "Nouvelle-Aquitaine",
    "Provence-Alpes-Côte d'Azur",
)


@dataclass(frozen=True)
class Skill:
    id: str
    tier: int
    max_level: int


def _name(rng: random.Random, index: int, en_kind: str, fr_kind: str) -> str:
    pick = rng.randrange(len(EN_WORDS))
    return f"{{en: {en_kind} {EN_WORDS[pick]} {index}, fr: {fr_kind} {FR_WORDS[pick]} {index}}}"


def _levels(pairs: dict[str, int]) -> str:
    return "{" + ", ".join(f"{skill}: {level}" for skill, level in pairs.items()) + "}"


class Generator:
    def __init__(
        self, skills: int, jobs: int, courses: int, sites: int, seed: int, sessions: bool = False
    ) -> None:
        self.seed = seed
        self.sessions = sessions
        self.rng = random.Random(seed)
        self.counts = (skills, jobs, courses, sites)
        self.seed = seed
        width = len(str(skills))
        self.skills = [
            Skill(
                f"skill-{i:0{width}d}",
                min(TIERS - 1, i * TIERS // skills),
                self.rng.choice((1, 2, 3, 3, 3, 4, 5)),
            )
            for i in range(skills)
        ]
        self.by_tier = [[s for s in self.skills if s.tier == t] for t in range(TIERS)]
        self.sectors = [f"sector-{i:02d}" for i in range(1, 10)]
        self.providers = [f"provider-{i:03d}" for i in range(1, 51)]
        self.site_ids = [f"site-{i:03d}" for i in range(1, sites + 1)]

    def lower(self, tier: int) -> list[Skill]:
        return [s for t in range(tier) for s in self.by_tier[t]] if tier else []

    def header(self) -> list[str]:
        out = [
            "catalog:\n  name: Generated catalog\n",
            f'  version: "seed-{self.seed}"\n',
            "  languages: [en, fr]\n",
            "sectors:\n",
        ]
        out += [
            f"  - {{id: {s}, name: {{en: Sector {i}, fr: Secteur {i}}}}}\n"
            for i, s in enumerate(self.sectors, 1)
        ]
        out.append("providers:\n")
        out += [
            f"  - {{id: {p}, name: {{en: Training provider {i}, fr: Organisme de formation {i}}}, "
            f"url: https://{p}.example.org}}\n"
            for i, p in enumerate(self.providers, 1)
        ]
        out.append("sites:\n")
        for i, site in enumerate(self.site_ids, 1):
            lat = 43.0 + self.rng.random() * 7.5
            lon = -1.5 + self.rng.random() * 8.5
            region = REGIONS[i % len(REGIONS)]
            out.append(
                f'  - {{id: {site}, name: {{en: Site {i}, fr: Site {i}}}, region: "{region}", '
                f"lat: {lat:.4f}, lon: {lon:.4f}}}\n"
            )
        return out

    def skill_lines(self) -> list[str]:
        out = ["skills:\n"]
        for i, skill in enumerate(self.skills):
            level = (
                f"    max_level: {skill.max_level}\n" if skill.max_level != 3 else ""
            )  # 3 is the default
            out.append(
                f"  - id: {skill.id}\n    name: {_name(self.rng, i, 'Skill', 'Compétence')}\n"
                f"    category: cat-{skill.tier}-{i % 40:02d}\n{level}"
            )
        return out

    def course_lines(self) -> list[str]:
        rng = self.rng
        n_courses = self.counts[2]
        width = len(str(n_courses))
        out = ["courses:\n"]
        seen: set[tuple[object, ...]] = set()
        for index in range(n_courses):
            # The first len(skills) courses grant each skill at its max level: nothing is a dead end.
            primary = self.skills[index] if index < len(self.skills) else rng.choice(self.skills)
            tier = primary.tier
            while True:
                grants = {
                    primary.id: primary.max_level
                    if index < len(self.skills)
                    else rng.randint(1, primary.max_level)
                }
                for extra in rng.sample(
                    self.by_tier[tier], k=min(rng.randint(0, 2), len(self.by_tier[tier]))
                ):
                    grants.setdefault(extra.id, rng.randint(1, extra.max_level))
                lower = self.lower(tier)
                requires: dict[str, int] = {}
                groups: list[dict[str, int]] = []
                if lower:
                    for skill in rng.sample(lower[-3000:], k=min(rng.randint(1, 3), len(lower))):
                        requires[skill.id] = rng.randint(1, skill.max_level)
                    if rng.random() < 0.25:
                        options = rng.sample(lower[-3000:], k=min(rng.randint(2, 3), len(lower)))
                        group = {
                            s.id: rng.randint(1, s.max_level)
                            for s in options
                            if s.id not in requires
                        }
                        if len(group) >= 2:
                            groups.append(group)
                key = (
                    tuple(sorted(grants.items())),
                    tuple(sorted(requires.items())),
                    tuple(tuple(sorted(g.items())) for g in groups),
                )
                if key not in seen:
                    seen.add(key)
                    break
            hours = rng.choice((7, 14, 21, 35, 35, 70, 105, 140, 210, 280))
            weeks = math.ceil(hours / 35 * 10) / 10
            fmt = rng.choice(FORMATS)
            lines = [
                f"  - id: course-{index:0{width}d}\n",
                f"    name: {_name(rng, index, 'Course', 'Formation')}\n",
                f"    provider: {rng.choice(self.providers)}\n",
                f"    hours: {hours}\n",
                f"    weeks: {weeks:g}\n",
                f"    cost_eur: {rng.randrange(0, 60) * 50}\n",
                f"    format: {fmt}\n",
            ]
            if fmt != "online":
                chosen = rng.sample(self.site_ids, k=rng.randint(1, 3))
                lines.append(f"    sites: [{', '.join(chosen)}]\n")
                if self.sessions:
                    lines.append(_sessions(random.Random(f"{self.seed}-{index}"), chosen, fmt))
            if requires:
                lines.append(f"    requires: {_levels(requires)}\n")
            if groups:
                lines.append(f"    requires_any: [{', '.join(_levels(g) for g in groups)}]\n")
            lines.append(f"    grants: {_levels(grants)}\n")
            if rng.random() < 0.7:
                lines.append(
                    f"    funding: [{', '.join(rng.sample(FUNDING, k=rng.randint(1, 2)))}]\n"
                )
            if rng.random() < 0.3:
                lines.append(f"    hands_on: {rng.choice((0.3, 0.5, 0.7))}\n")
            out.append("".join(lines))
        return out

    def job_lines(self) -> list[str]:
        rng = self.rng
        n_jobs = self.counts[1]
        width = len(str(n_jobs))
        out = ["jobs:\n"]
        for index in range(n_jobs):
            source = index % 10 < 3
            if source:
                pool = self.by_tier[0] + self.by_tier[1]
                outlook = rng.choice(("declining", "declining", "stable"))
            else:
                pool = self.skills
                outlook = "growing"
            chosen = rng.sample(pool, k=rng.randint(3, 8) if not source else rng.randint(3, 6))
            requires = {s.id: rng.randint(1, s.max_level) for s in chosen}
            lines = [
                f"  - id: job-{index:0{width}d}\n",
                f"    name: {_name(rng, index, 'Job', 'Métier')}\n",
                f"    sector: {rng.choice(self.sectors)}\n",
                f"    outlook: {outlook}\n",
                f"    rome: {chr(65 + rng.randrange(14))}{rng.randrange(1000, 10000)}\n",
                f"    requires: {_levels(requires)}\n",
            ]
            if not source:
                sites = rng.sample(self.site_ids, k=rng.randint(1, 4))
                lines.append(f"    openings: {_levels({s: rng.randint(1, 120) for s in sites})}\n")
            out.append("".join(lines))
        return out

    def sections(self) -> list[list[str]]:
        return [self.header(), self.skill_lines(), self.job_lines(), self.course_lines()]


def _sessions(rng: random.Random, sites: list[str], fmt: str) -> str:
    """Two to six sessions between January 2027 and June 2028 at the course's sites (a hybrid
    course's sometimes online), from their own random stream: the rest of the catalog is the
    same with or without them."""
    first = datetime.date(2027, 1, 4)
    items = []
    for _ in range(rng.randint(2, 6)):
        start = first + datetime.timedelta(days=rng.randrange(0, 540))
        if fmt == "hybrid" and rng.random() < 0.3:
            items.append(f"{{start: {start.isoformat()}, online: true}}")
        else:
            seats = rng.choice((8, 10, 12, 15))
            items.append(
                f"{{start: {start.isoformat()}, site: {rng.choice(sites)}, seats: {seats}}}"
            )
    items.sort()
    return f"    sessions: [{', '.join(items)}]\n"


def generate(
    skills: int = 10_000,
    jobs: int = 3_000,
    courses: int = 20_000,
    sites: int = 60,
    seed: int = 1,
    sessions: bool = False,
) -> str:
    """The whole catalog as one YAML text; with ``sessions``, on-site and hybrid courses get
    dated sessions."""
    return "".join(
        line
        for section in Generator(skills, jobs, courses, sites, seed, sessions).sections()
        for line in section
    )


def write_split(
    out: Path, parts: int, skills: int, jobs: int, courses: int, sites: int, seed: int
) -> int:
    """Write the catalog as a directory of ``parts`` files (metadata first, entries chunked)."""
    out.mkdir(parents=True, exist_ok=True)
    sections = Generator(skills, jobs, courses, sites, seed).sections()
    header, rest = sections[0], sections[1:]
    written = 0
    (out / "00-catalog.yaml").write_text("".join(header), encoding="utf-8")
    written += sum(len(line.encode()) for line in header)
    per_kind = max(1, (parts - 1) // len(rest))
    for number, section in enumerate(rest, 1):
        title, entries = section[0], section[1:]
        size = math.ceil(len(entries) / per_kind) if entries else 1
        for chunk in range(per_kind):
            piece = entries[chunk * size : (chunk + 1) * size]
            if not piece:
                continue
            text = title + "".join(piece)
            (out / f"{number:02d}-{title.strip(':' + chr(10))}-{chunk + 1:02d}.yaml").write_text(
                text, encoding="utf-8"
            )
            written += len(text.encode())
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="output file, or directory with --split")
    parser.add_argument("--skills", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=3_000)
    parser.add_argument("--courses", type=int, default=20_000)
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--split", type=int, default=0, metavar="N", help="write a directory of about N files"
    )
    parser.add_argument(
        "--sessions", action="store_true", help="dated sessions for on-site and hybrid courses"
    )
    args = parser.parse_args()
    if args.skills < TIERS or args.jobs < 1 or args.courses < args.skills or args.sites < 4:
        parser.error(
            "need at least 6 skills, 1 job, 4 sites, and at least as many courses as skills"
        )
    start = time.perf_counter()
    if args.split:
        size = write_split(
            args.out, args.split, args.skills, args.jobs, args.courses, args.sites, args.seed
        )
    else:
        text = generate(args.skills, args.jobs, args.courses, args.sites, args.seed, args.sessions)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        size = len(text.encode())
    print(
        f"{args.out}: {args.skills} skills, {args.jobs} jobs, {args.courses} courses, {args.sites} sites; "
        f"{size / 2**20:.1f} MB in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
