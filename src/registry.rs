//! The one table of rule metadata: every rule, lint and align alike, with
//! its name, default severity, scope, fixability, docs and examples.
//!
//! `conclint rules`, `conclint explain`, `docs/rules.md`, SARIF rule
//! descriptors and the validation of `select`/`ignore`/`severity` all read
//! this module; it is the only place where the lint and align metadata are
//! put together. (The lint *checks* stay in `lint::rules::REGISTRY`; the
//! align comparisons in `align/mod.rs`.)

use crate::lint::config::Config;
use crate::lint::{RuleMeta, Scope};
use std::path::Path;
use std::sync::LazyLock;

/// Lint rules first, in registry order, then the align rules.
static ALL: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    crate::lint::rules::REGISTRY
        .iter()
        .map(|r| r.meta)
        .chain(crate::align::rules::METAS.iter().copied())
        .collect()
});

/// Every rule, in the order `conclint rules` lists them.
pub fn all() -> &'static [&'static RuleMeta] {
    &ALL
}

/// The rules of one scope (what `lint` or `align` declares in SARIF).
pub fn of_scope(scope: Scope) -> Vec<&'static RuleMeta> {
    all().iter().copied().filter(|m| m.scope == scope).collect()
}

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static RuleMeta> {
    all().iter().copied().find(|m| m.name == name)
}

/// The registered name nearest to a misspelt one, when one is near enough
/// to be what the user meant: a few edits away (`verb-cse`, `allign-number`),
/// or the one rule whose name contains what was typed (`function` for
/// `align-function`). `None` rather than a far-fetched guess.
pub fn suggest(name: &str) -> Option<&'static str> {
    let typed = name.trim().to_lowercase().replace('_', "-");
    if typed.is_empty() {
        return None;
    }
    let nearest = all()
        .iter()
        .map(|m| (strsim::damerau_levenshtein(&typed, m.name), m.name))
        .min();
    // A third of the length, at least two edits: `numbring` is `numbering`,
    // `quote` is `quotes`, but `nope` is nothing.
    let budget = (typed.chars().count() / 3).max(2);
    if let Some((d, best)) = nearest {
        if d <= budget {
            return Some(best);
        }
    }
    let mut containing = all()
        .iter()
        .filter(|m| typed.chars().count() >= 4 && m.name.contains(typed.as_str()));
    match (containing.next(), containing.next()) {
        (Some(m), None) => Some(m.name),
        _ => None,
    }
}

/// "unknown rule `x`", with a suggestion when there is one: the message
/// every place that takes a rule name gives.
pub fn unknown(name: &str) -> String {
    match suggest(name) {
        Some(s) => format!("unknown rule `{name}`; did you mean `{s}`? (see `conclint rules`)"),
        None => format!("unknown rule `{name}` (see `conclint rules` for the list)"),
    }
}

/// Every rule name a config mentions must exist. Align rules count: one
/// `conclint.toml` serves both `lint` and `align`.
pub fn validate(config: &Config) -> Result<(), String> {
    for name in config.rule_names() {
        if find(name).is_none() {
            return Err(unknown(name));
        }
    }
    Ok(())
}

/// Reads and validates a config file.
pub fn load_config(path: &Path) -> Result<Config, String> {
    let c = Config::parse_file(path)?;
    validate(&c).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_rules_are_errors() {
        assert!(toml::from_str::<Config>("selec = []").is_err());
        let c: Config = toml::from_str("ignore = [\"no-such-rule\"]").unwrap();
        assert!(validate(&c).is_err());
        let c: Config = toml::from_str("ignore = [\"elision\"]\nfail-on = \"error\"").unwrap();
        assert!(validate(&c).is_ok());
        let c: Config =
            toml::from_str("ignore = [\"align-number\"]\n[severity]\nalign-footnote = \"error\"")
                .unwrap();
        assert!(validate(&c).is_ok(), "align rules are rules too");
        let c: Config = toml::from_str("select = [\"verb-cse\"]").unwrap();
        assert!(validate(&c)
            .unwrap_err()
            .contains("did you mean `verb-case`?"));
    }

    #[test]
    fn names_are_unique_and_both_scopes_are_present() {
        let mut names: Vec<&str> = all().iter().map(|m| m.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate rule names");
        assert_eq!(of_scope(Scope::Document).len(), 23);
        assert_eq!(of_scope(Scope::Pair).len(), 4);
        assert!(find("align-function").is_some_and(|m| m.scope == Scope::Pair));
        assert!(find("elision").is_some_and(|m| m.scope == Scope::Document));
    }

    #[test]
    fn suggestions_for_misspellings_and_none_for_nonsense() {
        assert_eq!(suggest("align-fuction"), Some("align-function"));
        assert_eq!(suggest("verb_case"), Some("verb-case"));
        assert_eq!(suggest("numbring"), Some("numbering"));
        assert_eq!(suggest("function"), Some("align-function"));
        assert_eq!(suggest("nope"), None);
        assert_eq!(suggest(""), None);
        // `footnote` is in four names: no guess.
        assert_eq!(suggest("footnote"), None);
    }
}
