-- Cinedex catalog, version 6: a covering index of the columns stats read from each watched film.
-- Shipped: never edit; add a new file instead.

-- Stats look up every diary entry's film (runtime, year, languages, countries) in diary order, so
-- in no order of the films. The films table (~18 MB at 100,000 films) is larger than the page
-- cache, and nearly every page of it was read for all-time stats; this index holds only those
-- columns (~4 MB) and the look-ups read it instead (`INDEXED BY films_stats`: SQLite prefers the
-- table for a look-up by id).
CREATE INDEX films_stats ON films (id, runtime_min, year, languages, countries);
