"""Page geometry in Chromium: the speaker page and a statement's permalink page at 1400 px (no
section, table, figure or heading drawn over another) and at 400 px (no horizontal scroll;
tables stacked as cards).  Screenshots land in test-artifacts/explorer/ (layout-*.png)."""

from __future__ import annotations

import httpx
import pytest

from .explorer_support import ARTIFACTS

pytestmark = pytest.mark.browser

BOXES = ("main h1, main h2, main section, main table, main figure, main dl, main blockquote, "
         "main .context, main ul.reply-list, main .pager")
OVERLAPS = """(selector) => {
  const visible = (el) => {  // the box as drawn: clipped by every scrolling or clipping ancestor
    const r = el.getBoundingClientRect();
    const box = {l: r.left, t: r.top, r: r.right, b: r.bottom};
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p), q = p.getBoundingClientRect();
      if (s.overflowX !== 'visible') { box.l = Math.max(box.l, q.left); box.r = Math.min(box.r, q.right); }
      if (s.overflowY !== 'visible') { box.t = Math.max(box.t, q.top); box.b = Math.min(box.b, q.bottom); }
    }
    return box;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + el.textContent.trim().slice(0, 30) + '"';
  const els = [...document.querySelectorAll(selector)].map(el => [el, visible(el)])
    .filter(([, b]) => b.r - b.l > 0 && b.b - b.t > 0);
  const out = [];
  for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
    const [a, x] = els[i], [b, y] = els[j];
    if (a.contains(b) || b.contains(a)) continue;
    const w = Math.min(x.r, y.r) - Math.max(x.l, y.l), h = Math.min(x.b, y.b) - Math.max(x.t, y.t);
    if (w > 1 && h > 1) out.push([name(a), name(b), Math.round(w), Math.round(h)]);
  }
  return {checked: els.length, overlaps: out};
}"""
HIDDEN_SCROLL = """() => [...document.querySelectorAll('main .table-wrap')]
  .filter(w => !w.querySelector('table#said') && w.scrollWidth > w.clientWidth + 1)
  .map(w => (w.querySelector('table') || w).id)"""
"""Tables that scroll inside their box at 1400 px: none but the speaker's statements (one column per
field; it may scroll inside its own box, drawn over nothing)."""


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"layout-{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def pages(live_server) -> dict[str, str]:
    """The most quoted speaker's page and the permalink of one of their statements (one with a
    reply in its article when there is one)."""
    top = httpx.get(f"{live_server}/api/speakers", params={"limit": 1}).json()["items"][0]
    said = httpx.get(f"{live_server}/api/speakers/{top['speaker_id']}/statements",
                     params={"limit": 200}).json()["items"]
    chosen = said[0]
    for item in said:
        body = httpx.get(f"{live_server}{item['permalink']}".replace("/statements/", "/api/statements/")).json()
        if body["replies_to"] or body["replied_by"]:
            chosen = item
            break
    return {"speaker": f"/speakers/{top['speaker_id']}", "statement": chosen["permalink"]}


@pytest.mark.parametrize("which", ["speaker", "statement"])
def test_nothing_overlaps_at_1400px(page, live_server, pages, which):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_server + pages[which])
    found = page.evaluate(OVERLAPS, BOXES)
    assert found["checked"] >= 8, found
    assert found["overlaps"] == [], found["overlaps"]
    assert page.evaluate(HIDDEN_SCROLL) == []  # every table fits its column: nothing scrolled out of sight
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, f"{which}-1400")
    assert page.errors == [], page.errors


@pytest.mark.parametrize("which", ["speaker", "statement"])
def test_no_horizontal_scroll_at_400px(page, live_server, pages, which):
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(live_server + pages[which])
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    rows = page.locator("main table.data tbody tr")
    assert rows.count() >= 1
    assert rows.first.evaluate("tr => getComputedStyle(tr).display") == "block"  # a stacked card
    labels = page.locator("main table.data td[data-label]")
    if labels.count():  # a card names each field (the statement page's link tables may be empty)
        assert labels.first.evaluate("td => getComputedStyle(td, '::before').content") not in ("none", "normal", "")
    assert page.evaluate(OVERLAPS, BOXES)["overlaps"] == []
    shot(page, f"{which}-400")
    assert page.errors == [], page.errors


def test_statement_page_shows_the_sentence_and_links_back(page, live_server, pages):
    page.goto(live_server + pages["statement"])
    assert page.locator("#context mark.sentence .hl-cue").count() >= 1
    sid = pages["statement"].rsplit("/", 1)[1]
    page.locator(f'#statement-source a[href$="#statement-{sid}"]').click()
    page.wait_for_selector("#article-text")
    assert page.locator("#statement-detail").get_attribute("data-showing")
    page.locator(f'#statement-list a.permalink[href="/statements/{sid}"]').click()
    page.wait_for_selector("#statement-facts")
    assert page.url.endswith(pages["statement"])
    assert page.errors == [], page.errors
