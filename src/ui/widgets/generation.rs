//! [`Generation`]: the catalog generation a view last read at, so that "read again when the
//! catalog moved on" is written once.

/// The catalog generation (see [`crate::ui::AppCtx::generation`]) a view, window or cache last
/// read at; none before the first read, or after [`Generation::forget`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generation {
    read_at: Option<u64>,
}

impl Generation {
    /// True when `now` is not the generation last read at; `now` is then the one read at, so the
    /// caller reads once per change.
    pub fn moved(&mut self, now: u64) -> bool {
        let moved = self.read_at != Some(now);
        self.read_at = Some(now);
        moved
    }

    /// Forgets the generation read at, so the next [`Generation::moved`] is true (the view reads
    /// again whatever the catalog did, e.g. after its filter changed).
    pub fn forget(&mut self) {
        self.read_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_once_per_generation_and_again_after_forgetting() {
        let mut read = Generation::default();
        assert!(read.moved(0), "the first read");
        assert!(!read.moved(0));
        assert!(read.moved(1));
        assert!(!read.moved(1));
        read.forget();
        assert!(read.moved(1));
        assert!(!read.moved(1));
    }
}
