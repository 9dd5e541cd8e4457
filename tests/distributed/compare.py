"""A corpus as sets of natural keys (no integer ids), to compare two databases row for row."""

from __future__ import annotations

from onrecord.store.db import Database

QUERIES = {
    "articles": "SELECT content_hash, ext_id, title, outlet, published, url, bias, words, n_statements, "
                "n_own_voice, meta, outlet_raw, outlet_section, topic, (SELECT key FROM entities e WHERE e.id = a.outlet_id) "
                "FROM articles a",
    "authors": "SELECT a.content_hash, x.position, x.name, x.name_key FROM article_authors x "
               "JOIN articles a ON a.id = x.article_id",
    "statements": "SELECT a.content_hash, s.local_id, s.speaker_text, s.speaker_name, e.key, s.speaker_resolution, "
                  "s.speaker_confidence, s.speaker_members, s.cue, s.cue_class, s.kind, s.content, s.content2, "
                  "s.parent_local_id, s.time_value, s.quote_id, s.modality_kind "
                  "FROM statements s JOIN articles a ON a.id = s.article_id "
                  "LEFT JOIN entities e ON e.id = s.speaker_entity_id",
    "entities": "SELECT key, name, type, registry_id FROM entities",
    "aliases": "SELECT x.alias_key, x.alias, e.key, x.origin FROM entity_aliases x JOIN entities e ON e.id = x.entity_id",
    "article_entities": "SELECT a.content_hash, x.local_id, e.key, x.name, x.type, x.n_mentions, x.mentions "
                        "FROM article_entities x JOIN articles a ON a.id = x.article_id "
                        "LEFT JOIN entities e ON e.id = x.entity_id",
    "quotes": "SELECT id, hash, text, words FROM quotes",
    "copies": "SELECT c.copy_key, a.content_hash, c.outlet, c.published, c.title, c.url FROM copies c "
              "JOIN articles a ON a.id = c.article_id",
    "inputs": "SELECT i.input_key, a.content_hash FROM inputs i LEFT JOIN articles a ON a.id = i.article_id",
    "failures": "SELECT input_key, reason, detail FROM failures",
    "replies": "SELECT a.content_hash, s.local_id, t.local_id, r.type FROM replies r "
               "JOIN statements s ON s.id = r.statement_id JOIN statements t ON t.id = r.target_statement_id "
               "JOIN articles a ON a.id = s.article_id",
    "cross_links": "SELECT a.content_hash, s.local_id, b.content_hash, t.local_id, x.type, x.basis, x.evidence_kind, x.score "
                   "FROM cross_links x JOIN statements s ON s.id = x.from_statement_id "
                   "JOIN statements t ON t.id = x.to_statement_id "
                   "JOIN articles a ON a.id = s.article_id JOIN articles b ON b.id = t.article_id",
    "own_voice": "SELECT a.content_hash, o.start_char, o.end_char, o.text FROM own_voice o "
                 "JOIN articles a ON a.id = o.article_id",
}


def corpus_keys(db: Database) -> dict[str, list[tuple]]:
    """Every table as a sorted list of natural-key rows."""
    return {name: sorted(db.query(sql), key=repr) for name, sql in QUERIES.items()}


def differences(a: Database, b: Database) -> dict[str, tuple[int, int, list]]:
    """Tables that differ: (rows in a, rows in b, a few rows only in one of them)."""
    ka, kb = corpus_keys(a), corpus_keys(b)
    out = {}
    for name in QUERIES:
        if ka[name] != kb[name]:
            only = [("a", r) for r in ka[name] if r not in kb[name]][:3] + [("b", r) for r in kb[name] if r not in ka[name]][:3]
            out[name] = (len(ka[name]), len(kb[name]), only)
    return out
