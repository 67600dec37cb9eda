"""The gazetteer of French communes (pathfinder/gazetteer.py), on the shipped data file and on
small hand-made ones; and its builder (tools/build_gazetteer.py) on a tiny CSV/JSON pair."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder import gazetteer
from pathfinder.errors import PathfinderError, PlaceError
from pathfinder.gazetteer import (
    DATA_FILE,
    Gazetteer,
    communes_named,
    communes_with_postal_code,
    complete,
    normalise,
    resolve,
    suggestions,
)

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "tools" / "build_gazetteer.py"


def error_of(query: str) -> PlaceError:
    with pytest.raises(PlaceError) as caught:
        resolve(query)
    return caught.value


# --- normalising names ---


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Mantes-la-Jolie", "mantes la jolie"),
        ("  MANTES   la  jolie ", "mantes la jolie"),
        ("Cléon", "cleon"),
        ("L'Abergement-Clémenciat", "l abergement clemenciat"),
        ("L’Abergement Clémenciat", "l abergement clemenciat"),
        ("St-Denis", "saint denis"),
        ("St. Denis", "saint denis"),
        ("Ste-Marie", "sainte marie"),
        ("Stes-Maries-de-la-Mer", "saintes maries de la mer"),
        ("Pont-St-Esprit", "pont saint esprit"),
        ("Œuilly", "oeuilly"),
        ("Paris 15e Arrondissement", "paris 15"),
        ("paris 15", "paris 15"),
        ("Paris 01", "paris 1"),
        ("Lyon 1er", "lyon 1"),
        ("Marseille 8ème arrondissement", "marseille 8"),
        ("Stenay", "stenay"),  # "st" only as a word
        ("", ""),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


@given(st.text(max_size=60))
def test_normalise_is_idempotent_and_tidy(text: str) -> None:
    key = normalise(text)
    assert normalise(key) == key
    assert key == " ".join(key.split()) and "\t" not in key


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_input_gives_a_place_or_a_place_error(text: str) -> None:
    try:
        place = resolve(text)
    except PlaceError as error:
        assert error.message("en") and error.message("fr")
    else:
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_results_are_frozen() -> None:
    place = resolve("Cléon")
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        place.communes[0].name = "x"  # type: ignore[misc]


# --- names ---


@pytest.mark.parametrize(
    "query",
    [
        "Mantes-la-Jolie",
        "mantes la jolie",
        "MANTES-LA-JOLIE",
        "Mantes la Jolie ",
        "78200 Mantes-la-Jolie",
    ],
)
def test_a_name_in_any_case_and_spelling(query: str) -> None:
    place = resolve(query)
    assert place.kind == "commune"
    assert place.name == "Mantes-la-Jolie"
    assert place.insee == "78361"
    assert place.postal_code == "78200"
    assert place.department == "78"
    assert place.lat == pytest.approx(48.99, abs=0.05)
    assert place.lon == pytest.approx(1.69, abs=0.05)
    assert place.mean_of == 1 and not place.is_mean


@pytest.mark.parametrize(
    "query", ["Cléon", "cleon", "CLEON", "Cleon (76)", "Cléon, Seine-Maritime"]
)
def test_accents_are_optional(query: str) -> None:
    place = resolve(query)
    assert (place.name, place.insee, place.department) == ("Cléon", "76178", "76")
    assert place.query == query


@pytest.mark.parametrize(
    "query",
    [
        "L'Abergement-Clémenciat",
        "l abergement clemenciat",
        "Abergement-Clémenciat",
        "Le Abergement Clemenciat",
    ],
)
def test_a_leading_article_with_or_without_apostrophe(query: str) -> None:
    place = resolve(query)
    assert place.name == "L'Abergement-Clémenciat"
    assert place.postal_code == "01400"
    assert place.insee == "01001"


def test_saint_abbreviated_and_a_department_to_choose() -> None:
    for query in (
        "St-Denis (93)",
        "saint denis, 93",
        "Saint-Denis (Seine-Saint-Denis)",
        "St Denis 93200",
    ):
        place = resolve(query)
        assert (place.name, place.department, place.insee) == ("Saint-Denis", "93", "93066"), query
    reunion = resolve("Saint-Denis, Réunion")  # the département's name, its article left out
    assert reunion.department == "974" and reunion.lat < 0
    assert resolve("Stes-Maries-de-la-Mer").name == "Saintes-Maries-de-la-Mer"
    assert resolve("Saint-Étienne").insee == "42218"


def test_a_commune_with_several_postal_codes_gives_none_of_them() -> None:
    place = resolve("Bastia")
    assert place.postal_code is None
    assert place.communes[0].postal_codes == ("20200", "20600")
    assert resolve("Bastia 20600").postal_code == "20600"


def test_corsica() -> None:
    ajaccio = resolve("Ajaccio")
    assert (ajaccio.department, ajaccio.insee) == ("2A", "2A004")
    assert ajaccio.communes[0].department_name == "Corse-du-Sud"
    assert resolve("ajaccio (2a)").communes == ajaccio.communes
    assert resolve("Bastia").department == "2B"
    assert resolve("20000").name == "Ajaccio"


def test_a_name_no_longer_a_commune_is_still_found() -> None:
    # Merged into Valserhône in 2019: the postal code base still lists it, without INSEE code.
    place = resolve("Bellegarde-sur-Valserine")
    assert place.insee is None and place.department == "01"


# --- postal codes ---


def test_a_postal_code_of_one_commune() -> None:
    place = resolve("93200")
    assert place.kind == "postal-code"
    assert (place.name, place.postal_code, place.insee) == ("Saint-Denis", "93200", "93066")
    assert place.mean_of == 1 and place.spread_km == 0.0


@pytest.mark.parametrize("query", ["01400", "1400", " 01400 "])
def test_a_shared_postal_code_with_a_leading_zero_gives_the_mean_centroid(query: str) -> None:
    place = resolve(query)
    communes = communes_with_postal_code("01400")
    assert len(communes) == 10
    assert place.kind == "postal-code"
    assert place.postal_code == "01400"
    assert place.is_mean and place.mean_of == 10
    assert place.communes == communes
    assert place.name == ", ".join(c.name for c in communes)
    assert "L'Abergement-Clémenciat" in place.name and "Châtillon-sur-Chalaronne" in place.name
    assert place.insee is None and place.department == "01"
    lats = [c.lat for c in communes if c.lat is not None]
    lons = [c.lon for c in communes if c.lon is not None]
    assert place.lat == pytest.approx(sum(lats) / 10, abs=1e-5)
    assert place.lon == pytest.approx(sum(lons) / 10, abs=1e-5)
    assert 0 < place.spread_km < 20


def test_a_postal_code_across_two_departments() -> None:
    place = resolve("62760")  # Thièvres is two communes, one in Pas-de-Calais, one in Somme
    assert {c.department for c in place.communes} == {"62", "80"}
    assert place.department is None
    assert [c.insee for c in communes_named("Thièvres")] == ["62814", "80756"]


def test_an_unknown_postal_code() -> None:
    error = error_of("99999")
    assert error.key == "place.unknown_postal_code"
    assert str(error) == "no French commune has the postal code '99999'."
    assert communes_with_postal_code("1400") == ()  # the function takes 5 digits
    assert communes_with_postal_code("abcde") == ()


# --- Paris, Lyon, Marseille ---


@pytest.mark.parametrize(
    ("city", "insee", "arrondissements"),
    [("Paris", "75056", 20), ("Lyon", "69123", 9), ("Marseille", "13055", 16)],
)
def test_the_city_is_one_place_not_its_arrondissements(
    city: str, insee: str, arrondissements: int
) -> None:
    place = resolve(city)
    assert (place.name, place.insee, place.kind) == (city, insee, "commune")
    parts = [c for c in complete(f"{city} ", limit=50) if c.name.endswith("Arrondissement")]
    assert len(parts) == arrondissements
    points = [(p.lat, p.lon) for p in parts if p.lat is not None and p.lon is not None]
    assert place.lat == pytest.approx(sum(p[0] for p in points) / len(points), abs=1e-4)
    assert place.lon == pytest.approx(sum(p[1] for p in points) / len(points), abs=1e-4)
    assert len(place.communes[0].postal_codes) >= arrondissements


@pytest.mark.parametrize(
    "query",
    ["paris 15", "Paris 15e", "Paris 15e Arrondissement", "PARIS 15EME ARRONDISSEMENT", "75015"],
)
def test_an_arrondissement_by_number_or_postal_code(query: str) -> None:
    place = resolve(query)
    assert (place.name, place.insee, place.postal_code) == (
        "Paris 15e Arrondissement",
        "75115",
        "75015",
    )
    assert place.mean_of == 1


def test_arrondissements_of_lyon_and_marseille_and_paris_16() -> None:
    assert resolve("lyon 1er").insee == resolve("69001").insee == "69381"
    assert resolve("Marseille 8").insee == resolve("13008").insee == "13208"
    assert resolve("paris 1").name == "Paris 1er Arrondissement"
    assert resolve("75116").name == resolve("75016").name == "Paris 16e Arrondissement"
    # A postal code with the city's name is the arrondissement.
    assert resolve("75016 Paris").name == "Paris 16e Arrondissement"
    assert resolve("Marseille 13008").insee == "13208"
    # A postal code names the arrondissement only, not the city as well.
    assert [c.name for c in communes_with_postal_code("75015")] == ["Paris 15e Arrondissement"]


# --- errors ---


def test_an_ambiguous_name_lists_the_candidates() -> None:
    error = error_of("Saint-Denis")
    assert error.key == "place.ambiguous"
    assert error.exit_code == 2 and isinstance(error, PathfinderError)
    assert "Saint-Denis (93, 93200, 93210)" in error.candidates
    assert "Saint-Denis (974, 97400, 97417, 97490)" in error.candidates
    message = error.message("en")
    assert message.startswith("'Saint-Denis' names 4 communes: Saint-Denis (11, 11310), ")
    assert "add the postal code or the département, e.g. 'Saint-Denis (11)'" in message
    assert error.message("fr").startswith("« Saint-Denis » désigne 4 communes : ")
    assert error_of("St Denis").candidates == error.candidates


def test_a_long_list_of_candidates_is_cut() -> None:
    error = error_of("Sainte-Marie")
    assert len(error.candidates) == 10
    assert "Sainte-Marie (972, 97230)" in error.candidates
    assert ", and 2 more; add the postal code" in error.message("en")
    assert ", et 2 autre(s) ; précisez" in error.message("fr")


def test_an_unknown_name_suggests_close_ones() -> None:
    error = error_of("Mantes-la-Joly")
    assert error.key == "place.unknown"
    assert error.suggestions[0] == "Mantes-la-Jolie"
    assert str(error).startswith(
        "no French commune is named 'Mantes-la-Joly'; did you mean Mantes-la-Jolie"
    )
    assert "vouliez-vous dire Mantes-la-Jolie" in error.message("fr")
    assert "Cléon" in suggestions("Kléon")  # a wrong first letter
    assert suggestions("Mantes")[:2] == ("Mantes-la-Jolie", "Mantes-la-Ville")  # a word short
    assert suggestions("saint deniss")[0] == "Saint-Denis"
    assert suggestions("Qwxzq") == ()


def test_a_department_that_does_not_match_suggests_the_right_one() -> None:
    error = error_of("Cléon (93)")
    assert error.key == "place.unknown"
    assert error.suggestions == ("Cléon (76, 76410)",)


@pytest.mark.parametrize("query", ["Papeete", "98714", "97500", "Saint-Barthélemy (977)"])
def test_an_overseas_commune_without_coordinates(query: str) -> None:
    error = error_of(query)
    assert error.key == "place.no_coordinates"
    assert "LAT,LON" in str(error) and "LAT,LON" in error.message("fr")
    assert all(("(987" in c or "(975" in c or "(977" in c) for c in error.candidates)


def test_empty_and_huge_and_hostile_input() -> None:
    assert error_of("   ").key == "place.empty"
    start = time.perf_counter()
    error = error_of("Cléon" * 2_000_000)  # 10 MB: refused before any normalising
    assert time.perf_counter() - start < 0.5
    assert error.key == "place.unknown" and len(str(error)) < 150
    shown = error_of("\x1b[2JEvil\u202e").message("en")
    assert "\x1b" not in shown and "\u202e" not in shown and "\\x1b" in shown
    assert communes_named("x" * 1000) == () and complete("x" * 1000) == ()
    assert suggestions("x" * 1000) == ()


# --- completion ---


def test_complete_by_prefix_in_a_stable_order() -> None:
    names = [c.name for c in complete("mant")]
    assert names[:5] == [
        "Mant",
        "Mantallot",
        "Mantenay-Montlin",
        "Mantes-la-Jolie",
        "Mantes-la-Ville",
    ]
    assert len(names) == 10
    assert [c.name for c in complete("Mantes la", limit=2)] == [
        "Mantes-la-Jolie",
        "Mantes-la-Ville",
    ]
    assert [c.name for c in complete("Mantes-")] == ["Mantes-la-Jolie", "Mantes-la-Ville"]
    paris = [c.name for c in complete("Paris", limit=30)]
    assert paris[:3] == ["Paris", "Paris 1er Arrondissement", "Paris 10e Arrondissement"]
    assert "Parisot" in paris
    assert "Parisot" not in [c.name for c in complete("Paris ", limit=30)]  # a whole word
    saint_denis = complete("st denis", limit=4)
    assert [c.department for c in saint_denis] == ["11", "30", "93", "974"]
    assert complete("abergement clem")[0].name == "L'Abergement-Clémenciat"  # after an article
    assert complete("") == () and complete("mant", limit=0) == ()


# --- the data file ---


def test_the_data_file_stays_small_and_whole() -> None:
    size = os.path.getsize(DATA_FILE)
    assert size < 1_000_000, f"{size} bytes"
    table = Gazetteer.from_file(DATA_FILE)
    assert 35_000 < len(table) < 40_000


def test_the_data_file_is_sorted_with_eight_fields_per_line() -> None:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8", newline="\n") as file:
        lines = file.read().split("\n")
    assert lines.pop() == ""
    keys = [line.split("\t", 1)[0] for line in lines]
    assert keys == sorted(keys)
    for line in lines:
        key, name, insee, codes, department, department_name, lat, lon = line.split("\t")
        assert key == normalise(name), line
        assert all(len(code) == 5 and code.isdigit() for code in codes.split(",")), line
        assert len(department) in (2, 3) and (bool(lat) == bool(lon)), line


def test_importing_reads_nothing_and_the_data_is_read_once() -> None:
    script = """
import sys
opened = []
def hook(event, args):
    if event == "open" and "communes.tsv" in str(args[0]):
        opened.append(str(args[0]))
sys.addaudithook(hook)
import pathfinder.gazetteer as gazetteer
assert opened == [] and not gazetteer.is_loaded(), opened
gazetteer.resolve("Cléon")
gazetteer.resolve("78200")
gazetteer.complete("mant")
try:
    gazetteer.resolve("Mantes-la-Joly")
except Exception:
    pass
assert len(opened) == 1 and gazetteer.is_loaded(), opened
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n"


# --- a gazetteer of hand-made lines ---

LINES = [
    "le mans\tLe Mans\t72181\t72000,72100\t72\tSarthe\t47.9885\t0.2000",
    "montfort\tMontfort\t\t04600\t04\tAlpes-de-Haute-Provence\t44.0600\t5.9600",
    "montfort\tMontfort\t25392\t25410\t25\tDoubs\t47.1500\t5.9400",
    "sauvagnon\tSauvagnon\t64511\t64230\t64\tPyrénées-Atlantiques\t43.4000\t-0.3900",
    "lescar\tLescar\t64335\t64230\t64\tPyrénées-Atlantiques\t43.3300\t-0.4300",
    "uturoa\tUturoa\t\t98735\t987\tPolynésie française\t\t",
]


def test_a_small_gazetteer() -> None:
    table = Gazetteer.from_lines(LINES)
    assert len(table) == 6
    assert table.resolve("mans").name == "Le Mans"
    assert table.resolve("Les Mans").name == "Le Mans"  # the wrong article
    assert [c.department for c in table.communes_named("Montfort")] == ["04", "25"]
    assert table.resolve("Montfort (Doubs)").insee == "25392"
    assert table.resolve("04600 montfort").insee is None
    shared = table.resolve("64230")
    assert (shared.name, shared.mean_of, shared.department) == ("Lescar, Sauvagnon", 2, "64")
    assert (shared.lat, shared.lon) == (43.365, -0.41)
    assert shared.spread_km == 4.2  # km from the mean to the farthest commune
    with pytest.raises(PlaceError) as caught:
        table.resolve("Uturoa")
    assert caught.value.key == "place.no_coordinates"
    assert caught.value.candidates == ("Uturoa (987, 98735)",)
    assert [c.name for c in table.complete("m")] == ["Montfort", "Montfort", "Le Mans"]
    assert table.suggestions("Montford") == ("Montfort",)


def load_builder(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """tools/build_gazetteer.py as a module (its dataclasses look for it in sys.modules)."""
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


def test_blocks_and_a_name_whose_lines_run_over_two_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    builder = load_builder(monkeypatch)
    monkeypatch.setattr(builder, "BLOCK_LINES", 3)
    data = builder.blocked_gzip(sorted(LINES))
    assert gzip.decompress(data).decode("utf-8") == "".join(f"{line}\n" for line in sorted(LINES))
    table = Gazetteer.from_bytes(data)
    # le mans, lescar, montfort (04) | montfort (25), sauvagnon, uturoa
    assert table._first_keys == [b"le mans", b"montfort"]
    assert [c.department for c in table.communes_named("Montfort")] == ["04", "25"]
    assert [c.name for c in table.complete("l")] == ["Le Mans", "Lescar"]
    assert [c.name for c in table.complete("m")] == ["Montfort", "Montfort", "Le Mans"]
    assert table.resolve("64230").mean_of == 2
    assert len(table) == 6


def test_a_lookup_decompresses_one_block_of_the_shipped_file() -> None:
    table = Gazetteer.from_file(DATA_FILE)
    assert len(table._first_keys) == len(table._blocks) > 10
    assert table.resolve("Cléon").insee == "76178"
    assert sum(block is not None for block in table._blocks) == 1
    place = table.resolve("76410")  # Cléon and 4 more: the index names their blocks
    assert place.mean_of == 5
    assert sum(block is not None for block in table._blocks) <= 5


def test_the_postal_code_index_agrees_with_a_full_scan() -> None:
    indexed = Gazetteer.from_file(DATA_FILE)
    with open(DATA_FILE, "rb") as file:
        first_keys, members, postal_index = gazetteer._blocked_members(file.read()) or ((), (), b"")
    assert postal_index
    scanned = Gazetteer(first_keys, [None] * len(members), members)  # no index: every block
    for code in ("01400", "20000", "62760", "75015", "75116", "78200", "97500", "98714", "99999"):
        assert indexed.communes_with_postal_code(code) == scanned.communes_with_postal_code(code)
    # Every line's postal codes name its block (the cities' codes are their arrondissements').
    listed = {
        code: {int(n) for n in blocks.split(",")}
        for code, blocks in (
            line.split("\t")
            for line in zlib.decompress(postal_index, wbits=-15).decode().splitlines()
        )
    }
    for number in range(len(members)):
        for line in scanned._block(number).decode("utf-8").splitlines():
            fields = line.split("\t")
            if fields[2] not in gazetteer.CITIES_WITH_ARRONDISSEMENTS:
                assert all(number in listed[code] for code in fields[3].split(",")), line


def test_plain_gzip_text_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "plain.tsv.gz"
    path.write_bytes(gzip.compress("\n".join(sorted(LINES)).encode("utf-8")))
    table = Gazetteer.from_file(path)
    assert table.resolve("Le Mans").insee == "72181"
    assert len(table) == 6


# --- the builder ---

CSV_HEADER = (
    "code_postal;nom_commune_postal;latitude;longitude;nom_commune;nom_commune_complet;"
    "code_departement;nom_departement;nom_region"
)
CSV_ROWS = [
    "1400;L ABERGEMENT CLEMENCIAT;46.1534255214;4.92611354223;Abergement-Clémenciat;L'Abergement-Clémenciat;1;Ain;Auvergne-Rhône-Alpes",
    "1400;CHATILLON SUR CHALARONNE;46.1;4.95;Châtillon-sur-Chalaronne;Châtillon-sur-Chalaronne;1;Ain;Auvergne-Rhône-Alpes",
    "1200;BELLEGARDE SUR VALSERINE;46.1068;5.8262;Bellegarde-sur-Valserine;Bellegarde-sur-Valserine;1;Ain;Auvergne-Rhône-Alpes",
    "20000;AJACCIO;41.9347926638;8.70132275974;Ajaccio;Ajaccio;2A;Corse-du-Sud;Corse",
    "20090;AJACCIO;41.9347926638;8.70132275974;Ajaccio;Ajaccio;2A;Corse-du-Sud;Corse",
    "34130;MAUGUIO;43.6;3.99;Mauguio;Mauguio;34;Hérault;Occitanie",
    "34280;CARNON;43.55;4.0;Mauguio;Mauguio;34;Hérault;Occitanie",
    "68210;BERNWILLER;47.6926147527;7.16944522071;Bernwiller;Bernwiller;68;Haut-Rhin;Grand Est",
    "68210;BERNWILLER;47.7001534046;7.1910425266;Bernwiller;Bernwiller;68;Haut-Rhin;Grand Est",
    "62760;THIEVRES;50.1320744532;2.44789711987;Thièvres;Thièvres;62;Pas-de-Calais;Hauts-de-France",
    "62760;THIEVRES;50.1183859138;2.46138718753;Thièvres;Thièvres;80;Somme;Hauts-de-France",
    "75001;PARIS;48.8626304852;2.33629344655;Paris 01;Paris 01;75;Paris;Île-de-France",
    "75016;PARIS;48.8603;2.26;Paris 16;Paris 16;75;Paris;Île-de-France",
    "75116;PARIS;48.8603;2.26;Paris 16;Paris 16;75;Paris;Île-de-France",
    "97500;ST PIERRE ET MIQUELON;;;St pierre;St pierre;97;;",
    "97133;ST BARTHELEMY;;;St barthelemy;St barthelemy;97;;",
    "98714;PAPEETE;;;Papeete;Papeete;98;;",
    "9800;ARGEIN;42.924142227;0.990874865954;Argein;Argein;9;Ariège;Occitanie",
]
JSON_RECORDS = [
    ("01400", "01001", "L'Abergement-Clémenciat"),
    ("01400", "01093", "Châtillon-sur-Chalaronne"),
    ("20000", "2A004", "Ajaccio"),
    ("20090", "2A004", "Ajaccio"),
    ("34130", "34154", "Mauguio"),
    ("68210", "68006", "Bernwiller"),
    ("62760", "62814", "Thièvres"),
    ("62760", "80756", "Thièvres"),
    ("75001", "75101", "Paris 1er Arrondissement"),
    ("75016", "75116", "Paris 16e Arrondissement"),
    ("75116", "75116", "Paris 16e Arrondissement"),
    ("75016", "92012", "Boulogne-Billancourt"),  # not in the CSV: ignored
    ("97500", "97502", "Saint-Pierre"),
    ("09800", "09013", "Argein"),
]
EXPECTED = [
    "ajaccio\tAjaccio\t2A004\t20000,20090\t2A\tCorse-du-Sud\t41.9348\t8.7013",
    "argein\tArgein\t09013\t09800\t09\tAriège\t42.9241\t0.9909",
    "bellegarde sur valserine\tBellegarde-sur-Valserine\t\t01200\t01\tAin\t46.1068\t5.8262",
    "bernwiller\tBernwiller\t68006\t68210\t68\tHaut-Rhin\t47.6964\t7.1802",
    "chatillon sur chalaronne\tChâtillon-sur-Chalaronne\t01093\t01400\t01\tAin\t46.1000\t4.9500",
    "l abergement clemenciat\tL'Abergement-Clémenciat\t01001\t01400\t01\tAin\t46.1534\t4.9261",
    "mauguio\tMauguio\t34154\t34130,34280\t34\tHérault\t43.5750\t3.9950",
    "papeete\tPapeete\t\t98714\t987\tPolynésie française\t\t",
    "paris\tParis\t75056\t75001,75016,75116\t75\tParis\t48.8615\t2.2981",
    "paris 1\tParis 1er Arrondissement\t75101\t75001\t75\tParis\t48.8626\t2.3363",
    "paris 16\tParis 16e Arrondissement\t75116\t75016,75116\t75\tParis\t48.8603\t2.2600",
    "saint barthelemy\tSaint-Barthélemy\t97701\t97133\t977\tSaint-Barthélemy\t\t",
    "saint pierre\tSaint-Pierre\t97502\t97500\t975\tSaint-Pierre-et-Miquelon\t\t",
    "thievres\tThièvres\t62814\t62760\t62\tPas-de-Calais\t50.1321\t2.4479",
    "thievres\tThièvres\t80756\t62760\t80\tSomme\t50.1184\t2.4614",
]


def build(tmp_path: Path, name: str) -> Path:
    communes = tmp_path / "communes.csv"
    codes = tmp_path / "codes.json"
    communes.write_text("\n".join([CSV_HEADER, *CSV_ROWS]) + "\n", encoding="utf-8")
    records = [
        {"codePostal": p, "codeCommune": c, "nomCommune": n, "libelleAcheminement": n.upper()}
        for p, c, n in JSON_RECORDS
    ]
    codes.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / name
    done = subprocess.run(
        [sys.executable, str(BUILDER), str(communes), str(codes), str(output)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "18 rows, 15 communes" in done.stderr
    return output


def test_the_builder_on_a_tiny_pair(tmp_path: Path) -> None:
    output = build(tmp_path, "out" / Path("communes.tsv.gz"))
    assert gzip.decompress(output.read_bytes()).decode("utf-8").split("\n") == [*EXPECTED, ""]
    # Deterministic: the same bytes again (no timestamp in the gzip header).
    assert build(tmp_path, "again.tsv.gz").read_bytes() == output.read_bytes()
    table = Gazetteer.from_file(output)
    assert table.resolve("Paris").insee == "75056"
    assert [c.name for c in table.communes_with_postal_code("75016")] == [
        "Paris 16e Arrondissement"
    ]
    assert table.resolve("01400").mean_of == 2
    assert table.resolve("Mauguio").postal_code is None
    assert table._first_keys == [b"ajaccio"]  # one block, indexed in the first member's header


def test_the_module_default_is_the_shipped_file() -> None:
    assert gazetteer.default() is gazetteer.default()
    assert gazetteer.is_loaded()
    assert Path(DATA_FILE).is_relative_to(Path(gazetteer.__file__).parent)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("76178", "Cléon"),
        ("2A004", "Ajaccio"),
        ("75056", "Paris"),
        ("75115", "Paris 15e Arrondissement"),
    ],
)
def test_a_commune_by_its_insee_code(code: str, name: str) -> None:
    commune = gazetteer.commune_with_insee(code)
    assert commune is not None and (commune.insee, commune.name) == (code, name)


@pytest.mark.parametrize("code", ["99999", "", "7617", "abcde"])
def test_an_unknown_insee_code_is_none(code: str) -> None:
    assert gazetteer.commune_with_insee(code) is None


def test_the_insee_index_of_a_small_gazetteer() -> None:
    small = Gazetteer.from_lines(
        ["cleon\tCléon\t76178\t76410\t76\tSeine-Maritime\t49.3163\t1.0398", "x\tX\t\t\t01\tAin\t\t"]
    )
    found = small.commune_with_insee("76178")
    assert found is not None and found.name == "Cléon"
    assert small.commune_with_insee("") is None  # a line without a code is not indexed


def test_the_commune_nearest_to_a_point() -> None:
    near = gazetteer.commune_nearest(49.318, 1.043, 10)  # 0.3 km from Cléon's centroid
    assert near is not None and near.name == "Cléon"
    paris = gazetteer.commune_nearest(48.8566, 2.3522, 10)
    assert paris is not None and paris.name == "Paris"  # the city, not an arrondissement
    assert gazetteer.commune_nearest(49.9, -0.5, 10) is None  # at sea
