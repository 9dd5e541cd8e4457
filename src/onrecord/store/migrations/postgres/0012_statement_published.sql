-- onrecord corpus store, schema 12 (postgres): each statement carries its article's date, so a
-- speaker's statements come in date order straight from an index (statements_speaker_published)
-- and a page of them costs the page, not a sort of everything the speaker said (issue 12).  The
-- writer sets it; triggers keep it equal to articles.published when either side changes.
ALTER TABLE statements ADD COLUMN published TEXT;
UPDATE statements s SET published = a.published FROM articles a WHERE a.id = s.article_id;
CREATE INDEX statements_speaker_published ON statements(speaker_entity_id, published, id);

CREATE FUNCTION articles_statements_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published IS DISTINCT FROM NEW.published THEN
        UPDATE statements SET published = NEW.published WHERE article_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_statements_published AFTER UPDATE OF published ON articles
FOR EACH ROW EXECUTE FUNCTION articles_statements_published();

-- Before a statement is written: its date is its article's, whatever the writer gave.
CREATE FUNCTION statements_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.published := (SELECT published FROM articles WHERE id = NEW.article_id);
    RETURN NEW;
END $$;

CREATE TRIGGER statements_published BEFORE INSERT OR UPDATE OF article_id, published ON statements
FOR EACH ROW EXECUTE FUNCTION statements_published();

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('statements', 'published', 'The article''s date (articles.published), kept equal by triggers; what date-ordered lists of a speaker''s statements read through statements_speaker_published.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
