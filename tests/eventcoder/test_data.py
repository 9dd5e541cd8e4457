"""PLV reading and the fixed dev split."""

from pathlib import Path

import pytest

from onrecord.eventcoder.data import CodedSentence, read_plv, split

PLV = Path(__file__).parents[2] / ".." / "shared" / "data" / "plover" / "plv_train.csv"


def _rows(n: int, label: str) -> list[CodedSentence]:
    return [CodedSentence(f"{label}{i}", f"text {i}", label, "a", "b") for i in range(n)]


def test_split_takes_a_fifth_of_each_type_and_is_stable_under_reordering():
    rows = _rows(10, "AGREE") + _rows(5, "REJECT")
    train, dev = split(rows)
    assert sorted(r.type for r in dev) == ["AGREE", "AGREE", "REJECT"]
    assert {r.id for r in split(list(reversed(rows)))[1]} == {r.id for r in dev}
    assert not {r.id for r in train} & {r.id for r in dev}


def test_read_plv_maps_yield_to_concede_and_reads_the_sentence_id(tmp_path: Path):
    path = tmp_path / "plv.csv"
    path.write_text("text,label,meta,context,source,target\n"
                    'The rebels released two hostages.,YIELD,PLOVER event record.|PLV|split=train|sentence_id=7,,rebels,hostages\n')
    (row,) = read_plv(path)
    assert (row.id, row.type, row.source, row.target) == ("7", "CONCEDE", "rebels", "hostages")


def test_read_plv_says_where_the_file_lives(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="shared/data/plover"):
        read_plv(tmp_path / "missing.csv")


@pytest.mark.slow
def test_the_shared_plv_split_has_210_dev_sentences_of_all_15_types():
    train, dev = split(read_plv(PLV))
    assert (len(train), len(dev)) == (840, 210)
    assert len({r.type for r in dev}) == 15
