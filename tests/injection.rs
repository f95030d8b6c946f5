//! One defect injected at a time into real and realistic texts: each rule
//! catches its defect on the right line, and nothing else at warning or
//! error level appears.

use conclint::lint::{config::Config, lint, Severity};
use conclint::parse::parse;
use std::path::Path;

/// (text, rule, original snippet, injected snippet, expected line)
const CASES: &[(&str, &str, &str, &str, usize)] = &[
    (
        "fixtures/draft-en-cover-footers.txt",
        "elision",
        "has deteriorated significantly",
        "has deteriorated [...] significantly",
        40,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "placeholder",
        "by the end of 2026",
        "by the end of 20XX",
        45,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "bracketed-text",
        "by the end of 2026",
        "[by the end of 2026]",
        45,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-case",
        "1. STRESSES that",
        "1. Stresses that",
        40,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-case",
        "2024. UNDERLINES",
        "2024. Underlines",
        42,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-unknown",
        "1. STRESSES that",
        "1. STRESES that",
        40,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-unknown",
        "and INVITES Member",
        "and INVTES Member",
        46,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-role",
        "4. NOTES that the Council will review these conclusions in 2027, and LOOKS FORWARD to",
        "4. NOTING that the Council will review these conclusions in 2027, and looking forward to",
        62,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "verb-role",
        "EMPHASISING that the EU's",
        "EMPHASISES that the EU's",
        33,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "footnote-undefined",
        "significantly since 2022",
        "significantly since 2022⁴",
        40,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "footnote-unused",
        "Cyber Resilience Act3, and",
        "Cyber Resilience Act, and",
        52,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "numbering",
        "3. WELCOMES",
        "4. WELCOMES",
        55,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "heading-sequence",
        "II. RESPONSE",
        "III. RESPONSE",
        60,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "clause-terminator",
        "Digital Decade1 and on\nthe development of the European Union's cyber posture2,",
        "Digital Decade1 and on\nthe development of the European Union's cyber posture2;",
        31,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "quotes",
        "the EU's cyber posture\n\nTHE",
        "the \"EU's cyber posture\n\nTHE",
        26,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "quotes",
        "report on the implementation",
        "report on the \"implementation",
        46,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "draft-marker",
        "\nNOTE\n",
        "\nOUTCOME OF PROCEEDINGS\n",
        26,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "subject-title-mismatch",
        "Subject: Draft Council conclusions on the EU's cyber posture",
        "Subject: Draft Council conclusions on space policy",
        26,
    ),
    (
        "fixtures/draft-en-cover-footers.txt",
        "header",
        "Brussels, 14 November 2025",
        "Brussels, 41 November 2025",
        4,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "elision",
        "ļaunprātīga rīcība kibertelpā",
        "ļaunprātīga [...] rīcība kibertelpā",
        91,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "placeholder",
        "līdz 2022. gada beigām izskatīt",
        "līdz 20XX. gada beigām izskatīt",
        267,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "bracketed-text",
        "līdz 2022. gada beigām izskatīt",
        "[līdz 2022. gada beigām] izskatīt",
        267,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "verb-case",
        "5. AICINA attiecīgās",
        "5. Aicina attiecīgās",
        199,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "verb-unknown",
        "5. AICINA attiecīgās",
        "5. AICNA attiecīgās",
        199,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "verb-unknown",
        "kuras centrā ir Apvienoto Nāciju Organizācija.",
        "kuras centrā ir Apvienoto Nāciju Organizācija. UZSVĒR nozīmi.",
        133,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "verb-in-list-item",
        "– par interneta pārvaldību 3, ",
        "– par interneta pārvaldību 3. AICINA Komisiju ziņot, ",
        15,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "heading-sequence",
        " III. POPULARIZĒT",
        " IV. POPULARIZĒT",
        403,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "list-item-terminator",
        "– par kiberdiplomātiju 4, ",
        "– par kiberdiplomātiju 4 ",
        17,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "list-lead-in",
        "ATGĀDINOT savus secinājumus: ",
        "ATGĀDINOT savus secinājumus; ",
        7,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "quotes",
        "un mācībām \"EU CyCLES 2022\",",
        "un mācībām \"EU CyCLES 2022,",
        296,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "brackets",
        "(TID), projekts regulai",
        "(TID, projekts regulai",
        173,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "bullet-style",
        "– par ES kiberaizsardzības politikas satvaru 2, ",
        "- par ES kiberaizsardzības politikas satvaru 2, ",
        13,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "footnote-unused",
        "– par interneta pārvaldību 3, ",
        "– par interneta pārvaldību, ",
        42,
    ),
    (
        "corpus/lv-2022-cyber-posture.txt",
        "clause-terminator",
        "ekonomikas traucējumus. ",
        "ekonomikas traucējumus; ",
        117,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "elision",
        "ES pamatvērtības – demokrātija",
        "ES pamatvērtības [...] – demokrātija",
        58,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "verb-case",
        "TURPINA popularizēt",
        "Turpina popularizēt",
        152,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "verb-unknown",
        "ATZĪST, ka internets",
        "ATZIST, ka internets",
        122,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "verb-role",
        "ATGĀDINOT, cik ļoti",
        "ATGĀDINA, cik ļoti",
        46,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "verb-role",
        "ŅEM VĒRĀ, ka šie",
        "ŅEMOT VĒRĀ, ka šie",
        67,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "footnote-undefined",
        "Londonas procesā\"",
        "Londonas procesā\"¹⁰",
        112,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "list-item-terminator",
        "un tiesības uz privātumu,\n- nodrošina",
        "un tiesības uz privātumu\n- nodrošina",
        58,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "list-lead-in",
        "AICINA ES un dalībvalstis:\n\n- veicināt",
        "AICINA ES un dalībvalstis;\n\n- veicināt",
        77,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "clause-terminator",
        "ekonomikas izaugsmi;\n\nŅEMOT",
        "ekonomikas izaugsmi.\n\nŅEMOT",
        48,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "bullet-style",
        "- aktīvi veicināt to",
        "• aktīvi veicināt to",
        80,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "quotes",
        "piemēram, \"Londonas procesā\"",
        "piemēram, \"Londonas procesā",
        112,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "brackets",
        "(IKT) un internetam",
        "(IKT un internetam",
        91,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "verb-in-list-item",
        "- veicina kiberpolitiku, kurā ņemti vērā dzimumu līdztiesības jautājumi,",
        "- veicina kiberpolitiku. AICINA Komisiju ziņot,",
        60,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "placeholder",
        "2015. gadā notiks Hāgā",
        "20XX. gadā notiks Hāgā",
        112,
    ),
    (
        "corpus/lv-6122-15-cyber-diplomacy.txt",
        "bracketed-text",
        "notiks Hāgā",
        "notiks [Hāgā]",
        112,
    ),
];

fn findings(text: &str) -> Vec<(&'static str, usize, usize, Severity)> {
    let doc = parse(text.to_string(), None);
    lint(&doc, &Config::default())
        .into_iter()
        .map(|f| {
            (
                f.rule,
                doc.line_of(f.start),
                doc.line_of(f.end.saturating_sub(1).max(f.start)),
                f.severity,
            )
        })
        .collect()
}

#[test]
fn each_injected_defect_is_caught_on_its_line_and_nothing_else() {
    let mut failures = Vec::new();
    for &(file, rule, old, new, line) in CASES {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests")
                .join(file),
        )
        .unwrap();
        assert!(text.contains(old), "{file}: snippet for {rule} not found");
        let base = findings(&text);
        let injected = findings(&text.replacen(old, new, 1));
        let new_findings: Vec<_> = injected.into_iter().filter(|f| !base.contains(f)).collect();
        let hit = new_findings
            .iter()
            .any(|&(r, s, e, _)| r == rule && s <= line && line <= e);
        let noise: Vec<_> = new_findings
            .iter()
            .filter(|&&(r, s, e, sev)| {
                !(r == rule && s <= line && line <= e) && sev != Severity::Info
            })
            .collect();
        if !hit || !noise.is_empty() {
            failures.push(format!("{file}: {rule} @{line}: hit={hit} noise={noise:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
