//! Safe automatic fixes: apply the fixes lint rules offer (verb case, a verb
//! misspelling with one close match, bullets within a list, footnote marker
//! spacing) until nothing is left to fix, changing only the bytes each fix
//! names. Writing is `crate::safe_write`'s.

use crate::lexicon::Language;
use crate::lint::{config::Config, lint, Fix};

/// How many lint-and-fix passes at most (fixes can enable others).
const MAX_PASSES: usize = 4;

/// Applies non-overlapping fixes (sorted by position; a fix overlapping an
/// earlier one waits for the next pass).
pub fn apply(source: &str, fixes: &[Fix]) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.iter().collect();
    fixes.sort_by_key(|f| (f.start, f.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    let mut applied = 0;
    for f in fixes {
        // Skipped: a fix overlapping the one before (`start < pos`), or with
        // an offset past the end of the source or inside a character.
        let Some(kept) = source.get(pos..f.start) else {
            continue;
        };
        if !source.is_char_boundary(f.end) {
            continue;
        }
        out.push_str(kept);
        out.push_str(&f.replacement);
        pos = f.end;
        applied += 1;
    }
    // `pos` is 0 or the end of an applied fix: a char boundary of `source`.
    out.push_str(source.get(pos..).unwrap_or_default());
    (out, applied)
}

/// Lints and fixes `text` until stable. Returns the fixed text and the
/// number of fixes applied.
pub fn fix_text(text: &str, lang: Option<&'static Language>, config: &Config) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    for _ in 0..MAX_PASSES {
        let doc = crate::parse::parse(current.clone(), lang);
        let fixes: Vec<Fix> = lint(&doc, config)
            .into_iter()
            .filter_map(|f| f.fix)
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (next, n) = apply(&current, &fixes);
        if n == 0 || next == current {
            break;
        }
        total += n;
        current = next;
    }
    (current, total)
}

/// A unified diff of a fix.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(path, path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_fixes_wait() {
        let fixes = [
            Fix {
                start: 0,
                end: 3,
                replacement: "ABC".into(),
            },
            Fix {
                start: 2,
                end: 4,
                replacement: "x".into(),
            },
            Fix {
                start: 5,
                end: 6,
                replacement: "Z".into(),
            },
        ];
        assert_eq!(apply("abcdefg", &fixes), ("ABCdeZg".to_string(), 2));
    }

    #[test]
    fn fixing_is_idempotent_and_local() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nAicina Komisiju ziņot;\n\nUZSVĒR, ka y;\n\nUZSVER z.\n";
        let (fixed, n) = fix_text(text, Language::get("lv"), &Config::default());
        assert_eq!(n, 2);
        assert_eq!(
            fixed,
            text.replace("Aicina", "AICINA").replace("UZSVĒR", "UZSVER")
        );
        assert_eq!(
            fix_text(&fixed, Language::get("lv"), &Config::default()).1,
            0
        );
    }
}
