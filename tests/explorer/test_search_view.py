"""Marking matched words in escaped HTML (onrecord.explorer.search_view)."""

from markupsafe import Markup

from onrecord.explorer.search_view import facet_links, marked


def test_marked_escapes_every_piece_and_adds_only_mark():
    out = marked("<b>tariffs</b> & co", [(3, 10)])
    assert isinstance(out, Markup)
    assert str(out) == "&lt;b&gt;<mark>tariffs</mark>&lt;/b&gt; &amp; co"


def test_marked_skips_spans_that_overlap_or_fall_outside():
    assert str(marked("abcdef", [(0, 2), (1, 3), (4, 99), (5, 5)])) == "<mark>ab</mark>cdef"
    assert marked("plain", []) == "plain" and marked(None, [(0, 1)]) is None


def test_facet_links_know_the_filter_in_use():
    facets = {"bias": {"values": [{"label": "left", "count": 3, "filter": {"bias": "left"}},
                                  {"label": "unlabelled", "count": 1, "filter": None}], "others": 0}}
    url = lambda **p: "?" + "&".join(f"{k}={v}" for k, v in sorted(p.items()) if v is not None)  # noqa: E731
    [bias] = facet_links(facets, {"bias": "left"}, url)
    assert bias["title"] == "Bias" and bias["clear_url"] == "?"
    assert [(v["active"], v["url"]) for v in bias["values"]] == [(True, "?bias=left"), (False, None)]
