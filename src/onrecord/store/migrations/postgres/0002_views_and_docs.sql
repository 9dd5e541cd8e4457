-- onrecord corpus store, schema 2: views for Datasette, pandas and the queries, and schema_docs.
CREATE VIEW statements_view AS
SELECT s.id            AS statement_id,
       a.id            AS article_id,
       a.published     AS published,
       coalesce(o.name, a.outlet) AS outlet,
       a.bias          AS bias,
       coalesce(sp.name, s.speaker_name) AS speaker,
       sp.type         AS speaker_type,
       s.speaker_text  AS speaker_text,
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

CREATE VIEW quote_spread AS
SELECT q.id AS quote_id,
       q.text AS text,
       count(DISTINCT s.article_id) AS n_articles,
       count(DISTINCT coalesce(a.outlet_id, -a.id)) AS n_outlets,
       min(a.published) AS first_published,
       max(a.published) AS last_published,
       (SELECT coalesce(o2.name, a2.outlet) FROM statements s2
          JOIN articles a2 ON a2.id = s2.article_id
          LEFT JOIN entities o2 ON o2.id = a2.outlet_id
         WHERE s2.quote_id = q.id
         ORDER BY a2.published IS NULL, a2.published, a2.id LIMIT 1) AS first_outlet
FROM quotes q
JOIN statements s ON s.quote_id = q.id
JOIN articles a ON a.id = s.article_id
GROUP BY q.id, q.text;

CREATE VIEW outlets_view AS
SELECT o.id AS entity_id,
       o.name AS outlet,
       max(a.bias) AS bias,
       count(*) AS n_articles,
       sum(a.n_statements) AS n_statements,
       sum(a.n_own_voice) AS n_own_voice,
       sum(a.words) AS words,
       min(a.published) AS first_published,
       max(a.published) AS last_published
FROM articles a JOIN entities o ON o.id = a.outlet_id
GROUP BY o.id, o.name;

CREATE VIEW speakers_view AS
SELECT e.id AS entity_id,
       e.name AS speaker,
       e.type AS type,
       count(*) AS n_statements,
       count(DISTINCT s.article_id) AS n_articles,
       count(DISTINCT a.outlet_id) AS n_outlets,
       min(a.published) AS first_published,
       max(a.published) AS last_published
FROM statements s
JOIN entities e ON e.id = s.speaker_entity_id
JOIN articles a ON a.id = s.article_id
GROUP BY e.id, e.name, e.type;

CREATE VIEW failures_view AS
SELECT reason, count(*) AS n, sum(attempts) AS attempts, min(source) AS example_source,
       min(detail) AS example_detail
FROM failures GROUP BY reason;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('schema_version', '', 'Applied migrations: one row per numbered SQL file (version, name, applied_at).'),
('schema_docs', '', 'This table: a description of every table, view and column.'),
('runs', '', 'One row per `onrecord ingest` run, with its counts; stats holds failures by reason, worker peak memory and timings (JSON).'),
('runs', 'status', 'running (or killed, if it never finished), done, or aborted.'),
('entities', '', 'Corpus-wide canonical entities: speakers, referents and outlets, merged across articles through entity_aliases.'),
('entities', 'type', 'person, organization, media (outlets), place, group or other.'),
('entities', 'key', 'The normalised canonical name (case, accents, punctuation and titles removed).'),
('entity_aliases', '', 'Every normalised surface name that resolves to an entity (Zelensky, Zelenskyy -> Volodymyr Zelenskyy).'),
('entity_aliases', 'origin', 'lexicon (the shipped alias table), observed (a name seen in the corpus) or outlet (an input outlet name).'),
('articles', '', 'One row per distinct article text; duplicates (same normalised text) are stored once.'),
('articles', 'content_hash', 'sha256 of the normalised text (NFKC, straight quotes, collapsed spaces, case-folded): the identity used to refuse duplicates.'),
('articles', 'ext_id', 'The id the input gave the article (JSON id, WARC-Record-ID, file name).'),
('articles', 'outlet', 'The outlet name as the input gave it; outlet_id is the canonical outlet entity.'),
('articles', 'published', 'Publication date, ISO 8601 (YYYY-MM-DD), or NULL when unknown or malformed (the raw value stays in meta).'),
('articles', 'bias', 'Outlet-level bias label from the input (AllSides: left, center, right).'),
('articles', 'words', 'Whitespace-separated words in text.'),
('articles', 'n_own_voice', 'Claims the article makes in its own voice (no attribution).'),
('articles', 'source', 'The input file (- for stdin); locator is where in it (line, row, WARC record).'),
('articles', 'meta', 'Every other field of the input record (JSON).'),
('articles', 'text', 'The article text that was analysed; statement offsets point into it.'),
('inputs', '', 'Every input record already ingested (new or duplicate), so that re-running skips it before extraction.'),
('inputs', 'input_key', 'content_hash for text inputs; sha256 of the raw bytes for HTML pages.'),
('failures', '', 'Inputs that could not be read or extracted, with the reason; re-running retries them and removes them once they succeed.'),
('failures', 'reason', 'bad-encoding, bad-json, bad-csv, not-a-record, no-text, empty-text, bad-html, corrupt-file, corrupt-warc, unreadable, extraction-error, worker-crashed.'),
('article_entities', '', 'The entities an article mentions (its own local ids) and the corpus entity each resolves to; mentions holds the spans (JSON).'),
('quotes', '', 'Direct quotes grouped across articles: the same words in the same order (case, punctuation and quote marks ignored), at least 4 words.'),
('quotes', 'id', 'Public id of the quote group (q + 16 hex digits); use it with `onrecord spread`.'),
('quotes', 'text', 'The quote as first stored.'),
('statements', '', 'One attribution: speaker -> cue -> content, as in the onrecord.article/1 contract.'),
('statements', 'local_id', 'The statement id inside its article (s1, s2, ...); parent_local_id refers to another one.'),
('statements', 'speaker_text', 'The speaker as written; speaker_name as resolved in the article; speaker_entity_id the corpus entity.'),
('statements', 'cue_class', 'Framing class of the cue: neutral, assertive, tentative, contested, denial, confirmation or report.'),
('statements', 'kind', 'direct (quoted), indirect (reported) or mixed.'),
('statements', 'content', 'What was said; content_start/content_end are character offsets into articles.text.'),
('statements', 'time_value', 'When it was said, ISO 8601 day, week, month or year (time_granularity), resolved against the publication date.'),
('statements', 'quote_id', 'The quote group of its direct-quote text, if any.'),
('statements', 'speaker_start', 'Character offsets into articles.text: speaker_start/end, cue_start/end, content_start/end, content2_start/end, time_start/end.'),
('statements_fts', '', 'SQLite only: FTS5 index over statements.content (porter stemming); PostgreSQL uses statements.content_tsv with a GIN index.'),
('replies', '', 'Statement -> earlier statement it answers, with type rejects, confirms or responds.'),
('own_voice', '', 'Claims made by the article itself, with character offsets into articles.text.'),
('statements_view', '', 'Statements with date, canonical outlet, bias, canonical speaker, cue and title: the table to start from.'),
('quote_spread', '', 'Each quote group: how many articles and outlets carry it, first and last date, first outlet.'),
('outlets_view', '', 'Each outlet: articles, statements, own-voice claims, words and date range.'),
('speakers_view', '', 'Each speaker entity: statements, articles, outlets and date range.'),
('failures_view', '', 'Failures counted by reason, with an example.');
