-- onrecord corpus store, schema 12 (sqlite): each statement carries its article's date, so a
-- speaker's statements come in date order straight from an index (statements_speaker_published)
-- and a page of them costs the page, not a sort of everything the speaker said (issue 12).  The
-- writer sets it; triggers keep it equal to articles.published when either side changes.
ALTER TABLE statements ADD COLUMN published TEXT;
UPDATE statements SET published = (SELECT a.published FROM articles a WHERE a.id = statements.article_id);
CREATE INDEX statements_speaker_published ON statements(speaker_entity_id, published, id);

CREATE TRIGGER articles_statements_published AFTER UPDATE OF published ON articles
WHEN old.published IS NOT new.published BEGIN
    UPDATE statements SET published = new.published WHERE article_id = new.id;
END;

CREATE TRIGGER statements_published_insert AFTER INSERT ON statements
WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN
    UPDATE statements SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id;
END;

CREATE TRIGGER statements_published_move AFTER UPDATE OF article_id, published ON statements
WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN
    UPDATE statements SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id;
END;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('statements', 'published', 'The article''s date (articles.published), kept equal by triggers; what date-ordered lists of a speaker''s statements read through statements_speaker_published.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
