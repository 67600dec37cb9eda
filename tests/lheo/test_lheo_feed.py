"""Reading LHÉO feeds: offers from both namespaces, streamed; hostile or broken XML refused with
path:line:col. The feeds are built here in the shapes of the LHÉO 2.3 definition and of a real
Onisep 2.2 export."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.errors import FeedError
from pathfinder.lheo import feed as feed_module
from pathfinder.lheo.feed import FeedSession, Place, read_offers

NS23 = "http://lheo.gouv.fr/2.3"
NS22 = "http://www.lheo.org/2.2"


def formation(number: str = "F1", actions: str = "", extra: str = "") -> str:
    return f"""<formation numero="{number}">
<domaine-formation><code-ROME>I1604</code-ROME><code-ROME>H2901</code-ROME></domaine-formation>
<intitule-formation>Bobinage &amp; imprégnation</intitule-formation>
<certification><code-RNCP>RNCP12345</code-RNCP><code-CPF>236</code-CPF></certification>
{extra}{actions}</formation>"""


ACTION = """<action numero="A1">
<lieu-de-formation><coordonnees><adresse>
<codepostal>76410</codepostal><ville>CLÉON</ville><code-INSEE-commune>76178</code-INSEE-commune>
<geolocalisation><latitude>49.31</latitude><longitude>1.04</longitude></geolocalisation>
</adresse></coordonnees></lieu-de-formation>
<session numero="S1"><periode><debut>20270111</debut><fin>20270122</fin></periode></session>
<session numero="S2"><periode><debut>20270300</debut><fin>00000000</fin></periode></session>
<prix-total-TTC>1 250,50 €</prix-total-TTC>
<nombre-heures-total>35</nombre-heures-total>
<organisme-financeur><code-financeur>2</code-financeur></organisme-financeur>
<organisme-financeur><code-financeur>16</code-financeur></organisme-financeur>
</action>"""


def write(tmp_path: Path, body: str, ns: str = NS23, name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="{ns}"><offres>{body}</offres></lheo>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("ns", [NS23, NS22])
def test_an_offer_is_read_with_every_field(tmp_path: Path, ns: str) -> None:
    (offer,) = read_offers(write(tmp_path, formation(actions=ACTION), ns))
    assert (offer.formation, offer.action) == ("F1", "A1")
    assert offer.title == "Bobinage & imprégnation"  # an entity of XML itself, not declared
    assert offer.rome == ("I1604", "H2901")
    assert offer.rncp == ("RNCP12345",)
    assert offer.cpf is True
    assert (offer.hours, offer.price) == ("35", "1 250,50 €")
    assert offer.funders == ("2", "16")
    assert offer.places == (Place("76178", "76410", "CLÉON", "49.31", "1.04"),)
    assert [(s.start, s.end) for s in offer.sessions] == [
        ("20270111", "20270122"),
        ("20270300", "00000000"),
    ]
    assert all(isinstance(s, FeedSession) and s.line > 1 for s in offer.sessions)


def test_one_offer_per_action_and_formations_in_order(tmp_path: Path) -> None:
    two = ACTION + ACTION.replace('numero="A1"', 'numero="A2"')
    body = formation("F1", two) + formation("F2", ACTION.replace('"A1"', '"B1"'))
    offers = list(read_offers(write(tmp_path, body)))
    assert [(o.formation, o.action) for o in offers] == [("F1", "A1"), ("F1", "A2"), ("F2", "B1")]
    assert offers[0].line < offers[1].line < offers[2].line


def test_the_onisep_sample_shape_reads(tmp_path: Path) -> None:
    """A formation shaped like the Onisep 2.2 export (no price, no funder, HTML as escaped text)."""
    action = """<action numero="9436_18706"><lieu-de-formation><coordonnees><adresse>
<codepostal>29391</codepostal><ville>QUIMPERLÉ</ville><code-INSEE-commune>29233</code-INSEE-commune>
<geolocalisation><latitude>47.882108</latitude><longitude>-3.5</longitude></geolocalisation>
</adresse></coordonnees></lieu-de-formation>
<session numero="9436_18706"><periode><debut>20150901</debut><fin>20170831</fin></periode></session>
</action>"""
    body = formation(
        "9436_18706", action, "<objectif-formation>&lt;p&gt;Vendre&lt;/p&gt;</objectif-formation>"
    )
    (offer,) = read_offers(write(tmp_path, body, NS22))
    assert (offer.price, offer.hours, offer.funders) == (None, None, ())
    assert offer.places[0].town == "QUIMPERLÉ"


def test_offers_are_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first offers come out before the whole file is read."""
    body = "".join(formation(f"F{i}", ACTION) for i in range(200))
    path = write(tmp_path, body)
    monkeypatch.setattr(feed_module, "BLOCK", 4096)
    offers = read_offers(path)
    first = next(offers)
    assert first.formation == "F0"
    assert len(list(offers)) == 199


def refused(path: Path) -> FeedError:
    with pytest.raises(FeedError) as info:
        list(read_offers(path))
    return info.value


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dtd.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE lheo SYSTEM "lheo.dtd">\n<lheo xmlns="{NS23}"/>'
    )
    error = refused(path)
    assert error.key == "lheo.dtd"
    assert error.line == 2
    assert str(error).startswith(f"{path}:2:")


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lheo [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<lheo xmlns="{NS23}"><offres>&b;</offres></lheo>'
    )
    assert refused(path).key in ("lheo.dtd", "lheo.entity")


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE lheo [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f'<lheo xmlns="{NS23}"><offres>&x;</offres></lheo>'
    )
    assert refused(path).key in ("lheo.dtd", "lheo.entity")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = "<x>" * 10_000 + "</x>" * 10_000
    error = refused(write(tmp_path, formation(extra=deep)))
    assert error.key == "lheo.too_deep"
    assert error.line == 6  # where the nesting passes the limit


def test_invalid_utf8_is_refused_with_its_position(tmp_path: Path) -> None:
    path = write(tmp_path, formation(actions=ACTION))
    data = path.read_bytes().replace("CLÉON".encode(), b"CL\xc3\x28ON")
    path.write_bytes(data)
    error = refused(path)
    assert error.key == "lheo.malformed"
    assert error.line == 8
    assert error.col > 1


def test_malformed_xml_and_other_roots_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(f'<lheo xmlns="{NS23}">\n<offres><formation></offres></lheo>')
    error = refused(broken)
    assert (error.key, error.line) == ("lheo.malformed", 2)
    other = tmp_path / "other.xml"
    other.write_text('<catalogue xmlns="http://example.org/"/>')
    assert refused(other).key == "lheo.not_lheo"
    old = tmp_path / "old.xml"
    old.write_text('<lheo xmlns="http://www.lheo.org/2.0"/>')
    assert refused(old).key == "lheo.not_lheo"


def test_missing_and_huge_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert refused(tmp_path / "none.xml").key == "lheo.not_found"
    monkeypatch.setattr(feed_module, "MAX_TEXT", 100)
    long_title = formation(actions=ACTION).replace("Bobinage", "B" * 500)
    assert refused(write(tmp_path, long_title)).key == "lheo.text_too_long"


def test_errors_are_said_in_french(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text('<catalogue xmlns="http://example.org/"/>')
    assert "ce n'est pas un flux LHÉO" in refused(other).message("fr")


@pytest.mark.parametrize(
    ("extra", "cpf"),
    [
        ("<code-type-formation><code-CPF>CPF202</code-CPF></code-type-formation>", True),
        ("<code-type-formation><code-ELU>1</code-ELU></code-type-formation>", False),
        ("<certification><code-RNCP>474</code-RNCP></certification>", False),
    ],
)
def test_a_cpf_code_of_the_type_of_training_makes_it_cpf_eligible(
    tmp_path: Path, extra: str, cpf: bool
) -> None:
    body = f'<formation numero="F2">{extra}<action numero="A"/></formation>'
    (offer,) = read_offers(write(tmp_path, body))
    assert offer.cpf is cpf


def test_descriptions_and_other_elements_are_skipped_whole(tmp_path: Path) -> None:
    """Elements the sync does not read are not kept, even when they hold ones it does: the
    provider's address is not a place of training, a registration address is not a session's."""
    body = (
        '<formation numero="F3"><contenu-formation>long text</contenu-formation>'
        '<action numero="A"><session numero="S"><periode><debut>20270111</debut>'
        "<fin>20270112</fin></periode><adresse-inscription><adresse><codepostal>75001"
        "</codepostal></adresse></adresse-inscription></session></action>"
        "<organisme-formation-responsable><coordonnees-organisme><coordonnees><adresse>"
        "<codepostal>75002</codepostal></adresse></coordonnees></coordonnees-organisme>"
        "</organisme-formation-responsable></formation>"
    )
    (offer,) = read_offers(write(tmp_path, body))
    assert offer.places == ()
    assert offer.sessions == (FeedSession("20270111", "20270112", 2),)
