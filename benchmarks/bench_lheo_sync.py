"""``catalog sync-lheo`` on a national-size feed: a generated 100 MB LHÉO 2.3 feed (50,000
actions, 200,000 sessions) against the large benchmark catalog with 5,000 linked courses.

    python benchmarks/bench_lheo_sync.py              # dry runs (JSON), then --write on a copy
    python benchmarks/bench_lheo_sync.py --no-write   # the dry run only

Each run is the real command in a subprocess; the figures are its wall-clock time and its peak
resident memory (``ru_maxrss`` of the child, from ``os.wait4``). The feed and the linked catalog
are generated once into ``benchmarks/out/`` (seeded: always the same bytes):

- every 4th course of the large catalog (5,000) gets ``lheo: {formation, action}``;
- 25,000 formations of 2 actions each, 4 sessions per action; a linked course's action is placed
  beside the course's first site (a few hundred metres away: matched to it), one action in 50 at
  one of 40 communes given by INSEE code only (new sites); about 1 KB of description per
  formation, as real feeds carry;
- hours, prices ("1 250,00 €" and the like, some "Nous consulter"), funders' codes, a few dates
  known only to the month.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from large_catalog import DEFAULT_OUT, HERE, ensure_large

OUT = HERE / "out"
LINKED = OUT / "large-lheo.yaml"
FEED = OUT / "feed-100mb.xml"
FORMATIONS = 25_000
ACTIONS_PER_FORMATION = 2
SESSIONS_PER_ACTION = 4
EVERY = 4
"""Every 4th course is linked: 5,000 of 20,000."""
COMMUNES = (
    "76540", "14118", "35238", "44109", "49007", "37261", "45234", "21231", "25056", "51454",
    "54395", "57463", "67482", "68224", "80021", "60057", "62041", "02691", "08105", "10387",
    "86194", "87085", "33063", "64445", "40192", "31555", "34172", "30189", "66136", "13001",
    "83137", "06088", "84007", "38185", "42218", "63113", "03185", "69123", "73065", "74010",
)  # fmt: skip
"""INSEE codes of 40 communes (prefectures and large towns) for the places that are no site."""
FILLER = (
    "Cette formation prépare aux métiers de la production et de la maintenance des véhicules "
    "électriques : sécurité électrique, assemblage, contrôle qualité, diagnostic et travail en "
    "équipe. Les apprenants alternent apports théoriques et mises en situation sur plateau "
    "technique, avec un suivi individualisé et une évaluation des acquis en fin de parcours. "
)


def linked_catalog() -> tuple[Path, list[tuple[int, str, float, float, str]]]:
    """The large catalog with every 4th course linked, and each linked course's number, id,
    first site's coordinates and format."""
    from pathfinder.loader import load_catalog

    large = ensure_large(DEFAULT_OUT)
    catalog = load_catalog(large)
    linked = []
    for number, course in enumerate(catalog.courses.values()):
        if number % EVERY == 0:
            site = catalog.sites[course.sites[0]] if course.sites else None
            lat, lon = (site.lat, site.lon) if site else (48.85, 2.35)
            linked.append((number, course.id, lat, lon, course.format))
    if not LINKED.exists():
        wanted = {course_id: number for number, course_id, *_ in linked}
        out = []
        for line in large.read_text(encoding="utf-8").splitlines(keepends=True):
            out.append(line)
            if line.startswith("  - id: course-"):
                number = wanted.get(line.split(": ", 1)[1].strip())
                if number is not None:
                    out.append(f"    lheo: {{formation: F{number:05d}, action: A{number:05d}-1}}\n")
        LINKED.write_text("".join(out), encoding="utf-8")
    return LINKED, linked


def _action(rng: random.Random, number: str, place: str, day0: int) -> str:
    sessions = []
    for k in range(SESSIONS_PER_ACTION):
        start = day0 + k * 60 + rng.randrange(0, 20)
        y, m, d = 2027 + start // 360, 1 + (start % 360) // 30, 1 + start % 28
        end_d = min(d + rng.randrange(1, 9), 28)
        month_only = rng.random() < 0.01
        debut = f"{y}{m:02d}00" if month_only else f"{y}{m:02d}{d:02d}"
        sessions.append(
            f'<session numero="{number}-S{k}"><periode><debut>{debut}</debut>'
            f"<fin>{y}{m:02d}{end_d:02d}</fin></periode>"
            "<etat-recrutement>1</etat-recrutement></session>"
        )
    funders = "".join(
        f"<organisme-financeur><code-financeur>{code}</code-financeur></organisme-financeur>"
        for code in rng.sample(("2", "4", "5", "16", "10", "11"), k=rng.randint(1, 3))
    )
    hours = rng.choice((7, 14, 21, 35, 70, 105, 140, 210))
    price = (
        "Nous consulter"
        if rng.random() < 0.03
        else f"{rng.randrange(2, 120) * 50:,} €".replace(",", " ").replace(" €", ",00 €")
    )
    return (
        f'<action numero="{number}"><rythme-formation>Temps plein</rythme-formation>'
        f"<code-public-vise>83056</code-public-vise>{place}{''.join(sessions)}"
        "<modalites-pedagogiques>Présentiel, plateau technique.</modalites-pedagogiques>"
        f"{funders}<nombre-heures-total>{hours}</nombre-heures-total>"
        f"<prix-total-TTC>{price}</prix-total-TTC></action>\n"
    )


def _place(rng: random.Random, lat: float, lon: float) -> str:
    if rng.random() < 0.02:
        insee = rng.choice(COMMUNES)
        return (
            "<lieu-de-formation><coordonnees><adresse><ligne>1 rue de la Formation</ligne>"
            f"<code-INSEE-commune>{insee}</code-INSEE-commune></adresse></coordonnees>"
            "</lieu-de-formation>"
        )
    return (
        "<lieu-de-formation><coordonnees><nom>Centre de formation</nom><adresse>"
        "<ligne>1 rue de la Formation</ligne><ville>Ville</ville><geolocalisation>"
        f"<latitude>{lat + rng.uniform(-0.004, 0.004):.5f}</latitude>"
        f"<longitude>{lon + rng.uniform(-0.004, 0.004):.5f}</longitude>"
        "</geolocalisation></adresse></coordonnees></lieu-de-formation>"
    )


def generate_feed(linked: list[tuple[int, str, float, float, str]]) -> Path:
    if FEED.exists():
        return FEED
    rng = random.Random(16)
    by_number = {number: (lat, lon, fmt) for number, _id, lat, lon, fmt in linked}
    with FEED.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="http://lheo.gouv.fr/2.3">')
        out.write("<offres>\n")
        for f in range(FORMATIONS):
            number = f * EVERY if f * EVERY in by_number else 100_000 + f
            lat, lon, fmt = by_number.get(number, (46 + rng.random() * 3, rng.random() * 5, ""))
            rome = rng.choice(("H2602", "I1604", "H2909", "K2111", "M1805"))
            out.write(
                f'<formation numero="F{number:05d}"><domaine-formation>'
                f"<code-FORMACODE>24054</code-FORMACODE><code-ROME>{rome}</code-ROME>"
                f"</domaine-formation><intitule-formation>Formation {number}</intitule-formation>"
                f"<objectif-formation>{FILLER * 3}</objectif-formation>"
                f"<contenu-formation>{FILLER}</contenu-formation>"
                "<certification><code-RNCP>35280</code-RNCP><code-CPF>330000</code-CPF>"
                "</certification>\n"
            )
            for a in range(1, ACTIONS_PER_FORMATION + 1):
                place = "" if fmt == "online" else _place(rng, lat, lon)
                out.write(_action(rng, f"A{number:05d}-{a}", place, rng.randrange(0, 90)))
            out.write("</formation>\n")
        out.write("</offres></lheo>\n")
    return FEED


def measure(args: list[str]) -> tuple[float, float, int]:
    """Wall-clock seconds, peak resident MB and exit code of the command."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="only the dry run")
    options = parser.parse_args()
    catalog, linked = linked_catalog()
    feed = generate_feed(linked)
    print(f"catalog: {catalog.name}, {len(linked)} linked courses")
    print(f"feed: {feed.name}, {feed.stat().st_size / 1e6:.1f} MB")
    command = [sys.executable, "-m", "pathfinder", "catalog", "sync-lheo", str(feed)]
    dry = [*command, "--catalog", str(catalog), "--format", "json"]
    seconds, peak, code = measure([*dry, "--no-cache"])
    print(
        f"dry run, catalog not cached (--no-cache): {seconds:.1f} s, peak {peak:.0f} MB, exit {code}"
    )
    measure(dry)  # fills the cache if it is empty
    seconds, peak, code = measure(dry)
    print(f"dry run, catalog cached: {seconds:.1f} s, peak {peak:.0f} MB, exit {code}")
    if not options.no_write:
        copy = OUT / "large-lheo-write.yaml"
        shutil.copyfile(catalog, copy)
        measure([*command, "--catalog", str(copy)])  # the review first, as a maintainer does
        seconds, peak, code = measure([*command, "--catalog", str(copy), "--write"])
        print(
            f"--write on a copy, after its dry run: {seconds:.1f} s, peak {peak:.0f} MB, exit {code}"
        )


if __name__ == "__main__":
    main()
