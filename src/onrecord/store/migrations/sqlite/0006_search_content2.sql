-- onrecord corpus store, schema 6 (SQLite): full-text search covers both parts of a quote split
-- around its cue ("content2"), not only the first.
DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TRIGGER statements_fts_update;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content2, content='statements', content_rowid='id', tokenize='porter unicode61');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content, content2) VALUES (new.id, new.content, new.content2);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content, content2)
    VALUES ('delete', old.id, old.content, old.content2);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, content2 ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content, content2)
    VALUES ('delete', old.id, old.content, old.content2);
    INSERT INTO statements_fts(rowid, content, content2) VALUES (new.id, new.content, new.content2);
END;
UPDATE schema_docs SET description = 'SQLite only: FTS5 index over statements.content and content2 (porter stemming); PostgreSQL uses statements.content_tsv with a GIN index.'
WHERE table_name = 'statements_fts' AND column_name = '';
