-- Cinedex catalog, version 7: the search index keeps no copy of the text it indexes, and keeps
-- lists for three-letter prefixes too.
-- Shipped: never edit; add a new file instead.

-- The index was an ordinary FTS5 table, which stores a second copy of every film's titles, people
-- and reviews (~20 MB at 100,000 films) that nothing reads: searches ask only for row ids and the
-- bm25 rank, and the text is always at hand in `film_search_source`. A contentless table
-- (`content=''`) with `contentless_delete=1` keeps just the index, and a film's row can still be
-- deleted by its id, which is all the triggers do before writing it again.
--
-- Three-letter prefixes get their own lists, like one and two letters since version 5: "the" was
-- a merge of the lists of every word starting so (77,559 films, 5.4 ms p95 for the keystroke at
-- 100,000 films); one list is 4.2 ms. The lists cost ~11 MB, about half of what the copy saved.
--
-- The triggers keep writing to the new table: it has the same name and columns.
DROP TABLE film_search;
CREATE VIRTUAL TABLE film_search USING fts5 (
    titles, people, reviews,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    content = '',
    contentless_delete = 1
);
INSERT INTO film_search (rowid, titles, people, reviews)
SELECT film_id, titles, people, reviews FROM film_search_source;

