-- onrecord corpus store, schema 13 (sqlite): each reply link carries the speakers of its two
-- statements, so "who replies to them" and "whom they reply to" read a speaker's own replies
-- through an index instead of probing every statement of a heavily quoted speaker (issue 12).
-- Triggers fill them when a reply is stored and follow a statement's speaker when it changes.
ALTER TABLE replies ADD COLUMN speaker_entity_id INTEGER;
ALTER TABLE replies ADD COLUMN target_speaker_entity_id INTEGER;
UPDATE replies SET speaker_entity_id = (SELECT speaker_entity_id FROM statements WHERE id = replies.statement_id),
                   target_speaker_entity_id = (SELECT speaker_entity_id FROM statements WHERE id = replies.target_statement_id);
CREATE INDEX replies_speaker ON replies(speaker_entity_id);
CREATE INDEX replies_target_speaker ON replies(target_speaker_entity_id);

CREATE TRIGGER replies_speakers_insert AFTER INSERT ON replies BEGIN
    UPDATE replies SET speaker_entity_id = (SELECT speaker_entity_id FROM statements WHERE id = new.statement_id),
                       target_speaker_entity_id = (SELECT speaker_entity_id FROM statements WHERE id = new.target_statement_id)
    WHERE statement_id = new.statement_id AND target_statement_id = new.target_statement_id;
END;

CREATE TRIGGER statements_reply_speakers AFTER UPDATE OF speaker_entity_id ON statements
WHEN old.speaker_entity_id IS NOT new.speaker_entity_id BEGIN
    UPDATE replies SET speaker_entity_id = new.speaker_entity_id WHERE statement_id = new.id;
    UPDATE replies SET target_speaker_entity_id = new.speaker_entity_id WHERE target_statement_id = new.id;
END;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('replies', 'speaker_entity_id', 'The speaker entity of statement_id (kept by triggers).'),
('replies', 'target_speaker_entity_id', 'The speaker entity of target_statement_id (kept by triggers).')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
