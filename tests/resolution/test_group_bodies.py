"""Bodies behind common nouns (``resolution.speakers``): "police" for the department the article
named, "the Canadian government" as an organisation."""


def test_a_bare_group_noun_is_the_one_body_the_article_named_with_it(extract):
    a = extract("The Dayton Metropolitan Police Department said the couple was armed. "
                "Police said no one was hurt.")
    s = a.statements[-1]
    assert (s.speaker.name, s.speaker.resolution) == ("Dayton Metropolitan Police Department", "description")


def test_a_bare_group_noun_stays_a_group_when_two_bodies_share_the_word(extract):
    a = extract("The Dayton Police Department and the Akron Police Department met on Monday. "
                "Police said no one was hurt.")
    assert a.statements[-1].speaker.name is None


def test_a_national_institution_is_an_organisation_named_by_its_demonym(extract):
    a = extract("The Canadian government said the talks would resume.")
    assert (a.statements[0].speaker.name, a.statements[0].speaker.resolution) == (
        "Canadian government", "description")


def test_a_national_official_stays_an_unnamed_person(extract):
    a = extract("A Canadian official said the talks would resume.")
    assert a.statements[0].speaker.name is None
