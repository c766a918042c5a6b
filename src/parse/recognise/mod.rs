//! The recognisers. Each is a [`Recogniser`]: it reads the lines, adds candidate values (each with
//! its byte span and a confidence on the one scale of `parse::confidence`) to [`Found`], and marks
//! the lines it used up as not prose. [`PIPELINE`] is the order they run in, and why.

pub mod byline;
pub mod capsule_head;
pub mod credit_pieces;
pub mod credits;
pub mod language_prose;
pub mod masthead;
pub mod people;
pub mod people_unpaired;
pub mod rating;
pub mod rating_scale;
pub mod runtime_shapes;
pub mod title;
pub mod title_agreement;
pub mod title_confirm;
pub mod title_line;
pub mod title_prose;
pub mod title_year;

use crate::parse::found::Found;
use crate::parse::text::Line;

/// A recogniser: reads every line and adds what it finds to `found`.
pub type Recogniser = fn(&[Line<'_>], &mut Found);

/// The recognisers in the order they run. A recogniser skips lines an earlier one used up, and
/// some read what earlier ones found, so the order is part of the evidence:
pub const PIPELINE: [(&str, Recogniser); 24] = [
    // Star lines and grades first: a rating line is then no title, credit or prose, and the title
    // recogniser can see that a line sits right above the stars.
    ("rating", rating::scan),
    // Stars whose scale the rating does not state, on a page that rates out of four.
    ("star scale", rating_scale::four_star_pages),
    // Bylines, datelines, mastheads and addresses next, so they are not read as headings.
    ("byline", byline::scan),
    // Headlines and title lines, before credits: a heading names the film surer than a credit.
    ("title", title::scan),
    // A roundup's first capsule head (`ALADDIN. 2.5 stars. …`): after the headings, whose shapes
    // are surer, before the signatures and credits that read the title found.
    ("capsule head", capsule_head::first_capsule),
    // A bare name beside the headline or under a capsule: needs the titles found.
    ("signature", byline::signatures),
    // Outlets the known list lacks, named by a page title's site part, a copyright line or the
    // prose (`on behalf of the Randburg Sun`); after the bylines, whose known outlets are surer.
    ("masthead", masthead::scan),
    // The critic the page introduces (`critic Milan Paurich takes a look`), when no byline did.
    ("critic introduced", masthead::critic_introduced),
    // Labelled credits, single lines and blocks, and the title line that heads a credits block.
    ("credits", credits::scan),
    // Running times in unlabelled shapes; after credits, whose labelled times are surer.
    ("runtime shapes", runtime_shapes::scan),
    // Spoken languages stated in sentences (`presented in Persian with English subtitles`).
    ("languages in prose", language_prose::scan),
    // Only when no heading named the film: a short top line the prose repeats.
    ("repeated heading", title_prose::repeated_heading),
    // Still no title: one the prose names twice (`Dan Sallitt's Fourteen`, a quoted `“Title”`).
    ("titles in prose", title_prose::named_twice),
    // Still none: a blog post's head, under its date or echoed by the first paragraph.
    ("post head", title_prose::post_head),
    // Directors named in the prose (`director X`, `X's first film`).
    ("crew in prose", people::crew_in_prose),
    // Directors named by the verb (`Shonali Bose directs this movie`).
    ("directs", people_unpaired::directors_by_verb),
    // Cast in the prose last: telling actor from character needs every name the credits know.
    ("cast in prose", people::scan),
    // Cast without a character (`X plays a sailor`, `starring A, B and C`): after the pairs, so a
    // name they paired keeps its character.
    ("unpaired cast", people_unpaired::unpaired_cast),
    // A name the prose pairs with an actor as their character is no director.
    ("crew not characters", people_unpaired::crew_not_characters),
    // Still no title: the phrase the whole text agrees on, weighed by its places and mentions;
    // last, so that every person found is known not to be the film.
    ("title agreement", title_agreement::agreement),
    // Whatever named the film, a top line with its full title (`Solo: A Star Wars Story`).
    ("full title", title_agreement::full_title),
    // Then the title must be borne out: one the text never names again yields to a head line's
    // part that the prose repeats, quotes or prints in capitals.
    ("title confirmed", title_confirm::confirm),
    // The film's year beside its title in the prose (`Happening (2021)`): needs the title.
    ("year beside the title", title_year::beside_title),
    // The director's possessive before the film's title (`Funke Akindele’s ‘Omo Ghetto’`).
    ("possessive director", people_unpaired::possessive_director),
];

/// Runs every recogniser over `lines`, in [`PIPELINE`] order.
pub fn run(lines: &[Line<'_>], found: &mut Found) {
    for (_, recogniser) in PIPELINE {
        recogniser(lines, found);
    }
}
