-- onrecord corpus store, schema 9 (sqlite): clean metadata (issue 10).  articles.outlet is the
-- canonical outlet (onrecord.sources.outlets, lexicons/outlet_names.tsv); the name as given is kept
-- in outlet_raw and the outlet's section (opinion, editorial, online, ...) in outlet_section; the
-- input's topic (AllSides) in topic; bylines in article_authors.  Rows from before it keep their
-- outlet as given (outlet_raw = outlet) and take their topic from meta.
ALTER TABLE articles ADD COLUMN outlet_raw TEXT;
ALTER TABLE articles ADD COLUMN outlet_section TEXT;
ALTER TABLE articles ADD COLUMN topic TEXT;
ALTER TABLE copies ADD COLUMN outlet_raw TEXT;
ALTER TABLE copies ADD COLUMN outlet_section TEXT;
UPDATE articles SET outlet_raw = outlet WHERE outlet_raw IS NULL;
UPDATE copies SET outlet_raw = outlet WHERE outlet_raw IS NULL;
UPDATE articles SET topic = json_extract(meta, '$.topic') WHERE topic IS NULL AND meta IS NOT NULL AND CASE WHEN json_valid(meta) THEN json_type(meta, '$.topic') END = 'text';
CREATE INDEX articles_topic ON articles(topic);
CREATE INDEX articles_outlet_section ON articles(outlet_section);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_name_key ON article_authors(name_key);

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('articles', 'outlet', 'The canonical outlet (sections and spellings merged by lexicons/outlet_names.tsv; a columnist filed as an outlet gives way to the outlet of the article''s web domain, or none).'),
('articles', 'outlet_raw', 'The outlet name as the input gave it (schema 9; older rows: the stored outlet).'),
('articles', 'outlet_section', 'The outlet''s section the raw name stated: news, online, opinion, editorial, blog, fact-check or feature; NULL when it stated none.'),
('articles', 'topic', 'The topic the input gave (AllSides topics such as immigration, elections).'),
('copies', 'outlet_raw', 'The copy''s outlet name as given.'),
('copies', 'outlet_section', 'The copy''s outlet section (see articles.outlet_section).'),
('article_authors', '', 'Bylines of an article in order: the input''s author field, a columnist filed as an outlet first.'),
('article_authors', 'name', 'The author''s name as given.'),
('article_authors', 'name_key', 'The name case-folded with spaces collapsed: what the author filter matches.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
