"""Gold attributions -> word tags: roles, B/I and the content continuation tag."""

from onrecord.evaluation.brat import GoldAttribution
from onrecord.tagger.labels import LABELS, role_fragments, word_tags

TEXT = '"We will win," she said, "and soon."'


def _words(text: str) -> list[tuple[int, int]]:
    import re
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_a_split_content_is_one_content_then_a_continuation():
    gold = GoldAttribution(source=((15, 18),), cue=((19, 23),), content=((0, 14), (25, 36)))
    tags = word_tags(_words(TEXT), role_fragments([gold]))
    words = [TEXT[s:e] for s, e in _words(TEXT)]
    assert list(zip(words, tags)) == [
        ('"', "B-CON"), ("We", "I-CON"), ("will", "I-CON"), ("win", "I-CON"), (",", "I-CON"),
        ('"', "I-CON"), ("she", "B-SRC"), ("said", "B-CUE"), (",", "O"), ('"', "B-CNX"),
        ("and", "I-CNX"), ("soon", "I-CNX"), (".", "I-CNX"), ('"', "I-CNX")]


def test_adjacent_fragments_of_different_attributions_each_begin():
    text = "Critics said no and allies said yes"
    words = _words(text)
    a = GoldAttribution(source=((0, 7),), cue=((8, 12),), content=((13, 15),))
    b = GoldAttribution(source=((20, 26),), cue=((27, 31),), content=((32, 35),))
    assert word_tags(words, role_fragments([a, b])) == [
        "B-SRC", "B-CUE", "B-CON", "O", "B-SRC", "B-CUE", "B-CON"]


def test_the_label_set_is_bio_over_four_roles():
    assert LABELS[0] == "O" and len(LABELS) == 9
    assert {label[2:] for label in LABELS[1:]} == {"SRC", "CUE", "CON", "CNX"}
