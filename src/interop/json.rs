//! JSON exports: an array of full records, pretty-printed, in the order given. The record fields
//! are [`DiaryRecord`] and [`WatchlistRecord`], documented in `docs/exports.md`.

use super::{DiaryRecord, ExportError, WatchlistRecord};
use crate::model::{DiaryRow, WatchlistRow};

/// The watchlist as a JSON array of [`WatchlistRecord`]s.
pub(super) fn watchlist(rows: &[WatchlistRow]) -> Result<Vec<u8>, ExportError> {
    let records: Vec<WatchlistRecord> = rows.iter().map(WatchlistRecord::from).collect();
    pretty(&records)
}

/// The diary as a JSON array of [`DiaryRecord`]s.
pub(super) fn diary(rows: &[DiaryRow]) -> Result<Vec<u8>, ExportError> {
    let records: Vec<DiaryRecord> = rows.iter().map(DiaryRecord::from).collect();
    pretty(&records)
}

/// `value` as pretty JSON ending in a newline.
fn pretty(value: &impl serde::Serialize) -> Result<Vec<u8>, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}
