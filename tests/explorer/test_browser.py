"""End-to-end: Debian's Chromium (through playwright) against a live explorer over ~20 real
AllSides articles.  Screenshots land in test-artifacts/explorer/."""

from __future__ import annotations

import re

import httpx
import pytest

from .explorer_support import ARTIFACTS

pytestmark = pytest.mark.browser


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def no_errors(page) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors  # CSP violations would show up here too


def a_search_word(base: str) -> str:
    """A word that the most quoted speaker's first statement contains."""
    top = httpx.get(f"{base}/api/speakers", params={"limit": 1}).json()["items"][0]
    said = httpx.get(f"{base}/api/speakers/{top['speaker_id']}/statements", params={"limit": 5}).json()
    words = [w for r in said["items"] for w in re.findall(r"[A-Za-z]{6,}", r["content"])]
    assert words, said
    return max(words, key=len)


def test_search_open_article_follow_speaker(page, live_server):
    word = a_search_word(live_server)
    page.goto(live_server + "/")
    page.fill(".big-search input[name=q]", word)
    page.press(".big-search input[name=q]", "Enter")
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results a.said").count() >= 1
    assert "statements" in page.inner_text("#result-count")
    shot(page, "1-search")

    page.locator("#results a.said").first.click()
    page.wait_for_selector("#article-text")
    for role in ("speaker", "cue", "content"):
        assert page.locator(f"#article-text .hl-{role}").count() >= 1, role
    colours = page.evaluate("""() => ['speaker', 'cue', 'content'].map(r =>
        getComputedStyle(document.querySelector('#article-text .hl-' + r)).backgroundColor)""")
    assert len(set(colours)) == 3, colours

    detail = page.locator("#statement-detail")
    assert detail.get_attribute("data-showing")  # the statement the search result pointed at
    cues = page.locator("#article-text .hl-cue[data-sid]")
    span = cues.last
    sid = span.get_attribute("data-sid")
    span.click()  # click pins a statement
    assert detail.get_attribute("data-showing") == sid
    assert "cue" in detail.inner_text()
    assert page.locator(f'#article-text [data-sid="{sid}"].active').count() >= 1
    page.mouse.click(5, 5)  # outside the text: unpinned, hovering shows statements again
    first = cues.first
    first.hover()
    assert detail.get_attribute("data-showing") == first.get_attribute("data-sid")
    first.click()
    shot(page, "2-article")
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "readme-article")  # docs/img/explorer-article.png is a copy of this

    resolved = page.locator("#statement-list li.card:has(.resolution-line)")
    assert resolved.count() >= 1  # the real engine says how it resolved its speakers
    resolved.first.click()  # the panel shows the card: "resolved by name (0.97)", "resolved through ‘…’ (…)"
    assert re.search(r"resolved (by [a-z-]+|through ‘.+’ \([a-z-]+)", detail.inner_text())

    link = page.locator("#statement-list a.speaker-link").first
    name = link.inner_text()
    link.click()
    page.wait_for_selector("svg#timeline")
    assert page.locator("h1").inner_text().startswith(name)
    bars = page.locator("svg#timeline rect")
    assert bars.count() >= 1
    box = bars.first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert page.locator("#said tbody tr").count() >= 1
    shot(page, "3-speaker-timeline")
    no_errors(page)


def test_hostile_article_renders_as_text(page, live_server):
    arts = httpx.get(f"{live_server}/api/articles", params={"limit": 100}).json()["items"]
    hostile = next(a for a in arts if "alert('title')" in (a["title"] or ""))
    page.goto(f"{live_server}/articles/{hostile['article_id']}")
    text = page.inner_text("#article-text")
    assert "<script>alert('xss')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<b onmouseover=alert(2)>dangerous</b>" in text
    assert "<script>alert('title')</script>" in page.inner_text("h1")
    injected = page.locator("#article-text img, #article-text script, #article-text svg, #article-text b, "
                            "h1 script, h1 i, .meta b")
    assert injected.count() == 0
    for el in page.locator("#article-text [data-sid]").all():  # would fire onmouseover handlers
        el.hover()
    page.locator("#article-text").click()
    scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["/static/explorer.js"]
    assert page.locator('a[href^="javascript:"]').count() == 0
    shot(page, "4-hostile-article")
    for path in ("/search?q=budget", "/articles", "/"):
        page.goto(live_server + path)
        assert page.locator("main img, main script").count() == 0
    no_errors(page)


def test_network_view(page, live_server):
    page.goto(f"{live_server}/network")
    nodes = page.locator("svg#network [data-node]")
    assert nodes.count() >= 2
    assert page.locator("svg#network path.edge").count() >= 1
    nodes.first.hover()
    assert "focus" in page.locator("svg#network").get_attribute("class")
    shot(page, "5-network")
    no_errors(page)


def test_api_docs_work_offline(page, live_server):
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() >= 10
    shot(page, "6-api-docs")
    no_errors(page)
