"""The corpus rows the linking reads: statements with their article's date and outlet, and
the within-article replies.  Everything else in the package works on these plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from onrecord.store.db import Database, stream_rows


@dataclass(frozen=True, slots=True)
class Row:
    """One statement as the linking sees it."""

    id: int
    article_id: int
    published: date | None
    outlet_id: int | None
    speaker_id: int | None
    speaker: str
    cue: str
    cue_lemma: str
    cue_class: str
    content: str
    quote_id: str | None = None
    negated: bool = False
    hypothetical: bool = False
    question: bool = False
    kind: str = "speech"
    nested: bool = False
    start: int = 0
    end: int = 0
    """Where the statement's speaker, cue and contents lie in its article (min and max offsets)."""
    content_start: int | None = None
    speaker_text: str | None = None
    speaker_end: int | None = None
    cue_start: int | None = None


@dataclass(frozen=True, slots=True)
class ReplyRow:
    """A reply found inside one article (table ``replies``)."""

    statement_id: int
    target_id: int
    type: str


_SELECT = (
    "SELECT s.id, s.article_id, a.published, a.outlet_id, s.speaker_entity_id, "
    "coalesce(e.name, s.speaker_name, s.speaker_text, ''), s.cue, coalesce(s.cue_lemma, ''), "
    "coalesce(s.cue_class, ''), s.content, s.content2, s.quote_id, s.modality_negated, "
    "s.modality_hypothetical, s.modality_question, s.modality_kind, s.parent_local_id, "
    "s.speaker_start, s.cue_start, s.content_start, s.content_end, s.content2_end, s.speaker_text, s.speaker_end "
    "FROM statements s JOIN articles a ON a.id = s.article_id "
    "LEFT JOIN entities e ON e.id = s.speaker_entity_id ORDER BY s.id")


def parse_day(value: str | None) -> date | None:
    """An ISO day (or the first day of a month or year); None when missing or malformed."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(nums[0], nums[1], nums[2])
    except (ValueError, IndexError):
        return None


def load_rows(db: Database) -> list[Row]:
    """Every statement of the corpus, in id order."""
    out = []
    _cols, chunks = stream_rows(db, _SELECT)
    for chunk in chunks:
        for r in chunk:
            (sid, aid, published, outlet, speaker_id, speaker, cue, lemma, cls, content, content2, quote,
             neg, hyp, question, kind, parent, sp_start, cue_start, c_start, c_end, c2_end, speaker_text, sp_end) = r
            text = f"{content} {content2}" if content2 else content
            starts = [x for x in (sp_start, cue_start, c_start) if x is not None]
            ends = [x for x in (c_end, c2_end, cue_start) if x is not None]
            out.append(Row(sid, aid, parse_day(published), outlet, speaker_id, speaker, cue, lemma.lower(),
                           cls, text or "", quote, bool(neg), bool(hyp), bool(question), kind or "speech",
                           parent is not None, min(starts, default=0), max(ends, default=0), c_start,
                           speaker_text, sp_end, cue_start))
    return out


def load_replies(db: Database) -> list[ReplyRow]:
    """Every within-article reply."""
    return [ReplyRow(*r) for r in db.query("SELECT statement_id, target_statement_id, type FROM replies")]


def article_text(db: Database, article_id: int) -> str:
    """An article's text ('' when it has none)."""
    return db.scalar("SELECT text FROM articles WHERE id = ?", (article_id,)) or ""
