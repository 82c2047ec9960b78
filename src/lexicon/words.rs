//! Closed word classes the attribution rules lean on. Lowercase, matched
//! against lowercased tokens.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// A closed class of words: the test of one (`matches!`, which compiles to
/// a few comparisons), and its list, from which [`is_function_word`] builds
/// one set of several classes.
macro_rules! word_class {
    ($(#[$doc:meta])* $name:ident, $list:ident: $($w:literal)|+) => {
        $(#[$doc])*
        pub fn $name(w: &str) -> bool {
            matches!(w, $($w)|+)
        }
        const $list: &[&str] = &[$($w),+];
    };
}

word_class!(
    is_subject_pronoun, SUBJECT_PRONOUNS:
        "he" | "she" | "they" | "it" | "we" | "i"
);

pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "it" | "us" | "me")
}

word_class!(
    is_possessive, POSSESSIVES:
        "his" | "her" | "their" | "its" | "my" | "our"
);

pub fn is_first_person(w: &str) -> bool {
    matches!(w, "i" | "we" | "me" | "us" | "my" | "our")
}

word_class!(
    is_determiner, DETERMINERS:
        "the" | "a" | "an" | "another" | "one" | "some" | "many" | "several" | "this" | "these"
        | "those" | "its" | "his" | "her" | "their" | "our" | "my" | "most" | "all" | "both"
        | "other" | "few" | "two" | "three" | "four" | "five" | "any" | "each" | "every"
);

word_class!(
    is_preposition, PREPOSITIONS:
        "of" | "in" | "on" | "at" | "by" | "for" | "from" | "with" | "to" | "about" | "against"
        | "into" | "over" | "under" | "after" | "before" | "during" | "since" | "than" | "like"
        | "via" | "through" | "between" | "among" | "without" | "within" | "across" | "behind"
        | "unlike" | "toward" | "towards" | "despite" | "alongside" | "amid" | "amidst"
        | "throughout" | "beyond" | "per" | "upon" | "onto" | "inside" | "outside" | "near"
);

/// Words that open a subordinate or relative clause: a subject never spans them.
/// A word that opens an adverbial clause or phrase before or after the main
/// clause: `despite being an alumna, she …`, `while he trails in polls, …`.
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "despite"
            | "if"
            | "when"
            | "whenever"
            | "while"
            | "after"
            | "before"
            | "although"
            | "though"
            | "unless"
            | "once"
            | "until"
            | "because"
            | "since"
            | "given"
            | "regardless"
    )
}

word_class!(
    is_clause_boundary, CLAUSE_BOUNDARIES:
        "that" | "which" | "who" | "whom" | "whose" | "because" | "while" | "when" | "where"
        | "if" | "although" | "though" | "but" | "or" | "as" | "so" | "until" | "unless"
        | "whether" | "and" | "then"
);

/// Adverbs and auxiliaries that may stand between a subject and its speech verb.
pub fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "since"
            | "however"
            | "then"
            | "now"
            | "too"
            | "once"
            | "later"
            | "previously"
            | "earlier"
            | "recently"
            | "has"
            | "have"
            | "had"
            | "long"
            | "repeatedly"
            | "again"
            | "further"
            | "publicly"
            | "privately"
            | "reportedly"
            | "allegedly"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "never"
            | "always"
            | "often"
            | "still"
            | "already"
            | "even"
            | "just"
            | "only"
            | "first"
            | "immediately"
            | "quickly"
            | "consistently"
            | "angrily"
            | "openly"
            | "flatly"
            | "loudly"
            | "simply"
            | "famously"
            | "bluntly"
            | "plainly"
            | "frequently"
            | "subsequently"
            | "similarly"
            | "separately"
            | "recently,"
    )
}

/// Finite verbs and modals that mark a following clause ("said the arrest *was* …").
pub fn is_finite_marker(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
            | "does"
            | "did"
            | "do"
            | "won't"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "can't"
            | "cannot"
            | "don't"
            | "doesn't"
            | "didn't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "weren't"
            | "wouldn't"
            | "couldn't"
            | "shouldn't"
            | "needs"
            | "remains"
            | "became"
            | "becomes"
    )
}

/// A number written as a word (`five`, `twenty`, `hundred`).
pub fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "thousand"
    )
}

/// Passive or infinitive markers: `is said to`, `declined to comment`.
pub fn blocks_cue(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "to"
            | "a"
            | "an"
            | "the"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "this"
            | "that"
            | "no"
            | "of"
            | "for"
    )
}

/// Function words of no other class.
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "according",
    "speaking",
    "however",
    "meanwhile",
    "yesterday",
    "today",
    "tomorrow",
    "rather",
    "thus",
    "also",
    "earlier",
    "later",
    "last",
    "next",
    "still",
    "yet",
    "instead",
    "indeed",
    "interestingly",
    "fortunately",
    "unfortunately",
    "perhaps",
    "now",
    "here",
    "there",
    "what",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "says",
    "said",
    "asked",
    "much",
    "even",
    "just",
    "not only",
    "mr",
    "ms",
    "mrs",
    "dr",
    "file",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Capitalised words that are never the start of a name.
pub fn is_function_word(w: &str) -> bool {
    // One hash look-up instead of six classes tested in turn: this runs for
    // every capitalised word.
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        [
            DETERMINERS,
            PREPOSITIONS,
            CLAUSE_BOUNDARIES,
            SUBJECT_PRONOUNS,
            POSSESSIVES,
            OTHER_FUNCTION_WORDS,
        ]
        .concat()
        .into_iter()
        .collect()
    });
    SET.contains(w)
}

/// Lowercase connectors allowed inside a name (`Bank of England`, `Abu Bakr al-Baghdadi`).
pub fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "van"
            | "von"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "la"
            | "le"
            | "du"
            | "da"
            | "del"
            | "y"
            | "&"
            | "and"
    )
}

/// Titles that, at the head of a capitalised run, belong to the role, not the name.
pub fn is_title(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    matches!(
        w,
        "sen"
            | "premier"
            | "senator-elect"
            | "sens"
            | "rep"
            | "reps"
            | "gov"
            | "gen"
            | "col"
            | "lt"
            | "capt"
            | "sgt"
            | "maj"
            | "adm"
            | "cmdr"
            | "rev"
            | "hon"
            | "atty"
            | "supt"
            | "insp"
            | "cpl"
            | "pvt"
            | "prof"
            | "msgr"
            | "fr"
            | "baroness"
            | "baron"
            | "earl"
            | "duke"
            | "duchess"
            | "viscount"
            | "president"
            | "ceo"
            | "cfo"
            | "coo"
            | "cto"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "minister"
            | "prime"
            | "senator"
            | "sen."
            | "rep."
            | "representative"
            | "governor"
            | "gov."
            | "mayor"
            | "judge"
            | "justice"
            | "general"
            | "gen."
            | "colonel"
            | "col."
            | "captain"
            | "commander"
            | "admiral"
            | "director"
            | "secretary"
            | "chancellor"
            | "chief"
            | "commissioner"
            | "ambassador"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "dr."
            | "dr"
            | "mr."
            | "mr"
            | "mrs."
            | "mrs"
            | "ms."
            | "ms"
            | "prof."
            | "professor"
            | "pope"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "sheikh"
            | "attorney"
            | "founder"
            | "co-founder"
            | "deputy"
            | "vice"
            | "head"
            | "officer"
            | "lawmaker"
            | "mp"
            | "sir"
            | "lord"
            | "lady"
            | "dame"
            | "rabbi"
            | "bishop"
            | "imam"
            | "analyst"
            | "councillor"
            | "councilor"
            | "councilman"
            | "councilwoman"
            | "alderman"
            | "alderwoman"
            | "assemblyman"
            | "assemblywoman"
            | "congressman"
            | "congresswoman"
            | "sheriff"
            | "detective"
            | "inspector"
            | "sergeant"
            | "constable"
            | "coach"
            | "manager"
    )
}

/// Head words of organisation names (`… Service`, `… Ministry`).
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "utilities"
            | "industries"
            | "systems"
            | "holdings"
            | "partners"
            | "airlines"
            | "airways"
            | "motors"
            | "labs"
            | "laboratories"
            | "energy"
            | "railways"
            | "foods"
            | "brands"
            | "technologies"
            | "pharmaceuticals"
            | "networks"
            | "communications"
            | "solutions"
            | "capital"
            | "ventures"
            | "logistics"
            | "insurance"
            | "bancorp"
            | "service"
            | "services"
            | "agency"
            | "ministry"
            | "institute"
            | "group"
            | "company"
            | "corporation"
            | "inc"
            | "inc."
            | "corp"
            | "corp."
            | "ltd"
            | "llc"
            | "council"
            | "committee"
            | "party"
            | "union"
            | "bank"
            | "university"
            | "directorate"
            | "army"
            | "office"
            | "department"
            | "commission"
            | "foundation"
            | "association"
            | "police"
            | "court"
            | "government"
            | "parliament"
            | "congress"
            | "senate"
            | "state"
            | "forces"
            | "administration"
            | "organization"
            | "organisation"
            | "federation"
            | "republic"
            | "kingdom"
            | "states"
            | "emirates"
            | "airport"
            | "street"
            | "valley"
            | "city"
            | "centre"
            | "center"
            | "network"
            | "board"
            | "authority"
            | "alliance"
            | "coalition"
            | "league"
            | "club"
            | "fund"
            | "nations"
            | "media"
            | "power"
            | "oil"
            | "gas"
            | "telecom"
            | "software"
            | "enterprises"
            | "shipping"
            | "electric"
            | "pharma"
            | "co"
            | "co."
            | "plc"
            | "ag"
            | "gmbh"
            | "institution"
            | "trust"
            | "society"
            | "school"
            | "hospital"
            | "museum"
            | "port"
            | "exchange"
            | "bureau"
            | "command"
            | "navy"
            | "guard"
    )
}

/// Head words of outlet names (`The Wall Street Journal`, `Daily Mirror`).
pub fn is_outlet_word(w: &str) -> bool {
    matches!(
        w,
        "journal"
            | "times"
            | "post"
            | "news"
            | "gazette"
            | "herald"
            | "tribune"
            | "telegraph"
            | "mirror"
            | "chronicle"
            | "observer"
            | "guardian"
            | "magazine"
            | "daily"
            | "today"
            | "press"
            | "radio"
            | "tv"
            | "television"
            | "broadcasting"
            | "wire"
            | "zeitung"
            | "gazeta"
            | "pravda"
            | "izvestia"
            | "courier"
            | "dispatch"
            | "bulletin"
            | "standard"
            | "express"
            | "inquirer"
            | "examiner"
            | "monitor"
            | "insider"
    )
}

/// Common nouns that describe an outlet (`the publication "Liberation"`).
pub fn is_outlet_noun(w: &str) -> bool {
    matches!(
        w,
        "publication"
            | "newspaper"
            | "paper"
            | "magazine"
            | "outlet"
            | "daily"
            | "tabloid"
            | "broadcaster"
            | "channel"
            | "weekly"
            | "website"
            | "site"
            | "blog"
            | "agency"
    )
}

/// Common nouns that describe an organisation (`the company added`).
pub fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "app"
            | "service"
            | "platform"
            | "messenger"
            | "startup"
            | "start-up"
            | "organization"
            | "organisation"
            | "ministry"
            | "government"
            | "agency"
            | "department"
            | "bank"
            | "group"
            | "party"
            | "team"
            | "club"
            | "charity"
            | "network"
            | "university"
            | "corporation"
            | "business"
            | "manufacturer"
            | "carrier"
            | "retailer"
            | "regulator"
            | "embassy"
            | "side"
            | "kremlin"
            | "white house"
    )
}

/// Collective nouns that denote a group even in the singular.
pub fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "staff"
            | "military"
            | "people"
            | "public"
            | "crew"
            | "panel"
            | "jury"
            | "family"
    )
}

/// Singular nouns for a person: `the spokesman said` refers back to someone named.
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "minister"
            | "director"
            | "executive"
            | "chief"
            | "president"
            | "officer"
            | "lawyer"
            | "attorney"
            | "analyst"
            | "expert"
            | "founder"
            | "co-founder"
            | "adviser"
            | "advisor"
            | "researcher"
            | "professor"
            | "judge"
            | "senator"
            | "governor"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "secretary"
            | "ambassador"
            | "commander"
            | "general"
            | "leader"
            | "head"
            | "manager"
            | "economist"
            | "scientist"
            | "doctor"
            | "activist"
            | "blogger"
            | "journalist"
            | "author"
            | "witness"
            | "prosecutor"
            | "investigator"
            | "inspector"
            | "commissioner"
            | "man"
            | "woman"
            | "entrepreneur"
            | "billionaire"
            | "businessman"
            | "businesswoman"
            | "lawmaker"
            | "politician"
            | "diplomat"
            | "campaigner"
            | "organiser"
            | "organizer"
            | "coach"
            | "player"
            | "ceo"
            | "owner"
            | "developer"
            | "engineer"
            | "designer"
            | "mother"
            | "father"
            | "veteran"
            | "student"
            | "teacher"
            | "priest"
            | "resident"
            | "farmer"
            | "worker"
            | "user"
            | "critic"
            | "historian"
            | "professional"
            | "specialist"
            | "consultant"
            | "agent"
    )
}

/// Days and relative time words: `said Tuesday`, `on Friday said`.
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
            | "previously"
            | "again"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "separately"
            | "afterward"
            | "afterwards"
            | "then"
            | "now"
    )
}

/// `she's`, `they're`, `we'll`, `he'd`: a pronoun subject with its verb.
pub fn is_pronoun_contraction(w: &str) -> bool {
    let Some(i) = w.find(['\'', '’']) else {
        return false;
    };
    is_subject_pronoun(&w[..i]) || matches!(&w[..i], "there" | "that" | "it")
}

/// Documents and data that can be the source of a finding (`the report found`).
pub fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "reports"
            | "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "data"
            | "figures"
            | "statistics"
            | "numbers"
            | "analysis"
            | "audit"
            | "review"
            | "investigation"
            | "inquiry"
            | "records"
            | "documents"
            | "document"
            | "filing"
            | "filings"
            | "lawsuit"
            | "suit"
            | "complaint"
            | "indictment"
            | "ruling"
            | "memo"
            | "letter"
            | "email"
            | "emails"
            | "e-mails"
            | "statement"
            | "research"
            | "paper"
            | "census"
            | "estimates"
            | "projections"
            | "count"
            | "tally"
            | "assessment"
            | "evaluation"
            | "findings"
            | "results"
            | "evidence"
            | "photos"
            | "photographs"
            | "pictures"
            | "images"
            | "video"
            | "videos"
            | "footage"
            | "transcript"
            | "transcripts"
            | "markets"
            | "forecast"
            | "model"
    )
}

/// A noun that can name who speaks: a person, an organisation, a group, an
/// outlet, a document, or an agent noun (`residents`, `protesters`, `analysts`).
pub fn is_agent_noun(w: &str) -> bool {
    let singular = w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w);
    let y = w.strip_suffix("ies").map(|s| format!("{s}y"));
    let forms = [Some(w), Some(singular), y.as_deref()];
    forms.iter().flatten().any(|w| {
        is_person_noun(w)
            || is_org_noun(w)
            || is_group_noun(w)
            || is_outlet_noun(w)
            || is_document_noun(w)
            || matches!(
                *w,
                "person"
                    | "individual"
                    | "someone"
                    | "insider"
                    | "witness"
                    | "campaign"
                    | "candidate"
                    | "source"
                    | "aide"
                    | "ally"
                    | "friend"
                    | "airline"
                    | "team"
                    | "board"
                    | "party"
                    | "office"
                    | "department"
                    | "committee"
                    | "administration"
                    | "government"
                    | "agency"
                    | "group"
                    | "coalition"
                    | "union"
                    | "organization"
                    | "organisation"
                    | "crowd"
                    | "family"
                    | "men"
                    | "women"
                    | "people"
                    | "staff"
                    | "panel"
                    | "court"
                    | "council"
                    | "legislature"
                    | "congress"
                    | "parliament"
                    | "senate"
                    | "house"
                    | "ministry"
                    | "embassy"
                    | "police"
                    | "military"
                    | "army"
                    | "navy"
                    | "company"
                    | "firm"
                    | "bank"
                    | "club"
                    | "league"
                    | "church"
                    | "school"
                    | "university"
                    | "hospital"
                    | "city"
                    | "state"
                    | "county"
                    | "country"
            )
    }) || [
        "er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "ive", "al", "an",
    ]
    .iter()
    .any(|suf| singular.ends_with(suf))
}

/// A US party-and-state tag: `D-Mass.`, `R-Texas`, `(D-N.Y.)`.
pub fn is_party_tag(w: &str) -> bool {
    let w = w.trim_matches(|c| c == '(' || c == ')' || c == ',');
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Words that label a paragraph rather than name a speaker (`Latest:`,
/// `Editor's Note:`, `Correction:`).
pub fn is_heading_word(w: &str) -> bool {
    matches!(
        w,
        "latest"
            | "the latest"
            | "update"
            | "updated"
            | "correction"
            | "clarification"
            | "note"
            | "editor's note"
            | "editor’s note"
            | "editors note"
            | "plus"
            | "week"
            | "paid notice"
            | "morning email"
            | "breaking"
            | "breaking news"
            | "watch"
            | "read"
            | "related"
            | "video"
            | "photos"
            | "opinion"
            | "analysis"
            | "exclusive"
            | "background"
            | "context"
            | "disclosure"
            | "warning"
            | "spoiler"
            | "bottom line"
            | "question"
            | "answer"
            | "transcript"
    )
}

// ---------------------------------------------------------------------------
// Shared with the claim matcher
// ---------------------------------------------------------------------------

/// English function words that carry no claim content.
pub fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "if"
            | "then"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "to"
            | "into"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "doing"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "it"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "he"
            | "she"
            | "they"
            | "them"
            | "his"
            | "her"
            | "their"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "who"
            | "whom"
            | "which"
            | "what"
            | "there"
            | "here"
            | "so"
            | "such"
            | "than"
            | "too"
            | "very"
            | "just"
            | "also"
            | "about"
            | "over"
            | "under"
            | "more"
            | "most"
            | "much"
            | "many"
            | "some"
            | "any"
            | "all"
            | "both"
            | "each"
            | "other"
            | "only"
            | "own"
            | "same"
            | "s"
            | "t"
            | "via"
            | "up"
            | "out"
            | "because"
            | "while"
            | "when"
            | "where"
            | "how"
            | "why"
            | "said"
            | "says"
            | "say"
            | "according"
    )
}

/// Words that turn a statement around.
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "nobody" | "none" | "nothing" | "neither" | "nor" | "without"
    )
}

/// Verbs that negate an infinitive after them: "refused to unload" = "did not unload".
pub fn is_negating_verb(w: &str) -> bool {
    matches!(
        w,
        "refuse"
            | "refuses"
            | "refused"
            | "refusing"
            | "fail"
            | "fails"
            | "failed"
            | "failing"
            | "decline"
            | "declines"
            | "declined"
            | "declining"
    )
}

/// Peerage titles, kept with the name they precede (`Lord Butler`).
pub fn is_peerage(w: &str) -> bool {
    matches!(
        w,
        "lord"
            | "lady"
            | "baron"
            | "baroness"
            | "earl"
            | "duke"
            | "duchess"
            | "viscount"
            | "countess"
    )
}

/// Verbs of telling what one knows: negated (`would not say`, `declined to
/// confirm`) they withhold a statement rather than make one.
pub fn is_disclosure_verb(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "says"
            | "said"
            | "tell"
            | "tells"
            | "told"
            | "comment"
            | "comments"
            | "commented"
            | "confirm"
            | "confirms"
            | "confirmed"
            | "disclose"
            | "disclosed"
            | "reveal"
            | "revealed"
            | "specify"
            | "specified"
            | "elaborate"
            | "elaborated"
            | "discuss"
            | "discussed"
            | "answer"
            | "answered"
            | "explain"
            | "explained"
            | "name"
            | "named"
            | "identify"
            | "identified"
            | "mention"
            | "mentioned"
            | "respond"
            | "responded"
    )
}

/// A common noun that heads a description of a named thing ("the messaging
/// app Telegram", "Dalvane, a shipping company"), so that the document's
/// "the app" may stand for the name. A closed class, like the stop words.
pub const DESCRIPTORS: &[&str] = &[
    "app",
    "application",
    "messenger",
    "service",
    "platform",
    "network",
    "company",
    "firm",
    "site",
    "website",
    "newspaper",
    "paper",
    "magazine",
    "broadcaster",
    "group",
    "organisation",
    "organization",
    "agency",
    "party",
    "union",
    "ministry",
    "bank",
    "airline",
    "carrier",
    "startup",
    "retailer",
    "manufacturer",
    "maker",
    "giant",
    "operator",
    "charity",
    "club",
    "university",
];

/// Per first and last letter (either case; 26 for anything else), the
/// lengths of the descriptors with them, a bit each: most words are ruled
/// out by these three alone, without a branch.
static DESCRIPTOR_SHAPES: [[u32; 27]; 27] = {
    let mut t = [[0u32; 27]; 27];
    let mut k = 0;
    while k < DESCRIPTORS.len() {
        let d = DESCRIPTORS[k].as_bytes();
        t[(d[0] - b'a') as usize][(d[d.len() - 1] - b'a') as usize] |= 1 << d.len();
        k += 1;
    }
    t
};

/// A letter's place in the alphabet, either case; 26 for any other byte.
static LETTER: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = c as u8;
        t[b'A' as usize + c] = c as u8;
        c += 1;
    }
    t
};

/// Whether `w` (lowercase) is one of the [`DESCRIPTORS`].
pub fn is_descriptor(w: &str) -> bool {
    is_descriptor_bytes(w.as_bytes())
}

/// [`is_descriptor`] of a word's bytes.
pub fn is_descriptor_bytes(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    might_be_descriptor(first, last, w.len())
        && packed(w).is_some_and(|k| DESCRIPTOR_KEYS.binary_search(&k).is_ok())
}

/// A word of up to 16 bytes as one integer, for comparing without `memcmp`.
const fn packed(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    let mut k = 0u128;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    Some(k)
}

/// The [`DESCRIPTORS`] as [`packed`] keys, sorted.
static DESCRIPTOR_KEYS: [u128; DESCRIPTORS.len()] = {
    let mut keys = [0u128; DESCRIPTORS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match packed(DESCRIPTORS[i].as_bytes()) {
            Some(k) => k,
            None => panic!("descriptors are short words"),
        };
        i += 1;
    }
    // Insertion sort: a const context has no `sort`.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Whether a word of `len` bytes from the byte `first` to the byte `last`
/// (either case) can be a descriptor.
pub fn might_be_descriptor(first: u8, last: u8, len: usize) -> bool {
    let shapes = DESCRIPTOR_SHAPES[usize::from(LETTER[usize::from(first)])]
        [usize::from(LETTER[usize::from(last)])];
    (shapes >> len.min(31)) & 1 != 0
}
