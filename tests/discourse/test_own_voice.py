def test_unattributed_factual_sentences_are_own_voice(extract):
    a = extract("The mayor said the port would grow. The port handled 41 million tonnes of cargo in 2023. "
                "What happens next?")
    assert [o.text for o in a.own_voice] == ["The port handled 41 million tonnes of cargo in 2023."]


def test_attributed_and_quoted_sentences_are_not_own_voice(extract):
    a = extract("“The port will grow in 2025,” the mayor said. “Nobody doubts it in Velmora.”")
    assert a.own_voice == ()
