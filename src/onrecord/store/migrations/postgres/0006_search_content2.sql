-- onrecord corpus store, schema 6 (PostgreSQL): full-text search covers both parts of a quote
-- split around its cue ("content2"), not only the first.
DROP INDEX statements_content_tsv;
ALTER TABLE statements DROP COLUMN content_tsv;
ALTER TABLE statements ADD COLUMN content_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', content || ' ' || coalesce(content2, ''))) STORED;
CREATE INDEX statements_content_tsv ON statements USING GIN (content_tsv);
UPDATE schema_docs SET description = 'SQLite only: FTS5 index over statements.content and content2 (porter stemming); PostgreSQL uses statements.content_tsv with a GIN index.'
WHERE table_name = 'statements_fts' AND column_name = '';
