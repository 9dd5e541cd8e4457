-- onrecord corpus store, schema 3 (PostgreSQL): how each speaker was resolved (method, antecedent,
-- confidence, compound members) and the entity registry id of corpus entities.
-- speaker_confidence is DOUBLE PRECISION: the same 8-byte float as SQLite's REAL (PostgreSQL's REAL has 4).
ALTER TABLE statements ADD COLUMN speaker_resolution TEXT;
ALTER TABLE statements ADD COLUMN speaker_antecedent_start INTEGER;
ALTER TABLE statements ADD COLUMN speaker_antecedent_end INTEGER;
ALTER TABLE statements ADD COLUMN speaker_antecedent_text TEXT;
ALTER TABLE statements ADD COLUMN speaker_confidence DOUBLE PRECISION;
ALTER TABLE statements ADD COLUMN speaker_members TEXT;
ALTER TABLE entities ADD COLUMN registry_id TEXT;

CREATE INDEX entities_registry ON entities(registry_id);

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
       a.url           AS url
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN entities o ON o.id = a.outlet_id
LEFT JOIN entities sp ON sp.id = s.speaker_entity_id;

DROP VIEW speakers_view;
CREATE VIEW speakers_view AS
SELECT e.id AS entity_id,
       e.name AS speaker,
       e.type AS type,
       e.registry_id AS registry_id,
       count(*) AS n_statements,
       count(DISTINCT s.article_id) AS n_articles,
       count(DISTINCT a.outlet_id) AS n_outlets,
       min(a.published) AS first_published,
       max(a.published) AS last_published
FROM statements s
JOIN entities e ON e.id = s.speaker_entity_id
JOIN articles a ON a.id = s.article_id
WHERE e.type NOT IN ('group', 'document')
GROUP BY e.id, e.name, e.type, e.registry_id;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('entities', 'type', 'person, organization, media (outlets), place, group, document (a report or poll quoted as a speaker) or other. Groups and documents are never ranked among speakers.'),
('entities', 'registry_id', 'The entity registry''s id (a Wikidata QID such as Q22686, or onrecord:<slug>): the strongest matching key, two article entities with the same registry id are one corpus entity. NULL when the registry does not know it.'),
('entity_aliases', 'origin', 'lexicon (the shipped alias table), observed (a name seen in the corpus), outlet (an input outlet name), registry (a name the entity registry gives the entity''s registry_id) or surname (a one-word name merged into the only person with that last name).'),
('statements', 'speaker_resolution', 'How the speaker was resolved: name, surname, role, pronoun, quote-first-person, description, document-author, registry or group; NULL when unresolved (or ingested before schema 3).'),
('statements', 'speaker_antecedent_text', 'The mention the speaker was resolved through (e.g. the name a pronoun refers back to); speaker_antecedent_start/end are its offsets into articles.text. NULL when there is none.'),
('statements', 'speaker_antecedent_start', 'Character offset into articles.text where the antecedent mention starts (see speaker_antecedent_text).'),
('statements', 'speaker_antecedent_end', 'Character offset into articles.text where the antecedent mention ends (see speaker_antecedent_text).'),
('statements', 'speaker_confidence', 'The resolver''s confidence in the speaker, 0 to 1; NULL when not given.'),
('statements', 'speaker_members', 'For a compound speaker ("Obama and Ban Ki-moon said"): JSON list of the members'' canonical names; NULL otherwise.'),
('statements_view', '', 'Statements with date, canonical outlet, bias, canonical speaker (type, registry id, how it was resolved, confidence, antecedent, members), cue and title: the table to start from.'),
('speakers_view', '', 'Each speaker entity (groups and documents left out): registry id, statements, articles, outlets and date range.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
