from onrecord.pipeline import load_model


def test_a_line_break_always_starts_a_sentence():
    doc = load_model()("Senate passes the budget bill\nThe Senate passed the bill on Friday after a long debate.")
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[:2] == ["Senate", "The"]
    assert "onrecord_paragraphs" in load_model().pipe_names
