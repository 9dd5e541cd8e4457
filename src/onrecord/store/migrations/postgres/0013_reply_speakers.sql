-- onrecord corpus store, schema 13 (postgres): each reply link carries the speakers of its two
-- statements, so "who replies to them" and "whom they reply to" read a speaker's own replies
-- through an index instead of probing every statement of a heavily quoted speaker (issue 12).
-- Triggers fill them when a reply is stored and follow a statement's speaker when it changes.
ALTER TABLE replies ADD COLUMN speaker_entity_id BIGINT;
ALTER TABLE replies ADD COLUMN target_speaker_entity_id BIGINT;
UPDATE replies r SET speaker_entity_id = s.speaker_entity_id, target_speaker_entity_id = t.speaker_entity_id
FROM statements s, statements t WHERE s.id = r.statement_id AND t.id = r.target_statement_id;
CREATE INDEX replies_speaker ON replies(speaker_entity_id);
CREATE INDEX replies_target_speaker ON replies(target_speaker_entity_id);

CREATE FUNCTION replies_speakers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.speaker_entity_id := (SELECT speaker_entity_id FROM statements WHERE id = NEW.statement_id);
    NEW.target_speaker_entity_id := (SELECT speaker_entity_id FROM statements WHERE id = NEW.target_statement_id);
    RETURN NEW;
END $$;

CREATE TRIGGER replies_speakers BEFORE INSERT OR UPDATE OF statement_id, target_statement_id ON replies
FOR EACH ROW EXECUTE FUNCTION replies_speakers();

CREATE FUNCTION statements_reply_speakers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.speaker_entity_id IS DISTINCT FROM NEW.speaker_entity_id THEN
        UPDATE replies SET speaker_entity_id = NEW.speaker_entity_id WHERE statement_id = NEW.id;
        UPDATE replies SET target_speaker_entity_id = NEW.speaker_entity_id WHERE target_statement_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER statements_reply_speakers AFTER UPDATE OF speaker_entity_id ON statements
FOR EACH ROW EXECUTE FUNCTION statements_reply_speakers();

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('replies', 'speaker_entity_id', 'The speaker entity of statement_id (kept by triggers).'),
('replies', 'target_speaker_entity_id', 'The speaker entity of target_statement_id (kept by triggers).')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
