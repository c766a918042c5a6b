-- Cinedex catalog, version 8: lists as their own rows (name, description, ranked, films in order
-- with a note each) instead of `list:<name>` marks, and saved views (named queries).
-- Shipped: never edit; add a new file instead.

CREATE TABLE lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    ranked      INTEGER NOT NULL DEFAULT 0 CHECK (ranked IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A film is on a list at most once; positions are dense, 0 first.
CREATE TABLE list_entries (
    list_id  INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, film_id)
) WITHOUT ROWID;
CREATE INDEX list_entries_order ON list_entries (list_id, position);
CREATE INDEX list_entries_film ON list_entries (film_id);

-- Named queries of the search language, usable from the window and `films --view NAME`.
CREATE TABLE saved_views (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
    query      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Version 4 kept list membership as marks `list:<name>` with the film's place (1 first, or none).
-- Each name becomes a list (names that differ only in case become one), each mark an entry at its
-- place (films without a place after those with one, by film), and the marks go.
INSERT OR IGNORE INTO lists (name)
SELECT DISTINCT trim(substr(mark, 6)) FROM film_marks
WHERE mark LIKE 'list:%' AND length(trim(substr(mark, 6))) > 0
ORDER BY 1;

INSERT OR IGNORE INTO list_entries (list_id, film_id, position)
SELECT l.id, m.film_id,
       row_number() OVER (PARTITION BY l.id ORDER BY m.position IS NULL, m.position, m.film_id) - 1
FROM film_marks AS m JOIN lists AS l ON l.name = trim(substr(m.mark, 6))
WHERE m.mark LIKE 'list:%';

DELETE FROM film_marks WHERE mark LIKE 'list:%';

-- Names that differed only in case were merged above: close any gap that left in the places.
UPDATE list_entries SET position = n.place
FROM (SELECT list_id, film_id,
             row_number() OVER (PARTITION BY list_id ORDER BY position, film_id) - 1 AS place
      FROM list_entries) AS n
WHERE list_entries.list_id = n.list_id AND list_entries.film_id = n.film_id
  AND list_entries.position != n.place;
