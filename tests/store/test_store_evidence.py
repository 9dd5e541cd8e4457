"""Speaker-evidence filters: parsing user input (errors say what is allowed) and the SQL they make."""

from __future__ import annotations

import pytest
from store_support import ARTICLES, EVIDENCE, FAKE, write_jsonl

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.errors import FilterError
from onrecord.store.evidence import METHODS, EvidenceFilter, describe, evidence_filter, parse_methods


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("evidence")
    path = str(folder / "f.db")
    ingest([str(write_jsonl(folder / "e.jsonl", ARTICLES + EVIDENCE))], path, IngestOptions(workers=0, extractor=FAKE))
    return path


def test_methods_are_the_contracts():
    assert METHODS == ("name", "surname", "role", "pronoun", "quote-first-person", "description",
                       "document-author", "registry", "group")


def test_parsing_user_input():
    assert parse_methods(" Pronoun, role ,pronoun") == ("pronoun", "role")
    assert parse_methods(("name", "surname,registry")) == ("name", "surname", "registry")
    assert evidence_filter("unknown", "0.5", "yes") == EvidenceFilter(("unknown",), 0.5, True)
    assert evidence_filter(None, "", "").is_empty()
    for bad, message in ((("telepathy", None, None), "not 'telepathy'"), ((None, "1.01", None), "0 to 1"),
                         ((None, "inf", None), "0 to 1"), ((None, "x", None), "such as 0.8"),
                         ((None, None, "maybe"), "true or false")):
        with pytest.raises(FilterError, match=message):
            evidence_filter(*bad)


def test_describe():
    assert describe("pronoun", 0.93, "Vladimir Zelensky") == "resolved through ‘Vladimir Zelensky’ (pronoun, 0.93)"
    assert describe("name", 0.97, None) == "resolved by name (0.97)"
    assert describe("role", None, None) == "resolved by role"
    assert describe(None, None, None) == "resolution not recorded"


@pytest.mark.parametrize("flt, expected", [
    (EvidenceFilter(), 19),
    (EvidenceFilter(("pronoun",)), 1),
    (EvidenceFilter(("group", "description")), 6),
    (EvidenceFilter(named_only=True), 12),  # name and surname, not pronoun, group or description
    (EvidenceFilter(min_confidence=0.95), 10),
    (EvidenceFilter(("name", "pronoun"), 0.9), 11),
    (EvidenceFilter(("unknown",)), 0),
])
def test_filters_as_sql(corpus, flt, expected):
    where, params = flt.sql("st")
    with connect(corpus) as db:
        sql = "SELECT count(*) FROM statements st" + (f" WHERE {' AND '.join(where)}" if where else "")
        assert db.scalar(sql, params) == expected
