"""Property: the engine, events included, takes any text: it returns an article whose every span
indexes the text, within a bounded time (quote soup, brackets, huge tokens, verbless fragments)."""

from __future__ import annotations

import pytest
from fuzz_settings import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from tests.deadline import deadline

pytestmark = pytest.mark.slow
SECONDS_PER_TEXT = 20

words = st.sampled_from(["said", "denied", "the", "minister", "Putin", "Kyiv", "attacked", "he", "she",
                         "protesters", "on", "Monday", "rejected", "talks", "“", "”", "\"", "'", "«", "»",
                         "(", ")", "[", "]", ",", ".", "—", "\n\n", "according", "to", "Reuters", "😀"])
soup = st.lists(words, max_size=60).map(" ".join)
huge = st.builds(lambda c, n: c * n, st.sampled_from(["a", "“", "(", "😀", "-", " "]), st.integers(1, 3000))
texts = st.one_of(st.text(max_size=200), soup, huge, st.lists(soup | st.text(max_size=40), max_size=4).map("".join))


@pytest.fixture(scope="module")
def events_extractor(extractor):
    from onrecord.pipeline import Extractor
    return Extractor(nlp=extractor.nlp, events=True)


def _spans(article):
    for s in article.statements:
        yield from (p for p in (s.speaker, s.cue, s.content, s.content2) if p is not None)
    for e in article.entities:
        yield from e.mentions
    for ev in article.events:
        yield ev.trigger
        yield ev.sentence
        for actor in (*ev.actors, *ev.recipients):
            yield actor


@FUZZ
@given(text=texts)
def test_any_text_gives_an_article_whose_spans_index_it(events_extractor, text):
    with deadline(SECONDS_PER_TEXT, "extraction"):
        article = events_extractor.extract(text)
    assert len(article.text) == len(text)  # control characters are blanked, never removed
    for span in _spans(article):
        assert 0 <= span.start <= span.end <= len(text)
        assert article.text[span.start:span.end] == span.text, (span, text)
