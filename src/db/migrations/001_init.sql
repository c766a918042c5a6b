-- Cinedex catalog, version 1. Shipped: never edit; add a new file instead.

CREATE TABLE films (
    id                  INTEGER PRIMARY KEY,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    sort_title          TEXT NOT NULL,
    original_title      TEXT,
    alternative_titles  TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    year                INTEGER CHECK (year BETWEEN 1870 AND 2100),
    runtime_min         INTEGER CHECK (runtime_min > 0),
    languages           TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    countries           TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    genres              TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    release_date        TEXT,                         -- YYYY-MM-DD
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX films_sort_title ON films (sort_title, id);
CREATE INDEX films_year ON films (year, sort_title);
CREATE INDEX films_runtime ON films (runtime_min, sort_title);

-- Normalised titles (primary, original, alternative) for matching imports to films.
CREATE TABLE title_keys (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    PRIMARY KEY (key, film_id)
) WITHOUT ROWID;
CREATE INDEX title_keys_film ON title_keys (film_id);

CREATE TABLE people (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    sort_name TEXT NOT NULL
);

CREATE TABLE credits (
    id        INTEGER PRIMARY KEY,
    -- Deferred, so a new film's credits can be written before its row and the search index is
    -- built once, by the films insert trigger, instead of once per credit.
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    person_id INTEGER NOT NULL REFERENCES people (id),
    role      TEXT NOT NULL CHECK (role IN ('director', 'writer', 'cast')),
    character TEXT,
    position  INTEGER NOT NULL
);
CREATE INDEX credits_film ON credits (film_id, role, position);
CREATE INDEX credits_person ON credits (person_id);

CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    film_id      INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('own', 'external')),
    outlet       TEXT,
    reviewer     TEXT,
    source_url   TEXT,
    published_on TEXT,
    rating_value TEXT,            -- as written in its scale: '3.5', 'B+'
    rating_scale TEXT,            -- '5', '10', 'letter'
    rating_norm  REAL CHECK (rating_norm BETWEEN 0 AND 100),
    body         TEXT NOT NULL DEFAULT '',
    source_text  TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK ((rating_value IS NULL) = (rating_scale IS NULL))
);
CREATE INDEX reviews_film ON reviews (film_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE diary_entries (
    id                INTEGER PRIMARY KEY,
    film_id           INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    watched_on        TEXT NOT NULL,
    rating_half_stars INTEGER CHECK (rating_half_stars BETWEEN 1 AND 10),
    rewatch           INTEGER NOT NULL DEFAULT 0 CHECK (rewatch IN (0, 1)),
    liked             INTEGER NOT NULL DEFAULT 0 CHECK (liked IN (0, 1)),
    review            TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX diary_film ON diary_entries (film_id, watched_on);
CREATE INDEX diary_watched ON diary_entries (watched_on);

CREATE TABLE diary_tags (
    entry_id INTEGER NOT NULL REFERENCES diary_entries (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (entry_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE watchlist (
    id       INTEGER PRIMARY KEY,
    film_id  INTEGER NOT NULL UNIQUE REFERENCES films (id) ON DELETE CASCADE,
    added_on TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    note     TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);

-- Full-text search: one row per film (rowid = film id) over its titles, its people and its
-- reviews; accents folded, so "amelie" finds "Amélie". Kept in step by the triggers below.
CREATE VIRTUAL TABLE film_search USING fts5 (
    titles, people, reviews,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW film_search_source (film_id, titles, people, reviews) AS
SELECT f.id,
       f.title || ' ' || coalesce(f.original_title, '') || ' '
           || coalesce((SELECT group_concat(j.value, ' ') FROM json_each(f.alternative_titles) AS j), ''),
       coalesce((SELECT group_concat(p.name || ' ' || coalesce(c.character, ''), ' ')
                 FROM credits AS c JOIN people AS p ON p.id = c.person_id
                 WHERE c.film_id = f.id), ''),
       coalesce((SELECT group_concat(coalesce(r.outlet, '') || ' ' || coalesce(r.reviewer, '') || ' ' || r.body, ' ')
                 FROM reviews AS r WHERE r.film_id = f.id), '')
FROM films AS f;

CREATE TRIGGER films_search_insert AFTER INSERT ON films BEGIN
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = new.id;
END;
CREATE TRIGGER films_search_update AFTER UPDATE ON films BEGIN
    DELETE FROM film_search WHERE rowid = old.id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = new.id;
END;
CREATE TRIGGER films_search_delete AFTER DELETE ON films BEGIN
    DELETE FROM film_search WHERE rowid = old.id;
END;

-- A new film's credits are written before its row (see films.rs): nothing to index yet then.
CREATE TRIGGER credits_search_insert AFTER INSERT ON credits
WHEN EXISTS (SELECT 1 FROM films WHERE id = new.film_id) BEGIN
    DELETE FROM film_search WHERE rowid = new.film_id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = new.film_id;
END;
CREATE TRIGGER credits_search_delete AFTER DELETE ON credits BEGIN
    DELETE FROM film_search WHERE rowid = old.film_id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = old.film_id;
END;
CREATE TRIGGER credits_search_update AFTER UPDATE ON credits BEGIN
    DELETE FROM film_search WHERE rowid IN (old.film_id, new.film_id);
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id IN (old.film_id, new.film_id);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF name ON people BEGIN
    DELETE FROM film_search WHERE rowid IN (SELECT film_id FROM credits WHERE person_id = new.id);
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source
    WHERE film_id IN (SELECT film_id FROM credits WHERE person_id = new.id);
END;

CREATE TRIGGER reviews_search_insert AFTER INSERT ON reviews BEGIN
    DELETE FROM film_search WHERE rowid = new.film_id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = new.film_id;
END;
CREATE TRIGGER reviews_search_delete AFTER DELETE ON reviews BEGIN
    DELETE FROM film_search WHERE rowid = old.film_id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = old.film_id;
END;
CREATE TRIGGER reviews_search_update AFTER UPDATE ON reviews BEGIN
    DELETE FROM film_search WHERE rowid IN (old.film_id, new.film_id);
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id IN (old.film_id, new.film_id);
END;
