"""Speaker resolution with its evidence: method, antecedent, confidence, members."""

from tests.conftest import by_cue


def test_pronoun_after_a_quote_paragraph_continues_the_last_speaker(extract):
    a = extract("Senator Mitt Romney said the report was devastating news for the economy.\n\n"
                "Mitch McConnell met reporters on Tuesday.\n\n"
                "“We have to do better than this,” he said.")
    he = [st for st in a.statements if st.speaker and st.speaker.text == "he"][0]
    assert he.speaker.name == "Mitt Romney"  # the last speaker, not the last man mentioned
    assert he.speaker.resolution == "pronoun"
    assert he.speaker.antecedent.text == "Mitt Romney"
    assert 0 < he.speaker.confidence <= 1


def test_she_never_resolves_to_a_man_the_text_names(extract):
    a = extract("Joe Biden called Elizabeth Warren last week.\n\nWarren said she was not "
                "satisfied. “I cannot be satisfied by simply saying sorry,” she told the paper.")
    told = by_cue(a, "told")
    assert told.speaker.name == "Elizabeth Warren"
    assert told.speaker.resolution == "pronoun"


def test_first_person_inside_a_quote_is_the_quotes_speaker(extractor):
    from onrecord.resolution.evidence import Resolution
    from onrecord.resolution.speakers import SpeakerChoice, first_person_speaker

    doc = extractor.nlp("I told them so.")
    outer = SpeakerChoice(object(), Resolution("name"))
    inherited = first_person_speaker(outer, (40, 60), doc[0])
    assert inherited.entity is outer.entity
    assert inherited.resolution.method == "quote-first-person"
    assert inherited.resolution.antecedent == (40, 60)
    assert first_person_speaker(outer, (40, 60), doc[2]) is None  # 'them' is not first person
    assert first_person_speaker(None, None, doc[0]) is None


def test_an_administration_is_not_its_head(extract):
    a = extract("Donald Trump spoke on Monday. The Trump administration said the tariffs would stay.")
    said = by_cue(a, "said")
    assert said.speaker.name != "Donald Trump"
    assert said.speaker.name == "Trump administration"
    assert said.speaker.resolution == "description"


def test_a_poll_is_a_document_and_a_report_speaks_for_its_author(extract):
    a = extract("A CNN/ORC poll found that most voters disapproved. "
                "An NBC News report said the talks had stalled.")
    poll = by_cue(a, "found")
    assert poll.speaker.name is None
    assert [e.type for e in a.entities if e.id == poll.speaker.entity] == ["document"]
    report = by_cue(a, "said")
    assert report.speaker.name == "NBC News"
    assert report.speaker.resolution == "document-author"


def test_party_members_speak_as_a_group(extract):
    a = extract("Democrats said the bill would fail in the Senate.")
    said = by_cue(a, "said")
    assert said.speaker.name is None
    assert said.speaker.resolution == "group"


def test_compound_speakers_name_every_member(extract):
    a = extract("Obama and Ban Ki-moon said on Monday that the agreement was historic.")
    said = by_cue(a, "said")
    names = {e.name for e in a.entities if e.id in said.speaker.members}
    assert names == {"Obama", "Ban Ki-moon"}


def test_registry_gives_one_canonical_name(extract):
    a = extract("Attorney General Bill Barr said the inquiry would continue.")
    said = by_cue(a, "said")
    assert said.speaker.name == "William Barr"
    assert said.speaker.resolution == "registry"
    assert [e.registry for e in a.entities if e.id == said.speaker.entity] == ["onrecord:william-barr"]


def test_rules_remain_available(extractor):
    from onrecord.engine import article_from_doc
    from onrecord.pipeline import ArticleMeta

    doc = extractor.nlp("Mitt Romney said the report was bad. He said it twice.")
    a = article_from_doc(doc, ArticleMeta(), coref="rules")
    he = [s for s in a.statements if s.speaker and s.speaker.text == "He"][0]
    assert he.speaker.name == "Mitt Romney"
    assert he.speaker.confidence == 0.3  # the rule, with no gender known for Mitt Romney


def test_pronoun_in_the_next_sentence_continues_the_statements_speaker(extract):
    # 'supports' inside Bates's content is a statement of its own; the pronoun skips it
    a = extract("Campaign spokesman Mark Bates said Joe Biden supports reform of the police. "
                "As for money, he said Biden supports programs that improve relations with residents.")
    he = [st for st in a.statements if st.speaker and st.speaker.text == "he"][0]
    assert he.speaker.name == "Mark Bates"
    assert he.speaker.resolution == "pronoun"


def test_continuation_finds_a_speaker_the_tagger_left_as_a_bare_surname(extract):
    a = extract("Vice President Mike Pence spoke after Donald Trump criticized the report. Pence told "
                "reporters traveling with him at a summit of coastal nations that he could not comment "
                "on the report. He said Saturday the killing was an atrocity.")
    assert by_cue(a, "said").speaker.name == "Mike Pence"


def test_the_aide_right_after_a_spokesperson_continues_that_spokesperson(extract):
    a = extract("A spokesman for Senate Majority Leader Mitch McConnell said the chamber would meet "
                "every three days. \"We did not do it to block anyone,\" the aide said.")
    aide = [st for st in a.statements if st.speaker and st.speaker.text == "the aide"][0]
    assert (aide.speaker.name, aide.speaker.resolution) == ("Mitch McConnell", "role")
    alone = extract("An aide said the chamber would meet again on Monday.")
    assert alone.statements[0].speaker.name is None  # an aide on its own speaks for no one
