"""End to end through the Extractor, including hostile input."""

import pytest

from onrecord.pipeline import CHUNK_CHARS, ArticleMeta, split_text


def test_seed_article_meets_the_engine_issue(extractor):
    from onrecord.evaluation.seed import evaluate_seed
    from tests.conftest import seed_path

    scores = evaluate_seed(seed_path("gold.json"), seed_path("article.txt"), extractor=extractor)
    assert scores.passed, scores.report()


def test_offsets_index_the_text(extract):
    a = extract("“We are ready,” said Anna Korvik, the port’s chief. She added that talks would resume.")
    for s in a.statements:
        for part in (s.speaker, s.cue, s.content, s.content2):
            if part is not None:
                assert a.text[part.start:part.end] == part.text


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01 binary-ish \x02 text", "”“”“ ‘’ \"\"\" ''"])
def test_degenerate_text_gives_a_result(extract, text):
    a = extract(text)
    assert len(a.text) == len(text)


def test_long_text_is_parsed_in_pieces_with_offsets_kept(extractor):
    paragraph = "The minister said that the bridge would reopen. “It is safe,” she added.\n\n"
    text = paragraph * 5_000  # about 370 kB: four pieces of CHUNK_CHARS
    assert len(split_text(text, CHUNK_CHARS)) >= 4
    a = extractor.extract(text, ArticleMeta())
    assert a.text == text
    assert len(a.statements) == 10_000
    last = a.statements[-1]
    assert text[last.content.start:last.content.end] == last.content.text == "“It is safe,”"


def test_fifty_thousand_character_sentence(extract):
    text = "The minister said that " + "very " * 10_000 + "good things happened."
    a = extract(text)
    assert len(a.statements) == 1 and a.statements[0].content.end == len(text) - 1


def test_unbalanced_quotes_do_not_spoil_later_statements(extract):
    a = extract("He said “this never closes.\n\nLater the mayor said “the port is open” to reporters.")
    mayor = [s for s in a.statements if s.speaker and s.speaker.text == "the mayor"]
    assert len(mayor) == 1 and mayor[0].content.text.startswith("“the port is open”")


def test_split_text_joins_back():
    text = "a b. c\nd " * 1000
    pieces = split_text(text, 100)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 100


def test_text_must_be_str(extractor):
    with pytest.raises(TypeError, match="decode bytes first"):
        extractor.extract(b"bytes", ArticleMeta())
