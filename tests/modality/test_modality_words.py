import pytest

from onrecord.modality.lexicon import CATEGORIES, load_modality_words, parse_rows


def test_the_shipped_words_load_with_every_category():
    words = load_modality_words()
    assert words.modal["would"] == "hypothetical/past-if-negated"
    assert words.modal["will"] == "future"
    assert words.mark["if"] == "conditional" and words.mark["unless"] == "conditional"
    assert words.governor["expect"] == "future"
    assert words.question["wonder"] == "always" and words.question["ask"] == "wh"
    assert words.volition["want"] == "intent"
    assert words.source["poll"] == "finding" and words.source["letter"] == "document"
    assert words.partitive["number"] == "of" and "should" not in words.modal
    for category in CATEGORIES:
        assert getattr(words, category), f"no {category} words"


def test_a_bad_row_is_named():
    with pytest.raises(ValueError, match="line 2"):
        parse_rows("word\tcategory\tvalue\npoll\tsource\topinion\n")
    with pytest.raises(ValueError, match="twice"):
        parse_rows("poll\tsource\tfinding\npoll\tsource\tdocument\n")
