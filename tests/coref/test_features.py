"""Pair features from a real parse: distances, agreement, quotes and speakers."""

from onrecord.attribution import find_frames, find_quotes
from onrecord.attribution.nesting import dedupe
from onrecord.coref.features import FEATURES, Candidate, pair_features, sentence_numbers
from onrecord.doctext import doc_text
from onrecord.lexicons import load_lexicon
from onrecord.resolution.document import discourse_context


def features(extractor, text, pronoun, candidate, gender):
    doc = extractor.nlp(text)
    quotes = find_quotes(doc_text(doc))
    ctx = discourse_context(doc, quotes, dedupe(find_frames(doc, quotes, load_lexicon())))
    pron = [t for t in doc if t.text == pronoun][-1]
    ctok = [t for t in doc if t.text == candidate][0]
    cand = Candidate(ctok.idx, ctok.idx + len(ctok), ctok.i, "name", ctok.i, 1, gender, 0, True, True)
    row = pair_features(doc, sentence_numbers(doc), pron, cand, ctx, lambda i: i == ctok.i)
    assert len(row) == len(FEATURES)
    return dict(zip(FEATURES, row))


def test_agreement_distance_and_roles(extractor):
    f = features(extractor, "Romney criticised the plan. Later she spoke.", "she", "Romney", "m")
    assert f["gender_clash"] == 1.0 and f["gender_match"] == 0.0
    assert f["sent_dist"] == 1.0 and f["same_sentence"] == 0.0
    assert f["cand_subject"] == 1.0 and f["pron_subject"] == 1.0


def test_quote_and_speaker_context(extractor):
    text = "Romney said the deal was dead.\n\n“We will not back down,” he said."
    f = features(extractor, text, "he", "Romney", None)
    assert f["gender_unknown"] == 1.0
    assert f["pron_is_source"] == 1.0 and f["cand_is_source"] == 1.0
    assert f["last_speaker"] == 1.0 and f["para_opens_with_quote"] == 1.0
    assert f["pron_in_quote"] == 0.0 and f["para_dist"] == 1.0
