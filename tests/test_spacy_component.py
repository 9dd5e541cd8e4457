import spacy

from onrecord.pipeline import DEFAULT_MODEL


def test_component_on_a_users_pipeline():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("onrecord", config={"published": "2024-10-15"})
    doc = nlp("Speaking on Monday, Peskov said that the talks had failed.")
    article = doc._.onrecord
    assert [s.cue.text for s in article.statements] == ["said"]
    assert article.statements[0].time.value == "2024-10-14"
    assert [s.text for s in doc.spans["onrecord_speakers"]] == ["Peskov"]
    assert [s.text for s in doc.spans["onrecord_cues"]] == ["said"]
    assert [s.text for s in doc.spans["onrecord_contents"]] == ["the talks had failed"]
    assert doc.spans["onrecord_cues"][0].label_ == "neutral"
