from onrecord.crosslinks.named import named_reports, sentence_window
from onrecord.crosslinks.rows import Row


def names(text: str) -> list[str]:
    return [r.name for r in named_reports(text)]


def test_a_named_report_is_found_in_its_three_forms():
    assert names("Ruiz dismissed the Harbour Gazette report that the port was sold.") == ["Harbour Gazette"]
    assert names("Ruiz denied Tomas Brel's claim that the port was sold.") == ["Tomas Brel"]
    assert names("Ruiz rejected a report by the Morning Courier about the port.") == ["Morning Courier"]


def test_no_name_no_report():
    assert names("Ruiz dismissed the report that the port was sold.") == []
    assert names("Ruiz said the port was not sold.") == []


def test_the_window_is_the_statement_sentence():
    text = "The sky was grey. Ruiz dismissed the Gazette report that the port was sold. Then rain fell."
    start = text.index("Ruiz")
    end = text.index(" Then") - 1
    r = Row(1, 1, None, None, 1, "Ruiz", "dismissed", "dismiss", "denial", "", start=start, end=end)
    s, e = sentence_window(text, r)
    assert text[s:e].strip() == "Ruiz dismissed the Gazette report that the port was sold."


def test_a_response_phrase_introduces_a_named_report():
    from onrecord.crosslinks.named import answered_by_marker

    for text in ("Responding to Tomas Brel's remarks about the port, Ruiz said it was safe.",
                 "In response to the Harbour Gazette report, the ministry said nothing.",
                 "Asked about Brel's comments, she laughed."):
        reports = named_reports(text)
        assert reports and answered_by_marker(text, reports[0]), text
    text = "Tomas Brel's remarks were odd, Ruiz said."
    assert not answered_by_marker(text, named_reports(text)[0])


def test_a_retort_names_whom_it_answers():
    reports = named_reports("Ruiz fired back at Tomas Brel, saying the port is safe.")
    assert [(r.name, r.retort) for r in reports] == [("Tomas Brel", True)]
    assert [r.name for r in named_reports("She hit back at Velmar Daily.")] == ["Velmar Daily"]
    assert names("Ruiz dismissed Brel's testimony as fiction.") == ["Brel"]  # crosslink_markers.tsv nouns


def test_names_speaker_and_the_next_sentence():
    from onrecord.crosslinks.named import names_speaker

    text = "Ruiz said the port was safe. Her remarks came after Mitch McConnell spoke. Rain fell."
    r = Row(1, 1, None, None, 1, "Ruiz", "said", "say", "neutral", "", start=0, end=text.index(". Her"))
    s, e = sentence_window(text, r, after=200)
    assert text[s:e].strip() == "Ruiz said the port was safe. Her remarks came after Mitch McConnell spoke."
    assert names_speaker(text[s:e], "Mitch McConnell") and not names_speaker(text[s:e], "Lida Varn")
    assert names_speaker("as the Gazette said", "Harbour Gazette")
