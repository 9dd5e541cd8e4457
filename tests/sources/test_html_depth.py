"""Pages nested past the HTML parser's depth limit keep their text."""

import pytest

from onrecord.sources import BadHtml, clean_html
from onrecord.sources.html_depth import depth_of, flatten

BODY = "<p>" + "The minister said the plan would fail. " * 20 + "</p>"


def _page(depth: int, tag: str = "div") -> bytes:
    return (f"<html><head><title>Deep</title></head><body>{f'<{tag}>' * depth}{BODY}"
            f"{f'</{tag}>' * depth}</body></html>").encode()


def test_depth_counts_open_elements_not_void_or_self_closing_ones():
    assert depth_of(b"<div><br><img src=x/><span></span></div>") == 2
    assert depth_of(_page(500)) == 503  # html, body, 500 divs, p


def test_flatten_drops_wrappers_past_the_limit_and_keeps_text():
    flat = flatten(_page(500), max_depth=50)
    assert depth_of(flat) <= 51 and b"The minister said" in flat
    assert flatten(b"<div><p>a</p></div>", max_depth=50) == b"<div><p>a</p></div>"


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_page_keeps_its_article(depth):
    page = clean_html(_page(depth))
    assert "The minister said the plan would fail." in page.text


def test_a_deep_page_without_text_is_still_bad():
    with pytest.raises(BadHtml):
        clean_html(("<html><body>" + "<div>" * 400 + "</div>" * 400 + "</body></html>").encode())
