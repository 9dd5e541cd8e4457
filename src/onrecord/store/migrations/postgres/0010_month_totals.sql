-- onrecord corpus store, schema 10 (postgres): per-month corpus totals (issue 12).  A speaker's
-- timeline divides by the statements the whole corpus holds that month; month_totals keeps that
-- count (and the articles) up to date through a trigger on articles, so the timeline reads one row
-- per month instead of scanning the articles of the months it covers.
CREATE TABLE month_totals (
    month      TEXT PRIMARY KEY,
    articles   BIGINT NOT NULL,
    statements BIGINT NOT NULL
);

INSERT INTO month_totals (month, articles, statements)
SELECT substr(published, 1, 7), count(*), coalesce(sum(n_statements), 0)
FROM articles WHERE published IS NOT NULL GROUP BY substr(published, 1, 7);

CREATE FUNCTION month_totals_apply(p_published TEXT, p_statements BIGINT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO month_totals (month, articles, statements)
    SELECT substr(p_published, 1, 7), p_sign, p_sign * coalesce(p_statements, 0)
    WHERE p_published IS NOT NULL
    ON CONFLICT (month) DO UPDATE SET articles = month_totals.articles + excluded.articles,
                                      statements = month_totals.statements + excluded.statements;
$$;

CREATE FUNCTION articles_month_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM month_totals_apply(OLD.published, OLD.n_statements, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM month_totals_apply(NEW.published, NEW.n_statements, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_month_totals AFTER INSERT OR DELETE OR UPDATE OF published, n_statements
ON articles FOR EACH ROW EXECUTE FUNCTION articles_month_totals();

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('month_totals', '', 'Per month (YYYY-MM of articles.published): the articles and statements the corpus holds, kept by a trigger on articles; what share-of-corpus timelines divide by.'),
('month_totals', 'month', 'The month, YYYY-MM.'),
('month_totals', 'articles', 'Articles published that month.'),
('month_totals', 'statements', 'Statements of the articles published that month (sum of articles.n_statements).')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
