//! CI integrations: SARIF validity, safe fixes, baselines.

use conclint::lint::{config::Config, lint};
use conclint::parse::parse;
use std::path::Path;

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            (
                format!("tests/corpus/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn sarif_of_every_corpus_file_validates_against_the_official_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sarif-2.1.0-schema.json"))
            .expect("schema parses");
    let validator = jsonschema::JSONSchema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .compile(&schema)
        .expect("schema compiles");
    let rules = conclint::registry::of_scope(conclint::lint::Scope::Document);
    for (name, text) in corpus() {
        let doc = parse(text, None);
        let findings = lint(&doc, &Config::default());
        let ff = [conclint::render::sarif::FileFindings {
            path: &name,
            doc: &doc,
            findings: &findings,
        }];
        let out = conclint::render::sarif::render(
            &ff,
            &rules,
            &conclint::render::sarif::Run {
                command: "lint",
                successful: true,
                errors: &[],
            },
        );
        let instance: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = match validator.validate(&instance) {
            Ok(()) => Vec::new(),
            Err(errs) => errs
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect(),
        };
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        // The validator does reject a broken log.
        let mut broken = instance.clone();
        broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
        if !findings.is_empty() {
            assert!(
                !validator.is_valid(&broken),
                "{name}: a wrong level must not validate"
            );
        }
        assert_eq!(
            instance["runs"][0]["results"].as_array().unwrap().len(),
            findings.len()
        );
    }
}

#[test]
fn fixes_change_only_their_spans_and_a_second_run_finds_nothing_to_fix() {
    let mut total = 0;
    for (name, text) in corpus() {
        let doc = parse(text.clone(), None);
        let fixes: Vec<_> = lint(&doc, &Config::default())
            .into_iter()
            .filter_map(|f| f.fix)
            .collect();
        let (fixed, _) = conclint::fix::apply(&text, &fixes);
        // Every changed region of the original lies inside a fix span.
        let diff = similar::TextDiff::from_chars(&text, &fixed);
        let mut old_pos = 0;
        for op in diff.ops() {
            let r = op.old_range();
            // old_range is in characters: convert to bytes.
            let start = text
                .char_indices()
                .nth(r.start)
                .map_or(text.len(), |(i, _)| i);
            let end = text
                .char_indices()
                .nth(r.end)
                .map_or(text.len(), |(i, _)| i);
            if !matches!(op.tag(), similar::DiffTag::Equal) {
                assert!(
                    fixes
                        .iter()
                        .any(|f| f.start <= start && end <= f.end.max(f.start)),
                    "{name}: bytes {start}..{end} changed outside every fix"
                );
            }
            old_pos = end;
        }
        assert_eq!(old_pos, text.len());
        total += fixes.len();
        let (again, n) = conclint::fix::fix_text(&fixed, None, &Config::default());
        assert_eq!(n, 0, "{name}: a second run still fixes something");
        assert_eq!(again, fixed);
    }
    assert!(total >= 5, "the corpus has fixable defects ({total})");
}

#[test]
fn a_baseline_survives_edits_elsewhere_and_lets_new_defects_through() {
    let (name, text) = corpus()
        .into_iter()
        .find(|(n, _)| n.contains("lv-6122"))
        .unwrap();
    let doc = parse(text.clone(), None);
    let findings = lint(&doc, &Config::default());
    assert!(findings.len() > 5);
    let mut baseline = conclint::baseline::Baseline::default();
    baseline.add(&name, &doc, &findings);
    // Insert lines near the top, delete a paragraph in the middle, and add a
    // new defect at the end.
    let edited = text
        .replacen("Eiropas Savienības Padome,", "Eiropas Savienības Padome,\n\nJAUNA RINDA\n\nVĒL VIENA RINDA", 1)
        .replace("ŅEMOT VĒRĀ to, ka aizvien pieaug kibertelpas jautājumiem veltīto starptautisko forumu, divpusējo un daudzpusējo sanāksmju un procesu skaits, kas ir pārbaudījums visām ieinteresētajām personām pienācīgas līdzdalības nodrošināšanas ziņā;\n\n", "")
        .replace("TURPINA popularizēt", "TURPINA [...] popularizēt");
    let doc2 = parse(edited, None);
    let left = baseline.filter(&name, &doc2, lint(&doc2, &Config::default()));
    let rules: Vec<&str> = left.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["elision"], "{left:#?}");
    // 152 in the original: four lines inserted above, two deleted.
    assert_eq!(doc2.line_of(left[0].start), 154);
}
