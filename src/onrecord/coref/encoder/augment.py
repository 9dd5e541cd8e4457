"""Name substitution for GAP training rows: the same snippet with names A and B (and their
first and last words where they stand alone) replaced by other names of the same gender and
length from the training set, so the scorer learns the context, not the names."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from onrecord.coref.gap import GapExample

__all__ = ["NamePool", "substituted"]


class NamePool:
    """Names of GAP rows by (pronoun gender, word count)."""

    def __init__(self, examples: list[GapExample]) -> None:
        pool: dict[tuple[str, int], set[str]] = defaultdict(set)
        for ex in examples:
            for name in (ex.a, ex.b):
                if _plain(name):
                    pool[(ex.gender, len(name.split()))].add(name)
        self._pool = {k: sorted(v) for k, v in pool.items()}

    def draw(self, gender: str, like: str, avoid: set[str], rng: np.random.Generator) -> str | None:
        names = [n for n in self._pool.get((gender, len(like.split())), []) if n not in avoid]
        return names[int(rng.integers(len(names)))] if names else None


def substituted(ex: GapExample, pool: NamePool, rng: np.random.Generator) -> GapExample | None:
    """``ex`` with both names replaced throughout; None when a name has no substitute."""
    if not (_plain(ex.a) and _plain(ex.b)) or set(ex.a.split()) & set(ex.b.split()):
        return None
    new_a = pool.draw(ex.gender, ex.a, {ex.a, ex.b}, rng)
    new_b = pool.draw(ex.gender, ex.b, {ex.a, ex.b, new_a or ""}, rng)
    if new_a is None or new_b is None:
        return None
    table = _replacements({ex.a: new_a, ex.b: new_b})
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b")
    pieces, shift, moved, last = [], 0, {}, 0
    pron = ex.pronoun_offset
    for m in pattern.finditer(ex.text):
        if m.start() < ex.pronoun_offset < m.end():
            return None
        pieces.append(ex.text[last:m.start()])
        moved[m.start()] = m.start() + shift
        repl = table[m.group(0)]
        pieces.append(repl)
        shift += len(repl) - len(m.group(0))
        pron += len(repl) - len(m.group(0)) if m.end() <= ex.pronoun_offset else 0
        last = m.end()
    pieces.append(ex.text[last:])
    text = "".join(pieces)
    if ex.a_offset not in moved or ex.b_offset not in moved:
        return None
    return GapExample(f"{ex.id}~", text, ex.pronoun, pron, new_a, moved[ex.a_offset], ex.a_coref,
                      new_b, moved[ex.b_offset], ex.b_coref)


def _replacements(names: dict[str, str]) -> dict[str, str]:
    """Full names, and first and last words of multi-word names, old -> new."""
    table: dict[str, str] = {}
    for old, new in names.items():
        ow, nw = old.split(), new.split()
        if len(ow) > 1:
            table.setdefault(ow[0], nw[0])
            table.setdefault(ow[-1], nw[-1])
    table.update(names)
    return table


def _plain(name: str) -> bool:
    return name[-1:].isalpha() and name.replace(" ", "").replace("-", "").replace(".", "").replace("'", "").isalpha()
