"""Full-text search shared by the CLI and the explorer: relevance that prefers substantive
statements, and where the words matched (character offsets into ``content`` and ``content2``).

SQLite searches the FTS5 table ``statements_fts`` (content and content2, porter stemming),
PostgreSQL ``statements.content_tsv`` (both parts, English stemming).  Relevance is the backend's
score (FTS5 bm25, ``ts_rank``) times a length factor: a content shorter than
``SUBSTANTIVE_CHARS`` characters (content and content2 together) gets that share of its score,
so a statement that is only the search word does not come before one that says something.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import TypeVar

from onrecord.store.db import Database
from onrecord.store.errors import QueryError

SUBSTANTIVE_CHARS = 60
OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: match markers that no article text needs
Span = tuple[int, int]
T = TypeVar("T")


def length_factor(alias: str = "s") -> str:
    """SQL between 0 and 1: how substantive statement ``alias``'s content is by its length."""
    n = f"(length({alias}.content) + coalesce(length({alias}.content2), 0))"
    return f"(CASE WHEN {n} >= {SUBSTANTIVE_CHARS} THEN 1.0 ELSE {n} / {SUBSTANTIVE_CHARS}.0 END)"


def relevance_order(backend: str, alias: str = "s", fts: str = "statements_fts") -> tuple[str, int]:
    """The ORDER BY term for best matches first, and how many times it takes the query as a
    parameter (PostgreSQL: once; SQLite: none, the MATCH of ``fts`` in the WHERE clause is used)."""
    if backend == "postgres":
        return (f"ts_rank({alias}.content_tsv, websearch_to_tsquery('english', ?)) * {length_factor(alias)} DESC",
                1)
    return f"bm25({fts}) * {length_factor(alias)}", 0  # bm25 is negative: nearer 0 is worse


def match_condition(backend: str, alias: str = "s") -> str:
    """A WHERE condition (one parameter: the query) that keeps statements matching the words,
    without a join (the CLI's ``said --about``)."""
    if backend == "postgres":
        return f"{alias}.content_tsv @@ websearch_to_tsquery('english', ?)"
    return f"{alias}.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"


def fts_words(text: str) -> str:
    """The words of ``text`` as an FTS5 query of quoted terms (for text that is not FTS5 syntax)."""
    words = re.findall(r"\w+", text)
    if not words:
        raise QueryError(f"nothing searchable in {text!r}; type words such as: ceasefire talks")
    return " ".join(f'"{w}"' for w in words)


def with_fallback(db: Database, text: str, run: Callable[[str], T]) -> T:
    """``run(query)`` with the user's FTS5 syntax; if SQLite rejects it, with the words as typed.
    PostgreSQL's ``websearch_to_tsquery`` takes any text, so it runs once with ``text``."""
    if db.backend != "sqlite":
        return run(text)
    try:
        return run(text)
    except sqlite3.OperationalError:  # not FTS5 syntax; a real error raises again below
        return run(fts_words(text))


# -- where the words matched ------------------------------------------------------------------------

def match_spans(db: Database, text: str, ids: Sequence[int]) -> dict[int, tuple[list[Span], list[Span]]]:
    """For each statement id, the (start, end) offsets of the words that ``text`` matched in its
    content and in its content2, as the backend's own matcher (stemming, phrases, prefixes) sees them."""
    ids = tuple(dict.fromkeys(int(i) for i in ids))
    if not text.strip() or not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    if db.backend == "postgres":
        options = f'StartSel="{OPEN}", StopSel="{CLOSE}", HighlightAll=true'
        rows = db.query(
            "SELECT s.id, s.content, s.content2, ts_headline('english', s.content, q, ?), "
            "ts_headline('english', coalesce(s.content2, ''), q, ?) FROM statements s, "
            f"websearch_to_tsquery('english', ?) q WHERE s.id IN ({marks})", (options, options, text, *ids))
    else:
        rows = with_fallback(db, text, lambda fq: db.query(
            "SELECT s.id, s.content, s.content2, highlight(statements_fts, 0, ?, ?), "
            "highlight(statements_fts, 1, ?, ?) FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
            f"WHERE statements_fts MATCH ? AND statements_fts.rowid IN ({marks})",
            (OPEN, CLOSE, OPEN, CLOSE, fq, *ids)))
    return {sid: (spans(marked1, content), spans(marked2, content2))
            for sid, content, content2, marked1, marked2 in rows}


def spans(marked: str | None, original: str | None) -> list[Span]:
    """The marked stretches of ``marked`` as offsets into ``original``; none when the marked text
    is not ``original`` with markers added (or the original holds a marker character itself)."""
    if not marked or not original or OPEN in original or CLOSE in original:
        return []
    out: list[Span] = []
    plain: list[str] = []
    start: int | None = None
    pos = 0
    for ch in marked:
        if ch == OPEN:
            start = pos
        elif ch == CLOSE:
            if start is not None and pos > start:
                out.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return out if "".join(plain) == original else []
