//! `verb-unknown`: a capitalised word close to a lexicon verb but not in it.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "verb-unknown",
    severity: Severity::Error,
    summary: "A capitalised verb is not in the lexicon but close to an entry (a misspelling).",
    rationale: "A misspelt head verb (`UZSVĒR` for `UZSVER`) is invisible to spell-checkers, \
which skip words in capitals, yet it stands out in the adopted text and breaks the alignment \
of language versions. Acronyms and names in capitals are never reported. The finding is an \
error when the proposed form was seen in a real Council text (`conclint languages` shows the \
verified forms of each pack) and only info when it comes from general knowledge of EU usage.",
    bad: "UZSVĒR, ka ES ir jāattīsta digitālais vienotais tirgus;",
    good: "UZSVER, ka ES ir jāattīsta digitālais vienotais tirgus;",
    fixable: true,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Clause];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, clause: NodeRef, out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    {
        let Some(c) = clause.clause().filter(|c| c.misspelt()) else {
            return;
        };
        let form = c.lexicon_form();
        // The misspelt word is the first word of the verb.
        let start = clause.own().0;
        let text = clause.text();
        let first_len = crate::text::words(text)
            .next()
            .map_or(text.len(), |w| w.end);
        let range = (start, start + first_len);
        let written = cx.text(range);
        let meant = form.split_whitespace().next().unwrap_or(form).to_string();
        let mut f = cx.finding(
            range,
            format!("`{written}` is not a known verb; did you mean `{meant}`?"),
        );
        f.help = Some(format!("write `{meant}`"));
        // A correction is only as sure as the form it proposes: one seen in
        // a real Council text is an error to depart from, one from general
        // knowledge of EU terminology only worth a note.
        if c.form().verified.is_none() {
            f.severity = Severity::Info;
        }
        // Only a misspelling with exactly one close verb is fixed automatically.
        if crate::fuzzy::near_miss_is_unique(cx.lang, &crate::lexicon::upper(written)) {
            f.fix = cx.fix(range, meant);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{lines, run};

    #[test]
    fn misspelt_verbs_and_not_acronyms() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nUZSVER, ka EDSO un NATO;\n\nUZSVĒR, ka x un UZSVĒR y;\n\nAICINA ASEAN;\n";
        assert_eq!(lines("verb-unknown", "lv", text), [5, 5]);
        assert_eq!(
            run("verb-unknown", "lv", text)[0]
                .fix
                .as_ref()
                .unwrap()
                .replacement,
            "UZSVER"
        );
    }
}
