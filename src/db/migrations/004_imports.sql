-- Cinedex catalog, version 4: what imports from other services need to recognise a film or a
-- viewing again, and the film-level marks those services keep. Shipped: never edit; add a new file.

-- Ids other services give a film: `letterboxd` (a film URI, e.g. https://boxd.it/2bg8 or
-- https://letterboxd.com/film/rear-window/), `imdb` (tt0047396). A film may have several.
CREATE TABLE film_external_ids (
    source  TEXT NOT NULL CHECK (length(source) > 0),
    value   TEXT NOT NULL CHECK (length(value) > 0),
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    PRIMARY KEY (source, value)
) WITHOUT ROWID;
CREATE INDEX film_external_ids_film ON film_external_ids (film_id);

-- Ids other services give a diary entry: `letterboxd` (the diary entry's URI).
CREATE TABLE diary_external_ids (
    source   TEXT NOT NULL CHECK (length(source) > 0),
    value    TEXT NOT NULL CHECK (length(value) > 0),
    entry_id INTEGER NOT NULL REFERENCES diary_entries (id) ON DELETE CASCADE,
    PRIMARY KEY (source, value)
) WITHOUT ROWID;
CREATE INDEX diary_external_ids_entry ON diary_external_ids (entry_id);

-- Marks on a film as a whole, not on one viewing: `watched` (seen, date unknown), `liked`, and
-- `list:<name>` for membership of a list (with the film's place in it, 1 first).
CREATE TABLE film_marks (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    mark     TEXT NOT NULL CHECK (length(trim(mark)) > 0),
    position INTEGER,
    PRIMARY KEY (film_id, mark)
) WITHOUT ROWID;
CREATE INDEX film_marks_mark ON film_marks (mark, position);
