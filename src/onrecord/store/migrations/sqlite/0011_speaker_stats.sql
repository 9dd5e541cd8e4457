-- onrecord corpus store, schema 11 (sqlite): per-speaker aggregates (issue 12).  The speaker page,
-- its timeline shares and the speaker ranking read these instead of a pass over a speaker's
-- statements: speaker_months (statements per month and cue class), speaker_outlets (per outlet,
-- bias and cue class) and speaker_totals (statements, distinct articles).  Triggers on statements
-- and articles keep them exact under every write (ingest, load, entity merges and clean-ups); an
-- unknown month, bias or cue class is stored as '', no outlet as 0.
DROP INDEX IF EXISTS statements_speaker;
CREATE INDEX IF NOT EXISTS statements_speaker_article ON statements(speaker_entity_id, article_id);
-- "Who replies to them" starts from the speaker's statements and looks up replies by target.
CREATE INDEX IF NOT EXISTS replies_target ON replies(target_statement_id);

CREATE TABLE speaker_months (
    speaker_entity_id INTEGER NOT NULL,
    month             TEXT NOT NULL,
    cue_class         TEXT NOT NULL,
    statements        INTEGER NOT NULL,
    PRIMARY KEY (speaker_entity_id, month, cue_class)
) WITHOUT ROWID;

CREATE TABLE speaker_outlets (
    speaker_entity_id INTEGER NOT NULL,
    outlet_id         INTEGER NOT NULL,
    bias              TEXT NOT NULL,
    cue_class         TEXT NOT NULL,
    statements        INTEGER NOT NULL,
    PRIMARY KEY (speaker_entity_id, outlet_id, bias, cue_class)
) WITHOUT ROWID;

CREATE TABLE speaker_totals (
    speaker_entity_id INTEGER PRIMARY KEY,
    statements        INTEGER NOT NULL,
    articles          INTEGER NOT NULL
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

CREATE TRIGGER statements_speaker_stats_insert AFTER INSERT ON statements
WHEN new.speaker_entity_id IS NOT NULL BEGIN
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(substr(a.published, 1, 7), ''), coalesce(new.cue_class, ''), 1 FROM articles a
    WHERE a.id = new.article_id
    ON CONFLICT (speaker_entity_id, month, cue_class) DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(new.cue_class, ''), 1
    FROM articles a WHERE a.id = new.article_id
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class) DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_totals (speaker_entity_id, statements, articles)
    SELECT new.speaker_entity_id, 1, NOT EXISTS (SELECT 1 FROM statements WHERE speaker_entity_id = new.speaker_entity_id
                                                    AND article_id = new.article_id AND id <> new.id)
    ON CONFLICT (speaker_entity_id) DO UPDATE SET statements = statements + 1, articles = articles + excluded.articles;
END;

CREATE TRIGGER statements_speaker_stats_delete AFTER DELETE ON statements
WHEN old.speaker_entity_id IS NOT NULL BEGIN
    UPDATE speaker_months SET statements = statements - 1
    WHERE speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND month = (SELECT coalesce(substr(a.published, 1, 7), '') FROM articles a WHERE a.id = old.article_id);
    UPDATE speaker_outlets SET statements = statements - 1
    WHERE speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND (outlet_id, bias) = (SELECT coalesce(outlet_id, 0), coalesce(bias, '') FROM articles WHERE id = old.article_id);
    DELETE FROM speaker_months WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    DELETE FROM speaker_outlets WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    UPDATE speaker_totals SET statements = statements - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM statements WHERE speaker_entity_id = old.speaker_entity_id
                                          AND article_id = old.article_id)
    WHERE speaker_entity_id = old.speaker_entity_id;
    DELETE FROM speaker_totals WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
END;

-- A statement moved to another speaker or article: out of the old aggregates, into the new.
CREATE TRIGGER statements_speaker_stats_move AFTER UPDATE OF speaker_entity_id, article_id ON statements
WHEN old.speaker_entity_id IS NOT new.speaker_entity_id OR old.article_id IS NOT new.article_id BEGIN
    UPDATE speaker_months SET statements = statements - 1
    WHERE old.speaker_entity_id IS NOT NULL AND speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND month = (SELECT coalesce(substr(a.published, 1, 7), '') FROM articles a WHERE a.id = old.article_id);
    UPDATE speaker_outlets SET statements = statements - 1
    WHERE old.speaker_entity_id IS NOT NULL AND speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND (outlet_id, bias) = (SELECT coalesce(outlet_id, 0), coalesce(bias, '') FROM articles WHERE id = old.article_id);
    DELETE FROM speaker_months WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    DELETE FROM speaker_outlets WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    UPDATE speaker_totals SET statements = statements - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM statements WHERE speaker_entity_id = old.speaker_entity_id
                                          AND article_id = old.article_id)
    WHERE old.speaker_entity_id IS NOT NULL AND speaker_entity_id = old.speaker_entity_id;
    DELETE FROM speaker_totals WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(substr(a.published, 1, 7), ''), coalesce(new.cue_class, ''), 1 FROM articles a
    WHERE new.speaker_entity_id IS NOT NULL AND a.id = new.article_id
    ON CONFLICT (speaker_entity_id, month, cue_class) DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(new.cue_class, ''), 1
    FROM articles a WHERE new.speaker_entity_id IS NOT NULL AND a.id = new.article_id
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class) DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_totals (speaker_entity_id, statements, articles)
    SELECT new.speaker_entity_id, 1, NOT EXISTS (SELECT 1 FROM statements WHERE speaker_entity_id = new.speaker_entity_id
                                                    AND article_id = new.article_id AND id <> new.id) WHERE new.speaker_entity_id IS NOT NULL
    ON CONFLICT (speaker_entity_id) DO UPDATE SET statements = statements + 1, articles = articles + excluded.articles;
END;

CREATE TRIGGER statements_speaker_stats_class AFTER UPDATE OF cue_class ON statements
WHEN new.speaker_entity_id IS NOT NULL AND old.cue_class IS NOT new.cue_class
     AND old.speaker_entity_id IS new.speaker_entity_id AND old.article_id IS new.article_id BEGIN
    UPDATE speaker_months SET statements = statements - 1
    WHERE speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND month = (SELECT coalesce(substr(a.published, 1, 7), '') FROM articles a WHERE a.id = old.article_id);
    UPDATE speaker_outlets SET statements = statements - 1
    WHERE speaker_entity_id = old.speaker_entity_id AND cue_class = coalesce(old.cue_class, '')
      AND (outlet_id, bias) = (SELECT coalesce(outlet_id, 0), coalesce(bias, '') FROM articles WHERE id = old.article_id);
    DELETE FROM speaker_months WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    DELETE FROM speaker_outlets WHERE speaker_entity_id = old.speaker_entity_id AND statements <= 0;
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(substr(a.published, 1, 7), ''), coalesce(new.cue_class, ''), 1 FROM articles a
    WHERE a.id = new.article_id
    ON CONFLICT (speaker_entity_id, month, cue_class) DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT new.speaker_entity_id, coalesce(a.outlet_id, 0), coalesce(a.bias, ''), coalesce(new.cue_class, ''), 1
    FROM articles a WHERE a.id = new.article_id
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class) DO UPDATE SET statements = statements + 1;
END;

-- An article's date, outlet or bias changed (outlet merges, re-normalising): its statements move.
CREATE TRIGGER articles_speaker_stats_update AFTER UPDATE OF published, outlet_id, bias ON articles
WHEN old.published IS NOT new.published OR old.outlet_id IS NOT new.outlet_id OR old.bias IS NOT new.bias BEGIN
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT speaker_entity_id, coalesce(substr(old.published, 1, 7), ''), coalesce(cue_class, ''), -count(*) FROM statements
    WHERE article_id = new.id AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id, coalesce(cue_class, '')
    ON CONFLICT (speaker_entity_id, month, cue_class) DO UPDATE SET statements = statements + excluded.statements;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT speaker_entity_id, coalesce(old.outlet_id, 0), coalesce(old.bias, ''), coalesce(cue_class, ''), -count(*) FROM statements
    WHERE article_id = new.id AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id, coalesce(cue_class, '')
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class) DO UPDATE SET statements = statements + excluded.statements;
    INSERT INTO speaker_months (speaker_entity_id, month, cue_class, statements)
    SELECT speaker_entity_id, coalesce(substr(new.published, 1, 7), ''), coalesce(cue_class, ''), count(*) FROM statements
    WHERE article_id = new.id AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id, coalesce(cue_class, '')
    ON CONFLICT (speaker_entity_id, month, cue_class) DO UPDATE SET statements = statements + excluded.statements;
    INSERT INTO speaker_outlets (speaker_entity_id, outlet_id, bias, cue_class, statements)
    SELECT speaker_entity_id, coalesce(new.outlet_id, 0), coalesce(new.bias, ''), coalesce(cue_class, ''), count(*) FROM statements
    WHERE article_id = new.id AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id, coalesce(cue_class, '')
    ON CONFLICT (speaker_entity_id, outlet_id, bias, cue_class) DO UPDATE SET statements = statements + excluded.statements;
    DELETE FROM speaker_months WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker_entity_id FROM statements WHERE article_id = new.id);
    DELETE FROM speaker_outlets WHERE statements <= 0
      AND speaker_entity_id IN (SELECT speaker_entity_id FROM statements WHERE article_id = new.id);
END;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('speaker_months', '', 'Per speaker, month (YYYY-MM of the articles'' dates, '''' when unknown) and cue class (''''  when none): the statements; kept by triggers on statements and articles.'),
('speaker_months', 'statements', 'How many statements.'),
('speaker_outlets', '', 'Per speaker, outlet (0 when none), bias ('''' when none) and cue class: the statements; kept by triggers on statements and articles.'),
('speaker_outlets', 'statements', 'How many statements.'),
('speaker_totals', '', 'Per speaker: statements and distinct articles (kept by triggers on statements); what speaker rankings read.'),
('speaker_totals', 'statements', 'Statements of the speaker.'),
('speaker_totals', 'articles', 'Distinct articles the speaker is quoted in.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
