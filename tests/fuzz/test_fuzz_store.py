"""Property: every input record given to ``ingest`` is stored or recorded in ``failures``, never
both, never neither (the fake engine of tests/store, so no spaCy model loads)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fuzz_settings import FUZZ
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_readers import documents, json_values

from onrecord.sources import InputFile, RawDoc, ReadFailure, read_input
from onrecord.store import IngestOptions, connect, ingest

FAKE = str(Path(__file__).parents[1] / "store" / "fake_engine.py") + ":FakeExtractor"
texts = st.one_of(st.text(max_size=80), st.sampled_from(["", " ", "“Four words are here,” Ana Lee said.",
                                                         "EXPLODE", "\x00", "\ud800"]))
records = st.fixed_dictionaries({"text": texts | json_values},
                                optional={"outlet": st.sampled_from(["Daily Planet", "Evening Star"]) | json_values,
                                          "date": st.sampled_from(["2024-03-01", "2024-03-02"]) | json_values,
                                          "title": json_values, "id": json_values})
lines = st.lists(records.map(lambda r: json.dumps(r).encode()) | documents, min_size=1, max_size=6)


def _read_count(path: Path) -> int:
    items = read_input(InputFile(str(path), path.stat().st_size, "jsonl"))
    return sum(isinstance(i, (RawDoc, ReadFailure)) for i in items)


@FUZZ
@given(lines=lines)
def test_every_input_is_stored_or_failed_never_both_never_neither(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        db_path = str(Path(tmp) / "c.db")
        s = ingest([str(path)], db_path, IngestOptions(workers=0, extractor=FAKE, batch_size=3))
        c = s.counts
        assert s.status == "done"
        assert s.read == _read_count(path) == c.new + c.duplicate + c.copies + c.n_failed
        with connect(db_path) as db:
            assert db.scalar("SELECT count(*) FROM articles") == c.new
            assert db.scalar("SELECT count(*) FROM copies") == c.copies
            assert db.scalar("SELECT count(*) FROM failures") <= c.n_failed  # a failure read twice: one row
            assert db.scalar("SELECT count(*) FROM inputs i JOIN failures f ON f.input_key = i.input_key") == 0
            stored = set(db.query("SELECT source, locator FROM articles UNION SELECT source, locator FROM copies"))
            failed = set(db.query("SELECT source, locator FROM failures"))
            assert not stored & failed
        again = ingest([str(path)], db_path, IngestOptions(workers=0, extractor=FAKE, batch_size=3))
        assert (again.counts.new, again.counts.copies) == (0, 0)
        assert again.counts.duplicate + again.counts.n_failed == s.read
