//! `conclint languages`: every language pack with its coverage, so that what
//! was seen in real Council texts and what is general knowledge shows.

use crate::lexicon::Language;
use std::fmt::Write;

pub fn render() -> String {
    let mut out = String::from("code  language     verbs  verified  unverified  detector\n");
    let (mut all, mut seen) = (0, 0);
    for l in Language::all() {
        let verified = l.verbs.iter().filter(|v| v.verified.is_some()).count();
        all += l.verbs.len();
        seen += verified;
        let _ = writeln!(
            out,
            "{:<5} {:<12} {:>5}  {:>8}  {:>10}  {}",
            l.code,
            l.name,
            l.verbs.len(),
            verified,
            l.verbs.len() - verified,
            l.whatlang
                .as_deref()
                .unwrap_or(if l.marker_words.is_empty() {
                    "lexicon only"
                } else {
                    "lexicon, markers"
                })
        );
    }
    let _ = writeln!(
        out,
        "{} languages, {all} verb forms, {seen} verified in real Council texts",
        Language::all().len()
    );
    out
}
