from tests.conftest import by_cue


def test_remarks_came_after_links_the_earlier_statement(extract):
    a = extract("The minister has said there is no plan. His remarks came after the Daily Planet "
                "claimed that a plan existed.")
    said, claimed = by_cue(a, "has said"), by_cue(a, "claimed")
    assert [(r.statement, r.type) for r in said.replies_to] == [(claimed.id, "rejects")]


def test_commenting_on_a_claim_names_its_owner(extract):
    a = extract("The Daily Planet claimed that the mayor lied. The Daily Planet also reported a fire. "
                "Commenting on the Daily Planet’s claim, Mayor Jo Kent said the story was “pure fiction.”")
    said, claimed = by_cue(a, "said"), by_cue(a, "claimed")
    assert [r.statement for r in said.replies_to] == [claimed.id]


def test_denying_a_report(extract):
    a = extract("The Gazette reported that the plant would close. The company denied the report.")
    denied, reported = by_cue(a, "denied"), by_cue(a, "reported")
    assert [(r.statement, r.type) for r in denied.replies_to] == [(reported.id, "rejects")]


def test_no_reply_without_evidence(extract):
    a = extract("The Gazette reported that the plant would close. The mayor said jobs were safe.")
    assert all(not s.replies_to for s in a.statements)


def test_replies_to_an_unnamed_report(extract):
    cases = {
        "In response to the report, the mayor said the story was false.": ("said", "rejects"),
        "Asked about the report, the mayor said it was false.": ("said", "rejects"),
        "The mayor dismissed the report as fiction.": ("dismissed", "rejects"),
        "The mayor confirmed the report on Monday.": ("confirmed", "confirms"),
    }
    for second, (cue, kind) in cases.items():
        a = extract("The Gazette reported that the mayor took bribes. " + second)
        reported = by_cue(a, "reported")
        assert [(r.statement, r.type) for r in by_cue(a, cue).replies_to] == [(reported.id, kind)], second


def test_a_negated_confirmation_does_not_confirm(extract):
    a = extract("The Gazette reported that the plant would close. The company could not confirm the report.")
    reply, reported = by_cue(a, "could not confirm"), by_cue(a, "reported")
    assert reply.modality.negated
    assert [(r.statement, r.type) for r in reply.replies_to] == [(reported.id, "responds")]


def test_a_plain_confirmation_still_confirms(extract):
    a = extract("The Gazette reported that the plant would close. The company confirmed the report.")
    reply, reported = by_cue(a, "confirmed"), by_cue(a, "reported")
    assert [(r.statement, r.type) for r in reply.replies_to] == [(reported.id, "confirms")]
