from onrecord.crosslinks.words import bag, overlap, stem


def test_stems_meet_across_endings():
    assert stem("shipping") == stem("ship")
    assert stem("agreed") == stem("agree") == stem("agrees")
    assert stem("parties") == "party" and stem("troops") == stem("troop")
    assert stem("Trump's") == "trump"


def test_a_bag_keeps_content_words_names_and_negation():
    b = bag("The council did not approve the Kessa budget in 2031")
    assert {"council", "approv", "kessa", "budget", "2031"} <= b.words
    assert "the" not in b.words and "not" not in b.words
    assert b.names == {"kessa", "2031"} and b.negated
    assert not bag("The council approved it").negated
    assert bag("They won't approve it").negated


def test_overlap_is_the_share_of_the_shorter_content():
    score, shared = overlap(bag("Kessa port will be sold"), bag("the port of Kessa will be sold to Orlan"))
    assert score == 1.0 and shared == {"kessa", "port", "sold"}
    assert overlap(bag("cherries"), bag("harbour"))[0] == 0.0
