//! The catalog's ordered film ids and counts, fetched on a worker thread so typing in the search
//! box never waits for SQLite.
//!
//! The worker has its own connection to the same file (SQLite's write-ahead log lets it read while
//! the window writes). The newest request wins: queued requests it has not started are skipped,
//! and the view drops any answer older than its last request.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use eframe::egui;

use crate::db::{Catalog, CatalogCounts, DbError, FilmQuery};
use crate::model::FilmId;

/// What the table shows for one query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The films the query selects, in its order.
    pub ids: Vec<FilmId>,
    /// How much the whole catalog holds.
    pub counts: CatalogCounts,
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
    /// Starts a worker reading the catalog at `path`; `None` for an in-memory catalog, which only
    /// its own connection can see.
    pub fn spawn(path: &Path) -> Option<Self> {
        if path.as_os_str() == ":memory:" {
            return None;
        }
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

/// Reads the listing of `query` with `catalog`.
pub fn listing(catalog: &Catalog, query: &FilmQuery) -> Result<Listing, DbError> {
    Ok(Listing {
        ids: catalog.film_ids(query)?,
        counts: catalog.counts()?,
    })
}

fn serve(path: &PathBuf, requests: &Receiver<Request>, answers: &Sender<Answer>) {
    let mut catalog: Option<Catalog> = None;
    while let Ok(mut request) = requests.recv() {
        // The newest request wins: skip the ones queued behind it.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let result = match &catalog {
            Some(open) => listing(open, &request.query),
            None => Catalog::open(path).and_then(|open| {
                let result = listing(&open, &request.query);
                catalog = Some(open);
                result
            }),
        };
        let answer = Answer {
            generation: request.generation,
            result,
        };
        if answers.send(answer).is_err() {
            return;
        }
        request.repaint.request_repaint();
    }
}
