"""Who a subjectless cue belongs to (``onrecord.attribution.sources``), on fictional sentences."""

from tests.conftest import by_cue


def test_coordinated_cue_after_a_content_belongs_to_the_outer_speaker(extract):
    a = extract("Ms. Okafor said the council's refusal is unprecedented and warned that "
                "the delay could cost the city millions.")
    assert by_cue(a, "warned").speaker.text == "Ms. Okafor"


def test_coordinated_cue_after_a_relative_clause_keeps_the_sentence_subject(extract):
    a = extract('Ms. Varga has called the raid a botched operation that was carried out very poorly and '
                'has said "the cover-up was worse than the raid."')
    assert by_cue(a, "has said").speaker.text == "Ms. Varga"


def test_coordinated_verb_inside_the_content_keeps_its_own_subject(extract):
    a = extract("The senator said the audit is accurate and shows the agency failed.")
    assert by_cue(a, "shows").speaker.text == "the audit"


def test_participle_shares_the_main_clause_subject(extract):
    a = extract("She said the mayor plans to close the shelter, calling such talk "
                "\"the cruellest idea in years.\"")
    assert by_cue(a, "calling").speaker.text == "She"


def test_subject_of_a_passive_perception_verb_is_the_speaker(extract):
    a = extract('In the recording, Tomas Brandt is heard shouting: "Leave the building now."')
    assert by_cue(a, "shouting").speaker.text == "Tomas Brandt"


def test_participle_in_a_coordinated_clause_takes_that_clause_subject(extract):
    a = extract("Ms. Duarte claimed that inmates were denied water, but prison officials denied the "
                "claim, saying that fountains were installed in every cell.")
    assert by_cue(a, "saying").speaker.text == "prison officials"


def test_cue_left_as_an_unlabelled_dependent_shares_its_heads_subject(extract):
    a = extract("Sen. Kay Hagan (D) faced questions on Tuesday.\n\nSenator Hagan, locked in a tight race "
                "with state House Speaker Thom Tillis (R), also called on Obama to approve the Keystone "
                "XL pipeline, expressed disapproval of trade deals.")
    assert by_cue(a, "also called on").speaker.name == "Kay Hagan"
    assert by_cue(a, "expressed").speaker.name == "Kay Hagan"  # its object is no inverted speaker


def test_coordinated_verb_after_and_is_no_inverted_cue(extract):
    a = extract("The mayor cut the budget, angered the unions, and praised Governor Ana Ruiz.")
    assert by_cue(a, "praised").speaker.text == "The mayor"
