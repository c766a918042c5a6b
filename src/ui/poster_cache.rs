//! Poster thumbnails as egui textures, for the grid views.
//!
//! A view asks [`PosterCache::texture`] for the films it draws this frame and gets the texture
//! when it is there, else draws the placeholder. At the end of the frame the films asked for and
//! missing (or read before the catalog last changed) become the loader's queue, replacing the
//! previous frame's: what scrolled away is never decoded. A worker thread with its own connection
//! to the catalog (as the search worker has) reads each thumbnail and decodes it, then wakes the
//! window; the texture is uploaded at the start of the next frame. Nothing repaints otherwise, so
//! an idle window asks for no frame. An in-memory catalog, which no other connection can see, is
//! read and decoded on this thread instead, a few thumbnails a frame.
//!
//! The textures are bounded by bytes ([`TEXTURE_BUDGET_BYTES`]): past it, the least recently
//! drawn are dropped (never one drawn this frame).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};

use eframe::egui;

use crate::db::Catalog;
use crate::model::{FilmId, PosterSize};

/// The most bytes the cached textures may take (32 MiB, about 218 grid thumbnails: six screens
/// of a 1280 × 800 window). The graphics driver holds a copy of each, so the window pays twice.
pub const TEXTURE_BUDGET_BYTES: usize = 32 * 1024 * 1024;

/// How many thumbnails an in-memory catalog reads and decodes on the UI thread per frame.
const INLINE_PER_FRAME: usize = 4;

/// A thumbnail read and decoded, or why not; `None` when the film has no poster.
type Loaded = Result<Option<egui::ColorImage>, String>;

/// One answer of the loader.
struct Answer {
    film: FilmId,
    /// The catalog generation it was asked at.
    generation: u64,
    loaded: Loaded,
}

/// The posters' textures, and the loader that fills them.
pub struct PosterCache {
    textures: RefCell<Textures>,
    loader: Loader,
}

impl PosterCache {
    /// A cache over the catalog file at `path` (`None` in memory), holding at most
    /// [`TEXTURE_BUDGET_BYTES`].
    pub fn new(path: Option<&Path>) -> Self {
        Self::with_budget(path, TEXTURE_BUDGET_BYTES)
    }

    /// A cache over the catalog file at `path`, holding at most `budget_bytes` of textures.
    pub fn with_budget(path: Option<&Path>, budget_bytes: usize) -> Self {
        Self {
            textures: RefCell::new(Textures::new(budget_bytes)),
            loader: Loader::spawn(path),
        }
    }

    /// The film's grid thumbnail, when it has one and it is decoded; `None` draws the
    /// placeholder. Asks for it (again, after a change to the catalog) if needed.
    pub fn texture(&self, film: FilmId) -> Option<egui::TextureHandle> {
        self.textures.borrow_mut().get(film)
    }

    /// At the start of a frame: uploads the thumbnails the loader finished and notes the
    /// catalog's `generation`; returns the thumbnails that could not be read, as sentences.
    pub fn begin_frame(&mut self, ctx: &egui::Context, generation: u64) -> Vec<String> {
        let textures = self.textures.get_mut();
        textures.frame += 1;
        textures.generation = generation;
        let mut errors = Vec::new();
        for answer in self.loader.answers() {
            if let Err(error) = &answer.loaded {
                errors.push(format!(
                    "The poster of film #{} could not be shown: {error}",
                    answer.film.0
                ));
            }
            textures.insert(
                ctx,
                answer.film,
                answer.generation,
                answer.loaded.ok().flatten(),
            );
        }
        errors
    }

    /// At the end of a frame: the films asked for and missing become the loader's queue.
    pub fn end_frame(&mut self, ctx: &egui::Context, catalog: &Catalog) {
        let textures = self.textures.get_mut();
        let wanted = std::mem::take(&mut textures.wanted);
        textures.pending = !wanted.is_empty();
        let generation = textures.generation;
        match &self.loader {
            Loader::Worker(worker) => worker.want(&wanted, generation, ctx),
            Loader::Inline => {
                for film in wanted.iter().take(INLINE_PER_FRAME) {
                    let loaded = load(catalog, *film);
                    textures.insert(ctx, *film, generation, loaded.ok().flatten());
                }
                if wanted.len() > INLINE_PER_FRAME {
                    ctx.request_repaint();
                }
            }
        }
        textures.evict();
    }

    /// True while a film drawn last frame waits for its thumbnail (or to learn it has none).
    pub fn loading(&self) -> bool {
        self.textures.borrow().pending
    }

    /// How many bytes the textures take now.
    pub fn bytes(&self) -> usize {
        self.textures.borrow().bytes
    }
}

/// The textures by film, with what the LRU needs.
struct Textures {
    entries: HashMap<FilmId, Entry>,
    /// Bytes of all textures together.
    bytes: usize,
    budget_bytes: usize,
    /// Counts frames; an entry remembers the last one that drew it.
    frame: u64,
    /// The catalog generation of this frame.
    generation: u64,
    /// The films asked for this frame and missing or stale, in the order they were drawn.
    wanted: Vec<FilmId>,
    /// True when the last frame drew a film whose thumbnail was missing or stale.
    pending: bool,
}

struct Entry {
    /// `None`: the film has no poster (or it could not be read).
    texture: Option<egui::TextureHandle>,
    bytes: usize,
    /// The catalog generation it was read at.
    read_at: u64,
    /// The last frame that drew it.
    drawn: u64,
}

impl Textures {
    fn new(budget_bytes: usize) -> Self {
        Self {
            entries: HashMap::new(),
            bytes: 0,
            budget_bytes,
            frame: 0,
            generation: 0,
            wanted: Vec::new(),
            pending: false,
        }
    }

    fn get(&mut self, film: FilmId) -> Option<egui::TextureHandle> {
        let entry = self.entries.get_mut(&film);
        let fresh = entry.as_ref().is_some_and(|e| e.read_at == self.generation);
        if !fresh && !self.wanted.contains(&film) {
            self.wanted.push(film);
        }
        let entry = entry?;
        entry.drawn = self.frame;
        entry.texture.clone()
    }

    /// Keeps what was read for `film` at `generation`, unless something newer is kept.
    fn insert(
        &mut self,
        ctx: &egui::Context,
        film: FilmId,
        generation: u64,
        image: Option<egui::ColorImage>,
    ) {
        if self
            .entries
            .get(&film)
            .is_some_and(|e| e.read_at > generation)
        {
            return;
        }
        let bytes = image.as_ref().map_or(0, |i| i.pixels.len() * 4);
        let texture = image.map(|image| {
            ctx.load_texture(
                format!("poster-{}", film.0),
                image,
                egui::TextureOptions::LINEAR,
            )
        });
        let entry = Entry {
            texture,
            bytes,
            read_at: generation,
            drawn: self.frame,
        };
        if let Some(old) = self.entries.insert(film, entry) {
            self.bytes -= old.bytes;
        }
        self.bytes += bytes;
    }

    /// Drops the least recently drawn textures until they fit the budget; the ones drawn this
    /// frame stay even past it.
    fn evict(&mut self) {
        if self.bytes <= self.budget_bytes {
            return;
        }
        let mut by_age: Vec<(u64, FilmId)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.drawn < self.frame && e.bytes > 0)
            .map(|(film, e)| (e.drawn, *film))
            .collect();
        by_age.sort_unstable();
        for (_, film) in by_age {
            if self.bytes <= self.budget_bytes {
                break;
            }
            if let Some(entry) = self.entries.remove(&film) {
                self.bytes -= entry.bytes;
            }
        }
    }
}

/// Reads and decodes the film's grid thumbnail with `catalog`.
fn load(catalog: &Catalog, film: FilmId) -> Loaded {
    let bytes = catalog
        .poster_bytes(film, PosterSize::Grid)
        .map_err(|e| e.to_string())?;
    let Some(bytes) = bytes else {
        return Ok(None);
    };
    let image = crate::images::decode_thumbnail(&bytes).map_err(|e| e.to_string())?;
    let size = [image.width() as usize, image.height() as usize];
    Ok(Some(egui::ColorImage::from_rgb(size, image.as_raw())))
}

/// Where thumbnails are read.
enum Loader {
    /// On a worker thread with its own connection.
    Worker(Worker),
    /// On the UI thread (an in-memory catalog, or no thread could be started).
    Inline,
}

impl Loader {
    fn spawn(path: Option<&Path>) -> Self {
        path.and_then(Worker::spawn)
            .map_or(Self::Inline, Self::Worker)
    }

    fn answers(&self) -> Vec<Answer> {
        match self {
            Self::Worker(worker) => worker.answers.try_iter().collect(),
            Self::Inline => Vec::new(),
        }
    }
}

/// What the UI thread and the worker share: the queue, and the film being read.
#[derive(Default)]
struct Queue {
    /// Films to read, first first, with the generation they were asked at.
    films: Vec<(FilmId, u64)>,
    /// The film the worker is reading now.
    reading: Option<FilmId>,
    /// Who to wake when an answer is sent.
    repaint: Option<egui::Context>,
    /// Set when the cache is dropped: the worker ends.
    closed: bool,
}

/// The worker thread's handle; dropping it ends the thread.
struct Worker {
    shared: Arc<(Mutex<Queue>, Condvar)>,
    answers: mpsc::Receiver<Answer>,
}

impl Worker {
    fn spawn(path: &Path) -> Option<Self> {
        let shared = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let (sender, answers) = mpsc::channel();
        let path = path.to_path_buf();
        let theirs = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("cinedex-posters".into())
            .spawn(move || serve(&path, &theirs, &sender))
            .ok()?;
        Some(Self { shared, answers })
    }

    /// Replaces the queue with `films` (less the one being read), asked at `generation`.
    fn want(&self, films: &[FilmId], generation: u64, ctx: &egui::Context) {
        let (queue, wake) = &*self.shared;
        let mut queue = queue.lock().unwrap_or_else(PoisonError::into_inner);
        if films.is_empty() && queue.films.is_empty() {
            return;
        }
        let reading = queue.reading;
        queue.films = films
            .iter()
            .filter(|film| Some(**film) != reading)
            .map(|film| (*film, generation))
            .collect();
        if queue.repaint.is_none() {
            queue.repaint = Some(ctx.clone());
        }
        wake.notify_one();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let (queue, wake) = &*self.shared;
        queue.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
        wake.notify_one();
    }
}

/// The worker: takes the first film of the queue, reads and decodes it, sends it and wakes the
/// window; waits while the queue is empty; ends when the cache is gone.
fn serve(path: &PathBuf, shared: &(Mutex<Queue>, Condvar), answers: &mpsc::Sender<Answer>) {
    let (queue, wake) = shared;
    let mut catalog: Option<Catalog> = None;
    loop {
        let (film, generation, repaint) = {
            let mut queue = queue.lock().unwrap_or_else(PoisonError::into_inner);
            queue.reading = None;
            while queue.films.is_empty() && !queue.closed {
                queue = wake.wait(queue).unwrap_or_else(PoisonError::into_inner);
            }
            if queue.closed {
                return;
            }
            let (film, generation) = queue.films.remove(0);
            queue.reading = Some(film);
            (film, generation, queue.repaint.clone())
        };
        let open = match &catalog {
            Some(open) => Ok(open),
            None => Catalog::open(path)
                .and_then(|open| open.use_small_page_cache().map(|()| open))
                .map(|open| &*catalog.insert(open)),
        };
        let loaded = match open {
            Ok(open) => load(open, film),
            Err(error) => Err(error.to_string()),
        };
        let answer = Answer {
            film,
            generation,
            loaded,
        };
        if answers.send(answer).is_err() {
            return;
        }
        if let Some(ctx) = repaint {
            ctx.request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(side: usize) -> egui::ColorImage {
        egui::ColorImage::filled([side, side], egui::Color32::RED)
    }

    #[test]
    fn the_least_recently_drawn_textures_go_past_the_budget() {
        let ctx = egui::Context::default();
        // Room for two 10 × 10 textures (400 bytes each).
        let mut textures = Textures::new(800);
        for n in 1..=2 {
            textures.get(FilmId(n));
            textures.insert(&ctx, FilmId(n), 0, Some(image(10)));
        }
        textures.frame += 1;
        // Film 1 is drawn again, so film 2 is the least recently drawn.
        assert!(textures.get(FilmId(1)).is_some());
        textures.frame += 1;
        textures.get(FilmId(3));
        textures.insert(&ctx, FilmId(3), 0, Some(image(10)));
        textures.evict();
        assert_eq!(textures.bytes, 800);
        assert!(textures.entries.contains_key(&FilmId(1)));
        assert!(!textures.entries.contains_key(&FilmId(2)));
        assert!(textures.entries.contains_key(&FilmId(3)));

        // Drawn this frame, all stay, even past the budget.
        textures.frame += 1;
        for n in [1, 3, 4] {
            textures.get(FilmId(n));
        }
        textures.insert(&ctx, FilmId(4), 0, Some(image(10)));
        textures.evict();
        assert_eq!(textures.bytes, 1200);
    }

    #[test]
    fn a_film_is_asked_for_once_a_frame_and_again_after_a_change() {
        let ctx = egui::Context::default();
        let mut textures = Textures::new(1 << 20);
        assert!(textures.get(FilmId(7)).is_none());
        assert!(textures.get(FilmId(7)).is_none());
        assert_eq!(textures.wanted, [FilmId(7)]);
        textures.wanted.clear();
        textures.insert(&ctx, FilmId(7), 0, Some(image(4)));
        assert!(textures.get(FilmId(7)).is_some());
        assert!(textures.wanted.is_empty());
        // A change to the catalog: the old texture is shown while it is read again.
        textures.generation = 1;
        assert!(textures.get(FilmId(7)).is_some());
        assert_eq!(textures.wanted, [FilmId(7)]);
        // The film lost its poster; an older answer arriving late does not bring it back.
        textures.insert(&ctx, FilmId(7), 1, None);
        textures.insert(&ctx, FilmId(7), 0, Some(image(4)));
        assert!(textures.get(FilmId(7)).is_none());
        assert_eq!(textures.bytes, 0);
    }

    /// Two films, the first with a generated poster.
    fn two_films(catalog: &mut Catalog) -> (FilmId, FilmId) {
        let with = catalog
            .create_film(&crate::model::Film::titled("Metropolis"))
            .unwrap()
            .value;
        let without = catalog
            .create_film(&crate::model::Film::titled("Amélie"))
            .unwrap()
            .value;
        let poster = crate::images::poster_from_image(&crate::images::generated_poster(
            "Metropolis",
            Some(1927),
        ))
        .unwrap();
        catalog.set_poster(with, &poster).unwrap();
        (with, without)
    }

    #[test]
    fn an_in_memory_catalog_is_read_on_this_thread_a_few_films_a_frame() {
        let mut catalog = Catalog::open_in_memory().unwrap();
        let (with, _) = two_films(&mut catalog);
        let mut cache = PosterCache::new(catalog.file());
        assert!(matches!(cache.loader, Loader::Inline));
        let ctx = egui::Context::default();
        cache.begin_frame(&ctx, 0);
        let films: Vec<FilmId> = (100..110).map(FilmId).chain([with]).collect();
        for film in &films {
            assert!(cache.texture(*film).is_none());
        }
        cache.end_frame(&ctx, &catalog);
        assert!(cache.loading());
        // Four a frame: the poster comes in the third.
        for _ in 0..3 {
            cache.begin_frame(&ctx, 0);
            for film in &films {
                cache.texture(*film);
            }
            cache.end_frame(&ctx, &catalog);
        }
        cache.begin_frame(&ctx, 0);
        assert_eq!(cache.texture(with).map(|t| t.size()), Some([160, 240]));
    }

    #[test]
    fn the_worker_reads_a_stored_thumbnail_and_says_when_there_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite3");
        let mut catalog = Catalog::open(&path).unwrap();
        let (with, without) = two_films(&mut catalog);
        let mut cache = PosterCache::new(Some(&path));
        assert!(matches!(cache.loader, Loader::Worker(_)));
        let ctx = egui::Context::default();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            assert!(cache.begin_frame(&ctx, 0).is_empty());
            let shown = [cache.texture(with), cache.texture(without)];
            let known = cache.textures.borrow().entries.len();
            cache.end_frame(&ctx, &catalog);
            if known == 2 {
                let texture = shown[0].as_ref().expect("Metropolis has a poster");
                assert_eq!(texture.size(), [160, 240]);
                assert!(shown[1].is_none());
                assert_eq!(cache.bytes(), 160 * 240 * 4);
                break;
            }
            assert!(std::time::Instant::now() < deadline, "no answer");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}
