-- onrecord corpus store, schema 5 (SQLite): PLOVER event records, their actors and recipients,
-- and "one event, many reports" groups.
CREATE TABLE events (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id),
    local_id           TEXT NOT NULL,
    statement_id       INTEGER REFERENCES statements(id),
    statement_local_id TEXT,
    type               TEXT NOT NULL,
    quad               TEXT,
    modes              TEXT,
    contexts           TEXT,
    aux                TEXT,
    trigger_text       TEXT NOT NULL,
    trigger_start      INTEGER NOT NULL,
    trigger_end        INTEGER NOT NULL,
    sentence_text      TEXT NOT NULL,
    sentence_start     INTEGER NOT NULL,
    sentence_end       INTEGER NOT NULL,
    place_text         TEXT,
    place_start        INTEGER,
    place_end          INTEGER,
    place_geonameid    INTEGER,
    place_name         TEXT,
    place_country      TEXT,
    place_admin1       TEXT,
    place_lat          REAL,
    place_lon          REAL,
    place_feature      TEXT,
    date               TEXT,
    date_from          TEXT,
    event_date         TEXT,
    reported_by        TEXT,
    confidence         REAL,
    signature          TEXT NOT NULL,
    group_key          TEXT NOT NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_quad ON events(quad);
CREATE INDEX events_event_date ON events(event_date);
CREATE INDEX events_place_country ON events(place_country);
CREATE INDEX events_statement ON events(statement_id);
CREATE INDEX events_group ON events(group_key);
CREATE INDEX events_signature ON events(signature, event_date);

CREATE TABLE event_participants (
    event_id     INTEGER NOT NULL REFERENCES events(id),
    role         TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    local_entity TEXT,
    entity_id    INTEGER REFERENCES entities(id),
    name         TEXT,
    name_key     TEXT,
    country      TEXT,
    sector       TEXT,
    PRIMARY KEY (event_id, role, ordinal)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id, role);
CREATE INDEX event_participants_key ON event_participants(name_key, role);
CREATE INDEX event_participants_country ON event_participants(country, role);

-- one row per event, with its article, canonical outlet and participants (JSON lists of names)
CREATE VIEW events_view AS
SELECT e.id AS event_id,
       e.article_id AS article_id,
       e.local_id AS local_id,
       e.event_date AS event_date,
       e.date AS date,
       e.date_from AS date_from,
       e.type AS type,
       e.quad AS quad,
       e.modes AS modes,
       e.contexts AS contexts,
       e.aux AS aux,
       (SELECT json_group_array(n) FROM (
          SELECT coalesce(pe.name, p.name, p.text) AS n FROM event_participants p
            LEFT JOIN entities pe ON pe.id = p.entity_id
           WHERE p.event_id = e.id AND p.role = 'actor' ORDER BY p.ordinal)) AS actors,
       (SELECT json_group_array(n) FROM (
          SELECT coalesce(pe.name, p.name, p.text) AS n FROM event_participants p
            LEFT JOIN entities pe ON pe.id = p.entity_id
           WHERE p.event_id = e.id AND p.role = 'recipient' ORDER BY p.ordinal)) AS recipients,
       e.trigger_text AS trigger,
       e.sentence_text AS sentence,
       e.statement_id AS statement_id,
       e.statement_local_id AS statement_local_id,
       e.place_name AS place,
       e.place_geonameid AS geonameid,
       e.place_country AS place_country,
       e.place_lat AS latitude,
       e.place_lon AS longitude,
       e.reported_by AS reported_by,
       e.confidence AS confidence,
       e.group_key AS group_key,
       a.published AS published,
       coalesce(o.name, a.outlet) AS outlet,
       a.title AS title,
       a.url AS url
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN entities o ON o.id = a.outlet_id;

-- one row per group of reports of the same event (see onrecord.store.event_groups)
CREATE VIEW event_groups AS
WITH g AS (
    SELECT e.group_key AS group_key,
           count(DISTINCT e.id) AS n_mentions,
           count(DISTINCT x.occurrence_id) AS n_reports,
           count(DISTINCT coalesce('o' || x.outlet_id, x.occurrence_id)) AS n_outlets,
           min(e.event_date) AS first_date,
           max(e.event_date) AS last_date,
           (SELECT x2.occurrence_id FROM events e2 JOIN article_occurrences x2 ON x2.article_id = e2.article_id
             WHERE e2.group_key = e.group_key
             ORDER BY x2.published IS NULL, x2.published, x2.article_id, x2.copy_id IS NOT NULL, x2.copy_id
             LIMIT 1) AS first_occurrence
    FROM events e JOIN article_occurrences x ON x.article_id = e.article_id
    GROUP BY e.group_key)
SELECT g.group_key AS group_key,
       f.type AS type,
       f.quad AS quad,
       v.actors AS actors,
       v.recipients AS recipients,
       f.place_name AS place,
       f.place_geonameid AS geonameid,
       f.place_country AS place_country,
       g.first_date AS first_date,
       g.last_date AS last_date,
       g.n_reports AS n_reports,
       g.n_outlets AS n_outlets,
       g.n_mentions AS n_mentions,
       fx.published AS first_published,
       coalesce(fo.name, fx.outlet) AS first_outlet,
       fx.url AS first_url,
       fx.title AS first_title,
       fx.article_id AS first_article_id,
       f.id AS first_event_id
FROM g
JOIN article_occurrences fx ON fx.occurrence_id = g.first_occurrence
JOIN events f ON f.id = (SELECT min(e3.id) FROM events e3
                          WHERE e3.group_key = g.group_key AND e3.article_id = fx.article_id)
JOIN events_view v ON v.event_id = f.id
LEFT JOIN entities fo ON fo.id = fx.outlet_id;

INSERT INTO schema_docs (table_name, column_name, description) VALUES
('events', '', 'PLOVER event records coded from the articles (onrecord.article/1 "events"): who did what to whom, where and when, each field pointing at the text. A syndicated copy adds no events of its own; its reports are counted in event_groups.'),
('events', 'local_id', 'The event id inside its article (ev1, ev2, ...).'),
('events', 'statement_id', 'The statement the event comes from (a verbal event, or a material event reported in its content); statement_local_id is its id inside the article (s1, ...). NULL for events in the article''s own voice.'),
('events', 'type', 'PLOVER event type: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE or ASSAULT.'),
('events', 'quad', 'PLOVER quad class of the type: verbal cooperation, material cooperation, verbal conflict or material conflict.'),
('events', 'modes', 'PLOVER modes of the event (JSON list), e.g. ["visit"] for CONSULT.'),
('events', 'contexts', 'PLOVER contexts (JSON list), e.g. ["military", "diplomatic"].'),
('events', 'aux', 'onrecord''s auxiliary modes (JSON list): negation, hypothetical, future, historical.'),
('events', 'trigger_text', 'The words that express the event; trigger_start/trigger_end are character offsets into articles.text.'),
('events', 'sentence_text', 'The sentence the event was coded from; sentence_start/sentence_end are character offsets into articles.text.'),
('events', 'place_text', 'Where the event happened as written (place_start/place_end into articles.text) and its GeoNames entry: place_geonameid, place_name, place_country (ISO 3166-1 alpha-3), place_admin1, place_lat, place_lon, place_feature (country, admin1 or city).'),
('events', 'date', 'The event''s date as coded: ISO 8601 day, week, month or year; date_from says whether it comes from the text (text) or is the publication date (published).'),
('events', 'event_date', 'The date used to filter and group: date, or the article''s publication date when date_from is published or date is missing.'),
('events', 'reported_by', 'Who the event is reported by, outermost first (JSON list of names): "according to Bloomberg" -> ["Bloomberg"].'),
('events', 'confidence', 'The coder''s confidence in the event type, 0 to 1; NULL when not given.'),
('events', 'signature', 'Hash of what makes two reports one event: type, actor and recipient entity sets (corpus entity ids, else normalised names) and GeoNames id.'),
('events', 'group_key', 'The event group (g + 16 hex digits): events with one signature whose dates lie within a day of each other, assigned when stored (see event_groups).'),
('event_participants', '', 'The actors and recipients of each event, in order (ordinal), with the words in the text and the corpus entity they resolve to.'),
('event_participants', 'role', 'actor or recipient.'),
('event_participants', 'text', 'The participant as written; start_char/end_char are character offsets into articles.text.'),
('event_participants', 'local_entity', 'The article''s own entity id (article_entities.local_id); entity_id the corpus entity it maps to.'),
('event_participants', 'name', 'The participant''s canonical name in the article; name_key its normalised form, used to group events whose participant has no corpus entity.'),
('event_participants', 'country', 'ISO 3166-1 alpha-3 country of the participant (as POLECAT).'),
('event_participants', 'sector', 'The participant''s sector: government, military, rebel, party, media, business, ngo, igo, civilian ...'),
('events_view', '', 'Events with their date, type, modes, actors and recipients (JSON lists of canonical names), trigger, sentence, statement, place, group and the article''s date, outlet, title and URL.'),
('event_groups', '', 'One event, many reports: per event group its type, actors, recipients, place, date range, the number of reports (article appearances, syndicated copies included), of outlets and of mentions (event records), and the first report''s date, outlet, URL and title.')
ON CONFLICT (table_name, column_name) DO UPDATE SET description = excluded.description;
