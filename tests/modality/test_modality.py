"""Each modality flag and kind from fictional sentences."""

import pytest

from onrecord.records import Modality, Statement
from tests.conftest import by_cue


def _m(extract, text: str, cue: str) -> Modality:
    st = by_cue(extract(text), cue)
    assert st.modality is not None
    return st.modality


@pytest.mark.parametrize("text,cue", [
    ("The harbour master did not say when the cranes would return.", "did not say"),
    ("A Velmora council spokeswoman could not confirm the closure.", "could not confirm"),
    ("The union never claimed that the strike was legal.", "never claimed"),
    ("Mayor Tilda Brenn does not believe the port will shrink.", "does not believe"),
])
def test_negated(extract, text, cue):
    m = _m(extract, text, cue)
    assert m.negated and not m.hypothetical


def test_denial_is_not_negation(extract):
    m = _m(extract, "The ferry operator denied that fares would rise.", "denied")
    assert not m.negated


def test_would_not_say_is_a_refusal_not_a_hypothesis(extract):
    m = _m(extract, "The harbour master would not say whether the cranes were sold.", "would not say")
    assert m.negated and not m.hypothetical


@pytest.mark.parametrize("text,cue", [
    ("Critics could argue that the harbour levy is unfair.", "could argue"),
    ("Anna Korvik might say the tunnel is too costly.", "might say"),
    ("If asked, the mayor said, she would stand again.", "said"),
])
def test_hypothetical(extract, text, cue):
    assert _m(extract, text, cue).hypothetical


def test_an_if_clause_in_the_content_does_not_make_the_cue_hypothetical(extract):
    m = _m(extract, "The mayor said that if the strike ends, the port will reopen.", "said")
    assert not m.hypothetical and not m.future


@pytest.mark.parametrize("text,cue", [
    ("The governor will say on Monday that the harbour budget is balanced.", "will say"),
    ("The senator plans to say that the ferry bill is dead.", "to say"),
])
def test_future(extract, text, cue):
    assert _m(extract, text, cue).future


def test_expected_to_announce_is_future(extract):
    a = extract("The mayor is expected to announce that the port will close.")
    announce = [s for s in a.statements if "announce" in s.cue.text]
    assert announce and all(s.modality.future for s in announce)


def test_past_statement_is_not_future(extract):
    m = _m(extract, "The governor said the budget would be balanced next year.", "said")
    assert m.flags() == () and m.kind == "speech"


@pytest.mark.parametrize("text,cue", [
    ("“Why now?” the dock worker asked.", "asked"),
    ("Councillor Imre Dahl asked whether the tunnel would ever open.", "asked"),
    ("Anna Korvik wondered whether the deal would hold.", "wondered"),
])
def test_question(extract, text, cue):
    assert _m(extract, text, cue).question


def test_asked_to_do_is_not_a_question(extract):
    a = extract("The mayor asked the strikers to return to work.")
    assert all(not s.modality.question for s in a.statements)


@pytest.mark.parametrize("text,cue,kind", [
    ("A new poll by the Velmora Institute found that most residents back the tunnel.", "found", "finding"),
    ("A study of harbour traffic showed that ferries run late.", "showed", "finding"),
    ("A statement from the Korvik family said she had retired.", "said", "document"),
    ("The letter said the union would not comply.", "said", "document"),
    ("The ferry company wants to build a second terminal.", "wants", "intent"),
    ("Mayor Tilda Brenn said the tunnel would open in May.", "said", "speech"),
    ("The Velmora Post reported that the mayor resigned.", "reported", "speech"),
])
def test_kind(extract, text, cue, kind):
    assert _m(extract, text, cue).kind == kind


def test_modality_round_trips_and_is_optional():
    from onrecord.records import Cue, TextSpan

    st = Statement("s1", None, Cue(0, 4, "said", "say", "neutral"), TextSpan(5, 8, "yes"), "indirect")
    assert st.modality is None and "modality" not in st.to_dict()
    flagged = Statement(**{**{f: getattr(st, f) for f in st.__slots__}, "modality": Modality(negated=True, kind="finding")})
    d = flagged.to_dict()
    assert d["modality"] == {"negated": True, "hypothetical": False, "future": False, "question": False,
                             "kind": "finding"}
    assert Statement.from_dict(d) == flagged


def test_the_json_contract_validates_with_modality(extract):
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("onrecord").joinpath("schema/article.schema.json").read_text())
    doc = extract("The harbour master did not say when the cranes would return.").to_dict()
    assert doc["statements"][0]["modality"]["negated"] is True
    jsonschema.validate(doc, schema)


def test_modality_does_not_change_spans(extract, monkeypatch):
    from dataclasses import replace

    import onrecord.engine

    text = ("“We will not move,” the union said. A new poll found that most residents back the tunnel. "
            "The mayor would not say whether she had read the letter. If asked, Korvik said, she would run.")
    with_it = extract(text)
    monkeypatch.setattr(onrecord.engine, "with_modality", lambda doc, statements: list(statements))
    without = extract(text)
    assert all(s.modality is not None for s in with_it.statements)
    assert [replace(s, modality=None) for s in with_it.statements] == list(without.statements)


def test_should_is_not_hypothetical(extract):
    assert not _m(extract, "No one should doubt that the harbour matters.", "should doubt").hypothetical


def test_a_past_governor_is_not_future(extract):
    a = extract("The boycott was intended to highlight the dock workers' role.")
    assert all(not s.modality.future for s in a.statements)


@pytest.mark.parametrize("text,kind", [
    ("A number of harbour unions stated their opposition in a letter.", "speech"),
    ("A number of studies found that the ferries run late.", "finding"),
])
def test_a_partitive_source_is_typed_by_its_noun(extract, text, kind):
    a = extract(text)
    assert [s.modality.kind for s in a.statements][:1] == [kind]
