from onrecord.crosslinks.clauses import proposition_reader, same_claim

read = proposition_reader()


def test_a_proposition_is_a_main_clause():
    assert read("the Velmar government agreed to sell the port").sided
    assert read("there was no contract").sided
    assert not read("the second memo, written by the minister").clause  # a thing named
    assert not read("the inquiry as a sham by critics who want to stop it").clause


def test_questions_and_hypotheticals_take_no_side():
    assert read("did the minister sign the contract").question
    assert read("it would be troubling if the minister had signed it").hypothetical
    assert not read("did the minister sign the contract").sided


def test_one_claim_shares_a_main_verb():
    sold = read("the Velmar government agreed to sell the northern port")
    assert same_claim(sold, read("the Velmar government secretly agreed to sell the port of Kessa"))
    assert not same_claim(sold, read("the minister did not know about the northern port"))


def test_light_verbs_tie_nothing_but_there_is_does():
    assert same_claim(read("there was a quid pro quo with Ukraine"), read("there is no quid pro quo with Ukraine"))
    assert not same_claim(read("his credibility was an issue in the aid talks"),
                          read("the aid is now at the heart of the inquiry"))
