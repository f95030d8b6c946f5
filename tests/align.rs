//! Cross-language alignment: the 6122/15 pair aligns unit for unit, and each
//! single mutation of one version is reported exactly, at the right lines.

use conclint::align::{align, Step, Version};
use conclint::lint::Finding;
use conclint::parse::parse;
use std::path::Path;

fn text(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(name),
    )
    .unwrap()
}

fn version(path: &str, text: String) -> Version {
    Version::new(path.to_string(), parse(text, None))
}

/// (file index, rule, line, message) of every finding.
type Key = (usize, &'static str, usize, String);

fn keys(lv: &str, nl: &str) -> Vec<Key> {
    let a = version("lv.txt", lv.to_string());
    let b = version("nl.txt", nl.to_string());
    let al = align(&a, &b);
    let mut out = Vec::new();
    for (k, (fs, v)) in al.findings.iter().zip([&a, &b]).enumerate() {
        for f in fs {
            out.push(key(k, f, v));
        }
    }
    out
}

fn key(k: usize, f: &Finding, v: &Version) -> Key {
    (k, f.rule, v.doc.line_of(f.start), f.message.clone())
}

/// Findings of the mutated pair that the original pair does not have (an
/// unchanged finding may have moved to another line after a deletion, so
/// findings are matched by file, rule and message).
fn new_findings(lv: &str, nl: &str) -> Vec<(usize, &'static str, usize)> {
    new_findings_between(
        (
            "lv-6122-15-cyber-diplomacy.txt",
            "nl-6122-15-cyber-diplomacy.txt",
        ),
        lv,
        nl,
    )
}

/// As [`new_findings`], with the Dutch version first.
fn new_findings_swapped(nl: &str, lv: &str) -> Vec<(usize, &'static str, usize)> {
    new_findings_between(
        (
            "nl-6122-15-cyber-diplomacy.txt",
            "lv-6122-15-cyber-diplomacy.txt",
        ),
        nl,
        lv,
    )
}

/// New findings of the pair (`a`, `b`) against the corpus pair `originals`.
fn new_findings_between(
    originals: (&str, &str),
    a: &str,
    b: &str,
) -> Vec<(usize, &'static str, usize)> {
    let mut base: Vec<(usize, &str, String)> = keys(&text(originals.0), &text(originals.1))
        .into_iter()
        .map(|(f, r, _, m)| (f, r, m))
        .collect();
    let mut out = Vec::new();
    for (f, r, l, m) in keys(a, b) {
        match base.iter().position(|x| *x == (f, r, m.clone())) {
            Some(p) => {
                base.remove(p);
            }
            None => out.push((f, r, l)),
        }
    }
    out
}

#[test]
fn the_pair_aligns_unit_for_unit() {
    let a = version("lv.txt", text("lv-6122-15-cyber-diplomacy.txt"));
    let b = version("nl.txt", text("nl-6122-15-cyber-diplomacy.txt"));
    let al = align(&a, &b);
    assert!(al.steps.iter().all(|s| matches!(s, Step::Both(..))));
    assert_eq!(al.steps.len(), 9 + 3 + 6 + 32 + 8 + 39);
    let rules: Vec<&str> = al.findings.iter().flatten().map(|f| f.rule).collect();
    assert!(rules.iter().all(|r| *r == "align-number"), "{rules:?}");
    // The real differences: footnote 1 cites 9981/10 in LV, 9981/1/10 REV 1
    // and COM(2010) 245 definitief/2 in NL.
    let all: Vec<Key> = keys(
        &text("lv-6122-15-cyber-diplomacy.txt"),
        &text("nl-6122-15-cyber-diplomacy.txt"),
    );
    let messages: Vec<&str> = all.iter().map(|k| k.3.as_str()).collect();
    assert_eq!(all.len(), 3, "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("`9981/10`")));
    assert!(messages.iter().any(|m| m.starts_with("`9981/1/10 REV 1`")));
}

#[test]
fn a_deleted_list_item_is_reported_once() {
    let nl = text("nl-6122-15-cyber-diplomacy.txt").replace(
        "• bijdraagt aan beperking van bedreigingen van de cyberveiligheid, aan conflictpreventie en een \n\ngrotere stabiliteit in de internationale betrekkingen door het gebruik van diplomatieke en \n\njuridische instrumenten, \n\n",
        "",
    );
    assert_eq!(
        new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &nl),
        [(0, "align-structure", 62)]
    );
}

#[test]
fn an_inserted_recital_is_reported_once() {
    let nl = text("nl-6122-15-cyber-diplomacy.txt").replace(
        "OVERWEGEND dat",
        "HERINNEREND aan de conclusies van de Raad, \n\nOVERWEGEND dat",
    );
    assert_eq!(
        new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &nl),
        [(1, "align-structure", 92)]
    );
}

#[test]
fn an_altered_year_is_reported_in_both_versions() {
    let nl =
        text("nl-6122-15-cyber-diplomacy.txt").replace("verslag over 20136", "verslag over 20126");
    let mut found = new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &nl);
    found.sort();
    assert_eq!(found, [(0, "align-number", 96), (1, "align-number", 241)]);
}

#[test]
fn an_altered_verb_is_reported() {
    let nl = text("nl-6122-15-cyber-diplomacy.txt").replace(
        "VERZOEKT de EU en haar lidstaten om, onder",
        "BENADRUKT de EU en haar lidstaten om, onder",
    );
    assert_eq!(
        new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &nl),
        [(0, "align-function", 71)]
    );
}

#[test]
fn a_removed_footnote_is_reported() {
    let nl =
        text("nl-6122-15-cyber-diplomacy.txt").replace("9 Binnen hun respectieve mandaten. \n", "");
    let found = new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &nl);
    assert_eq!(found, [(0, "align-footnote", 161)], "{found:?}");
}

#[test]
fn a_moved_paragraph_is_reported_where_it_left_and_where_it_arrived() {
    let nl = text("nl-6122-15-cyber-diplomacy.txt");
    let para = "BLIJFT ijveren voor het Verdrag van de Raad van Europa inzake cybercriminaliteit als kader voor \ninternationale samenwerking, \n\n";
    let moved = nl.replace(para, "").replace(
        "Strategische samenwerking met belangrijke",
        &format!("{para}Strategische samenwerking met belangrijke"),
    );
    let mut found = new_findings(&text("lv-6122-15-cyber-diplomacy.txt"), &moved);
    found.sort();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.1 == "align-structure"));
}

#[test]
fn alignment_is_fast() {
    let a = version("lv.txt", text("lv-6122-15-cyber-diplomacy.txt"));
    let b = version("nl.txt", text("nl-6122-15-cyber-diplomacy.txt"));
    let t = std::time::Instant::now();
    for _ in 0..10 {
        std::hint::black_box(align(&a, &b));
    }
    assert!(
        t.elapsed().as_millis() < 2_000,
        "10 alignments took {:?}",
        t.elapsed()
    );
}

/// Deletes each unit of one kind from the Dutch version in turn: each time,
/// exactly one `align-structure` finding, on the Latvian counterpart.
fn delete_each(kind: conclint::ast::Kind) -> (usize, Vec<String>) {
    delete_each_from(kind, false)
}

/// As [`delete_each`], deleting from the Latvian version when `from_lv`.
fn delete_each_from(kind: conclint::ast::Kind, from_lv: bool) -> (usize, Vec<String>) {
    let (lv_text, nl_text) = if from_lv {
        (
            text("nl-6122-15-cyber-diplomacy.txt"),
            text("lv-6122-15-cyber-diplomacy.txt"),
        )
    } else {
        (
            text("lv-6122-15-cyber-diplomacy.txt"),
            text("nl-6122-15-cyber-diplomacy.txt"),
        )
    };
    let a = version("lv.txt", lv_text.clone());
    let b = version("nl.txt", nl_text.clone());
    let base = align(&a, &b);
    // The Latvian line aligned with each Dutch unit start.
    let mut counterpart = std::collections::HashMap::new();
    let (lv_units, _) = conclint::align::units::extract(&a.doc);
    let (nl_units, _) = conclint::align::units::extract(&b.doc);
    for s in &base.steps {
        if let Step::Both(i, j) = s {
            counterpart.insert(nl_units[*j].start, lv_units[*i].line);
        }
    }
    let mut failures = Vec::new();
    let mut tried = 0;
    let mut spans = Vec::new();
    for n in b.doc.nodes() {
        if n.kind() == kind {
            spans.push((n.span().start, n.span().end));
        }
    }
    for (s, e) in spans {
        let Some(&lv_line) = counterpart.get(&s) else {
            continue;
        };
        tried += 1;
        let mutated = format!("{}{}", &nl_text[..s], &nl_text[e..]);
        let mut found = if from_lv {
            new_findings_swapped(&lv_text, &mutated)
        } else {
            new_findings(&lv_text, &mutated)
        };
        // Notes referred to only from the deleted unit now hang loose: that
        // follows from the deletion, it is not another difference.
        found.retain(|f| f.1 != "align-footnote");
        if found != [(0, "align-structure", lv_line)] {
            failures.push(format!(
                "deleting NL bytes {s}..{e}: expected LV line {lv_line}, got {found:?}"
            ));
        }
    }
    (tried, failures)
}

#[test]
fn deleting_any_list_item_is_reported_on_its_counterpart() {
    let (tried, failures) = delete_each(conclint::ast::Kind::ListItem);
    eprintln!(
        "NL list items: {} of {tried} deletions reported exactly",
        tried - failures.len()
    );
    assert!(tried >= 39);
    // Known limit: two neighbouring items of one list with similar length
    // and no shared cognate stems can swap (1 of 39 here, NL line 418).
    assert!(
        failures.len() <= 1,
        "{} of {tried} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deleting_any_recital_is_reported_on_its_counterpart() {
    let (tried, failures) = delete_each(conclint::ast::Kind::Recital);
    assert!(tried >= 9);
    assert!(
        failures.is_empty(),
        "{} of {tried} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deleting_from_the_latvian_version_too() {
    for kind in [conclint::ast::Kind::Recital, conclint::ast::Kind::Paragraph] {
        let (tried, failures) = delete_each_from(kind, true);
        assert!(tried >= 9);
        assert!(
            failures.is_empty(),
            "{kind:?}: {} of {tried} failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    // Known limit: inside one list, an item may be matched with its
    // neighbour when both are of similar length and share no cognates; the
    // finding then lands one item off (4 of 39 Latvian items here).
    let (tried, failures) = delete_each_from(conclint::ast::Kind::ListItem, true);
    eprintln!(
        "LV list items: {} of {tried} deletions reported exactly",
        tried - failures.len()
    );
    assert!(tried >= 39);
    assert!(
        failures.len() <= 4,
        "{} of {tried} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deleting_any_paragraph_is_reported_on_its_counterpart() {
    // A paragraph goes with its list: one finding for the paragraph (and
    // footnote findings for the notes it referred to).
    let (tried, failures) = delete_each(conclint::ast::Kind::Paragraph);
    assert!(tried >= 32);
    assert!(
        failures.is_empty(),
        "{} of {tried} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
