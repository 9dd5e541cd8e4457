"""Name substitution for GAP training rows: names A and B (and their first and last words) are
replaced throughout, offsets still point at the names and the pronoun, and rows whose names
cannot be swapped cleanly are skipped."""

from __future__ import annotations

import numpy as np

from onrecord.coref.encoder.augment import NamePool, substituted
from onrecord.coref.gap import GapExample


def _row(text: str, a: str, b: str, pronoun: str = "she", rid: str = "t-1") -> GapExample:
    return GapExample(rid, text, pronoun, text.index(f" {pronoun} ") + 1, a, text.index(a), True,
                      b, text.index(b), False)


POOL_ROWS = [
    _row("Mary Jones met Ann Lee. Later she left.", "Mary Jones", "Ann Lee", rid="p-1"),
    _row("Kate Brown met Eve Stone. Later she left.", "Kate Brown", "Eve Stone", rid="p-2"),
    _row("Lucy Hale met Rose Tyler. Later she left.", "Lucy Hale", "Rose Tyler", rid="p-3"),
]


def test_names_and_their_parts_are_replaced_with_offsets_kept():
    row = _row("Mary Jones met Ann Lee in May. Jones said she would call Lee.", "Mary Jones", "Ann Lee")
    pool = NamePool(POOL_ROWS)
    for seed in range(5):
        new = substituted(row, pool, np.random.default_rng(seed))
        assert new is not None
        assert new.text[new.a_offset:new.a_offset + len(new.a)] == new.a
        assert new.text[new.b_offset:new.b_offset + len(new.b)] == new.b
        assert new.text[new.pronoun_offset:new.pronoun_offset + 3] == "she"
        assert {new.a, new.b}.isdisjoint({"Mary Jones", "Ann Lee"}) and new.a != new.b
        assert "Jones" not in new.text and "Lee" not in new.text  # the surnames alone too
        assert new.text.count(new.a.split()[-1]) == 2 and (new.a_coref, new.b_coref) == (True, False)


def test_rows_that_cannot_be_swapped_cleanly_are_skipped():
    pool = NamePool(POOL_ROWS)
    rng = np.random.default_rng(1)
    overlapping = _row("John DeWitt Jr. met John DeWitt. Then she left.", "John DeWitt Jr.", "John DeWitt")
    assert substituted(overlapping, pool, rng) is None  # one name inside the other
    odd = _row("Jack * met Ann Lee. Then she left.", "Jack *", "Ann Lee")
    assert substituted(odd, pool, rng) is None  # not a plain name
    lonely = _row("Zed Quux Blah met Ann Lee. Then she left.", "Zed Quux Blah", "Ann Lee")
    assert substituted(lonely, pool, rng) is None  # no three-word name to draw
