//! `subject-title-mismatch`: the header's subject and the title name different texts.

use crate::ast::{HeaderField, Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "subject-title-mismatch",
    severity: Severity::Info,
    summary: "The header's subject line and the title name different texts.",
    rationale: "The register's subject line and the title of the annex should name the same \
text; when one was edited and not the other, searches in the register find the wrong title. \
A subject that only adds the date or `– Council conclusions` to the title is not a mismatch.",
    bad: "Temats: Padomes secinājumi par kibernetikas diplomātiju … Padomes secinājumi par kiberdiplomātiju",
    good: "Temats: Padomes secinājumi par kiberdiplomātiju … Padomes secinājumi par kiberdiplomātiju",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// Lower-case words without digits, for comparison.
fn words(s: &str) -> Vec<String> {
    crate::text::words(s)
        .map(|w| w.text.to_lowercase())
        .collect()
}

/// True when `small`'s words appear in order within `big`.
fn contains_in_order(big: &[String], small: &[String]) -> bool {
    let mut it = big.iter();
    small.iter().all(|w| it.any(|b| b == w))
}

pub const KINDS: &[Kind] = &[Kind::Title, Kind::HeaderLine];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let Some(title) = nodes.iter().find(|n| n.kind() == Kind::Title) else {
        return;
    };
    let subject = nodes
        .iter()
        .find(|n| n.field() == Some(HeaderField::Subject));
    let Some(subject) = subject else { return };
    let subject_text = subject.text();
    let value = subject_text
        .split_once(':')
        .map_or(subject_text, |(_, v)| v);
    let mut title_text = title.text();
    // The marker's length is the end of the title's first word, a char
    // boundary: `get` never fails.
    if let Some(rest) = super::draft_marker::draft_marker_len(cx.lang, title_text)
        .and_then(|len| title_text.get(len..))
    {
        title_text = rest.trim_start_matches([' ', '–', '-', ':']);
    }
    let (s, t) = (words(value), words(title_text));
    if s.is_empty() || t.is_empty() || contains_in_order(&s, &t) || contains_in_order(&t, &s) {
        return;
    }
    let mut f = cx.finding(
        title.own(),
        format!("the title differs from the subject line `{}`", value.trim()),
    );
    f.help = Some("make the subject line and the title name the same text".into());
    out.push(f);
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn differing_and_matching_subjects() {
        let head = "(OR. en)\n6122/15\nSūtītājs:\tPadomes Ģenerālsekretariāts\n";
        let differ = format!("{head}Temats:\tPadomes secinājumi par kibernetikas diplomātiju\n\nPadomes secinājumi par kiberdiplomātiju\n\nEIROPAS SAVIENĪBAS PADOME,\n\nUZSVER x;\n");
        assert_eq!(lines("subject-title-mismatch", "lv", &differ), [6]);
        let same = format!("{head}Temats:\tPadomes secinājumi par kiberdiplomātiju – 2015. gada 10. februāris\n\nProjekts – Padomes secinājumi par kiberdiplomātiju\n\nEIROPAS SAVIENĪBAS PADOME,\n\nUZSVER x;\n");
        assert!(lines("subject-title-mismatch", "lv", &same).is_empty());
    }
}
