//! SARIF 2.1.0 output (GitHub code scanning, GitLab, Azure DevOps), written
//! with serde from our own finding type.

use crate::lint::{Finding, RuleMeta, Severity};
use crate::parse::Document;
use serde_json::{json, Value};

/// What the run was, for the log's `automationDetails` and `invocations`.
pub struct Run<'a> {
    /// The subcommand (`lint`, `align`): the category GitHub code scanning
    /// keeps results apart by.
    pub command: &'a str,
    /// Whether every input could be read (exit code other than 2).
    pub successful: bool,
    /// Errors to report as tool notifications (files that could not be read).
    pub errors: &'a [String],
}

/// One file's findings.
pub struct FileFindings<'a> {
    pub path: &'a str,
    pub doc: &'a Document,
    pub findings: &'a [Finding],
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The URI of a path relative to the working directory, with `/` separators
/// and percent-encoded characters that URIs do not allow.
fn artifact_uri(path: &str) -> String {
    let p = std::path::Path::new(path);
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(|r| r.to_path_buf()))
        .unwrap_or_else(|| p.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(doc: &Document, start: usize, end: usize) -> Value {
    json!({
        "startLine": doc.line_of(start),
        "startColumn": doc.column_of(start),
        "endLine": doc.line_of(end),
        "endColumn": doc.column_of(end),
    })
}

fn rule_descriptor(m: &RuleMeta) -> Value {
    json!({
        "id": m.name,
        "name": m.name,
        "shortDescription": { "text": m.summary },
        "fullDescription": { "text": m.rationale },
        "help": {
            "text": format!("{}\n\nBad: {}\nGood: {}", m.rationale, m.bad, m.good),
            "markdown": format!("{}\n\nBad:\n```\n{}\n```\nGood:\n```\n{}\n```", m.rationale, m.bad, m.good),
        },
        "defaultConfiguration": { "level": level(m.severity) },
    })
}

/// A fingerprint of each finding that survives edits elsewhere in the file:
/// the baseline's (rule, the text the finding covers and a little context,
/// spaces folded; never its line) and its rank among findings with the same
/// one, so inserting lines above a finding keeps its fingerprint and code
/// scanning keeps tracking it.
fn fingerprints(doc: &Document, findings: &[Finding]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let key = crate::baseline::fingerprint(doc, f);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            format!("{key}:{n}")
        })
        .collect()
}

/// A SARIF log for `files`, declaring `rules` in the tool driver.
pub fn render(files: &[FileFindings], rules: &[&RuleMeta], run: &Run) -> String {
    let index = |name: &str| rules.iter().position(|r| r.name == name);
    let mut results = Vec::new();
    for f in files {
        let uri = artifact_uri(f.path);
        let prints = fingerprints(f.doc, f.findings);
        for (d, print) in f.findings.iter().zip(prints) {
            let mut r = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": d.message },
                "partialFingerprints": { "conclintFinding/v1": print },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(f.doc, d.start, d.end),
                    }
                }],
            });
            crate::docx::add_to_sarif(&mut r, f.doc, d.start);
            // `r` is the object built above.
            if let Some(obj) = r.as_object_mut() {
                if let Some(i) = index(d.rule) {
                    obj.insert("ruleIndex".into(), json!(i));
                }
                if let Some(fix) = &d.fix {
                    obj.insert("fixes".into(), json!([{
                        "description": { "text": d.help.clone().unwrap_or_else(|| "apply the fix".into()) },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri },
                            "replacements": [{
                                "deletedRegion": region(f.doc, fix.start, fix.end),
                                "insertedContent": { "text": fix.replacement },
                            }],
                        }],
                    }]));
                }
                if !d.related.is_empty() {
                    obj.insert("relatedLocations".into(), Value::Array(
                        d.related
                            .iter()
                            .enumerate()
                            .map(|(k, rel)| {
                                json!({
                                    "id": k,
                                    "physicalLocation": {
                                        "artifactLocation": { "uri": artifact_uri(&rel.path) },
                                        "region": { "startLine": rel.line, "startColumn": rel.column },
                                    },
                                })
                            })
                            .collect(),
                    ));
                }
            }
            results.push(r);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "conclint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/conclint/conclint",
                    "rules": rules.iter().map(|m| rule_descriptor(m)).collect::<Vec<_>>(),
                }
            },
            // Columns count characters (Unicode code points), as in the JSON output.
            "columnKind": "unicodeCodePoints",
            "automationDetails": { "id": format!("conclint/{}/", run.command) },
            "invocations": [{
                "executionSuccessful": run.successful,
                "toolExecutionNotifications": run.errors.iter().map(|e| json!({
                    "level": "error",
                    "message": { "text": e },
                })).collect::<Vec<_>>(),
            }],
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}
