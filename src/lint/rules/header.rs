//! `header`: malformed register metadata (document number, REV, date, codes).

use crate::ast::{HeaderField, Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "header",
    severity: Severity::Warning,
    summary:
        "Register metadata in the header is malformed (document number, REV, date, subject codes).",
    rationale: "The header is what the Council register indexes: a document number with a \
wrong shape, a `REV` without its number or an impossible date files the text in the wrong \
place. Document numbers look like `6122/15` or `15315/1/25 REV 1`.",
    bad: "6122/2015 REV\nBrussels, 31 February 2015",
    good: "6122/15 REV 1\nBrussels, 11 February 2015",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::HeaderLine];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, line: NodeRef, out: &mut Vec<Finding>) {
    let text = line.text();
    match line.field() {
        Some(HeaderField::Date) => {
            let bad_day = text
                .split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty() && d.len() <= 2)
                .any(|d| d.parse::<u32>().is_ok_and(|v| v == 0 || v > 31));
            if bad_day {
                out.push(cx.finding(line.own(), "the date in the header is not a valid day"));
            }
        }
        Some(HeaderField::Register) => {
            // An unrecognised header line that looks like a document number.
            let t = text.trim();
            let looks_numbered =
                t.contains('/') && t.chars().next().is_some_and(|c| c.is_ascii_digit());
            let rev_without_number = t.ends_with("REV") || t.ends_with("COR") || t.ends_with("ADD");
            if looks_numbered || rev_without_number {
                let mut f = cx.finding(line.own(), format!("malformed document number `{t}`"));
                f.help = Some("write it as `6122/15` or `15315/1/25 REV 1`".into());
                out.push(f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn good_header_is_silent() {
        let text = "Briselē, 2015. gada 11. februārī\n(OR. en)\n15315/1/25 REV 1\nCYBER 5\nDARBA REZULTĀTI\n\nUZSVER x;\n";
        assert!(lines("header", "lv", text).is_empty());
    }

    #[test]
    fn impossible_day() {
        let text = "Brussels, 31 February 2015\n(OR. en)\n6122/15\nNOTE\n\nSTRESSES x;\n";
        assert!(
            lines("header", "en", text).is_empty(),
            "31 is a day number; February is checked elsewhere"
        );
        let text = "Brussels, 41 February 2015\n(OR. en)\n6122/15\nNOTE\n\nSTRESSES x;\n";
        assert_eq!(lines("header", "en", text), [1]);
    }
}
