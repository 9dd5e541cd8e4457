-- onrecord corpus store, schema 1 (SQLite).  Every table and column is described in schema_docs.

CREATE TABLE schema_docs (
    table_name  TEXT NOT NULL,
    column_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    PRIMARY KEY (table_name, column_name)
);

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL DEFAULT 'running',
    command      TEXT,
    workers      INTEGER,
    n_read       INTEGER NOT NULL DEFAULT 0,
    n_new        INTEGER NOT NULL DEFAULT 0,
    n_duplicate  INTEGER NOT NULL DEFAULT 0,
    n_failed     INTEGER NOT NULL DEFAULT 0,
    n_statements INTEGER NOT NULL DEFAULT 0,
    n_words      INTEGER NOT NULL DEFAULT 0,
    stats        TEXT
);

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    key  TEXT NOT NULL UNIQUE
);

CREATE TABLE entity_aliases (
    alias_key TEXT PRIMARY KEY,
    alias     TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    origin    TEXT NOT NULL
);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    ext_id       TEXT,
    title        TEXT,
    outlet       TEXT,
    outlet_id    INTEGER REFERENCES entities(id),
    published    TEXT,
    url          TEXT,
    bias         TEXT,
    words        INTEGER NOT NULL,
    n_statements INTEGER NOT NULL DEFAULT 0,
    n_own_voice  INTEGER NOT NULL DEFAULT 0,
    source       TEXT,
    locator      TEXT,
    meta         TEXT,
    text         TEXT NOT NULL,
    run_id       INTEGER REFERENCES runs(id),
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_bias ON articles(bias);

CREATE TABLE inputs (
    input_key  TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    source     TEXT,
    locator    TEXT,
    run_id     INTEGER REFERENCES runs(id)
);
CREATE INDEX inputs_article ON inputs(article_id);

CREATE TABLE failures (
    input_key    TEXT PRIMARY KEY,
    source       TEXT,
    locator      TEXT,
    reason       TEXT NOT NULL,
    detail       TEXT,
    attempts     INTEGER NOT NULL DEFAULT 1,
    first_run_id INTEGER REFERENCES runs(id),
    last_run_id  INTEGER REFERENCES runs(id),
    last_seen    TEXT NOT NULL
);
CREATE INDEX failures_reason ON failures(reason);

CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id   TEXT NOT NULL,
    entity_id  INTEGER REFERENCES entities(id),
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    mentions   TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);

CREATE TABLE quotes (
    id    TEXT PRIMARY KEY,
    hash  TEXT NOT NULL UNIQUE,
    text  TEXT NOT NULL,
    words INTEGER NOT NULL
);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    local_id          TEXT NOT NULL,
    speaker_text      TEXT,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_name      TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    cue               TEXT NOT NULL,
    cue_start         INTEGER NOT NULL,
    cue_end           INTEGER NOT NULL,
    cue_lemma         TEXT,
    cue_class         TEXT,
    kind              TEXT NOT NULL,
    content           TEXT NOT NULL,
    content_start     INTEGER,
    content_end       INTEGER,
    content2          TEXT,
    content2_start    INTEGER,
    content2_end      INTEGER,
    parent_local_id   TEXT,
    time_text         TEXT,
    time_value        TEXT,
    time_granularity  TEXT,
    time_start        INTEGER,
    time_end          INTEGER,
    quote_id          TEXT REFERENCES quotes(id),
    UNIQUE (article_id, local_id)
);
CREATE INDEX statements_speaker ON statements(speaker_entity_id);
CREATE INDEX statements_quote ON statements(quote_id);
CREATE INDEX statements_cue_class ON statements(cue_class);

CREATE TABLE replies (
    statement_id        INTEGER NOT NULL REFERENCES statements(id),
    target_statement_id INTEGER NOT NULL REFERENCES statements(id),
    type                TEXT NOT NULL,
    PRIMARY KEY (statement_id, target_statement_id)
);

CREATE TABLE own_voice (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX own_voice_article ON own_voice(article_id);

-- Full-text search over statement contents (Datasette picks it up: statements has a search box).
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content='statements', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
