"""JSON Lines / JSON records that once killed a run: deep nesting, lone surrogates, wrong types."""

from __future__ import annotations

import json

from onrecord.sources import RawDoc, ReadFailure, plan_inputs, read_input

GOOD = json.dumps({"text": "A good article.", "title": "Fine"})


def read_all(path) -> list:
    return [item for f in plan_inputs([path]) for item in read_input(f)]


def reasons(items) -> list[tuple[str, str]]:
    return [(i.locator, i.reason if isinstance(i, ReadFailure) else "doc") for i in items]


def test_a_line_nested_past_the_stack_fails_alone(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + GOOD + "\n")
    bad, good = read_all(path)
    assert (bad.source, bad.locator, bad.reason) == (str(path), "line 1", "too-deeply-nested")
    assert isinstance(good, RawDoc) and good.text == "A good article."


def test_a_record_nested_deeper_than_the_limit_fails_before_it_reaches_a_worker(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps({"text": "x", "tags": json.loads("[" * 200 + "]" * 200)}) + "\n" + GOOD + "\n")
    assert reasons(read_all(path)) == [("line 1", "too-deeply-nested"), ("line 2", "doc")]


def test_lone_surrogate_escapes_in_any_field_fail_their_record(tmp_path):
    path = tmp_path / "s.jsonl"
    lines = ['{"text": "a\\ud800b"}', '{"text": "ok", "title": "\\udc00"}', '{"text": "ok", "tags": ["\\ud800"]}',
             '{"text": "ok", "\\ud800": 1}', '{"text": "an emoji \\ud83d\\ude00 is fine"}']
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path)
    assert reasons(items) == [("line 1", "bad-encoding"), ("line 2", "bad-encoding"), ("line 3", "bad-encoding"),
                              ("line 4", "bad-encoding"), ("line 5", "doc")]
    assert "field text" in items[0].detail and "field title" in items[1].detail
    assert items[4].text == "an emoji \U0001F600 is fine"
    for failure in items[:4]:
        failure.detail.encode("utf-8")  # the reason itself is storable


def test_wrong_json_types_are_failures_not_junk_articles(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": 42}\n{"text": ["a", "b"]}\n{"html": {"a": 1}}\n{"body": true}\n')
    items = read_all(path)
    assert [i.reason for i in items] == ["bad-field"] * 4
    assert "'text' holds a number" in items[0].detail and "'text' holds an array" in items[1].detail
    assert "'html' holds an object" in items[2].detail and "'body' holds a boolean" in items[3].detail


def test_metadata_of_the_wrong_type_is_kept_aside_not_used(tmp_path):
    path = tmp_path / "m.jsonl"
    rec = {"text": "Body.", "title": ["x"], "source": {"name": "CNN"}, "publisher": "CNN", "id": 7, "bias": True}
    path.write_text(json.dumps(rec) + "\n" + '{"text": "Body two.", "title": NaN}\n')
    doc, nan = read_all(path)
    assert (doc.meta.title, doc.meta.outlet, doc.meta.ext_id, doc.meta.bias) == (None, "CNN", "7", None)
    assert doc.meta.extra == {"title": ["x"], "source": {"name": "CNN"}, "bias": True}
    assert nan.meta.title is None


def test_json_array_nested_past_the_stack_or_with_a_surrogate(tmp_path):
    (tmp_path / "a.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "b.json").write_text('[{"text": "\\ud800"}, {"text": "Fine."}]')
    deep, sur, fine = read_all(tmp_path)
    assert (deep.locator, deep.reason) == ("file", "too-deeply-nested")
    assert (sur.locator, sur.reason) == ("item 0", "bad-encoding") and fine.text == "Fine."
