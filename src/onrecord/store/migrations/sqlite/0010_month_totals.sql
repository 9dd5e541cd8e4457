-- onrecord corpus store, schema 10 (sqlite): per-month corpus totals (issue 12).  A speaker's
-- timeline divides by the statements the whole corpus holds that month; month_totals keeps that
-- count (and the articles) up to date through triggers on articles, so the timeline reads one row
-- per month instead of scanning the articles of the months it covers.
CREATE TABLE month_totals (
    month      TEXT PRIMARY KEY,
    articles   INTEGER NOT NULL,
    statements INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO month_totals (month, articles, statements)
SELECT substr(published, 1, 7), count(*), coalesce(sum(n_statements), 0)
FROM articles WHERE published IS NOT NULL GROUP BY substr(published, 1, 7);

CREATE TRIGGER articles_month_totals_insert AFTER INSERT ON articles
WHEN new.published IS NOT NULL BEGIN
    INSERT INTO month_totals (month, articles, statements)
    VALUES (substr(new.published, 1, 7), 1, coalesce(new.n_statements, 0))
    ON CONFLICT (month) DO UPDATE SET articles = articles + 1,
                                      statements = statements + excluded.statements;
END;

CREATE TRIGGER articles_month_totals_delete AFTER DELETE ON articles
WHEN old.published IS NOT NULL BEGIN
    UPDATE month_totals SET articles = articles - 1,
                            statements = statements - coalesce(old.n_statements, 0)
    WHERE month = substr(old.published, 1, 7);
END;

CREATE TRIGGER articles_month_totals_update AFTER UPDATE OF published, n_statements ON articles BEGIN
    UPDATE month_totals SET articles = articles - 1,
                            statements = statements - coalesce(old.n_statements, 0)
    WHERE old.published IS NOT NULL AND month = substr(old.published, 1, 7);
    INSERT INTO month_totals (month, articles, statements)
    SELECT substr(new.published, 1, 7), 1, coalesce(new.n_statements, 0) WHERE new.published IS NOT NULL
    ON CONFLICT (month) DO UPDATE SET articles = articles + 1,
                                      statements = statements + excluded.statements;
END;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('month_totals', '', 'Per month (YYYY-MM of articles.published): the articles and statements the corpus holds, kept by triggers on articles; what share-of-corpus timelines divide by.'),
('month_totals', 'month', 'The month, YYYY-MM.'),
('month_totals', 'articles', 'Articles published that month.'),
('month_totals', 'statements', 'Statements of the articles published that month (sum of articles.n_statements).')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
