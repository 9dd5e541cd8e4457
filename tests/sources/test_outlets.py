"""Outlet names normalised as documents are read (onrecord.sources.outlets)."""

from onrecord.sources import DocMeta, RawDoc
from onrecord.sources.fields import record_to_doc
from onrecord.sources.outlets import normalise_doc, normalise_meta, outlet_table


def test_sections_of_one_outlet_land_under_it():
    for raw, section in (("CNN (Web News)", "online"), ("CNN - Editorial", "editorial"), ("CNN", None)):
        meta = normalise_meta(DocMeta(outlet=raw))
        assert (meta.outlet, meta.section, meta.outlet_raw) == ("CNN", section, raw)
    fox = {normalise_meta(DocMeta(outlet=r)).outlet for r in
           ("Fox News (Online)", "Fox Online News", "Fox News Opinion", "Fox News")}
    assert fox == {"Fox News"}
    assert normalise_meta(DocMeta(outlet="new york times  -  news")).outlet == "The New York Times"


def test_distinct_outlets_stay_apart():
    names = ("New York Post", "New York Magazine", "The New Yorker", "NBC Today Show", "Fox News Latino")
    assert {normalise_meta(DocMeta(outlet=n)).outlet for n in names} == set(names)


def test_a_columnist_becomes_the_first_author_and_the_outlet_comes_from_the_domain():
    meta = normalise_meta(DocMeta(outlet="Ezra Klein", url="https://www.vox.com/2019/1/1/x",
                                  authors=("Dylan Matthews", "ezra klein")))
    assert (meta.outlet, meta.outlet_raw, meta.section) == ("Vox", "Ezra Klein", "opinion")
    assert meta.authors == ("Ezra Klein", "Dylan Matthews")
    sub = normalise_meta(DocMeta(outlet="Julian Zelizer", extra={"source_url": "www.money.cnn.com"}))
    assert sub.outlet == "CNN"
    nowhere = normalise_meta(DocMeta(outlet="Victor Hanson", url="https://victorhanson.example/a"))
    assert nowhere.outlet is None and nowhere.authors == ("Victor Davis Hanson",)


def test_a_label_is_no_outlet():
    meta = normalise_meta(DocMeta(outlet="Guest Writer - Right", url="https://www.nationalreview.com/x",
                                  authors=("Jane Roe",)))
    assert (meta.outlet, meta.section, meta.authors) == ("National Review", "opinion", ("Jane Roe",))


def test_unknown_names_are_kept_and_normalising_twice_changes_nothing():
    meta = normalise_meta(DocMeta(outlet="Kyiv Independent"))
    assert (meta.outlet, meta.outlet_raw, meta.section) == ("Kyiv Independent", "Kyiv Independent", None)
    once = normalise_meta(DocMeta(outlet="CNN - Editorial"))
    assert normalise_meta(once) is once
    assert normalise_meta(DocMeta()) == DocMeta()
    doc = RawDoc("a.txt", "file", DocMeta(ext_id="a"), text="x")
    assert normalise_doc(doc) is doc


def test_subdomain_walks_up_to_its_parent():
    table = outlet_table()
    assert table.outlet_of_host("politicalticker.blogs.cnn.com") == "CNN"
    assert table.outlet_of_host("example.org") is None and table.outlet_of_host(None) is None


def test_allsides_record_gives_topic_and_authors():
    record = {"id": "x1", "source": "Ezra Klein", "source_url": "www.vox.com", "url": "https://www.vox.com/a",
              "title": "T", "authors": 'Sigal Samuel, "Cortney OBrien", Story Count 3', "topic": "elections",
              "bias": "left", "text": "Body."}
    doc = normalise_doc(record_to_doc(record, "a.jsonl", "line 1", 0))
    m = doc.meta
    assert (m.topic, m.outlet, m.outlet_raw) == ("elections", "Vox", "Ezra Klein")
    assert m.authors == ("Ezra Klein", "Sigal Samuel", "Cortney OBrien")
    assert m.extra["topic"] == "elections" and m.extra["source_url"] == "www.vox.com"  # meta keeps them
