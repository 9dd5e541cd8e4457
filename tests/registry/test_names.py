"""Name keys: one key for every way news writes the same name."""

import pytest

from onrecord.registry.names import name_key, strict_key, surname_key, titles


@pytest.mark.parametrize("written, key", [
    ("John A. Boehner", "john boehner"),
    ("Sen. John A. Boehner's", "john boehner"),
    ("Dr. Anthony Fauci", "anthony fauci"),
    ("Dr Fauci", "fauci"),
    ("Mr. Trump", "trump"),
    ("Former Secretary of State Hillary Clinton", "hillary clinton"),
    ("Senate Majority Leader Mitch McConnell", "mitch mcconnell"),
    ("then-President Obama", "obama"),
    ("Ben Ray Luján", "ben ray lujan"),
    ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
    ("Sarah Huckabee-Sanders", "sarah huckabee sanders"),
    ("Sanders'", "sanders"),
    ("O’Rourke’s", "o'rourke"),
    ("Kim Jong-un", "kim jong un"),
    ("George H. W. Bush", "george bush"),
    ("George H.W. Bush", "george bush"),
    ("J.D. Vance", "jd vance"),
    ("U.S. Army", "us army"),
    ("The New York Times", "new york times"),
    ("the Trump administration", "trump administration"),
    ("@realDonaldTrump", "@realdonaldtrump"),
    ("Donald Trump, Jr.", "donald trump jr"),
])
def test_name_key(written, key):
    assert name_key(written) == key


def test_same_person_same_key():
    assert name_key("Anthony Fauci") == name_key("Dr. Anthony Fauci") == name_key("ANTHONY FAUCI")
    assert name_key("John Boehner") == name_key("John A. Boehner") == name_key("Rep. John Boehner")


def test_a_hyphenated_given_name_is_not_an_initial():
    assert name_key("Wu I-Fang") == "wu i fang"
    assert name_key("Wu I-Fang") != name_key("David Wu")


def test_suffix_keeps_father_and_son_apart():
    assert name_key("Donald Trump Jr.") != name_key("Donald Trump")


def test_titles_never_eat_the_whole_name():
    assert name_key("the President") == "president"
    assert name_key("Secretary of State") == "secretary of state"
    assert name_key("Dr.") == "dr"
    assert name_key("") == ""


def test_organisation_names_keep_their_first_word():
    assert name_key("Justice Department") == "justice department"
    assert name_key("General Motors") == "general motors"


def test_strict_key_keeps_middle_initials():
    assert strict_key("George W. Bush") == "george w bush"
    assert strict_key("George H. W. Bush") == "george h w bush"
    assert strict_key("Dr. Anthony Fauci") == name_key("Dr. Anthony Fauci")


def test_surname_key():
    assert surname_key("Donald Trump Jr.") == "trump"
    assert surname_key("Sarah Huckabee Sanders") == "sanders"
    assert surname_key("Fauci") is None
    assert surname_key("@SenSanders") is None


def test_title_list_is_data():
    table = titles()
    flat = {t for rows in table.values() for t in rows}
    assert {("dr",), ("mr",), ("mrs",), ("ms",), ("sen",), ("rep",), ("gov",), ("president",),
            ("secretary",), ("vice", "president")} <= flat
    assert all(w == w.lower() and "." not in w for t in flat for w in t)
    for given_name_or_org_word in ("king", "major", "dean", "justice", "general"):
        assert (given_name_or_org_word,) not in flat
