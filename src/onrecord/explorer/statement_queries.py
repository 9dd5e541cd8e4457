"""The explorer's questions about one statement, for its permalink (``/statements/{id}``): the
statement with its speaker evidence, its article, the sentence around it, its replies within the
article and what it answers in other articles.  Ids are the store's ``statements.id``."""

from __future__ import annotations

import json
import re
from typing import Any

from onrecord.explorer.queries import STATEMENT_DETAIL, Page
from onrecord.store.db import Database
from onrecord.store.errors import QueryError
from onrecord.store.modality import badges

_BOUNDARY = re.compile(r"[.!?][”\"’')\]]*(?=\s)|\n\s*\n")
"""A sentence ends after . ! ? (and closing quotes or brackets) before a space, or at a blank line."""
CONTEXT_CHARS = 400  # at most this much text before and after the statement's sentence
SENTENCE_CHARS = 1200  # a sentence longer than this is cut around the statement
_ARTICLE = ("a.title AS article_title, a.url AS article_url, a.published AS article_published, "
            "a.bias AS article_bias, a.outlet_id AS article_outlet_id, "
            "coalesce(o.name, a.outlet) AS article_outlet, a.text AS article_text")
_OTHER = ("SELECT r.type, o.id, o.local_id, o.speaker_entity_id, coalesce(osp.name, o.speaker_name, o.speaker_text), "
          "o.cue, o.content FROM replies r JOIN statements o ON o.id = r.{other} "
          "LEFT JOIN entities osp ON osp.id = o.speaker_entity_id WHERE r.{mine} = ? ORDER BY o.content_start, o.id")
_REPLY_KEYS = ("type", "statement_id", "local_id", "speaker_id", "speaker", "cue", "content")
ANSWER_COLUMNS = (
    "l.type AS link_type, o.speaker_entity_id AS speaker_id, "
    "coalesce(osp.name, o.speaker_name, o.speaker_text) AS speaker, oa.published AS published, "
    "coalesce(oo.name, oa.outlet) AS outlet, oa.id AS article_id, oa.title AS title, oa.url AS url, "
    "o.id AS statement_id, o.cue AS cue, o.content AS content, l.evidence_kind AS evidence_kind, "
    "l.evidence AS evidence, l.score AS score")
_ANSWER_JOINS = (
    "FROM cross_links l JOIN statements o ON o.id = l.to_statement_id JOIN articles oa ON oa.id = o.article_id "
    "LEFT JOIN entities oo ON oo.id = oa.outlet_id LEFT JOIN entities osp ON osp.id = o.speaker_entity_id "
    "WHERE l.from_statement_id = ? AND l.basis = 'reply'")


def statement(db: Database, statement_id: int) -> dict[str, Any]:
    """One statement (the article page's fields) with ``article`` (id, title, url, outlet, date),
    ``context`` (the sentence around it), ``replies_to``, ``replied_by`` and ``parent``."""
    cols, rows = db.query_table(
        f"SELECT {STATEMENT_DETAIL}, s.article_id, {_ARTICLE} FROM statements s "
        "JOIN articles a ON a.id = s.article_id LEFT JOIN entities sp ON sp.id = s.speaker_entity_id "
        "LEFT JOIN entities o ON o.id = a.outlet_id WHERE s.id = ?", (statement_id,))
    if not rows:
        raise QueryError(f"no statement with id {statement_id}; find one with /search")
    st = dict(zip(cols, rows[0]))
    text = st.pop("article_text") or ""
    st["article"] = {"id": st["article_id"], **{k.removeprefix("article_"): st.pop(k) for k in list(st)
                                                 if k.startswith("article_") and k != "article_id"}}
    st["speaker_members"] = json.loads(st["speaker_members"]) if st["speaker_members"] else []
    st["modality_badges"] = badges(st["modality"])
    st["context"] = context(text, st)
    st["replies_to"] = _others(db, statement_id, "target_statement_id", "statement_id")
    st["replied_by"] = _others(db, statement_id, "statement_id", "target_statement_id")
    st["parent"] = _parent(db, st["article_id"], st["parent_local_id"])
    return st


def _others(db: Database, statement_id: int, other: str, mine: str) -> list[dict[str, Any]]:
    """The statements of the article this one replies to (``other`` = target) or that reply to it."""
    rows = db.query(_OTHER.format(other=other, mine=mine), (statement_id,))
    return [dict(zip(_REPLY_KEYS, r)) for r in rows]


def _parent(db: Database, article_id: int, parent_local_id: str | None) -> dict[str, Any] | None:
    """The statement this one is nested in (its content holds this one), or None."""
    if not parent_local_id:
        return None
    rows = db.query("SELECT s.id, s.local_id, coalesce(sp.name, s.speaker_name, s.speaker_text), s.cue "
                    "FROM statements s LEFT JOIN entities sp ON sp.id = s.speaker_entity_id "
                    "WHERE s.article_id = ? AND s.local_id = ?", (article_id, parent_local_id))
    return dict(zip(("statement_id", "local_id", "speaker", "cue"), rows[0])) if rows else None


def spans_of(st: dict[str, Any]) -> list[tuple[int, int]]:
    """The (start, end) offsets of the statement's speaker, cue and contents."""
    out = []
    for part in ("speaker", "cue", "content", "content2"):
        start, end = st.get(f"{part}_start"), st.get(f"{part}_end")
        if isinstance(start, int) and isinstance(end, int) and start < end:
            out.append((start, end))
    return out


def sentence_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence(s) that hold ``text[lo:hi]``, cut to ``SENTENCE_CHARS`` around it."""
    start = 0
    for m in _BOUNDARY.finditer(text, max(0, lo - SENTENCE_CHARS), lo):
        start = m.end()
    m = _BOUNDARY.search(text, max(lo, hi - 1))
    end = len(text) if m is None else (m.start() if m.group().startswith("\n") else m.end())
    while start < lo and text[start].isspace():
        start += 1
    return max(start, lo - SENTENCE_CHARS // 2), max(min(end, hi + SENTENCE_CHARS // 2), hi)


def context(text: str, st: dict[str, Any]) -> dict[str, Any] | None:
    """The statement's sentence and up to ``CONTEXT_CHARS`` either side (offsets into the article)."""
    spans = [(a, b) for a, b in spans_of(st) if b <= len(text)]
    if not spans:
        return None
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    s_start, s_end = sentence_bounds(text, lo, hi)
    before = text[max(0, s_start - CONTEXT_CHARS):s_start]
    after = text[s_end:s_end + CONTEXT_CHARS]
    return {"sentence_start": s_start, "sentence_end": s_end, "sentence": text[s_start:s_end],
            "before": before, "after": after, "cut_before": s_start - len(before) > 0,
            "cut_after": s_end + len(after) < len(text)}


def statement_answers(db: Database, statement_id: int, *, limit: int = 50, offset: int = 0) -> Page:
    """What the statement answers in other articles: the reports elsewhere that it rejects,
    confirms or responds to (claim links, mutual, are in ``statement_crosslinks``)."""
    total = int(db.scalar(f"SELECT count(*) {_ANSWER_JOINS}", (statement_id,)))
    cols, rows = db.query_table(f"SELECT {ANSWER_COLUMNS} {_ANSWER_JOINS} "
                                "ORDER BY oa.published IS NULL, oa.published, o.id LIMIT ? OFFSET ?",
                                (statement_id, limit, offset))
    return Page("What it answers in other articles", cols, rows, total, limit, offset)
