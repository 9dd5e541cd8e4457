"""End-to-end search in Chromium over ~20 real AllSides articles: a speaker filter and a topic
word give facet counts and highlighted matches; a facet value narrows the results to its count."""

from __future__ import annotations

import re

import httpx
import pytest

from .test_browser import no_errors, shot

pytestmark = pytest.mark.browser


def speaker_and_word(base: str) -> tuple[str, str]:
    """The most quoted speaker and a long word from one of their statements."""
    top = httpx.get(f"{base}/api/speakers", params={"limit": 1}).json()["items"][0]
    said = httpx.get(f"{base}/api/speakers/{top['speaker_id']}/statements", params={"limit": 20}).json()
    words = [w for r in said["items"] for w in re.findall(r"[A-Za-z]{6,}", r["content"])]
    assert words, said
    return top["speaker"], max(words, key=len)


def test_search_with_a_speaker_shows_facets_and_marks(page, live_server):
    speaker, word = speaker_and_word(live_server)
    page.goto(live_server + "/search")
    page.fill("form.filters input[name=q]", word)
    page.fill("form.filters input[name=speaker]", speaker)
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#results tbody tr")
    total = int(re.sub(r"\D", "", page.inner_text("#result-count")))
    assert total >= 1

    marks = page.locator("#results mark")
    assert marks.count() >= 1
    assert all(m.lower()[:4] == word.lower()[:4] for m in marks.all_inner_texts()), marks.all_inner_texts()
    colour = page.evaluate("getComputedStyle(document.querySelector('#results mark')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")

    facet = page.locator('#facets .facet[data-facet="speaker"]')
    assert speaker in facet.inner_text() and facet.locator("li.active").count() == 1
    counts = [int(c.replace(",", "")) for c in facet.locator(".count").all_inner_texts()]
    assert counts[0] == total  # the one speaker in use: all the results
    months = page.locator('#facets .facet[data-facet="month"] li')
    assert months.count() >= 1
    shot(page, "search-facets")

    month = page.locator('#facets .facet[data-facet="month"] li a').first
    expected = int(month.locator("xpath=..").locator(".count").inner_text().replace(",", ""))
    month.click()
    page.wait_for_selector("#results tbody tr")
    assert int(re.sub(r"\D", "", page.inner_text("#result-count"))) == expected
    assert page.locator('#facets .facet[data-facet="month"] a.clear').count() == 1
    no_errors(page)
