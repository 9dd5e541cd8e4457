"""The Registry over the packaged data: one identity per real-world actor."""

import time

import pytest

from onrecord.registry import Actor, Office, Registry, load_registry
from onrecord.registry.lookup import merge


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def one(registry: Registry, name: str) -> Actor:
    actor = registry.resolve(name)
    assert actor is not None, f"{name!r} -> {[a.name for a in registry.lookup(name)]}"
    return actor


def test_load_is_cached_and_fast():
    assert load_registry() is load_registry()
    start = time.perf_counter()
    fresh = load_registry.__wrapped__()
    assert time.perf_counter() - start < 0.5
    assert len(fresh) == len(load_registry()) > 3000


@pytest.mark.parametrize("names", [
    ("Fauci", "Dr Fauci", "Dr. Anthony Fauci", "Anthony Fauci", "Anthony S. Fauci"),
    ("Bill Barr", "William Barr", "William P. Barr", "Attorney General William Barr"),
    ("John Boehner", "John A. Boehner", "Speaker John Boehner", "Boehner"),
    ("Sarah Sanders", "Sarah Huckabee Sanders", "Huckabee Sanders"),
    ("@realDonaldTrump", "Donald Trump", "Donald J. Trump", "President Donald Trump"),
    ("Bernie Sanders", "Bernard Sanders", "Sen. Bernie Sanders", "@SenSanders"),
    ("Justice Department", "the Justice Department", "Department of Justice", "DOJ"),
    ("Associated Press", "The Associated Press", "AP"),
    ("Pentagon", "the Pentagon", "Defense Department", "Department of Defense"),
    ("The New York Times", "New York Times", "NYT"),
])
def test_names_of_one_actor(registry, names):
    ids = {one(registry, n).id for n in names}
    assert len(ids) == 1, ids


def test_donald_trump(registry):
    trump = one(registry, "@realDonaldTrump")
    assert (trump.id, trump.name, trump.wikidata, trump.type) == ("Q22686", "Donald Trump", "Q22686", "person")
    assert one(registry, "@REALDONALDTRUMP") is trump
    assert any(o.role == "president" and o.start == "2017-01-20" for o in trump.offices)


def test_sarah_and_bernie_sanders_are_two_people(registry):
    sarah, bernie = one(registry, "Sarah Sanders"), one(registry, "Bernie Sanders")
    assert sarah.id != bernie.id
    assert (sarah.gender, bernie.gender) == ("f", "m")
    assert {a.id for a in registry.lookup("Sanders")} == {sarah.id, bernie.id}
    assert registry.resolve("Sanders") is None


def test_bare_surname_is_ambiguous_among_namesakes(registry):
    trumps = {a.name for a in registry.lookup("Trump")}
    assert {"Donald Trump", "Donald Trump Jr.", "Ivanka Trump", "Melania Trump", "Eric Trump"} <= trumps
    assert registry.resolve("Trump") is None
    assert registry.resolve("Mr. Trump") is None
    assert registry.resolve("Barr") is None  # William Barr, Andy Barr
    assert {a.name for a in registry.lookup("Obama")} == {"Barack Obama", "Michelle Obama"}


def test_father_and_son(registry):
    assert one(registry, "Donald Trump Jr.").id != one(registry, "Donald Trump").id
    assert one(registry, "Don Jr.").name == "Donald Trump Jr."


def test_wu_i_fang_is_not_david_wu(registry):
    david_wu = one(registry, "David Wu")
    assert registry.resolve("Wu I-Fang") is None
    assert david_wu not in registry.lookup("Wu I-Fang")


def test_trump_administration_is_not_a_person(registry):
    found = registry.lookup("the Trump administration")
    assert found and all(a.type != "person" for a in found)
    assert registry.resolve("Trump administration").type == "government"


def test_middle_initials_tell_the_bushes_apart(registry):
    w, hw = one(registry, "George W. Bush"), one(registry, "George H. W. Bush")
    assert w.id == "Q207" and hw.id != w.id
    assert one(registry, "George H.W. Bush") is hw
    assert {a.id for a in registry.lookup("George Bush")} == {w.id, hw.id}


def test_curated_rows_refine_kb_rows(registry):
    bernie = registry.by_id("Q359442")
    assert bernie.name == "Bernie Sanders"
    assert {"Bernard Sanders", "@SenSanders", "@BernieSanders"} <= set(bernie.aliases)
    assert any(o == Office("senator", "VT", "2007-01-04", "2031-01-03") for o in bernie.offices)
    clinton = registry.by_id("govtrack:412374")
    assert clinton.name == "Bill Clinton" and "William Clinton" in clinton.aliases
    assert registry.by_id("Q9684").name == "The New York Times" and "NYT" in registry.by_id("Q9684").aliases


def test_by_id_and_wikidata(registry):
    assert registry.by_id("Q76").name == "Barack Obama"
    assert registry.by_id("Q0") is None
    fauci = one(registry, "Fauci")
    assert fauci.id.startswith("onrecord:") and fauci.wikidata is None and fauci.wikipedia == "Anthony Fauci"


def test_newspapers(registry):
    post = one(registry, "Washington Post")
    assert (post.id, post.type, post.country) == ("Q166032", "media", "US")
    assert post.state == "Washington, D.C."
    assert one(registry, "The Washington Times").id == "Q494170"  # not 'Washington Times (1894–1939)'
    assert len(registry.lookup("The Daily News")) > 1


def test_unknown_and_empty_names(registry):
    assert registry.lookup("Zzyzx Qwerty") == ()
    assert registry.resolve("") is None


def test_suggest(registry):
    assert registry.suggest("Obama") == ["Barack Obama", "Michelle Obama"]
    assert "Bernie Sanders" in registry.suggest("Bernie Sandres")
    assert registry.suggest("Pelossi")[:1] == ["Nancy Pelosi"]
    assert registry.suggest("@realdonaldtrum") == ["@realDonaldTrump"]
    assert len(registry.suggest("Trump", limit=3)) == 3
    assert registry.suggest("Zzyzx Qwerty") == []


def actor(id: str, name: str, aliases: tuple[str, ...] = (), **kw) -> Actor:
    fields = dict(type="person", gender=None, offices=(), party=None, country=None, wikipedia=None) | kw
    return Actor(id=id, name=name, aliases=aliases, **fields)


def test_merge_refines_by_id_and_keeps_both_names():
    kb = [actor("Q1", "Bernard Sanders", ("@SenSanders",), offices=(Office.parse("senator:VT:2007-01-04:"),),
                party="Independent")]
    curated = [actor("Q1", "Bernie Sanders", ("Bernie",), country="US"), actor("onrecord:x", "X Y")]
    merged = {a.id: a for a in merge([kb, curated])}
    bernie = merged["Q1"]
    assert bernie.name == "Bernie Sanders"
    assert bernie.aliases == ("Bernie", "Bernard Sanders", "@SenSanders")
    assert (bernie.party, bernie.country, bernie.offices[0].end) == ("Independent", "US", None)
    assert set(merged) == {"Q1", "onrecord:x"}


def test_one_id_twice_is_an_error():
    with pytest.raises(ValueError):
        merge([[actor("Q1", "A B"), actor("Q1", "A C")]])
    with pytest.raises(ValueError):
        Registry([actor("Q1", "A B"), actor("Q1", "A C")])


def test_office_round_trip():
    office = Office.parse("representative:TX-2:2019-01-03:")
    assert office == Office("representative", "TX-2", "2019-01-03", None)
    assert str(office) == "representative:TX-2:2019-01-03:"


def test_a_military_branch_is_found_under_its_short_names(registry):
    for name in ("Marines", "U.S. Marines", "United States Marine Corps"):
        assert registry.resolve(name).name == "U.S. Marine Corps"
