"""The tokenizer guard: long runs without spaces are cut into pieces, the text kept exactly."""

import pytest

from onrecord.long_runs import LONG_RUN, PIECE, LongRunGuard
from tests.deadline import deadline

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", ["plain words only.", "a " + "[" * 450 + " b said.", "x" * LONG_RUN,
                                  "He said “" + "😀" * 1000 + "” today.  Then  more.", " lead", "a\n\n" + "-" * 300])
def test_the_doc_text_is_the_input_exactly(extractor, text):
    doc = LongRunGuard(extractor.nlp.tokenizer)(text)
    assert doc.text == text


def test_a_long_run_becomes_fixed_pieces_and_short_words_are_untouched(extractor):
    nlp = extractor.nlp
    doc = nlp.tokenizer("It said " + "[" * 1000 + " loudly.")
    assert [t.text for t in doc][:2] == ["It", "said"] and doc[2].text == "[" * PIECE
    assert len(doc) == 2 + 1000 // PIECE + 2
    assert [t.text for t in nlp.tokenizer("He said no.")] == ["He", "said", "no", "."]


def test_a_pathological_run_extracts_in_seconds(extract):
    with deadline(20, "a run of 100,000 brackets"):
        article = extract("[" * 100_000)
    assert len(article.text) == 100_000
