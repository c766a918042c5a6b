-- Cinedex catalog, version 2: a maintained sort key for the directors column, and indexes that
-- answer the catalog table's directors and the stats without reading whole rows.
-- Shipped: never edit; add a new file instead.

-- The folded name of the film's first director in alphabetical order (NULL without a director),
-- kept in step by the triggers below, so sorting 100,000 films by director reads one index.
ALTER TABLE films ADD COLUMN director_sort TEXT;
CREATE INDEX films_director_sort ON films (director_sort, sort_title, id);

-- Only a change to a searched column re-indexes a film for search (not a change to its sort key).
DROP TRIGGER films_search_update;
CREATE TRIGGER films_search_update AFTER UPDATE OF title, original_title, alternative_titles ON films BEGIN
    DELETE FROM film_search WHERE rowid = old.id;
    INSERT INTO film_search (rowid, titles, people, reviews)
    SELECT film_id, titles, people, reviews FROM film_search_source WHERE film_id = new.id;
END;

CREATE TRIGGER films_director_sort_insert AFTER INSERT ON films BEGIN
    UPDATE films SET director_sort =
        (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = new.id AND c.role = 'director')
    WHERE id = new.id;
END;
CREATE TRIGGER credits_director_sort_insert AFTER INSERT ON credits WHEN new.role = 'director' BEGIN
    UPDATE films SET director_sort =
        (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = new.film_id AND c.role = 'director')
    WHERE id = new.film_id;
END;
CREATE TRIGGER credits_director_sort_delete AFTER DELETE ON credits WHEN old.role = 'director' BEGIN
    UPDATE films SET director_sort =
        (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = old.film_id AND c.role = 'director')
    WHERE id = old.film_id;
END;
CREATE TRIGGER credits_director_sort_update AFTER UPDATE ON credits
WHEN old.role = 'director' OR new.role = 'director' BEGIN
    UPDATE films SET director_sort =
        (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = films.id AND c.role = 'director')
    WHERE id IN (old.film_id, new.film_id);
END;
CREATE TRIGGER people_director_sort_update AFTER UPDATE OF sort_name ON people BEGIN
    UPDATE films SET director_sort =
        (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
         WHERE c.film_id = films.id AND c.role = 'director')
    WHERE id IN (SELECT film_id FROM credits WHERE person_id = new.id AND role = 'director');
END;
UPDATE films SET director_sort =
    (SELECT min(p.sort_name) FROM credits AS c JOIN people AS p ON p.id = c.person_id
     WHERE c.film_id = films.id AND c.role = 'director');

-- A film's credits by role with the person: the directors column and the stats' top people
-- read this index alone.
CREATE INDEX credits_film_person ON credits (film_id, role, position, person_id);
DROP INDEX credits_film;

-- The diary by day with what the stats read: a year's viewings are one range of this index.
CREATE INDEX diary_watched_stats ON diary_entries (watched_on, film_id, rating_half_stars, rewatch);
DROP INDEX diary_watched;
