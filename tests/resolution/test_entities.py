"""Speaker resolution within one article."""

from tests.conftest import by_cue

TEXT = (
    "Kremlin spokesperson Dmitry Peskov said the talks had failed. His remarks came after the "
    "Financial Times claimed that a deal was near. The British newspaper reported that both sides "
    "had met, the outlet suggested. Ukrainian leader Vladimir Zelensky said on Friday that no deal "
    "existed. Zelensky added that the war would go on. Several officials said the talks were over."
)


def entity_of(article, text):
    return [e.name for e in article.entities if any(m.text == text for m in e.mentions)]


def test_titles_surnames_pronouns_descriptions_and_aliases(extract):
    a = extract(TEXT)
    assert entity_of(a, "Dmitry Peskov") == ["Dmitry Peskov"]
    assert entity_of(a, "His") == ["Dmitry Peskov"]
    assert entity_of(a, "The British newspaper") == ["Financial Times"]
    assert entity_of(a, "the outlet") == ["Financial Times"]
    assert by_cue(a, "added").speaker.name == "Volodymyr Zelensky"  # alias table: Vladimir -> Volodymyr


def test_unnamed_group_keeps_no_name(extract):
    a = extract(TEXT)
    group = [s for s in a.statements if s.speaker and s.speaker.text == "Several officials"][0]
    assert group.speaker.name is None
    assert [e.type for e in a.entities if e.id == group.speaker.entity] == ["group"]


def test_two_people_sharing_a_surname_stay_apart(extract):
    a = extract("Hillary Clinton said she would win. Bill Clinton said he agreed. Clinton later left.")
    names = {e.name for e in a.entities if e.type == "person"}
    assert {"Hillary Clinton", "Bill Clinton"} <= names


def test_outlet_short_name_and_description(extract):
    a = extract("The Velmora Herald reported a loss. The newspaper claimed that the port was failing. "
                "Later the Herald said more.")
    assert by_cue(a, "claimed").speaker.name == "Velmora Herald"
    assert entity_of(a, "Herald") == ["Velmora Herald"]


def test_group_entity_is_named_by_its_noun_phrase_not_its_apposition(extract):
    a = extract("Democrats, including those who were targeted in the bomb scare, said the threat was real.")
    (s,) = a.statements
    assert [e.name for e in a.entities if e.id == s.speaker.entity] == ["Democrats"]


def test_relative_pronoun_speaker_is_its_antecedent(extract):
    a = extract("Analysts, who said prices would rise, were right.")
    (s,) = a.statements
    assert s.speaker.text == "who"
    assert [e.name for e in a.entities if e.id == s.speaker.entity] == ["Analysts"]


def test_surname_tagged_as_organisation_is_still_the_person(extract):
    a = extract("Donald Trump said the deal was dead. Later Trump told reporters that talks would resume.")
    assert {s.speaker.name for s in a.statements} == {"Donald Trump"}


def test_pronouns_agree_in_gender_with_what_the_text_said(extract):
    a = extract("Mrs. Ana Smith arrived at the hearing. Senator Tom Reed said the hearing would start late. "
                "She said she was ready.")
    she = [s for s in a.statements if s.speaker.text == "She"][0]
    assert she.speaker.name == "Ana Smith"


def test_role_description_needs_an_entity_with_that_role(extract):
    a = extract("The Gazette reported that taxes rose. The mayor said the report was wrong.")
    mayor = [s for s in a.statements if s.speaker and s.speaker.text == "The mayor"][0]
    assert mayor.speaker.name is None  # no earlier entity is a mayor


def test_a_title_before_a_name_is_neither_a_person_nor_an_outlet(extract):
    a = extract("Vice President Mike Pence spoke on Monday. He said the killing was an atrocity.")
    assert [e.name for e in a.entities] == ["Mike Pence"]  # not 'Vice President', not Vice
    assert by_cue(a, "said").speaker.name == "Mike Pence"
