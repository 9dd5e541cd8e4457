"""The explorer's questions about cross-article links (``cross_links``): who contradicted a
statement, a speaker or a quote, and who backed it.

A reply link (rejects, confirms, responds) answers its ``to`` statement; a claim link
(contradicts, supports) is mutual, so it answers both of its statements.
"""

from __future__ import annotations

from typing import Any

from onrecord.crosslinks.linktypes import LINK_TYPES
from onrecord.explorer.queries import Page
from onrecord.store.db import Database
from onrecord.store.errors import FilterError

SIDES = {"against": ("rejects", "contradicts"), "for": ("confirms", "supports"), "responds": ("responds",),
         "all": LINK_TYPES}
"""Which link types answer "who contradicted this" (against), "who backed it" (for)."""
_ANSWERS = (
    "SELECT l.to_statement_id AS mine, l.from_statement_id AS other, l.type, l.evidence_kind, l.evidence, "
    "l.score FROM cross_links l UNION ALL "
    "SELECT l.from_statement_id, l.to_statement_id, l.type, l.evidence_kind, l.evidence, l.score "
    "FROM cross_links l WHERE l.basis = 'claim'")
COLUMNS = (
    "x.type AS link_type, o.speaker_entity_id AS speaker_id, "
    "coalesce(osp.name, o.speaker_name, o.speaker_text) AS speaker, oa.published AS published, "
    "coalesce(oo.name, oa.outlet) AS outlet, oa.id AS article_id, oa.title AS title, oa.url AS url, "
    "o.id AS statement_id, o.cue AS cue, o.content AS content, m.id AS about_statement_id, "
    "coalesce(msp.name, m.speaker_name, m.speaker_text) AS about_speaker, ma.published AS about_published, "
    "m.article_id AS about_article_id, m.content AS about_content, x.evidence_kind AS evidence_kind, "
    "x.evidence AS evidence, x.score AS score")
_JOINS = (
    f"FROM ({_ANSWERS}) x JOIN statements m ON m.id = x.mine JOIN statements o ON o.id = x.other "
    "JOIN articles oa ON oa.id = o.article_id JOIN articles ma ON ma.id = m.article_id "
    "LEFT JOIN entities oo ON oo.id = oa.outlet_id LEFT JOIN entities osp ON osp.id = o.speaker_entity_id "
    "LEFT JOIN entities msp ON msp.id = m.speaker_entity_id")
TITLES = {"against": "Who contradicted {what}", "for": "Who backed {what}", "responds": "Who responded to {what}",
          "all": "Cross-article links to {what}"}


def _types(side: str) -> tuple[str, ...]:
    if side not in SIDES:
        raise FilterError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
    return SIDES[side]


def _page(db: Database, where: str, params: tuple[Any, ...], side: str, what: str, limit: int,
          offset: int) -> Page:
    types = _types(side)
    cond = f"{where} AND x.type IN ({', '.join('?' * len(types))})"
    args = (*params, *types)
    total = int(db.scalar(f"SELECT count(*) {_JOINS} WHERE {cond}", args))
    cols, rows = db.query_table(
        f"SELECT {COLUMNS} {_JOINS} WHERE {cond} "
        "ORDER BY oa.published IS NULL, oa.published, o.id, m.id LIMIT ? OFFSET ?", (*args, limit, offset))
    return Page(TITLES[side].format(what=what), cols, rows, total, limit, offset)


def statement_crosslinks(db: Database, statement_id: int, *, side: str = "all", limit: int = 50,
                         offset: int = 0) -> Page:
    """The statements in other articles that answer one statement (``side``: against, for,
    responds, all)."""
    return _page(db, "x.mine = ?", (statement_id,), side, "this statement", limit, offset)


def speaker_crosslinks(db: Database, speaker_id: int, *, side: str = "against", limit: int = 50,
                       offset: int = 0) -> Page:
    """The statements in other articles that answer what a speaker said."""
    return _page(db, "m.speaker_entity_id = ? AND coalesce(o.speaker_entity_id, -1) <> ?",
                 (speaker_id, speaker_id), side, "them", limit, offset)


def quote_crosslinks(db: Database, quote_id: str, *, side: str = "all", limit: int = 50,
                     offset: int = 0) -> Page:
    """The statements in other articles that answer any appearance of a quote."""
    return _page(db, "m.quote_id = ? AND coalesce(o.quote_id, '') <> ?", (quote_id, quote_id), side,
                 "this quote", limit, offset)


def statement_exists(db: Database, statement_id: int) -> bool:
    return db.scalar("SELECT count(*) FROM statements WHERE id = ?", (statement_id,)) > 0


def article_crosslinks(db: Database, article_id: int) -> dict[int, list[dict[str, Any]]]:
    """For each statement of an article, its links to other articles: ``answered_by`` (another
    article's statement answers it, or a claim link) and ``answers`` (it replies to one elsewhere)."""
    out: dict[int, list[dict[str, Any]]] = {}
    keys = ("mine", "type", "speaker_id", "speaker", "outlet", "published", "article_id", "statement_id")
    other = ("o.speaker_entity_id, coalesce(osp.name, o.speaker_name, o.speaker_text), coalesce(oo.name, oa.outlet), "
             "oa.published, oa.id, o.id")
    for row in db.query(f"SELECT x.mine, x.type, {other} {_JOINS} WHERE m.article_id = ? "
                        "ORDER BY oa.published, o.id", (article_id,)):
        out.setdefault(row[0], []).append({**dict(zip(keys, row)), "direction": "answered_by"})
    for row in db.query(
            f"SELECT l.from_statement_id, l.type, {other} FROM cross_links l "
            "JOIN statements m ON m.id = l.from_statement_id JOIN statements o ON o.id = l.to_statement_id "
            "JOIN articles oa ON oa.id = o.article_id LEFT JOIN entities oo ON oo.id = oa.outlet_id "
            "LEFT JOIN entities osp ON osp.id = o.speaker_entity_id "
            "WHERE m.article_id = ? AND l.basis = 'reply' ORDER BY oa.published, o.id", (article_id,)):
        out.setdefault(row[0], []).append({**dict(zip(keys, row)), "direction": "answers"})
    return out
