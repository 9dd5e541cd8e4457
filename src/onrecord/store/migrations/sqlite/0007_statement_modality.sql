-- onrecord corpus store, schema 7 (SQLite): the modality of every statement (issue 10):
-- negated, hypothetical, future, question (0 or 1) and kind (speech, finding, document, intent);
-- NULL in rows ingested before schema 7.
ALTER TABLE statements ADD COLUMN modality_negated INTEGER;
ALTER TABLE statements ADD COLUMN modality_hypothetical INTEGER;
ALTER TABLE statements ADD COLUMN modality_future INTEGER;
ALTER TABLE statements ADD COLUMN modality_question INTEGER;
ALTER TABLE statements ADD COLUMN modality_kind TEXT;

CREATE INDEX statements_modality_kind ON statements(modality_kind);

DROP VIEW statements_view;
CREATE VIEW statements_view AS
SELECT s.id            AS statement_id,
       a.id            AS article_id,
       a.published     AS published,
       coalesce(o.name, a.outlet) AS outlet,
       a.bias          AS bias,
       coalesce(sp.name, s.speaker_name) AS speaker,
       sp.type         AS speaker_type,
       sp.registry_id  AS speaker_registry_id,
       s.speaker_text  AS speaker_text,
       s.speaker_resolution AS speaker_resolution,
       s.speaker_confidence AS speaker_confidence,
       s.speaker_antecedent_text AS speaker_antecedent,
       s.speaker_members AS speaker_members,
       s.cue           AS cue,
       s.cue_lemma     AS cue_lemma,
       s.cue_class     AS cue_class,
       s.kind          AS kind,
       s.content       AS content,
       s.time_value    AS said_on,
       s.quote_id      AS quote_id,
       a.title         AS title,
       a.url           AS url,
       s.modality_negated      AS negated,
       s.modality_hypothetical AS hypothetical,
       s.modality_future       AS future,
       s.modality_question     AS question,
       s.modality_kind         AS modality_kind
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN entities o ON o.id = a.outlet_id
LEFT JOIN entities sp ON sp.id = s.speaker_entity_id;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('statements', 'modality_negated', '1 when a grammatical negator is on the cue or its auxiliaries ("did not say", "could not confirm"; a denial is a cue class, not a negation), else 0; NULL when ingested before schema 7.'),
('statements', 'modality_hypothetical', '1 when the cue has a would/could/might/may/should modal ("would say"; not "would not say", a refusal) or is under an if/unless clause ("if asked, he said"), else 0; NULL before schema 7.'),
('statements', 'modality_future', '1 when the statement is still to be made ("will say", "is expected to announce", "plans to say"), else 0; NULL before schema 7.'),
('statements', 'modality_question', '1 when the content is a question (it ends with "?", or the cue is "wondered" / "asked whether"), else 0; NULL before schema 7.'),
('statements', 'modality_kind', 'What speaks: speech (a person or organisation said it), finding (a poll, survey, study, report or data showed it), document (a letter''s, filing''s or statement''s wording) or intent (a stated intent: "plans to", "wants to"); NULL before schema 7.'),
('statements_view', '', 'Statements with date, canonical outlet, bias, canonical speaker (type, registry id, how it was resolved, confidence, antecedent, members), cue, title and modality (negated, hypothetical, future, question, modality_kind): the table to start from.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
