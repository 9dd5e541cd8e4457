-- onrecord corpus store, schema 8 (PostgreSQL): statements linked across articles (issue 10):
-- a reply to a report published elsewhere, and agreement or contradiction on one claim.
-- Written by `onrecord link` (and after every ingest); rebuilt whole each time.
CREATE TABLE cross_links (
    from_statement_id BIGINT NOT NULL REFERENCES statements(id),
    to_statement_id   BIGINT NOT NULL REFERENCES statements(id),
    type              TEXT NOT NULL,
    basis             TEXT NOT NULL,
    evidence_kind     TEXT NOT NULL,
    evidence          TEXT NOT NULL,
    score             REAL NOT NULL,
    PRIMARY KEY (from_statement_id, to_statement_id)
);
CREATE INDEX cross_links_to ON cross_links(to_statement_id);
CREATE INDEX cross_links_type ON cross_links(type);

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('cross_links', '', 'Statements linked across articles (onrecord.crosslinks): from a later statement to the earlier one in another article that it answers, backs or contradicts. Rebuilt whole by `onrecord link` and after each ingest.'),
('cross_links', 'type', 'rejects, confirms or responds (a reply to a report published elsewhere); contradicts or supports (two speakers on one claim).'),
('cross_links', 'basis', 'reply (the from statement answers a report, named in its own article, that the to statement carries) or claim (both state the same proposition).'),
('cross_links', 'evidence_kind', 'How the link was found: reply+quote (the answered words are the same quote group), reply+source (same speaker as the answered report, overlapping words), claim+quote (same quote group) or claim+overlap (strong overlap of content words).'),
('cross_links', 'evidence', 'Why, in words: the cue, the reply marker, the polarity and the shared content words.'),
('cross_links', 'score', 'Strength of the match, 0 to 1: the share of the shorter content''s words found in the other (1 for one quote group).')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
