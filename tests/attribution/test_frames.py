"""Attribution shapes, each on a small fictional sentence parsed by the real model."""

from tests.conftest import by_cue


def test_indirect_speech_with_that(extract):
    a = extract("The minister said that the bridge would reopen in May.")
    s = by_cue(a, "said")
    assert (s.speaker.text, s.content.text, s.kind) == ("The minister", "the bridge would reopen in May", "indirect")


def test_auxiliaries_belong_to_the_cue(extract):
    a = extract("The bridge will reopen in May, the minister has said.")
    s = by_cue(a, "has said")
    assert s.content.text == "The bridge will reopen in May"


def test_direct_quote_before_cue_with_continuation(extract):
    a = extract("“We will win,” Ms. Sato said. “Nobody can stop us now.”")
    s = by_cue(a, "said")
    assert s.content.text == "“We will win,”"
    assert s.content2 is not None and s.content2.text == "“Nobody can stop us now.”"
    assert s.kind == "direct"


def test_quote_after_colon(extract):
    a = extract("The senator told reporters: “The vote is rigged.”")
    s = by_cue(a, "told")
    assert s.content.text == "“The vote is rigged.”"
    assert s.speaker.text == "The senator"


def test_according_to(extract):
    a = extract("According to the Daily Planet, the mayor resigned on Friday.")
    s = by_cue(a, "According to")
    assert (s.speaker.text, s.content.text, s.cue.cls) == ("the Daily Planet", "the mayor resigned on Friday", "report")


def test_speech_act_with_object_content(extract):
    a = extract("Putin ruled out any talks with Kiev as long as the troops stay.")
    s = by_cue(a, "ruled out")
    assert s.content.text == "any talks with Kiev as long as the troops stay"
    assert s.cue.cls == "denial"


def test_belief_nested_in_claim(extract):
    a = extract("The paper claimed that officials believe the plan will fail.")
    outer, inner = by_cue(a, "claimed"), by_cue(a, "believe")
    assert inner.parent == outer.id and outer.parent is None
    assert (inner.speaker.text, inner.cue.cls) == ("officials", "tentative")


def test_passive_report_has_no_speaker(extract):
    a = extract("It was reported that the factory will close.")
    s = by_cue(a, "was reported")
    assert s.speaker is None and s.content.text == "the factory will close"


def test_cue_interrupting_its_content(extract):
    a = extract("Acts of protest, Mr. Obama said, are acts of patriotism.")
    s = by_cue(a, "said")
    assert (s.content.text, s.content2.text) == ("Acts of protest", "are acts of patriotism")


def test_headline_label_and_transcript(extract):
    a = extract("Sanders: Clinton Must Change Course\n\nThe senator spoke in Iowa.")
    s = by_cue(a, ":")
    assert (s.speaker.text, s.content.text) == ("Sanders", "Clinton Must Change Course")


def test_dash_signature_after_quote(extract):
    a = extract("“He represents our greatest shame.” ― Sonya Herridge\n“Next one.” ― Ana Diaz")
    sigs = [s for s in a.statements if s.cue.text == "―"]
    assert [(s.speaker.text, s.content.text) for s in sigs] == [
        ("Sonya Herridge", "“He represents our greatest shame.”"), ("Ana Diaz", "“Next one.”")]


def test_conjoined_cues_split_the_content(extract):
    a = extract("Machado promised to keep supporting Clinton and said she would stand up to the attacks.")
    assert by_cue(a, "promised").content.text == "to keep supporting Clinton"
    assert by_cue(a, "said").content.text == "she would stand up to the attacks"


def test_writer_gloss_after_a_comma_is_not_content(extract):
    a = extract("The campaign wants to sign up 5 million people, focusing on people under 30.")
    assert by_cue(a, "wants").content.text == "to sign up 5 million people"


def test_quote_paragraph_after_the_cue_continues_the_statement(extract):
    a = extract("“We will not sign,” the minister said.\n\n“Not this year, not next year.”\n\nTalks resume in May.")
    s = by_cue(a, "said")
    assert (s.content.text, s.content2.text) == ("“We will not sign,”", "“Not this year, not next year.”")


def test_quote_running_over_paragraphs(extract):
    a = extract("The minister said: “We will not sign this year.\n\n“Nor next year, whatever happens.”")
    s = by_cue(a, "said")
    assert s.content.text.startswith("“We will not sign") and s.content.text.endswith("whatever happens.”")
    assert s.kind == "direct"


def test_dash_introduced_quote(extract):
    a = extract("The minister said — “We will not sign.”")
    assert by_cue(a, "said").content.text == "“We will not sign.”"


def test_section_heading_with_colon_is_no_speaker(extract):
    a = extract("IRS Targeting Investigation: What We Know So Far\n\nThe agency said the review was over.")
    assert [s.cue.text for s in a.statements] == ["said"]


def test_adverbial_before_the_cue_is_not_content(extract):
    a = extract('In a statement, Flynn said, "my guilty plea reflects a decision I made."')
    s = by_cue(a, "said")
    assert s.content.text == '"my guilty plea reflects a decision I made."' and s.content2 is None


def test_speaker_nearest_the_cue_when_the_quote_is_misparsed_as_a_subject(extract):
    a = extract("“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview.")
    s = by_cue(a, "said")
    assert s.speaker.text == "Obama's former campaign strategist"
    assert s.content.text == "“My reaction, that was outrageous,”"


def test_reporting_noun_with_its_owner_and_that_clause(extract):
    a = extract("Trump’s claim that the election was rigged drew criticism.")
    s = by_cue(a, "claim")
    assert (s.speaker.name, s.cue.cls, s.content.text) == ("Trump", "contested", "the election was rigged")


def test_that_clause_the_parser_hung_on_a_noun_is_the_content(extract):
    a = extract("Senator Jane Ortiz told reporters traveling with her at a summit of coastal towns "
                "that she could not comment on the plan.")
    s = by_cue(a, "told")
    assert (s.speaker.name, s.content.text) == ("Jane Ortiz", "she could not comment on the plan")


def test_inverted_cue_parsed_as_a_coordination_takes_its_object_as_speaker(extract):
    a = extract("Judge Paul Sullivan had the power to hold a hearing. If so, that will be bad news "
                "for the department, argued the deputy solicitor general, Jeffrey Wall. He called "
                "the brief a polemic.")
    argued = by_cue(a, "argued")
    assert argued.speaker.name == "Jeffrey Wall"
    assert argued.content.text == "that will be bad news for the department"
    assert by_cue(a, "called").speaker.name == "Jeffrey Wall"  # the next sentence continues him


def test_a_coordinated_verb_with_an_object_in_mid_sentence_is_no_inversion(extract):
    a = extract("The mayor cut the budget, angered the unions, and praised the council.")
    assert by_cue(a, "praised").speaker.text == "The mayor"
