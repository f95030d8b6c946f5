//! GitHub Actions workflow commands: one annotation per finding.

use crate::lint::{Finding, Severity};
use crate::parse::Document;

/// Escapes a message (`%`, CR, LF), per GitHub's workflow command rules.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Annotations for one file's findings.
pub fn render(doc: &Document, path: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(path),
            doc.line_of(f.start),
            doc.column_of(f.start),
            doc.line_of(f.end),
            doc.column_of(f.end),
            escape_property(f.rule),
            escape_data(&f.message),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
