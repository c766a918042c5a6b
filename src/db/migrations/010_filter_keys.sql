-- Cinedex catalog, version 10: what the query language's filters read, in indexes, so that a
-- filter finds its films without reading every film (issue 17).
-- Shipped: never edit; add a new file instead.

-- 1. A film's genres, countries and languages, folded as titles are (`cinedex_fold`: "Comédie"
-- and "comedie" are one key), one row each; a filter `genre:drama` is one range of the primary
-- key, its films in id order. Before, every film's JSON list was read and folded. Kept in step
-- with `films` by the triggers below (which delete a film's rows by the keys of its old lists, so
-- no second index is needed); two values that fold alike are one row.
CREATE TABLE film_facets (
    kind    TEXT NOT NULL CHECK (kind IN ('genre', 'country', 'language')),
    key     TEXT NOT NULL,
    film_id INTEGER NOT NULL,
    PRIMARY KEY (kind, key, film_id)
) WITHOUT ROWID;

CREATE TRIGGER films_facets_insert AFTER INSERT ON films BEGIN
    INSERT OR IGNORE INTO film_facets (kind, key, film_id)
    SELECT 'genre', cinedex_fold(value), new.id FROM json_each(new.genres)
    UNION ALL SELECT 'country', cinedex_fold(value), new.id FROM json_each(new.countries)
    UNION ALL SELECT 'language', cinedex_fold(value), new.id FROM json_each(new.languages);
END;
CREATE TRIGGER films_facets_update AFTER UPDATE OF genres, countries, languages ON films
WHEN old.genres IS NOT new.genres OR old.countries IS NOT new.countries
    OR old.languages IS NOT new.languages BEGIN
    DELETE FROM film_facets WHERE film_id = old.id AND (kind, key) IN (
        SELECT 'genre', cinedex_fold(value) FROM json_each(old.genres)
        UNION ALL SELECT 'country', cinedex_fold(value) FROM json_each(old.countries)
        UNION ALL SELECT 'language', cinedex_fold(value) FROM json_each(old.languages));
    INSERT OR IGNORE INTO film_facets (kind, key, film_id)
    SELECT 'genre', cinedex_fold(value), new.id FROM json_each(new.genres)
    UNION ALL SELECT 'country', cinedex_fold(value), new.id FROM json_each(new.countries)
    UNION ALL SELECT 'language', cinedex_fold(value), new.id FROM json_each(new.languages);
END;
CREATE TRIGGER films_facets_delete AFTER DELETE ON films BEGIN
    DELETE FROM film_facets WHERE film_id = old.id AND (kind, key) IN (
        SELECT 'genre', cinedex_fold(value) FROM json_each(old.genres)
        UNION ALL SELECT 'country', cinedex_fold(value) FROM json_each(old.countries)
        UNION ALL SELECT 'language', cinedex_fold(value) FROM json_each(old.languages));
END;

INSERT OR IGNORE INTO film_facets (kind, key, film_id)
SELECT 'genre', cinedex_fold(j.value), f.id FROM films AS f, json_each(f.genres) AS j
UNION ALL SELECT 'country', cinedex_fold(j.value), f.id FROM films AS f, json_each(f.countries) AS j
UNION ALL SELECT 'language', cinedex_fold(j.value), f.id FROM films AS f, json_each(f.languages) AS j;

-- 2. A person's credits by role with the film: `director:NAME` reads the films of the people
-- whose names hold NAME from this index alone. It serves every look-up by person the old
-- `credits_person` did.
CREATE INDEX credits_person_role ON credits (person_id, role, film_id);
DROP INDEX credits_person;

-- 3. The reviews and viewings that have words, by film: `has:review` reads these (SQLite keeps
-- partial indexes itself; no trigger).
CREATE INDEX reviews_with_body ON reviews (film_id) WHERE body != '';
CREATE INDEX diary_with_review ON diary_entries (film_id) WHERE review != '';
