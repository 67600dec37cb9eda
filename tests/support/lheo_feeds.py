"""Small LHÉO feeds and a matching catalog and gazetteer, built in the tests.

The element names and nesting follow the LHÉO 2.3 definition (``lheo-2.3-definition-gml.xml``):
``formation`` > ``action`` > ``lieu-de-formation/coordonnees/adresse``, ``session/periode``,
``organisme-financeur/code-financeur``, ``nombre-heures-total``, ``prix-total-TTC``.
"""

from __future__ import annotations

from pathlib import Path

from pathfinder.gazetteer import Gazetteer

NS23 = "http://lheo.gouv.fr/2.3"
NS22 = "http://www.lheo.org/2.2"


def place(
    insee: str = "",
    postal: str = "",
    town: str = "",
    lat: str = "",
    lon: str = "",
) -> str:
    parts = []
    if postal:
        parts.append(f"<codepostal>{postal}</codepostal>")
    if town:
        parts.append(f"<ville>{town}</ville>")
    if insee:
        parts.append(f"<code-INSEE-commune>{insee}</code-INSEE-commune>")
    if lat or lon:
        parts.append(
            f"<geolocalisation><latitude>{lat}</latitude><longitude>{lon}</longitude>"
            "</geolocalisation>"
        )
    return f"<lieu-de-formation><coordonnees><adresse>{''.join(parts)}</adresse></coordonnees></lieu-de-formation>"


def action(
    number: str,
    *,
    places: tuple[str, ...] = (),
    sessions: tuple[tuple[str, str], ...] = (),
    funders: tuple[str, ...] = (),
    hours: str | None = None,
    price: str | None = None,
) -> str:
    body = list(places)
    body += [
        f'<session numero="S{i}"><periode><debut>{start}</debut><fin>{end}</fin></periode></session>'
        for i, (start, end) in enumerate(sessions, 1)
    ]
    body += [
        f"<organisme-financeur><code-financeur>{code}</code-financeur></organisme-financeur>"
        for code in funders
    ]
    if hours is not None:
        body.append(f"<nombre-heures-total>{hours}</nombre-heures-total>")
    if price is not None:
        body.append(f"<prix-total-TTC>{price}</prix-total-TTC>")
    return f'<action numero="{number}">\n' + "\n".join(body) + "\n</action>"


def formation(
    number: str,
    *actions: str,
    title: str = "Formation",
    rome: tuple[str, ...] = (),
    rncp: str = "",
    rs: str = "",
    cpf: bool = False,
) -> str:
    codes = "".join(f"<code-ROME>{code}</code-ROME>" for code in rome)
    certification = ""
    if rncp or rs or cpf:
        inner = (f"<code-RNCP>{rncp}</code-RNCP>" if rncp else "") + (
            f"<code-RS>{rs}</code-RS>" if rs else ""
        )
        inner += "<code-CPF>236</code-CPF>" if cpf else ""
        certification = f"<certification>{inner}</certification>"
    return (
        f'<formation numero="{number}">\n<domaine-formation>{codes}</domaine-formation>\n'
        f"<intitule-formation>{title}</intitule-formation>\n{certification}\n"
        + "\n".join(actions)
        + "\n</formation>"
    )


def write_feed(path: Path, *formations: str, ns: str = NS23) -> Path:
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="{ns}"><offres>\n'
        + "\n".join(formations)
        + "\n</offres></lheo>\n",
        encoding="utf-8",
    )
    return path


COMMUNES = (
    # key, name, INSEE, postal codes, département, its name, lat, lon
    "cleon\tCléon\t76178\t76410\t76\tSeine-Maritime\t49.3163\t1.0398",
    "sandouville\tSandouville\t76660\t76430\t76\tSeine-Maritime\t49.4777\t0.3011",
    "douai\tDouai\t59178\t59500\t59\tNord\t50.3823\t3.0915",
    "lambres lez douai\tLambres-lez-Douai\t59329\t59552\t59\tNord\t50.3514\t3.0667",
    "courchelettes\tCourchelettes\t59156\t59552\t59\tNord\t50.3425\t3.0558",
    "saint etienne du rouvray\tSaint-Étienne-du-Rouvray\t76575\t76800\t76\tSeine-Maritime\t49.3783\t1.1050",
    "grand couronne\tGrand-Couronne\t76319\t76530\t76\tSeine-Maritime\t49.3556\t1.0064",
)


def gazetteer() -> Gazetteer:
    """A gazetteer of a few communes: Cléon (beside the catalog's site), Sandouville and
    Saint-Étienne-du-Rouvray (far from every site), Douai and a postal code two communes share."""
    return Gazetteer.from_lines(COMMUNES)


CATALOG = """\
# A catalog for the sync tests.
catalog:
  name: Sync test   # comment kept
  version: "1"
  languages: [en, fr]

sectors:
  - {id: ev, name: {en: EV, fr: VE}}
providers:
  - {id: ema, name: {en: Academy, fr: Académie}}
sites:
  # The plant.
  - id: cleon
    name: {en: Cléon plant, fr: Usine de Cléon}
    region: Normandie
    lat: 49.313
    lon: 1.035
  - {id: douai, name: {en: Douai, fr: Douai}, region: Hauts-de-France, lat: 50.371, lon: 3.08}
skills:
  - {id: winding, name: {en: Winding, fr: Bobinage}, category: motor}
  - {id: testing, name: {en: Testing, fr: Essais}, category: motor}
jobs:
  - id: winder
    name: {en: Winder, fr: Bobinier}
    sector: ev
    outlook: growing
    rome: H2602
    requires: {winding: 1}
  - {id: tester, name: {en: Tester, fr: Testeur}, sector: ev, outlook: growing, rome: H1210, requires: {testing: 1}}
courses:
  - id: winding
    name: {en: Winding, fr: Bobinage}
    provider: ema
    hours: 35     # one week
    weeks: 1
    cost_eur: 900
    format: onsite
    sites: [cleon]
    grants: {winding: 1}
    funding: [employer]
    lheo: {formation: F-WIND, action: A-CLEON}
    sessions:
      - {start: 2027-01-11, site: cleon, seats: 8}
      - {start: 2027-03-01, site: cleon, seats: 8}
  - id: testing
    name: {en: Testing, fr: Essais}
    provider: ema
    hours: 14
    weeks: 0.4
    cost_eur: 400
    format: hybrid
    sites: [douai]
    grants: {testing: 1}
    rncp: RNCP474
  - id: testing-online
    name: {en: Testing online, fr: Essais à distance}
    provider: ema
    hours: 7
    weeks: 0.2
    cost_eur: 100
    format: online
    grants: {testing: 1}
    lheo: {formation: F-GONE}
"""


def write_catalog(directory: Path, text: str = CATALOG) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path
