-- onrecord corpus store, schema 4 (SQLite): syndicated copies, counted by spread and outlet statistics.
CREATE TABLE copies (
    id          INTEGER PRIMARY KEY,
    copy_key    TEXT NOT NULL UNIQUE,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    ext_id      TEXT,
    title       TEXT,
    outlet      TEXT,
    outlet_id   INTEGER REFERENCES entities(id),
    published   TEXT,
    url         TEXT,
    bias        TEXT,
    source      TEXT,
    locator     TEXT,
    meta        TEXT,
    run_id      INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX copies_article ON copies(article_id);
CREATE INDEX copies_outlet ON copies(outlet_id);

-- every place an article appeared: the article itself and each of its copies
CREATE VIEW article_occurrences AS
SELECT 'a' || a.id AS occurrence_id, a.id AS article_id, NULL AS copy_id, a.outlet_id AS outlet_id,
       a.outlet AS outlet, a.published AS published, a.bias AS bias, a.title AS title, a.url AS url
FROM articles a
UNION ALL
SELECT 'c' || c.id, c.article_id, c.id, c.outlet_id, c.outlet, c.published, c.bias, c.title, c.url
FROM copies c;

DROP VIEW quote_spread;
CREATE VIEW quote_spread AS
SELECT q.id AS quote_id,
       q.text AS text,
       count(DISTINCT x.occurrence_id) AS n_articles,
       count(DISTINCT coalesce('o' || x.outlet_id, x.occurrence_id)) AS n_outlets,
       min(x.published) AS first_published,
       max(x.published) AS last_published,
       (SELECT coalesce(o2.name, x2.outlet) FROM statements s2
          JOIN article_occurrences x2 ON x2.article_id = s2.article_id
          LEFT JOIN entities o2 ON o2.id = x2.outlet_id
         WHERE s2.quote_id = q.id
         ORDER BY x2.published IS NULL, x2.published, x2.article_id, x2.copy_id IS NOT NULL, x2.copy_id
         LIMIT 1) AS first_outlet
FROM quotes q
JOIN statements s ON s.quote_id = q.id
JOIN article_occurrences x ON x.article_id = s.article_id
GROUP BY q.id, q.text;

DROP VIEW outlets_view;
CREATE VIEW outlets_view AS
SELECT o.id AS entity_id,
       o.name AS outlet,
       max(x.bias) AS bias,
       count(*) AS n_articles,
       sum(a.n_statements) AS n_statements,
       sum(a.n_own_voice) AS n_own_voice,
       sum(a.words) AS words,
       min(x.published) AS first_published,
       max(x.published) AS last_published,
       sum(CASE WHEN x.copy_id IS NULL THEN 0 ELSE 1 END) AS n_copies
FROM article_occurrences x JOIN articles a ON a.id = x.article_id JOIN entities o ON o.id = x.outlet_id
GROUP BY o.id, o.name;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('copies', '', 'Syndicated copies: an article text seen again under another outlet or date. The text and its statements are stored once (article_id); the copy keeps its own outlet, date, title and URL, and spread and outlet statistics count it.'),
('copies', 'copy_key', 'Hash of the content hash, the outlet''s normalised name and the date: the same copy read again adds nothing.'),
('articles', '', 'One row per distinct article text; the same text again with the same outlet and date is a duplicate (stored once), with another outlet or date a copy (see copies).'),
('article_occurrences', '', 'Every appearance of an article: the article itself (copy_id NULL) and each of its copies, with their own outlet, date, bias, title and URL.'),
('quote_spread', '', 'Each quote group: how many article appearances (copies included) and outlets carry it, first and last date, first outlet.'),
('outlets_view', '', 'Each outlet: articles (its copies of other outlets'' texts included, n_copies of them), statements, own-voice claims, words and date range.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;

-- the example of each failure reason is one row's source with that same row's detail
DROP VIEW failures_view;
CREATE VIEW failures_view AS
SELECT f.reason AS reason, count(*) AS n, sum(f.attempts) AS attempts,
       (SELECT e.source FROM failures e WHERE e.reason = f.reason
         ORDER BY e.source, e.locator, e.input_key LIMIT 1) AS example_source,
       (SELECT e.detail FROM failures e WHERE e.reason = f.reason
         ORDER BY e.source, e.locator, e.input_key LIMIT 1) AS example_detail
FROM failures f GROUP BY f.reason;
