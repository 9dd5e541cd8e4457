"""Full-text search in the store (onrecord.store.fulltext): substantive statements first, the
matched words' offsets, and ``said --about``; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from explorer.search_support import make_search_corpus

from onrecord.store import connect, fulltext, queries


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sdb(request, tmp_path):
    target = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    db = connect(make_search_corpus(target, tmp_path))
    yield db
    db.close()


def test_a_content_that_is_only_the_word_does_not_rank_first(sdb):
    contents = [r["content"] for r in queries.search(sdb, "tariffs").records()]
    assert len(contents) == 6 and "Tariffs" in contents
    assert contents[-1] == "Tariffs"  # the bare word: last, after every sentence that says something
    assert all(len(c) >= 40 for c in contents[:-1])


def test_spans_point_at_the_matched_words(sdb):
    rows = queries.search(sdb, "tariffs", limit=50).records()
    found = fulltext.match_spans(sdb, "tariffs", [r["statement_id"] for r in rows])
    for r in rows:
        spans, spans2 = found[r["statement_id"]]
        assert spans2 == []
        assert spans and all(r["content"][s:e].lower().startswith("tariff") for s, e in spans), (r, spans)
    assert fulltext.match_spans(sdb, "", [1]) == {} and fulltext.match_spans(sdb, "tariffs", []) == {}


def test_spans_keep_markup_in_the_text_as_text(sdb):
    row = next(r for r in queries.search(sdb, "ports").records() if "<b>" in r["content"])
    spans, _ = fulltext.match_spans(sdb, "ports", [row["statement_id"]])[row["statement_id"]]
    assert [row["content"][s:e] for s, e in spans] == ["ports"]


def test_spans_refuse_text_that_is_not_the_original():
    assert fulltext.spans("a \ue000b\ue001 c", "a b c") == [(2, 3)]
    assert fulltext.spans("a \ue000b\ue001 c", "a B c") == []  # not the same text: no offsets
    assert fulltext.spans("\ue000x\ue001", "x\ue000") == []  # the original holds a marker itself
    assert fulltext.spans(None, "x") == []


def test_search_filters_and_said_about(sdb):
    def contents(table):
        return sorted(r["content"] for r in table.records())

    assert len(queries.search(sdb, "tariffs", bias="left").rows) == 4
    assert contents(queries.search(sdb, "tariffs", cue_class="denial")) == [
        "There are no new tariffs planned for this year at all"]
    assert len(queries.search(sdb, "tariffs", since="2024-06", until="2024-06").rows) == 4
    assert len(queries.search(sdb, "tariffs", outlet="Morning Courier", speaker="Mia Stone").rows) == 1
    about = queries.said(sdb, "Mia Stone", about="tariffs")
    assert "about 'tariffs'" in about.title and len(about.rows) == 4
    assert [r["published"] for r in about.records()] == sorted(r["published"] for r in about.records())
    assert contents(queries.said(sdb, "Ola Brandt", about="rain")) == [
        "The rain will stop by the weekend, we are told by forecasters"]
    assert queries.said(sdb, "Ola Brandt", about='"unbalanced').rows == []  # not FTS syntax: words


@pytest.mark.parametrize("kwargs, message", [
    ({"since": "2024-02-30"}, "--since must be a date like"),
    ({"since": "2024-07", "until": "2024-06"}, "swap them"),
    ({"bias": "purple"}, "--bias must be one of left, center, right"),
    ({"cue_class": "shouted"}, "--cue-class must be one of"),
])
def test_bad_filters_say_what_to_use(sdb, kwargs, message):
    with pytest.raises(queries.FilterError, match=message):
        queries.search(sdb, "tariffs", **kwargs)
