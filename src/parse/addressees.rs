//! Addressees of `call`, `encourage` and `recommend` clauses: who is called
//! upon (`AICINA Komisiju, Augsto pārstāvi un dalībvalstis` → `commission`,
//! `high_representative`, `member_states`). Phrases, connectors and skipped
//! words are per-language data in `rules/`.

use crate::lexicon::{upper, Language};

#[derive(Debug)]
struct Item<'a> {
    raw: &'a str,
    upper: String,
    comma: bool,
}

fn items(seg: &str) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut last = 0;
    for w in crate::text::words(seg) {
        // `last` is 0 or the end of the previous word, before `w.start`; both
        // are char boundaries of `seg`, so `get` never fails.
        let gap = seg.get(last..w.start).unwrap_or_default();
        if gap.contains(',') {
            out.push(Item {
                raw: ",",
                upper: ",".into(),
                comma: true,
            });
        }
        if gap.contains([':', ';', '.', '(']) {
            break; // the object noun phrase ends at stronger punctuation
        }
        out.push(Item {
            raw: w.text,
            upper: upper(w.text),
            comma: false,
        });
        last = w.end;
        if out.len() > 40 {
            break;
        }
    }
    out
}

/// Canonical ids of the addressees named at the start of `seg` (the text right
/// after the verb), in order, without duplicates.
pub fn find<'l>(lang: &'l Language, seg: &str) -> Vec<&'l str> {
    let items = items(seg);
    let mut ids: Vec<&'l str> = Vec::new();
    let mut i = 0;
    loop {
        while items
            .get(i)
            .is_some_and(|it| !it.comma && lang.addressee_skip.contains(&it.upper))
        {
            i += 1;
        }
        // Empty only when `i` is past the end, as `saturating_sub` counted it.
        let rest = items.get(i..).unwrap_or_default();
        let matched = lang.addressees.iter().find(|p| {
            p.words.len() <= rest.len()
                && p.words.iter().zip(rest).all(|(w, it)| {
                    !it.comma
                        && &it.upper == w
                        && (!p.case_sensitive
                            || crate::text::is_all_caps(it.raw)
                            || it.raw.chars().count() < 2)
                })
        });
        let Some(p) = matched else { break };
        if !ids.contains(&p.id.as_str()) {
            ids.push(p.id.as_str());
        }
        i += p.words.len();
        // A connector (`un`, `,`, `kā arī`) continues the list.
        let mut advanced = false;
        for c in &lang.addressee_connectors {
            let cw: Vec<&str> = c.split_whitespace().collect();
            if cw
                .iter()
                .enumerate()
                .all(|(k, w)| items.get(i + k).is_some_and(|it| it.upper == *w))
            {
                i += cw.len();
                advanced = true;
                break;
            }
        }
        if !advanced {
            break;
        }
        // "…, un Augsto pārstāvi": a comma followed by a conjunction.
        if let Some(it) = items.get(i) {
            if lang.addressee_connectors.iter().any(|c| c == &it.upper) && !it.comma {
                i += 1;
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(code: &str, s: &str) -> Vec<&'static str> {
        find(Language::get(code).unwrap(), s)
    }

    #[test]
    fn latvian() {
        assert_eq!(
            ids(
                "lv",
                " dalībvalstis, Komisiju un Augsto pārstāvi regulāri ziņot"
            ),
            ["member_states", "commission", "high_representative"]
        );
        assert_eq!(
            ids("lv", " ES un tās dalībvalstis labāk izmantot"),
            ["eu", "member_states"]
        );
        assert!(ids("lv", " izstrādāt pakāpeniskas pieejas").is_empty());
        // "es" (the pronoun) is not the EU.
        assert!(ids("lv", " es esmu").is_empty());
    }

    #[test]
    fn dutch_and_english() {
        assert_eq!(
            ids(
                "nl",
                " de lidstaten, de Commissie en de hoge vertegenwoordiger regelmatig"
            ),
            ["member_states", "commission", "high_representative"]
        );
        assert_eq!(
            ids("nl", " de EU en haar lidstaten ERTOE OP:"),
            ["eu", "member_states"]
        );
        assert_eq!(
            ids("en", " the Commission and the High Representative to"),
            ["commission", "high_representative"]
        );
    }
}
