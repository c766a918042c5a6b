//! The parser's one confidence scale. Every recogniser rates its candidates with these levels, so
//! that the best candidate per field is chosen on one scale; a candidate below [`FLOOR`] is never
//! used.

/// A labelled credit alone on its line (`Director: Jacques Audiard`), a letter grade after
/// `Grade:`.
pub const CERTAIN: f32 = 0.95;
/// A head line's part that the rest of the text confirms (named again, quoted, in capitals),
/// over a heading's title the text never names again.
pub const CONFIRMED: f32 = 0.93;
/// A headline form (`‘Title’ review`), a labelled credit inside a line of several, star glyphs.
pub const STRONG: f32 = 0.9;
/// A labelled credit among other pieces; a known outlet's masthead.
pub const FIRM: f32 = 0.85;
/// A shape without a label that only one field takes: `(PG, 115 minutes)`, `Title (2012)`.
pub const SHAPED: f32 = 0.8;
/// A shape that usually holds the field: `Title (PG13)` heading a capsule, `running time of …`.
pub const LIKELY: f32 = 0.75;
/// Context words around a value: `filmmaker X`, a title line above the stars.
pub const CONTEXT: f32 = 0.7;
/// Weaker context: a name in prose after `director`, a title line above a year.
pub const HINT: f32 = 0.6;
/// A guess the text supports but does not state: `X's new film`, a repeated heading.
pub const GUESS: f32 = 0.55;
/// Below this nothing is used.
pub const FLOOR: f32 = 0.5;
