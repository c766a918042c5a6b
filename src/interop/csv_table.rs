//! Reading another service's CSV by column name: a UTF-8 byte-order mark is dropped, a file that
//! is not UTF-8 but plain text is read as Windows-1252 (ISO-8859-1 as IMDb wrote it in 2019–2021),
//! LF and CRLF line ends are read alike (also inside quoted fields), column names are matched after folding
//! case and dropping everything but letters and digits (`Num. Votes` is `numvotes`), extra
//! columns are ignored and missing optional ones read as empty. Every problem names the file,
//! the line and the column.

use chrono::NaiveDate;

use super::import_error::ImportError;

/// A column name folded for matching: `Letterboxd URI` is `letterboxduri`.
pub(super) fn fold_name(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// One CSV record with the line it starts on.
#[derive(Clone, Debug)]
pub(super) struct Record {
    /// The line the record starts on, 1 first.
    pub line: u64,
    /// Its fields, as written.
    pub fields: Vec<String>,
}

/// True when `bytes` are there but every one is NUL: a damaged copy, not an empty file.
pub(super) fn all_nul(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|b| *b == 0)
}

/// `bytes` as UTF-8: as they are when they are UTF-8, else decoded as Windows-1252 when they
/// look like text (no NUL or other control bytes but tab and line ends); binary stays as it is,
/// for the CSV reader to refuse.
fn text_bytes(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if std::str::from_utf8(bytes).is_ok()
        || bytes
            .iter()
            .any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n'))
    {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    std::borrow::Cow::Owned(text.into_owned().into_bytes())
}

/// Every non-blank record of a CSV file.
pub(super) fn read_records(file: &str, bytes: &[u8]) -> Result<Vec<Record>, ImportError> {
    if all_nul(bytes) {
        return Err(ImportError::Row {
            file: file.to_owned(),
            line: 1,
            column: None,
            problem: "The file holds only NUL bytes (a damaged copy)".to_owned(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bytes = text_bytes(bytes);
    let bytes = bytes.as_ref();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let byte = record.position().map_or(start, csv::Position::byte);
                records.push(Record {
                    line: lines.line_at(byte),
                    fields: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(error) => {
                let byte = error.position().map_or(start, csv::Position::byte);
                let problem = match error.kind() {
                    csv::ErrorKind::Utf8 { .. } => "The file is not UTF-8 text".to_owned(),
                    _ => format!("The CSV cannot be read ({error})"),
                };
                return Err(ImportError::Row {
                    file: file.to_owned(),
                    line: lines.line_at(byte),
                    column: None,
                    problem,
                });
            }
        }
    }
    Ok(records)
}

/// Line numbers of byte offsets, counted once through the file as the offsets grow (csv's own
/// line count skips line ends inside quoted fields).
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line (1 first) of the first byte at or after `byte` that does not end a line (csv
    /// places a record just after the previous one's end); `byte` never goes back.
    fn line_at(&mut self, byte: u64) -> u64 {
        let start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let target = self.bytes[start..]
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(self.bytes.len(), |skip| start + skip);
        if target > self.offset {
            let newlines = self.bytes[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = target;
        }
        self.line
    }
}

/// Rows under a header, read by column name.
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// The file, for errors.
    pub file: String,
    /// The column names as written.
    names: Vec<String>,
    /// The folded column names.
    folded: Vec<String>,
    /// The rows under the header.
    pub rows: Vec<Record>,
}

impl Table {
    /// The table whose header is the first of `records`; `None` without records. Every row must
    /// have as many fields as the header, or the file was cut short or damaged.
    pub fn new(file: &str, mut records: Vec<Record>) -> Result<Option<Self>, ImportError> {
        if records.is_empty() {
            return Ok(None);
        }
        let header = records.remove(0);
        let table = Self {
            file: file.to_owned(),
            folded: header.fields.iter().map(|n| fold_name(n)).collect(),
            names: header.fields,
            rows: records,
        };
        for row in &table.rows {
            if row.fields.len() != table.names.len() {
                return Err(table.error(
                    row,
                    None,
                    format!(
                        "The row has {} fields where the header has {} (the file may be cut short or damaged)",
                        row.fields.len(),
                        table.names.len()
                    ),
                ));
            }
        }
        Ok(Some(table))
    }

    /// True when the header has a column named `name` (folded).
    pub fn has(&self, name: &str) -> bool {
        self.folded.iter().any(|n| n == name)
    }

    /// The first column named one of `names` (folded), in the order given.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.folded.iter().position(|n| n == name))
    }

    /// The trimmed cell of `row` in `column`; empty for a missing column.
    pub fn cell<'r>(&self, row: &'r Record, column: Option<usize>) -> &'r str {
        column
            .and_then(|c| row.fields.get(c))
            .map_or("", |f| f.trim())
    }

    /// The cell of `row` in `column`, which must not be empty.
    pub fn required<'r>(
        &self,
        row: &'r Record,
        column: Option<usize>,
        what: &str,
    ) -> Result<&'r str, ImportError> {
        let text = self.cell(row, column);
        if text.is_empty() {
            return Err(self.error(row, column, format!("The {what} is empty")));
        }
        Ok(text)
    }

    /// An error at `row` and `column`.
    pub fn error(&self, row: &Record, column: Option<usize>, problem: String) -> ImportError {
        ImportError::Row {
            file: self.file.clone(),
            line: row.line,
            column: column.map(|c| (c + 1, self.names.get(c).cloned().unwrap_or_default())),
            problem,
        }
    }

    /// A release date in `column`: a full date as [`Table::date`] reads it; IMDb's partial
    /// `YYYY` or `YYYY-MM` (a day not known yet) is `None`, as is an empty cell.
    pub fn release_date(
        &self,
        row: &Record,
        column: Option<usize>,
    ) -> Result<Option<NaiveDate>, ImportError> {
        let text = self.cell(row, column);
        let partial = text.len() <= 7
            && text.chars().all(|c| c.is_ascii_digit() || c == '-')
            && text.split('-').next().is_some_and(|y| y.len() == 4);
        if partial {
            return Ok(None);
        }
        self.date(row, column)
    }

    /// The date in `column` (`YYYY-MM-DD`, `M/D/YYYY` as spreadsheets write it, or the oldest
    /// IMDb exports' `Sun Jan 29 00:00:00 2017`); `None` when the cell is empty.
    pub fn date(
        &self,
        row: &Record,
        column: Option<usize>,
    ) -> Result<Option<NaiveDate>, ImportError> {
        let text = self.cell(row, column);
        if text.is_empty() {
            return Ok(None);
        }
        ["%Y-%m-%d", "%m/%d/%Y", "%a %b %d %H:%M:%S %Y"]
            .iter()
            .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
            .map(Some)
            .ok_or_else(|| {
                self.error(
                    row,
                    column,
                    format!("\"{text}\" is not a date written YYYY-MM-DD or M/D/YYYY"),
                )
            })
    }

    /// The year in `column`: its first four digits (a series' `2013–2023` is 2013); `None` when
    /// empty or unknown (IMDb's `????`).
    pub fn year(&self, row: &Record, column: Option<usize>) -> Result<Option<i32>, ImportError> {
        let text = self.cell(row, column);
        if text.chars().all(|c| c == '?') {
            return Ok(None);
        }
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        match digits.parse::<i32>() {
            Ok(year) if digits.len() == 4 && crate::model::YEAR_RANGE.contains(&year) => {
                Ok(Some(year))
            }
            _ => Err(self.error(row, column, format!("\"{text}\" is not a film year"))),
        }
    }

    /// The yes-or-no in `column` (Letterboxd's `Rewatch`): `Yes`/`true`, or `No`/`false`/empty.
    pub fn yes_no(&self, row: &Record, column: Option<usize>) -> Result<bool, ImportError> {
        match self.cell(row, column).to_ascii_lowercase().as_str() {
            "yes" | "true" => Ok(true),
            "" | "no" | "false" => Ok(false),
            other => Err(self.error(
                row,
                column,
                format!("\"{other}\" is not Yes, No, true, false or empty"),
            )),
        }
    }

    /// The comma-separated names in `column`, trimmed, blanks dropped.
    pub fn list(&self, row: &Record, column: Option<usize>) -> Vec<String> {
        self.cell(row, column)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_quoted_newlines_are_read() {
        let bytes = b"\xEF\xBB\xBFDate,Name,Review\r\n2024-01-02,\"A, B\",\"one\r\ntwo\"\r\n\r\n2024-01-03,C,x\r\n";
        let table = Table::new("f.csv", read_records("f.csv", bytes).unwrap())
            .unwrap()
            .unwrap();
        assert!(table.has("date"));
        assert_eq!(table.rows.len(), 2);
        let name = table.column(&["name"]);
        assert_eq!(table.cell(&table.rows[0], name), "A, B");
        assert_eq!(table.rows[1].line, 5);
    }

    #[test]
    fn a_short_row_names_its_line() {
        let bytes = b"Date,Name,Year\n2024-01-02,A,2001\n2024-01-03,B\n";
        let error = Table::new("diary.csv", read_records("diary.csv", bytes).unwrap()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "The row has 2 fields where the header has 3 (the file may be cut short or damaged) \
             (line 3), so nothing was imported: diary.csv"
        );
    }
}
