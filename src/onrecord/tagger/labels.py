"""The tag set: BIO over source, cue, content and a content continuation fragment.

A content split around its cue (``"X," he said, "Y"``) is one content whose first
fragment is tagged ``CON`` and whose later fragments are tagged ``CNX``, so the tagger
says which pieces belong together.
"""

from __future__ import annotations

from collections.abc import Sequence

ROLES = ("SRC", "CUE", "CON", "CNX")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
LABEL_ID = {label: i for i, label in enumerate(LABELS)}
IGNORE = -100
"""Target of word pieces that are not the first piece of a word (no loss)."""

Fragment = tuple[int, int]


def role_fragments(attributions) -> list[tuple[str, Fragment]]:
    """(role, fragment) for every gold attribution, contents split into CON then CNX."""
    out: list[tuple[str, Fragment]] = []
    for a in attributions:
        if a.source:
            out.extend(("SRC", f) for f in a.source)
        out.extend(("CUE", f) for f in a.cue)
        for n, frag in enumerate(a.content):
            out.append(("CON" if n == 0 else "CNX", frag))
    return out


def word_tags(words: Sequence[Fragment], fragments: Sequence[tuple[str, Fragment]]) -> list[str]:
    """The tag of each word (character span): the first fragment holding its start wins.

    A word that starts a fragment, or follows a word of another fragment, begins it (B-)."""
    owner: list[int | None] = [None] * len(words)
    starts = [w[0] for w in words]
    for k, (_role, (s, e)) in enumerate(fragments):
        for i, ws in enumerate(starts):
            if s <= ws < e and owner[i] is None:
                owner[i] = k
    tags: list[str] = []
    for i, k in enumerate(owner):
        if k is None:
            tags.append("O")
        else:
            begins = i == 0 or owner[i - 1] != k
            tags.append(f"{'B' if begins else 'I'}-{fragments[k][0]}")
    return tags
