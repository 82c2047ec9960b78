//! Closed word classes the attribution rules lean on. Lowercase, matched
//! against lowercased tokens.

pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "it" | "us" | "me")
}

pub fn is_possessive(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its" | "my" | "our")
}

pub fn is_first_person(w: &str) -> bool {
    matches!(w, "i" | "we" | "me" | "us" | "my" | "our")
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "another"
            | "one"
            | "some"
            | "many"
            | "several"
            | "this"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "most"
            | "all"
            | "both"
            | "other"
            | "few"
            | "two"
            | "three"
            | "four"
            | "five"
            | "any"
            | "each"
            | "every"
    )
}

pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "to"
            | "about"
            | "against"
            | "into"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "since"
            | "than"
            | "like"
            | "via"
            | "through"
            | "between"
            | "among"
            | "without"
            | "within"
            | "across"
            | "behind"
            | "unlike"
            | "toward"
            | "towards"
    )
}

/// Words that open a subordinate or relative clause: a subject never spans them.
pub fn is_clause_boundary(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "because"
            | "while"
            | "when"
            | "where"
            | "if"
            | "although"
            | "though"
            | "but"
            | "or"
            | "as"
            | "so"
            | "until"
            | "unless"
            | "whether"
            | "and"
            | "then"
    )
}

/// Adverbs and auxiliaries that may stand between a subject and its speech verb.
pub fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
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
            | "needs"
            | "remains"
            | "became"
            | "becomes"
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

/// Capitalised words that are never the start of a name.
pub fn is_function_word(w: &str) -> bool {
    is_determiner(w)
        || is_preposition(w)
        || is_clause_boundary(w)
        || is_subject_pronoun(w)
        || is_possessive(w)
        || matches!(
            w,
            "according"
                | "speaking"
                | "however"
                | "meanwhile"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "rather"
                | "thus"
                | "also"
                | "earlier"
                | "later"
                | "last"
                | "next"
                | "still"
                | "yet"
                | "instead"
                | "indeed"
                | "interestingly"
                | "fortunately"
                | "unfortunately"
                | "perhaps"
                | "now"
                | "here"
                | "there"
                | "what"
                | "why"
                | "how"
                | "not"
                | "no"
                | "yes"
                | "says"
                | "said"
                | "asked"
                | "much"
                | "even"
                | "just"
                | "not only"
                | "mr"
                | "ms"
                | "mrs"
                | "dr"
                | "file"
        )
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
    matches!(
        w,
        "president"
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
    )
}

/// Head words of organisation names (`… Service`, `… Ministry`).
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "service"
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
            | "labs"
            | "technologies"
            | "systems"
            | "media"
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
