from onrecord.attribution.quotes import find_quotes


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_straight_and_single_marks():
    text = 'He said “yes” and "no" and ‘maybe so’ today.'
    assert spans(text) == ["“yes”", '"no"', "‘maybe so’"]


def test_apostrophes_are_not_quotes():
    text = "Zelensky’s plan and the FT’s claim, with ‘victory plan’ in it."
    assert spans(text) == ["‘victory plan’"]


def test_quote_running_over_paragraphs_when_reopened():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    assert spans(text) == [text[: text.index("”") + 1]]


def test_unbalanced_mark_does_not_spoil_the_rest():
    text = "He said “this never closes.\n\nLater she said “fine” and left."
    assert spans(text) == ["“fine”"]


def test_typewriter_double_quotes():
    text = "''It is fiscally responsible,'' Mr. Burman said."
    assert spans(text) == ["''It is fiscally responsible,''"]


def test_closing_mark_used_as_opener_at_paragraph_start():
    text = "intro.\n”Fear is here,” she wrote."
    assert spans(text) == ["”Fear is here,”"]


def test_curly_opening_with_straight_closing_mark():
    text = 'There was “no evidence" yet. "We see no link," the mayor said.'
    assert spans(text) == ['“no evidence"', '"We see no link,"']
