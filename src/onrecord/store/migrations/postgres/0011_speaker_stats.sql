-- onrecord corpus store, schema 11 (postgres): per-speaker aggregates (issue 12).  The speaker
-- page, its timeline shares and the speaker ranking read these instead of a pass over a speaker's
-- statements: speaker_months (statements per month and cue class), speaker_outlets (per outlet,
-- bias and cue class) and speaker_totals (statements, distinct articles).  Triggers on
-- statements and articles keep them exact under every write (ingest, load, entity merges and
-- clean-ups); an unknown month, bias or cue class is stored as '', no outlet as 0.  Writers hold
-- the schema's advisory write lock, so the upserts never deadlock.
DROP INDEX IF EXISTS statements_speaker;
CREATE INDEX IF NOT EXISTS statements_speaker_article ON statements(speaker_entity_id, article_id);
-- "Who replies to them" starts from the speaker's statements and looks up replies by target.
CREATE INDEX IF NOT EXISTS replies_target ON replies(target_statement_id);

CREATE TABLE speaker_months (
    speaker_entity_id BIGINT NOT NULL,
    month             TEXT NOT NULL,
    cue_class         TEXT NOT NULL,
    statements        BIGINT NOT NULL,
    PRIMARY KEY (speaker_entity_id, month, cue_class)
);

CREATE TABLE speaker_outlets (
    speaker_entity_id BIGINT NOT NULL,
    outlet_id         BIGINT NOT NULL,
    bias              TEXT NOT NULL,
    cue_class         TEXT NOT NULL,
    statements        BIGINT NOT NULL,
    PRIMARY KEY (speaker_entity_id, outlet_id, bias, cue_class)
);

CREATE TABLE speaker_totals (
    speaker_entity_id BIGINT PRIMARY KEY,
    statements        BIGINT NOT NULL,
    articles          BIGINT NOT NULL
);
CREATE INDEX speaker_totals_statements ON speaker_totals(statements);

INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
SELECT s.speaker_entity_id, coalesce(substr(a.published, 1, 7), ''), coalesce(s.cue_class, ''), count(*)
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.speaker_entity_id IS NOT NULL GROUP BY 1, 2, 3;

INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
SELECT s.speaker_entity_id, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(s.cue_class, ''), count(*)
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.speaker_entity_id IS NOT NULL GROUP BY 1, 2, 3, 4;

INSERT INTO speaker_totals (speaker_entity_id, statements, articles)
SELECT speaker_entity_id, count(*), count(DISTINCT article_id) FROM statements
WHERE speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id;

-- Statement triggers are statement-level with transition tables: PostgreSQL runs AFTER triggers
-- once the whole statement is done, so per-row "does another statement of this speaker and
-- article exist" checks would all see the final state.  Each trigger turns its rows into deltas
-- (speaker, article, cue class, +1 or -1) and speaker_stats_apply adds them up.
CREATE TYPE speaker_delta AS (speaker BIGINT, article BIGINT, cls TEXT, n INTEGER);

CREATE FUNCTION speaker_stats_apply(d speaker_delta[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT x.speaker, coalesce(substr(a.published, 1, 7), ''), coalesce(x.cls, ''), sum(x.n)
    FROM unnest(d) x JOIN articles a ON a.id = x.article
    GROUP BY 1, 2, 3 HAVING sum(x.n) <> 0
    ON CONFLICT (speaker_entity_id, month, cue_class)
    DO UPDATE SET statements = speaker_months.statements + excluded.statements;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT x.speaker, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(x.cls, ''), sum(x.n)
    FROM unnest(d) x JOIN articles a ON a.id = x.article
    GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class)
    DO UPDATE SET statements = speaker_outlets.statements + excluded.statements;
    -- A pair's statements now (the statement is done) minus its delta are its statements before.
    INSERT INTO speaker_totals (speaker_entity_id, statements, articles)
    SELECT speaker, sum(dn), sum((now_n > 0)::int - (now_n - dn > 0)::int)
    FROM (SELECT p.speaker, p.dn, (SELECT count(*) FROM statements s WHERE s.speaker_entity_id = p.speaker
                                   AND s.article_id = p.article) AS now_n
          FROM (SELECT speaker, article, sum(n) AS dn FROM unnest(d) GROUP BY 1, 2) p) pairs
    GROUP BY speaker
    ON CONFLICT (speaker_entity_id) DO UPDATE SET statements = speaker_totals.statements + excluded.statements,
                                                  articles = speaker_totals.articles + excluded.articles;
    DELETE FROM speaker_months WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker FROM unnest(d) WHERE n < 0);
    DELETE FROM speaker_outlets WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker FROM unnest(d) WHERE n < 0);
    DELETE FROM speaker_totals WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker FROM unnest(d) WHERE n < 0);
$$;

CREATE FUNCTION statements_speaker_stats_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM speaker_stats_apply(ARRAY(
        SELECT ROW(speaker_entity_id, article_id, cue_class, 1)::speaker_delta FROM new_rows
        WHERE speaker_entity_id IS NOT NULL));
    RETURN NULL;
END $$;

CREATE FUNCTION statements_speaker_stats_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM speaker_stats_apply(ARRAY(
        SELECT ROW(speaker_entity_id, article_id, cue_class, -1)::speaker_delta FROM old_rows
        WHERE speaker_entity_id IS NOT NULL));
    RETURN NULL;
END $$;

CREATE FUNCTION statements_speaker_stats_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM speaker_stats_apply(ARRAY(
        SELECT ROW(d.speaker, d.article, d.cls, d.n)::speaker_delta
        FROM old_rows o JOIN new_rows w ON w.id = o.id,
             LATERAL (VALUES (o.speaker_entity_id, o.article_id, o.cue_class, -1),
                             (w.speaker_entity_id, w.article_id, w.cue_class, 1)) AS d(speaker, article, cls, n)
        WHERE d.speaker IS NOT NULL
          AND (o.speaker_entity_id IS DISTINCT FROM w.speaker_entity_id OR o.article_id <> w.article_id
               OR o.cue_class IS DISTINCT FROM w.cue_class)));
    RETURN NULL;
END $$;

CREATE TRIGGER statements_speaker_stats_insert AFTER INSERT ON statements
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_speaker_stats_insert();
CREATE TRIGGER statements_speaker_stats_delete AFTER DELETE ON statements
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_speaker_stats_delete();
CREATE TRIGGER statements_speaker_stats_update AFTER UPDATE ON statements
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
EXECUTE FUNCTION statements_speaker_stats_update();

-- An article's date, outlet or bias changed (outlet merges, re-normalising): its statements move.
CREATE FUNCTION articles_speaker_stats() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published IS NOT DISTINCT FROM NEW.published AND OLD.outlet_id IS NOT DISTINCT FROM NEW.outlet_id
       AND OLD.bias IS NOT DISTINCT FROM NEW.bias THEN
        RETURN NULL;
    END IF;
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT speaker_entity_id, k.month, coalesce(cue_class, ''), sum(k.sign)
    FROM statements, (VALUES (coalesce(substr(OLD.published, 1, 7), ''), -1),
                             (coalesce(substr(NEW.published, 1, 7), ''), 1)) AS k(month, sign)
    WHERE article_id = NEW.id AND speaker_entity_id IS NOT NULL
    GROUP BY speaker_entity_id, k.month, coalesce(cue_class, '') HAVING sum(k.sign) <> 0
    ON CONFLICT (speaker_entity_id, month, cue_class)
    DO UPDATE SET statements = speaker_months.statements + excluded.statements;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT speaker_entity_id, k.outlet_id, k.bias, coalesce(cue_class, ''), sum(k.sign)
    FROM statements, (VALUES (coalesce(OLD.outlet_id, 0), coalesce(OLD.bias, ''), -1),
                             (coalesce(NEW.outlet_id, 0), coalesce(NEW.bias, ''), 1)) AS k(outlet_id, bias, sign)
    WHERE article_id = NEW.id AND speaker_entity_id IS NOT NULL
    GROUP BY speaker_entity_id, k.outlet_id, k.bias, coalesce(cue_class, '') HAVING sum(k.sign) <> 0
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class)
    DO UPDATE SET statements = speaker_outlets.statements + excluded.statements;
    DELETE FROM speaker_months WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker_entity_id FROM statements WHERE article_id = NEW.id);
    DELETE FROM speaker_outlets WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker_entity_id FROM statements WHERE article_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER articles_speaker_stats AFTER UPDATE OF published, outlet_id, bias ON articles
FOR EACH ROW EXECUTE FUNCTION articles_speaker_stats();

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('speaker_months', '', 'Per speaker, month (YYYY-MM of the articles'' dates, '''' when unknown) and cue class (''''  when none): the statements; kept by triggers on statements and articles.'),
('speaker_months', 'statements', 'How many statements.'),
('speaker_outlets', '', 'Per speaker, outlet (0 when none), bias ('''' when none) and cue class: the statements; kept by triggers on statements and articles.'),
('speaker_outlets', 'statements', 'How many statements.'),
('speaker_totals', '', 'Per speaker: statements and distinct articles (kept by triggers on statements); what speaker rankings read.'),
('speaker_totals', 'statements', 'Statements of the speaker.'),
('speaker_totals', 'articles', 'Distinct articles the speaker is quoted in.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
