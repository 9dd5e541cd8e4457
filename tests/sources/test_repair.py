"""Mojibake repair of texts and titles."""

from onrecord.sources import DocMeta
from onrecord.sources.repair import repair, repair_meta


def test_double_and_single_decoding_are_undone():
    assert repair("Trumpâ€™s â€œwallâ€\x9d") == "Trump’s “wall”"
    assert repair("Ã¢â‚¬Å“Quote") == "“Quote"
    assert repair("CafÃ© owner") == "Café owner"


def test_clean_text_is_left_as_written():
    for text in ("“Fine,” he said — ok", "naïve façade", "Ünal Çelik", "", None, "ÅŸ is rare"[:1]):
        assert repair(text) == text


def test_meta_title_and_outlet_repaired_others_kept():
    meta = DocMeta(title="Obamaâ€™s plan", outlet="Le Monde", url="https://x.example/Ã")
    fixed = repair_meta(meta)
    assert fixed.title == "Obama’s plan" and fixed.outlet == "Le Monde" and fixed.url == meta.url
    assert repair_meta(DocMeta(title="Plain")) == DocMeta(title="Plain")


def test_a_document_is_repaired_as_read_html_left_to_the_worker():
    from onrecord.sources import RawDoc
    from onrecord.sources.repair import repair_doc

    doc = RawDoc("a.jsonl", "line 1", DocMeta(title="Itâ€™s"), text="Weâ€™re here")
    fixed = repair_doc(doc)
    assert (fixed.text, fixed.meta.title) == ("We’re here", "It’s")
    page = RawDoc("a.html", "file", DocMeta(), html="<p>Itâ€™s</p>".encode())
    assert repair_doc(page) is page
