//! The catalog's ordered film ids and counts, fetched on a worker thread so typing in the search
//! box never waits for SQLite.
//!
//! The worker has its own connection to the same file (SQLite's write-ahead log lets it read while
//! the window writes). The newest request wins: queued requests it has not started are skipped,
//! and the view drops any answer older than its last request.
//!
//! A listing that costs much more than its first screen (a one-letter search matches most of the
//! catalog) is answered twice: its first ids at once ([`Catalog::first_film_ids`]), then the whole,
//! unless a newer request came in meanwhile.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use eframe::egui;

use crate::db::{Catalog, CatalogCounts, DbError, FilmQuery, FirstIds};
use crate::model::FilmId;

/// What the table shows for one query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The films the query selects, in its order; only the first of them when not `complete`.
    pub ids: Vec<FilmId>,
    /// How much the whole catalog holds.
    pub counts: CatalogCounts,
    /// False while `ids` holds only the start of the listing: the rest comes in another answer.
    pub complete: bool,
}

/// One answer from the worker.
pub struct Answer {
    /// The request it answers.
    pub generation: u64,
    /// The listing, or why it could not be read.
    pub result: Result<Listing, DbError>,
}

struct Request {
    generation: u64,
    query: FilmQuery,
    repaint: egui::Context,
}

/// A handle to the worker thread; dropping it ends the thread.
pub struct SearchWorker {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
}

impl SearchWorker {
    /// Starts a worker reading the catalog file at `path`; `None` when no thread can be started.
    pub fn spawn(path: &Path) -> Option<Self> {
        let (requests, request_rx) = mpsc::channel::<Request>();
        let (answer_tx, answers) = mpsc::channel::<Answer>();
        let path = path.to_path_buf();
        let spawned = thread::Builder::new()
            .name("cinedex-search".into())
            .spawn(move || serve(&path, &request_rx, &answer_tx));
        spawned.ok()?;
        Some(Self { requests, answers })
    }

    /// Asks for the listing of `query`; answers to older requests will be dropped by the caller.
    /// Returns false when the worker has stopped.
    pub fn request(&self, generation: u64, query: FilmQuery, repaint: egui::Context) -> bool {
        self.requests
            .send(Request {
                generation,
                query,
                repaint,
            })
            .is_ok()
    }

    /// The answers that have arrived since the last call, oldest first; `None` once the worker
    /// has stopped.
    pub fn answers(&self) -> Option<Vec<Answer>> {
        let mut answers = Vec::new();
        loop {
            match self.answers.try_recv() {
                Ok(answer) => answers.push(answer),
                Err(TryRecvError::Empty) => return Some(answers),
                Err(TryRecvError::Disconnected) => return None,
            }
        }
    }
}

/// Reads the whole listing of `query` with `catalog`.
pub fn listing(catalog: &Catalog, query: &FilmQuery) -> Result<Listing, DbError> {
    Ok(Listing {
        ids: catalog.film_ids(query)?,
        counts: catalog.counts()?,
        complete: true,
    })
}

/// Reads the listing of `query`, or only its start when the whole costs much more.
fn first_listing(catalog: &Catalog, query: &FilmQuery) -> Result<Listing, DbError> {
    let (ids, complete) = match catalog.first_film_ids(query)? {
        FirstIds::All(ids) => (ids, true),
        FirstIds::First(ids) => (ids, false),
    };
    Ok(Listing {
        ids,
        counts: catalog.counts()?,
        complete,
    })
}

fn serve(path: &PathBuf, requests: &Receiver<Request>, answers: &Sender<Answer>) {
    let mut catalog: Option<Catalog> = None;
    let mut next: Option<Request> = None;
    while let Some(mut request) = next.take().or_else(|| requests.recv().ok()) {
        // The newest request wins: skip the ones queued behind it.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let open = match &catalog {
            Some(open) => Ok(open),
            None => Catalog::open(path).map(|open| &*catalog.insert(open)),
        };
        let first = open.and_then(|open| first_listing(open, &request.query));
        let complete = first.as_ref().map_or(true, |l| l.complete);
        if !answer(answers, &request, first) {
            return;
        }
        if complete {
            continue;
        }
        // The rest of the listing, unless a newer request makes it moot.
        if let Ok(newer) = requests.try_recv() {
            next = Some(newer);
            continue;
        }
        if let Some(open) = &catalog {
            if !answer(answers, &request, listing(open, &request.query)) {
                return;
            }
        }
    }
}

/// Sends `result` as the answer to `request` and wakes the window; false once the window is gone.
fn answer(answers: &Sender<Answer>, request: &Request, result: Result<Listing, DbError>) -> bool {
    let sent = answers
        .send(Answer {
            generation: request.generation,
            result,
        })
        .is_ok();
    request.repaint.request_repaint();
    sent
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::db::RANKED_MATCHES_MAX;
    use crate::model::Film;

    /// Waits for the worker's next answer; `arrived` keeps those that came with it.
    fn next_answer(worker: &SearchWorker, arrived: &mut VecDeque<Answer>) -> Answer {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            arrived.extend(worker.answers().expect("worker alive"));
            if let Some(answer) = arrived.pop_front() {
                return answer;
            }
            assert!(std::time::Instant::now() < deadline, "no answer");
            thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    #[test]
    fn a_search_matching_very_many_films_is_answered_first_in_part_then_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite3");
        let mut catalog = Catalog::open(&path).unwrap();
        let films: Vec<_> = (0..RANKED_MATCHES_MAX + 10)
            .map(|n| (Film::titled(format!("Tide {n}")), Vec::new()))
            .collect();
        let stored = catalog.create_films_with_reviews(&films, |_| {}).unwrap();
        let worker = SearchWorker::spawn(&path).unwrap();
        let mut arrived = VecDeque::new();
        let ctx = egui::Context::default();
        let query = FilmQuery {
            search: "t".into(),
            ..FilmQuery::default()
        };

        assert!(worker.request(1, query.clone(), ctx.clone()));
        let first = next_answer(&worker, &mut arrived).result.unwrap();
        assert!(!first.complete);
        assert_eq!(first.ids, stored[..=RANKED_MATCHES_MAX]);
        assert_eq!(first.counts.films, stored.len() as u64);
        let whole = next_answer(&worker, &mut arrived);
        assert_eq!(whole.generation, 1);
        let whole = whole.result.unwrap();
        assert!(whole.complete);
        assert_eq!(whole.ids, stored);

        // A search matching fewer films is answered whole at once, ranked.
        let query = FilmQuery {
            search: "tide 42".into(),
            ..FilmQuery::default()
        };
        assert!(worker.request(2, query.clone(), ctx));
        let answer = next_answer(&worker, &mut arrived);
        assert_eq!(answer.generation, 2);
        let listing = answer.result.unwrap();
        assert!(listing.complete);
        assert_eq!(listing.ids, catalog.film_ids(&query).unwrap());
        assert_eq!(listing.ids[0], stored[42]);
    }
}
