//! The parser's helpers: lines and text cleaning, names and the given-name lexicon, word lists
//! (countries, languages, outlets), credit labels, dates, durations, HTML to text and credit-line
//! pieces. Nothing here decides a field; the recognisers in `recognise/` do.

pub mod dates;
pub mod given_names;
pub mod html;
pub mod labels;
pub mod lexicon;
pub mod names;
pub mod runtime;
pub mod segments;
pub mod text;
