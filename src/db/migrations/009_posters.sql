-- Cinedex catalog: posters, and what online look-ups did. Shipped: never edit; add a new file.

-- A film's poster, in its own table so film rows stay small. The small columns and the
-- thumbnails come before the image, so reading a thumbnail never reads the image's pages.
CREATE TABLE film_posters (
    film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    mime       TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
    width      INTEGER NOT NULL CHECK (width > 0),
    height     INTEGER NOT NULL CHECK (height > 0),
    list_thumb BLOB NOT NULL,
    grid_thumb BLOB NOT NULL,
    image      BLOB NOT NULL
);

-- Films an online look-up (TMDb) has been run for, so `lookup --missing` resumes where it
-- stopped and does not ask again about a film it could not match.
CREATE TABLE film_lookups (
    film_id      INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    outcome      TEXT NOT NULL CHECK (outcome IN ('filled', 'unchanged', 'no match', 'ambiguous')),
    looked_up_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
