//! Credit labels: `Director`, `Directed by`, `Dir.`, `Screenplay`, `Starring`, `With:`,
//! `Running time`, `Language`, `Opens`, `Rated` and the crew labels the catalog does not keep,
//! with how each is separated from its value.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::compile;

/// What a credit label announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `Title:`, `Film:`.
    Title,
    /// `Original title:`.
    OriginalTitle,
    /// `Also known as`, `AKA`.
    AltTitle,
    /// `Director`, `Directed by`, `Dir.`.
    Director,
    /// `Written by`, `Screenplay`, `Writers`.
    Writer,
    /// `Written and directed by`, `Writer-director`.
    WriterDirector,
    /// `Starring`, `Cast`, `With`.
    Cast,
    /// `Running time`, `Run Time`, `Runtime`.
    Runtime,
    /// `Language`.
    Language,
    /// `Country`.
    Country,
    /// `Genre`.
    Genre,
    /// `Opens`, `Release date`, `In theaters`.
    Release,
    /// `Year:`.
    Year,
    /// `Rated`, `Certificate`: an MPAA rating, not the review's.
    Rated,
    /// Crew and company credits the catalog does not keep; the line is still metadata.
    Other,
}

/// How the label is separated from its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    /// `Director: X`, `Director – X`, or a label ending in `by` (`Directed by X`).
    Strong,
    /// Variety's `Screenplay, X`.
    Comma,
    /// `Director X`: accepted only when the whole value parses.
    Space,
    /// The label alone: a block header, values on the following lines.
    End,
}

/// A credit label at the start of a piece, and its separator.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)^(?P<label>
        written\s+and\s+directed\s+by | directed\s+and\s+written\s+by | writer[-/\s]director |
        director\s+of\s+photography | cinematographer | casting\s+director | directed\s+by | directors? |
        dir/scr\.? | dir\.? | direction |
        written\s+by | screenplay(?:\s+by)? | screenwriters? | script(?:\s+by)? | writers? |
        starring | stars | cast | actors? | with | featuring | voice\s+cast | voices |
        run\s*time | running\s+time | length | duration |
        original\s+languages? | languages? | countr(?:y|ies)(?:\s+of\s+origin)? | genres? |
        release\s+year | year\s+released | year\s+of\s+release | production\s+year |
        opens(?:\s+in\s+(?:theaters|theatres|cinemas))? | opening | release\s+date | released | release |
        in\s+(?:theaters|theatres|cinemas) | u[sk]\s+release |
        original\s+title | also\s+known\s+as | a\.?k\.?a\.? | alternative\s+titles? | title | film |
        year |
        produced\s+by | producers? | executive\s+producers? | cinematography | camera | edited\s+by |
        editor | editing | music(?:\s+by)? | score\s+by | production\s+design(?:er)? | costume\s+design(?:er)? |
        distributor | distributed\s+by | studio | production\s+compan(?:y|ies) |
        rated | mpaa\s+rating | rating | certificate | cert\.? |
        venue | casting(?:\s+director)? | sales | availability | the\s+bottom\s+line | bottom\s+line
        )(?P<qual>\s*\([^()]{1,60}\))?(?P<sep>\s*[:：]\s*|\s+[–—-]\s+|\s*,\s+|\s+|\s*$)",
    )
});

/// The kind of credit a label announces.
fn kind_of(label: &str) -> Kind {
    let label = label.to_ascii_lowercase();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let starts = |p: &str| label.starts_with(p);
    if label == "dir/scr"
        || label == "dir/scr."
        || starts("written and directed")
        || starts("directed and written")
        || starts("writer") && label.contains("director")
    {
        Kind::WriterDirector
    } else if starts("director of photography") || starts("casting") {
        Kind::Other
    } else if starts("direct") || label == "dir." || label == "dir" {
        Kind::Director
    } else if starts("writ") || starts("screen") || starts("script") {
        Kind::Writer
    } else if label.contains("year") {
        Kind::Year
    } else if starts("star")
        || starts("actor")
        || label == "cast"
        || label == "with"
        || starts("featuring")
        || starts("voice")
    {
        Kind::Cast
    } else if starts("run") || label == "length" || label == "duration" {
        Kind::Runtime
    } else if starts("original language") || starts("language") {
        Kind::Language
    } else if starts("countr") {
        Kind::Country
    } else if starts("genre") {
        Kind::Genre
    } else if starts("open")
        || starts("release")
        || starts("in t")
        || starts("in c")
        || label.ends_with("release")
    {
        Kind::Release
    } else if starts("original title") {
        Kind::OriginalTitle
    } else if starts("also") || starts("a.k") || starts("aka") || starts("alternative") {
        Kind::AltTitle
    } else if label == "title" || label == "film" {
        Kind::Title
    } else if starts("rated") || starts("mpaa") || starts("cert") || label == "rating" {
        Kind::Rated
    } else {
        Kind::Other
    }
}

/// A label matched at the start of a piece of text.
pub struct Labelled {
    /// What the label announces.
    pub kind: Kind,
    /// How the value is separated from it.
    pub sep: Sep,
    /// Where the value starts in the piece.
    pub value_at: usize,
}

/// The label at the start of `text`, if any.
pub fn match_label(text: &str) -> Option<Labelled> {
    let caps = LABEL.captures(text)?;
    let label = caps.name("label")?.as_str();
    let sep_match = caps.name("sep")?;
    let sep_text = sep_match.as_str();
    let by_label = label.to_ascii_lowercase().ends_with(" by")
        || label.eq_ignore_ascii_case("starring")
        || label.eq_ignore_ascii_case("featuring");
    let sep = if sep_match.end() == text.len() && sep_text.trim().is_empty() {
        Sep::End
    } else if sep_text.contains([':', '：', '–', '—', '-']) || by_label {
        Sep::Strong
    } else if sep_text.contains(',') {
        Sep::Comma
    } else {
        Sep::Space
    };
    let source_credit = caps
        .name("qual")
        .is_some_and(|q| q.as_str().contains("based on") || q.as_str().contains("source"));
    Some(Labelled {
        kind: if source_credit {
            Kind::Other
        } else {
            kind_of(label)
        },
        sep,
        value_at: sep_match.end(),
    })
}

/// True when the text starts with a credit label (`Director:`, `Running time`), other than a crew
/// word followed by a space, which titles may start with (`Music Box`).
pub fn is_credit_label(text: &str) -> bool {
    match_label(text).is_some_and(|l| !(l.sep == Sep::Space && l.kind == Kind::Other))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<(Kind, Sep)> {
        match_label(text).map(|l| (l.kind, l.sep))
    }

    #[test]
    fn labels_and_separators() {
        assert_eq!(
            label("Director Jacques Audiard"),
            Some((Kind::Director, Sep::Space))
        );
        assert_eq!(
            label("Directed by Jacques Audiard"),
            Some((Kind::Director, Sep::Strong))
        );
        assert_eq!(label("Dir. Kelly Ruiz"), Some((Kind::Director, Sep::Space)));
        assert_eq!(
            label("Screenplay, Audiard"),
            Some((Kind::Writer, Sep::Comma))
        );
        assert_eq!(
            label("Written and directed by X"),
            Some((Kind::WriterDirector, Sep::Strong))
        );
        assert_eq!(
            label("Running time: 110 MIN."),
            Some((Kind::Runtime, Sep::Strong))
        );
        assert_eq!(
            label("Release Date (Theaters): Mar 3"),
            Some((Kind::Release, Sep::Strong))
        );
        assert_eq!(label("Cast"), Some((Kind::Cast, Sep::End)));
        assert_eq!(
            label("Director of photography, X"),
            Some((Kind::Other, Sep::Comma))
        );
        assert_eq!(
            label("Writer (based on the novel by)").map(|l| l.0),
            Some(Kind::Other)
        );
        assert_eq!(label("Audiard understands"), None);
    }
}
