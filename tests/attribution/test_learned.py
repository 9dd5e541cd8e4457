"""Accurate mode: learned frames under the rule engine's resolution, nesting kept."""

import json
from importlib import resources

import jsonschema
import pytest

from onrecord.records import Article




@pytest.fixture(scope="module")
def accurate():
    from onrecord.pipeline import Extractor

    return Extractor(mode="accurate")


TEXT = ('Senator Ana Lee said on Tuesday that the bill would pass. "We have the votes," she told '
        'reporters, "and we will use them." The governor, however, insisted that aides had told him '
        'the plan would fail.')


@pytest.mark.slow
def test_every_statement_is_whole_and_the_article_says_its_mode(accurate):
    article = accurate.extract(TEXT)
    assert article.mode == "accurate"
    assert len(article.statements) >= 2
    for st in article.statements:
        assert TEXT[st.cue.start:st.cue.end] == st.cue.text
        assert TEXT[st.content.start:st.content.end] == st.content.text
        assert st.cue.cls


@pytest.mark.slow
def test_pronoun_speakers_are_resolved_as_in_fast_mode(accurate):
    article = accurate.extract(TEXT)
    she = [st for st in article.statements if st.speaker and st.speaker.text.lower() == "she"]
    assert she and she[0].speaker.name == "Ana Lee"


@pytest.mark.slow
def test_the_json_carries_the_mode_and_meets_the_schema(accurate):
    schema = json.loads(resources.files("onrecord").joinpath("schema/article.schema.json").read_text())
    doc = accurate.extract(TEXT).to_dict()
    assert doc["mode"] == "accurate"
    jsonschema.validate(doc, schema)
    assert Article.from_dict(doc).mode == "accurate"


@pytest.mark.slow
def test_a_statement_nested_in_a_learned_content_keeps_its_parent(accurate):
    article = accurate.extract(TEXT)
    nested = [st for st in article.statements if st.parent is not None]
    for st in nested:
        parent = article.statement(st.parent)
        holders = [parent.content] + ([parent.content2] if parent.content2 else [])
        assert any(h.start <= st.cue.start and st.cue.end <= h.end for h in holders)


def _frame(cue, content, source=None):
    from onrecord.attribution.cues import CueMatch
    from onrecord.attribution.frame import Frame

    return Frame(CueMatch(None, None, cue[0], cue[1], None), source, None, content)


def test_where_the_parse_has_the_same_cue_its_spans_win():
    from onrecord.attribution.learned import prefer_rule_spans

    learned = _frame((10, 14), (15, 40), (0, 9))
    rule = _frame((10, 19), (20, 41), (0, 8))
    assert prefer_rule_spans(learned, [rule]) is rule
    sourceless = _frame((10, 19), (20, 41))
    assert prefer_rule_spans(learned, [sourceless]).source == (0, 9)
    assert prefer_rule_spans(learned, [_frame((50, 54), (55, 60))]) is learned


def test_rule_frames_nested_in_learned_contents_and_untouched_ones_are_kept():
    from onrecord.attribution.learned import nested_rule_frames, untouched_rule_frames

    learned = [_frame((10, 14), (15, 80))]
    inside, clash, outside = _frame((30, 34), (35, 50)), _frame((12, 16), (17, 30)), _frame((90, 94), (95, 99))
    assert nested_rule_frames(learned, [inside, clash, outside]) == [inside]
    assert untouched_rule_frames([(10, 14), (15, 80)], [inside, clash, outside]) == [outside]


@pytest.mark.slow
def test_a_participle_of_commenting_is_a_reply_marker_not_a_statement(accurate):
    from onrecord.attribution.learned import is_reply_marker
    from onrecord.lexicons import load_lexicon

    doc = accurate.nlp("Responding to the senator's remarks, the governor said the plan would fail.")
    responding, said = doc[0], next(t for t in doc if t.text == "said")
    assert is_reply_marker(_frame_at(responding), load_lexicon())
    assert not is_reply_marker(_frame_at(said), load_lexicon())


def _frame_at(tok):
    from onrecord.attribution.cues import CueMatch
    from onrecord.attribution.frame import Frame

    return Frame(CueMatch(tok, None, tok.idx, tok.idx + len(tok), None), None, None, (0, 1))
